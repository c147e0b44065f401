import { describe, expect, it } from "vitest";
import {
  changedFields,
  draftFromClips,
  kindToField,
  mergePractice,
  nextPracticeId,
  titleFrom,
} from "../../../shared/methods/practiceDraft.ts";
import { clipKinds } from "../../../shared/schema/vocabulary.ts";

const clip = (kind: string, text: string, extra: Partial<Record<string, string>> = {}) => ({
  clipId: extra.clipId ?? `c-${kind}`,
  kind,
  text,
  tags: extra.tags ?? "",
  session: extra.session ?? "",
  siteLabel: extra.siteLabel ?? "",
});

describe("practice drafts", () => {
  it("maps every clip kind to a field of the template", () => {
    expect(Object.keys(kindToField).sort()).toEqual([...clipKinds].sort());
  });

  it("fills the template from the clips' kinds", () => {
    const draft = draftFromClips([
      clip("question", "Why do discharges wait until afternoon?", { session: "Case A", siteLabel: "Site A" }),
      clip("best practice", "A 10 am discharge huddle. Everyone attends.", { tags: "discharge, huddle" }),
      clip("barrier", "Pharmacy staffing", { tags: "Discharge", siteLabel: "Site A" }),
      clip("did-not-work", "Paper checklists"),
      clip("lesson learned", "Start with one ward"),
      clip("action item", "Invite pharmacy", { siteLabel: "Mercy General" }),
    ]);
    expect(draft.title).toBe("A 10 am discharge huddle");
    expect(draft.problemStatement).toBe("Why do discharges wait until afternoon?");
    expect(draft.intervention).toBe("A 10 am discharge huddle. Everyone attends.");
    expect(draft.potentialBarriers).toBe("Pharmacy staffing");
    expect(draft.didNotWork).toBe("Paper checklists");
    expect(draft.implementationTips).toBe("– Start with one ward\n– Invite pharmacy");
    expect(draft.tags).toBe("discharge, huddle");
    expect(draft.sourceSite).toBe("Site A, Mercy General");
    expect(draft.status).toBe("draft");
    expect(draft.sourceClips.split(", ")).toHaveLength(6);
    expect(draft.evidence).toBe("Drafted from 6 clips (Case A).");
  });

  it("cuts long titles at a word", () => {
    const title = titleFrom(`${"word ".repeat(40)}end`);
    expect(title.length).toBeLessThanOrEqual(80);
    expect(title.endsWith("word…")).toBe(true);
  });

  it("merges lists once and text on a new line, keeping the title and status", () => {
    const base = draftFromClips([clip("best practice", "Huddle", { clipId: "a", tags: "x" })]);
    const incoming = {
      ...draftFromClips([clip("barrier", "Staffing", { clipId: "b", tags: "X, y" })]),
      title: "Other",
    };
    const merged = mergePractice({ ...base, status: "reviewed" }, incoming);
    expect(merged.title).toBe("Huddle");
    expect(merged.status).toBe("reviewed");
    expect(merged.sourceClips).toBe("a, b");
    expect(merged.tags).toBe("x, y");
    expect(merged.potentialBarriers).toBe("Staffing");
    expect(merged.evidence).toBe("Drafted from 1 clip.");
    expect(changedFields(base, merged)).toEqual(["potentialBarriers", "tags", "status", "sourceClips"]);
  });

  it("numbers practices after the highest id", () => {
    expect(nextPracticeId([])).toBe("BP-001");
    expect(nextPracticeId(["BP-009", "bp-002", "custom"])).toBe("BP-010");
  });
});
