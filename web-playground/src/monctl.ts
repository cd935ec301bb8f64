// Typed wrappers over the monctl-wasm package (wasm/pkg, built by wasm/build.sh): the module
// takes and returns JSON text; these functions parse it into the interfaces below, which mirror
// the core's serde shapes (monctl::Diagnostic, routing::RouteResult, routing::show::ShowReport).
import init, * as wasm from "../../wasm/pkg/monctl.js";
import wasmUrl from "../../wasm/pkg/monctl_bg.wasm?url";

export type Severity = "error" | "warning" | "info";

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based, counted in characters (Unicode scalar values). */
  column: number;
}

export interface Location {
  file: string;
  start: Position;
  /** Exclusive. */
  end: Position;
}

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  /** Spec path, e.g. `rules.groups[1].rules[0].expr`. */
  path: string;
  location: Location | null;
  related: Location[];
  help: string | null;
}

/** One spec file: its name (shown in diagnostics) and text. */
export interface SpecFile {
  name: string;
  text: string;
}

export interface Artifact {
  path: string;
  content: string;
}

export interface InputError {
  code: "invalid-input" | "spec-errors" | "no-routing" | "unknown-code" | string;
  message: string;
}

export interface CheckResult {
  diagnostics: Diagnostic[];
  error?: InputError;
}

export type GenerateResult =
  | { ok: true; files: Artifact[]; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[]; error?: InputError };

export interface CodeInfo {
  code: string;
  name: string;
  family: string;
  severity: Severity;
  summary: string;
  /** Markdown: paragraphs, `code` and fenced examples. */
  explanation: string;
}

export type LabelSet = Record<string, string>;

export interface RouteMatch {
  /** Child indices from the root. */
  path: number[];
  /** `routing.route.routes[0]`. */
  spec_path: string;
  receiver: string;
  group_by: string[];
  group_by_all: boolean;
  group_wait: string;
  group_interval: string;
  repeat_interval: string;
  group_labels: LabelSet;
  group_key: string;
  mute_time_intervals: string[];
  active_time_intervals: string[];
  muted: boolean;
  muted_by?: string;
}

export interface Inhibition {
  rule: number;
  rule_path: string;
  source: LabelSet;
}

export interface RouteResult {
  labels: LabelSet;
  at?: string;
  receivers: string[];
  routes: RouteMatch[];
  inhibited: boolean;
  inhibited_by: Inhibition[];
  notified: string[];
}

export interface TreeView {
  path: string;
  matchers: string[];
  receiver: string;
  group_by: string[];
  group_by_all: boolean;
  group_wait: string;
  group_interval: string;
  repeat_interval: string;
  continue: boolean;
  mute_time_intervals: string[];
  active_time_intervals: string[];
  routes: TreeView[];
}

export interface AlertView {
  alert: string;
  /** `rules.groups[g].rules[r]`. */
  path: string;
  labels: LabelSet;
  templated_labels: string[];
  receivers: string[];
  routes: string[];
}

export interface Failure {
  ok: false;
  error: InputError;
  diagnostics: Diagnostic[];
}

export type Answer<T> = ({ ok: true } & T) | Failure;

let ready: Promise<void> | undefined;

/** Loads the WebAssembly module (once). */
export function load(): Promise<void> {
  ready ??= init({ module_or_path: wasmUrl }).then(() => undefined);
  return ready;
}

const filesJson = (files: SpecFile[]) => JSON.stringify(files.map(({ name, text }) => ({ name, text })));

export const check = (files: SpecFile[]): CheckResult => JSON.parse(wasm.check(filesJson(files)));

/** Checks and generates in one pass: the diagnostics, and the files when there is no error. */
export const generate = (files: SpecFile[]): GenerateResult => JSON.parse(wasm.generate(filesJson(files)));

export const explain = (code: string): Answer<{ rule: CodeInfo }> => JSON.parse(wasm.explain(code));

export const rules = (): CodeInfo[] => JSON.parse(wasm.rules()).rules;

/**
 * Routes an alert: `labels` is an object or Alertmanager's label syntax (`severity=critical, team=db`),
 * `at` an RFC 3339 instant or "", `firing` the other alerts firing (for inhibition).
 */
export const route = (
  files: SpecFile[],
  labels: LabelSet | string,
  at = "",
  firing: (LabelSet | string)[] = [],
): Answer<{ result: RouteResult }> =>
  JSON.parse(
    wasm.route(
      filesJson(files),
      typeof labels === "string" ? labels : JSON.stringify(labels),
      at,
      firing.length ? JSON.stringify(firing) : "",
    ),
  );

export const routesTable = (files: SpecFile[]): Answer<{ tree: TreeView; alerts: AlertView[] }> =>
  JSON.parse(wasm.routes_table(filesJson(files)));

export const schema = (): unknown => JSON.parse(wasm.schema());

export const version = (): string => wasm.version();
