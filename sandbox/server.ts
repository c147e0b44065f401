// The sandbox server: the real add-on bundle on the emulator, served on 127.0.0.1.
// POST /exec is the web app's doPost; /api/* lets tests and people drive the workbook (ARCHITECTURE.md).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { freshExecution, type LoadedBundle, loadBundle, readBundle } from "./bundle.ts";
import { loadDemo } from "./demo.ts";
import { toDocx } from "./docx.ts";
import { createEmulator, type Emulator, type EmulatorState } from "./emulator/index.ts";
import { answersFrom, renderForm, renderThanks } from "./formPage.ts";
import { type ApiRequest, parseApiRequest } from "./requests.ts";
import { StateJournal } from "./stateJournal.ts";
import { advanceClock, outbox, viewerAsset, workbookView } from "./viewerRoutes.ts";
import { toXlsx } from "./xlsx.ts";

const maxBody = 10 * 1024 * 1024;
// A body over the limit is read to its end and dropped, so the client gets the JSON answer instead of a
// reset; past this much more the connection is cut, so nobody can make the sandbox read forever.
const maxDrain = 64 * 1024 * 1024;

export interface SandboxOptions {
  port?: number;
  host?: string;
  /** Where state persists; omitted = in memory only. */
  stateFile?: string;
  /** Add-on bundle code; defaults to dist/apps-script/Code.js. */
  code?: string;
}

export interface SandboxServer {
  readonly url: string;
  readonly port: number;
  /** The live emulator (tests read call counts and inject faults through it). */
  emulator(): Emulator;
  close(): Promise<void>;
}

interface Runtime {
  emulator: Emulator;
  bundle: LoadedBundle;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const tooLarge = () =>
      new HttpError(
        413,
        "too_large",
        `Request bodies are limited to ${maxBody.toLocaleString("en-US")} bytes; send fewer clips per request.`,
      );
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxDrain) request.destroy();
      else if (size <= maxBody) chunks.push(chunk);
    });
    request.on("end", () =>
      size > maxBody ? reject(tooLarge()) : resolve(Buffer.concat(chunks).toString("utf8")),
    );
    request.on("error", reject);
  });
}

/** The names this server answers to: loopback only, on its own port (DNS rebinding sends another Host). */
export function loopbackHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
}

function send(response: ServerResponse, status: number, body: string, type: string): void {
  response.writeHead(status, {
    "content-type": type,
    "cache-control": "no-store",
  });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, JSON.stringify(value), "application/json; charset=utf-8");
}

/**
 * Only this server's own pages drive the workbook: another page (or a sidebar's opaque-origin frame)
 * could otherwise post simple requests here. Tools without an Origin header are fine.
 */
function checkOrigin(request: IncomingMessage): void {
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== `http://${request.headers.host}`) {
    throw new HttpError(403, "forbidden_origin", `Pages from ${origin} may not use the sandbox API.`);
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The page Apps Script serves when a web app's script throws. */
export function scriptErrorHtml(message: string): string {
  const escaped = message.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Error</title></head><body><div style="margin:20px">Exception: ${escaped}</div></body></html>`;
}

export async function startServer(options: SandboxOptions = {}): Promise<SandboxServer> {
  const code = options.code ?? readBundle();
  // The web app's URL, as ScriptApp.getService().getUrl() reports it (known once the server listens).
  let execUrl = "";
  let baseUrl = "";
  const boot = (state?: EmulatorState): Runtime => {
    const emulator = createEmulator(state ? { state } : {});
    if (execUrl) emulator.script.webAppUrl = execUrl;
    // Respondents answer on this server's form page (GET /forms/<id>) rather than at Google.
    if (baseUrl) emulator.forms.publishedUrl = (id) => `${baseUrl}/forms/${id}`;
    return { emulator, bundle: loadBundle(emulator, code) };
  };
  const journal = options.stateFile ? new StateJournal(options.stateFile) : null;
  let runtime = boot(journal?.load());
  journal?.compact(runtime.emulator);
  // A new runtime (reset, a rolled-back interactive run) is written whole; a request only what it changed.
  let savedRuntime = runtime;
  const persist = (): Promise<void> => {
    if (!journal) return Promise.resolve();
    if (savedRuntime !== runtime) {
      journal.compact(runtime.emulator);
      savedRuntime = runtime;
      return Promise.resolve();
    }
    return journal.record(runtime.emulator);
  };

  // One request at a time, as the script lock would serialize executions.
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(task: () => T): Promise<T> => {
    const next = queue.then(task);
    queue = next.catch(() => undefined);
    return next;
  };
  /**
   * A request that may change the state: run in turn, its changes journaled, answered once they are on
   * disk. The next request runs while this one's entry is being synced (one fsync serves them all).
   */
  const committed = async <T>(task: () => T): Promise<T> => {
    let written: Promise<void> = Promise.resolve();
    const value = await serialized(() => {
      try {
        return task();
      } finally {
        written = persist();
      }
    });
    await written;
    return value;
  };

  const callScript = (fn: string, args: unknown[]): unknown => {
    if (!runtime.bundle.functions.includes(fn)) {
      throw new HttpError(404, "unknown_function", `The add-on has no top-level function named ${fn}.`);
    }
    return runtime.bundle.call(fn, ...args);
  };

  const exec = (body: string): { status: number; content: string; type: string } => {
    const { emulator } = runtime;
    emulator.setContext("webapp", "FULL");
    try {
      const event = {
        postData: { contents: body, length: body.length, type: "text/plain", name: "postData" },
        parameter: {},
        parameters: {},
        queryString: "",
        contentLength: body.length,
        contextPath: "",
        pathInfo: "",
      };
      const output = callScript("doPost", [event]) as GoogleAppsScript.Content.TextOutput;
      return { status: 200, content: output.getContent(), type: "application/json; charset=utf-8" };
    } catch (error) {
      // A web app whose script throws answers HTTP 200 with an HTML page naming the error (field report:
      // https://openillumi.com/gas-dopost-500-error-workaround), e.g. past Google's time limit.
      return { status: 200, content: scriptErrorHtml(errorMessage(error)), type: "text/html; charset=utf-8" };
    } finally {
      emulator.setContext("bound", "FULL");
    }
  };

  const api = (request: ApiRequest): unknown => {
    const { emulator } = runtime;
    switch (request.kind) {
      case "workbook":
        return emulator.spreadsheets.describe();
      case "export":
        return toXlsx(
          emulator.spreadsheets.describe(),
          (name) => emulator.spreadsheets.sheetValues(name) ?? [],
        );
      case "reset": {
        runtime = boot();
        if (request.demo) loadDemo(runtime.bundle, runtime.emulator);
        return { ok: true, workbook: runtime.emulator.spreadsheets.describe() };
      }
      case "run": {
        emulator.setContext("bound", "FULL");
        emulator.ui.takeEvents();
        emulator.ui.respondWith(request.responses);
        // An interactive run (the viewer) stops at the first unanswered choice and leaves no trace,
        // so it can be run again with the person's answer, as if the dialog had waited.
        const before = request.interactive ? emulator.snapshot() : undefined;
        emulator.ui.interactive = request.interactive;
        emulator.ui.awaiting = null;
        let answer: Record<string, unknown>;
        try {
          const result = callScript(request.fn, request.args);
          answer = { ok: true, result: result ?? null, ui: emulator.ui.takeEvents() };
        } catch (error) {
          if (error instanceof HttpError) throw error;
          answer = {
            ok: false,
            error: { code: "script_error", message: errorMessage(error) },
            ui: emulator.ui.takeEvents(),
          };
        } finally {
          emulator.ui.interactive = false;
          // Answers the run did not use belong to this run only.
          emulator.ui.clearResponses();
        }
        const awaiting = emulator.ui.awaiting;
        if (before && awaiting) {
          runtime = boot(before);
          answer = { ok: true, result: null, awaiting, ui: [] };
        }
        return answer;
      }

      case "edit": {
        const id = emulator.spreadsheets.activeId;
        const workbook = id ? emulator.spreadsheets.get(id) : null;
        const sheet = workbook?.getSheetByName(request.sheet);
        if (!workbook || !sheet)
          throw new HttpError(404, "unknown_sheet", `There is no tab named “${request.sheet}”.`);
        let range: GoogleAppsScript.Spreadsheet.Range;
        try {
          range = sheet.getRange(request.range);
        } catch (error) {
          throw new HttpError(
            400,
            "bad_range",
            `“${request.range}” is not a range on ${request.sheet}: ${errorMessage(error)}`,
          );
        }
        if (
          range.getNumRows() !== request.values.length ||
          request.values.some((row) => row.length !== range.getNumColumns())
        ) {
          throw new HttpError(
            400,
            "bad_shape",
            `The range ${request.range} is ${range.getNumRows()}×${range.getNumColumns()}; send values with exactly that many rows and columns.`,
          );
        }
        const single = range.getNumRows() === 1 && range.getNumColumns() === 1;
        const oldValue = single ? range.getValue() : undefined;
        // Typed as a person types in Sheets: validation that rejects input refuses it with its message.
        try {
          range = emulator.spreadsheets.edit(
            request.sheet,
            request.range,
            request.values.map((row) => row.map((cell) => cell ?? "")),
          );
        } catch (error) {
          return { ok: false, error: { code: "invalid_input", message: errorMessage(error) } };
        }
        if (runtime.bundle.functions.includes("onEdit")) {
          // A simple trigger: AuthMode.LIMITED, 30 seconds (the emulator's execution enforces both).
          const event = {
            authMode: "LIMITED",
            range,
            source: workbook,
            user: { getEmail: () => emulator.env.user },
            value: single ? request.values[0]?.[0] : undefined,
            oldValue,
          };
          try {
            runtime.bundle.call("onEdit", event);
          } catch (error) {
            return { ok: false, error: { code: "script_error", message: errorMessage(error) } };
          }
        }
        return { ok: true, values: range.getValues() };
      }
    }
  };

  const formPage = (id: string, method: string, body: string): { status: number; html: string } => {
    const { forms } = runtime.emulator;
    const form = forms.get(id);
    if (!form)
      throw new HttpError(404, "unknown_form", "There is no form with that id (it may have been deleted).");
    if (method === "GET") return { status: 200, html: renderForm(form) };
    if (method !== "POST") throw new HttpError(405, "method_not_allowed", "A form takes GET and POST.");
    try {
      forms.submit(id, answersFrom(body));
    } catch (error) {
      return { status: 400, html: renderForm(form, errorMessage(error)) };
    }
    return { status: 200, html: renderThanks(form) };
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const method = request.method ?? "GET";
    const host = (request.headers.host ?? "").toLowerCase();
    if (!loopbackHosts(listeningPort).includes(host)) {
      throw new HttpError(
        421,
        "forbidden_host",
        `The sandbox answers only at 127.0.0.1, localhost or [::1] on port ${listeningPort}, not at “${host.slice(0, 100)}”.`,
      );
    }
    if (method === "OPTIONS") return send(response, 204, "", "text/plain");
    if (method === "GET") {
      const asset = viewerAsset(url.pathname);
      if (asset) return send(response, 200, asset.body, asset.type);
    }
    if (method === "GET" && url.pathname === "/healthz") return sendJson(response, 200, { ok: true });
    if (url.pathname === "/exec") {
      if (method !== "POST") {
        throw new HttpError(
          405,
          "method_not_allowed",
          "The clip endpoint takes POST requests with a JSON body.",
        );
      }
      const body = await readBody(request);
      const result = await committed(() => exec(body));
      // Google's web apps let any page read a simple (text/plain) POST's answer, as Check installation's
      // dialog does (field report: https://knmts.com/become-engineer-31/); the body still needs a token.
      response.setHeader("access-control-allow-origin", "*");
      return send(response, result.status, result.content, result.type);
    }
    // A published Google Form, as respondents see it: GET shows the questions, POST submits an answer.
    const formPath = /^\/forms\/([A-Za-z0-9_-]+)$/.exec(url.pathname);
    if (formPath) {
      const id = formPath[1] as string;
      if (method === "POST") checkOrigin(request);
      const body = method === "POST" ? await readBody(request) : "";
      const page = await committed(() => formPage(id, method, body));
      return send(response, page.status, page.html, "text/html; charset=utf-8");
    }
    if (url.pathname.startsWith("/api/")) {
      checkOrigin(request);
      const docxPath = /^\/api\/documents\/([A-Za-z0-9_-]+)\.docx$/.exec(url.pathname);
      if (docxPath && method === "GET") {
        const doc = runtime.emulator.documents.get(docxPath[1] as string);
        if (!doc) throw new HttpError(404, "unknown_document", "There is no document with that id.");
        response.writeHead(200, {
          "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "content-disposition": 'attachment; filename="compendium.docx"',
          "cache-control": "no-store",
        });
        response.end(await toDocx(doc));
        return;
      }
      const body = method === "POST" ? await readBody(request) : "";
      // The page's own reads: each tab as displayed, the outbox and triggers, the clock.
      if (method === "GET" && url.pathname === "/api/view")
        return sendJson(response, 200, await committed(() => workbookView(runtime.emulator)));
      if (method === "GET" && url.pathname === "/api/outbox")
        return sendJson(response, 200, await committed(() => outbox(runtime.emulator)));
      if (method === "POST" && url.pathname === "/api/advance") {
        let hours: unknown = 24;
        try {
          hours = (JSON.parse(body || "{}") as { hours?: unknown }).hours ?? 24;
        } catch {
          hours = Number.NaN;
        }
        if (typeof hours !== "number" || !(hours > 0 && hours <= 24 * 400)) {
          throw new HttpError(
            400,
            "bad_request",
            '“hours” must be a number of hours from 0 to 9,600, e.g. {"hours": 24}.',
          );
        }
        const ms = hours * 3_600_000;
        const advanced = await committed(() =>
          advanceClock(runtime.emulator, ms, freshExecution(runtime.emulator, code)),
        );
        return sendJson(response, 200, { ok: true, ...advanced });
      }
      const parsed = parseApiRequest(method, url.pathname, body);
      if (!parsed.ok) throw new HttpError(parsed.status, parsed.code, parsed.message);
      const result = await committed(() => api(parsed.request));
      if (Buffer.isBuffer(result)) {
        response.writeHead(200, {
          "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "content-disposition": 'attachment; filename="peer-exchange.xlsx"',
          "cache-control": "no-store",
        });
        response.end(result);
        return;
      }
      return sendJson(response, 200, result);
    }
    throw new HttpError(
      404,
      "not_found",
      `Nothing at ${method} ${url.pathname}. Try GET / or GET /api/workbook.`,
    );
  };

  let listeningPort = options.port ?? 8787;
  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      const code = error instanceof HttpError ? error.code : "internal";
      if (!response.headersSent)
        // Shaped like the endpoint's own errors; only a crash of the sandbox itself is worth retrying.
        sendJson(response, status, {
          ok: false,
          error: { code, message: errorMessage(error), retryable: status >= 500 },
        });
      else response.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 8787, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  listeningPort = address.port;
  const url = `http://${address.address}:${address.port}`;
  execUrl = `${url}/exec`;
  runtime.emulator.script.webAppUrl = execUrl;
  baseUrl = url;
  runtime.emulator.forms.publishedUrl = (id) => `${baseUrl}/forms/${id}`;
  return {
    url,
    port: address.port,
    emulator: () => runtime.emulator,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          const closed = journal ? journal.idle().then(() => journal.close()) : Promise.resolve();
          closed.then(() => (error ? reject(error) : resolve()), reject);
        });
      }),
  };
}
