// HtmlService: templates auto-escape <?= ?>, print <?!= ?> raw, run <? ?> code; files come from a directory.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EmulatorEnv } from "../../../sandbox/emulator/env.ts";
import { HtmlEmulator } from "../../../sandbox/emulator/html.ts";

function setup() {
  const dir = mkdtempSync(join(tmpdir(), "peer-exchange-html-"));
  const env = new EmulatorEnv();
  const html = new HtmlEmulator(env, dir);
  return { dir, env, html, service: html.service };
}

describe("HtmlService templates", () => {
  it("escapes a script payload in <?= ?>", () => {
    const { service } = setup();
    const template = service.createTemplate("<p><?= name ?></p>");
    template.name = `<script>alert("x")</script>&'`;
    const content = template.evaluate().getContent();
    expect(content).toBe("<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p>");
    expect(content).not.toContain("<script>");
  });

  it("prints <?!= ?> raw and runs <? ?> code with the fields in scope", () => {
    const { service } = setup();
    const template = service.createTemplate(
      "<ul><? for (var i = 0; i < items.length; i++) { ?><li><?= items[i] ?></li><? } ?></ul><?!= trusted; ?>",
    );
    template.items = ["a", "b<"];
    template.trusted = "<b>ok</b>";
    expect(template.evaluate().getContent()).toBe("<ul><li>a</li><li>b&lt;</li></ul><b>ok</b>");
  });

  it("lets template code write through output.append in order", () => {
    const { service } = setup();
    const template = service.createTemplate("a<? output.append('<b>'); output.appendUntrusted('<i>') ?>c");
    expect(template.evaluate().getContent()).toBe("a<b>&lt;i&gt;c");
  });

  it("calls the script's own functions (include) through the script scope", () => {
    const { dir, html, service } = setup();
    writeFileSync(join(dir, "Styles.html"), "<style>p{}</style>");
    html.scriptScope = { include: (name: string) => html.readFile(name) };
    const output = service.createTemplate("<head><?!= include('Styles') ?></head>").evaluate();
    expect(output.getContent()).toBe("<head><style>p{}</style></head>");
  });

  it("reads files by project name and evaluates templates from files", () => {
    const { dir, service } = setup();
    writeFileSync(join(dir, "Sidebar.html"), "<h1><?= title ?></h1>");
    expect(service.createHtmlOutputFromFile("Sidebar").getContent()).toBe("<h1><?= title ?></h1>");
    const template = service.createTemplateFromFile("Sidebar.html");
    template.title = "Peers & scores";
    const output = template.evaluate().setTitle("Select peers").setWidth(300).setHeight(500);
    expect(output.getContent()).toBe("<h1>Peers &amp; scores</h1>");
    expect(output.getTitle()).toBe("Select peers");
    expect(output.getWidth()).toBe(300);
    expect(() => service.createHtmlOutputFromFile("Missing")).toThrow(
      "No HTML file named Missing was found.",
    );
  });

  it("HtmlOutput setters chain and are recorded", () => {
    const { env, service } = setup();
    const output = service
      .createHtmlOutput("<p>x</p>")
      .setSandboxMode(service.SandboxMode.IFRAME)
      .setXFrameOptionsMode(service.XFrameOptionsMode.ALLOWALL)
      .addMetaTag("viewport", "width=device-width");
    expect(output.describe().xFrameOptionsMode).toBe("ALLOWALL");
    expect(output.getMetaTags()[0]?.getName()).toBe("viewport");
    expect(env.calls.get("HtmlService.createHtmlOutput")).toBe(1);
  });
});
