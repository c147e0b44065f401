// What Sheets does when a person types into a cell whose validation rejects invalid input: the entry is
// refused with the rule's help text, or Sheets' own sentence. Script writes (setValue(s), appendRow) are
// refused too, with Sheets' generic sentence (range.ts checkScriptWrite).
import { isDate } from "../env.ts";
import { isSheetRect, type ValidationModel } from "./model.ts";
import { readValues } from "./range.ts";
import { type CellValue, displayValue, type Literal } from "./values.ts";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_LIKE = /^(https?:\/\/)?[\w-]+(\.[\w-]+)+(\/\S*)?$/i;

function asNumber(value: Literal): number | null {
  if (typeof value === "number") return value;
  if (isDate(value)) return value.getTime();
  return null;
}

function listed(value: Literal, options: CellValue[], exactCase: boolean): boolean {
  const fold = (text: string) => (exactCase ? text : text.toLowerCase());
  const text = fold(displayValue(value, undefined));
  return options.some((o) => o !== "" && fold(displayValue(o, undefined)) === text);
}

/**
 * Why a typed value breaks the rule, or null when it is fine (empty is always fine). Whether a script's
 * write must match a dropdown's letter case is not documented, so script writes take the strict reading
 * (`exactCase`); Check installation tries the real answer on each deployment.
 */
export function validationProblem(
  value: Literal | undefined,
  rule: ValidationModel,
  exactCase = false,
): string | null {
  if (value === undefined || value === "") return null;
  const [a, b] = rule.values;
  const n = asNumber(value);
  const limit = (v: unknown): number => (isDate(v) ? v.getTime() : Number(v));
  let ok = true;
  let message = "Input must be valid.";
  switch (rule.criteria) {
    case "VALUE_IN_LIST": {
      const options = Array.isArray(a) ? (a as CellValue[]) : [];
      ok = listed(value, options, exactCase);
      message = "Input must be an item on the specified list.";
      break;
    }
    case "VALUE_IN_RANGE": {
      const options = isSheetRect(a) ? readValues(a.sheet, a.rect).flat() : [];
      ok = listed(value, options, exactCase);
      message = "Input must fall within specified range.";
      break;
    }
    case "NUMBER_BETWEEN":
    case "NUMBER_NOT_BETWEEN": {
      const inside = n !== null && !isDate(value) && n >= Number(a) && n <= Number(b);
      ok = rule.criteria === "NUMBER_BETWEEN" ? inside : n !== null && !inside;
      message = `Input must be a number ${rule.criteria === "NUMBER_BETWEEN" ? "" : "not "}between ${a} and ${b}.`;
      break;
    }
    case "NUMBER_EQUAL_TO":
    case "NUMBER_NOT_EQUAL_TO":
    case "NUMBER_GREATER_THAN":
    case "NUMBER_GREATER_THAN_OR_EQUAL_TO":
    case "NUMBER_LESS_THAN":
    case "NUMBER_LESS_THAN_OR_EQUAL_TO": {
      const x = Number(a);
      const tests: Record<string, [(v: number) => boolean, string]> = {
        NUMBER_EQUAL_TO: [(v) => v === x, "equal to"],
        NUMBER_NOT_EQUAL_TO: [(v) => v !== x, "not equal to"],
        NUMBER_GREATER_THAN: [(v) => v > x, "greater than"],
        NUMBER_GREATER_THAN_OR_EQUAL_TO: [(v) => v >= x, "greater than or equal to"],
        NUMBER_LESS_THAN: [(v) => v < x, "less than"],
        NUMBER_LESS_THAN_OR_EQUAL_TO: [(v) => v <= x, "less than or equal to"],
      };
      const [test, words] = tests[rule.criteria] as [(v: number) => boolean, string];
      ok = typeof value === "number" && test(value);
      message = `Input must be a number ${words} ${a}.`;
      break;
    }
    case "DATE_IS_VALID_DATE":
      ok = isDate(value);
      message = "Input must be a valid date.";
      break;
    case "DATE_AFTER":
    case "DATE_ON_OR_AFTER":
    case "DATE_BEFORE":
    case "DATE_ON_OR_BEFORE":
    case "DATE_EQUAL_TO":
    case "DATE_BETWEEN":
    case "DATE_NOT_BETWEEN": {
      const t = isDate(value) ? value.getTime() : null;
      const x = limit(a);
      const y = limit(b);
      const checks: Record<string, (v: number) => boolean> = {
        DATE_AFTER: (v) => v > x,
        DATE_ON_OR_AFTER: (v) => v >= x,
        DATE_BEFORE: (v) => v < x,
        DATE_ON_OR_BEFORE: (v) => v <= x,
        DATE_EQUAL_TO: (v) => v === x,
        DATE_BETWEEN: (v) => v >= x && v <= y,
        DATE_NOT_BETWEEN: (v) => v < x || v > y,
      };
      ok = t !== null && (checks[rule.criteria] as (v: number) => boolean)(t);
      message = "Input must be a valid date in the allowed period.";
      break;
    }
    case "CHECKBOX": {
      const allowed = rule.values.length > 0 ? rule.values : [true, false];
      ok = allowed.some((v) => v === value || String(v).toLowerCase() === String(value).toLowerCase());
      message = "Input must be a checkbox value.";
      break;
    }
    case "TEXT_IS_VALID_EMAIL":
      ok = typeof value === "string" && EMAIL.test(value);
      message = "Input must be a valid email address.";
      break;
    case "TEXT_IS_VALID_URL":
      ok = typeof value === "string" && URL_LIKE.test(value);
      message = "Input must be a valid URL.";
      break;
    case "TEXT_CONTAINS":
    case "TEXT_DOES_NOT_CONTAIN": {
      const has = displayValue(value, undefined).toLowerCase().includes(String(a).toLowerCase());
      ok = rule.criteria === "TEXT_CONTAINS" ? has : !has;
      message = `Input must ${rule.criteria === "TEXT_CONTAINS" ? "" : "not "}contain ${a}.`;
      break;
    }
    case "TEXT_EQUAL_TO":
      ok = displayValue(value, undefined) === String(a);
      message = `Input must be ${a}.`;
      break;
    default:
      // Custom formulas are not evaluated for person edits.
      ok = true;
  }
  if (ok) return null;
  return rule.helpText || message;
}
