// The Practices and Practice History tabs as one store: summaries as text fields, a save that raises the
// version and keeps the previous one in the history, and the link from clips to the practice they went
// into. Each operation reads a tab once and writes in blocks, whatever the number of rows.
import { cellText } from "../../../shared/clip/injection";
import {
  type PracticeContent,
  type PracticeField,
  practiceFields,
} from "../../../shared/methods/practiceDraft";
import { column, type PracticeRow, practiceStatuses } from "../../../shared/schema";
import { fail, ok, type Result } from "../sheets/result";
import { openTable, type Table } from "../sheets/table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface StoredPractice {
  row: number;
  id: string;
  version: number;
  content: PracticeContent;
}

/** The longest text a field may hold (a cell's limit, less the guard's quote). */
export const MAX_FIELD = 49_000;
const NUMBER_FIELDS: ReadonlySet<PracticeField> = new Set(["outcomeBaseline", "outcomeResult"]);

/** The header a person sees for a field ("Intervention description"). */
export const fieldLabel = (field: PracticeField): string => column("Practices", field).header;

/** A Practices record as text fields. */
export function contentOf(record: PracticeRow): PracticeContent {
  const out = {} as PracticeContent;
  for (const field of practiceFields) {
    const value = record[field];
    out[field] = value === "" || value === null || value === undefined ? "" : String(value).trim();
  }
  return out;
}

/** Checks text fields before they are written: numbers where numbers go, a known status, cell-sized text. */
export function checkContent(content: PracticeContent): Result<PracticeContent> {
  for (const field of practiceFields) {
    const text = content[field];
    if (text.length > MAX_FIELD)
      return fail("too_long", `${fieldLabel(field)} is longer than a cell can hold (49,000 characters).`);
    if (NUMBER_FIELDS.has(field) && text !== "" && !Number.isFinite(Number(text.replace(",", ".")))) {
      return fail("invalid_number", `${fieldLabel(field)} must be a number (you wrote “${text}”).`);
    }
  }
  if (!(practiceStatuses as readonly string[]).includes(content.status)) {
    return fail("invalid_choice", `Status must be one of: ${practiceStatuses.join(", ")}.`);
  }
  if (content.title.trim() === "") return fail("missing_title", "Give the practice a title before saving.");
  return ok(content);
}

/** The record to write: free text through the injection guard, the outcome numbers as numbers. */
function recordOf(content: PracticeContent): Partial<PracticeRow> {
  const out: Record<string, unknown> = {};
  for (const field of practiceFields) {
    const text = content[field];
    if (NUMBER_FIELDS.has(field)) out[field] = text === "" ? "" : Number(text.replace(",", "."));
    // The status was checked against its list: written plain, as the strict dropdown expects.
    else if (field === "status") out[field] = text;
    else out[field] = cellText(text);
  }
  return out as Partial<PracticeRow>;
}

export interface PracticeBook {
  practices: Table<"Practices">;
  history: Table<"Practice History">;
  /** Every practice with an id, in sheet order (one read). */
  all: StoredPractice[];
}

function readPractices(practices: Table<"Practices">): StoredPractice[] {
  return practices.read().flatMap(({ row, record }) => {
    const id = record.practiceId.trim();
    if (id === "") return [];
    const version = typeof record.version === "number" && record.version >= 1 ? record.version : 1;
    return [{ row, id, version, content: contentOf(record) }];
  });
}

/** Opens both tabs and reads the practices once. */
export function openPracticeBook(spreadsheet: Spreadsheet): Result<PracticeBook> {
  const practices = openTable(spreadsheet, "Practices");
  if (!practices.ok) return practices;
  const history = openTable(spreadsheet, "Practice History");
  if (!history.ok) return history;
  return ok({ practices: practices.value, history: history.value, all: readPractices(practices.value) });
}

/** The same tabs with the practices read again (after a write, or under the lock): no header reads. */
export function rereadPracticeBook(book: PracticeBook): PracticeBook {
  return { ...book, all: readPractices(book.practices) };
}

export function findPractice(book: PracticeBook, id: string): StoredPractice | undefined {
  const key = id.trim().toLowerCase();
  return book.all.find((p) => p.id.toLowerCase() === key);
}

/** Who is saving: the signed-in user, else the account the script runs as. */
export function currentUser(): string {
  for (const who of [() => Session.getActiveUser(), () => Session.getEffectiveUser()]) {
    try {
      const email = who()?.getEmail();
      if (email) return email;
    } catch {
      // Not available in this context: try the next.
    }
  }
  return "unknown";
}

/** A version as the history keeps it: every field, the version number, when and by whom it was saved. */
export interface Snapshot {
  practiceId: string;
  version: number;
  content: PracticeContent;
}

/** Reads a history snapshot back; undefined when it is not one (cut at the cell limit, edited by hand). */
export function parseSnapshot(text: string): Snapshot | undefined {
  try {
    const data = JSON.parse(text) as Partial<Snapshot>;
    if (typeof data !== "object" || data === null || typeof data.version !== "number") return undefined;
    const content = {} as PracticeContent;
    for (const field of practiceFields) {
      const value = (data.content as Record<string, unknown> | undefined)?.[field];
      content[field] = typeof value === "string" ? value : value == null ? "" : String(value);
    }
    return { practiceId: String(data.practiceId ?? ""), version: data.version, content };
  } catch {
    return undefined;
  }
}

/**
 * Saves new content over a stored practice: the previous version goes to the history first (so a failure
 * between the two writes leaves the practice as it was), then the row with its version raised.
 */
export function saveVersion(
  book: PracticeBook,
  stored: StoredPractice,
  content: PracticeContent,
  changed: readonly PracticeField[],
  note = "",
): number {
  const now = new Date();
  const who = currentUser();
  const snapshot: Snapshot = { practiceId: stored.id, version: stored.version, content: stored.content };
  book.history.append(
    [
      {
        practiceId: cellText(stored.id),
        title: cellText(stored.content.title),
        version: stored.version,
        savedAt: now,
        savedBy: cellText(who),
        whatChanged: cellText(`${changed.map(fieldLabel).join(", ")}${note ? ` (${note})` : ""}`),
        snapshot: cellText(JSON.stringify(snapshot)),
      },
    ],
    { neutralize: false },
  );
  const version = stored.version + 1;
  book.practices.update(
    [
      {
        row: stored.row,
        values: { ...recordOf(content), version, updatedAt: now, updatedBy: cellText(who) },
      },
    ],
    { neutralize: false },
  );
  return version;
}

/** Appends a new practice (version 1) and returns its row. */
export function addPractice(book: PracticeBook, id: string, content: PracticeContent): number {
  const { firstRow } = book.practices.append(
    [
      {
        ...recordOf(content),
        practiceId: cellText(id),
        version: 1,
        updatedAt: new Date(),
        updatedBy: cellText(currentUser()),
      },
    ],
    { neutralize: false },
  );
  return firstRow;
}

/** The earlier versions of a practice kept in the history, newest first (one read of the history). */
export function historyOf(
  book: PracticeBook,
  id: string,
): { version: number; savedAt: string; savedBy: string; whatChanged: string; snapshot: string }[] {
  const key = id.trim().toLowerCase();
  return book.history
    .read()
    .filter(({ record }) => record.practiceId.trim().toLowerCase() === key)
    .map(({ record }) => ({
      version: typeof record.version === "number" ? record.version : 0,
      savedAt: record.savedAt === "" ? "" : record.savedAt.toISOString(),
      savedBy: record.savedBy,
      whatChanged: record.whatChanged,
      snapshot: record.snapshot,
    }))
    .sort((a, b) => b.version - a.version);
}
