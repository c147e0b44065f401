// Workbooks to JSON-safe state and back (the sandbox saves it to disk; createEmulator({ state }) restores).

import { isDate } from "../env.ts";
import type { Rect } from "./a1.ts";
import type { Grid } from "./grid.ts";
import {
  BookModel,
  type CellFormat,
  type ChartModel,
  type ConditionalRuleModel,
  type FilterCriteriaModel,
  isSheetRect,
  type ProtectionModel,
  type SheetModel,
  type SheetRect,
  type ValidationModel,
} from "./model.ts";
import { decodeLiteral, type EncodedLiteral, encodeLiteral, type Literal } from "./values.ts";

type Cell<T> = [number, number, T];
type RefState = { $range: { sheetId: number; rect: Rect } };

export interface SheetState {
  id: number;
  name: string;
  maxRows: number;
  maxCols: number;
  frozenRows: number;
  frozenColumns: number;
  hidden: boolean;
  tabColor: string | null;
  columnWidths: [number, number][];
  rowHeights: [number, number][];
  values: (EncodedLiteral | null)[][];
  formulas: Cell<string>[];
  notes: Cell<string>[];
  numberFormats: Cell<string>[];
  formats: Cell<CellFormat>[];
  validationRules: { criteria: string; values: unknown[]; allowInvalid: boolean; helpText: string }[];
  validations: Cell<number>[];
  charts: (Omit<ChartModel, "ranges" | "options"> & { ranges: RefState[]; options: unknown })[];
  conditionalRules: { ranges: RefState[]; condition: unknown; gradient: unknown }[];
  merges: Rect[];
  /** The basic filter: its range and criteria by column (absent in states saved before filters). */
  filter?: { rect: Rect; criteria: [number, FilterCriteriaModel][] } | null;
}

export interface BookState {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  activeSheetId: number | null;
  activeRange: RefState | null;
  nextSheetId: number;
  nextChartId: number;
  nextProtectionId: number;
  sheets: SheetState[];
  namedRanges: { name: string; sheetId: number; rect: Rect }[];
  /** Protections as the model holds them, by sheet id; removed ones are not saved. */
  protections: (Omit<ProtectionModel, "sheet" | "removed"> & { sheetId: number })[];
}

export interface StoreState {
  version: 1;
  activeId: string | null;
  books: BookState[];
}

function cells<T, U>(grid: Grid<T>, map: (value: T) => U): Cell<U>[] {
  return [...grid.entries()].map(([r, c, v]) => [r, c, map(v)]);
}

const ref = (value: SheetRect): RefState => ({
  $range: { sheetId: value.sheet.id, rect: { ...value.rect } },
});

/** Dates and sheet ranges inside criteria values and chart options, made JSON-safe. */
function encode(value: unknown): unknown {
  if (isDate(value)) return { $date: value.toISOString() };
  if (isSheetRect(value)) return ref(value);
  if (Array.isArray(value)) return value.map(encode);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
  return value;
}

function decode(book: BookModel, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => decode(book, v));
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 1 && typeof record.$date === "string") return new Date(record.$date);
    if (keys.length === 1 && record.$range && typeof record.$range === "object") {
      const { sheetId, rect } = record.$range as RefState["$range"];
      const sheet = book.sheetById(sheetId);
      return sheet ? { sheet, rect: { ...rect } } : null;
    }
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, decode(book, v)]));
  }
  return value;
}

/** The per-cell parts of a sheet's state: everything that grows with the data. */
type SheetCells = Pick<
  SheetState,
  "values" | "formulas" | "notes" | "numberFormats" | "formats" | "validationRules" | "validations"
>;
/** The rest of a sheet's state: small, whatever the data. */
type SheetFrame = Omit<SheetState, keyof SheetCells>;

function validationState(sheet: SheetModel): Pick<SheetState, "validationRules" | "validations"> {
  const rules: ValidationModel[] = [];
  const ruleIndex = new Map<ValidationModel, number>();
  const validations = cells(sheet.validations, (rule) => {
    let index = ruleIndex.get(rule);
    if (index === undefined) {
      index = rules.length;
      rules.push(rule);
      ruleIndex.set(rule, index);
    }
    return index;
  });
  const validationRules = rules.map((rule) => ({ ...rule, values: encode(rule.values) as unknown[] }));
  return { validationRules, validations };
}

function valuesState(sheet: SheetModel): SheetState["values"] {
  const lastRow = sheet.values.lastRow();
  const values: (EncodedLiteral | null)[][] = [];
  for (let r = 0; r <= lastRow; r++) {
    const line = sheet.values.rows[r] ?? [];
    values.push(Array.from(line, (v) => (v === undefined ? null : encodeLiteral(v))));
  }
  return values;
}

/** Each per-cell part, by the grid it comes from: [key, grid, encoder]. */
const cellParts = (sheet: SheetModel) =>
  [
    ["values", sheet.values, () => ({ values: valuesState(sheet) })],
    ["formulas", sheet.formulas, () => ({ formulas: cells(sheet.formulas, (f) => f) })],
    ["notes", sheet.notes, () => ({ notes: cells(sheet.notes, (n) => n) })],
    ["numberFormats", sheet.numberFormats, () => ({ numberFormats: cells(sheet.numberFormats, (f) => f) })],
    ["formats", sheet.formats, () => ({ formats: cells(sheet.formats, (f) => ({ ...f })) })],
    ["validations", sheet.validations, () => validationState(sheet)],
  ] as const;

function sheetFrame(sheet: SheetModel): SheetFrame {
  return {
    id: sheet.id,
    name: sheet.name,
    maxRows: sheet.maxRows,
    maxCols: sheet.maxCols,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    hidden: sheet.hidden,
    tabColor: sheet.tabColor,
    columnWidths: [...sheet.columnWidths.entries()],
    rowHeights: [...sheet.rowHeights.entries()],
    charts: sheet.charts.map((chart) => ({
      ...chart,
      ranges: chart.ranges.map(ref),
      options: encode(chart.options),
    })),
    conditionalRules: sheet.conditionalRules.map((rule) => ({
      ranges: rule.ranges.map(ref),
      condition: encode(rule.condition),
      gradient: encode(rule.gradient),
    })),
    merges: sheet.merges.map((m) => ({ ...m })),
    filter: sheet.filter
      ? {
          rect: { ...sheet.filter.rect },
          criteria: [...sheet.filter.criteria].map(([c, m]) => [
            c,
            { ...m, values: encode(m.values) as unknown[] },
          ]),
        }
      : null,
  };
}

function sheetState(sheet: SheetModel): SheetState {
  const parts = cellParts(sheet).map(([, , encodePart]) => encodePart());
  return Object.assign(sheetFrame(sheet), ...parts) as SheetState;
}

// JSON of each grid's part, kept while the grid's version is unchanged: saving after a clip re-encodes
// the rows of the tabs that changed, not the whole workbook.
const partJson = new WeakMap<Grid<unknown>, { version: number; json: string }>();

function sheetJson(sheet: SheetModel): string {
  const frame = JSON.stringify(sheetFrame(sheet));
  const parts = cellParts(sheet).map(([, grid, encodePart]) => {
    const saved = partJson.get(grid as Grid<unknown>);
    if (saved && saved.version === grid.version) return saved.json;
    // {"values":[…]} without its braces: a member list to splice into the frame.
    const json = JSON.stringify(encodePart()).slice(1, -1);
    partJson.set(grid as Grid<unknown>, { version: grid.version, json });
    return json;
  });
  return `${frame.slice(0, -1)},${parts.join(",")}}`;
}

/** JSON.stringify(bookState(book)), reusing the encoding of grids unchanged since the last call. */
export function bookJson(book: BookModel): string {
  const { sheets: _sheets, ...rest } = bookState(book, false);
  return `${JSON.stringify(rest).slice(0, -1)},"sheets":[${book.sheets.map(sheetJson).join(",")}]}`;
}

export function bookState(book: BookModel, withSheets = true): BookState {
  return {
    id: book.id,
    name: book.name,
    timeZone: book.timeZone,
    locale: book.locale,
    activeSheetId: book.activeSheet?.id ?? null,
    activeRange: book.activeRange ? ref(book.activeRange) : null,
    nextSheetId: book.nextSheetId,
    nextChartId: book.nextChartId,
    nextProtectionId: book.nextProtectionId,
    sheets: withSheets ? book.sheets.map(sheetState) : [],
    namedRanges: [...book.namedRanges.values()].map((n) => ({
      name: n.name,
      sheetId: n.sheet.id,
      rect: { ...n.rect },
    })),
    protections: book.protections.map((p) => ({
      id: p.id,
      type: p.type,
      sheetId: p.sheet.id,
      rect: p.rect ? { ...p.rect } : null,
      description: p.description,
      warningOnly: p.warningOnly,
      editors: [...p.editors],
      domainEdit: p.domainEdit,
      unprotected: p.unprotected.map((u) => ({ ...u })),
    })),
  };
}

function fill<T>(grid: Grid<T>, entries: Cell<T>[]): void {
  for (const [r, c, v] of entries) grid.set(r, c, v);
}

export function loadBook(state: BookState): BookModel {
  const book = new BookModel(state.id, state.name);
  book.timeZone = state.timeZone;
  book.locale = state.locale;
  book.nextChartId = state.nextChartId;
  book.nextProtectionId = state.nextProtectionId;
  for (const s of state.sheets) {
    const sheet = book.addSheet(s.name, book.sheets.length, s.id);
    Object.assign(sheet, {
      maxRows: s.maxRows,
      maxCols: s.maxCols,
      frozenRows: s.frozenRows,
      frozenColumns: s.frozenColumns,
      hidden: s.hidden,
      tabColor: s.tabColor,
    });
    for (const [c, w] of s.columnWidths) sheet.columnWidths.set(c, w);
    for (const [r, h] of s.rowHeights) sheet.rowHeights.set(r, h);
    s.values.forEach((line, r) => {
      line.forEach((v, c) => {
        if (v !== null) sheet.values.set(r, c, decodeLiteral(v) as Literal);
      });
    });
    fill(sheet.formulas, s.formulas);
    fill(sheet.notes, s.notes);
    fill(sheet.numberFormats, s.numberFormats);
    fill(sheet.formats, s.formats);
    sheet.merges = s.merges.map((m) => ({ ...m }));
    if (s.filter) {
      const criteria = s.filter.criteria.map(([c, m]): [number, FilterCriteriaModel] => [
        c,
        { ...m, values: decode(book, m.values) as unknown[] },
      ]);
      sheet.filter = { rect: { ...s.filter.rect }, criteria: new Map(criteria) };
    }
  }
  book.nextSheetId = state.nextSheetId;
  // References to other sheets resolve once every sheet exists.
  state.sheets.forEach((s, i) => {
    const sheet = book.sheets[i] as SheetModel;
    const rules: ValidationModel[] = s.validationRules.map((rule) => ({
      ...rule,
      values: decode(book, rule.values) as unknown[],
    }));
    for (const [r, c, index] of s.validations) sheet.validations.set(r, c, rules[index]);
    sheet.charts = s.charts.map((chart) => ({
      ...chart,
      ranges: decode(book, chart.ranges) as SheetRect[],
      options: decode(book, chart.options) as Record<string, unknown>,
    }));
    sheet.conditionalRules = s.conditionalRules.map((rule) => decode(book, rule) as ConditionalRuleModel);
  });
  for (const n of state.namedRanges) {
    const sheet = book.sheetById(n.sheetId);
    if (sheet) book.namedRanges.set(n.name.toLowerCase(), { name: n.name, sheet, rect: { ...n.rect } });
  }
  book.protections = state.protections.flatMap((p) => {
    const sheet = book.sheetById(p.sheetId);
    return sheet
      ? [
          {
            ...p,
            sheet,
            editors: [...p.editors],
            unprotected: p.unprotected.map((u) => ({ ...u })),
            removed: false,
          },
        ]
      : [];
  });
  book.activeSheet = state.activeSheetId === null ? null : (book.sheetById(state.activeSheetId) ?? null);
  book.activeRange = state.activeRange ? (decode(book, state.activeRange) as SheetRect | null) : null;
  if (book.sheets.some((s) => s.hasFormulas())) book.engine.start();
  return book;
}

// ---- Changes since the last save, for the sandbox's journal ----------------------------------------

/** A row-level change to a sheet's values, or the whole block after rows or columns moved. */
export type ValuesDelta =
  | { all: SheetState["values"] }
  | { length: number; rows: Record<number, SheetState["values"][number]> };

/** The cells of the rows that changed in a per-cell list (formulas, notes, formats): replace those rows. */
export interface CellRowsDelta<T> {
  rows: number[];
  cells: Cell<T>[];
}

type CellListKey = "formulas" | "notes" | "numberFormats" | "formats";
const CELL_LIST_KEYS: readonly CellListKey[] = ["formulas", "notes", "numberFormats", "formats"];

/** A sheet's frame, and only the per-cell parts changed since the last delta. */
export interface SheetDelta extends SheetFrame {
  parts: Partial<Omit<SheetCells, "values" | CellListKey>> & {
    values?: ValuesDelta;
  } & { [K in CellListKey]?: SheetState[K] | CellRowsDelta<SheetState[K][number][2]> };
}

export interface BookDelta extends Omit<BookState, "sheets"> {
  sheets: SheetDelta[];
}

export interface StoreDelta {
  activeId: string | null;
  books: BookDelta[];
}

const savedVersion = new WeakMap<Grid<unknown>, number>();

function encodedRow(sheet: SheetModel, r: number): SheetState["values"][number] {
  return Array.from(sheet.values.rows[r] ?? [], (v) => (v === undefined ? null : encodeLiteral(v)));
}

function sheetDelta(sheet: SheetModel, full: boolean): SheetDelta {
  const parts: SheetDelta["parts"] = {};
  for (const [key, grid, encodePart] of cellParts(sheet)) {
    if (key === "values") {
      const changed = sheet.values.takeChangedRows();
      if (full || changed === null) parts.values = { all: valuesState(sheet) };
      else if (changed.size > 0) {
        const length = sheet.values.lastRow() + 1;
        const rows: Record<number, SheetState["values"][number]> = {};
        for (const r of changed) if (r < length) rows[r] = encodedRow(sheet, r);
        parts.values = { length, rows };
      }
    } else if ((CELL_LIST_KEYS as readonly string[]).includes(key)) {
      // A clip's row writes a formula or two: journal the changed rows' cells, not the whole list.
      const changed = grid.takeChangedRows();
      if (full || changed === null) Object.assign(parts, encodePart());
      else if (changed.size > 0) {
        const rows = [...changed].sort((a, b) => a - b);
        const cellsOfRows: Cell<unknown>[] = [];
        for (const r of rows) {
          const line = (grid as Grid<unknown>).rows[r] ?? [];
          line.forEach((v, c) => {
            if (v !== undefined) cellsOfRows.push([r, c, key === "formats" ? { ...(v as CellFormat) } : v]);
          });
        }
        (parts as Record<string, unknown>)[key] = { rows, cells: cellsOfRows };
      }
    } else if (full || savedVersion.get(grid as Grid<unknown>) !== grid.version) {
      Object.assign(parts, encodePart());
      savedVersion.set(grid as Grid<unknown>, grid.version);
    }
  }
  return { ...sheetFrame(sheet), parts };
}

/** What changed in every workbook since the last call (everything when `full`). */
export function storeDelta(books: Iterable<BookModel>, activeId: string | null, full: boolean): StoreDelta {
  return {
    activeId,
    books: [...books].map((book) => ({
      ...bookState(book, false),
      sheets: book.sheets.map((sheet) => sheetDelta(sheet, full)),
    })),
  };
}

/** True when a delta carries no per-cell change. */
export function deltaHasCells(delta: StoreDelta): boolean {
  return delta.books.some((b) => b.sheets.some((s) => Object.keys(s.parts).length > 0));
}

const CELL_PART_KEYS = [
  "formulas",
  "notes",
  "numberFormats",
  "formats",
  "validationRules",
  "validations",
] as const;

function applySheetDelta(previous: SheetState | undefined, delta: SheetDelta): SheetState {
  const { parts, ...frame } = delta;
  // A sheet whose frame did not move is journaled as { id, parts, same: true }.
  const same = (delta as unknown as { same?: boolean }).same === true && previous;
  const state = (same ? { ...previous } : { ...frame }) as SheetState;
  for (const key of CELL_PART_KEYS) {
    const part = parts[key as keyof typeof parts] as unknown;
    const before = (previous?.[key] ?? []) as Cell<unknown>[];
    let next: unknown = part ?? before;
    if (part && !Array.isArray(part)) {
      const delta = part as CellRowsDelta<unknown>;
      const rows = new Set(delta.rows);
      next = [...before.filter(([r]) => !rows.has(r)), ...delta.cells].sort(
        (a, b) => a[0] - b[0] || a[1] - b[1],
      );
    }
    (state as unknown as Record<string, unknown>)[key] = next;
  }
  const values = parts.values;
  if (!values) state.values = previous?.values ?? [];
  else if ("all" in values) state.values = values.all;
  else {
    const next = (previous?.values ?? []).slice(0, values.length);
    while (next.length < values.length) next.push([]);
    for (const [r, row] of Object.entries(values.rows)) next[Number(r)] = row;
    state.values = next;
  }
  return state;
}

/** The store's saved state with a delta applied (sheets and books the delta lacks are gone). */
export function applyStoreDelta(previous: StoreState | undefined, delta: StoreDelta): StoreState {
  const books = new Map(previous?.books.map((b) => [b.id, b]));
  return {
    version: 1,
    activeId: delta.activeId,
    books: delta.books.map(({ sheets, ...book }) => {
      const previousBook = books.get(book.id);
      const before = new Map(previousBook?.sheets.map((s) => [s.id, s]));
      // A book whose own fields did not move is journaled as { id, same: true, sheets }.
      const same = (book as { same?: boolean }).same === true && previousBook;
      const fields = same ? { ...previousBook } : book;
      return { ...fields, sheets: sheets.map((s) => applySheetDelta(before.get(s.id), s)) } as BookState;
    }),
  };
}
