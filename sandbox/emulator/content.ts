// ContentService: the text or JSON a web app's doGet/doPost returns.

import type { EmulatorEnv } from "./env.ts";
import { exception } from "./spreadsheet/context.ts";

export const MimeType = {
  ATOM: "ATOM",
  CSV: "CSV",
  ICAL: "ICAL",
  JAVASCRIPT: "JAVASCRIPT",
  JSON: "JSON",
  RSS: "RSS",
  TEXT: "TEXT",
  VCARD: "VCARD",
  XML: "XML",
} as const;
export type MimeTypeName = keyof typeof MimeType;

/** The HTTP Content-Type Apps Script serves for each MimeType. */
export const httpContentTypes: Record<MimeTypeName, string> = {
  ATOM: "application/atom+xml",
  CSV: "text/csv",
  ICAL: "text/calendar",
  JAVASCRIPT: "application/javascript",
  JSON: "application/json",
  RSS: "application/rss+xml",
  TEXT: "text/plain",
  VCARD: "text/vcard",
  XML: "text/xml",
};

export class TextOutput {
  private mimeType: MimeTypeName = "TEXT";
  private fileName: string | null = null;

  constructor(
    private readonly env: EmulatorEnv,
    private content: string,
  ) {}

  append(addedContent: string): TextOutput {
    this.env.hit("TextOutput", "append");
    this.content += String(addedContent);
    return this;
  }

  clear(): TextOutput {
    this.env.hit("TextOutput", "clear");
    this.content = "";
    return this;
  }

  downloadAsFile(filename: string): TextOutput {
    this.env.hit("TextOutput", "downloadAsFile");
    this.fileName = String(filename);
    return this;
  }

  getContent(): string {
    this.env.hit("TextOutput", "getContent");
    return this.content;
  }

  getFileName(): string | null {
    this.env.hit("TextOutput", "getFileName");
    return this.fileName;
  }

  getMimeType(): MimeTypeName {
    this.env.hit("TextOutput", "getMimeType");
    return this.mimeType;
  }

  setContent(content: string): TextOutput {
    this.env.hit("TextOutput", "setContent");
    this.content = String(content);
    return this;
  }

  setMimeType(mimeType: MimeTypeName): TextOutput {
    this.env.hit("TextOutput", "setMimeType");
    if (!(String(mimeType) in MimeType)) throw exception(`Invalid argument: mimeType ${String(mimeType)}`);
    this.mimeType = String(mimeType) as MimeTypeName;
    return this;
  }

  /** What the sandbox server sends, read without counting a call. */
  toHttp(): { contentType: string; body: string } {
    return { contentType: `${httpContentTypes[this.mimeType]}; charset=utf-8`, body: this.content };
  }
}

/** The ContentService global. */
export function createContentService(env: EmulatorEnv) {
  return {
    MimeType,
    createTextOutput(content?: string): TextOutput {
      env.hit("ContentService", "createTextOutput");
      return new TextOutput(env, content === undefined ? "" : String(content));
    },
  };
}

export type EmulatedContentService = ReturnType<typeof createContentService>;
