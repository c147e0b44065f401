// FormApp fidelity: forms with their items and choices, responses as Apps Script returns them, calls
// counted, and the errors Google's reference documents (developers.google.com/apps-script/reference/forms).
import { describe, expect, it } from "vitest";
import { EmulatorEnv } from "../../../sandbox/emulator/env.ts";
import { FORM_MISSING, FormsEmulator } from "../../../sandbox/emulator/forms.ts";

// biome-ignore lint/suspicious/noExplicitAny: the emulated objects are called as a script would call them.
type Script = any;

function setup(authMode: "NONE" | "FULL" = "FULL") {
  let now = Date.UTC(2026, 11, 3, 12, 0, 0);
  const env = new EmulatorEnv({ authMode, now: () => new Date(now) });
  const forms = new FormsEmulator(env);
  return { env, forms, app: forms.service as Script, tick: () => (now += 60_000) };
}

describe("FormApp", () => {
  it("records a form's items, choices and bounds, and counts every call", () => {
    const { app, forms, env } = setup();
    const form = app.create("Survey");
    const site = form.addListItem().setTitle("Site").setChoiceValues(["Site A", "Site B"]).setRequired(true);
    const scale = form.addScaleItem().setTitle("Satisfaction").setBounds(1, 5).setLabels("Low", "High");
    form.addParagraphTextItem().setTitle("Comments");
    const state = forms.get(form.getId())!;
    expect(state.items.map((i) => [i.kind, i.title, i.required])).toEqual([
      ["LIST", "Site", true],
      ["SCALE", "Satisfaction", false],
      ["PARAGRAPH_TEXT", "Comments", false],
    ]);
    expect(state.items[0]!.choices).toEqual(["Site A", "Site B"]);
    expect(site.getId()).not.toBe(scale.getId());
    expect(form.getItemById(scale.getId()).getTitle()).toBe("Satisfaction");
    expect(form.getItemById(424242)).toBeNull();
    expect(env.calls.get("FormApp.create")).toBe(1);
    expect(env.calls.get("Item.setChoiceValues")).toBe(1);
    expect(env.calls.get("Form.getItemById")).toBe(2);
  });

  it("refuses scale bounds outside 0–1 and 3–10 (ScaleItem.setBounds)", () => {
    const { app } = setup();
    const scale = app.create("S").addScaleItem();
    expect(() => scale.setBounds(2, 5)).toThrow(/Invalid argument/);
    expect(() => scale.setBounds(1, 11)).toThrow(/Invalid argument/);
    expect(() => scale.setBounds(0, 10)).not.toThrow();
  });

  it("returns responses with their id, timestamp and only the answered items; answers are strings", () => {
    const { app, forms, tick } = setup();
    const form = app.create("Survey");
    const site = form.addListItem().setTitle("Site").setChoiceValues(["Site A"]).setRequired(true);
    const scale = form.addScaleItem().setTitle("Satisfaction").setBounds(1, 5);
    forms.submit(form.getId(), { [site.getId()]: "Site A", [scale.getId()]: "4" });
    const cutoff = new Date(Date.UTC(2026, 11, 3, 12, 0, 30));
    tick();
    forms.submit(form.getId(), { [site.getId()]: "Site A" });
    const responses = form.getResponses();
    expect(responses).toHaveLength(2);
    const answers = responses[0].getItemResponses();
    expect(answers.map((a: Script) => [a.getItem().getTitle(), a.getResponse()])).toEqual([
      ["Site", "Site A"],
      ["Satisfaction", "4"],
    ]);
    expect(responses[1].getItemResponses()).toHaveLength(1);
    expect(responses[0].getId()).not.toBe(responses[1].getId());
    expect(responses[0].getTimestamp().toISOString()).toBe("2026-12-03T12:00:00.000Z");
    // getResponses(timestamp): only those after it.
    expect(form.getResponses(cutoff)).toHaveLength(1);
  });

  it("a respondent cannot skip a required item, pick an unoffered choice or leave the scale", () => {
    const { app, forms } = setup();
    const form = app.create("Survey");
    const site = form.addListItem().setTitle("Site").setChoiceValues(["Site A"]).setRequired(true);
    const scale = form.addScaleItem().setTitle("Satisfaction").setBounds(1, 5);
    expect(() => forms.submit(form.getId(), {})).toThrow(/“Site” is a required question/);
    expect(() => forms.submit(form.getId(), { [site.getId()]: "Elsewhere" })).toThrow(
      /not one of the choices/,
    );
    expect(() => forms.submit(form.getId(), { [site.getId()]: "Site A", [scale.getId()]: "6" })).toThrow(
      /from 1 to 5/,
    );
    expect(forms.get(form.getId())!.responses).toHaveLength(0);
  });

  it("openById on a deleted form throws; without authorization nothing runs", () => {
    const { app, forms } = setup();
    const id = app.create("Gone").getId();
    expect(app.openById(id).getTitle()).toBe("Gone");
    forms.delete(id);
    expect(() => app.openById(id)).toThrow(FORM_MISSING);
    expect(() => setup("NONE").app.create("x")).toThrow(/auth\/forms/);
  });

  it("survives a save and restore", () => {
    const { app, forms, env } = setup();
    const form = app.create("Kept");
    const item = form.addTextItem().setTitle("Role");
    forms.submit(form.getId(), { [item.getId()]: "Nurse" });
    const restored = new FormsEmulator(env, JSON.parse(JSON.stringify(forms.toJSON())));
    expect(restored.get(form.getId())!.responses[0]!.answers).toEqual({ [item.getId()]: "Nurse" });
    const next = (restored.service as Script).create("Next").addTextItem();
    expect(next.getId()).toBeGreaterThan(item.getId());
  });
});
