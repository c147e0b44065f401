// Meet: the agenda and the speaking timer (seed: "Designing an Engaging Exchange Format").

import { anyBlank, literalCriterion } from "../formulaParts";
import { sessionFormats, sessionStatuses } from "../vocabulary";
import { col, DATETIME, defineTab } from "./define";

export const agendaTab = defineTab({
  name: "Agenda",
  layout: "table",
  purpose: "The exchange's sessions in order, with presenting site, rotating facilitator and scribe.",
  columns: [
    col("session", "Session", "text", "Session title; clips name the session they were taken in."),
    col(
      "format",
      "Format",
      "list",
      "Rapid-fire case, Q&A, breakout workshop, process walk-through, break …",
      {
        options: sessionFormats,
        strict: false,
      },
    ),
    col("presentingSite", "Presenting site", "text", "The site whose case this is."),
    col("subIssue", "Sub-issue", "text", "Breakout workshops: the sub-issue the group tackles."),
    col("worksheet", "Worksheet", "text", "Breakout workshops: the structured worksheet (link or name)."),
    col(
      "facilitator",
      "Facilitator",
      "text",
      "Rotates so no site facilitates twice before every site has once, nor its own case.",
    ),
    col("scribe", "Scribe", "text", "The knowledge scribe for this session."),
    col("start", "Start", "date", "Date and time the session starts.", { numberFormat: DATETIME }),
    col("duration", "Duration (min)", "integer", "Minutes.", { range: { min: 0, max: 600 } }),
    col("end", "End", "date", "Start + duration (formula).", {
      formula: (c) =>
        `=IF(${anyBlank(c, "start", "duration")},"",${c.cell("start")}+${c.cell("duration")}/1440)`,
      numberFormat: DATETIME,
    }),
    col("slideCount", "Slides", "integer", "Slides in the case (5–7 key slides recommended).", {
      range: { min: 0, max: 200 },
    }),
    col("slideCheck", "Slide check", "text", "Flags a slide count outside the range in Settings (formula).", {
      formula: (c) => {
        const n = c.cell("slideCount");
        const lo = c.setting("slidesMin");
        const hi = c.setting("slidesMax");
        return `=IF(${n}="","",IF(OR(${n}<${lo},${n}>${hi}),"Outside "&${lo}&"–"&${hi}&" slides",""))`;
      },
    }),
    col(
      "recordingConsent",
      "Recording consent",
      "boolean",
      "Tick when everyone present consented to recording.",
    ),
    col("status", "Status", "list", "Planned, in progress, done or cancelled.", {
      options: sessionStatuses,
      strict: true,
    }),
    col(
      "overrun",
      "Overrun",
      "text",
      "Flags a session that runs into the next one or past the end of the time slot (formula).",
      {
        formula: (c) => {
          const end = c.cell("end");
          const next = c.cell("start", 1);
          // A next row with the same start runs in parallel (breakout workshops): not an overrun.
          const intoNext = `AND(${next}<>"",${next}<>${c.cell("start")},ROUND((${end}-${next})*1440,3)>0)`;
          // Build agenda writes a "closing" row whose start is the end of the time slot.
          const slotEnd = `MAXIFS(${c.column("start")},${c.column("format")},"closing")`;
          const pastSlot = `AND(COUNTIF(${c.column("format")},"closing")>0,ROUND((${end}-${slotEnd})*1440,3)>0)`;
          return `=IF(${end}="","",IF(${pastSlot},"Ends after the time slot",IF(${intoNext},"Runs into the next session","")))`;
        },
      },
    ),
  ],
  frozenRows: 1,
  conditionalFormats: [
    {
      kind: "formula",
      key: "slideCheck",
      formula: (c) => `=${c.cell("slideCheck")}<>""`,
      background: "#fce8b2",
    },
    { kind: "formula", key: "overrun", formula: (c) => `=${c.cell("overrun")}<>""`, background: "#f4cccc" },
  ],
  namedRanges: [{ name: "AgendaSessions", key: "session" }],
});

export const speakingTab = defineTab({
  name: "Speaking",
  layout: "table",
  purpose: "Speaking time per site and session, from the speaking timer.",
  columns: [
    col("session", "Session", "text", "The agenda session."),
    col("site", "Site", "text", "The site that spoke (silent sites appear with 0)."),
    col("seconds", "Seconds", "integer", "Total speaking time in this session.", { range: { min: 0 } }),
    col("turns", "Turns", "integer", "How many times the site took the floor.", { range: { min: 0 } }),
    col(
      "share",
      "Share of session",
      "number",
      "This site's seconds / all seconds in the session (formula).",
      {
        formula: (c) => {
          const total = `SUMIF(${c.column("session")},${literalCriterion(c.cell("session"))},${c.column("seconds")})`;
          return `=IF(${anyBlank(c, "session", "seconds")},"",IF(${total}=0,"",${c.cell("seconds")}/${total}))`;
        },
        numberFormat: "0.0%",
      },
    ),
    col("updatedAt", "Updated", "date", "When the timer last wrote this row.", { numberFormat: DATETIME }),
    col(
      "gini",
      "Session Gini",
      "number",
      "Inequality of speaking time in the session, silent sites counted as 0: 0 = equal (speaking timer).",
      { numberFormat: "0.00" },
    ),
    col(
      "giniNormalized",
      "Session Gini (normalized)",
      "number",
      "The session's Gini × n / (n − 1): 1 = one site spoke all the time (speaking timer).",
      { numberFormat: "0.00" },
    ),
  ],
  frozenRows: 1,
});
