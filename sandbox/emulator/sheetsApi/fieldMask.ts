// Partial responses: the `fields` mask of Spreadsheets.get
// (https://developers.google.com/workspace/sheets/api/guides/field-masks).
import { apiError, type Json } from "./grid.ts";

// ---- Field masks ---------------------------------------------------------------------------------

export type Mask = Map<string, Mask | null>;

/** Parses a partial-response mask: "sheets(properties(sheetId,title),conditionalFormats),namedRanges". */
export function parseMask(text: string): Mask {
  let at = 0;
  const parseList = (): Mask => {
    const mask: Mask = new Map();
    while (at < text.length) {
      const m = /^\s*([A-Za-z]+(?:\.[A-Za-z]+)*)\s*/.exec(text.slice(at));
      if (!m) throw apiError("get", `Invalid field selection ${text}`);
      at += m[0].length;
      const path = (m[1] as string).split(".");
      let sub: Mask | null = null;
      if (text[at] === "(") {
        at += 1;
        sub = parseList();
        if (text[at] !== ")") throw apiError("get", `Invalid field selection ${text}`);
        at += 1;
      }
      let node = mask;
      path.forEach((key, i) => {
        if (i === path.length - 1) node.set(key, sub);
        else {
          let next = node.get(key);
          if (!next) {
            next = new Map();
            node.set(key, next);
          }
          node = next;
        }
      });
      const rest = /^\s*,?/.exec(text.slice(at))?.[0] ?? "";
      at += rest.length;
      if (text[at] === ")") break;
    }
    return mask;
  };
  return parseList();
}

export function applyMask(value: unknown, mask: Mask | null): unknown {
  if (mask === null || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => applyMask(v, mask));
  const out: Json = {};
  for (const [key, sub] of mask) if (key in (value as Json)) out[key] = applyMask((value as Json)[key], sub);
  return out;
}

// https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets#Spreadsheet and
// …/sheets#Sheet: the fields a mask may name (an unknown one is an error, as the API answers).
export const SPREADSHEET_FIELDS = ["spreadsheetId", "properties", "sheets", "namedRanges", "spreadsheetUrl"];
export const SHEET_FIELDS = [
  "properties",
  "data",
  "conditionalFormats",
  "merges",
  "charts",
  "protectedRanges",
];

export function checkMask(mask: Mask, text: string): void {
  for (const [key, sub] of mask) {
    if (!SPREADSHEET_FIELDS.includes(key)) throw apiError("get", `Invalid field selection ${key}`);
    if (key === "sheets" && sub)
      for (const k of sub.keys())
        if (!SHEET_FIELDS.includes(k))
          throw apiError("get", `Invalid field selection sheets.${k} in ${text}`);
  }
}
