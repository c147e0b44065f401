// Peer Exchange › Promote to best practice: the selected clips become one draft summary on Practices,
// linked both ways (Practice › Source clips; Insight › Promoted to and Review status "promoted").
// Confidential clips are named and left out unless the coordinator includes them; clips whose PHI check
// was "attested" are pointed out first; a likely duplicate can take the clips instead (merge).
// Anything refused changes nothing; the writes happen under the document lock after every question.
import { cellText } from "../../../shared/clip/injection";
import {
  changedFields,
  type DraftClip,
  draftFromClips,
  mergePractice,
  nextPracticeId,
} from "../../../shared/methods/practiceDraft";
import { likelyDuplicates } from "../../../shared/methods/textSimilarity";
import { guardMenuResult } from "../menuGuard";
import { readSettings } from "../sheets/form";
import { fail, ok, type Result } from "../sheets/result";
import { openTable, type Table } from "../sheets/table";
import { openWorkbook } from "../sheets/workbook";
import { type SelectedClip, selectedClips } from "./insightSelection";
import {
  addPractice,
  findPractice,
  openPracticeBook,
  rereadPracticeBook,
  saveVersion,
} from "./practiceStore";
import { siteNamer } from "./siteNames";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Ui = GoogleAppsScript.Base.Ui;

const TITLE = "Promote to best practice";
const EXCERPT = 60;

export interface PromoteReport {
  ok: boolean;
  message: string;
  /** The practice the clips went into. */
  practiceId?: string;
  merged?: boolean;
}

const excerpt = (text: string): string => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= EXCERPT ? flat : `${flat.slice(0, EXCERPT - 1)}…`;
};
const line = (clip: SelectedClip): string => `• row ${clip.row}: “${excerpt(clip.record.text)}”`;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Clips that cannot be promoted as they are: already in a practice, or without an id to link back. */
function refusal(clips: readonly SelectedClip[]): string | null {
  const promoted = clips.filter(
    (c) => c.record.promotedTo.trim() !== "" || c.record.reviewStatus.trim().toLowerCase() === "promoted",
  );
  if (promoted.length > 0) {
    const lines = promoted.map(
      (c) =>
        `• row ${c.row} (clip ${c.record.clipId || "without id"}): already promoted to ${c.record.promotedTo.trim() || "a practice not named in Promoted to"}`,
    );
    return `Nothing was changed: a clip goes into one best-practice summary only.\n${lines.join("\n")}\n\nSelect only clips not yet promoted, or open Peer Exchange › Best-practice summary… to edit that practice.`;
  }
  const noId = clips.filter((c) => c.record.clipId.trim() === "");
  if (noId.length > 0) {
    return `Nothing was changed: ${noId.length === 1 ? "this row has" : "these rows have"} no Clip id, so the practice could not point back to ${noId.length === 1 ? "it" : "them"}.\n${noId.map(line).join("\n")}\n\nType an id that no other row uses into Clip id, then try again.`;
  }
  return null;
}

/** Asks about confidential and attested clips; returns the clips to use, or null when the coordinator stops. */
function askAboutSensitive(ui: Ui, clips: SelectedClip[]): { use: SelectedClip[]; leftOut: number } | null {
  let use = clips;
  let leftOut = 0;
  const confidential = clips.filter((c) => c.record.confidential);
  if (confidential.length > 0) {
    const answer = ui.alert(
      TITLE,
      `${confidential.length === 1 ? "This clip is" : `These ${confidential.length} clips are`} confidential and stay out of shared outputs:\n${confidential.map(line).join("\n")}\n\nInclude ${confidential.length === 1 ? "it" : "them"} in the practice anyway? Yes includes ${confidential.length === 1 ? "it" : "them"}; No leaves ${confidential.length === 1 ? "it" : "them"} out.`,
      ui.ButtonSet.YES_NO,
    );
    if (answer === ui.Button.NO) {
      use = clips.filter((c) => !c.record.confidential);
      leftOut = confidential.length;
    } else if (answer !== ui.Button.YES) return null;
  }
  if (use.length === 0) {
    ui.alert(
      TITLE,
      "Nothing was changed: every selected clip is confidential and was left out.",
      ui.ButtonSet.OK,
    );
    return null;
  }
  const attested = use.filter((c) => c.record.phiCheck.trim().toLowerCase() === "attested");
  if (attested.length > 0) {
    const answer = ui.alert(
      TITLE,
      `The scribe attested that ${attested.length === 1 ? "this clip" : "these clips"} may name patient details they checked and kept:\n${attested.map(line).join("\n")}\n\nRead ${attested.length === 1 ? "it" : "them"} and remove anything that identifies a patient before the practice is shared. OK goes on; Cancel changes nothing.`,
      ui.ButtonSet.OK_CANCEL,
    );
    if (answer !== ui.Button.OK) return null;
  }
  return { use, leftOut };
}

/** The clips, checked again under the lock: still in their rows and still not promoted. */
function unchanged(insights: Table<"Insights">, clips: readonly SelectedClip[]): boolean {
  const rows = clips.map((c) => c.row);
  const now = new Map(
    insights
      .read({
        keys: ["clipId", "reviewStatus", "promotedTo"],
        span: { from: Math.min(...rows), to: Math.max(...rows) },
      })
      .map(({ row, record }) => [row, record]),
  );
  return clips.every((c) => {
    const record = now.get(c.row);
    return (
      record !== undefined &&
      record.clipId === c.record.clipId &&
      record.promotedTo.trim() === "" &&
      record.reviewStatus.trim().toLowerCase() !== "promoted"
    );
  });
}

function promote(spreadsheet: Spreadsheet, ui: Ui): Result<PromoteReport> {
  const opened = openTable(spreadsheet, "Insights");
  if (!opened.ok) return opened;
  const insights = opened.value;
  const selected = selectedClips(spreadsheet, insights);
  if (!selected.ok) return selected;
  const refused = refusal(selected.value);
  if (refused) return fail("refused", refused);
  const book = openPracticeBook(spreadsheet);
  if (!book.ok) return book;

  const answered = askAboutSensitive(ui, selected.value);
  if (!answered) return ok({ ok: false, message: "Nothing was changed." });
  const { use, leftOut } = answered;

  const name = siteNamer(spreadsheet);
  const unnamed = new Set<string>();
  const draftClips: DraftClip[] = use.map(({ record }) => {
    const site = name(record.site);
    if (!site.known) unnamed.add(record.site.trim());
    return {
      clipId: record.clipId.trim(),
      kind: record.kind,
      text: record.text,
      tags: record.tags,
      session: record.session,
      siteLabel: site.label,
    };
  });
  const draft = draftFromClips(draftClips);

  const threshold = Number(readSettings(spreadsheet).duplicateThreshold);
  const duplicates = likelyDuplicates(
    draft,
    book.value.all.map((p) => ({
      id: p.id,
      title: p.content.title,
      problemStatement: p.content.problemStatement,
    })),
    threshold,
  ).slice(0, 5);
  let mergeInto: string | null = null;
  let related = "";
  if (duplicates.length > 0) {
    const top = duplicates[0] as (typeof duplicates)[number];
    const answer = ui.alert(
      TITLE,
      `The new draft “${draft.title}” looks like ${duplicates.length === 1 ? "an existing practice" : "existing practices"}:\n${duplicates.map((d) => `• ${d.id} “${excerpt(d.title)}” (similarity ${d.score.toFixed(2)})`).join("\n")}\n\nYes: add these clips to ${top.id} as its next version (merge). No: draft a new practice that notes ${duplicates.map((d) => d.id).join(", ")} as related. Cancel: change nothing.`,
      ui.ButtonSet.YES_NO_CANCEL,
    );
    if (answer === ui.Button.YES) mergeInto = top.id;
    else if (answer === ui.Button.NO) related = duplicates.map((d) => d.id).join(", ");
    else return ok({ ok: false, message: "Nothing was changed." });
  }

  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock.tryLock(10_000))
    return fail("busy", "Someone else is saving right now. Try again in a moment.", true);
  let practiceId: string;
  try {
    if (!unchanged(insights, use)) {
      return fail(
        "stale_selection",
        "Nothing was changed: the selected clips changed while you were answering (moved, edited or promoted by someone else). Select them again and try again.",
        true,
      );
    }
    // Read again under the lock: someone may have saved a practice meanwhile.
    const fresh = { value: rereadPracticeBook(book.value) };
    if (mergeInto) {
      const target = findPractice(fresh.value, mergeInto);
      if (!target)
        return fail(
          "stale_practice",
          `Nothing was changed: ${mergeInto} is no longer on the Practices tab.`,
          true,
        );
      const merged = mergePractice(target.content, draft);
      saveVersion(
        fresh.value,
        target,
        merged,
        changedFields(target.content, merged),
        `merged ${plural(use.length, "clip")}`,
      );
      practiceId = target.id;
    } else {
      practiceId = nextPracticeId(fresh.value.all.map((p) => p.id));
      const content = related ? { ...draft, evidence: `${draft.evidence}\nRelated: ${related}` } : draft;
      addPractice(fresh.value, practiceId, content);
    }
    insights.update(
      use.map((c) => ({
        row: c.row,
        values: { reviewStatus: "promoted", promotedTo: cellText(practiceId) },
      })),
      { neutralize: false },
    );
    SpreadsheetApp.flush();
  } finally {
    lock.releaseLock();
  }

  const notes: string[] = [];
  if (leftOut > 0) notes.push(`${plural(leftOut, "confidential clip")} left out.`);
  if (unnamed.size > 0) {
    notes.push(
      `Source site left blank for ${[...unnamed].map((s) => `“${s}”`).join(", ")}: not on the Peers tab, so it may be a name given without permission. Add the site on Peers, or type its pseudonym into Source site.`,
    );
  }
  const what = mergeInto
    ? `Added ${plural(use.length, "clip")} to ${practiceId} as its next version.`
    : `Drafted ${practiceId} “${draft.title}” from ${plural(use.length, "clip")}${related ? ` (related: ${related})` : ""}.`;
  return ok({
    ok: true,
    practiceId,
    merged: mergeInto !== null,
    message: [what, ...notes, "Open Peer Exchange › Best-practice summary… to complete it."].join("\n"),
  });
}

/** Peer Exchange › Promote to best practice. */
export function promoteToPractice(): PromoteReport {
  return guardMenuResult(
    TITLE,
    () => {
      const ui = SpreadsheetApp.getUi();
      const workbook = openWorkbook();
      const result = workbook.ok ? promote(workbook.value, ui) : workbook;
      const report: PromoteReport = result.ok ? result.value : { ok: false, message: result.error.message };
      // A stop the coordinator chose needs no second message.
      if (report.ok || report.message !== "Nothing was changed.")
        ui.alert(TITLE, report.message, ui.ButtonSet.OK);
      return report;
    },
    (message) => ({ ok: false, message }),
  );
}
