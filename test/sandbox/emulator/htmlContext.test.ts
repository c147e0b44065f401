// HtmlService's printing scriptlets escape for their context, as real templates do.
import { describe, expect, it } from "vitest";
import { EmulatorEnv } from "../../../sandbox/emulator/env.ts";
import { HtmlEmulator } from "../../../sandbox/emulator/html.ts";

const service = () => new HtmlEmulator(new EmulatorEnv()).service;

describe("contextual escaping of <?= ?>", () => {
  // "contextual escaping": Apps Script tracks whether output is in an attribute, a script tag or elsewhere: https://developers.google.com/apps-script/guides/html/templates
  it("prints a JavaScript value inside <script>, one that cannot end the script element", () => {
    const template = service().createTemplate(
      '<p title="<?= text ?>"><?= text ?></p><script>var v = <?= text ?>; var o = <?= data ?>;</script><p><?= text ?></p>',
    );
    const text = `</script><b>"it's" & co</b>\u2028`;
    const data = { sites: ["A", "B"], n: 3, ok: true, none: null };
    Object.assign(template, { text, data });
    const content = template.evaluate().getContent();
    const script = /<script>(.*)<\/script>/s.exec(content)?.[1] ?? "";
    expect(script).not.toMatch(/<|>/);
    const run = new Function(`${script}; return { v: v, o: o };`) as () => { v: unknown; o: unknown };
    expect(run()).toEqual({ v: text, o: data });
    // Outside the script element the same value is HTML-escaped, in text and in attributes.
    const escaped = "&lt;/script&gt;&lt;b&gt;&quot;it&#39;s&quot; &amp; co&lt;/b&gt;\u2028";
    expect(content.startsWith(`<p title="${escaped}">${escaped}</p><script>`)).toBe(true);
    expect(content.endsWith(`</script><p>${escaped}</p>`)).toBe(true);
  });
});
