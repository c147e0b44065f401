// The sandbox's workbook viewer. Every cell is rendered with textContent: clip text is never HTML.

const $ = (id) => document.getElementById(id);
let workbook = null;
let current = null;

async function api(path, body) {
  const response = await fetch(
    path,
    body === undefined ? {} : { method: "POST", body: JSON.stringify(body) },
  );
  return response.json();
}

function el(tag, text, attrs = {}) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = String(text);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  return node;
}

function showSheet(name) {
  current = name;
  const sheet = workbook.sheets.find((s) => s.name === name);
  const grid = $("grid");
  grid.replaceChildren();
  for (const button of $("tabs").children) button.classList.toggle("active", button.dataset.name === name);
  if (!sheet) return;
  (sheet.values || []).forEach((row, r) => {
    const tr = el("tr");
    row.forEach((value, c) => {
      const formula = sheet.formulas?.[r]?.[c];
      const cell = el(r < (sheet.frozenRows || 0) ? "th" : "td", value);
      if (formula) {
        cell.className = "formula";
        cell.title = formula;
      }
      tr.append(cell);
    });
    grid.append(tr);
  });
  const charts = sheet.charts || [];
  $("charts").textContent = charts.length
    ? `Charts on this tab: ${charts.map((c) => `${c.options?.title ?? c.type} (${c.type})`).join("; ")}`
    : "";
}

async function refresh() {
  workbook = await api("/api/workbook");
  $("title").textContent = `Peer Exchange sandbox — ${workbook.name ?? ""}`;
  const tabs = $("tabs");
  tabs.replaceChildren();
  for (const sheet of workbook.sheets || []) {
    const button = el("button", sheet.hidden ? `${sheet.name} (hidden)` : sheet.name, { type: "button" });
    button.dataset.name = sheet.name;
    button.addEventListener("click", () => showSheet(sheet.name));
    tabs.append(button);
  }
  showSheet(
    current && workbook.sheets.some((s) => s.name === current) ? current : workbook.sheets?.[0]?.name,
  );
}

function showUi(events) {
  const box = $("ui");
  box.replaceChildren();
  for (const event of events || []) {
    if (event.type === "menu") continue;
    const section = el("div");
    section.append(el("strong", `${event.type}${event.title ? `: ${event.title}` : ""}`));
    if (event.html) {
      // Sidebars run sandboxed, without scripts: a preview of what the coordinator sees.
      const frame = el("iframe", undefined, { sandbox: "", title: event.title || event.type });
      frame.srcdoc = event.html;
      section.append(frame);
    } else {
      section.append(
        el(
          "pre",
          [event.message, event.response && `→ ${JSON.stringify(event.response)}`].filter(Boolean).join("\n"),
        ),
      );
    }
    box.append(section);
  }
}

async function run(fn) {
  let responses = [];
  try {
    responses = JSON.parse($("responses").value || "[]");
  } catch {
    showUi([{ type: "error", message: "The answers must be a JSON array." }]);
    return;
  }
  const result = await api("/api/run", { fn, args: [], responses });
  showUi(result.ok ? result.ui : [...(result.ui || []), { type: "error", message: result.error?.message }]);
  await refresh();
}

async function loadMenu() {
  const result = await api("/api/run", { fn: "onOpen" });
  const menu = $("menu");
  menu.replaceChildren();
  const items = (result.ui || []).filter((e) => e.type === "menu").flatMap((e) => e.items || []);
  for (const item of items) {
    if (!item.fn) continue;
    const button = el("button", item.label, { type: "button" });
    button.addEventListener("click", () => run(item.fn));
    menu.append(button);
  }
}

$("refresh").addEventListener("click", refresh);
$("reset").addEventListener("click", async () => {
  await api("/api/reset", {});
  await refresh();
});
$("demo").addEventListener("click", async () => {
  await api("/api/reset", { demo: true });
  await refresh();
});
refresh().then(loadMenu);
