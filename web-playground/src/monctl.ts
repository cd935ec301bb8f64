// The JSON shapes of the monctl-wasm package's answers (wasm/pkg, built by wasm/build.sh), which
// mirror the core's serde shapes (monctl::Diagnostic, routing::RouteResult,
// routing::show::ShowReport). The package itself runs in a worker (worker.ts); core.ts calls it.

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

export type RoutesTable = Answer<{ tree: TreeView; alerts: AlertView[] }>;

/** The `files` JSON the core reads. */
export const filesJson = (files: SpecFile[]) => JSON.stringify(files.map(({ name, text }) => ({ name, text })));
