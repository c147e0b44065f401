// Export compendium: a Google Doc of the published practices (shared/methods/compendium.ts builds the
// outline; this renders it). Its id is stored, so exporting again rewrites the SAME document; a document
// deleted or no longer shared is said so, and a new one is made only if the coordinator agrees.
import { buildCompendium, type CompendiumBlock } from "../../../shared/methods/compendium";
import { practiceFields } from "../../../shared/methods/practiceDraft";
import { guardMenuResult } from "../menuGuard";
import { readForm, settingsOf } from "../sheets/form";
import { openTable } from "../sheets/table";
import { confirm, type EvaluateReport, failed, stop, tell } from "./report";
import { readSiteNames } from "./sites";
import { COMPENDIUM_DOC_KEY, openStored, readStored, writeStored } from "./stored";

type Document = GoogleAppsScript.Document.Document;

const TITLE = "Export compendium";

// The template's fields and the id: what the compendium prints of each practice.
const PRACTICE_KEYS = ["practiceId", ...practiceFields] as const;

export interface CompendiumReport extends EvaluateReport {
  included?: string[];
  leftOut?: string[];
}

/** Peer Exchange › Export compendium. */
export function exportCompendium(): CompendiumReport {
  return guardMenuResult(TITLE, runExport, failed);
}

function runExport(): CompendiumReport {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const charter = readForm(spreadsheet, "Charter");
  if (!charter.ok) return stop(TITLE, charter.error.message);
  const ownership = String(charter.value.values.ownershipRules ?? "").trim();
  const dissemination = String(charter.value.values.disseminationRules ?? "").trim();
  if (ownership === "" || dissemination === "")
    return stop(
      TITLE,
      "The compendium opens with the charter's ownership and dissemination statement, and the Charter does not say yet who owns the knowledge product or how it may be shared. Fill in Ownership and Dissemination (Peer Exchange › Charter…), then export again. Nothing was changed.",
    );
  const practices = openTable(spreadsheet, "Practices", { require: PRACTICE_KEYS });
  if (!practices.ok) return stop(TITLE, practices.error.message);
  const insights = openTable(spreadsheet, "Insights", { require: ["clipId", "text", "confidential"] });
  if (!insights.ok) return stop(TITLE, insights.error.message);
  const sites = readSiteNames(spreadsheet);
  if (!sites.ok) return stop(TITLE, sites.error.message);

  const practiceRows = practices.value.read({ keys: PRACTICE_KEYS }).map((r) => r.record);
  if (!practiceRows.some((p) => p.status === "published"))
    return stop(
      TITLE,
      "No practice is published yet: the compendium holds published practices only. Set a practice's Status to “published” on the Practices tab when it has been reviewed, then export again. Nothing was changed.",
    );
  const settings = settingsOf(readForm(spreadsheet, "Settings"));
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const compendium = buildCompendium({
    exchangeName: String(charter.value.values.exchangeName ?? ""),
    ownership,
    dissemination,
    practices: practiceRows,
    clips: insights.value.read({ keys: ["clipId", "text", "confidential"] }).map((r) => r.record),
    sites: sites.value,
    shared: settings.compendiumShared === "yes",
    suppressionThreshold: settings.suppressionThreshold,
    exportedOn: Utilities.formatDate(new Date(), timeZone, "yyyy-MM-dd"),
  });
  const leftOut = compendium.leftOut.map((l) => `${l.title} (${l.reason})`);
  if (compendium.included.length === 0)
    return stop(TITLE, `Every published practice was left out: ${leftOut.join("; ")}. Nothing was exported.`);

  const target = documentToWrite(String(charter.value.values.exchangeName ?? ""));
  if (!target.ok) return stop(TITLE, target.message);
  const doc = target.doc;
  render(doc, compendium.blocks);
  doc.saveAndClose();

  const url = doc.getUrl();
  const lines = [
    `${target.reused ? "Updated" : "Created"} the compendium with ${compendium.included.length} published practice${compendium.included.length === 1 ? "" : "s"}: ${url}`,
  ];
  if (leftOut.length) lines.push(`Left out: ${leftOut.join("; ")}.`);
  if (compendium.withheld.length)
    lines.push(`Withheld because the text came from a confidential clip: ${compendium.withheld.join("; ")}.`);
  if (settings.compendiumShared === "yes")
    lines.push(
      `Shared outside the exchange (Settings): counts from 1 to ${settings.suppressionThreshold} are suppressed.`,
    );
  const message = lines.join("\n");
  tell(TITLE, message);
  return { ok: true, message, id: target.id, url, included: compendium.included, leftOut };
}

type Target = { ok: true; doc: Document; id: string; reused: boolean } | { ok: false; message: string };

/** The stored document (cleared), or a new one; null answer when the coordinator declines a new one. */
function documentToWrite(exchangeName: string): Target {
  const storedId = readStored(COMPENDIUM_DOC_KEY);
  if (storedId) {
    const doc = openStored(storedId, (id) => DocumentApp.openById(id));
    if (doc) {
      doc.getBody().clear();
      return { ok: true, doc, id: storedId, reused: true };
    }
    const again = confirm(
      TITLE,
      "The compendium document could not be opened: it was deleted, or it is no longer shared with you (ask its owner to share it back with edit access to keep the same link).\n\nCreate a new compendium document?",
    );
    if (!again)
      return { ok: false, message: "Nothing was exported: the compendium document is still missing." };
  }
  const doc = DocumentApp.create(`${exchangeName.trim() || "Peer exchange"}: best-practice compendium`);
  const id = doc.getId();
  writeStored(COMPENDIUM_DOC_KEY, id);
  doc.getBody().clear();
  return { ok: true, doc, id, reused: false };
}

/** Appends the blocks to the body. Docs applies them in one batch when the document is saved. */
function render(doc: Document, blocks: readonly CompendiumBlock[]): void {
  const body = doc.getBody();
  const H = DocumentApp.ParagraphHeading;
  const heading = {
    title: H.TITLE,
    heading1: H.HEADING1,
    heading2: H.HEADING2,
    paragraph: H.NORMAL,
  } as const;
  // The cleared body keeps one empty paragraph: the title goes into it rather than after it.
  let first: GoogleAppsScript.Document.Paragraph | null = body.getChild(0).asParagraph();
  for (const block of blocks) {
    if (block.kind === "table") body.appendTable(block.cells);
    else if (block.kind === "bullet")
      body.appendListItem(block.text).setGlyphType(DocumentApp.GlyphType.BULLET);
    else if (first) {
      first.setText(block.text);
      first.setHeading(heading[block.kind]);
      first = null;
    } else body.appendParagraph(block.text).setHeading(heading[block.kind]);
  }
}
