// Peer Exchange › Propose steering rotation: who rotates out (soonest term end) and in (longest-serving
// active members without a seat), explained; on Yes, the incoming members are added with their terms.
import { isoDay, proposeRotation } from "../../../shared/methods/community";
import { guardMenuResult } from "../menuGuard";
import { openTable } from "../sheets/table";
import { workbookZone } from "../sheets/zone";
import { type CommunityReport, dateOrNull, notDone, say } from "./dialog";
import { NO_MEMBERS, readMembership } from "./members";

const TITLE = "Propose steering rotation";

export function proposeSteeringRotation(): CommunityReport {
  return guardMenuResult(TITLE, runProposeRotation, notDone);
}

function runProposeRotation(): CommunityReport {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const zone = workbookZone(spreadsheet);
  const today = zone.toLocal(new Date());
  const steering = openTable(spreadsheet, "Steering Committee", {
    require: ["member", "organization", "role", "termStart", "termEnd"],
  });
  if (!steering.ok) return say(TITLE, steering.error.message, false);
  const read = readMembership(spreadsheet, today, zone);
  if (!read.ok) return say(TITLE, read.error.message, false);
  const { rows, report } = read.value;
  if (rows.length === 0) return say(TITLE, NO_MEMBERS, false);

  const committee = steering.value
    .read()
    .filter((r) => String(r.record.member).trim() !== "")
    .map((r) => ({
      member: String(r.record.member),
      organization: String(r.record.organization),
      role: String(r.record.role),
      termStart: dateOrNull(r.record.termStart, zone),
      termEnd: dateOrNull(r.record.termEnd, zone),
    }));
  const proposal = proposeRotation(
    committee,
    rows.map((r, i) => ({
      organization: String(r.record.organization),
      representative: String(r.record.representative),
      joined: dateOrNull(r.record.joined, zone),
      attended: report.members[i]?.attended ?? 0,
    })),
    today,
  );
  if (!proposal)
    return say(
      TITLE,
      "No sitting member of the Steering Committee has a term end today or later. Give each member a Term start and Term end on the Steering Committee tab, then run this again.",
      false,
    );

  const rule =
    "Rule: the members whose term ends soonest rotate out; the same number rotate in, from active members (2 or more exchanges in the last 12 months, counted as Update community does) whose organization has no sitting member, longest-serving first (earliest Joined on the Community tab), then most exchanges attended. Each takes the outgoing member's role and term length.";
  const lines = [
    `Next rotation: ${isoDay(proposal.rotationDate)}.`,
    `Rotating out: ${proposal.out.map((s) => `${s.member} (${s.organization}, term ends ${isoDay(s.termEnd as Date)})`).join(", ")}.`,
    proposal.in.length
      ? `Rotating in: ${proposal.in.map((c) => `${c.representative || "a representative"} of ${c.organization} (joined ${c.joined ? isoDay(c.joined) : "date unknown"}, ${c.attended} exchanges; term ${isoDay(c.termStart)} to ${isoDay(c.termEnd)})`).join(", ")}.`
      : "Rotating in: nobody is eligible.",
  ];
  if (proposal.open)
    lines.push(
      `${proposal.open} seat(s) stay open: no other active member organization without a seat. Recruit, or extend a term by hand.`,
    );
  lines.push(rule);
  const message = lines.join("\n\n");
  if (proposal.in.length === 0) return say(TITLE, message, true);

  const ui = SpreadsheetApp.getUi();
  const answer = ui.alert(
    TITLE,
    `${message}\n\nAdd the incoming members to the Steering Committee tab? (The outgoing rows stay as the record of past terms.)`,
    ui.ButtonSet.YES_NO,
  );
  if (answer !== ui.Button.YES) return { ok: true, message: `${message}\n\nNothing was added.` };
  steering.value.append(
    proposal.in.map((c) => ({
      member: c.representative || c.organization,
      organization: c.organization,
      role: c.role,
      termStart: zone.fromLocal(c.termStart),
      termEnd: zone.fromLocal(c.termEnd),
    })),
  );
  return {
    ok: true,
    message: `${message}\n\nAdded ${proposal.in.length} row(s) to the Steering Committee tab.`,
  };
}
