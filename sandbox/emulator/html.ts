// HtmlService: HTML outputs and templates. Files come from a directory (the build copies
// apps-script/html/*.html beside Code.js); templates compile to a function as Apps Script's do:
// <? code ?> runs, <?= expr ?> prints escaped for its context (HTML text and attributes, or a JavaScript
// value inside <script>), <?!= expr ?> prints raw.

import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { EmulatorEnv } from "./env.ts";
import { exception } from "./spreadsheet/context.ts";
import { EmulatedBlob } from "./utilities.ts";

export const defaultHtmlDir = join(dirname(fileURLToPath(import.meta.url)), "../../dist/apps-script");

export const SandboxMode = { EMULATED: "EMULATED", IFRAME: "IFRAME", NATIVE: "NATIVE" } as const;
export const XFrameOptionsMode = { ALLOWALL: "ALLOWALL", DEFAULT: "DEFAULT" } as const;

/** What <?= ?> does to a value in HTML: Apps Script's auto-escaping. */
export function escapeHtml(value: unknown): string {
  if (value === null || value === undefined) return "";
  return String(value)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/**
 * What <?= ?> does to a value inside a <script> element: contextual escaping makes it a JavaScript
 * value, not HTML text (a string arrives as a quoted literal, an object as its JSON), with nothing that
 * could close the script element.
 */
export function escapeJs(value: unknown): string {
  if (value === undefined) return "undefined";
  const json = JSON.stringify(value) ?? "null";
  return json.replace(/[<>&'\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Whether template text ending here leaves an open <script> element. */
function insideScript(textSoFar: string): boolean {
  const lower = textSoFar.toLowerCase();
  return lower.lastIndexOf("<script") > lower.lastIndexOf("</script");
}

export interface MetaTag {
  name: string;
  content: string;
}

export class HtmlOutput {
  private title = "";
  private width: number | null = null;
  private height: number | null = null;
  private sandboxMode: string = SandboxMode.IFRAME;
  private xFrameOptionsMode: string = XFrameOptionsMode.DEFAULT;
  private faviconUrl = "";
  private readonly metaTags: MetaTag[] = [];

  constructor(
    private readonly env: EmulatorEnv,
    private content: string,
  ) {}

  append(addedContent: string): HtmlOutput {
    this.env.hit("HtmlOutput", "append");
    this.content += String(addedContent);
    return this;
  }

  appendUntrusted(addedContent: string): HtmlOutput {
    this.env.hit("HtmlOutput", "appendUntrusted");
    this.content += escapeHtml(addedContent);
    return this;
  }

  clear(): HtmlOutput {
    this.env.hit("HtmlOutput", "clear");
    this.content = "";
    return this;
  }

  getContent(): string {
    this.env.hit("HtmlOutput", "getContent");
    return this.content;
  }

  setContent(content: string): HtmlOutput {
    this.env.hit("HtmlOutput", "setContent");
    this.content = String(content);
    return this;
  }

  getTitle(): string {
    this.env.hit("HtmlOutput", "getTitle");
    return this.title;
  }

  setTitle(title: string): HtmlOutput {
    this.env.hit("HtmlOutput", "setTitle");
    this.title = String(title);
    return this;
  }

  getWidth(): number | null {
    this.env.hit("HtmlOutput", "getWidth");
    return this.width;
  }

  setWidth(width: number): HtmlOutput {
    this.env.hit("HtmlOutput", "setWidth");
    this.width = Number(width);
    return this;
  }

  getHeight(): number | null {
    this.env.hit("HtmlOutput", "getHeight");
    return this.height;
  }

  setHeight(height: number): HtmlOutput {
    this.env.hit("HtmlOutput", "setHeight");
    this.height = Number(height);
    return this;
  }

  setSandboxMode(mode: string): HtmlOutput {
    this.env.hit("HtmlOutput", "setSandboxMode");
    this.sandboxMode = String(mode);
    return this;
  }

  setXFrameOptionsMode(mode: string): HtmlOutput {
    this.env.hit("HtmlOutput", "setXFrameOptionsMode");
    this.xFrameOptionsMode = String(mode);
    return this;
  }

  addMetaTag(name: string, content: string): HtmlOutput {
    this.env.hit("HtmlOutput", "addMetaTag");
    this.metaTags.push({ name: String(name), content: String(content) });
    return this;
  }

  getMetaTags(): { getName(): string; getContent(): string }[] {
    this.env.hit("HtmlOutput", "getMetaTags");
    return this.metaTags.map((tag) => ({ getName: () => tag.name, getContent: () => tag.content }));
  }

  getFaviconUrl(): string {
    this.env.hit("HtmlOutput", "getFaviconUrl");
    return this.faviconUrl;
  }

  setFaviconUrl(iconUrl: string): HtmlOutput {
    this.env.hit("HtmlOutput", "setFaviconUrl");
    this.faviconUrl = String(iconUrl);
    return this;
  }

  getBlob(): EmulatedBlob {
    this.env.hit("HtmlOutput", "getBlob");
    return new EmulatedBlob(this.env, Buffer.from(this.content, "utf8"), "text/html", this.title || null);
  }

  getAs(contentType: string): EmulatedBlob {
    this.env.hit("HtmlOutput", "getAs");
    if (String(contentType) !== "text/html") {
      throw exception(`The sandbox cannot convert HTML to ${String(contentType)}.`);
    }
    return new EmulatedBlob(this.env, Buffer.from(this.content, "utf8"), "text/html", this.title || null);
  }

  asTemplate(): HtmlTemplate {
    this.env.hit("HtmlOutput", "asTemplate");
    return new HtmlTemplate(this.env, this.content, () => null);
  }

  /** Takes the content written so far and starts over with `next` (template evaluation; not counted). */
  swapContent(next: string): string {
    const previous = this.content;
    this.content = next;
    return previous;
  }

  /** Everything the Ui recorder and the sandbox server show, read without counting calls. */
  describe(): {
    content: string;
    title: string;
    width: number | null;
    height: number | null;
    sandboxMode: string;
    xFrameOptionsMode: string;
    metaTags: MetaTag[];
  } {
    return {
      content: this.content,
      title: this.title,
      width: this.width,
      height: this.height,
      sandboxMode: this.sandboxMode,
      xFrameOptionsMode: this.xFrameOptionsMode,
      metaTags: this.metaTags.map((t) => ({ ...t })),
    };
  }
}

/** Template source → the body of a function that prints through __text/__escaped/__escapedJs/__raw. */
export function compileTemplate(source: string): string {
  const lines: string[] = [];
  let text = "";
  let at = 0;
  while (at < source.length) {
    const open = source.indexOf("<?", at);
    if (open === -1) {
      lines.push(`__text(${JSON.stringify(source.slice(at))});`);
      break;
    }
    if (open > at) lines.push(`__text(${JSON.stringify(source.slice(at, open))});`);
    text += source.slice(at, open);
    const close = source.indexOf("?>", open + 2);
    if (close === -1) throw exception("Unterminated scriptlet: a <? has no matching ?>.");
    let inner = source.slice(open + 2, close);
    if (inner.startsWith("!=")) {
      inner = inner.slice(2).trim().replace(/;+$/, "");
      lines.push(`__raw(${inner});`);
    } else if (inner.startsWith("=")) {
      inner = inner.slice(1).trim().replace(/;+$/, "");
      lines.push(insideScript(text) ? `__escapedJs(${inner});` : `__escaped(${inner});`);
    } else {
      lines.push(inner);
    }
    at = close + 2;
  }
  return lines.join("\n");
}

type TemplateFunction = (
  scope: object,
  fields: object,
  output: HtmlOutput,
  text: (s: string) => void,
  escaped: (v: unknown) => void,
  raw: (v: unknown) => void,
  escapedJs: (v: unknown) => void,
) => void;

/** A template; the script sets its variables as fields (`template.data = …`) before evaluate(). */
export class HtmlTemplate {
  [field: string]: unknown;
  readonly #env: EmulatorEnv;
  readonly #raw: string;
  readonly #scope: () => object | null;

  constructor(env: EmulatorEnv, raw: string, scope: () => object | null) {
    this.#env = env;
    this.#raw = raw;
    this.#scope = scope;
  }

  evaluate(): HtmlOutput {
    this.#env.hit("HtmlTemplate", "evaluate");
    const output = new HtmlOutput(this.#env, "");
    let content = "";
    const fields = Object.fromEntries(Object.entries(this));
    // `with` gives template code the fields, then the script's globals, as Apps Script does.
    const run = new Function(
      "__scope",
      "__fields",
      "output",
      "__text",
      "__escaped",
      "__raw",
      "__escapedJs",
      `with (__scope) { with (__fields) {\n${compileTemplate(this.#raw)}\n} }`,
    ) as TemplateFunction;
    // Writes made by the template through output.append() land in the same buffer, in order.
    const flush = () => {
      content += output.swapContent("");
    };
    run(
      this.#scope() ?? {},
      fields,
      output,
      (s) => {
        flush();
        content += s;
      },
      (v) => {
        flush();
        content += escapeHtml(v);
      },
      (v) => {
        flush();
        content += v === null || v === undefined ? "" : String(v);
      },
      (v) => {
        flush();
        content += escapeJs(v);
      },
    );
    flush();
    output.swapContent(content);
    return output;
  }

  getCode(): string {
    this.#env.hit("HtmlTemplate", "getCode");
    return compileTemplate(this.#raw);
  }

  getCodeWithComments(): string {
    this.#env.hit("HtmlTemplate", "getCodeWithComments");
    return compileTemplate(this.#raw);
  }

  getRawContent(): string {
    this.#env.hit("HtmlTemplate", "getRawContent");
    return this.#raw;
  }
}

type HtmlSource = string | { getDataAsString(): string };

export interface EmulatedHtmlService {
  SandboxMode: typeof SandboxMode;
  XFrameOptionsMode: typeof XFrameOptionsMode;
  createHtmlOutput(html?: HtmlSource): HtmlOutput;
  createHtmlOutputFromFile(filename: string): HtmlOutput;
  createTemplate(html: HtmlSource): HtmlTemplate;
  createTemplateFromFile(filename: string): HtmlTemplate;
  getUserAgent(): string;
}

/** The HtmlService global, reading files from `htmlDir`. */
export class HtmlEmulator {
  /** The script's global object (the vm context), so templates can call the script's functions. */
  scriptScope: object | null = null;
  readonly service: EmulatedHtmlService;

  constructor(
    env: EmulatorEnv,
    public htmlDir: string = defaultHtmlDir,
  ) {
    const scope = () => this.scriptScope;
    this.service = {
      SandboxMode,
      XFrameOptionsMode,
      createHtmlOutput: (html?: HtmlSource): HtmlOutput => {
        env.hit("HtmlService", "createHtmlOutput");
        return new HtmlOutput(env, sourceText(html));
      },
      createHtmlOutputFromFile: (filename: string): HtmlOutput => {
        env.hit("HtmlService", "createHtmlOutputFromFile");
        return new HtmlOutput(env, this.readFile(filename));
      },
      createTemplate: (html: HtmlSource): HtmlTemplate => {
        env.hit("HtmlService", "createTemplate");
        return new HtmlTemplate(env, sourceText(html), scope);
      },
      createTemplateFromFile: (filename: string): HtmlTemplate => {
        env.hit("HtmlService", "createTemplateFromFile");
        return new HtmlTemplate(env, this.readFile(filename), scope);
      },
      getUserAgent: (): string => {
        env.hit("HtmlService", "getUserAgent");
        return "Mozilla/5.0 (Peer Exchange sandbox)";
      },
    };
  }

  /** A project file named "Sidebar" is Sidebar.html, as in the Apps Script editor. */
  readFile(filename: string): string {
    const name = String(filename);
    const path = join(this.htmlDir, name.endsWith(".html") ? name : `${name}.html`);
    if (!existsSync(path)) throw exception(`No HTML file named ${name} was found.`);
    return readFileSync(path, "utf8");
  }
}

function sourceText(html: unknown): string {
  if (html === undefined || html === null) return "";
  if (
    typeof html === "object" &&
    typeof (html as { getDataAsString?: unknown }).getDataAsString === "function"
  ) {
    return (html as { getDataAsString(): string }).getDataAsString();
  }
  return String(html);
}
