// DocumentApp: documents recorded as a body of paragraphs (with headings), list items and tables of text.
// Element calls are counted like every call; Google applies them in one batch when the document is saved
// (Document.saveAndClose: "Causes pending updates to be flushed and applied"), so only opening, creating
// and saving are round trips. The sandbox reads documents uncounted (the .docx download).

import { randomBytes } from "node:crypto";
import { requireAuthorization } from "./auth.ts";
import type { EmulatorEnv } from "./env.ts";
import { exception } from "./spreadsheet/context.ts";

export const paragraphHeadings = [
  "NORMAL",
  "HEADING1",
  "HEADING2",
  "HEADING3",
  "HEADING4",
  "HEADING5",
  "HEADING6",
  "TITLE",
  "SUBTITLE",
] as const;
export type HeadingName = (typeof paragraphHeadings)[number];

export type BlockState =
  | { type: "PARAGRAPH"; heading: HeadingName; text: string }
  | { type: "LIST_ITEM"; text: string; nesting: number }
  | { type: "TABLE"; cells: string[][] };

export interface DocumentState {
  id: string;
  name: string;
  /** False when the document is no longer shared with the script's user. */
  accessible: boolean;
  body: BlockState[];
}

export interface DocumentsState {
  documents: DocumentState[];
}

// DocumentApp.openById on a deleted or unshared document throws this (Apps Script's own wording).
export const DOCUMENT_MISSING =
  "Document is missing (perhaps it was deleted, or you don't have read access?)";

const emptyParagraph = (): BlockState => ({ type: "PARAGRAPH", heading: "NORMAL", text: "" });

const enumOf = <T extends string>(names: readonly T[]) =>
  Object.fromEntries(names.map((n) => [n, n])) as { [K in T]: K };

/** Text of a block as Body.getText joins it. */
function blockText(block: BlockState): string {
  if (block.type === "TABLE") return block.cells.map((row) => row.join("\t")).join("\n");
  return block.text;
}

/** The methods of one emulated object, looked up by name as a script calls them. */
type Methods = Record<string, (...args: never[]) => unknown>;

/** A script-visible method: counts the call (an injected fault may fire) before doing its work. */
const counted =
  (hit: (method: string) => void) =>
  <A extends unknown[], R>(method: string, fn: (...args: A) => R) =>
  (...args: A): R => {
    hit(method);
    return fn(...args);
  };

/** The DocumentApp global and every document "created", with sandbox-only access. */
export class DocumentsEmulator {
  private documents = new Map<string, DocumentState>();
  readonly service;

  constructor(
    private readonly env: EmulatorEnv,
    state?: DocumentsState,
  ) {
    if (state) this.load(state);
    this.service = {
      ParagraphHeading: enumOf(paragraphHeadings),
      GlyphType: enumOf(["BULLET", "HOLLOW_BULLET", "SQUARE_BULLET", "NUMBER"] as const),
      ElementType: enumOf(["PARAGRAPH", "LIST_ITEM", "TABLE", "BODY_SECTION"] as const),
      create: (name: string) => {
        this.hit("DocumentApp", "create");
        // A new document's body holds one empty paragraph, as in Docs.
        const doc: DocumentState = {
          id: randomBytes(33).toString("base64url"),
          name: String(name),
          accessible: true,
          body: [emptyParagraph()],
        };
        this.documents.set(doc.id, doc);
        return this.documentObject(doc);
      },
      openById: (id: string) => {
        this.hit("DocumentApp", "openById");
        const doc = this.documents.get(String(id));
        if (!doc?.accessible) throw exception(DOCUMENT_MISSING);
        return this.documentObject(doc);
      },
    };
  }

  private hit(service: string, method: string): void {
    this.env.hit(service, method);
    requireAuthorization(this.env, service, method);
  }

  // --- sandbox access (uncounted) ---

  get(id: string): DocumentState | undefined {
    return this.documents.get(id);
  }

  ids(): string[] {
    return [...this.documents.keys()];
  }

  /** A person deleting the document in Drive. */
  delete(id: string): boolean {
    return this.documents.delete(id);
  }

  /** A person unsharing the document from the script's user. */
  revokeAccess(id: string): void {
    const doc = this.documents.get(id);
    if (doc) doc.accessible = false;
  }

  /** The body's text, paragraphs joined by newlines, as Body.getText returns it. */
  text(id: string): string {
    return (this.documents.get(id)?.body ?? []).map(blockText).join("\n");
  }

  toJSON(): DocumentsState {
    return structuredClone({ documents: [...this.documents.values()] });
  }

  load(state: DocumentsState): void {
    this.documents = new Map((state.documents ?? []).map((d) => [d.id, structuredClone(d)]));
  }

  // --- the script's objects ---

  private documentObject(doc: DocumentState) {
    const hit = (method: string) => this.hit("Document", method);
    const on = counted(hit);
    const self: Methods = {
      getId: on("getId", () => doc.id),
      getName: on("getName", () => doc.name),
      setName: on("setName", (name: string) => {
        doc.name = String(name);
        return self;
      }),
      getUrl: on("getUrl", () => `https://docs.google.com/document/d/${doc.id}/edit`),
      getBody: on("getBody", () => this.bodyObject(doc)),
      saveAndClose: () => {
        hit("saveAndClose");
      },
    };
    return self;
  }

  private bodyObject(doc: DocumentState) {
    const hit = (method: string) => this.hit("Body", method);
    const append = (block: BlockState) => {
      doc.body.push(block);
      return this.elementObject(block);
    };
    const on = counted(hit);
    const self: Methods = {
      getType: on("getType", () => "BODY_SECTION"),
      // Body.clear leaves one empty paragraph: a document section cannot be empty.
      clear: on("clear", () => {
        doc.body = [emptyParagraph()];
        return self;
      }),
      getText: on("getText", () => doc.body.map(blockText).join("\n")),
      getNumChildren: on("getNumChildren", () => doc.body.length),
      getChild: (index: number) => {
        hit("getChild");
        const block = doc.body[index];
        if (!block)
          throw exception(
            `Child index (${index}) must be less than the number of child elements (${doc.body.length}).`,
          );
        return this.elementObject(block);
      },
      appendParagraph: (text: string) => {
        hit("appendParagraph");
        return append({ type: "PARAGRAPH", heading: "NORMAL", text: String(text) });
      },
      appendListItem: (text: string) => {
        hit("appendListItem");
        return append({ type: "LIST_ITEM", text: String(text), nesting: 0 });
      },
      appendTable: (cells: unknown[][]) => {
        hit("appendTable");
        if (!Array.isArray(cells) || cells.some((row) => !Array.isArray(row)))
          throw exception("Invalid argument: cells");
        return append({ type: "TABLE", cells: cells.map((row) => row.map((c) => String(c))) });
      },
    };
    return self;
  }

  private elementObject(block: BlockState) {
    const hit = (method: string) =>
      this.hit(
        block.type === "TABLE" ? "Table" : block.type === "LIST_ITEM" ? "ListItem" : "Paragraph",
        method,
      );
    const on = counted(hit);
    const self: Methods = {
      getType: on("getType", () => block.type),
      getText: on("getText", () => blockText(block)),
      setText: (text: string) => {
        hit("setText");
        if (block.type === "TABLE") throw exception("setText is not available on a table.");
        block.text = String(text);
        return self;
      },
      getHeading: on("getHeading", () => (block.type === "PARAGRAPH" ? block.heading : "NORMAL")),
      setHeading: (heading: HeadingName) => {
        hit("setHeading");
        if (!paragraphHeadings.includes(heading)) throw exception("Invalid argument: heading");
        if (block.type === "PARAGRAPH") block.heading = heading;
        return self;
      },
      getNestingLevel: on("getNestingLevel", () => (block.type === "LIST_ITEM" ? block.nesting : 0)),
      setNestingLevel: (level: number) => {
        hit("setNestingLevel");
        if (block.type === "LIST_ITEM") block.nesting = Math.max(0, Math.trunc(level));
        return self;
      },
      setGlyphType: on("setGlyphType", (_glyph: string) => self),
      getNumRows: on("getNumRows", () => (block.type === "TABLE" ? block.cells.length : 0)),
      getCell: (row: number, column: number) => {
        hit("getCell");
        const text = block.type === "TABLE" ? block.cells[row]?.[column] : undefined;
        if (text === undefined) throw exception("Invalid argument: cell");
        return { getText: () => text };
      },
      asParagraph: () => self,
      asListItem: () => self,
      asTable: () => self,
    };
    return self;
  }
}
