// clearml-migrator's dashboard: the planner's own REST API and its Server-Sent Events, nothing else. No build step, no
// library: the page is served as it is written.
"use strict";

const $ = (id) => document.getElementById(id);
const FINAL = ["SUCCEEDED", "COMPLETED_WITH_ERRORS", "FAILED", "CANCELLED"];
const state = { token: sessionStorage.getItem("migrator-token") || "", selected: null, stream: null, samples: [], shown: null };

function headers(extra) {
  const all = Object.assign({ Accept: "application/json" }, extra || {});
  if (state.token) all.Authorization = "Bearer " + state.token;
  return all;
}

/** A call of the API; a 401 shows the token field, any other refusal shows the planner's own sentence. */
async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: headers(body === undefined ? {} : { "Content-Type": "application/json" }),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) {
    $("token-form").hidden = false;
    throw new Error("The planner asks for its API token.");
  }
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new Error((json && (json.message || json.error)) || response.status + " " + response.statusText);
  return json;
}

function say(text) { $("message").textContent = text || ""; }

async function refreshList() {
  try {
    const migrations = await api("GET", "/migrations");
    const rows = migrations.map((m) => {
      const row = document.createElement("tr");
      row.dataset.id = m.id;
      row.dataset.status = m.status;
      if (m.id === state.selected) row.classList.add("selected");
      const cells = [m.id.slice(0, 8), m.kind, m.status, done(m.tasks) + "/" + m.tasks.total, when(m.createdAt)];
      for (const value of cells) {
        const cell = document.createElement("td");
        cell.textContent = value;
        row.appendChild(cell);
      }
      row.cells[2].className = "status " + m.status;
      row.addEventListener("click", () => select(m.id));
      return row;
    });
    $("migrations").replaceChildren(...rows);
    if (!state.selected && migrations.length) select(migrations[0].id);
    say("");
  } catch (e) {
    say(e.message);
  }
}

function done(tasks) { return tasks.succeeded + tasks.failed + tasks.skipped; }
function when(instant) { return instant ? new Date(instant).toLocaleString() : ""; }

function select(id) {
  if (state.stream) state.stream.abort();
  state.selected = id;
  state.samples = [];
  for (const row of $("migrations").rows) row.classList.toggle("selected", row.dataset.id === id);
  $("detail").hidden = false;
  $("detail").dataset.id = id;
  $("report").textContent = "";
  follow(id);
}

/** The migration's Server-Sent Events, read with fetch so that the token goes in a header, not in the URL. */
async function follow(id) {
  const stream = new AbortController();
  state.stream = stream;
  try {
    const response = await fetch("/migrations/" + id + "/events", {
      headers: headers({ Accept: "text/event-stream" }),
      signal: stream.signal,
    });
    if (response.status === 401) { $("token-form").hidden = false; throw new Error("The planner asks for its API token."); }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done: ended } = await reader.read();
      if (ended) break;
      buffer += value;
      let boundary;
      while ((boundary = buffer.indexOf("\n\n")) >= 0) {
        const event = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        const data = event.split("\n").filter((l) => l.startsWith("data:")).map((l) => l.slice(5).trimStart()).join("\n");
        if (data && state.selected === id) show(JSON.parse(data));
      }
    }
    if (state.selected === id) loadReport(id);
  } catch (e) {
    if (e.name !== "AbortError") say(e.message);
  }
}

function show(m) {
  $("detail-kind").textContent = m.kind;
  $("detail-id").textContent = m.id;
  $("status").textContent = m.status;
  $("status").className = "status " + m.status;
  $("detail").dataset.status = m.status;
  $("notice").textContent = m.error || m.notice
    || (m.journalForgotten ? "Its journal was forgotten on " + m.journalForgotten + " (forget --stores): it can no longer be undone." : "");
  $("overall").max = Math.max(m.tasks.total, 1);
  $("overall").value = done(m.tasks);
  $("overall-text").textContent = done(m.tasks) + " of " + m.tasks.total + " tasks" + (m.tasks.failed ? ", " + m.tasks.failed + " failed" : "");
  const final = FINAL.includes(m.status);
  const rows = targetRows(m);
  if (rows) {
    showTargets(rows);
    showThroughput(rows);
  } else if (final) {
    // A final view carries no live progress: what was shown stays; a success ended every part.
    if (m.status === "SUCCEEDED") for (const bar of $("targets").querySelectorAll("progress")) bar.value = bar.max;
    if (!$("targets").children.length) $("targets").textContent = "Ended: each collection and index is in the report.";
  }
  $("cancel").hidden = final;
  $("retry").hidden = !(m.status === "COMPLETED_WITH_ERRORS" || m.status === "FAILED");
  $("undo").hidden = !(m.kind === "relink" && (m.status === "SUCCEEDED" || m.status === "COMPLETED_WITH_ERRORS") && !(m.relink && m.relink.dryRun) && !m.journalForgotten);
  showStateFiles(m);
  state.shown = m;
  refreshRow(m);
}

/** What the command did to the datasets' state files beside a relink or its undo, or found in an inspection, place by place. */
function showStateFiles(m) {
  const places = m.stateFiles || [];
  $("state-files-part").hidden = !places.length;
  $("state-files").replaceChildren(...places.map((p) => {
    const item = document.createElement("li");
    const where = document.createElement("code");
    where.textContent = p.place;
    if (m.kind === "inspect") {
      item.append(where, ": " + censusFigures(p) + (p.problems.length ? "; not read: " + p.problems.join("; ") : ""));
      return item;
    }
    const figures = !p.ended
      ? "begun; its end not told yet (the command is still at it, or it was stopped: its journal there holds what it did)"
      : m.kind === "undo"
      ? p.changed + " of the " + p.files + " files the relink changed restored" + (p.already ? ", " + p.already + " found restored already" : "")
      : p.links.toLocaleString() + " links in " + p.changed + " of " + p.files + " files " + (p.dryRun ? "would change" : "changed") + (p.already ? ", " + p.already + " already new" : "");
    const forgotten = p.forgotten ? "; their originals forgotten on " + p.forgotten + " (forget): no undo restores them" : "";
    item.append(where, ": " + figures + forgotten + (p.problems.length ? "; left as they were: " + p.problems.join("; ") : ""));
    return item;
  }));
}

/** The origins an inspected place's state files link to, most linked first. */
function censusFigures(p) {
  if (!p.origins.length) return p.files + " files read, no external-file links";
  return p.files + " files read; their links start with " + p.origins.map((o) => o.origin + " (" + o.links.toLocaleString() + ")").join(", ");
}

/**
 * The state files a relink changed, or may have (begun, its end not told), which only the command restores: the
 * dashboard's undo reaches the stores alone.
 */
function stateFilesUndoWarning(id) {
  const m = state.shown;
  const reached = m && m.id === id ? (m.stateFiles || []).filter((p) => (p.changed > 0 || !p.ended) && !p.dryRun) : [];
  const changed = reached.filter((p) => !p.forgotten);
  const forgotten = reached.filter((p) => p.forgotten);
  const keep = forgotten.length
    ? "\n\nThe state files it changed under " + forgotten.map((p) => p.place).join(", ") + " keep their new links: their originals were forgotten (forget)."
    : "";
  if (!changed.length) return keep;
  const began = changed.some((p) => !p.ended) ? " (or began to, where its command has not told its end)" : "";
  return "\n\nIt also changed dataset state files" + began + ", which this undo does not reach; restore them from a host that has them with:\n"
    + changed.map((p) => "clearml-migrator undo " + id + " " + p.option).join("\n") + keep;
}

function refreshRow(m) {
  for (const row of $("migrations").rows) {
    if (row.dataset.id !== m.id) continue;
    row.dataset.status = m.status;
    row.cells[2].textContent = m.status;
    row.cells[2].className = "status " + m.status;
    row.cells[3].textContent = done(m.tasks) + "/" + m.tasks.total;
  }
}

/**
 * One row per collection or index: an es-copy's indices by documents copied of their total (known before copying),
 * every other kind by parts ended of planned, with the documents scanned of those a relink's planner counted. Null when the
 * view has none.
 */
function targetRows(m) {
  const indices = m.copy && m.copy.indices;
  if (indices && indices.length && !FINAL.includes(m.status)) {
    return indices.map((i) => ({ target: i.index, parts: i.documents, partsEnded: i.copied, partsFailed: 0, documents: i.copied, changed: 0 }));
  }
  return m.progress || null;
}

function showTargets(progress) {
  $("targets").replaceChildren(...progress.map((p) => {
    const line = document.createElement("div");
    line.className = "target";
    line.dataset.target = p.target;
    const name = document.createElement("span");
    name.className = "name";
    name.textContent = p.target;
    name.title = p.target;
    const bar = document.createElement("progress");
    bar.max = Math.max(p.parts, 1);
    bar.value = p.partsEnded;
    const figures = document.createElement("span");
    figures.className = "muted";
    const of = p.documentsPlanned == null ? "" : " of " + p.documentsPlanned.toLocaleString();
    figures.textContent = p.documents.toLocaleString() + of + " documents" + (p.changed ? ", " + p.changed.toLocaleString() + " values changed" : "") + (p.partsFailed ? ", " + p.partsFailed + " failed" : "");
    line.append(name, bar, figures);
    return line;
  }));
}

/** Documents per second between successive snapshots, drawn over the last few minutes. */
function showThroughput(progress) {
  const total = progress.reduce((sum, p) => sum + p.documents, 0);
  const now = Date.now() / 1000;
  const samples = state.samples;
  const last = samples[samples.length - 1];
  if (!last || now - last.t >= 0.5) samples.push({ t: now, total, rate: last ? Math.max(0, (total - last.total) / (now - last.t)) : 0 });
  while (samples.length > 300) samples.shift();
  const peak = Math.max(1, ...samples.map((s) => s.rate));
  const span = Math.max(1, samples[samples.length - 1].t - samples[0].t);
  $("chart-line").setAttribute("points", samples.map((s) => ((s.t - samples[0].t) / span * 600).toFixed(1) + "," + (118 - s.rate / peak * 116).toFixed(1)).join(" "));
  const current = samples[samples.length - 1].rate;
  $("chart-text").textContent = Math.round(current).toLocaleString() + " documents/s now, " + Math.round(peak).toLocaleString() + " at most; " + total.toLocaleString() + " so far";
}

/**
 * Failures of one collection or index that say the same, as one entry with their number (as the command lists them):
 * a store that went away fails dozens of parts with one sentence, and a line each hid the others.
 */
function alike(failures) {
  const groups = new Map();
  for (const f of failures) {
    const key = JSON.stringify([f.target, f.reason, f.detail]);
    const group = groups.get(key);
    if (group) group.tasks++;
    else groups.set(key, { target: f.target, reason: f.reason, detail: f.detail, tasks: 1 });
  }
  return [...groups.values()];
}

async function loadReport(id) {
  try {
    const report = await api("GET", "/migrations/" + id + "/report");
    $("report").textContent = JSON.stringify(report, null, 2);
    const failures = alike(report.failures || []);
    $("failures").replaceChildren(...(failures.length ? failures.map((f) => {
      const item = document.createElement("li");
      const reason = document.createElement("span");
      reason.className = "reason";
      reason.textContent = f.reason;
      item.append(reason, " " + f.target + (f.tasks > 1 ? " (" + f.tasks + " tasks)" : "") + ": " + f.detail);
      return item;
    }) : [Object.assign(document.createElement("li"), { className: "muted", textContent: "None." })]));
  } catch (e) {
    say(e.message);
  }
}

/** Cancel, retry and undo, each after the operator confirms it; the new migration (retry, undo) is then followed. */
function action(button, verb, question) {
  $(button).addEventListener("click", async () => {
    const id = state.selected;
    if (!id || !confirm(question(id))) return;
    try {
      const answer = await api("POST", "/migrations/" + id + "/" + verb, verb === "cancel" ? undefined : {});
      say(verb === "cancel" ? "Cancelled." : "Started " + answer.id + ".");
      await refreshList();
      if (answer && answer.id && answer.id !== id) select(answer.id);
    } catch (e) {
      say(e.message);
    }
  });
}

action("cancel", "cancel", (id) => "Cancel migration " + id + "? Tasks under way finish; nothing new starts.");
action("retry", "retry", (id) => "Send the failed tasks of " + id + " again?");
action("undo", "undo", (id) => "Undo relink " + id + "? Every value it changed in the stores is restored from its journal." + stateFilesUndoWarning(id));

$("token-form").addEventListener("submit", (event) => {
  event.preventDefault();
  state.token = $("token").value.trim();
  sessionStorage.setItem("migrator-token", state.token);
  $("token-form").hidden = true;
  refreshList();
  if (state.selected) select(state.selected);
});

refreshList();
setInterval(refreshList, 5000);
