// Community: members, steering committee, exchange calendar and resource pool.

import { exchangeCadences, resourceKinds, sessionStatuses } from "../vocabulary";
import { col, DATE, defineTab } from "./define";

export const communityTab = defineTab({
  name: "Community",
  layout: "table",
  purpose:
    "Members of the community of practice and whether they keep their membership active. Peer Exchange › Update community counts each member's exchanges from the Exchange Calendar (rows marked done, with the member's organization in “Attended by”) over the last 12 months and sets the renewal date.",
  columns: [
    col("organization", "Organization", "text", "Member organization."),
    col("representative", "Representative", "text", "Who represents it."),
    col("email", "Email", "email", "The representative's email."),
    col("joined", "Joined", "date", "Date joined.", { numberFormat: DATE }),
    col(
      "exchangesAttended",
      "Exchanges attended (12 months)",
      "integer",
      "Done exchanges on the Exchange Calendar in the last 12 months whose “Attended by” names this organization (Update community counts them).",
      {
        range: { min: 0 },
      },
    ),
    col(
      "status",
      "Status",
      "list",
      "Active with at least 2 exchanges a year, otherwise renewal due (formula).",
      {
        options: ["active", "renewal due"],
        formula: (c) =>
          `=IF(${c.cell("organization")}="","",IF(N(${c.cell("exchangesAttended")})>=2,"active","renewal due"))`,
      },
    ),
    col(
      "renewalDue",
      "Renewal due",
      "date",
      "Update community sets it. Active: the day the older of the two latest attended exchanges is 12 months old. Otherwise: a year after joining for a new member, else the day it fell due.",
      { numberFormat: DATE },
    ),
  ],
  frozenRows: 1,
  conditionalFormats: [{ kind: "textEquals", key: "status", text: "renewal due", background: "#fce8b2" }],
});

export const steeringTab = defineTab({
  name: "Steering Committee",
  layout: "table",
  purpose:
    "The steering committee, with rotating terms. Peer Exchange › Propose steering rotation names who rotates out and in next.",
  columns: [
    col("member", "Member", "text", "Name."),
    col("organization", "Organization", "text", "Their organization."),
    col("role", "Role", "text", "Chair, member …"),
    col("termStart", "Term start", "date", "First day of the term.", { numberFormat: DATE }),
    col("termEnd", "Term end", "date", "Last day of the term.", { numberFormat: DATE }),
    col("nextRotation", "Next rotation", "date", "The day after the term ends (formula).", {
      formula: (c) => `=IF(${c.cell("termEnd")}="","",${c.cell("termEnd")}+1)`,
      numberFormat: DATE,
    }),
  ],
  frozenRows: 1,
});

export const calendarTab = defineTab({
  name: "Exchange Calendar",
  layout: "table",
  purpose:
    "The community's regular exchanges, each with its theme. Peer Exchange › Plan exchange cadence… adds the next ones; after an exchange, set its status to done and list who attended.",
  columns: [
    col("exchange", "Exchange", "text", "Name."),
    col("theme", "Theme", "text", "Operational theme."),
    col("date", "Date", "date", "When.", { numberFormat: DATE }),
    col("cadence", "Cadence", "list", "Quarterly or semi-annual.", {
      options: exchangeCadences,
      strict: false,
    }),
    col("host", "Host", "text", "Hosting organization."),
    col("status", "Status", "list", "Planned, in progress, done or cancelled.", {
      options: sessionStatuses,
      strict: true,
    }),
    col(
      "attendedBy",
      "Attended by",
      "text",
      "Member organizations that attended, comma-separated, spelled as on the Community tab: Update community counts them for done exchanges.",
    ),
  ],
  frozenRows: 1,
});

export const resourcePoolTab = defineTab({
  name: "Resource Pool",
  layout: "table",
  purpose: "Pooled contributions and expenses, with the running balance.",
  columns: [
    col("date", "Date", "date", "When.", { numberFormat: DATE }),
    col("organization", "Organization", "text", "Who contributed or spent."),
    col("kind", "Kind", "list", "Contribution or expense.", { options: resourceKinds, strict: true }),
    col("description", "Description", "text", "Travel, licences, facilitation …"),
    col("amount", "Amount", "number", "A positive amount.", { range: { min: 0 }, numberFormat: "#,##0.00" }),
    col("balance", "Balance", "number", "Contributions minus expenses up to this row (formula).", {
      formula: (c) =>
        `=IF(${c.cell("amount")}="","",SUMIF(${c.runningColumn("kind")},"contribution",${c.runningColumn("amount")})-SUMIF(${c.runningColumn("kind")},"expense",${c.runningColumn("amount")}))`,
      numberFormat: "#,##0.00",
    }),
  ],
  frozenRows: 1,
});
