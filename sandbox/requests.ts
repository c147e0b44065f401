// Parses the sandbox API's untrusted request bodies once, into typed requests or a clear error.
export type CellInput = string | number | boolean | null;

export type ApiRequest =
  | { kind: "workbook" }
  | { kind: "export" }
  | { kind: "reset"; demo: boolean }
  | { kind: "run"; fn: string; args: unknown[]; responses: ScriptedResponse[]; interactive: boolean }
  | { kind: "edit"; sheet: string; range: string; values: CellInput[][] };

export type ScriptedResponse = string | { button?: string; text?: string };

export type Parsed =
  | { ok: true; request: ApiRequest }
  | { ok: false; status: number; code: string; message: string };

const bad = (message: string): Parsed => ({ ok: false, status: 400, code: "bad_request", message });

function parseJson(body: string): { ok: true; value: unknown } | { ok: false } {
  if (body.trim() === "") return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    return { ok: false };
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isCell = (value: unknown): value is CellInput =>
  value === null || ["string", "number", "boolean"].includes(typeof value);

function isResponse(value: unknown): value is ScriptedResponse {
  if (typeof value === "string") return true;
  if (!isRecord(value)) return false;
  return (
    (value.button === undefined || typeof value.button === "string") &&
    (value.text === undefined || typeof value.text === "string")
  );
}

export function parseApiRequest(method: string, path: string, body: string): Parsed {
  const route = `${method} ${path}`;
  if (route === "GET /api/workbook") return { ok: true, request: { kind: "workbook" } };
  if (route === "GET /api/export.xlsx") return { ok: true, request: { kind: "export" } };
  const known = ["POST /api/run", "POST /api/edit", "POST /api/reset"];
  if (!known.includes(route)) {
    return {
      ok: false,
      status: 404,
      code: "not_found",
      message: `No such API: ${route}. See ARCHITECTURE.md, “Sandbox HTTP interface”.`,
    };
  }
  const json = parseJson(body);
  if (!json.ok) return bad("The request body is not valid JSON.");
  const value = json.value;
  if (!isRecord(value)) return bad("The request body must be a JSON object.");
  switch (route) {
    case "POST /api/reset":
      if (value.demo !== undefined && typeof value.demo !== "boolean")
        return bad("“demo” must be true or false.");
      return { ok: true, request: { kind: "reset", demo: value.demo === true } };
    case "POST /api/run": {
      if (typeof value.fn !== "string" || !/^[A-Za-z_$][\w$]*$/.test(value.fn)) {
        return bad('“fn” must name a top-level function of the add-on, e.g. {"fn":"onOpen"}.');
      }
      const args = value.args ?? [];
      if (!Array.isArray(args)) return bad("“args” must be an array.");
      const responses = value.responses ?? [];
      if (!Array.isArray(responses) || !responses.every(isResponse)) {
        return bad(
          '“responses” must be an array of button names ("OK", "YES", …) or {"button", "text"} objects.',
        );
      }
      if (value.interactive !== undefined && typeof value.interactive !== "boolean") {
        return bad("“interactive” must be true or false.");
      }
      return {
        ok: true,
        request: { kind: "run", fn: value.fn, args, responses, interactive: value.interactive === true },
      };
    }
    default: {
      const { sheet, range, values } = value;
      if (typeof sheet !== "string" || sheet === "") return bad('“sheet” must name a tab, e.g. "Peers".');
      if (typeof range !== "string" || range === "")
        return bad('“range” must be an A1 range, e.g. "B2" or "A2:C4".');
      if (
        !Array.isArray(values) ||
        values.length === 0 ||
        !values.every((row) => Array.isArray(row) && row.every(isCell))
      ) {
        return bad("“values” must be a non-empty array of rows of strings, numbers, booleans or null.");
      }
      return { ok: true, request: { kind: "edit", sheet, range, values: values as CellInput[][] } };
    }
  }
}
