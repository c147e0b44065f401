// The sandbox's workbook page: each tab as Sheets shows it (number formats, conditional colours,
// checkboxes and dropdowns), editable as a person edits in Sheets, with its charts drawn, the add-on's
// menu, the mail it sent and its triggers. Every cell is rendered with textContent: clip text is never HTML.

const $ = (id) => document.getElementById(id);
let workbook = null;
let current = null;
let shownRows = 500;
let active = { r: 1, c: 1 };
const charts = [];

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

function say(message, error = false) {
  const status = $("status");
  status.textContent = message;
  status.classList.toggle("error", error);
}

// ---- A1 references -------------------------------------------------------------------------------

function letters(col) {
  let name = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function column(text) {
  let n = 0;
  for (const ch of text) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** "'Tab'!A2:C10", "A2:A", "B3" → { sheet, row, col, endRow, endCol } (1-based; open ends are Infinity). */
function parseRange(a1) {
  const bang = a1.lastIndexOf("!");
  let sheet = null;
  let text = a1;
  if (bang >= 0) {
    sheet = a1
      .slice(0, bang)
      .replace(/^'(.*)'$/, "$1")
      .replace(/''/g, "'");
    text = a1.slice(bang + 1);
  }
  const [a, b = a] = text.replace(/\$/g, "").split(":");
  const part = (p) => /^([A-Z]*)(\d*)$/.exec(p) || ["", "", ""];
  const [, c1, r1] = part(a);
  const [, c2, r2] = part(b);
  return {
    sheet,
    row: r1 ? Number(r1) : 1,
    col: c1 ? column(c1) : 1,
    endRow: r2 ? Number(r2) : Infinity,
    endCol: c2 ? column(c2) : Infinity,
  };
}

const inside = (rect, r, c) => r >= rect.row && r <= rect.endRow && c >= rect.col && c <= rect.endCol;

function sheetNamed(name) {
  return workbook.sheets.find((s) => s.name === name);
}

/** The values a range covers, trimmed to the tab's data. */
function rangeValues(a1, fallbackSheet) {
  const rect = parseRange(a1);
  const sheet = sheetNamed(rect.sheet ?? fallbackSheet);
  if (!sheet) return [];
  const rows = [];
  for (let r = rect.row; r <= Math.min(rect.endRow, sheet.values.length); r++) {
    const line = sheet.values[r - 1] || [];
    rows.push(line.slice(rect.col - 1, Math.min(rect.endCol, line.length)));
  }
  return rows;
}

// ---- Validation and conditional formats ----------------------------------------------------------

function ruleAt(sheet, r, c) {
  return sheet.validations.find((v) => inside(parseRange(v.a1), r, c)) || null;
}

function listOptions(sheet, rule) {
  if (rule.criteria === "VALUE_IN_LIST") return (rule.values[0] || []).map(String);
  if (rule.criteria === "VALUE_IN_RANGE" && typeof rule.values[0] === "string") {
    return rangeValues(rule.values[0], sheet.name)
      .flat()
      .filter((v) => v !== "")
      .map(String);
  }
  return null;
}

function literal(text) {
  const t = text.trim();
  if (/^TRUE(\(\))?$/i.test(t)) return true;
  if (/^FALSE(\(\))?$/i.test(t)) return false;
  if (/^".*"$/.test(t)) return t.slice(1, -1).replace(/""/g, '"');
  if (t !== "" && Number.isFinite(Number(t))) return Number(t);
  return undefined;
}

function compare(left, op, right) {
  const l = typeof left === "string" && typeof right === "string" ? left.toLowerCase() : left;
  const r = typeof left === "string" && typeof right === "string" ? right.toLowerCase() : right;
  switch (op) {
    case "=":
      return l === r;
    case "<>":
      return l !== r;
    case "<":
      return l < r;
    case ">":
      return l > r;
    case "<=":
      return l <= r;
    case ">=":
      return l >= r;
  }
  return false;
}

/**
 * Whether a conditional rule holds at (r, c): text and number criteria, and the custom formulas the
 * schema writes (a cell reference compared with a literal), relative to the range's top-left cell.
 */
function ruleHolds(sheet, rule, range, r, c) {
  const value = sheet.values[r - 1]?.[c - 1] ?? "";
  const [a, b] = rule.values;
  switch (rule.criteria) {
    case "TEXT_EQUAL_TO":
      return String(value).toLowerCase() === String(a).toLowerCase();
    case "TEXT_CONTAINS":
      return String(value).toLowerCase().includes(String(a).toLowerCase());
    case "CELL_EMPTY":
      return value === "";
    case "CELL_NOT_EMPTY":
      return value !== "";
    case "NUMBER_GREATER_THAN":
      return typeof value === "number" && value > Number(a);
    case "NUMBER_LESS_THAN":
      return typeof value === "number" && value < Number(a);
    case "NUMBER_BETWEEN":
      return typeof value === "number" && value >= Number(a) && value <= Number(b);
    case "CUSTOM_FORMULA": {
      const m = /^=\s*\$?([A-Z]+)(\$?)(\d+)\s*(<>|<=|>=|=|<|>)\s*(.+)$/.exec(String(a));
      if (!m) return false;
      const right = literal(m[5]);
      if (right === undefined) return false;
      const col = column(m[1]);
      const row = m[2] === "$" ? Number(m[3]) : Number(m[3]) + (r - range.row);
      const refCol = col + (/\$[A-Z]/.test(String(a)) ? 0 : c - range.col);
      return compare(sheet.values[row - 1]?.[refCol - 1] ?? "", m[4], right);
    }
  }
  return false;
}

function backgroundAt(sheet, r, c) {
  for (const rule of sheet.conditionalFormats) {
    for (const a1 of rule.ranges) {
      const range = parseRange(a1);
      if (inside(range, r, c) && ruleHolds(sheet, rule, range, r, c)) return rule.format.background || null;
    }
  }
  return null;
}

// ---- The grid ------------------------------------------------------------------------------------

function cellNode(r, c) {
  return $("grid").querySelector(`td[data-r="${r}"][data-c="${c}"]`);
}

function focusCell(r, c) {
  const sheet = sheetNamed(current);
  const maxRow = Math.min(gridRows(sheet), shownRows);
  const maxCol = Math.max(sheet.values[0]?.length ?? 1, 1);
  const row = Math.min(Math.max(r, 1), maxRow);
  const col = Math.min(Math.max(c, 1), maxCol);
  const old = cellNode(active.r, active.c);
  if (old) {
    old.tabIndex = -1;
    old.setAttribute("aria-selected", "false");
  }
  active = { r: row, c: col };
  const cell = cellNode(row, col);
  if (!cell) return;
  cell.tabIndex = 0;
  cell.setAttribute("aria-selected", "true");
  cell.focus();
}

function renderCell(sheet, r, c) {
  const value = sheet.values[r - 1]?.[c - 1] ?? "";
  const shown = sheet.display?.[r - 1]?.[c - 1] ?? String(value);
  const formula = sheet.formulas?.[r - 1]?.[c - 1];
  const rule = r > sheet.frozenRows ? ruleAt(sheet, r, c) : null;
  const td = el("td", undefined, {
    role: "gridcell",
    "data-r": String(r),
    "data-c": String(c),
    tabindex: "-1",
  });
  if (rule?.criteria === "CHECKBOX") {
    const box = el("input", undefined, {
      type: "checkbox",
      tabindex: "-1",
      "aria-label": `${letters(c)}${r}`,
    });
    box.checked = value === true;
    box.addEventListener("change", () => commit(r, c, box.checked));
    td.append(box);
  } else {
    td.textContent = shown;
  }
  if (typeof value === "number") td.classList.add("num");
  // A dropdown's cell shows its chevron, as in Sheets.
  if (rule && (rule.criteria === "VALUE_IN_LIST" || rule.criteria === "VALUE_IN_RANGE"))
    td.classList.add("list");
  if (formula) {
    td.classList.add("formula");
    td.title = formula;
  } else if (rule?.helpText) td.title = rule.helpText;
  const background = r > sheet.frozenRows ? backgroundAt(sheet, r, c) : null;
  if (background) td.style.background = background;
  return td;
}

/** Rows shown: the data and some empty rows below it to type into, as Sheets shows its empty grid. */
function gridRows(sheet) {
  return Math.min(sheet.values.length + 20, Math.max(sheet.maxRows, sheet.values.length));
}

function renderGrid(sheet) {
  const grid = $("grid");
  grid.replaceChildren();
  grid.setAttribute("aria-label", `${sheet.name}${sheet.hidden ? " (hidden tab)" : ""}`);
  const width = Math.max(sheet.values[0]?.length ?? 0, 1);
  const rows = gridRows(sheet);
  grid.setAttribute("aria-rowcount", String(rows + 1));
  const head = el("thead");
  const headRow = el("tr", undefined, { role: "row" });
  const corner = el("th", undefined, { role: "columnheader", scope: "col" });
  corner.append(el("span", "Row", { class: "visually-hidden" }));
  headRow.append(corner);
  for (let c = 1; c <= width; c++)
    headRow.append(el("th", letters(c), { role: "columnheader", scope: "col" }));
  head.append(headRow);
  const body = el("tbody");
  for (let r = 1; r <= Math.min(rows, shownRows); r++) {
    const tr = el("tr", undefined, { role: "row", "aria-rowindex": String(r + 1) });
    if (r <= sheet.frozenRows) tr.classList.add("frozen");
    tr.append(el("th", r, { role: "rowheader", scope: "row" }));
    for (let c = 1; c <= width; c++) tr.append(renderCell(sheet, r, c));
    body.append(tr);
  }
  grid.append(head, body);
  if (rows === 0) {
    const tr = el("tr", undefined, { role: "row" });
    tr.append(
      el("th", 1, { role: "rowheader", scope: "row" }),
      el("td", "", { role: "gridcell", "data-r": "1", "data-c": "1", tabindex: "-1" }),
    );
    body.append(tr);
  }
  $("more").hidden = sheet.values.length <= shownRows;
  $("more").textContent = `Show more rows (${Math.min(rows, shownRows)} of ${rows} shown)`;
  const cell = cellNode(Math.min(active.r, Math.max(rows, 1)), Math.min(active.c, width)) || cellNode(1, 1);
  if (cell) {
    cell.tabIndex = 0;
    cell.setAttribute("aria-selected", "true");
    active = { r: Number(cell.dataset.r), c: Number(cell.dataset.c) };
  }
}

async function commit(r, c, value) {
  const range = `${letters(c)}${r}`;
  const result = await api("/api/edit", { sheet: current, range, values: [[value]] });
  await refresh();
  focusCell(r, c);
  // Said once the grid shows the outcome.
  if (result.ok) say(`Saved ${current}!${range}.`);
  else say(result.error?.message ?? "The edit was refused.", true);
}

/** Edits a cell in place: a dropdown where validation lists the choices, else a text box. */
function startEdit(r, c, typed) {
  const sheet = sheetNamed(current);
  const cell = cellNode(r, c);
  if (!cell || cell.querySelector("input[type=text], select")) return;
  const rule = ruleAt(sheet, r, c);
  if (rule?.criteria === "CHECKBOX") {
    commit(r, c, sheet.values[r - 1]?.[c - 1] !== true);
    return;
  }
  const formula = sheet.formulas?.[r - 1]?.[c - 1];
  const current_ = formula || (sheet.display?.[r - 1]?.[c - 1] ?? "");
  const options = rule ? listOptions(sheet, rule) : null;
  const label = `Edit ${letters(c)}${r}${rule?.helpText ? `: ${rule.helpText}` : ""}`;
  let editor;
  if (options) {
    editor = el("select", undefined, { "aria-label": label });
    editor.append(el("option", "", { value: "" }));
    for (const option of options) editor.append(el("option", option, { value: option }));
    editor.value = options.includes(current_) ? current_ : "";
  } else {
    editor = el("input", undefined, { type: "text", "aria-label": label });
    editor.value = typed ?? current_;
  }
  cell.replaceChildren(editor);
  editor.focus();
  let done = false;
  const finish = (save) => {
    if (done) return;
    done = true;
    if (save) commit(r, c, editor.value);
    else {
      cell.replaceChildren();
      cell.textContent = sheet.display?.[r - 1]?.[c - 1] ?? "";
      focusCell(r, c);
    }
  };
  editor.addEventListener("keydown", (event) => {
    event.stopPropagation();
    if (event.key === "Enter") {
      event.preventDefault();
      finish(true);
    } else if (event.key === "Escape") {
      event.preventDefault();
      finish(false);
    } else if (event.key === "Tab") {
      event.preventDefault();
      finish(true);
    }
  });
  if (options) editor.addEventListener("change", () => finish(true));
  editor.addEventListener("blur", () => finish(!options && editor.value !== current_));
}

$("grid").addEventListener("keydown", (event) => {
  const target = event.target.closest("td[data-r]");
  if (!target) return;
  const r = Number(target.dataset.r);
  const c = Number(target.dataset.c);
  const moves = {
    ArrowUp: [-1, 0],
    ArrowDown: [1, 0],
    ArrowLeft: [0, -1],
    ArrowRight: [0, 1],
    Home: [0, -c + 1],
  };
  if (event.key in moves) {
    event.preventDefault();
    const [dr, dc] = moves[event.key];
    focusCell(r + dr, c + dc);
  } else if (event.key === "Enter" || event.key === "F2") {
    event.preventDefault();
    startEdit(r, c);
  } else if (event.key === " " && ruleAt(sheetNamed(current), r, c)?.criteria === "CHECKBOX") {
    event.preventDefault();
    startEdit(r, c);
  } else if (event.key === "Delete" || event.key === "Backspace") {
    event.preventDefault();
    commit(r, c, "");
  } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
    event.preventDefault();
    startEdit(r, c, event.key);
  }
});
$("grid").addEventListener("click", (event) => {
  const target = event.target.closest("td[data-r]");
  if (target) focusCell(Number(target.dataset.r), Number(target.dataset.c));
});
$("grid").addEventListener("dblclick", (event) => {
  const target = event.target.closest("td[data-r]");
  if (target) startEdit(Number(target.dataset.r), Number(target.dataset.c));
});
$("more").addEventListener("click", () => {
  shownRows += 1000;
  showSheet(current);
});

// ---- Charts, drawn from the recorded EmbeddedChart specs with Chart.js -----------------------------

const palette = ["#3366cc", "#dc3912", "#ff9900", "#109618", "#990099", "#0099c6", "#dd4477", "#66aa00"];

/** The chart's data table: its ranges side by side, the first row as series names when it is text. */
function chartTable(spec, sheetName) {
  const blocks = spec.ranges.map((a1) => rangeValues(a1, sheetName));
  const height = Math.max(0, ...blocks.map((b) => b.length));
  const table = [];
  for (let r = 0; r < height; r++) table.push(blocks.flatMap((b) => b[r] || []));
  const header = table[0]?.slice(1).every((v) => typeof v === "string") ? table.shift() : null;
  return { header, rows: table.filter((row) => row.some((v) => v !== "")) };
}

function chartConfig(spec, sheetName) {
  const { header, rows } = chartTable(spec, sheetName);
  const o = spec.options || {};
  const name = (i) => (header ? String(header[i]) : `Series ${i}`);
  const series = o.series || {};
  const axisTitle = (axis) => (axis?.title ? { display: true, text: axis.title } : { display: false });
  const type = spec.type;
  const stacked = o.isStacked === true || o.isStacked === "true";
  const base = {
    animation: false,
    responsive: false,
    plugins: {
      title: { display: Boolean(o.title), text: o.title || "" },
      legend: {
        display: o.legend?.position !== "none",
        position: o.legend?.position === "right" ? "right" : "bottom",
      },
    },
  };
  if (type === "PIE") {
    return {
      type: "pie",
      data: {
        labels: rows.map((r) => String(r[0])),
        datasets: [{ data: rows.map((r) => Number(r[1]) || 0), backgroundColor: palette }],
      },
      options: base,
    };
  }
  if (type === "BUBBLE") {
    const groups = new Map();
    for (const row of rows) {
      const key = row.length > 4 ? String(row[3]) : "";
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push({
        x: Number(row[1]),
        y: Number(row[2]),
        r: 4 + 3 * (Number(row[row.length > 4 ? 4 : 3]) || 1),
        label: String(row[0]),
      });
    }
    return {
      type: "bubble",
      data: {
        datasets: [...groups].map(([label, data], i) => ({
          label: label || name(1),
          data,
          backgroundColor: `${palette[i % palette.length]}99`,
        })),
      },
      options: { ...base, scales: { x: { title: axisTitle(o.hAxis) }, y: { title: axisTitle(o.vAxis) } } },
    };
  }
  const width = Math.max(0, ...rows.map((r) => r.length));
  const datasets = [];
  for (let i = 1; i < width; i++) {
    const s = series[String(i - 1)] || {};
    const color = palette[(i - 1) % palette.length];
    datasets.push({
      label: name(i),
      data: rows.map((r) => (typeof r[i] === "number" ? r[i] : r[i] === "" ? null : Number(r[i]))),
      backgroundColor: color,
      borderColor: color,
      borderDash: s.lineDashStyle || undefined,
      pointRadius: s.pointSize ?? o.pointSize ?? 3,
      fill: type === "AREA",
    });
  }
  const labels = rows.map((r) => {
    const v = r[0];
    return typeof v === "string" && /^\d{4}-\d\d-\d\dT/.test(v) ? v.slice(0, 10) : String(v);
  });
  const horizontal = type === "BAR";
  return {
    type: type === "LINE" || type === "AREA" ? "line" : type === "SCATTER" ? "scatter" : "bar",
    data: { labels, datasets },
    options: {
      ...base,
      indexAxis: horizontal ? "y" : "x",
      scales: {
        x: { stacked, title: axisTitle(o.hAxis) },
        y: { stacked, title: axisTitle(o.vAxis) },
      },
    },
  };
}

function renderCharts(sheet) {
  for (const chart of charts.splice(0)) chart.destroy();
  const box = $("charts");
  box.replaceChildren();
  $("charts-section").hidden = sheet.charts.length === 0;
  const ordered = [...sheet.charts].sort(
    (a, b) =>
      a.position.anchorRow - b.position.anchorRow || a.position.anchorColumn - b.position.anchorColumn,
  );
  for (const spec of ordered) {
    const title = spec.options?.title || `${spec.type.toLowerCase()} chart`;
    const figure = el("figure");
    const canvas = el("canvas", undefined, {
      width: "540",
      height: "300",
      role: "img",
      "aria-label": `${title} (${spec.type.toLowerCase()} chart of ${spec.ranges.join(", ")})`,
    });
    figure.append(
      canvas,
      el("figcaption", `${title}: ${spec.type.toLowerCase()} chart of ${spec.ranges.join(", ")}`),
    );
    box.append(figure);
    if (window.Chart) charts.push(new window.Chart(canvas, chartConfig(spec, sheet.name)));
  }
}

function showSheet(name) {
  if (name !== current) {
    shownRows = 500;
    active = { r: 1, c: 1 };
  }
  current = name;
  for (const button of $("tabs").querySelectorAll("button")) {
    if (button.dataset.name === name) button.setAttribute("aria-current", "page");
    else button.removeAttribute("aria-current");
  }
  const sheet = sheetNamed(name);
  if (!sheet) return;
  renderGrid(sheet);
  renderCharts(sheet);
}

async function refresh() {
  workbook = await api("/api/view");
  $("title").textContent = `Peer Exchange sandbox: ${workbook.name ?? ""}`;
  const tabs = $("tabs");
  tabs.replaceChildren();
  for (const sheet of workbook.sheets || []) {
    const item = el("li");
    const button = el("button", sheet.hidden ? `${sheet.name} (hidden)` : sheet.name, { type: "button" });
    if (sheet.hidden) button.classList.add("hidden-tab");
    button.dataset.name = sheet.name;
    button.addEventListener("click", () => showSheet(sheet.name));
    item.append(button);
    tabs.append(item);
  }
  showSheet(
    current && workbook.sheets.some((s) => s.name === current) ? current : workbook.sheets?.[0]?.name,
  );
  await showOutbox();
}

// ---- Outbox and triggers --------------------------------------------------------------------------

const when = (iso) => (iso ? iso.replace("T", " ").slice(0, 16) : "");

async function showOutbox() {
  const box = await api("/api/outbox");
  const mail = $("outbox");
  mail.replaceChildren();
  if (box.mail.length === 0) mail.append(el("p", "No mail sent yet."));
  else {
    const table = el("table");
    const head = el("tr");
    for (const h of ["To", "Subject", "Sent"]) head.append(el("th", h, { scope: "col" }));
    table.append(el("thead"), el("tbody"));
    table.tHead.append(head);
    for (const m of box.mail) {
      const row = el("tr");
      const subject = el("td");
      const details = el("details");
      details.append(el("summary", m.subject), el("pre", m.body));
      subject.append(details);
      row.append(el("td", m.to), subject, el("td", when(m.sentAt)));
      table.tBodies[0].append(row);
    }
    mail.append(table);
  }
  const triggers = $("triggers");
  triggers.replaceChildren();
  if (box.triggers.length === 0) triggers.append(el("p", "No triggers installed."));
  const list = el("ul");
  for (const t of box.triggers) {
    list.append(
      el("li", `${t.handler}: ${t.kind}, ${t.schedule}${t.nextFire ? `; next ${when(t.nextFire)}` : ""}`),
    );
  }
  if (box.triggers.length) triggers.append(list);
  triggers.append(el("p", `Clock: ${when(box.now)} UTC`, { class: "help" }));
  if (box.canAdvanceClock) {
    const advance = el("button", "Advance the clock one day", { type: "button" });
    advance.addEventListener("click", async () => {
      await api("/api/advance", { hours: 24 });
      await refresh();
    });
    triggers.append(advance);
  }
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
let asked = 0;
function ask(dialog, then) {
  const box = $("ask");
  // Counts the questions asked, so a tool driving the page can tell one dialog from the next.
  box.dataset.asked = String(++asked);
  const opener = document.activeElement;
  box.replaceChildren();
  box.append(
    el("h2", dialog.title || "Peer Exchange", { id: "ask-title" }),
    el("p", dialog.message || "", { id: "ask-message" }),
  );
  box.setAttribute("aria-describedby", "ask-message");
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
    if (opener?.isConnected) opener.focus();
    then(input ? { button, text: button === "CLOSE" ? "" : input.value } : button);
  };
  for (const choice of dialog.choices) {
    const button = el("button", dialog.labels?.[choice] ?? buttonLabels[choice] ?? choice, {
      type: "button",
    });
    button.addEventListener("click", () => answer(choice));
    row.append(button);
  }
  box.append(row);
  box.oncancel = (event) => {
    event.preventDefault();
    answer(dialog.choices.includes("CANCEL") ? "CANCEL" : "CLOSE");
  };
  input?.addEventListener("keydown", (event) => {
    if (event.key === "Enter") answer(dialog.choices[0]);
  });
  box.showModal();
  (input || row.querySelector("button"))?.focus();
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

/** Reset asks first, and says what goes. */
function confirmReset(demo) {
  ask(
    {
      type: "alert",
      title: demo ? "Load the demo exchange?" : "Reset the workbook?",
      message: `This removes every tab and row of this workbook, its charts, the mail in the outbox, the triggers and the add-on's saved settings${demo ? ", then loads the demo exchange (about ten seconds)" : ", leaving an empty workbook"}. It cannot be undone.`,
      choices: ["OK", "CANCEL"],
      labels: { OK: demo ? "Remove all and load the demo" : "Remove all", CANCEL: "Keep my workbook" },
    },
    async (answer) => {
      if (answer !== "OK") return;
      say(demo ? "Loading the demo exchange…" : "Resetting…");
      await api("/api/reset", demo ? { demo: true } : {});
      say(demo ? "The demo exchange is loaded." : "The workbook is empty.");
      current = null;
      await refresh();
      await loadMenu();
    },
  );
}

$("refresh").addEventListener("click", refresh);
$("reset").addEventListener("click", () => confirmReset(false));
$("demo").addEventListener("click", () => confirmReset(true));
window.__ready = refresh().then(loadMenu);

// A modal dialog keeps Tab inside itself: from the last control back to the first, and the other way.
$("ask").addEventListener("keydown", (event) => {
  if (event.key !== "Tab") return;
  const controls = [...$("ask").querySelectorAll("button, input, select, textarea")];
  const first = controls[0];
  const last = controls[controls.length - 1];
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
});
