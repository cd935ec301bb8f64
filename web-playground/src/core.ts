// The page's side of the core worker (worker.ts): typed calls that post a request and resolve
// with the core's answer, parsed.
//
// Calls that follow the spec as it is edited (check/generate, the routing table, a route) go
// through a *channel* each: a channel has at most one request in the worker and one waiting; a
// newer request replaces the waiting one (which resolves as "superseded", never sent), and an
// answer that comes back after a newer request was made on its channel resolves as "stale", so
// the page only ever shows the answer to the latest request. Other calls (explain, schema) are
// plain request/answer.
import type { Op, Ready, Request, Response } from "./worker";
import {
  filesJson,
  type Answer,
  type CheckResult,
  type CodeInfo,
  type GenerateResult,
  type LabelSet,
  type RouteResult,
  type RoutesTable,
  type SpecFile,
} from "./monctl";

export interface Timed<T> {
  value: T;
  /** ms the core took, in the worker. */
  coreMs: number;
  /** ms from posting the request to receiving its answer (core + queueing + messaging). */
  roundTripMs: number;
}

/**
 * The answer to a channel's request: "done" when it is the answer to the channel's latest request,
 * "stale" (still with the answer) when a newer request was made while it was computed,
 * "superseded" when a newer request replaced it before it was sent (nothing was computed).
 */
export type Latest<T> = ({ status: "done" | "stale" } & Timed<T>) | { status: "superseded" };

export type ChannelName = "analysis" | "table" | "route";

interface Waiting {
  request: Request;
  sentAt: number;
  resolve: (answer: Timed<string>) => void;
  reject: (error: Error) => void;
}

interface Channel {
  /** Number of the newest request made on this channel. */
  latest: number;
  busy: boolean;
  pending?: {
    seq: number;
    op: Op;
    args: string[];
    resolve: (answer: Latest<string>) => void;
    reject: (error: Error) => void;
  };
}

export class Core {
  private worker!: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();
  private readonly channels = new Map<ChannelName, Channel>();
  private readyPromise!: Promise<void>;
  /** What the page can tell about the worker (read by the tests). */
  readonly stats = {
    /** ms from creating the worker until its module was instantiated (the first start). */
    workerReadyMs: -1,
    restarts: 0,
    /** Requests replaced by a newer one before being sent, and answers dropped as stale. */
    superseded: 0,
    stale: 0,
  };

  constructor(private readonly spawn: () => Worker) {
    this.start();
  }

  /** Resolves once the worker has instantiated the module. */
  ready(): Promise<void> {
    return this.readyPromise;
  }

  private start() {
    const created = performance.now();
    const worker = this.spawn();
    this.worker = worker;
    this.readyPromise = new Promise((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<Response | Ready>) => {
        const m = e.data;
        if ("ready" in m) {
          if (m.ready) {
            if (this.stats.workerReadyMs < 0) this.stats.workerReadyMs = performance.now() - created;
            resolve();
          } else {
            reject(new Error(`the monctl module did not load: ${m.error}`));
          }
          return;
        }
        this.answer(m);
      };
      worker.onerror = (e) => {
        const error = new Error(`the monctl worker failed: ${e.message || "it did not load"}`);
        reject(error);
        for (const w of this.waiting.values()) w.reject(error);
        this.waiting.clear();
      };
    });
    // Requests already waiting (after a restart) go to the new worker.
    for (const w of this.waiting.values()) worker.postMessage(w.request);
  }

  private answer(m: Response) {
    const w = this.waiting.get(m.id);
    if (!w) return;
    this.waiting.delete(m.id);
    if (m.ok) {
      w.resolve({ value: m.text, coreMs: m.ms, roundTripMs: performance.now() - w.sentAt });
      return;
    }
    w.reject(new Error(m.error));
    if (m.fatal) {
      // The core trapped (a bug; its panic message is on the console): its instance is unusable.
      this.worker.terminate();
      this.stats.restarts++;
      this.start();
    }
  }

  /** Posts one request and resolves with the core's answer text. */
  call(op: Op, args: string[] = []): Promise<Timed<string>> {
    const request: Request = { id: this.nextId++, op, args };
    return new Promise((resolve, reject) => {
      this.waiting.set(request.id, { request, sentAt: performance.now(), resolve, reject });
      this.worker.postMessage(request);
    });
  }

  /** A request on a channel: only the answer to the channel's latest request is "done". */
  latest(name: ChannelName, op: Op, args: string[]): Promise<Latest<string>> {
    let channel = this.channels.get(name);
    if (!channel) {
      channel = { latest: 0, busy: false };
      this.channels.set(name, channel);
    }
    const seq = ++channel.latest;
    return new Promise((resolve, reject) => {
      if (channel.pending) {
        this.stats.superseded++;
        channel.pending.resolve({ status: "superseded" });
      }
      channel.pending = { seq, op, args, resolve, reject };
      if (!channel.busy) this.drain(channel);
    });
  }

  private drain(channel: Channel) {
    const next = channel.pending;
    if (!next) return;
    channel.pending = undefined;
    channel.busy = true;
    this.call(next.op, next.args)
      .then(
        (answer) => {
          if (next.seq === channel.latest) {
            next.resolve({ status: "done", ...answer });
          } else {
            this.stats.stale++;
            next.resolve({ status: "stale", ...answer });
          }
        },
        (error: Error) => next.reject(error),
      )
      .finally(() => {
        channel.busy = false;
        this.drain(channel);
      });
  }

  // --- typed calls -------------------------------------------------------------------------------

  /** Checks and generates in one pass: the diagnostics, and the files when there is no error. */
  async generate(files: SpecFile[]): Promise<Latest<GenerateResult>> {
    return parsed(await this.latest("analysis", "generate", [filesJson(files)]));
  }

  async check(files: SpecFile[]): Promise<Timed<CheckResult>> {
    return parsedTimed(await this.call("check", [filesJson(files)]));
  }

  async routesTable(files: SpecFile[]): Promise<Latest<RoutesTable>> {
    return parsed(await this.latest("table", "routesTable", [filesJson(files)]));
  }

  /**
   * Routes an alert: `labels` is an object or Alertmanager's label syntax (`severity=critical, team=db`),
   * `at` an RFC 3339 instant or "", `firing` the other alerts firing (for inhibition).
   */
  async route(
    files: SpecFile[],
    labels: LabelSet | string,
    at = "",
    firing: (LabelSet | string)[] = [],
  ): Promise<Latest<Answer<{ result: RouteResult }>>> {
    const args = [
      filesJson(files),
      typeof labels === "string" ? labels : JSON.stringify(labels),
      at,
      firing.length ? JSON.stringify(firing) : "",
    ];
    return parsed(await this.latest("route", "route", args));
  }

  async explain(code: string): Promise<Answer<{ rule: CodeInfo }>> {
    return JSON.parse((await this.call("explain", [code])).value);
  }

  async rules(): Promise<CodeInfo[]> {
    return JSON.parse((await this.call("rules")).value).rules;
  }

  async schema(): Promise<unknown> {
    return JSON.parse((await this.call("schema")).value);
  }

  async version(): Promise<string> {
    return (await this.call("version")).value;
  }
}

function parsedTimed<T>(answer: Timed<string>): Timed<T> {
  return { ...answer, value: JSON.parse(answer.value) as T };
}

function parsed<T>(answer: Latest<string>): Latest<T> {
  return answer.status === "superseded" ? answer : { ...parsedTimed<T>(answer), status: answer.status };
}

/** The page's core: one module worker, started when this module is first imported. */
export const core = new Core(() => new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: "monctl" }));
