// GET /api/export.xlsx: the workbook as an Office Open XML spreadsheet (ECMA-376) written with exceljs:
// real dates, number formats, bold and fills, frozen panes, column widths, validation, conditional
// formats, named ranges and hidden tabs. exceljs cannot write charts, so a Charts tab lists each
// chart's title, type, tab and data range.
import ExcelJS from "exceljs";
import type { WorkbookDescription } from "./emulator/spreadsheet/describe.ts";

type Value = string | number | boolean | Date;

/** The computed values of a tab, typed (dates as Dates), as the emulator holds them. */
export type ValuesOf = (sheetName: string) => Value[][];

export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

// Functions added after Excel 2007 are stored with a prefix; without it Excel and LibreOffice read the
// name as unknown (#NAME?). https://learn.microsoft.com/en-us/openspecs/office_standards/ms-xlsx/5d1b6d44-6fc1-4ecd-8fef-0b27406cc2bf
const newerFunctions = [
  "MAXIFS",
  "MINIFS",
  "IFS",
  "SWITCH",
  "CONCAT",
  "TEXTJOIN",
  "IFNA",
  "XOR",
  "DAYS",
  "ISOWEEKNUM",
  "XLOOKUP",
  "XMATCH",
  "UNIQUE",
  "FILTER",
  "SORT",
  "SEQUENCE",
  "STDEV.S",
  "STDEV.P",
  "PERCENTILE.INC",
  "PERCENTILE.EXC",
  "QUARTILE.INC",
];
const prefixPattern = new RegExp(
  `(?<![A-Za-z0-9_.])(${newerFunctions.map((f) => f.replace(".", "\\.")).join("|")})\\(`,
  "g",
);

/** A Sheets formula as .xlsx stores it: no leading "=", newer functions prefixed with _xlfn. */
export function xlsxFormula(formula: string): string {
  return formula.replace(/^=/, "").replace(prefixPattern, "_xlfn.$1(");
}

/** Excel limits sheet names to 31 characters without []:*?/\ and needs them unique. */
function sheetNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((original, i) => {
    let name = original.replace(/[[\]:*?/\\]/g, " ").slice(0, 31) || `Sheet${i + 1}`;
    while (used.has(name.toLowerCase())) name = `${name.slice(0, 28)}~${i}`;
    used.add(name.toLowerCase());
    return name;
  });
}

const argb = (hex: string): string => `FF${hex.replace("#", "").toUpperCase().padEnd(6, "0").slice(0, 6)}`;

/** "A2:C10" (or "'Tab'!A2:C10") → its top-left cell, for relative formulas. */
const topLeft = (a1: string): string => (a1.split("!").pop() ?? a1).split(":")[0] ?? "A1";
const bare = (a1: string): string => a1.split("!").pop() ?? a1;
const absolute = (a1: string): string =>
  a1.replace(/(^|[!:])\$?([A-Z]+)\$?(\d+)?/g, (_, lead: string, col: string, row?: string) =>
    row ? `${lead}$${col}$${row}` : `${lead}$${col}`,
  );
const quoted = (name: string): string => `'${name.replace(/'/g, "''")}'`;

function validationOf(
  rule: WorkbookDescription["sheets"][number]["validations"][number],
): ExcelJS.DataValidation | null {
  const [a, b] = rule.values;
  const common = {
    allowBlank: true,
    showErrorMessage: !rule.allowInvalid,
    error: rule.helpText || undefined,
    showInputMessage: Boolean(rule.helpText),
    prompt: rule.helpText || undefined,
  };
  switch (rule.criteria) {
    case "VALUE_IN_LIST": {
      const list = (Array.isArray(a) ? a : []).map(String);
      // The inline list form holds at most 255 characters.
      if (list.join(",").length > 250) return null;
      return { type: "list", formulae: [`"${list.join(",")}"`], ...common };
    }
    case "VALUE_IN_RANGE": {
      if (typeof a !== "string") return null;
      const [sheet, range] = a.includes("!") ? [a.slice(0, a.lastIndexOf("!")), bare(a)] : [null, a];
      return { type: "list", formulae: [`${sheet ?? ""}${sheet ? "!" : ""}${absolute(range)}`], ...common };
    }
    case "CHECKBOX":
      return { type: "list", formulae: ['"TRUE,FALSE"'], ...common };
    case "NUMBER_BETWEEN":
      return { type: "decimal", operator: "between", formulae: [Number(a), Number(b)], ...common };
    case "NUMBER_GREATER_THAN_OR_EQUAL_TO":
      return { type: "decimal", operator: "greaterThanOrEqual", formulae: [Number(a)], ...common };
    case "NUMBER_LESS_THAN_OR_EQUAL_TO":
      return { type: "decimal", operator: "lessThanOrEqual", formulae: [Number(a)], ...common };
    case "DATE_IS_VALID_DATE":
      return { type: "date", operator: "greaterThan", formulae: [new Date(Date.UTC(1900, 0, 1))], ...common };
    default:
      return null;
  }
}

export async function toXlsx(workbook: WorkbookDescription, valuesOf: ValuesOf): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "Peer Exchange sandbox";
  // exceljs leaves out cached results that are false or 0: the application recalculates on opening.
  book.calcProperties.fullCalcOnLoad = true;
  const names = sheetNames(workbook.sheets.map((s) => s.name));
  const rename = new Map(workbook.sheets.map((s, i) => [s.name, names[i] ?? s.name]));
  const chartRows: (string | number)[][] = [];
  workbook.sheets.forEach((sheet, i) => {
    const ws = book.addWorksheet(names[i], {
      state: sheet.hidden ? "hidden" : "visible",
      views:
        sheet.frozenRows || sheet.frozenColumns
          ? [{ state: "frozen", xSplit: sheet.frozenColumns, ySplit: sheet.frozenRows }]
          : [],
    });
    // Cells hold the wall clock the sheet shows in a Date's UTC fields, which exceljs writes as the serial.
    const values = valuesOf(sheet.name);
    values.forEach((row, r) => {
      row.forEach((value, c) => {
        const formula = sheet.formulas[r]?.[c];
        if (!formula && value === "") return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = formula
          ? ({
              formula: xlsxFormula(formula),
              result: value === "" ? undefined : value,
            } as ExcelJS.CellFormulaValue)
          : value;
      });
    });
    for (const { a1, format } of sheet.numberFormats) {
      const [from, to = from] = a1.split(":");
      const last = Math.max(values.length, 1);
      // Formats over a whole column's data rows, not the thousand empty rows below.
      const end = to?.replace(/\d+$/, (n) => String(Math.min(Number(n), last)));
      const area = `${from}:${end}`;
      for (const cell of cellsOf(ws, area)) cell.numFmt = format;
    }
    for (const { a1, format } of sheet.formats) {
      const last = Math.max(values.length, 1);
      const [from, to = from] = a1.split(":");
      const area = `${from}:${to?.replace(/\d+$/, (n) => String(Math.min(Number(n), last)))}`;
      for (const cell of cellsOf(ws, area)) {
        if (format.fontWeight === "bold") cell.font = { ...cell.font, bold: true };
        if (typeof format.fontColor === "string")
          cell.font = { ...cell.font, color: { argb: argb(format.fontColor) } };
        if (typeof format.background === "string" && format.background !== "#ffffff")
          cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(format.background) } };
        if (format.wrap === true) cell.alignment = { ...cell.alignment, wrapText: true };
      }
    }
    for (const [column, px] of Object.entries(sheet.columnWidths)) {
      // Sheets measures in pixels; Excel in characters of about 7 pixels.
      ws.getColumn(Number(column) + 1).width = Math.max(4, Math.round(px / 7));
    }
    for (const rule of sheet.validations) {
      const validation = validationOf(rule);
      if (!validation) continue;
      for (const cell of cellsOf(ws, rule.a1, Math.max(values.length + 50, 100)))
        cell.dataValidation = validation;
    }
    for (const rule of sheet.conditionalFormats) {
      const [first] = rule.values;
      const background = rule.format.background;
      if (typeof background !== "string") continue;
      for (const range of rule.ranges) {
        const ref = bare(range);
        const formula =
          rule.criteria === "CUSTOM_FORMULA"
            ? xlsxFormula(String(first))
            : rule.criteria === "TEXT_EQUAL_TO"
              ? `${topLeft(ref)}="${String(first).replace(/"/g, '""')}"`
              : null;
        if (!formula) continue;
        ws.addConditionalFormatting({
          ref,
          rules: [
            {
              type: "expression",
              priority: 1,
              formulae: [formula],
              style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(background) } } },
            },
          ],
        });
      }
    }
    for (const chart of sheet.charts) {
      chartRows.push([
        String(chart.options.title ?? ""),
        chart.type,
        names[i] ?? sheet.name,
        `${columnName(chart.position.anchorColumn - 1)}${chart.position.anchorRow}`,
        chart.ranges.map((a1) => renamed(a1, rename)).join(", "),
      ]);
    }
  });
  for (const named of workbook.namedRanges) {
    const sheetName = named.a1.includes("!")
      ? named.a1.slice(0, named.a1.lastIndexOf("!")).replace(/^'(.*)'$/, "$1")
      : "";
    const target = rename.get(sheetName.replace(/''/g, "'")) ?? sheetName;
    book.definedNames.add(`${quoted(target)}!${absolute(bare(named.a1))}`, named.name);
  }
  if (chartRows.length > 0) {
    const charts = book.addWorksheet(sheetNames([...names, "Charts"]).at(-1) ?? "Charts", {
      views: [{ state: "frozen", ySplit: 1 }],
    });
    charts.addRow(["Title", "Type", "On tab", "At cell", "Data range"]).font = { bold: true };
    for (const row of chartRows) charts.addRow(row);
    charts.columns.forEach((column, i) => {
      column.width = [60, 10, 20, 10, 40][i] ?? 12;
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

function renamed(a1: string, rename: Map<string, string>): string {
  if (!a1.includes("!")) return a1;
  const sheet = a1
    .slice(0, a1.lastIndexOf("!"))
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  return `${quoted(rename.get(sheet) ?? sheet)}!${bare(a1)}`;
}

/** The cells of an A1 range on a worksheet; an open-ended "A2:A" stops at `openRows`. */
function cellsOf(ws: ExcelJS.Worksheet, a1: string, openRows = 1000): ExcelJS.Cell[] {
  const m = /^([A-Z]+)(\d+)?(?::([A-Z]+)(\d+)?)?$/.exec(bare(a1).replace(/\$/g, ""));
  if (!m) return [];
  const col = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const c1 = col(m[1] ?? "A");
  const r1 = Number(m[2] ?? 1);
  const c2 = m[3] ? col(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : m[3] ? openRows : r1;
  const cells: ExcelJS.Cell[] = [];
  for (let r = r1; r <= Math.min(r2, r1 + openRows); r++)
    for (let c = c1; c <= c2; c++) cells.push(ws.getCell(r, c));
  return cells;
}
