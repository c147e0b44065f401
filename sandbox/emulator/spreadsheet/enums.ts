// Apps Script enums the add-on reads from SpreadsheetApp and Charts. Each member is its own name, so
// `===` comparisons, String(x) and JSON all behave as scripts expect.

function names<const T extends string>(...members: T[]): Readonly<{ [K in T]: K }> {
  return Object.freeze(Object.fromEntries(members.map((m) => [m, m]))) as { [K in T]: K };
}

export const DataValidationCriteria = names(
  "DATE_AFTER",
  "DATE_BEFORE",
  "DATE_BETWEEN",
  "DATE_EQUAL_TO",
  "DATE_IS_VALID_DATE",
  "DATE_NOT_BETWEEN",
  "DATE_ON_OR_AFTER",
  "DATE_ON_OR_BEFORE",
  "NUMBER_BETWEEN",
  "NUMBER_EQUAL_TO",
  "NUMBER_GREATER_THAN",
  "NUMBER_GREATER_THAN_OR_EQUAL_TO",
  "NUMBER_LESS_THAN",
  "NUMBER_LESS_THAN_OR_EQUAL_TO",
  "NUMBER_NOT_BETWEEN",
  "NUMBER_NOT_EQUAL_TO",
  "TEXT_CONTAINS",
  "TEXT_DOES_NOT_CONTAIN",
  "TEXT_EQUAL_TO",
  "TEXT_IS_VALID_EMAIL",
  "TEXT_IS_VALID_URL",
  "VALUE_IN_LIST",
  "VALUE_IN_RANGE",
  "CUSTOM_FORMULA",
  "CHECKBOX",
);

export const BooleanCriteria = names(
  "CELL_EMPTY",
  "CELL_NOT_EMPTY",
  "DATE_AFTER",
  "DATE_BEFORE",
  "DATE_EQUAL_TO",
  "DATE_AFTER_RELATIVE",
  "DATE_BEFORE_RELATIVE",
  "DATE_EQUAL_TO_RELATIVE",
  "NUMBER_BETWEEN",
  "NUMBER_EQUAL_TO",
  "NUMBER_GREATER_THAN",
  "NUMBER_GREATER_THAN_OR_EQUAL_TO",
  "NUMBER_LESS_THAN",
  "NUMBER_LESS_THAN_OR_EQUAL_TO",
  "NUMBER_NOT_BETWEEN",
  "NUMBER_NOT_EQUAL_TO",
  "TEXT_CONTAINS",
  "TEXT_DOES_NOT_CONTAIN",
  "TEXT_EQUAL_TO",
  "TEXT_STARTS_WITH",
  "TEXT_ENDS_WITH",
  "CUSTOM_FORMULA",
);

export const ProtectionType = names("RANGE", "SHEET");
export const Dimension = names("COLUMNS", "ROWS");
export const WrapStrategy = names("WRAP", "OVERFLOW", "CLIP");
export const BorderStyle = names("DOTTED", "DASHED", "SOLID", "SOLID_MEDIUM", "SOLID_THICK", "DOUBLE");
export const InterpolationType = names("NUMBER", "PERCENT", "PERCENTILE", "MIN", "MAX");
export const SheetType = names("GRID", "OBJECT", "DATASOURCE");
export const CopyPasteType = names(
  "PASTE_NORMAL",
  "PASTE_NO_BORDERS",
  "PASTE_FORMAT",
  "PASTE_FORMULA",
  "PASTE_DATA_VALIDATION",
  "PASTE_VALUES",
  "PASTE_CONDITIONAL_FORMATTING",
  "PASTE_COLUMN_WIDTHS",
);
export const RelativeDate = names("TODAY", "TOMORROW", "YESTERDAY", "PAST_WEEK", "PAST_MONTH", "PAST_YEAR");

export const ChartType = names(
  "AREA",
  "BAR",
  "BUBBLE",
  "CANDLESTICK",
  "COLUMN",
  "COMBO",
  "GAUGE",
  "GEO",
  "HISTOGRAM",
  "RADAR",
  "LINE",
  "ORG",
  "PIE",
  "SCATTER",
  "SPARKLINE",
  "STEPPED_AREA",
  "TABLE",
  "TIMELINE",
  "TREEMAP",
  "WATERFALL",
);
export const ChartHiddenDimensionStrategy = names(
  "IGNORE_BOTH",
  "IGNORE_ROWS",
  "IGNORE_COLUMNS",
  "SHOW_BOTH",
);
export const ChartMergeStrategy = names("MERGE_COLUMNS", "MERGE_ROWS");
export const Position = names("TOP", "RIGHT", "BOTTOM", "NONE");
export const CurveStyle = names("NORMAL", "SMOOTH");
export const PointStyle = names("NONE", "TINY", "MEDIUM", "LARGE", "HUGE");
export const Orientation = names("HORIZONTAL", "VERTICAL");
