// Data validation and conditional format rules, between the API's shapes and the workbook model's.
import type { BookModel, ConditionalRuleModel, SheetModel, ValidationModel } from "../spreadsheet/model.ts";
import { colorOf, gridRangeOf, gridRect, hexOf, invalid, type Json, type Shadow } from "./grid.ts";

// ---- Data validation -----------------------------------------------------------------------------

// https://developers.google.com/workspace/sheets/api/reference/rest/v4/other#ConditionType, mapped to the
// SpreadsheetApp criteria the same rule shows there.
export const CONDITION_TO_CRITERIA: Record<string, string> = {
  ONE_OF_LIST: "VALUE_IN_LIST",
  BOOLEAN: "CHECKBOX",
  DATE_IS_VALID: "DATE_IS_VALID_DATE",
  TEXT_IS_EMAIL: "TEXT_IS_VALID_EMAIL",
  TEXT_IS_URL: "TEXT_IS_VALID_URL",
  NUMBER_BETWEEN: "NUMBER_BETWEEN",
  NUMBER_GREATER_THAN_EQ: "NUMBER_GREATER_THAN_OR_EQUAL_TO",
  NUMBER_LESS_THAN_EQ: "NUMBER_LESS_THAN_OR_EQUAL_TO",
};
export const CRITERIA_TO_CONDITION = Object.fromEntries(
  Object.entries(CONDITION_TO_CRITERIA).map(([a, b]) => [b, a]),
);
export const NUMBER_ARITY: Record<string, number> = {
  NUMBER_BETWEEN: 2,
  NUMBER_GREATER_THAN_EQ: 1,
  NUMBER_LESS_THAN_EQ: 1,
};

export function conditionValues(condition: Json, where: string): string[] {
  const values = condition.values ?? [];
  if (!Array.isArray(values)) invalid(`${where}.values must be a list of ConditionValue.`);
  return values.map((v, i) => {
    const text = (v as Json | null)?.userEnteredValue;
    if (typeof text !== "string") invalid(`${where}.values[${i}].userEnteredValue must be text.`);
    return text;
  });
}

// https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/other#DataValidationRule
export function validationOf(rule: unknown, where: string): ValidationModel {
  const r = (rule ?? {}) as Json;
  const condition = r.condition as Json | undefined;
  if (!condition || typeof condition.type !== "string") invalid(`${where}.condition.type is required.`);
  const type = condition.type;
  const criteria = CONDITION_TO_CRITERIA[type];
  if (!criteria) invalid(`${where}: the condition type ${type} is not supported for data validation here.`);
  const texts = conditionValues(condition, `${where}.condition`);
  let values: unknown[] = [];
  if (type === "ONE_OF_LIST") {
    if (texts.length === 0) invalid(`${where}: ONE_OF_LIST needs at least one value.`);
    values = [texts, r.showCustomUi === true];
  } else if (type in NUMBER_ARITY) {
    if (texts.length !== NUMBER_ARITY[type])
      invalid(`${where}: ${type} needs ${NUMBER_ARITY[type]} value${NUMBER_ARITY[type] === 1 ? "" : "s"}.`);
    values = texts.map((t) => {
      const n = Number(t);
      if (t.trim() === "" || !Number.isFinite(n)) invalid(`${where}: "${t}" is not a number.`);
      return n;
    });
  } else if (texts.length > 0) {
    invalid(`${where}: ${type} takes no values.`);
  }
  if (r.inputMessage !== undefined && typeof r.inputMessage !== "string")
    invalid(`${where}.inputMessage must be text.`);
  return {
    criteria,
    values,
    allowInvalid: r.strict !== true,
    helpText: (r.inputMessage as string | undefined) ?? "",
  };
}

export function validationRuleOf(model: ValidationModel): Json | null {
  const type = CRITERIA_TO_CONDITION[model.criteria];
  if (!type) return null;
  const rule: Json = { condition: { type } };
  if (type === "ONE_OF_LIST") {
    const [list, show] = model.values as [unknown[], boolean];
    (rule.condition as Json).values = list.map((v) => ({ userEnteredValue: String(v) }));
    if (show) rule.showCustomUi = true;
  } else if (model.values.length > 0) {
    (rule.condition as Json).values = model.values.map((v) => ({ userEnteredValue: String(v) }));
  }
  if (model.helpText) rule.inputMessage = model.helpText;
  if (!model.allowInvalid) rule.strict = true;
  return rule;
}

// ---- Conditional formats -------------------------------------------------------------------------

// https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/sheets#BooleanRule
export const BOOLEAN_TO_CRITERIA: Record<string, string> = {
  TEXT_EQ: "TEXT_EQUAL_TO",
  CUSTOM_FORMULA: "CUSTOM_FORMULA",
};
export const CRITERIA_TO_BOOLEAN = Object.fromEntries(
  Object.entries(BOOLEAN_TO_CRITERIA).map(([a, b]) => [b, a]),
);

export function conditionalRuleOf(
  shadow: Shadow,
  rule: unknown,
  where: string,
): { sheetIds: number[]; build: (book: BookModel) => ConditionalRuleModel } {
  const r = (rule ?? {}) as Json;
  const ranges = r.ranges;
  if (!Array.isArray(ranges) || ranges.length === 0) invalid(`${where}.ranges needs at least one GridRange.`);
  const rects = ranges.map((g, i) => gridRect(shadow, g, `${where}.ranges[${i}]`));
  const sheetIds = [...new Set(rects.map((x) => x.sheetId))];
  if (sheetIds.length > 1) invalid(`${where}: all ranges of a rule must be on one sheet.`);
  const booleanRule = r.booleanRule as Json | undefined;
  if (!booleanRule) invalid(`${where}.booleanRule is required (gradient rules are not supported here).`);
  const condition = booleanRule.condition as Json | undefined;
  const criteria =
    condition && typeof condition.type === "string" ? BOOLEAN_TO_CRITERIA[condition.type] : undefined;
  if (!condition || !criteria)
    invalid(`${where}.booleanRule.condition.type must be TEXT_EQ or CUSTOM_FORMULA.`);
  const texts = conditionValues(condition, `${where}.booleanRule.condition`);
  if (texts.length !== 1) invalid(`${where}: ${String(condition.type)} needs exactly one value.`);
  if (criteria === "CUSTOM_FORMULA" && !texts[0]?.startsWith("="))
    invalid(`${where}: a CUSTOM_FORMULA value must start with "=".`);
  const format = (booleanRule.format ?? {}) as Json;
  const background = format.backgroundColor
    ? hexOf(format.backgroundColor, `${where}.booleanRule.format.backgroundColor`)
    : null;
  const text = (format.textFormat ?? {}) as Json;
  const fontColor = text.foregroundColor
    ? hexOf(text.foregroundColor, `${where}.booleanRule.format.textFormat.foregroundColor`)
    : null;
  return {
    sheetIds,
    build: (book) => ({
      ranges: rects.map((x) => ({ sheet: book.sheetById(x.sheetId) as SheetModel, rect: x.rect })),
      condition: {
        criteria,
        values: [texts[0]],
        ...(background !== null ? { background } : {}),
        ...(fontColor !== null ? { fontColor } : {}),
      },
      gradient: null,
    }),
  };
}

/**
 * Every rule of a sheet, in order (requests address rules by index). Criteria set-up does not send keep
 * their SpreadsheetApp name as the condition type; gradient rules are listed with their ranges only.
 */
export function conditionalFormatOf(rule: ConditionalRuleModel): Json {
  const ranges = rule.ranges.map((r) => gridRangeOf(r.sheet, r.rect));
  const condition = rule.condition;
  if (!condition) return { ranges, gradientRule: {} };
  const type = CRITERIA_TO_BOOLEAN[condition.criteria] ?? condition.criteria;
  const format: Json = {};
  if (condition.background) format.backgroundColor = colorOf(condition.background);
  if (condition.fontColor) format.textFormat = { foregroundColor: colorOf(condition.fontColor) };
  return {
    ranges,
    booleanRule: {
      condition: { type, values: condition.values.map((v) => ({ userEnteredValue: String(v) })) },
      format,
    },
  };
}
