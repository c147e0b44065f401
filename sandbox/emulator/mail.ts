// MailApp: every email is recorded, none is sent. The daily recipient quota counts recipients sent in the
// 24 hours since the first send of the current window (the quota resets 24 h after the first send, on the
// emulator clock); going over it throws Apps Script's quota error.

import { requireAuthorization } from "./auth.ts";
import type { EmulatorEnv } from "./env.ts";
import { exception } from "./spreadsheet/context.ts";

// Email recipients per day: https://developers.google.com/apps-script/guides/services/quotas
/** Apps Script's daily email recipients for a consumer (gmail.com) account. */
export const DEFAULT_MAIL_QUOTA = 100;
/** Apps Script's daily email recipients for a Google Workspace account. */
export const WORKSPACE_MAIL_QUOTA = 1500;

const DAY_MS = 24 * 3600 * 1000;

export interface SentMail {
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
  htmlBody: string | null;
  name: string | null;
  replyTo: string | null;
  noReply: boolean;
  from: string;
  /** ISO time on the emulator clock. */
  sentAt: string;
  /** Number of recipients (to + cc + bcc), as the quota counts them. */
  recipients: number;
}

export interface MailState {
  quota: number;
  sent: SentMail[];
}

interface MessageOptions {
  to?: unknown;
  cc?: unknown;
  bcc?: unknown;
  subject?: unknown;
  body?: unknown;
  htmlBody?: unknown;
  name?: unknown;
  replyTo?: unknown;
  noReply?: unknown;
}

const emailPattern = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

function addresses(list: unknown): string[] {
  if (list === undefined || list === null || list === "") return [];
  return String(list)
    .split(",")
    .map((a) => a.trim())
    .filter((a) => a !== "");
}

function optionalText(value: unknown): string | null {
  return value === undefined || value === null ? null : String(value);
}

/** The MailApp global plus everything it "sent". */
export class MailRecorder {
  sent: SentMail[] = [];
  /** Recipients allowed per day; a test lowers it to exercise the quota. */
  quota = DEFAULT_MAIL_QUOTA;
  readonly service;

  constructor(
    private readonly env: EmulatorEnv,
    state?: MailState,
    quota?: number,
  ) {
    if (quota !== undefined) this.quota = quota;
    if (state) this.load(state);
    this.service = {
      sendEmail: (...args: unknown[]): void => {
        env.hit("MailApp", "sendEmail");
        requireAuthorization(env, "MailApp", "sendEmail");
        this.send(this.message(args));
      },
      getRemainingDailyQuota: (): number => {
        env.hit("MailApp", "getRemainingDailyQuota");
        return this.remaining();
      },
    };
  }

  /** Recipients still allowed today (not counted as a service call). */
  remaining(): number {
    return Math.max(0, this.quota - this.usedToday());
  }

  toJSON(): MailState {
    return { quota: this.quota, sent: this.sent.map((m) => ({ ...m })) };
  }

  load(state: MailState): void {
    this.quota = state.quota ?? DEFAULT_MAIL_QUOTA;
    this.sent = (state.sent ?? []).map((m) => ({ ...m }));
  }

  /** Recipients counted in the current window: a window opens at a send 24 h or more after the last one opened. */
  private usedToday(): number {
    let start = Number.NEGATIVE_INFINITY;
    let used = 0;
    for (const mail of this.sent) {
      const at = Date.parse(mail.sentAt);
      if (at >= start + DAY_MS) {
        start = at;
        used = 0;
      }
      used += mail.recipients;
    }
    return this.env.now().getTime() >= start + DAY_MS ? 0 : used;
  }

  /** sendEmail(message) / (recipient, subject, body[, options]) / (to, replyTo, subject, body). */
  private message(args: unknown[]): MessageOptions {
    const [first, second, third, fourth] = args;
    if (args.length === 1 && typeof first === "object" && first !== null)
      return { ...(first as MessageOptions) };
    if (args.length >= 4 && typeof fourth === "string") {
      return { to: first, replyTo: second, subject: third, body: fourth };
    }
    const options = typeof fourth === "object" && fourth !== null ? (fourth as MessageOptions) : {};
    return { ...options, to: first, subject: second, body: third };
  }

  private send(message: MessageOptions): void {
    const to = addresses(message.to);
    const cc = addresses(message.cc);
    const bcc = addresses(message.bcc);
    const all = [...to, ...cc, ...bcc];
    if (all.length === 0) throw exception("Failed to send email: no recipient");
    for (const address of all) if (!emailPattern.test(address)) throw exception(`Invalid email: ${address}`);
    if (all.length > this.remaining()) throw exception("Service invoked too many times for one day: email.");
    const htmlBody = optionalText(message.htmlBody);
    this.sent.push({
      to: to.join(","),
      cc: cc.join(","),
      bcc: bcc.join(","),
      subject: String(message.subject ?? ""),
      body: String(message.body ?? ""),
      htmlBody,
      name: optionalText(message.name),
      replyTo: optionalText(message.replyTo),
      noReply: message.noReply === true,
      from: this.env.user,
      sentAt: this.env.now().toISOString(),
      recipients: all.length,
    });
  }
}
