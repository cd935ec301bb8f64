// The monctl core (wasm/pkg) in a module worker, so that checking a large spec never blocks the
// page: the main thread posts a request (`Request`), the worker calls the core and posts its JSON
// answer back as text (`Response`), with the time the core took. The worker answers requests one
// at a time, in the order they arrive; which requests are worth sending (the newest version of
// the spec, not every keystroke's) is decided on the main thread (core.ts).
import init, * as wasm from "../../wasm/pkg/monctl.js";
import wasmUrl from "../../wasm/pkg/monctl_bg.wasm?url";

export type Op = "generate" | "check" | "explain" | "rules" | "route" | "routesTable" | "schema" | "version";

export interface Request {
  id: number;
  op: Op;
  /** The core function's string arguments (files JSON, labels, ...). */
  args: string[];
}

export type Response =
  | { id: number; ok: true; text: string; ms: number }
  | { id: number; ok: false; error: string; fatal: boolean };

/** Posted once, when the module is instantiated (or could not be). */
export type Ready = { ready: true; ms: number } | { ready: false; error: string };

const calls: Record<Op, (...args: string[]) => string> = {
  generate: (files) => wasm.generate(files),
  check: (files) => wasm.check(files),
  explain: (code) => wasm.explain(code),
  rules: () => wasm.rules(),
  route: (files, labels, at, firing) => wasm.route(files, labels, at, firing),
  routesTable: (files) => wasm.routes_table(files),
  schema: () => wasm.schema(),
  version: () => wasm.version(),
};

const scope = self as unknown as {
  postMessage(message: Response | Ready): void;
  onmessage: ((e: MessageEvent<Request>) => void) | null;
};

const t0 = performance.now();
const ready = init({ module_or_path: wasmUrl }).then(
  () => scope.postMessage({ ready: true, ms: performance.now() - t0 }),
  (e) => {
    scope.postMessage({ ready: false, error: String(e) });
    throw e;
  },
);

scope.onmessage = async (e) => {
  const { id, op, args } = e.data;
  try {
    await ready;
    const call = calls[op];
    if (!call) throw new TypeError(`unknown operation ${op}`);
    const start = performance.now();
    const text = call(...args);
    scope.postMessage({ id, ok: true, text, ms: performance.now() - start });
  } catch (err) {
    // A trap (a panic in the core, already written to the console) leaves the module unusable:
    // the page starts a new worker.
    const fatal = err instanceof WebAssembly.RuntimeError;
    scope.postMessage({ id, ok: false, error: String(err), fatal });
  }
};
