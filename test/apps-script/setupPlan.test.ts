// Set-up's plan on its own: pure (no service call), one addSheet per schema tab on an empty workbook, no
// request at all on a workbook already set up, and exactly the request that restores what was removed.
import { describe, expect, it } from "vitest";
import { planSetUp } from "../../apps-script/src/setup/plan.ts";
import { readSnapshot, type SheetsService } from "../../apps-script/src/setup/snapshot.ts";
import { tabs } from "../../shared/schema/index.ts";
import { type Addon, openAddon } from "../helpers/addon.ts";

function service(addon: Addon): SheetsService {
  const spreadsheets = addon.emulator.globals.Sheets.Spreadsheets!;
  return { spreadsheets, values: spreadsheets.Values! };
}

function planOf(addon: Addon) {
  const id = addon.emulator.spreadsheets.activeId!;
  const snapshot = readSnapshot(service(addon), id);
  addon.emulator.env.calls.reset();
  const plan = planSetUp(snapshot, id);
  expect(addon.emulator.env.calls.total()).toBe(0);
  return plan;
}

describe("set-up plan", () => {
  it("adds every schema tab to an empty workbook and drops its empty default sheet", () => {
    const plan = planOf(openAddon());
    const kinds = plan.requests.map((r) => Object.keys(r)[0]);
    expect(kinds.filter((k) => k === "addSheet")).toHaveLength(tabs.length);
    expect(kinds.filter((k) => k === "deleteSheet")).toHaveLength(1);
    expect(plan.report.createdTabs).toEqual(tabs.map((t) => t.name));
  });

  it("asks for nothing on a workbook already set up, and for one rule where one was removed", () => {
    const addon = openAddon();
    addon.emulator.ui.respondWith(["OK"]);
    addon.run("setUpWorkbook");
    expect(planOf(addon).requests).toEqual([]);

    const peers = addon.emulator.spreadsheets
      .get(addon.emulator.spreadsheets.activeId!)!
      .getSheetByName("Peers")!;
    const headers = peers.getRange(1, 1, 1, peers.getLastColumn()).getValues()[0]!.map(String);
    const setting = headers.indexOf("Setting") + 1;
    peers.getRange(2, setting, peers.getMaxRows() - 1, 1).clearDataValidations();
    const plan = planOf(addon);
    expect(plan.requests).toHaveLength(1);
    expect(plan.requests[0]).toMatchObject({
      setDataValidation: {
        range: {
          sheetId: peers.getSheetId(),
          startRowIndex: 1,
          startColumnIndex: setting - 1,
          endColumnIndex: setting,
        },
        rule: { condition: { type: "ONE_OF_LIST" }, showCustomUi: true },
      },
    });
    expect(plan.report.changes).toEqual(["Restored the dropdowns and checks of 1 column: Peers › Setting."]);
  });
});
