// Each batchUpdate request kind the emulator accepts: checked against the batch so far, then applied.
import type { Rect } from "../spreadsheet/a1.ts";
import type { ServiceContext } from "../spreadsheet/context.ts";
import type { BookModel, SheetModel } from "../spreadsheet/model.ts";
import { Range } from "../spreadsheet/range.ts";
import { Sheet } from "../spreadsheet/sheet.ts";
import { Spreadsheet } from "../spreadsheet/spreadsheet.ts";
import { applyCell, cellFields, cellWrite, endWrites } from "./cells.ts";
import { gridRangeOf, gridRect, invalid, type Json, namedRangeId, type Shadow } from "./grid.ts";
import { conditionalRuleOf, validationOf } from "./rules.ts";

// ---- Requests ------------------------------------------------------------------------------------

/** A checked request: how to apply it and its reply. */
export type Apply = (book: BookModel, ctx: ServiceContext) => Json;

// https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request
export const REQUEST_KINDS = [
  "addSheet",
  "deleteSheet",
  "updateSheetProperties",
  "appendDimension",
  "updateCells",
  "repeatCell",
  "setDataValidation",
  "addConditionalFormatRule",
  "updateConditionalFormatRule",
  "deleteConditionalFormatRule",
  "addNamedRange",
  "updateNamedRange",
  "deleteNamedRange",
] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export function sheetIdOf(shadow: Shadow, value: unknown): number {
  const id = typeof value === "number" ? value : 0;
  if (!shadow.sheets.has(id)) invalid(`No grid with id: ${id}`);
  return id;
}

export function checkTitle(shadow: Shadow, title: unknown, except?: number): string {
  if (typeof title !== "string" || title.trim() === "") invalid("A sheet needs a title.");
  for (const [id, s] of shadow.sheets)
    if (id !== except && s.title.toLowerCase() === title.toLowerCase())
      invalid(`A sheet with the name "${title}" already exists. Please enter another name.`);
  return title;
}

export function checkRequest(shadow: Shadow, kind: RequestKind, body: Json, where: string): Apply {
  switch (kind) {
    // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#AddSheetRequest
    case "addSheet": {
      const p = (body.properties ?? {}) as Json;
      const title = checkTitle(shadow, p.title);
      let id = p.sheetId;
      if (id === undefined) id = Math.max(0, ...shadow.sheets.keys()) + 1;
      if (typeof id !== "number" || !Number.isInteger(id) || id < 0)
        invalid(`${where}.properties.sheetId must be a whole number ≥ 0.`);
      if (shadow.sheets.has(id)) invalid(`A sheet with id ${id} already exists.`);
      const grid = (p.gridProperties ?? {}) as Json;
      const rows = (grid.rowCount as number | undefined) ?? 1000;
      const cols = (grid.columnCount as number | undefined) ?? 26;
      const frozen = (grid.frozenRowCount as number | undefined) ?? 0;
      if (![rows, cols].every((n) => Number.isInteger(n) && n >= 1))
        invalid(`${where}.properties.gridProperties: row and column counts must be whole numbers ≥ 1.`);
      if (!Number.isInteger(frozen) || frozen < 0 || frozen > rows)
        invalid(`${where}.properties.gridProperties.frozenRowCount is out of bounds.`);
      const count = shadow.sheets.size;
      const index = p.index === undefined ? count : (p.index as number);
      if (!Number.isInteger(index) || index < 0 || index > count)
        invalid(`${where}.properties.index must be from 0 to ${count}.`);
      const hidden = p.hidden === true;
      shadow.sheets.set(id, { title, rows, cols, rules: 0, hidden });
      if ([...shadow.sheets.values()].every((s) => s.hidden))
        invalid("You can't hide all the sheets in a document.");
      const sheetId = id;
      return (book) => {
        const sheet = book.addSheet(title, index, sheetId);
        sheet.maxRows = rows;
        sheet.maxCols = cols;
        sheet.frozenRows = frozen;
        sheet.hidden = hidden;
        return { addSheet: { properties: sheetProperties(sheet, book.sheets.indexOf(sheet)) } };
      };
    }
    // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#DeleteSheetRequest
    case "deleteSheet": {
      const id = sheetIdOf(shadow, body.sheetId);
      if (shadow.sheets.size === 1) invalid("You can't remove all the sheets in a document.");
      shadow.sheets.delete(id);
      return (book, ctx) => {
        const sheet = book.sheetById(id) as SheetModel;
        new Spreadsheet(ctx, book).deleteSheet(new Sheet(ctx, sheet));
        return {};
      };
    }
    // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#UpdateSheetPropertiesRequest
    case "updateSheetProperties": {
      const p = (body.properties ?? {}) as Json;
      const id = sheetIdOf(shadow, p.sheetId);
      const fields = typeof body.fields === "string" ? body.fields.split(",").map((f) => f.trim()) : [];
      const allowed = ["title", "hidden", "gridProperties.frozenRowCount"];
      if (fields.length === 0)
        invalid(`${where}.fields is required, e.g. "hidden,gridProperties.frozenRowCount".`);
      for (const f of fields)
        if (!allowed.includes(f))
          invalid(`${where}.fields: "${f}" is not supported here (${allowed.join(", ")}).`);
      const shadowSheet = shadow.sheets.get(id) as { title: string; rows: number; hidden: boolean };
      const title = fields.includes("title") ? checkTitle(shadow, p.title, id) : undefined;
      if (title) shadowSheet.title = title;
      const hidden = fields.includes("hidden") ? p.hidden === true : undefined;
      if (hidden !== undefined) shadowSheet.hidden = hidden;
      if ([...shadow.sheets.values()].every((s) => s.hidden))
        invalid("You can't hide all the sheets in a document.");
      const frozen = fields.includes("gridProperties.frozenRowCount")
        ? (((p.gridProperties ?? {}) as Json).frozenRowCount ?? 0)
        : undefined;
      if (
        frozen !== undefined &&
        (typeof frozen !== "number" || !Number.isInteger(frozen) || frozen < 0 || frozen > shadowSheet.rows)
      )
        invalid(`${where}.properties.gridProperties.frozenRowCount is out of bounds.`);
      return (book, ctx) => {
        const sheet = book.sheetById(id) as SheetModel;
        if (title !== undefined) new Sheet(ctx, sheet).setName(title);
        if (hidden !== undefined) sheet.hidden = hidden;
        if (frozen !== undefined) sheet.frozenRows = frozen as number;
        return {};
      };
    }
    // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#AppendDimensionRequest
    case "appendDimension": {
      const id = sheetIdOf(shadow, body.sheetId);
      const dimension = body.dimension;
      const length = body.length;
      if (dimension !== "ROWS" && dimension !== "COLUMNS")
        invalid(`${where}.dimension must be ROWS or COLUMNS.`);
      if (typeof length !== "number" || !Number.isInteger(length) || length < 1)
        invalid(`${where}.length must be a whole number ≥ 1.`);
      const s = shadow.sheets.get(id) as { rows: number; cols: number };
      if (dimension === "ROWS") s.rows += length;
      else s.cols += length;
      return (book, ctx) => {
        const sheet = new Sheet(ctx, book.sheetById(id) as SheetModel);
        if (dimension === "ROWS") sheet.insertRowsAfter(sheet.getMaxRows(), length);
        else sheet.insertColumnsAfter(sheet.getMaxColumns(), length);
        return {};
      };
    }
    // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#UpdateCellsRequest
    case "updateCells": {
      const fields = cellFields(body.fields, where);
      const rows = body.rows;
      if (!Array.isArray(rows) || rows.length === 0) invalid(`${where}.rows needs at least one RowData.`);
      const writes = rows.map((row, i) =>
        (((row as Json | null)?.values ?? []) as unknown[]).map((cell, j) =>
          cellWrite(cell, fields, `${where}.rows[${i}].values[${j}]`),
        ),
      );
      const width = Math.max(1, ...writes.map((w) => w.length));
      let target: { sheetId: number; rect: Rect };
      if (body.start) {
        const s = body.start as Json;
        target = gridRect(
          shadow,
          {
            sheetId: s.sheetId,
            startRowIndex: s.rowIndex ?? 0,
            endRowIndex: ((s.rowIndex as number | undefined) ?? 0) + rows.length,
            startColumnIndex: s.columnIndex ?? 0,
            endColumnIndex: ((s.columnIndex as number | undefined) ?? 0) + width,
          },
          `${where}.start`,
        );
      } else if (body.range) {
        target = gridRect(shadow, body.range, `${where}.range`);
        if (rows.length > target.rect.numRows || width > target.rect.numCols)
          invalid(`${where}: more rows or cells than the range holds.`);
      } else invalid(`${where} needs a start or a range.`);
      return (book) => {
        const sheet = book.sheetById(target.sheetId) as SheetModel;
        let sawFormula = false;
        writes.forEach((line, i) => {
          line.forEach((write, j) => {
            if (applyCell(sheet, target.rect.row + i, target.rect.col + j, write)) sawFormula = true;
          });
        });
        if (fields.includes("userEnteredValue"))
          endWrites(sheet, { ...target.rect, numRows: rows.length, numCols: width }, sawFormula);
        return {};
      };
    }
    // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#RepeatCellRequest
    case "repeatCell": {
      const fields = cellFields(body.fields, where);
      const target = gridRect(shadow, body.range, `${where}.range`);
      const write = cellWrite(body.cell, fields, `${where}.cell`);
      if (write.value && write.value.kind === "formula")
        invalid(`${where}: repeat a formula with updateCells (one formula per row), not repeatCell.`);
      return (book) => {
        const sheet = book.sheetById(target.sheetId) as SheetModel;
        for (let i = 0; i < target.rect.numRows; i++)
          for (let j = 0; j < target.rect.numCols; j++)
            applyCell(sheet, target.rect.row + i, target.rect.col + j, write);
        if (fields.includes("userEnteredValue")) endWrites(sheet, target.rect, false);
        return {};
      };
    }
    // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#SetDataValidationRequest
    case "setDataValidation": {
      const target = gridRect(shadow, body.range, `${where}.range`);
      const rule = body.rule === undefined ? null : validationOf(body.rule, `${where}.rule`);
      return (book) => {
        const sheet = book.sheetById(target.sheetId) as SheetModel;
        const { row, col, numRows, numCols } = target.rect;
        // One rule object for the whole range, as Range.setDataValidation records it.
        const model = rule ? { ...rule, values: structuredClone(rule.values) } : undefined;
        for (let i = 0; i < numRows; i++)
          for (let j = 0; j < numCols; j++) sheet.validations.set(row - 1 + i, col - 1 + j, model);
        return {};
      };
    }
    // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#AddConditionalFormatRuleRequest
    case "addConditionalFormatRule": {
      const { sheetIds, build } = conditionalRuleOf(shadow, body.rule, `${where}.rule`);
      const s = shadow.sheets.get(sheetIds[0] as number) as { rules: number };
      const index = body.index === undefined ? s.rules : body.index;
      if (typeof index !== "number" || !Number.isInteger(index) || index < 0 || index > s.rules)
        invalid(`${where}.index must be from 0 to ${s.rules}.`);
      s.rules += 1;
      return (book) => {
        const rule = build(book);
        (rule.ranges[0] as { sheet: SheetModel }).sheet.conditionalRules.splice(index, 0, rule);
        return {};
      };
    }
    // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#UpdateConditionalFormatRuleRequest
    case "updateConditionalFormatRule": {
      const id = sheetIdOf(shadow, body.sheetId);
      const s = shadow.sheets.get(id) as { rules: number };
      const index = body.index;
      if (typeof index !== "number" || !Number.isInteger(index) || index < 0 || index >= s.rules)
        invalid(
          `${where}.index: no conditional format rule at index ${String(index)} (the sheet has ${s.rules}).`,
        );
      const { sheetIds, build } = conditionalRuleOf(shadow, body.rule, `${where}.rule`);
      if (sheetIds[0] !== id) invalid(`${where}: the rule's ranges must be on sheet ${id}.`);
      return (book) => {
        (book.sheetById(id) as SheetModel).conditionalRules[index] = build(book);
        return {};
      };
    }
    // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#DeleteConditionalFormatRuleRequest
    case "deleteConditionalFormatRule": {
      const id = sheetIdOf(shadow, body.sheetId);
      const s = shadow.sheets.get(id) as { rules: number };
      const index = body.index;
      if (typeof index !== "number" || !Number.isInteger(index) || index < 0 || index >= s.rules)
        invalid(
          `${where}.index: no conditional format rule at index ${String(index)} (the sheet has ${s.rules}).`,
        );
      s.rules -= 1;
      return (book) => {
        (book.sheetById(id) as SheetModel).conditionalRules.splice(index, 1);
        return {};
      };
    }
    // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#AddNamedRangeRequest
    case "addNamedRange":
    case "updateNamedRange": {
      const named = (body.namedRange ?? {}) as Json;
      let name = named.name;
      if (kind === "updateNamedRange") {
        const fields = typeof body.fields === "string" ? body.fields.split(",").map((f) => f.trim()) : [];
        if (fields.length !== 1 || fields[0] !== "range")
          invalid(`${where}.fields must be "range" (renaming is not supported here).`);
        const existing =
          typeof named.namedRangeId === "string" ? shadow.names.get(named.namedRangeId) : undefined;
        if (existing === undefined)
          invalid(`${where}: no named range with id ${String(named.namedRangeId)}.`);
        name = existing;
      } else {
        if (typeof name !== "string") invalid(`${where}.namedRange.name is required.`);
        if (shadow.names.has(namedRangeId(name)))
          invalid(`${where}: a named range "${name}" already exists.`);
      }
      const target = gridRect(shadow, named.range, `${where}.namedRange.range`);
      const finalName = name as string;
      shadow.names.set(namedRangeId(finalName), finalName);
      return (book, ctx) => {
        const sheet = book.sheetById(target.sheetId) as SheetModel;
        new Spreadsheet(ctx, book).setNamedRange(finalName, new Range(ctx, sheet, target.rect));
        const reply = {
          namedRangeId: namedRangeId(finalName),
          name: finalName,
          range: gridRangeOf(sheet, target.rect),
        };
        return kind === "addNamedRange" ? { addNamedRange: { namedRange: reply } } : {};
      };
    }
    // https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#DeleteNamedRangeRequest
    case "deleteNamedRange": {
      const name = typeof body.namedRangeId === "string" ? shadow.names.get(body.namedRangeId) : undefined;
      if (name === undefined) invalid(`${where}: no named range with id ${String(body.namedRangeId)}.`);
      shadow.names.delete(body.namedRangeId as string);
      return (book, ctx) => {
        new Spreadsheet(ctx, book).removeNamedRange(name);
        return {};
      };
    }
  }
}

export function sheetProperties(sheet: SheetModel, index: number): Json {
  const grid: Json = { rowCount: sheet.maxRows, columnCount: sheet.maxCols };
  if (sheet.frozenRows) grid.frozenRowCount = sheet.frozenRows;
  if (sheet.frozenColumns) grid.frozenColumnCount = sheet.frozenColumns;
  const p: Json = { sheetId: sheet.id, title: sheet.name, index, sheetType: "GRID", gridProperties: grid };
  if (sheet.hidden) p.hidden = true;
  return p;
}
