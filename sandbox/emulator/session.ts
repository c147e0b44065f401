// Session: who runs the script and in which time zone. A web app run by an anonymous visitor has no
// active user (empty email); the effective user is the account the script executes as.
import { createHash } from "node:crypto";
import type { EmulatorEnv } from "./env.ts";

function user(env: EmulatorEnv, method: string, email: () => string) {
  return {
    getEmail: () => {
      env.hit("User", "getEmail");
      return email();
    },
    toString: () => `User(${method})`,
  };
}

export class SessionEmulator {
  /** The script's time zone (appsscript.json "timeZone"). */
  timeZone: string;
  /** Overrides the active user's email; by default the env's user, or "" in a web app or AuthMode.NONE. */
  activeUser: string | null = null;
  readonly service;

  constructor(
    private readonly env: EmulatorEnv,
    options: { timeZone?: string } = {},
  ) {
    this.timeZone = options.timeZone ?? "Etc/UTC";
    const hit = (method: string) => env.hit("Session", method);
    this.service = {
      getActiveUser: () => {
        hit("getActiveUser");
        return user(env, "active", () => this.activeEmail());
      },
      getEffectiveUser: () => {
        hit("getEffectiveUser");
        return user(env, "effective", () => env.user);
      },
      getScriptTimeZone: () => {
        hit("getScriptTimeZone");
        return this.timeZone;
      },
      getActiveUserLocale: () => {
        hit("getActiveUserLocale");
        return "en";
      },
      /** Stable per user and script, and reveals nothing about the user. */
      getTemporaryActiveUserKey: () => {
        hit("getTemporaryActiveUserKey");
        return createHash("sha256")
          .update(`sandbox:${this.activeEmail() || env.user}`)
          .digest("base64url")
          .slice(0, 43);
      },
    };
  }

  private activeEmail(): string {
    if (this.activeUser !== null) return this.activeUser;
    if (this.env.context === "webapp" || this.env.authMode === "NONE") return "";
    return this.env.user;
  }
}
