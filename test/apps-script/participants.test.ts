// Send preparation reminders on the built bundle: a preview first, mail only after YES, one per person,
// and a clear message for every empty or half-filled case.
import { describe, expect, it } from "vitest";
import { isDate } from "../../sandbox/emulator/index.ts";
import {
  missingItemsText,
  type PreparationInput,
  readinessText,
  siteReadiness,
} from "../../shared/methods/preparation.ts";
import { type Addon, openAddon } from "../helpers/addon.ts";

const TITLE = "Send preparation reminders";

function setUp(addon: Addon): void {
  addon.emulator.ui.respondWith(["OK"]);
  addon.run("setUpWorkbook");
  addon.emulator.ui.takeEvents();
}

/** Writes rows by header name, as a coordinator would type them; onEdit then runs as in Sheets. */
function addParticipants(addon: Addon, people: Record<string, unknown>[]): void {
  const id = addon.emulator.spreadsheets.activeId!;
  const sheet = addon.emulator.spreadsheets.get(id)!.getSheetByName("Participants")!;
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
  const rows = people.map((p) => headers.map((h) => (h in p ? p[h] : "")));
  // Leave the formula columns alone: write only the columns the rows name.
  headers.forEach((h, i) => {
    if (!people.some((p) => h in p)) return;
    sheet.getRange(2, i + 1, rows.length, 1).setValues(rows.map((r) => [r[i]]));
  });
  addon.run("onEdit", {
    range: sheet.getRange(2, 1, rows.length, headers.length),
    source: addon.emulator.spreadsheets.get(id),
  });
}

function remind(addon: Addon, responses: string[]): { title?: string; message?: string; buttons?: string }[] {
  addon.emulator.ui.respondWith(responses as never);
  addon.run("sendPreparationReminders");
  return addon.emulator.ui.takeEvents().filter((e) => e.type === "alert") as never;
}

const ready = {
  "NDA signed": "2026-04-01",
  "Data packet sent": "2026-04-02",
  "Unknown 1": "How do you staff the discharge lounge?",
  "Unknown 2": "Who owns the noon target?",
  "Consent to record": "yes",
};

describe("Send preparation reminders", () => {
  it("on a workbook not set up, says to run set-up", () => {
    const addon = openAddon();
    const [alert] = remind(addon, ["OK"]);
    expect(alert?.title).toBe(TITLE);
    expect(alert?.message).toBe(
      "There is no Participants tab. Run Peer Exchange › Set up / repair workbook.",
    );
    expect(addon.emulator.mail.sent).toHaveLength(0);
  });

  it("with nobody listed, says what to fill in", () => {
    const addon = openAddon();
    setUp(addon);
    const [alert] = remind(addon, ["OK"]);
    expect(alert?.message).toContain("lists no one yet");
    expect(alert?.message).toContain("site and email");
  });

  it("with everyone prepared, sends nothing", () => {
    const addon = openAddon();
    setUp(addon);
    addParticipants(addon, [{ Person: "Ana Ruiz", Site: "Site A", Email: "ana@example.org", ...ready }]);
    const alerts = remind(addon, ["OK"]);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.message).toContain("Everyone is prepared (1 person)");
    expect(addon.emulator.mail.sent).toHaveLength(0);
  });

  it("with items missing but no emails, names the people and the column to fill", () => {
    const addon = openAddon();
    setUp(addon);
    addParticipants(addon, [{ Person: "Ben Ode", Site: "Site B", Email: "not an email" }]);
    const [alert] = remind(addon, ["OK"]);
    expect(alert?.message).toContain("Ben Ode (Site B): sign the NDA; send the data packet");
    expect(alert?.message).toContain("Add their emails");
    expect(addon.emulator.mail.sent).toHaveLength(0);
  });

  const mixed = [
    { Person: "Ana Ruiz", Site: "Site A", Email: "ana@example.org", ...ready },
    {
      Person: "Ben Ode",
      Site: "Site A",
      Email: "ben@example.org",
      "NDA signed": "2026-04-01",
      "Unknown 1": "x",
    },
    { Person: "Cy Park", Site: "Site B", Email: "cy@example.org", ...ready, "Consent to record": "" },
    { Person: "Di Lam", Site: "Site B", Email: "" },
  ];

  it("previews who gets what, then sends one mail per person on YES", () => {
    const addon = openAddon();
    setUp(addon);
    addParticipants(addon, mixed);
    const alerts = remind(addon, ["YES", "OK"]);
    expect(alerts).toHaveLength(2);
    const preview = alerts[0]!;
    expect(preview.buttons).toBe("YES_NO");
    expect(preview.message).toContain(
      "2 people will each get one email, to their own address, listing only their own missing steps:",
    );
    // Each line says what that person still has to do, not the column names of what is missing.
    expect(preview.message).toContain(
      "Ben Ode (Site A): send the data packet; name a second unknown; say yes or no to recording",
    );
    expect(preview.message).toContain("Cy Park (Site B): say yes or no to recording");
    expect(preview.message).toContain("Di Lam");
    expect(preview.message).toContain("Already prepared: 1 person");

    const sent = addon.emulator.mail.sent;
    expect(sent.map((m) => m.to)).toEqual(["ben@example.org", "cy@example.org"]);
    expect(sent[0]?.subject).toContain("3 steps to go");
    expect(sent[0]?.body).toContain("Dear Ben Ode");
    expect(sent[0]?.body).toContain("pre-exchange data packet");
    expect(sent[1]?.body).toContain("consent to sessions being recorded");
    expect(alerts[1]?.message).toContain("Sent 2 reminders.");
    expect(alerts[1]?.message).toContain("Not sent, no valid email: Di Lam.");

    const [headers = [], ...rows] = addon.sheet("Participants");
    const reminded = headers.indexOf("Last reminded");
    expect(rows.map((r) => isDate(r[reminded]))).toEqual([false, true, true, false]);
    // Per-site readiness is a live formula.
    const readiness = headers.indexOf("Site readiness");
    expect(rows.map((r) => r[readiness])).toEqual([
      "1 of 2 ready",
      "1 of 2 ready",
      "0 of 2 ready",
      "0 of 2 ready",
    ]);
  });

  it("a reminder names only its own recipient: no other person's name, email, site or answers", () => {
    const addon = openAddon();
    setUp(addon);
    const people = [
      {
        Person: "Ana Ruiz",
        Site: "Lakeside",
        Email: "ana@example.org",
        "Unknown 1": "Ana's secret question",
      },
      { Person: "Ben Ode", Site: "St. Brigid", Email: "ben@example.org", "Unknown 1": "Ben's own question" },
      { Person: "Cy Park", Site: "Prairie View", Email: "cy@example.org", "Unknown 2": "Cy's worry" },
    ];
    addParticipants(addon, people);
    remind(addon, ["YES", "OK"]);
    const sent = addon.emulator.mail.sent;
    expect(sent.map((m) => m.to)).toEqual(people.map((p) => p.Email));
    sent.forEach((mail, i) => {
      expect([mail.cc, mail.bcc].every((v) => v === "" || v == null)).toBe(true);
      const text = `${mail.subject}\n${mail.body}`;
      expect(text).toContain(`Dear ${people[i]!.Person}`);
      people.forEach((other, j) => {
        if (j === i) return;
        for (const value of Object.values(other)) expect(text).not.toContain(value);
      });
    });
  });

  it("Missing items, Ready and Site readiness formulas equal the shared preparation functions", () => {
    const addon = openAddon();
    setUp(addon);
    const people: Record<string, string>[] = [
      { Person: "Ana Ruiz", Site: "Lakeside", ...ready },
      { Person: "Ben Ode", Site: "Lakeside", "NDA signed": "2026-04-01", "Unknown 1": "x" },
      { Person: "Cy Park", Site: "St. Brigid", ...ready, "Consent to record": "no" },
      { Person: "Di Lam", Site: "St. Brigid", ...ready, "Unknown 2": "" },
      { Person: "", Site: "St. Brigid", ...ready }, // no person: not counted anywhere
      { Person: "Ed Moss", Site: "", "Data packet sent": "2026-04-03" },
      { Person: "Fay Oduya", Site: "Prairie View", ...ready },
      { Person: "Gus Hale", Site: "Prairie View", ...ready, "NDA signed": "" },
    ];
    addParticipants(addon, people);
    const [headers = [], ...rows] = addon.sheet("Participants");
    const at = (h: string) => headers.indexOf(h);
    const inputs: PreparationInput[] = people.map((p) => ({
      person: p.Person,
      site: p.Site,
      ndaSigned: p["NDA signed"] ?? "",
      dataPacketSent: p["Data packet sent"] ?? "",
      unknown1: p["Unknown 1"] ?? "",
      unknown2: p["Unknown 2"] ?? "",
      consentToRecord: p["Consent to record"] ?? "",
    }));
    const bySite = new Map(siteReadiness(inputs).map((s) => [s.site, readinessText(s)]));
    inputs.forEach((input, i) => {
      const row = rows[i]!;
      const named = String(input.person) !== "";
      expect(row[at("Missing items")]).toBe(missingItemsText(input));
      expect(row[at("Ready")]).toBe(named ? missingItemsText(input) === "" : "");
      expect(row[at("Site readiness")]).toBe(
        named && input.site !== "" ? bySite.get(String(input.site)) : "",
      );
    });
    expect([...bySite.values()]).toEqual(["1 of 2 ready", "1 of 2 ready", "1 of 2 ready"]);
  });

  it("an edit fills the formula only where the cell is empty, never over what a person typed", () => {
    const addon = openAddon();
    setUp(addon);
    addParticipants(addon, [
      { Person: "Ana Ruiz", Site: "Site A", "Missing items": "checked by phone" },
      { Person: "Ben Ode", Site: "Site B" },
    ]);
    const id = addon.emulator.spreadsheets.activeId!;
    const sheet = addon.emulator.spreadsheets.get(id)!.getSheetByName("Participants")!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
    const missing = sheet.getRange(2, headers.indexOf("Missing items") + 1, 2, 1);
    expect(missing.getValues()[0]).toEqual(["checked by phone"]);
    expect(missing.getFormulas().map(([f]) => f !== "")).toEqual([false, true]);
  });

  it("sends nothing on NO", () => {
    const addon = openAddon();
    setUp(addon);
    addParticipants(addon, mixed);
    const alerts = remind(addon, ["NO", "OK"]);
    expect(alerts[1]?.message).toBe("No reminders were sent.");
    expect(addon.emulator.mail.sent).toHaveLength(0);
  });

  it("sends none rather than some when today's mail quota is too small for all", () => {
    const addon = openAddon();
    setUp(addon);
    addParticipants(addon, mixed);
    addon.emulator.mail.quota = 1;
    const alerts = remind(addon, ["YES", "OK"]);
    expect(alerts[1]?.message).toMatch(
      /can send 1 more email today, fewer than the 2 reminders\. Nothing was sent/,
    );
    expect(addon.emulator.mail.sent).toHaveLength(0);
  });

  it("sends nothing when the preview is closed without YES", () => {
    const addon = openAddon();
    setUp(addon);
    addParticipants(addon, mixed);
    const alerts = remind(addon, ["CLOSE", "OK"]);
    expect(alerts[1]?.message).toBe("No reminders were sent.");
    expect(addon.emulator.mail.sent).toHaveLength(0);
  });
});
