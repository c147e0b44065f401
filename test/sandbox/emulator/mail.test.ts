// MailApp: every form of sendEmail recorded, the daily recipient quota enforced.
import { describe, expect, it } from "vitest";
import { EmulatorEnv } from "../../../sandbox/emulator/env.ts";
import { MailRecorder } from "../../../sandbox/emulator/mail.ts";

function setup(authMode: "NONE" | "FULL" = "FULL") {
  let now = Date.UTC(2025, 2, 3, 10, 0, 0);
  const env = new EmulatorEnv({ authMode, now: () => new Date(now) });
  const mail = new MailRecorder(env);
  return { env, mail, app: mail.service, nextDay: () => (now += 24 * 3600 * 1000) };
}

describe("MailApp", () => {
  it("records the positional and object forms", () => {
    const { app, mail } = setup();
    app.sendEmail("a@example.org", "Prep reminder", "Bring your data", {
      htmlBody: "<b>Bring</b>",
      name: "Peer Exchange",
    });
    app.sendEmail({
      to: "b@example.org, c@example.org",
      subject: "Actions",
      body: "Due Friday",
      replyTo: "lead@example.org",
    });
    app.sendEmail("d@example.org", "lead@example.org", "Thanks", "See you");
    expect(
      mail.sent.map((m) => [m.to, m.subject, m.body, m.htmlBody, m.name, m.replyTo, m.recipients]),
    ).toEqual([
      ["a@example.org", "Prep reminder", "Bring your data", "<b>Bring</b>", "Peer Exchange", null, 1],
      ["b@example.org,c@example.org", "Actions", "Due Friday", null, null, "lead@example.org", 2],
      ["d@example.org", "Thanks", "See you", null, null, "lead@example.org", 1],
    ]);
    expect(mail.sent[0]?.from).toBe("coordinator@example.org");
  });

  it("counts recipients against a settable daily quota, which resets the next day", () => {
    const { app, mail, nextDay } = setup();
    mail.quota = 3;
    app.sendEmail({ to: "a@example.org", cc: "b@example.org", subject: "s", body: "b" });
    expect(app.getRemainingDailyQuota()).toBe(1);
    expect(() => app.sendEmail("c@example.org,d@example.org", "s", "b")).toThrow(
      "Service invoked too many times for one day: email.",
    );
    expect(mail.sent).toHaveLength(1);
    nextDay();
    expect(app.getRemainingDailyQuota()).toBe(3);
  });

  it("rejects a mail with no recipient or a malformed address", () => {
    const { app, mail } = setup();
    expect(() => app.sendEmail({ to: "", subject: "s", body: "b" })).toThrow(
      "Failed to send email: no recipient",
    );
    expect(() => app.sendEmail("not-an-address", "s", "b")).toThrow("Invalid email: not-an-address");
    expect(mail.sent).toEqual([]);
  });

  it("is refused in AuthMode.NONE", () => {
    const { app } = setup("NONE");
    expect(() => app.sendEmail("a@example.org", "s", "b")).toThrow(
      "You do not have permission to call MailApp.sendEmail",
    );
  });
});
