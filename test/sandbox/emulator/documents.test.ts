// DocumentApp fidelity: a body of headed paragraphs, list items and tables; clear() leaves one empty
// paragraph, as Docs does; a deleted or unshared document cannot be opened; calls counted.
// (developers.google.com/apps-script/reference/document)
import { describe, expect, it } from "vitest";
import { DOCUMENT_MISSING, DocumentsEmulator } from "../../../sandbox/emulator/documents.ts";
import { EmulatorEnv } from "../../../sandbox/emulator/env.ts";

// biome-ignore lint/suspicious/noExplicitAny: the emulated objects are called as a script would call them.
type Script = any;

function setup(authMode: "NONE" | "FULL" = "FULL") {
  const env = new EmulatorEnv({ authMode });
  const documents = new DocumentsEmulator(env);
  return { env, documents, app: documents.service as Script };
}

describe("DocumentApp", () => {
  it("a new document holds one empty paragraph; appends add headings, list items and tables", () => {
    const { app, documents } = setup();
    const doc = app.create("Compendium");
    const body = doc.getBody();
    expect(body.getNumChildren()).toBe(1);
    expect(body.getText()).toBe("");
    body.appendParagraph("Flow").setHeading(app.ParagraphHeading.HEADING1);
    body.appendListItem("See also: huddle").setGlyphType(app.GlyphType.BULLET);
    body.appendTable([
      ["Tag", "Practices"],
      ["flow", "2"],
    ]);
    expect(body.getNumChildren()).toBe(4);
    expect(body.getChild(1).getHeading()).toBe("HEADING1");
    expect(body.getChild(3).getCell(1, 0).getText()).toBe("flow");
    expect(documents.text(doc.getId())).toBe("\nFlow\nSee also: huddle\nTag\tPractices\nflow\t2");
    expect(() => body.getChild(9)).toThrow(/must be less than/);
  });

  it("clear() leaves one empty paragraph", () => {
    const { app } = setup();
    const body = app.create("D").getBody();
    body.appendParagraph("one");
    body.appendParagraph("two");
    body.clear();
    expect(body.getNumChildren()).toBe(1);
    expect(body.getChild(0).getType()).toBe("PARAGRAPH");
    expect(body.getText()).toBe("");
  });

  it("opens a document by id until it is deleted or unshared", () => {
    const { app, documents } = setup();
    const id = app.create("D").getId();
    expect(app.openById(id).getName()).toBe("D");
    documents.revokeAccess(id);
    expect(() => app.openById(id)).toThrow(DOCUMENT_MISSING);
    const other = app.create("E").getId();
    documents.delete(other);
    expect(() => app.openById(other)).toThrow(DOCUMENT_MISSING);
    expect(() => setup("NONE").app.create("x")).toThrow(/auth\/documents/);
  });

  it("counts each call by object and method", () => {
    const { app, env } = setup();
    const doc = app.create("D");
    doc.getBody().appendParagraph("x");
    doc.saveAndClose();
    expect(env.calls.get("DocumentApp.create")).toBe(1);
    expect(env.calls.get("Body.appendParagraph")).toBe(1);
    expect(env.calls.get("Document.saveAndClose")).toBe(1);
  });

  it("refuses a heading that does not exist", () => {
    const { app } = setup();
    expect(() => app.create("D").getBody().appendParagraph("x").setHeading("HEADING9")).toThrow(/heading/);
  });
});
