// One naming rule for sites on the built bundle: a site's name only where it granted permission to
// identify, else its pseudonym, alike on the Agenda, the Speaking timer, the peer chart and hello's list;
// the clip endpoint accepts only hello's sites and never lands a name typed without permission.
import { describe, expect, it } from "vitest";
import type { ClipResponse, EndpointResponse, HelloResponse } from "../../shared/clip/protocol.ts";
import { PEERS } from "../fixtures/peers.ts";
import { clip, type Endpoint, openEndpoint } from "./endpointHarness.ts";
import {
  PRIVATE_NAMES,
  peerRecord,
  records,
  settingLabel,
  shownAs,
  workbook,
  writeForm,
  writeRows,
} from "./peerWorkbook.ts";

const NOT_IN_EXCHANGE = "site not in the exchange";

function asClip(response: EndpointResponse): ClipResponse {
  if (!response.ok || response.op !== "clip") throw new Error(JSON.stringify(response));
  return response;
}

function hello(endpoint: Endpoint): HelloResponse {
  const response = endpoint.post({ v: 1, token: endpoint.token, op: "hello" });
  if (!response.ok || response.op !== "hello") throw new Error(JSON.stringify(response));
  return response;
}

/** A connected scribe's workbook with the fixture's peers, four of them selected and an agenda built. */
function exchange(): Endpoint {
  const endpoint = openEndpoint();
  const { addon } = endpoint;
  writeRows(addon, "Peers", PEERS.map(peerRecord));
  writeForm(addon, "Settings", { [settingLabel("groupSizeMin")]: 4, [settingLabel("groupSizeMax")]: 4 });
  addon.emulator.ui.respondWith(["OK"]);
  addon.run("selectPeers");
  buildAgenda(endpoint);
  return endpoint;
}

function buildAgenda(endpoint: Endpoint): void {
  endpoint.addon.emulator.ui.respondWith([
    { button: "OK", text: "2026-12-03 09:00" },
    { button: "OK", text: "240" },
    "YES",
    "OK",
  ] as never);
  endpoint.addon.run("buildAgenda");
}

function selectedLabels(endpoint: Endpoint): string[] {
  return records(endpoint.addon, "Peers")
    .filter((r) => r.Selected === true)
    .map(shownAs);
}

function presenters(endpoint: Endpoint): string[] {
  return records(endpoint.addon, "Agenda")
    .filter((r) => r.Format === "rapid-fire case")
    .map((r) => String(r["Presenting site"]));
}

function sidebarSites(endpoint: Endpoint): string[] {
  endpoint.addon.run("showSpeakingTimer");
  const sidebars = endpoint.addon.emulator.ui.events.filter((e) => e.type === "sidebar");
  const html = String(sidebars[sidebars.length - 1]?.html ?? "");
  return [...html.matchAll(/data-site="([^"]*)"/g)].map((m) => (m[1] as string).replace(/&#39;/g, "'"));
}

describe("one naming rule for sites (built bundle)", () => {
  it("names each site alike on the Agenda, the Speaking timer, the peer chart and hello", () => {
    const endpoint = exchange();
    const labels = selectedLabels(endpoint);
    // The fixture's group holds a site that granted permission and sites that did not.
    expect(labels).toContain("Lakeside University Hospital");
    expect(labels.some((l) => /^Site [A-Z]$/.test(l))).toBe(true);

    expect([...presenters(endpoint)].sort()).toEqual([...labels].sort());
    expect([...sidebarSites(endpoint)].sort()).toEqual([...labels].sort());
    const chart = records(endpoint.addon, "Peer Scores Chart").map((r) => String(r.Site));
    for (const label of labels) expect(chart).toContain(label);
    const listed = hello(endpoint);
    expect(listed.sites.map((s) => s.label).sort()).toEqual([...labels].sort());

    for (const tab of ["Agenda", "Peer Scores Chart"])
      expect(JSON.stringify(records(endpoint.addon, tab))).not.toMatch(PRIVATE_NAMES);
    expect(JSON.stringify(listed)).not.toMatch(PRIVATE_NAMES);
  });

  it("uses a changed permission from the next run on, and leaves clips already landed as they were", () => {
    const endpoint = exchange();
    const peers = records(endpoint.addon, "Peers");
    const privateRow = peers.findIndex((r) => r.Selected === true && r["Permission to identify"] !== true);
    const site = peers[privateRow]!;
    const pseudonym = String(site.Pseudonym);
    const name = String(site["Site name"]);

    const before = asClip(
      endpoint.post({ v: 1, token: endpoint.token, op: "clip", clips: [clip({ site: pseudonym })] }),
    );
    expect(before.results[0]).toMatchObject({ status: "added" });

    // The site grants permission: tick its box on the Peers tab.
    const sheet = workbook(endpoint.addon).getSheetByName("Peers")!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    sheet.getRange(privateRow + 2, headers.indexOf("Permission to identify") + 1).setValue(true);

    buildAgenda(endpoint);
    expect(presenters(endpoint)).toContain(name);
    expect(presenters(endpoint)).not.toContain(pseudonym);
    expect(sidebarSites(endpoint)).toContain(name);
    expect(hello(endpoint).sites.map((s) => s.label)).toContain(name);

    const after = asClip(
      endpoint.post({ v: 1, token: endpoint.token, op: "clip", clips: [clip({ site: name })] }),
    );
    expect(after.results[0]).toMatchObject({ status: "added" });
    const sites = records(endpoint.addon, "Insights").map((r) => r.Site);
    // The earlier clip keeps the label it was clipped with (see the Site column's note).
    expect(sites).toEqual([pseudonym, name]);
  });
});

describe("the clip endpoint accepts only the exchange's sites", () => {
  function smallExchange(): Endpoint {
    const endpoint = openEndpoint();
    writeRows(endpoint.addon, "Peers", [
      { "Site name": "Valley General", Pseudonym: "Site A", "Permission to identify": true, Selected: true },
      { "Site name": "Hill Memorial", Pseudonym: "Site B", "Permission to identify": false, Selected: true },
    ]);
    return endpoint;
  }

  it("lands a pseudonym or a permitted name as hello lists it, whatever its case and spaces", () => {
    const endpoint = smallExchange();
    const response = asClip(
      endpoint.post({
        v: 1,
        token: endpoint.token,
        op: "clip",
        clips: [
          clip({ site: "  site   b " }),
          clip({ site: "VALLEY GENERAL" }),
          clip({ site: "" }),
          clip({ site: undefined }),
        ],
      }),
    );
    expect(response.results.map((r) => r.status)).toEqual(["added", "added", "added", "added"]);
    expect(response.results.every((r) => !("note" in r))).toBe(true);
    expect(records(endpoint.addon, "Insights").map((r) => r.Site)).toEqual([
      "Site B",
      "Valley General",
      "",
      "",
    ]);
  });

  it("never lands a real name typed without permission: the clip lands with its site marked, and the scribe is told", () => {
    const endpoint = smallExchange();
    const response = asClip(
      endpoint.post({
        v: 1,
        token: endpoint.token,
        op: "clip",
        clips: [clip({ site: "Hill Memorial" }), clip({ site: "Site A" }), clip({ site: '=HYPERLINK("x")' })],
      }),
    );
    expect(response.results.map((r) => r.status)).toEqual(["added", "added", "added"]);
    const [hill, siteA] = response.results as Extract<ClipResponse["results"][number], { status: "added" }>[];
    expect(hill?.note).toMatch(/Site not in the exchange: “Hill Memorial”/);
    expect(hill?.note).toMatch(/Valley General, Site B/);
    // A permitted site's pseudonym is not one of hello's labels: marked too, so every clip names it alike.
    expect(siteA?.note).toMatch(/Site not in the exchange: “Site A”/);

    const rows = records(endpoint.addon, "Insights");
    expect(rows.map((r) => r.Site)).toEqual([NOT_IN_EXCHANGE, NOT_IN_EXCHANGE, NOT_IN_EXCHANGE]);
    expect(rows.every((r) => r["Review status"] === "new")).toBe(true);
    expect(JSON.stringify(endpoint.insights())).not.toMatch(/Hill Memorial|HYPERLINK/);
  });

  it("reads the Peers tab for a real name or a site it does not remember, not for a remembered pseudonym", () => {
    const endpoint = smallExchange();
    const { calls } = endpoint.addon.emulator.env;
    const peersReads = (site: string) => {
      calls.reset();
      asClip(endpoint.post({ v: 1, token: endpoint.token, op: "clip", clips: [clip({ site })] }));
      return calls.get("Spreadsheet.getSheetByName") - 1;
    };
    // A first batch without a site: the taxonomy and the tab's layout are remembered from here on.
    asClip(endpoint.post({ v: 1, token: endpoint.token, op: "clip", clips: [clip({ site: "" })] }));
    expect(peersReads("Site B")).toBe(1);
    expect(peersReads("site b")).toBe(0);
    expect(peersReads("Valley General")).toBe(1);
    expect(peersReads("Valley General")).toBe(1);
    expect(records(endpoint.addon, "Insights").map((r) => r.Site)).toEqual([
      "",
      "Site B",
      "Site B",
      "Valley General",
      "Valley General",
    ]);
  });

  it("counts a withdrawn permission from the very next clip, whatever the cache remembers", () => {
    const endpoint = smallExchange();
    const post = (site: string) =>
      asClip(
        endpoint.post({
          v: 1,
          token: endpoint.token,
          op: "clip",
          clips: [clip({ site }), clip({ site: "Site B" })],
        }),
      );
    expect(post("Valley General").results.every((r) => r.status === "added" && !("note" in r))).toBe(true);
    // Valley General withdraws its permission: untick its box on the Peers tab.
    const sheet = workbook(endpoint.addon).getSheetByName("Peers")!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    sheet.getRange(2, headers.indexOf("Permission to identify") + 1).setValue(false);
    const after = post("Valley General");
    expect(after.results[0]).toMatchObject({
      status: "added",
      note: expect.stringMatching(/Site not in the exchange/),
    });
    expect(records(endpoint.addon, "Insights").map((r) => r.Site)).toEqual([
      "Valley General",
      "Site B",
      NOT_IN_EXCHANGE,
      "Site B",
    ]);
  });

  it("marks every named site while the Peers tab lists none", () => {
    const endpoint = openEndpoint();
    const response = asClip(
      endpoint.post({ v: 1, token: endpoint.token, op: "clip", clips: [clip({ site: "Site A" })] }),
    );
    expect(response.results[0]).toMatchObject({ status: "added", note: expect.stringMatching(/none yet/) });
    expect(records(endpoint.addon, "Insights")[0]!.Site).toBe(NOT_IN_EXCHANGE);
  });
});
