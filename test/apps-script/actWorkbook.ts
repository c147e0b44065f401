// A set-up exchange for the act items: four candidate sites (three selected, one named with
// permission), the exchange held on 2026-03-02, two practices (one published), on an emulator clock
// that starts on the exchange's day at 09:00 UTC.
import { type Addon, openAddon } from "../helpers/addon.ts";
import { records, setUp, workbook, writeForm, writeRows } from "./peerWorkbook.ts";

export const EXCHANGE = new Date(Date.UTC(2026, 2, 2));
export const DAY = 86_400_000;
export const day = (n: number): Date => new Date(EXCHANGE.getTime() + n * DAY);
export const SITES = ["Riverside General", "Site B", "Site C"];

export function actExchange(
  options: { mailQuota?: number; practices?: Record<string, unknown>[] } = {},
): Addon {
  const addon = openAddon({
    now: () => new Date(EXCHANGE.getTime() + 9 * 3600_000),
    mailQuota: options.mailQuota,
  });
  setUp(addon);
  writeRows(addon, "Peers", [
    { "Site name": "Riverside General", Pseudonym: "Site A", "Permission to identify": true, Selected: true },
    {
      "Site name": "Hillcrest Medical",
      Pseudonym: "Site B",
      "Permission to identify": false,
      Selected: true,
    },
    {
      "Site name": "Lakeside Community",
      Pseudonym: "Site C",
      "Permission to identify": false,
      Selected: true,
    },
    { "Site name": "Valley Regional", Pseudonym: "Site D", "Permission to identify": false, Selected: false },
  ]);
  writeForm(addon, "Charter", {
    "Exchange name": "Discharge before noon 2026",
    "Start date": EXCHANGE,
    "End date": EXCHANGE,
  });
  writeRows(
    addon,
    "Practices",
    options.practices ?? [
      {
        "Practice id": "P-1",
        Title: "Multidisciplinary discharge huddle",
        "Intervention description":
          "A 10-minute huddle at 9:00 on each ward; discharge orders written the day before.",
        "Outcome metric": "Discharges before noon (%)",
        Status: "published",
      },
      { "Practice id": "P-2", Title: "Bedside medication check", Status: "draft" },
    ],
  );
  addon.emulator.ui.takeEvents();
  return addon;
}

/** Actions rows by header text (computed values). */
export const actions = (addon: Addon) => records(addon, "Actions");

/** Fills the named Actions cells of the rows of `site` (all its rows). */
export function fillActions(addon: Addon, site: string, values: Record<string, unknown>): void {
  const sheet = workbook(addon).getSheetByName("Actions");
  if (!sheet) throw new Error("no Actions tab");
  const [headers = [], ...rows] = addon.sheet("Actions");
  rows.forEach((row, i) => {
    if (row[headers.indexOf("Site")] !== site) return;
    for (const [header, value] of Object.entries(values)) {
      const col = headers.indexOf(header);
      if (col < 0) throw new Error(`no column ${header}`);
      sheet.getRange(i + 2, col + 1).setValue(value);
    }
  });
}

/** Plans the published practice for every adopting site (blank answer: all). */
export function planAll(addon: Addon): {
  ok: boolean;
  message: string;
  added: string[];
  alreadyPlanned: string[];
} {
  addon.emulator.ui.respondWith([{ button: "OK", text: "" }, "OK"] as never);
  return addon.run("planActions") as never;
}

/** Every site planned, each with an owner, email, a due date 14 days and a check-in 21 days after. */
export function committedExchange(options: { mailQuota?: number } = {}): Addon {
  const addon = actExchange(options);
  planAll(addon);
  for (const [i, site] of ["Host", ...SITES].entries()) {
    fillActions(addon, site, {
      Owner: `Owner ${i + 1}`,
      "Owner email": `owner${i + 1}@example.org`,
      "Due date": day(14),
      "Check-in date": day(21),
    });
  }
  writeRows(addon, "Participants", [
    { Person: "Pat Lee", Site: "Site B", Email: "pat@example.org" },
    { Person: "Rae Kim", Site: "Site C", Email: "rae@example.org" },
  ]);
  addon.emulator.ui.takeEvents();
  return addon;
}
