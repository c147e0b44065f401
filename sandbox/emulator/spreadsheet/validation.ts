// Data validation: the builder scripts use (SpreadsheetApp.newDataValidation()) and the immutable rule
// it builds, recorded per cell and read back by getDataValidation(s).
import { isDate } from "../env.ts";
import type { ServiceContext } from "./context.ts";
import { exception } from "./context.ts";
import type { DataValidationCriteria } from "./enums.ts";
import { isSheetRect, type SheetRect, type ValidationModel } from "./model.ts";
import { Range } from "./range.ts";

export type Criteria = keyof typeof DataValidationCriteria;

/** Criteria values as scripts see them: recorded sheet ranges come back as Range objects. */
export function criteriaValuesOut(ctx: ServiceContext, values: unknown[]): unknown[] {
  return values.map((v) => {
    if (isSheetRect(v)) return new Range(ctx, v.sheet, v.rect);
    if (Array.isArray(v)) return [...v];
    if (isDate(v)) return new Date(v.getTime());
    return v;
  });
}

/** Criteria values as recorded: Range arguments become sheet + rectangle, dates are copied. */
function criteriaValuesIn(values: unknown[]): unknown[] {
  return values.map((v) => {
    if (v instanceof Range) return { sheet: v.sheetModel, rect: { ...v.rect } } satisfies SheetRect;
    if (Array.isArray(v)) return v.map((item) => (isDate(item) ? new Date(item.getTime()) : item));
    if (isDate(v)) return new Date(v.getTime());
    return v;
  });
}

export class DataValidation {
  constructor(
    private readonly ctx: ServiceContext,
    readonly model: ValidationModel,
  ) {}

  copy(): DataValidationBuilder {
    this.ctx.hit("DataValidation", "copy");
    return new DataValidationBuilder(this.ctx, { ...this.model, values: [...this.model.values] });
  }

  getAllowInvalid(): boolean {
    this.ctx.hit("DataValidation", "getAllowInvalid");
    return this.model.allowInvalid;
  }

  getCriteriaType(): string {
    this.ctx.hit("DataValidation", "getCriteriaType");
    return this.model.criteria;
  }

  getCriteriaValues(): unknown[] {
    this.ctx.hit("DataValidation", "getCriteriaValues");
    return criteriaValuesOut(this.ctx, this.model.values);
  }

  getHelpText(): string {
    this.ctx.hit("DataValidation", "getHelpText");
    return this.model.helpText;
  }
}

export class DataValidationBuilder {
  private readonly draft: ValidationModel;

  constructor(
    private readonly ctx: ServiceContext,
    from?: ValidationModel,
  ) {
    this.draft = from ?? { criteria: "", values: [], allowInvalid: true, helpText: "" };
  }

  private require(method: string, criteria: Criteria, values: unknown[], check?: () => void): this {
    this.ctx.hit("DataValidationBuilder", method);
    check?.();
    this.draft.criteria = criteria;
    this.draft.values = criteriaValuesIn(values);
    return this;
  }

  build(): DataValidation {
    this.ctx.hit("DataValidationBuilder", "build");
    if (!this.draft.criteria)
      throw exception("The data validation rule has no criteria: call a require… method first.");
    return new DataValidation(this.ctx, { ...this.draft, values: [...this.draft.values] });
  }

  copy(): DataValidationBuilder {
    this.ctx.hit("DataValidationBuilder", "copy");
    return new DataValidationBuilder(this.ctx, { ...this.draft, values: [...this.draft.values] });
  }

  getAllowInvalid(): boolean {
    this.ctx.hit("DataValidationBuilder", "getAllowInvalid");
    return this.draft.allowInvalid;
  }

  getCriteriaType(): string {
    this.ctx.hit("DataValidationBuilder", "getCriteriaType");
    return this.draft.criteria;
  }

  getCriteriaValues(): unknown[] {
    this.ctx.hit("DataValidationBuilder", "getCriteriaValues");
    return criteriaValuesOut(this.ctx, this.draft.values);
  }

  getHelpText(): string {
    this.ctx.hit("DataValidationBuilder", "getHelpText");
    return this.draft.helpText;
  }

  setAllowInvalid(allowInvalidData: boolean): this {
    this.ctx.hit("DataValidationBuilder", "setAllowInvalid");
    this.draft.allowInvalid = !!allowInvalidData;
    return this;
  }

  setHelpText(helpText: string): this {
    this.ctx.hit("DataValidationBuilder", "setHelpText");
    this.draft.helpText = String(helpText);
    return this;
  }

  withCriteria(criteria: Criteria, args: unknown[]): this {
    return this.require("withCriteria", criteria, args);
  }

  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): this {
    const values = [checkedValue, uncheckedValue].filter((v) => v !== undefined);
    return this.require("requireCheckbox", "CHECKBOX", values);
  }

  requireDate(): this {
    return this.require("requireDate", "DATE_IS_VALID_DATE", []);
  }

  requireDateAfter(date: Date): this {
    return this.require("requireDateAfter", "DATE_AFTER", [date]);
  }

  requireDateBefore(date: Date): this {
    return this.require("requireDateBefore", "DATE_BEFORE", [date]);
  }

  requireDateBetween(start: Date, end: Date): this {
    return this.require("requireDateBetween", "DATE_BETWEEN", [start, end]);
  }

  requireDateEqualTo(date: Date): this {
    return this.require("requireDateEqualTo", "DATE_EQUAL_TO", [date]);
  }

  requireDateNotBetween(start: Date, end: Date): this {
    return this.require("requireDateNotBetween", "DATE_NOT_BETWEEN", [start, end]);
  }

  requireDateOnOrAfter(date: Date): this {
    return this.require("requireDateOnOrAfter", "DATE_ON_OR_AFTER", [date]);
  }

  requireDateOnOrBefore(date: Date): this {
    return this.require("requireDateOnOrBefore", "DATE_ON_OR_BEFORE", [date]);
  }

  requireFormulaSatisfied(formula: string): this {
    return this.require("requireFormulaSatisfied", "CUSTOM_FORMULA", [formula]);
  }

  requireNumberBetween(start: number, end: number): this {
    return this.require("requireNumberBetween", "NUMBER_BETWEEN", [start, end]);
  }

  requireNumberEqualTo(number: number): this {
    return this.require("requireNumberEqualTo", "NUMBER_EQUAL_TO", [number]);
  }

  requireNumberGreaterThan(number: number): this {
    return this.require("requireNumberGreaterThan", "NUMBER_GREATER_THAN", [number]);
  }

  requireNumberGreaterThanOrEqualTo(number: number): this {
    return this.require("requireNumberGreaterThanOrEqualTo", "NUMBER_GREATER_THAN_OR_EQUAL_TO", [number]);
  }

  requireNumberLessThan(number: number): this {
    return this.require("requireNumberLessThan", "NUMBER_LESS_THAN", [number]);
  }

  requireNumberLessThanOrEqualTo(number: number): this {
    return this.require("requireNumberLessThanOrEqualTo", "NUMBER_LESS_THAN_OR_EQUAL_TO", [number]);
  }

  requireNumberNotBetween(start: number, end: number): this {
    return this.require("requireNumberNotBetween", "NUMBER_NOT_BETWEEN", [start, end]);
  }

  requireNumberNotEqualTo(number: number): this {
    return this.require("requireNumberNotEqualTo", "NUMBER_NOT_EQUAL_TO", [number]);
  }

  requireTextContains(text: string): this {
    return this.require("requireTextContains", "TEXT_CONTAINS", [text]);
  }

  requireTextDoesNotContain(text: string): this {
    return this.require("requireTextDoesNotContain", "TEXT_DOES_NOT_CONTAIN", [text]);
  }

  requireTextEqualTo(text: string): this {
    return this.require("requireTextEqualTo", "TEXT_EQUAL_TO", [text]);
  }

  requireTextIsEmail(): this {
    return this.require("requireTextIsEmail", "TEXT_IS_VALID_EMAIL", []);
  }

  requireTextIsUrl(): this {
    return this.require("requireTextIsUrl", "TEXT_IS_VALID_URL", []);
  }

  requireValueInList(values: unknown[], showDropdown = true): this {
    return this.require(
      "requireValueInList",
      "VALUE_IN_LIST",
      [Array.isArray(values) ? [...values] : values, showDropdown],
      () => {
        if (!Array.isArray(values)) throw exception("requireValueInList needs an array of values.");
      },
    );
  }

  requireValueInRange(range: Range, showDropdown = true): this {
    return this.require("requireValueInRange", "VALUE_IN_RANGE", [range, showDropdown], () => {
      if (!(range instanceof Range)) throw exception("requireValueInRange needs a Range.");
    });
  }
}
