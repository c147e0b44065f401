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

export class EmbeddedChartBuilder {
  private readonly draft: ChartModel;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly sheet: SheetModel,
    from?: ChartModel,
  ) {
    this.draft = from ?? {
      id: 0,
      type: "COLUMN",
      ranges: [],
      options: {},
      position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 },
    };
  }

  private hit(method: string): void {
    this.ctx.hit("EmbeddedChartBuilder", method);
  }

  private as(method: string, type: string): this {
    this.hit(method);
    this.draft.type = type;
    return this;
  }

  private option(method: string, key: string, value: unknown): this {
    this.hit(method);
    this.draft.options[key] = value;
    return this;
  }

  addRange(range: Range): this {
    this.hit("addRange");
    if (!(range instanceof Range)) throw exception("addRange needs a Range.");
    this.draft.ranges.push({ sheet: range.sheetModel, rect: { ...range.rect } });
    return this;
  }

  removeRange(range: Range): this {
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
    return this;
  }

  clearRanges(): this {
    this.hit("clearRanges");
    this.draft.ranges = [];
    return this;
  }

  getRanges(): Range[] {
    this.hit("getRanges");
    return this.draft.ranges.map((r) => new Range(this.ctx, r.sheet, { ...r.rect }));
  }

  setChartType(type: string): this {
    this.hit("setChartType");
    if (!Object.hasOwn(ChartType, String(type))) throw exception(`Unknown chart type: ${String(type)}`);
    this.draft.type = String(type);
    return this;
  }

  getChartType(): string {
    this.hit("getChartType");
    return this.draft.type;
  }

  setOption(option: string, value: unknown): this {
    return this.option("setOption", String(option), structuredClone(value));
  }

  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    this.hit("setPosition");
    this.draft.position = { anchorRow: anchorRowPos, anchorColumn: anchorColPos, offsetX, offsetY };
    return this;
  }

  getContainer(): ContainerInfo {
    this.hit("getContainer");
    return new ContainerInfo(this.ctx, this.draft.position);
  }

  setHiddenDimensionStrategy(strategy: string): this {
    this.hit("setHiddenDimensionStrategy");
    this.draft.hiddenDimensionStrategy = String(strategy);
    return this;
  }

  setMergeStrategy(strategy: string): this {
    this.hit("setMergeStrategy");
    this.draft.mergeStrategy = String(strategy);
    return this;
  }

  setNumHeaders(headers: number): this {
    this.hit("setNumHeaders");
    this.draft.numHeaders = headers;
    return this;
  }

  setTransposeRowsAndColumns(transpose: boolean): this {
    this.hit("setTransposeRowsAndColumns");
    this.draft.transposeRowsAndColumns = !!transpose;
    return this;
  }

  // Typed builders (asColumnChart() …) are the same builder with the type set; their setters are options.
  asAreaChart(): this {
    return this.as("asAreaChart", "AREA");
  }
  asBarChart(): this {
    return this.as("asBarChart", "BAR");
  }
  asColumnChart(): this {
    return this.as("asColumnChart", "COLUMN");
  }
  asComboChart(): this {
    return this.as("asComboChart", "COMBO");
  }
  asHistogramChart(): this {
    return this.as("asHistogramChart", "HISTOGRAM");
  }
  asLineChart(): this {
    return this.as("asLineChart", "LINE");
  }
  asPieChart(): this {
    return this.as("asPieChart", "PIE");
  }
  asScatterChart(): this {
    return this.as("asScatterChart", "SCATTER");
  }
  asTableChart(): this {
    return this.as("asTableChart", "TABLE");
  }

  setTitle(chartTitle: string): this {
    return this.option("setTitle", "title", chartTitle);
  }
  setXAxisTitle(title: string): this {
    return this.option("setXAxisTitle", "hAxis.title", title);
  }
  setYAxisTitle(title: string): this {
    return this.option("setYAxisTitle", "vAxis.title", title);
  }
  setLegendPosition(position: string): this {
    return this.option("setLegendPosition", "legend.position", String(position).toLowerCase());
  }
  setColors(cssValues: string[]): this {
    return this.option("setColors", "colors", Array.isArray(cssValues) ? [...cssValues] : []);
  }
  setStacked(): this {
    return this.option("setStacked", "isStacked", true);
  }
  set3D(): this {
    return this.option("set3D", "is3D", true);
  }
  setPointStyle(style: string): this {
    return this.option("setPointStyle", "pointStyle", String(style));
  }
  setCurveStyle(style: string): this {
    return this.option("setCurveStyle", "curveType", String(style) === "SMOOTH" ? "function" : "none");
  }
  setRange(start: number, end: number): this {
    return this.option("setRange", "vAxis.viewWindow", { min: start, max: end });
  }

  build(): EmbeddedChart {
    this.hit("build");
    return new EmbeddedChart(this.ctx, this.sheet, copyChart(this.draft));
  }
}
