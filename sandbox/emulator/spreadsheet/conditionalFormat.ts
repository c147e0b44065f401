// Conditional format rules: SpreadsheetApp.newConditionalFormatRule() builder and the rules a sheet
// holds (Sheet.setConditionalFormatRules / getConditionalFormatRules).
import { exception, type ServiceContext } from "./context.ts";
import type { ConditionalRuleModel, ConditionModel } from "./model.ts";
import { Range } from "./range.ts";
import { criteriaValuesOut } from "./validation.ts";

export function copyRule(model: ConditionalRuleModel): ConditionalRuleModel {
  return {
    ranges: model.ranges.map((r) => ({ sheet: r.sheet, rect: { ...r.rect } })),
    condition: model.condition ? { ...model.condition, values: [...model.condition.values] } : null,
    gradient: model.gradient ? { ...model.gradient } : null,
  };
}

export class BooleanCondition {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly model: ConditionModel,
  ) {}

  getCriteriaType(): string {
    this.ctx.hit("BooleanCondition", "getCriteriaType");
    return this.model.criteria;
  }

  getCriteriaValues(): unknown[] {
    this.ctx.hit("BooleanCondition", "getCriteriaValues");
    return criteriaValuesOut(this.ctx, this.model.values);
  }

  getBackground(): string | null {
    this.ctx.hit("BooleanCondition", "getBackground");
    return this.model.background ?? null;
  }

  getFontColor(): string | null {
    this.ctx.hit("BooleanCondition", "getFontColor");
    return this.model.fontColor ?? null;
  }

  getBold(): boolean | null {
    this.ctx.hit("BooleanCondition", "getBold");
    return this.model.bold ?? null;
  }

  getItalic(): boolean | null {
    this.ctx.hit("BooleanCondition", "getItalic");
    return this.model.italic ?? null;
  }
}

export class ConditionalFormatRule {
  constructor(
    private readonly ctx: ServiceContext,
    readonly model: ConditionalRuleModel,
  ) {}

  copy(): ConditionalFormatRuleBuilder {
    this.ctx.hit("ConditionalFormatRule", "copy");
    return new ConditionalFormatRuleBuilder(this.ctx, copyRule(this.model));
  }

  getRanges(): Range[] {
    this.ctx.hit("ConditionalFormatRule", "getRanges");
    return this.model.ranges.map((r) => new Range(this.ctx, r.sheet, { ...r.rect }));
  }

  getBooleanCondition(): BooleanCondition | null {
    this.ctx.hit("ConditionalFormatRule", "getBooleanCondition");
    return this.model.condition ? new BooleanCondition(this.ctx, this.model.condition) : null;
  }

  getGradientCondition(): Record<string, unknown> | null {
    this.ctx.hit("ConditionalFormatRule", "getGradientCondition");
    return this.model.gradient ? { ...this.model.gradient } : null;
  }
}

export class ConditionalFormatRuleBuilder {
  private readonly draft: ConditionalRuleModel;

  constructor(
    private readonly ctx: ServiceContext,
    from?: ConditionalRuleModel,
  ) {
    this.draft = from ?? { ranges: [], condition: null, gradient: null };
  }

  private hit(method: string): void {
    this.ctx.hit("ConditionalFormatRuleBuilder", method);
  }

  private when(method: string, criteria: string, values: unknown[]): this {
    this.hit(method);
    const format = this.draft.condition ?? { criteria, values };
    this.draft.condition = {
      ...format,
      criteria,
      values: values.map((v) => (v instanceof Range ? { sheet: v.sheetModel, rect: { ...v.rect } } : v)),
    };
    this.draft.gradient = null;
    return this;
  }

  private style(
    method: string,
    key: "background" | "fontColor" | "bold" | "italic" | "strikethrough" | "underline",
    value: unknown,
  ): this {
    this.hit(method);
    const condition = this.draft.condition ?? { criteria: "", values: [] };
    this.draft.condition = { ...condition, [key]: value };
    return this;
  }

  build(): ConditionalFormatRule {
    this.hit("build");
    if (this.draft.ranges.length === 0)
      throw exception("A conditional format rule needs at least one range: call setRanges first.");
    if (!this.draft.gradient && !this.draft.condition?.criteria) {
      throw exception("A conditional format rule needs a condition: call a when… method first.");
    }
    return new ConditionalFormatRule(this.ctx, copyRule(this.draft));
  }

  copy(): ConditionalFormatRuleBuilder {
    this.hit("copy");
    return new ConditionalFormatRuleBuilder(this.ctx, copyRule(this.draft));
  }

  setRanges(ranges: Range[]): this {
    this.hit("setRanges");
    this.draft.ranges = ranges.map((r) => {
      if (!(r instanceof Range)) throw exception("setRanges needs an array of Range.");
      return { sheet: r.sheetModel, rect: { ...r.rect } };
    });
    return this;
  }

  getRanges(): Range[] {
    this.hit("getRanges");
    return this.draft.ranges.map((r) => new Range(this.ctx, r.sheet, { ...r.rect }));
  }

  setBackground(color: string | null): this {
    return this.style("setBackground", "background", color);
  }
  setFontColor(color: string | null): this {
    return this.style("setFontColor", "fontColor", color);
  }
  setBold(bold: boolean | null): this {
    return this.style("setBold", "bold", bold);
  }
  setItalic(italic: boolean | null): this {
    return this.style("setItalic", "italic", italic);
  }
  setStrikethrough(strikethrough: boolean | null): this {
    return this.style("setStrikethrough", "strikethrough", strikethrough);
  }
  setUnderline(underline: boolean | null): this {
    return this.style("setUnderline", "underline", underline);
  }

  whenCellEmpty(): this {
    return this.when("whenCellEmpty", "CELL_EMPTY", []);
  }
  whenCellNotEmpty(): this {
    return this.when("whenCellNotEmpty", "CELL_NOT_EMPTY", []);
  }
  whenFormulaSatisfied(formula: string): this {
    return this.when("whenFormulaSatisfied", "CUSTOM_FORMULA", [formula]);
  }
  whenNumberBetween(start: number, end: number): this {
    return this.when("whenNumberBetween", "NUMBER_BETWEEN", [start, end]);
  }
  whenNumberNotBetween(start: number, end: number): this {
    return this.when("whenNumberNotBetween", "NUMBER_NOT_BETWEEN", [start, end]);
  }
  whenNumberEqualTo(number: number): this {
    return this.when("whenNumberEqualTo", "NUMBER_EQUAL_TO", [number]);
  }
  whenNumberNotEqualTo(number: number): this {
    return this.when("whenNumberNotEqualTo", "NUMBER_NOT_EQUAL_TO", [number]);
  }
  whenNumberGreaterThan(number: number): this {
    return this.when("whenNumberGreaterThan", "NUMBER_GREATER_THAN", [number]);
  }
  whenNumberGreaterThanOrEqualTo(number: number): this {
    return this.when("whenNumberGreaterThanOrEqualTo", "NUMBER_GREATER_THAN_OR_EQUAL_TO", [number]);
  }
  whenNumberLessThan(number: number): this {
    return this.when("whenNumberLessThan", "NUMBER_LESS_THAN", [number]);
  }
  whenNumberLessThanOrEqualTo(number: number): this {
    return this.when("whenNumberLessThanOrEqualTo", "NUMBER_LESS_THAN_OR_EQUAL_TO", [number]);
  }
  whenTextEqualTo(text: string): this {
    return this.when("whenTextEqualTo", "TEXT_EQUAL_TO", [text]);
  }
  whenTextContains(text: string): this {
    return this.when("whenTextContains", "TEXT_CONTAINS", [text]);
  }
  whenTextDoesNotContain(text: string): this {
    return this.when("whenTextDoesNotContain", "TEXT_DOES_NOT_CONTAIN", [text]);
  }
  whenTextStartsWith(text: string): this {
    return this.when("whenTextStartsWith", "TEXT_STARTS_WITH", [text]);
  }
  whenTextEndsWith(text: string): this {
    return this.when("whenTextEndsWith", "TEXT_ENDS_WITH", [text]);
  }
  whenDateAfter(date: unknown): this {
    return this.when("whenDateAfter", "DATE_AFTER", [date]);
  }
  whenDateBefore(date: unknown): this {
    return this.when("whenDateBefore", "DATE_BEFORE", [date]);
  }

  /** Color scales are recorded as their points. */
  setGradientMinpoint(color: string): this {
    return this.gradient("setGradientMinpoint", { minColor: color, minType: "MIN" });
  }
  setGradientMaxpoint(color: string): this {
    return this.gradient("setGradientMaxpoint", { maxColor: color, maxType: "MAX" });
  }
  setGradientMinpointWithValue(color: string, type: string, value: string): this {
    return this.gradient("setGradientMinpointWithValue", {
      minColor: color,
      minType: String(type),
      minValue: value,
    });
  }
  setGradientMidpointWithValue(color: string, type: string, value: string): this {
    return this.gradient("setGradientMidpointWithValue", {
      midColor: color,
      midType: String(type),
      midValue: value,
    });
  }
  setGradientMaxpointWithValue(color: string, type: string, value: string): this {
    return this.gradient("setGradientMaxpointWithValue", {
      maxColor: color,
      maxType: String(type),
      maxValue: value,
    });
  }

  private gradient(method: string, points: Record<string, unknown>): this {
    this.hit(method);
    this.draft.gradient = { ...(this.draft.gradient ?? {}), ...points };
    this.draft.condition = null;
    return this;
  }
}
