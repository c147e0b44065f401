// Embedded charts: Sheet.newChart() builder, the charts it builds, and the Charts global's enums.
// Charts are recorded (type, ranges, options, position) for the workbook view and for tests.
import { exception, type ServiceContext } from "./context.ts";
import {
  ChartHiddenDimensionStrategy,
  ChartMergeStrategy,
  ChartType,
  CurveStyle,
  Orientation,
  PointStyle,
  Position,
} from "./enums.ts";
import type { ChartModel, SheetModel } from "./model.ts";
import { Range } from "./range.ts";

/** The `Charts` global (enums only: the add-on embeds charts through Sheet.newChart()). */
export const Charts = Object.freeze({
  ChartType,
  ChartHiddenDimensionStrategy,
  ChartMergeStrategy,
  CurveStyle,
  Orientation,
  PointStyle,
  Position,
});

function copyChart(model: ChartModel): ChartModel {
  return {
    ...model,
    ranges: model.ranges.map((r) => ({ sheet: r.sheet, rect: { ...r.rect } })),
    options: structuredClone(model.options),
    position: { ...model.position },
  };
}

export class ChartOptions {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly options: Record<string, unknown>,
  ) {}

  /**
   * "The value currently set for the specified option or null if the option was not set"
   * (https://developers.google.com/apps-script/reference/charts/chart-options#get(String)): a title set
   * with setOption("title") or setTitle reads back as set; a chart never titled gives null.
   */
  get(option: string): unknown {
    this.ctx.hit("ChartOptions", "get");
    return this.options[option] ?? null;
  }

  getOrDefault(option: string): unknown {
    this.ctx.hit("ChartOptions", "getOrDefault");
    return this.options[option] ?? null;
  }
}

export class ContainerInfo {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly position: ChartModel["position"],
  ) {}

  getAnchorRow(): number {
    this.ctx.hit("ContainerInfo", "getAnchorRow");
    return this.position.anchorRow;
  }

  getAnchorColumn(): number {
    this.ctx.hit("ContainerInfo", "getAnchorColumn");
    return this.position.anchorColumn;
  }

  getOffsetX(): number {
    this.ctx.hit("ContainerInfo", "getOffsetX");
    return this.position.offsetX;
  }

  getOffsetY(): number {
    this.ctx.hit("ContainerInfo", "getOffsetY");
    return this.position.offsetY;
  }
}

export class EmbeddedChart {
  constructor(
    private readonly ctx: ServiceContext,
    readonly sheet: SheetModel,
    /** id 0 until the chart is inserted into the sheet. */
    readonly model: ChartModel,
  ) {}

  private hit(method: string): void {
    this.ctx.hit("EmbeddedChart", method);
  }

  getChartId(): number | null {
    this.hit("getChartId");
    return this.model.id || null;
  }

  getId(): string {
    this.hit("getId");
    return this.model.id ? `u${this.model.id}` : "";
  }

  getRanges(): Range[] {
    this.hit("getRanges");
    return this.model.ranges.map((r) => new Range(this.ctx, r.sheet, { ...r.rect }));
  }

  getOptions(): ChartOptions {
    this.hit("getOptions");
    return new ChartOptions(this.ctx, this.model.options);
  }

  getContainerInfo(): ContainerInfo {
    this.hit("getContainerInfo");
    return new ContainerInfo(this.ctx, this.model.position);
  }

  getHiddenDimensionStrategy(): string {
    this.hit("getHiddenDimensionStrategy");
    return this.model.hiddenDimensionStrategy ?? "IGNORE_BOTH";
  }

  getMergeStrategy(): string {
    this.hit("getMergeStrategy");
    return this.model.mergeStrategy ?? "MERGE_COLUMNS";
  }

  getNumHeaders(): number {
    this.hit("getNumHeaders");
    return this.model.numHeaders ?? -1;
  }

  getTransposeRowsAndColumns(): boolean {
    this.hit("getTransposeRowsAndColumns");
    return this.model.transposeRowsAndColumns ?? false;
  }

  modify(): EmbeddedChartBuilder {
    this.hit("modify");
    return new EmbeddedChartBuilder(this.ctx, this.sheet, copyChart(this.model));
  }
}

/**
 * `Sheet.newChart()` and `EmbeddedChart.modify()` return this plain builder: it has no setTitle, setStacked
 * or other typed setter (https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder),
 * and its own methods return a plain builder again even when called on a typed one (the reference lists
 * `addRange`, `setOption`, `setPosition` … on every typed builder as returning EmbeddedChartBuilder).
 */
export class EmbeddedChartBuilder {
  protected readonly draft: ChartModel;

  constructor(
    protected readonly ctx: ServiceContext,
    protected readonly sheet: SheetModel,
    from?: ChartModel,
    /** The Apps Script class this builder stands for, as its calls are counted. */
    protected readonly service = "EmbeddedChartBuilder",
  ) {
    this.draft = from ?? {
      id: 0,
      type: "COLUMN",
      ranges: [],
      options: {},
      position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 },
    };
  }

  protected hit(method: string): void {
    this.ctx.hit(this.service, method);
  }

  /** The plain builder over the same draft: what Google's base methods return. */
  protected option(method: string, key: string, value: unknown): EmbeddedChartBuilder {
    this.hit(method);
    this.draft.options[key] = value;
    return new EmbeddedChartBuilder(this.ctx, this.sheet, this.draft);
  }

  protected as<T extends EmbeddedChartBuilder>(method: string, type: string, typed: TypedBuilderClass<T>): T {
    this.hit(method);
    this.draft.type = type;
    return new typed(this.ctx, this.sheet, this.draft);
  }

  addRange(range: Range): EmbeddedChartBuilder {
    this.hit("addRange");
    if (!(range instanceof Range)) throw exception("addRange needs a Range.");
    this.draft.ranges.push({ sheet: range.sheetModel, rect: { ...range.rect } });
    return new EmbeddedChartBuilder(this.ctx, this.sheet, this.draft);
  }

  removeRange(range: Range): EmbeddedChartBuilder {
    this.hit("removeRange");
    this.draft.ranges = this.draft.ranges.filter(
      (r) =>
        !(
          r.sheet === range.sheetModel &&
          r.rect.row === range.rect.row &&
          r.rect.col === range.rect.col &&
          r.rect.numRows === range.rect.numRows &&
          r.rect.numCols === range.rect.numCols
        ),
    );
    return new EmbeddedChartBuilder(this.ctx, this.sheet, this.draft);
  }

  clearRanges(): EmbeddedChartBuilder {
    this.hit("clearRanges");
    this.draft.ranges = [];
    return new EmbeddedChartBuilder(this.ctx, this.sheet, this.draft);
  }

  getRanges(): Range[] {
    this.hit("getRanges");
    return this.draft.ranges.map((r) => new Range(this.ctx, r.sheet, { ...r.rect }));
  }

  setChartType(type: string): EmbeddedChartBuilder {
    this.hit("setChartType");
    if (!Object.hasOwn(ChartType, String(type))) throw exception(`Unknown chart type: ${String(type)}`);
    this.draft.type = String(type);
    return new EmbeddedChartBuilder(this.ctx, this.sheet, this.draft);
  }

  getChartType(): string {
    this.hit("getChartType");
    return this.draft.type;
  }

  setOption(option: string, value: unknown): EmbeddedChartBuilder {
    return this.option("setOption", String(option), structuredClone(value));
  }

  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): EmbeddedChartBuilder {
    this.hit("setPosition");
    this.draft.position = { anchorRow: anchorRowPos, anchorColumn: anchorColPos, offsetX, offsetY };
    return new EmbeddedChartBuilder(this.ctx, this.sheet, this.draft);
  }

  getContainer(): ContainerInfo {
    this.hit("getContainer");
    return new ContainerInfo(this.ctx, this.draft.position);
  }

  setHiddenDimensionStrategy(strategy: string): EmbeddedChartBuilder {
    this.hit("setHiddenDimensionStrategy");
    this.draft.hiddenDimensionStrategy = String(strategy);
    return new EmbeddedChartBuilder(this.ctx, this.sheet, this.draft);
  }

  setMergeStrategy(strategy: string): EmbeddedChartBuilder {
    this.hit("setMergeStrategy");
    this.draft.mergeStrategy = String(strategy);
    return new EmbeddedChartBuilder(this.ctx, this.sheet, this.draft);
  }

  setNumHeaders(headers: number): EmbeddedChartBuilder {
    this.hit("setNumHeaders");
    this.draft.numHeaders = headers;
    return new EmbeddedChartBuilder(this.ctx, this.sheet, this.draft);
  }

  setTransposeRowsAndColumns(transpose: boolean): EmbeddedChartBuilder {
    this.hit("setTransposeRowsAndColumns");
    this.draft.transposeRowsAndColumns = !!transpose;
    return new EmbeddedChartBuilder(this.ctx, this.sheet, this.draft);
  }

  asAreaChart(): TypedChartBuilder {
    return this.as("asAreaChart", "AREA", EmbeddedAreaChartBuilder);
  }
  asBarChart(): TypedChartBuilder {
    return this.as("asBarChart", "BAR", EmbeddedBarChartBuilder);
  }
  asColumnChart(): TypedChartBuilder {
    return this.as("asColumnChart", "COLUMN", EmbeddedColumnChartBuilder);
  }
  asComboChart(): TypedChartBuilder {
    return this.as("asComboChart", "COMBO", EmbeddedComboChartBuilder);
  }
  asHistogramChart(): TypedChartBuilder {
    return this.as("asHistogramChart", "HISTOGRAM", EmbeddedHistogramChartBuilder);
  }
  asLineChart(): TypedChartBuilder {
    return this.as("asLineChart", "LINE", EmbeddedLineChartBuilder);
  }
  asPieChart(): TypedChartBuilder {
    return this.as("asPieChart", "PIE", EmbeddedPieChartBuilder);
  }
  asScatterChart(): TypedChartBuilder {
    return this.as("asScatterChart", "SCATTER", EmbeddedScatterChartBuilder);
  }
  asTableChart(): TypedChartBuilder {
    return this.as("asTableChart", "TABLE", EmbeddedTableChartBuilder);
  }

  build(): EmbeddedChart {
    this.hit("build");
    return new EmbeddedChart(this.ctx, this.sheet, copyChart(this.draft));
  }
}

type TypedBuilderClass<T> = new (ctx: ServiceContext, sheet: SheetModel, draft: ChartModel) => T;

/** A typed builder: the plain builder's methods plus the setters its reference page lists, and no other. */
export type TypedChartBuilder = EmbeddedChartBuilder & Record<string, (...args: unknown[]) => unknown>;

/** A text style object (Charts.newTextStyle().build()) kept as given; the view does not draw it. */
const style = (value: unknown): unknown =>
  value !== null && typeof value === "object" ? { ...(value as object) } : value;

/** Each typed setter's effect on the chart's options (Google Charts option names, as the view reads them). */
const SETTERS: Record<string, (options: Record<string, unknown>, ...args: unknown[]) => void> = {
  reverseCategories: (o) => {
    o.reverseCategories = true;
  },
  reverseDirection: (o) => {
    o["hAxis.direction"] = -1;
  },
  set3D: (o) => {
    o.is3D = true;
  },
  setBackgroundColor: (o, css) => {
    o.backgroundColor = String(css);
  },
  setColors: (o, css) => {
    o.colors = Array.isArray(css) ? css.map(String) : [];
  },
  setCurveStyle: (o, s) => {
    o.curveType = String(s) === "SMOOTH" ? "function" : "none";
  },
  setLegendPosition: (o, p) => {
    o["legend.position"] = String(p).toLowerCase();
  },
  setLegendTextStyle: (o, s) => {
    o["legend.textStyle"] = style(s);
  },
  setPointStyle: (o, s) => {
    o.pointStyle = String(s);
  },
  setRange: (o, start, end) => {
    o["vAxis.viewWindow"] = { min: start, max: end };
  },
  setStacked: (o) => {
    o.isStacked = true;
  },
  setTitle: (o, t) => {
    o.title = t;
  },
  setTitleTextStyle: (o, s) => {
    o.titleTextStyle = style(s);
  },
  setXAxisLogScale: (o) => {
    o["hAxis.logScale"] = true;
  },
  setXAxisRange: (o, start, end) => {
    o["hAxis.viewWindow"] = { min: start, max: end };
  },
  setXAxisTextStyle: (o, s) => {
    o["hAxis.textStyle"] = style(s);
  },
  setXAxisTitle: (o, t) => {
    o["hAxis.title"] = t;
  },
  setXAxisTitleTextStyle: (o, s) => {
    o["hAxis.titleTextStyle"] = style(s);
  },
  setYAxisLogScale: (o) => {
    o["vAxis.logScale"] = true;
  },
  setYAxisRange: (o, start, end) => {
    o["vAxis.viewWindow"] = { min: start, max: end };
  },
  setYAxisTextStyle: (o, s) => {
    o["vAxis.textStyle"] = style(s);
  },
  setYAxisTitle: (o, t) => {
    o["vAxis.title"] = t;
  },
  setYAxisTitleTextStyle: (o, s) => {
    o["vAxis.titleTextStyle"] = style(s);
  },
  useLogScale: (o) => {
    o["vAxis.logScale"] = true;
  },
  enablePaging: (o, pageSizeOrEnable, startPage) => {
    o.page = pageSizeOrEnable === false ? "disable" : "enable";
    if (typeof pageSizeOrEnable === "number") o.pageSize = pageSizeOrEnable;
    if (typeof startPage === "number") o.startPage = startPage;
  },
  enableRtlTable: (o, rtl) => {
    o.rtlTable = !!rtl;
  },
  enableSorting: (o, sorting) => {
    o.sort = sorting ? "enable" : "disable";
  },
  setFirstRowNumber: (o, n) => {
    o.firstRowNumber = n;
  },
  setInitialSortingAscending: (o, column) => {
    o.sortColumn = column;
    o.sortAscending = true;
  },
  setInitialSortingDescending: (o, column) => {
    o.sortColumn = column;
    o.sortAscending = false;
  },
  showRowNumberColumn: (o, show) => {
    o.showRowNumber = !!show;
  },
  useAlternatingRowStyle: (o, alternate) => {
    o.alternatingRowStyle = !!alternate;
  },
};

/**
 * One typed builder class with exactly `methods` (each counted, each returning the typed builder): a
 * method its reference page does not list is undefined, so calling it throws Google's own
 * `TypeError: … is not a function`.
 */
function typedBuilder(service: string, methods: readonly string[]): TypedBuilderClass<TypedChartBuilder> {
  class Typed extends EmbeddedChartBuilder {
    constructor(ctx: ServiceContext, sheet: SheetModel, draft: ChartModel) {
      super(ctx, sheet, draft, service);
    }
  }
  for (const name of methods) {
    const setter = SETTERS[name];
    if (!setter) throw new Error(`No setter for ${service}.${name}`);
    Object.defineProperty(Typed.prototype, name, {
      configurable: true,
      writable: true,
      value(this: Typed, ...args: unknown[]) {
        this.hit(name);
        setter(this.draft.options, ...args);
        return this;
      },
    });
  }
  Object.defineProperty(Typed, "name", { value: service });
  return Typed as unknown as TypedBuilderClass<TypedChartBuilder>;
}

// The setters shared by the charts with a domain and a value axis (area, bar, column, combo, histogram, line).
const AXIS_CHART = [
  "reverseCategories",
  "setBackgroundColor",
  "setColors",
  "setLegendPosition",
  "setLegendTextStyle",
  "setTitle",
  "setTitleTextStyle",
  "setXAxisTextStyle",
  "setXAxisTitle",
  "setXAxisTitleTextStyle",
  "setYAxisTextStyle",
  "setYAxisTitle",
  "setYAxisTitleTextStyle",
  "useLogScale",
] as const;

// https://developers.google.com/apps-script/reference/spreadsheet/embedded-area-chart-builder
const EmbeddedAreaChartBuilder = typedBuilder("EmbeddedAreaChartBuilder", [
  ...AXIS_CHART,
  "setPointStyle",
  "setRange",
  "setStacked",
]);
// https://developers.google.com/apps-script/reference/spreadsheet/embedded-bar-chart-builder
const EmbeddedBarChartBuilder = typedBuilder("EmbeddedBarChartBuilder", [
  ...AXIS_CHART,
  "reverseDirection",
  "setRange",
  "setStacked",
]);
// https://developers.google.com/apps-script/reference/spreadsheet/embedded-column-chart-builder
const EmbeddedColumnChartBuilder = typedBuilder("EmbeddedColumnChartBuilder", [
  ...AXIS_CHART,
  "setRange",
  "setStacked",
]);
// https://developers.google.com/apps-script/reference/spreadsheet/embedded-combo-chart-builder
const EmbeddedComboChartBuilder = typedBuilder("EmbeddedComboChartBuilder", [
  ...AXIS_CHART,
  "setRange",
  "setStacked",
]);
// https://developers.google.com/apps-script/reference/spreadsheet/embedded-histogram-chart-builder
const EmbeddedHistogramChartBuilder = typedBuilder("EmbeddedHistogramChartBuilder", [
  ...AXIS_CHART,
  "setRange",
  "setStacked",
]);
// https://developers.google.com/apps-script/reference/spreadsheet/embedded-line-chart-builder (no setStacked)
const EmbeddedLineChartBuilder = typedBuilder("EmbeddedLineChartBuilder", [
  ...AXIS_CHART,
  "setCurveStyle",
  "setPointStyle",
  "setRange",
]);
// https://developers.google.com/apps-script/reference/spreadsheet/embedded-pie-chart-builder (set3D, no axes)
const EmbeddedPieChartBuilder = typedBuilder("EmbeddedPieChartBuilder", [
  "reverseCategories",
  "set3D",
  "setBackgroundColor",
  "setColors",
  "setLegendPosition",
  "setLegendTextStyle",
  "setTitle",
  "setTitleTextStyle",
]);
// https://developers.google.com/apps-script/reference/spreadsheet/embedded-scatter-chart-builder
const EmbeddedScatterChartBuilder = typedBuilder("EmbeddedScatterChartBuilder", [
  "setBackgroundColor",
  "setColors",
  "setLegendPosition",
  "setLegendTextStyle",
  "setPointStyle",
  "setTitle",
  "setTitleTextStyle",
  "setXAxisLogScale",
  "setXAxisRange",
  "setXAxisTextStyle",
  "setXAxisTitle",
  "setXAxisTitleTextStyle",
  "setYAxisLogScale",
  "setYAxisRange",
  "setYAxisTextStyle",
  "setYAxisTitle",
  "setYAxisTitleTextStyle",
]);
// https://developers.google.com/apps-script/reference/spreadsheet/embedded-table-chart-builder
const EmbeddedTableChartBuilder = typedBuilder("EmbeddedTableChartBuilder", [
  "enablePaging",
  "enableRtlTable",
  "enableSorting",
  "setFirstRowNumber",
  "setInitialSortingAscending",
  "setInitialSortingDescending",
  "showRowNumberColumn",
  "useAlternatingRowStyle",
]);
