// The playground: a CodeMirror editor over the spec's files on the left; problems, generated
// files (with their changes since load) and the routing simulator on the right. Every answer
// comes from the monctl core compiled to WebAssembly, running in a worker of this page (core.ts,
// worker.ts) so that typing never waits for a check: nothing leaves the browser.
import { basicSetup } from "codemirror";
import { EditorView } from "@codemirror/view";
import { EditorState, type Extension } from "@codemirror/state";
import { yaml } from "@codemirror/lang-yaml";
import { json } from "@codemirror/lang-json";
import { lintGutter, setDiagnostics, type Diagnostic as CmDiagnostic } from "@codemirror/lint";
import { autocompletion } from "@codemirror/autocomplete";
import { unifiedMergeView } from "@codemirror/merge";
import { core } from "./core";
import { filesJson, type Artifact, type Diagnostic, type GenerateResult, type SpecFile } from "./monctl";
import { DEFAULT_EXAMPLE, examples } from "./examples";
import { decodeShare, encodeShare, zipArtifacts } from "./share";
import { offsetOf, rangeOf } from "./positions";
import { schemaCompletion } from "./completion";
import { inline, renderExplanation } from "./explain";
import "./style.css";

const DEBOUNCE_MS = 150;

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

/** What the page measures about itself (read by the browser tests and shown in the status). */
const stats = {
  /** ms from navigation start until the first diagnostics were shown. */
  firstDiagnosticsMs: -1,
  /** ms of each analysis shown (check + generate in the core, in the worker) since load. */
  analysisMs: [] as number[],
  /** ms from posting each analysis shown to the worker until its answer was back. */
  roundTripMs: [] as number[],
  /** ms from the last edit to its diagnostics being shown (the debounce included; NaN after a load). */
  editToDiagnosticsMs: [] as number[],
  /** ms the page spent showing each analysis (diagnostics, problems, generated files). */
  renderMs: [] as number[],
  /** Analyses shown, and answers not shown because the spec changed while they were computed. */
  analyses: 0,
  dropped: 0,
  /** The last analyses (performance.now() times): sent to the worker, answered, shown or dropped. */
  timeline: [] as { sent: number; answered: number; shown: number; status: string }[],
  /** The worker's own counts: requests superseded before being sent, stale answers, restarts. */
  worker: core.stats,
};

interface State {
  example?: string;
  names: string[];
  states: Map<string, EditorState>;
  active: string;
  diagnostics: Diagnostic[];
  /** The last files generated (kept, marked stale, while the spec has errors). */
  artifacts: Artifact[];
  stale: boolean;
  /** What the spec produced when it was loaded: the base of "changes since load". */
  baseline: Map<string, string>;
  /** The files as loaded, until their baseline is known. */
  baselineOf?: SpecFile[];
  generatedTab?: string;
  panel: "problems" | "generated" | "routing";
}

const state: State = {
  names: [],
  states: new Map(),
  active: "",
  diagnostics: [],
  artifacts: [],
  stale: false,
  baseline: new Map(),
  panel: "problems",
};

let editor: EditorView;
let editorExtensions: Extension[] = [];
let timer: number | undefined;
/** When the spec was last edited (performance.now()). */
let editedAt = 0;

// ---------------------------------------------------------------------------------------------
// Spec editor

function specFiles(): SpecFile[] {
  saveActive();
  return state.names.map((name) => ({ name, text: state.states.get(name)!.doc.toString() }));
}

function saveActive() {
  if (state.active && editor) state.states.set(state.active, editor.state);
}

/** Loads files into the editor; resolves once their analysis is shown (or superseded by an edit). */
function loadFiles(files: SpecFile[], example?: string): Promise<void> {
  state.example = example;
  state.names = files.map((f) => f.name);
  state.states = new Map(files.map((f) => [f.name, EditorState.create({ doc: f.text, extensions: editorExtensions })]));
  state.active = "";
  state.baseline = new Map();
  problemsShown = PROBLEMS_SHOWN;
  editedAt = 0;
  state.baselineOf = files.map(({ name, text }) => ({ name, text }));
  state.generatedTab = undefined;
  switchFile(state.names[0]);
  renderFileTabs();
  return analyze();
}

function switchFile(name: string) {
  if (!state.states.has(name)) return;
  saveActive();
  state.active = name;
  editor.setState(state.states.get(name)!);
  renderFileTabs();
}

function renderFileTabs() {
  const nav = $("file-tabs");
  nav.replaceChildren(
    ...state.names.map((name) => {
      const b = document.createElement("button");
      b.type = "button";
      b.setAttribute("role", "tab");
      b.dataset.file = name;
      b.className = name === state.active ? "active" : "";
      const errors = state.diagnostics.filter((d) => d.location?.file === name && d.severity === "error").length;
      const warnings = state.diagnostics.filter((d) => d.location?.file === name && d.severity !== "error").length;
      b.append(name);
      if (errors || warnings) {
        const dot = document.createElement("span");
        dot.className = `dot ${errors ? "error" : "warning"}`;
        dot.title = `${errors} error(s), ${warnings} warning(s)`;
        b.append(dot);
      }
      b.addEventListener("click", () => switchFile(name));
      return b;
    }),
  );
}

function scheduleAnalysis() {
  editedAt = performance.now();
  clearTimeout(timer);
  timer = window.setTimeout(() => void analyze(), DEBOUNCE_MS);
}

// ---------------------------------------------------------------------------------------------
// Analysis: one call to the core per change gives the diagnostics and the generated files. It
// runs in the worker; an answer is shown only if the spec is still what was sent (otherwise a
// newer analysis is already scheduled or under way, and the editor keeps mapping the diagnostics
// it shows through the edits).

/** The documents of every file, to tell whether the spec changed since a request. */
function snapshot(): unknown[] {
  saveActive();
  return [state.names, ...state.names.map((name) => state.states.get(name)!.doc)];
}

const unchangedSince = (before: unknown[]) => {
  const now = snapshot();
  return now.length === before.length && now.every((x, i) => x === before[i]);
};

const sameFiles = (a: SpecFile[], b: SpecFile[]) =>
  a.length === b.length && a.every((f, i) => f.name === b[i].name && f.text === b[i].text);

async function analyze() {
  clearTimeout(timer);
  const files = specFiles();
  const sent = snapshot();
  const forBaseline = state.baselineOf && sameFiles(files, state.baselineOf) ? state.baselineOf : undefined;
  $("status").setAttribute("aria-busy", "true");
  const entry = { sent: performance.now(), answered: -1, shown: -1, status: "" };
  stats.timeline.push(entry);
  if (stats.timeline.length > 100) stats.timeline.shift();
  let answer;
  try {
    answer = await core.generate(files);
    entry.answered = performance.now();
    entry.status = answer.status;
  } catch (e) {
    $("status").textContent = `the check failed: ${e}`;
    $("status").className = "status error";
    $("status").removeAttribute("aria-busy");
    return;
  }
  if (answer.status !== "superseded" && forBaseline && state.baselineOf === forBaseline) {
    setBaseline(answer.value);
  } else if (state.baselineOf) {
    // The loaded files' own analysis was superseded by an edit: their baseline is asked for apart.
    void baselineFor(state.baselineOf);
  }
  if (answer.status !== "done" || !unchangedSince(sent)) {
    if (answer.status !== "superseded") stats.dropped++;
    if (answer.status === "done") entry.status = "changed";
    return;
  }
  $("status").removeAttribute("aria-busy");
  const t0 = performance.now();
  show(answer.value, answer.coreMs);
  stats.analysisMs.push(answer.coreMs);
  stats.roundTripMs.push(answer.roundTripMs);
  stats.analyses++;
  const shown = performance.now();
  entry.shown = shown;
  stats.renderMs.push(shown - t0);
  stats.editToDiagnosticsMs.push(editedAt ? shown - editedAt : NaN);
  if (stats.firstDiagnosticsMs < 0) stats.firstDiagnosticsMs = shown;
  document.body.dataset.analyses = String(stats.analyses);
}

function setBaseline(result: GenerateResult) {
  state.baseline = new Map((result.ok ? result.files : []).map((f) => [f.path, f.content]));
  state.baselineOf = undefined;
}

let baselineAsked: SpecFile[] | undefined;

/** The generated files of the spec as loaded, asked for once, outside the analysis channel. */
async function baselineFor(files: SpecFile[]) {
  if (baselineAsked === files) return;
  baselineAsked = files;
  const answer = await core.call("generate", [filesJson(files)]);
  if (state.baselineOf !== files) return;
  setBaseline(JSON.parse(answer.value));
  renderGenerated();
}

function show(result: GenerateResult, ms: number) {
  state.diagnostics = result.diagnostics;
  if (result.ok) {
    state.artifacts = result.files;
    state.stale = false;
  } else {
    state.stale = state.artifacts.length > 0;
  }
  applyDiagnostics();
  renderProblems();
  renderFileTabs();
  renderStatus(ms);
  renderGenerated();
  if (state.panel === "routing") void renderRouting();
}

function toCm(doc: EditorState["doc"], d: Diagnostic): CmDiagnostic {
  const { from, to } = rangeOf(doc, d.location!.start, d.location!.end);
  return {
    from,
    to,
    severity: d.severity === "error" ? "error" : d.severity === "warning" ? "warning" : "info",
    source: d.code,
    message: d.message + (d.help ? `\nhelp: ${d.help}` : ""),
  };
}

function applyDiagnostics() {
  saveActive();
  for (const name of state.names) {
    const s = state.states.get(name)!;
    const mine = state.diagnostics.filter((d) => d.location?.file === name).map((d) => toCm(s.doc, d));
    if (name === state.active) {
      editor.dispatch(setDiagnostics(editor.state, mine));
      state.states.set(name, editor.state);
    } else {
      state.states.set(name, s.update(setDiagnostics(s, mine)).state);
    }
  }
}

function renderStatus(ms: number) {
  const errors = state.diagnostics.filter((d) => d.severity === "error").length;
  const warnings = state.diagnostics.filter((d) => d.severity === "warning").length;
  const infos = state.diagnostics.length - errors - warnings;
  const status = $("status");
  const parts = [];
  if (errors) parts.push(`${errors} error${errors === 1 ? "" : "s"}`);
  if (warnings) parts.push(`${warnings} warning${warnings === 1 ? "" : "s"}`);
  if (infos) parts.push(`${infos} note${infos === 1 ? "" : "s"}`);
  status.textContent = `${parts.length ? parts.join(", ") : "✓ no problems"} · checked in ${ms.toFixed(0)} ms`;
  status.className = `status ${errors ? "error" : warnings ? "warning" : "ok"}`;
  $("problem-count").textContent = String(state.diagnostics.length);
  $("problem-count").className = `count ${errors ? "error" : warnings ? "warning" : ""}`;
}

// ---------------------------------------------------------------------------------------------
// Problems

/** Problems listed at first, and added per "show more": a list of thousands would take the page
 * hundreds of milliseconds to lay out, on every check. */
const PROBLEMS_SHOWN = 100;
let problemsShown = PROBLEMS_SHOWN;

function renderProblems() {
  const list = $("problems");
  if (state.diagnostics.length === 0) {
    const li = document.createElement("li");
    li.className = "empty";
    li.textContent = "No problems. Try breaking something: give a route an unknown receiver.";
    list.replaceChildren(li);
    return;
  }
  const items = state.diagnostics.slice(0, problemsShown).map(problemItem);
  const hidden = state.diagnostics.length - items.length;
  if (hidden > 0) {
    const li = el("li", "more");
    const more = el("button", "", `Show ${Math.min(hidden, PROBLEMS_SHOWN)} more (${hidden} not shown)`);
    more.type = "button";
    more.addEventListener("click", () => {
      problemsShown += PROBLEMS_SHOWN;
      renderProblems();
    });
    li.append(more);
    items.push(li);
  }
  list.replaceChildren(...items);
}

function problemItem(d: Diagnostic): HTMLLIElement {
  const li = document.createElement("li");
  li.className = `problem ${d.severity}`;
  li.tabIndex = 0;
  const icon = document.createElement("span");
  icon.className = "sev";
  icon.textContent = d.severity === "error" ? "●" : d.severity === "warning" ? "▲" : "i";
  icon.title = d.severity;
  const code = document.createElement("button");
  code.type = "button";
  code.className = "code";
  code.textContent = d.code;
  code.title = `What is ${d.code}?`;
  code.addEventListener("click", (e) => {
    e.stopPropagation();
    void showExplanation(d.code);
  });
  const msg = document.createElement("span");
  msg.className = "msg";
  inline(d.message, msg);
  const where = document.createElement("span");
  where.className = "where";
  where.textContent = d.location ? `${d.location.file}:${d.location.start.line}:${d.location.start.column}` : d.path;
  li.append(icon, code, msg, where);
  if (d.help) {
    const help = document.createElement("div");
    help.className = "help";
    inline(`help: ${d.help}`, help);
    li.append(help);
  }
  const go = () => reveal(d);
  li.addEventListener("click", go);
  li.addEventListener("keydown", (e) => {
    if (e.key === "Enter") go();
  });
  return li;
}

function reveal(d: Diagnostic) {
  if (!d.location) return;
  switchFile(d.location.file);
  const pos = offsetOf(editor.state.doc, d.location.start.line, d.location.start.column);
  editor.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: "center" }) });
  editor.focus();
}

async function showExplanation(code: string) {
  const answer = await core.explain(code);
  const body = $("explain-body");
  if (answer.ok) body.replaceChildren(renderExplanation(answer.rule));
  else body.textContent = answer.error.message;
  $<HTMLDialogElement>("explain").showModal();
}

// ---------------------------------------------------------------------------------------------
// Generated files

let outputView: EditorView | undefined;

function languageFor(path: string): Extension[] {
  if (/\.ya?ml$/.test(path)) return [yaml()];
  if (/\.json$/.test(path)) return [json()];
  return [];
}

function renderGenerated() {
  const paths = state.artifacts.map((a) => a.path);
  const removed = [...state.baseline.keys()].filter((p) => !paths.includes(p));
  if (!state.generatedTab || (!paths.includes(state.generatedTab) && !removed.includes(state.generatedTab))) {
    state.generatedTab = paths.includes("prometheus.yml") ? "prometheus.yml" : paths[0];
  }
  const nav = $("gen-tabs");
  nav.replaceChildren(
    ...[...paths, ...removed].map((path) => {
      const b = document.createElement("button");
      b.type = "button";
      b.setAttribute("role", "tab");
      b.dataset.path = path;
      const base = state.baseline.get(path);
      const current = state.artifacts.find((a) => a.path === path)?.content;
      const change = current === undefined ? "removed" : base === undefined ? "added" : base !== current ? "changed" : "";
      b.className = [path === state.generatedTab ? "active" : "", change].join(" ").trim();
      b.textContent = path;
      if (change) b.title = `${change} since load`;
      b.addEventListener("click", () => {
        state.generatedTab = path;
        renderGenerated();
      });
      return b;
    }),
  );
  const note = $("gen-note");
  if (state.artifacts.length === 0) {
    note.hidden = false;
    note.textContent = "The spec has errors: nothing is generated until they are fixed (see Problems).";
  } else if (state.stale) {
    note.hidden = false;
    note.textContent = "The spec has errors: these are the files from the last version without errors.";
  } else {
    note.hidden = true;
  }
  showGeneratedFile();
}

function showGeneratedFile() {
  const path = state.generatedTab;
  const content = state.artifacts.find((a) => a.path === path)?.content ?? "";
  const diff = $<HTMLInputElement>("diff-toggle").checked;
  const original = path ? state.baseline.get(path) ?? "" : "";
  const key = `${path}\u0000${diff}\u0000${content}\u0000${diff ? original : ""}`;
  const host = $("gen-view");
  if (outputView && host.dataset.key === key) return;
  host.dataset.key = key;
  const extensions: Extension[] = [
    basicSetup,
    EditorState.readOnly.of(true),
    EditorView.editable.of(false),
    ...(path ? languageFor(path) : []),
  ];
  if (diff) {
    extensions.push(
      unifiedMergeView({ original, mergeControls: false, gutter: true, collapseUnchanged: { margin: 3, minSize: 6 } }),
    );
  }
  const scroll = outputView?.scrollDOM.scrollTop ?? 0;
  const samePath = host.dataset.path === path;
  outputView?.destroy();
  outputView = new EditorView({ parent: host, state: EditorState.create({ doc: content, extensions }) });
  host.dataset.path = path ?? "";
  if (samePath) outputView.scrollDOM.scrollTop = scroll;
}

function download() {
  if (state.artifacts.length === 0) return;
  const bytes = zipArtifacts(state.artifacts);
  const blob = new Blob([bytes as BlobPart], { type: "application/zip" });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = `${state.example ?? "monctl"}-generated.zip`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

// ---------------------------------------------------------------------------------------------
// Routing

function labelText(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([k, v]) => (/^[\w:]+$/.test(v) ? `${k}=${v}` : `${k}=${JSON.stringify(v)}`))
    .join(", ");
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function chips(items: string[], cls = "chip"): HTMLElement {
  const span = el("span", "chips");
  if (items.length === 0) span.append(el("span", "none", "(none)"));
  for (const item of items) span.append(el("span", cls, item));
  return span;
}

async function renderRouting() {
  const files = specFiles();
  const labelsInput = $<HTMLInputElement>("route-labels");
  // With labels to route, the route is asked for alongside the table; else after it, with the
  // first alert's labels.
  const route = labelsInput.value ? routeNow(files) : undefined;
  const answer = await core.routesTable(files);
  if (answer.status !== "done") return;
  const table = answer.value;
  const tableHost = $("route-table");
  if (!table.ok) {
    tableHost.replaceChildren(el("p", "note", table.error.message));
  } else {
    if (!labelsInput.value && table.alerts.length) labelsInput.value = labelText(table.alerts[0].labels);
    // Labels every alert carries (Prometheus' external labels, usually) are said once, above.
    const shared = Object.entries(table.alerts[0]?.labels ?? {}).filter(
      ([k, v]) => k !== "alertname" && table.alerts.length > 1 && table.alerts.every((a) => a.labels[k] === v),
    );
    const t = el("table");
    const head = el("tr");
    for (const h of ["alert", "static labels", "receivers", "routes"]) head.append(el("th", "", h));
    t.append(head);
    for (const a of table.alerts) {
      const tr = el("tr");
      tr.title = "Route this alert's labels";
      const labels = { ...a.labels };
      delete labels.alertname;
      for (const [k] of shared) delete labels[k];
      tr.append(
        el("td", "alert", a.alert),
        el("td", "labels", labelText(labels) + (a.templated_labels.length ? ` (+ templated: ${a.templated_labels.join(", ")})` : "")),
      );
      const rec = el("td");
      rec.append(chips(a.receivers));
      tr.append(rec, el("td", "paths", a.routes.join("\n")));
      tr.addEventListener("click", () => {
        labelsInput.value = labelText(a.labels);
        void routeNow();
      });
      t.append(tr);
    }
    const intro = el("p", "shared-labels", `${table.alerts.length} alert rules`);
    if (shared.length) intro.append(", all with ", el("code", "", labelText(Object.fromEntries(shared))));
    intro.append(". Click one to route it.");
    tableHost.replaceChildren(intro, t);
  }
  await (route ?? routeNow(files));
}

async function routeNow(files = specFiles()) {
  const host = $("route-result");
  const labels = $<HTMLInputElement>("route-labels").value;
  const at = $<HTMLInputElement>("route-at").value.trim();
  const firing = $<HTMLTextAreaElement>("route-firing")
    .value.split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const latest = await core.route(files, labels, at, firing);
  if (latest.status !== "done") return;
  const answer = latest.value;
  if (!answer.ok) {
    host.replaceChildren(el("p", "note error", answer.error.message));
    return;
  }
  const r = answer.result;
  const summary = el("div", "route-summary");
  const notified = el("div");
  notified.append(el("span", "k", "Notified: "), chips(r.notified, "chip receiver"));
  summary.append(notified);
  if (r.inhibited) {
    summary.append(
      el("div", "inhibited", `Inhibited by ${r.inhibited_by.map((i) => `${i.rule_path} (source ${labelText(i.source)})`).join("; ")}`),
    );
  }
  const t = el("table");
  const head = el("tr");
  for (const h of ["matched route", "receiver", "group by", "group key", "timing"]) head.append(el("th", "", h));
  t.append(head);
  for (const m of r.routes) {
    const tr = el("tr", m.muted ? "muted" : "");
    tr.append(
      el("td", "path", m.spec_path),
      el("td", "", m.receiver + (m.muted ? ` (muted: ${m.muted_by})` : "")),
      el("td", "", m.group_by_all ? "[...]" : `[${m.group_by.join(", ")}]`),
      el("td", "key", m.group_key),
      el("td", "", `wait ${m.group_wait} · interval ${m.group_interval} · repeat ${m.repeat_interval}`),
    );
    t.append(tr);
  }
  host.replaceChildren(summary, t);
}

// ---------------------------------------------------------------------------------------------
// Panels, share, startup

function showPanel(panel: State["panel"]) {
  state.panel = panel;
  for (const b of document.querySelectorAll<HTMLButtonElement>(".panel-tabs button")) {
    b.classList.toggle("active", b.dataset.panel === panel);
  }
  for (const p of document.querySelectorAll<HTMLElement>(".panel")) p.classList.toggle("active", p.id === `panel-${panel}`);
  if (panel === "routing") void renderRouting();
  if (panel === "generated") showGeneratedFile();
}

function share() {
  const fragment = encodeShare({ example: state.example, files: specFiles() });
  history.replaceState(null, "", `#${fragment}`);
  const url = location.href;
  const input = $<HTMLInputElement>("share-url");
  input.value = url;
  $("share-box").hidden = false;
  input.select();
  const note = $("share-note");
  note.textContent = `${url.length.toLocaleString()} characters; the spec travels in the link itself`;
  navigator.clipboard?.writeText(url).then(
    () => (note.textContent = `Copied · ${note.textContent}`),
    () => undefined,
  );
}

function fillExamplePicker() {
  const select = $<HTMLSelectElement>("example");
  select.replaceChildren(
    ...examples.map((e) => {
      const o = document.createElement("option");
      o.value = e.name;
      o.textContent = `${e.name} (${e.files.length} file${e.files.length === 1 ? "" : "s"})`;
      return o;
    }),
  );
  const custom = document.createElement("option");
  custom.value = "";
  custom.textContent = "shared spec";
  custom.hidden = true;
  select.append(custom);
  select.addEventListener("change", () => {
    const example = examples.find((e) => e.name === select.value);
    if (!example) return;
    history.replaceState(null, "", location.pathname + location.search);
    void loadFiles(example.files, example.name);
  });
}

async function start() {
  await core.ready();
  const [schema, version] = await Promise.all([core.schema(), core.version()]);
  editorExtensions = [
    basicSetup,
    yaml(),
    lintGutter(),
    autocompletion({ override: [schemaCompletion(schema)] }),
    EditorView.updateListener.of((u) => {
      if (u.docChanged) scheduleAnalysis();
    }),
  ];
  editor = new EditorView({ parent: $("editor"), state: EditorState.create({ doc: "" }) });

  fillExamplePicker();
  for (const b of document.querySelectorAll<HTMLButtonElement>(".panel-tabs button")) {
    b.addEventListener("click", () => showPanel(b.dataset.panel as State["panel"]));
  }
  $("diff-toggle").addEventListener("change", showGeneratedFile);
  $("share").addEventListener("click", share);
  $("share-close").addEventListener("click", () => ($("share-box").hidden = true));
  $("download").addEventListener("click", download);
  let routeTimer: number | undefined;
  const routeSoon = () => {
    clearTimeout(routeTimer);
    routeTimer = window.setTimeout(() => void routeNow(), DEBOUNCE_MS);
  };
  for (const id of ["route-labels", "route-at", "route-firing"]) $(id).addEventListener("input", routeSoon);
  $("route-form").addEventListener("submit", (e) => {
    e.preventDefault();
    void routeNow();
  });

  const shared = decodeShare(location.hash);
  const select = $<HTMLSelectElement>("example");
  if (shared) {
    const known = examples.find((e) => e.name === shared.example);
    select.value = known ? known.name : "";
    await loadFiles(shared.files, shared.example);
  } else {
    const example = examples.find((e) => e.name === DEFAULT_EXAMPLE) ?? examples[0];
    select.value = example?.name ?? "";
    await loadFiles(example?.files ?? [{ name: "monctl.yaml", text: "" }], example?.name);
  }
  document.body.dataset.ready = "true";
  document.querySelector(".brand")!.append(el("span", "version", `v${version}`));
}

// For the browser tests and curious users: the page's own measurements and state.
(window as unknown as { monctlPlayground: unknown }).monctlPlayground = {
  stats,
  get files() {
    return specFiles();
  },
  get active() {
    return state.active;
  },
  get diagnostics() {
    return state.diagnostics;
  },
  /** The generated file shown in the Generated panel, as its view holds it (all of it, not only
   * the lines CodeMirror has rendered). */
  get shownGenerated() {
    return { path: state.generatedTab, text: outputView?.state.doc.toString() ?? "" };
  },
  switchFile: (name: string) => switchFile(name),
  /** Loads these files as a shared spec would be (for measurements on specs of any size). */
  load(files: SpecFile[]) {
    history.replaceState(null, "", location.pathname + location.search);
    $<HTMLSelectElement>("example").value = "";
    return loadFiles(files);
  },
  /** The worker's client: `core.check(files)` etc. answer as the page's own calls do. */
  core,
  /** Selects from (line, column) to (line, endColumn) in the active file, 1-based, and focuses. */
  select(line: number, column: number, endColumn = column) {
    const doc = editor.state.doc;
    editor.dispatch({
      selection: { anchor: offsetOf(doc, line, column), head: offsetOf(doc, line, endColumn) },
      effects: EditorView.scrollIntoView(offsetOf(doc, line, column), { y: "center" }),
    });
    editor.focus();
  },
  /** The cursor: active file, 1-based line and column. */
  cursor() {
    const head = editor.state.selection.main.head;
    const line = editor.state.doc.lineAt(head);
    return { file: state.active, line: line.number, column: head - line.from + 1 };
  },
};

start().catch((e) => {
  $("status").textContent = `failed to start: ${e}`;
  $("status").className = "status error";
  console.error(e);
});
