// The state behind the emulated objects: workbooks and sheets. Handles (Spreadsheet, Sheet, Range) are
// thin views over these, so any number of handles see the same cells.
import type { Rect } from "./a1.ts";
import { FormulaEngine } from "./formulas.ts";
import { Grid } from "./grid.ts";
import type { Literal } from "./values.ts";

/** Formatting recorded per cell (Range.setFontWeight, setBackground, …). */
export interface CellFormat {
  fontWeight?: string;
  fontStyle?: string;
  fontColor?: string;
  fontSize?: number;
  fontFamily?: string;
  background?: string;
  wrap?: boolean;
  wrapStrategy?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  border?: string;
}

/** A validation rule as stored: criteria values may hold ranges (requireValueInRange). */
export interface ValidationModel {
  criteria: string;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

export interface SheetRect {
  sheet: SheetModel;
  rect: Rect;
}

export interface ChartModel {
  id: number;
  type: string;
  ranges: SheetRect[];
  options: Record<string, unknown>;
  position: { anchorRow: number; anchorColumn: number; offsetX: number; offsetY: number };
  hiddenDimensionStrategy?: string;
  mergeStrategy?: string;
  transposeRowsAndColumns?: boolean;
  numHeaders?: number;
}

export interface ConditionModel {
  criteria: string;
  values: unknown[];
  background?: string | null;
  fontColor?: string | null;
  bold?: boolean | null;
  italic?: boolean | null;
  strikethrough?: boolean | null;
  underline?: boolean | null;
}

export interface ConditionalRuleModel {
  ranges: SheetRect[];
  condition: ConditionModel | null;
  gradient: Record<string, unknown> | null;
}

export interface ProtectionModel {
  id: number;
  type: "RANGE" | "SHEET";
  sheet: SheetModel;
  rect: Rect | null;
  description: string;
  warningOnly: boolean;
  editors: string[];
  domainEdit: boolean;
  unprotected: Rect[];
  removed: boolean;
}

/** One column's filter criteria: a type with its values, and values hidden outright. */
export interface FilterCriteriaModel {
  type: string | null;
  values: unknown[];
  hidden: string[];
  visible: string[];
}

/** A sheet's basic filter: its range and the criteria by (sheet) column. */
export interface FilterModel {
  rect: Rect;
  criteria: Map<number, FilterCriteriaModel>;
}

export interface NamedRangeModel {
  name: string;
  sheet: SheetModel;
  rect: Rect;
}

/** A recorded reference to a block of a sheet (in criteria values, charts, rules). */
export function isSheetRect(value: unknown): value is SheetRect {
  return !!value && typeof value === "object" && (value as { sheet?: unknown }).sheet instanceof SheetModel;
}

export class SheetModel {
  readonly values = new Grid<Literal>();
  readonly formulas = new Grid<string>();
  readonly notes = new Grid<string>();
  readonly numberFormats = new Grid<string>();
  readonly formats = new Grid<CellFormat>();
  readonly validations = new Grid<ValidationModel>();
  maxRows = 1000;
  maxCols = 26;
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  tabColor: string | null = null;
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  charts: ChartModel[] = [];
  conditionalRules: ConditionalRuleModel[] = [];
  merges: Rect[] = [];
  filter: FilterModel | null = null;
  deleted = false;

  constructor(
    readonly book: BookModel,
    readonly id: number,
    public name: string,
  ) {}

  /** 1-based last row holding a value or a formula (0 when the sheet is empty). */
  lastRow(): number {
    return Math.max(this.values.lastRow(), this.formulas.lastRow()) + 1;
  }

  lastColumn(): number {
    return Math.max(this.values.lastCol(), this.formulas.lastCol()) + 1;
  }

  hasFormulas(): boolean {
    return this.formulas.size > 0;
  }

  /** Every per-cell grid, for structural edits that shift them all alike. */
  grids(): Grid<unknown>[] {
    return [this.values, this.formulas, this.notes, this.numberFormats, this.formats, this.validations];
  }
}

export class BookModel {
  readonly sheets: SheetModel[] = [];
  readonly namedRanges = new Map<string, NamedRangeModel>();
  protections: ProtectionModel[] = [];
  readonly engine: FormulaEngine;
  activeSheet: SheetModel | null = null;
  activeRange: SheetRect | null = null;
  /** A multi-range selection (setActiveRangeList); its last range is the active range. */
  selection: SheetRect[] | null = null;
  timeZone = "Etc/UTC";
  locale = "en_US";
  /** The emulator clock (epoch ms) for NOW(), TODAY() and typed "Jan 5"; the store sets it. */
  clock: () => number = () => Date.now();
  nextSheetId = 0;
  nextChartId = 1;
  nextProtectionId = 1;

  constructor(
    readonly id: string,
    public name: string,
  ) {
    this.engine = new FormulaEngine(this);
  }

  sheetByName(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheetById(id: number): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  active(): SheetModel {
    const sheet = this.activeSheet && !this.activeSheet.deleted ? this.activeSheet : this.sheets[0];
    if (!sheet) throw new Error("The workbook has no sheets.");
    return sheet;
  }

  /** Sheet ids look like Sheets' gids: the first is 0, later ones large and stable. */
  addSheet(name: string, index = this.sheets.length, givenId?: number): SheetModel {
    const id = givenId ?? (this.nextSheetId === 0 ? 0 : this.nextSheetId * 1_000_003 + 7);
    if (givenId === undefined) this.nextSheetId += 1;
    const sheet = new SheetModel(this, id, name);
    this.sheets.splice(index, 0, sheet);
    this.engine.addSheet(sheet);
    return sheet;
  }
}
