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

// Sidebars and dialogs run in an opaque-origin frame; google.script.run reaches the add-on through
// postMessage, and this page calls POST /api/run for it, as HtmlService would call the script.
const standIn = `<script>
(function () {
  var pending = {}, next = 0;
  window.addEventListener("message", function (event) {
    var d = event.data;
    if (!d || d.px !== "result" || !pending[d.id]) return;
    var p = pending[d.id];
    delete pending[d.id];
    if (d.ok) p.ok(d.result, p.user); else p.fail(new Error(d.message), p.user);
  });
  function runner() {
    var ok = function () {}, fail = function () {}, user;
    var r = new Proxy({}, { get: function (_, name) {
      if (name === "withSuccessHandler") return function (f) { ok = f; return r; };
      if (name === "withFailureHandler") return function (f) { fail = f; return r; };
      if (name === "withUserObject") return function (u) { user = u; return r; };
      return function () {
        var id = String(++next);
        pending[id] = { ok: ok, fail: fail, user: user };
        // Plain values only, as google.script.run passes them.
        var args = JSON.parse(JSON.stringify(Array.prototype.slice.call(arguments)));
        parent.postMessage({ px: "run", id: id, fn: String(name), args: args }, "*");
      };
    } });
    return r;
  }
  window.google = { script: { host: { close: function () { parent.postMessage({ px: "close" }, "*"); } },
    get run() { return runner(); } } };
})();
</script>`;

const frames = new Map();

window.addEventListener("message", async (event) => {
  const section = frames.get(event.source);
  const d = event.data;
  if (!section || !d) return;
  if (d.px === "close") {
    frames.delete(event.source);
    section.remove();
    return;
  }
  if (d.px !== "run" || typeof d.fn !== "string") return;
  const result = await api("/api/run", { fn: d.fn, args: Array.isArray(d.args) ? d.args : [] });
  event.source.postMessage(
    result.ok
      ? { px: "result", id: d.id, ok: true, result: result.result }
      : { px: "result", id: d.id, ok: false, message: result.error?.message ?? "The add-on failed." },
    "*",
  );
  showUi(result.ui, false);
  await refresh();
});

function withStandIn(html) {
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => head + standIn) : standIn + html;
}

function showUi(events, clear = true) {
  const box = $("ui");
  if (clear) {
    box.replaceChildren();
    frames.clear();
  }
  for (const event of events || []) {
    if (event.type === "menu") continue;
    const section = el("div");
    section.append(el("strong", `${event.type}${event.title ? `: ${event.title}` : ""}`));
    if (event.html) {
      // allow-scripts without allow-same-origin: the page cannot reach this page or the API itself.
      const frame = el("iframe", undefined, {
        sandbox: "allow-scripts allow-forms",
        title: event.title || event.type,
      });
      frame.srcdoc = withStandIn(event.html);
      section.append(frame);
      box.append(section);
      frames.set(frame.contentWindow, section);
      continue;
    }
    // Only a dialog that offered a choice shows which button was pressed.
    const choice = event.buttons && event.buttons !== "OK" && event.response ? `→ ${event.response}` : "";
    section.append(
      el("pre", [event.message, event.text && `“${event.text}”`, choice].filter(Boolean).join("\n")),
    );
    box.append(section);
  }
}

const buttonLabels = { OK: "OK", CANCEL: "Cancel", YES: "Yes", NO: "No", CLOSE: "Close" };

/** Shows the add-on's alert or prompt as Sheets would, and hands the person's answer on. */
function ask(dialog, then) {
  const box = $("ask");
  box.replaceChildren();
  box.append(el("h2", dialog.title || "Peer Exchange", { id: "ask-title" }), el("p", dialog.message || ""));
  const input =
    dialog.type === "prompt"
      ? el("input", undefined, { type: "text", "aria-label": dialog.message || "Answer" })
      : null;
  if (input) box.append(input);
  const row = el("div", undefined, { class: "buttons" });
  let answered = false;
  const answer = (button) => {
    if (answered) return;
    answered = true;
    box.close();
    then(input ? { button, text: button === "CLOSE" ? "" : input.value } : button);
  };
  for (const choice of dialog.choices) {
    const button = el("button", buttonLabels[choice] ?? choice, { type: "button" });
    button.addEventListener("click", () => answer(choice));
    row.append(button);
  }
  box.append(row);
  box.oncancel = () => answer("CLOSE");
  input?.addEventListener("keydown", (event) => {
    if (event.key === "Enter") answer(dialog.choices[0]);
  });
  box.showModal();
  input?.focus();
}

// Each dialog the item raises is answered here; the run is replayed with the answers so far.
async function run(fn, answers = []) {
  const result = await api("/api/run", { fn, args: [], responses: answers, interactive: true });
  if (result.awaiting) {
    ask(result.awaiting, (answer) => run(fn, [...answers, answer]));
    return;
  }
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
