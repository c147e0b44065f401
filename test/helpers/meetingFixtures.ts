// The meeting fixture pages (test/fixtures/meetings): one way to read them for every test server.
import { readFileSync } from "node:fs";
import { basename, extname, join } from "node:path";

export const meetingFixturesDir = join(import.meta.dirname, "../fixtures/meetings");

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
};

export function contentTypeOf(name: string): string {
  return contentTypes[extname(name)] ?? "application/octet-stream";
}

/** A fixture file by name (any folder part of `name` is ignored), or null when there is none. */
export function meetingFixture(name: string): { body: Buffer; type: string } | null {
  try {
    return { body: readFileSync(join(meetingFixturesDir, basename(name))), type: contentTypeOf(name) };
  } catch {
    return null;
  }
}
