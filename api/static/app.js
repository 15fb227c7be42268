// The timeline page: draws /timeline/vis with vis-timeline and shows /events/{id} in the side panel.
// Every value from the API goes into the DOM as text, never as HTML.
"use strict";

const EVENT_TYPES = [
  "rocket_attack", "drone_attack", "missile_attack", "airstrike", "other_attack", "phone_call",
  "meeting", "visit", "statement", "resignation", "appointment", "protest", "deployment",
  "legal_action", "agreement", "death",
];
const PAGE_LIMIT = 500;
// The page opens on the densest recent period: the DENSE_DAYS-day window holding the most events
// (by their first day, /timeline/histogram) among the last RECENT_MONTHS months of the data, the
// latest such window on a tie. One stray old event then no longer stretches the first view.
const DENSE_DAYS = 60;
const RECENT_MONTHS = 24;
const DAY_MS = 864e5;

const $ = (id) => document.getElementById(id);
let timeline = null;
let openedDense = null; // the densest window the page opened on, until the user changes the window

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

// Errors come as RFC 9457 problem details: detail names the input, closest the nearest names.
async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({ detail: `HTTP ${response.status}` }));
  if (!response.ok) {
    const closest = Array.isArray(body.closest) && body.closest.length
      ? ` Closest: ${body.closest.map((a) => a.name).join(", ")}.` : "";
    throw new Error(`${body.detail || body.title || "request failed"}${closest}`);
  }
  return body;
}

function showError(message) {
  $("error").textContent = message;
  $("error").hidden = !message;
}

function fmtDate(d) {
  if (!d) return "date unknown";
  const start = new Date(`${d.start}T00:00:00Z`);
  const opts = { timeZone: "UTC", year: "numeric", month: "short", day: "numeric" };
  if (d.precision === "year") return String(start.getUTCFullYear());
  if (d.precision === "month") return start.toLocaleDateString("en-GB", { ...opts, day: undefined });
  const first = start.toLocaleDateString("en-GB", opts);
  if (d.start === d.end) return first;
  const last = new Date(`${d.end}T00:00:00Z`).toLocaleDateString("en-GB", opts);
  return `${first} – ${last} (${d.precision})`;
}

// The types to ask for: the chosen one, or every type; hidden statements are left out.
function types() {
  const chosen = $("type").value ? [$("type").value] : [];
  if ($("statements").value !== "hide") return chosen;
  return (chosen.length ? chosen : EVENT_TYPES).filter((t) => t !== "statement");
}

function filterParams() {
  const out = new URLSearchParams();
  for (const id of ["q", "start", "end", "actor", "disputed"]) {
    const value = $(id).value.trim();
    if (value) out.set(id, value);
  }
  for (const t of types()) out.append("type", t);
  out.set("match", $("match").value);
  return out;
}

function params() {
  const out = filterParams();
  out.set("limit", String(PAGE_LIMIT));
  return out;
}

// The download links carry the query of what is shown (the export routes take /timeline's parameters).
function updateDownloads() {
  const query = params().toString();
  $("export-csv").href = `/export.csv?${query}`;
  $("export-geojson").href = `/export.geojson?${query}`;
}

const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);

// The densest DENSE_DAYS-day window among the last RECENT_MONTHS months of day buckets, or null.
function densestWindow(buckets) {
  if (!buckets.length) return null;
  const days = buckets.map((b) => ({ t: Date.parse(`${b.start}T00:00:00Z`), n: b.total }));
  const latest = new Date(days[days.length - 1].t);
  const from = Date.UTC(latest.getUTCFullYear(), latest.getUTCMonth() - RECENT_MONTHS, latest.getUTCDate());
  const recent = days.filter((d) => d.t > from);
  let best = null;
  let sum = 0;
  let i = 0;
  for (let j = 0; j < recent.length; j += 1) {
    sum += recent[j].n;
    while (recent[i].t <= recent[j].t - DENSE_DAYS * DAY_MS) sum -= recent[i++].n;
    if (best === null || sum >= best.events) best = { end: recent[j].t, events: sum };
  }
  return { start: isoDay(best.end - (DENSE_DAYS - 1) * DAY_MS), end: isoDay(best.end), events: best.events };
}

// With no window given, open on the densest recent period instead of the whole span.
async function openOnDensest() {
  if ($("q").value || $("start").value || $("end").value) return;
  const query = filterParams();
  query.set("bucket", "day");
  try {
    const body = await getJSON(`/timeline/histogram?${query}`);
    openedDense = densestWindow(body.buckets);
  } catch (err) {
    showError(err.message);
    return;
  }
  if (openedDense) {
    $("start").value = openedDense.start;
    $("end").value = openedDense.end;
  }
}

function describeWindow(body, count) {
  const w = body.window;
  const parts = [`${count} event${count === 1 ? "" : "s"}`];
  if (w.start || w.end) parts.push(`from ${w.start || "the beginning"} to ${w.end || "the end"}`);
  if (w.query) parts.push(`for “${w.query}”`);
  if (w.resolved_year && !w.year_given) parts.push(`(year chosen: ${w.resolved_year})`);
  if (w.other_years.length) {
    parts.push(`— also events in ${w.other_years.map((y) => `${y.year} (${y.events})`).join(", ")}`);
  }
  const f = body.filters;
  if (f.actor) parts.push(`involving ${f.actor.name}`);
  if (body.next_cursor) parts.push(`— first ${PAGE_LIMIT} shown, narrow the window for more`);
  if (openedDense && w.start === openedDense.start && w.end === openedDense.end) {
    parts.push(`— the busiest ${DENSE_DAYS} days of the latest ${RECENT_MONTHS} months; clear From and To for the whole span`);
  }
  return parts.join(" ");
}

async function load() {
  showError("");
  let body;
  try {
    body = await getJSON(`/timeline/vis?${params()}`);
  } catch (err) {
    showError(err.message);
    return;
  }
  $("window").textContent = describeWindow(body, body.items.length);
  updateDownloads();
  if (body.window.query && body.window.start) {
    $("start").value = "";
    $("end").value = "";
  }
  const framed = frame(body.items);
  const items = new vis.DataSet(body.items);
  const groups = new vis.DataSet(body.groups.map((g) => (
    g.id === "statement" ? { ...g, className: "lane-statements" } : g)));
  if (timeline === null) {
    // the first window goes in the options: without one, vis fits all items after its first draw,
    // undoing any window set meanwhile
    timeline = new vis.Timeline($("timeline"), items, groups, {
      ...(framed || {}),
      stack: true,
      zoomKey: "ctrlKey",
      orientation: { axis: "top", item: "top" },
      margin: { item: 6 },
      tooltip: { followMouse: true },
      maxHeight: "70vh",
      // statements in the last lane, below the events they talk about
      groupOrder: (a, b) => (a.id === "statement") - (b.id === "statement") || a.content.localeCompare(b.content),
    });
    timeline.on("select", ({ items: selected }) => {
      if (selected.length) showEvent(selected[0]);
    });
  } else {
    timeline.setGroups(groups);
    timeline.setItems(items);
  }
  document.body.dataset.items = String(body.items.length);
  if (framed) timeline.setWindow(framed.start, framed.end, { animation: false });
}

// Like timeline.fit(), with room on the right for the labels of the latest point items; null when
// there is nothing to frame.
function frame(items) {
  if (!items.length) return null;
  const starts = items.map((i) => Date.parse(i.start));
  const ends = items.map((i) => Date.parse(i.end || i.start));
  const lo = Math.min(...starts);
  const hi = Math.max(...ends);
  const span = Math.max(hi - lo, 14 * 864e5);
  return { start: lo - span * 0.04, end: hi + span * 0.3 };
}

function actorList(title, actors) {
  if (!actors.length) return null;
  return el("p", {}, el("strong", {}, `${title}: `), actors.map((a) => a.name).join(", "));
}

function sourceCard(src) {
  const art = src.article || {};
  const heading = art.url
    ? el("a", { href: art.url, target: "_blank", rel: "noopener noreferrer" }, art.title || src.doc)
    : el("span", {}, art.title || src.doc);
  const meta = [art.publisher, art.published ? `published ${art.published}` : null].filter(Boolean).join(" · ");
  const gave = src.date_text ? `“${src.date_text}” → ${fmtDate(src.date)}` : `date given: ${fmtDate(src.date)}`;
  return el(
    "li", { class: "source" },
    el("h4", {}, heading),
    meta ? el("p", { class: "meta" }, meta) : null,
    el("blockquote", {}, src.sentence),
    el("p", { class: "gave" }, gave),
  );
}

async function showEvent(id) {
  const panel = $("panel");
  panel.replaceChildren(el("p", { class: "hint" }, "Loading…"));
  let ev;
  try {
    ev = await getJSON(`/events/${encodeURIComponent(id)}`);
  } catch (err) {
    panel.replaceChildren(el("p", { class: "error" }, err.message));
    return;
  }
  const badge = ev.disputed
    ? el("div", { class: "badge disputed" }, "disputed",
      el("ul", {}, ...ev.claims.map((c) => el("li", {}, `${fmtDate(c.date)} — ${c.sources} source${c.sources === 1 ? "" : "s"}`))))
    : null;
  panel.replaceChildren(...[
    el("p", { class: "type" }, ev.type.replace(/_/g, " ")),
    el("h2", {}, ev.summary),
    el("p", { class: "when" }, fmtDate(ev.date)),
    badge,
    actorList("Who", ev.agents),
    actorList("To whom", ev.targets),
    ev.place ? el("p", {}, el("strong", {}, "Where: "), ev.place.name) : null,
    el("p", { class: "meta" }, `confidence ${ev.confidence} · CAMEO ${ev.cameo} · PLOVER ${ev.plover}`),
    el("h3", {}, `Sources (${ev.sources.length})`),
    el("ol", { class: "sources" }, ...ev.sources.map(sourceCard)),
  ].filter((node) => node !== null)); // replaceChildren would print a null as "null"
  panel.dataset.event = ev.id;
}

let searchTimer = null;
function suggestActors() {
  clearTimeout(searchTimer);
  const q = $("actor").value.trim();
  if (q.length < 2) return;
  searchTimer = setTimeout(async () => {
    try {
      const body = await getJSON(`/actors?${new URLSearchParams({ q, limit: "10" })}`);
      $("actor-list").replaceChildren(...body.actors.map((a) => el("option", { value: a.name }, a.kind)));
    } catch (err) {
      showError(err.message);
    }
  }, 200);
}

async function showStats() {
  try {
    const health = await getJSON("/health");
    const c = health.counts;
    $("stats").textContent = c
      ? `${c.events} events · ${c.actors} actors · ${c.articles} articles · ${health.store} store`
      : `${health.store} store: ${health.status}`;
  } catch (err) {
    $("stats").textContent = err.message;
  }
}

function init() {
  if (typeof vis === "undefined") {
    showError("vis-timeline is missing: run `make web` (scripts/web.sh) to install it.");
    return;
  }
  $("type").append(...EVENT_TYPES.map((t) => el("option", { value: t }, t.replace(/_/g, " "))));
  $("filters").addEventListener("submit", (e) => { e.preventDefault(); load(); });
  // the form's reset() is shadowed by its button of id "reset": call the prototype's
  $("reset").addEventListener("click", async () => {
    HTMLFormElement.prototype.reset.call($("filters"));
    await openOnDensest();
    load();
  });
  $("q").addEventListener("input", () => { if ($("q").value) { $("start").value = ""; $("end").value = ""; } });
  for (const id of ["start", "end"]) $(id).addEventListener("input", () => { $("q").value = ""; });
  // hiding statements and choosing them contradict each other: the latest choice wins (before load)
  $("statements").addEventListener("change", () => {
    if ($("statements").value === "hide" && $("type").value === "statement") $("type").value = "";
  });
  $("type").addEventListener("change", () => {
    if ($("type").value === "statement") $("statements").value = "lane";
  });
  for (const id of ["type", "match", "disputed", "statements"]) $(id).addEventListener("change", load);
  $("actor").addEventListener("input", suggestActors);
  showStats();
  openOnDensest().then(load);
}

init();
