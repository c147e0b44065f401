// The scribe's settings and what the last hello told us about the workbook, as kept in storage.local.
import type { ClipKind, HelloResponse } from "../../../shared/clip/protocol";
import type { Connection } from "../background/transport";

export type PhiMode = "warn" | "block";

export interface ClipperSettings {
  /** warn: findings are shown and the scribe redacts or attests; block: text with findings is never sent. */
  phi: PhiMode;
  defaultKind: ClipKind;
  defaultTags: string[];
  /** How many seconds of captions the popup offers by default. */
  captionSeconds: number;
}

export const defaultSettings: ClipperSettings = {
  phi: "warn",
  defaultKind: "insight",
  defaultTags: [],
  captionSeconds: 30,
};

export type WorkbookInfo = Omit<HelloResponse, "ok" | "v" | "op"> & { fetchedAt: number };

/** The connection without its token: what pages other than the background may see. */
export interface ConnectionSummary {
  url: string;
  scribe: string;
  /** Whether requests carry the browser's Google sign-in (organisation-only web apps). */
  withCredentials: boolean;
}

export const STORAGE_KEYS = {
  connection: "connection",
  workbook: "workbook",
  settings: "settings",
} as const;

export function summarizeConnection(connection: Connection | null): ConnectionSummary | null {
  return connection
    ? { url: connection.url, scribe: connection.scribe, withCredentials: connection.withCredentials === true }
    : null;
}

export function withDefaults(stored: Partial<ClipperSettings> | undefined): ClipperSettings {
  return { ...defaultSettings, ...(stored ?? {}) };
}
