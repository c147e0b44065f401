import type { PhiType } from "./types.ts";

/** A possible identifier: lower priority runs first and wins an overlap. */
export interface Candidate {
  type: PhiType;
  start: number;
  end: number;
  priority: number;
}
