// Measurements of the built playground in headless Chromium: printed, never asserted (the core is
// being made faster, and these shared machines drift by 2x between runs). Re-run them with
//
//   npm run build && npm run measure          (CHROMIUM=/path, MEASURE_RULES=1000, MEASURE_RUNS=7)
//
// What it measures:
//   1. Mall-Go, per keystroke: the check + generate the page runs, in the worker (ms in the core),
//      and keystroke to diagnostics shown (the 150 ms debounce included, and without it);
//   2. a synthetic 1,000-rule spec (tests/synthetic.mjs: bundled packs' metrics, rules with
//      matchers, rate(), sum by (...), comparisons): check and check + generate in the worker
//      (median of MEASURE_RUNS), and an edit to its diagnostics shown;
//   3. the main thread while that spec is checked as it is typed in: the longest task (Long Tasks
//      API) and the longest gap between animation frames, while the worker checks, and including
//      the page showing the answers; and an edit that gives it thousands of diagnostics.
// Ends with "measurements: N taken, N could not be taken" and exits non-zero when one could not
// be (the page did not answer as the core does); .ci/browser-tests.sh runs it before the tests so
// that their "N passed, N failed" is the last line.
import { createRequire } from "node:module";
import { join } from "node:path";
import { launch, readExample, repo, requireSiteAndBrowser, startServer } from "./harness.mjs";
import { syntheticSpec } from "./synthetic.mjs";

requireSiteAndBrowser();
const RULES = Number(process.env.MEASURE_RULES ?? 1000);
const RUNS = Number(process.env.MEASURE_RUNS ?? 7);
const core = createRequire(import.meta.url)(join(repo, "wasm", "pkg", "node", "monctl.js"));
const big = syntheticSpec(RULES);
const bigDiagnostics = JSON.parse(core.check(JSON.stringify(big))).diagnostics;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const fmt = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : "n/a");
const lines = [];
const report = (text) => {
  lines.push(text);
  console.log(text);
};
let passed = 0;
let failed = 0;
async function step(name, fn) {
  try {
    await fn();
    passed++;
  } catch (e) {
    failed++;
    console.log(`not ok - ${name}\n  ${String(e?.stack ?? e).split("\n").join("\n  ")}`);
  }
}

const watchdog = setTimeout(() => {
  console.log("not ok - the measurements did not finish in 8 minutes");
  console.log(`measurements: ${passed} taken, ${failed + 1} could not be taken`);
  process.exit(1);
}, 8 * 60_000);
watchdog.unref();

const server = await startServer();
const browser = await launch();
try {
  const origin = `http://127.0.0.1:${server.address().port}`;
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  const api = (expr, arg) => page.evaluate(expr, arg);
  await page.goto(`${origin}/`);
  await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
  const first = await api(() => ({ ...window.monctlPlayground.stats, worker: window.monctlPlayground.core.stats }));
  report(`measurements (not asserted), Chromium ${browser.context.browser()?.version() ?? ""}`.trim());
  report(`  page load: worker ready ${fmt(first.worker.workerReadyMs, 0)} ms after it was created; first diagnostics ${fmt(first.firstDiagnosticsMs, 0)} ms after navigation`);

  /** Types `text` one character at a time, each time waiting for its analysis to be shown. */
  async function typeChecked(text) {
    const from = await api(() => window.monctlPlayground.stats.analysisMs.length);
    for (const ch of text) {
      const before = await api(() => window.monctlPlayground.stats.analyses);
      await page.keyboard.type(ch);
      await page.waitForFunction((n) => window.monctlPlayground.stats.analyses > n, before, { timeout: 60_000, polling: 5 });
    }
    const s = await api(() => window.monctlPlayground.stats);
    return {
      coreMs: s.analysisMs.slice(from),
      roundTripMs: s.roundTripMs.slice(from),
      shownMs: s.editToDiagnosticsMs.slice(from),
      renderMs: s.renderMs.slice(from),
    };
  }
  async function erase(n) {
    for (let i = 0; i < n; i++) await page.keyboard.press("Backspace");
  }

  await step("Mall-Go per keystroke", async () => {
    await page.click('#file-tabs button[data-file="metrics.yml"]');
    await api(() => window.monctlPlayground.select(1, 1));
    await page.keyboard.press("End");
    const text = " measured typing";
    const m = await typeChecked(text);
    if (m.coreMs.length !== text.length) throw new Error(`${m.coreMs.length} analyses for ${text.length} keystrokes`);
    report(`  Mall-Go, per keystroke (${text.length}): check + generate in the worker ${fmt(median(m.coreMs))} ms (median; max ${fmt(Math.max(...m.coreMs))}),`);
    report(`    round trip ${fmt(median(m.roundTripMs))} ms, keystroke to diagnostics shown ${fmt(median(m.shownMs), 0)} ms (incl. the 150 ms debounce; ${fmt(median(m.shownMs) - 150, 0)} ms past it), showing them ${fmt(median(m.renderMs))} ms`);
    await erase(text.length);
  });

  await step(`${RULES}-rule spec in the worker`, async () => {
    const t0 = Date.now();
    await api((files) => window.monctlPlayground.load(files), big);
    const loaded = Date.now() - t0;
    const shown = await api(() => window.monctlPlayground.diagnostics);
    if (shown.length !== bigDiagnostics.length) throw new Error(`${shown.length} diagnostics shown, the core gives ${bigDiagnostics.length}`);
    const size = big.reduce((n, f) => n + f.text.length, 0);
    const byCode = {};
    for (const d of bigDiagnostics) byCode[d.code] = (byCode[d.code] ?? 0) + 1;
    report(`  ${RULES}-rule spec: ${big.length} files, ${(size / 1024).toFixed(0)} KiB, ${bigDiagnostics.length} diagnostics ${JSON.stringify(byCode)}; loaded and shown in ${loaded} ms`);
    const runs = await api(
      async ([files, runs]) => {
        const core = window.monctlPlayground.core;
        const check = [];
        const generate = [];
        for (let i = 0; i < runs; i++) check.push(await core.check(files));
        for (let i = 0; i < runs; i++) generate.push(await core.generate(files));
        const pick = (xs) => ({ core: xs.map((x) => x.coreMs), trip: xs.map((x) => x.roundTripMs) });
        return { check: pick(check), generate: pick(generate) };
      },
      [big, RUNS],
    );
    report(`    check in the worker: ${fmt(median(runs.check.core))} ms (median of ${RUNS}; min ${fmt(Math.min(...runs.check.core))}, max ${fmt(Math.max(...runs.check.core))}), round trip ${fmt(median(runs.check.trip))} ms`);
    report(`    check + generate (what the page runs per edit): ${fmt(median(runs.generate.core))} ms, round trip ${fmt(median(runs.generate.trip))} ms`);
    await page.click('#file-tabs button[data-file="scrape.yml"]');
    await api(() => window.monctlPlayground.select(1, 1));
    await page.keyboard.press("End");
    const m = await typeChecked(" #x");
    report(`    an edit to its diagnostics shown: ${fmt(median(m.shownMs), 0)} ms (incl. the debounce), showing them ${fmt(median(m.renderMs))} ms`);
    await erase(3);
    await page.waitForFunction((n) => window.monctlPlayground.diagnostics.length === n, bigDiagnostics.length, { timeout: 60_000 });
  });

  await step("main thread while the worker checks", async () => {
    // Probes: every long task (> 50 ms, Long Tasks API) and the gaps between animation frames.
    await api(() => {
      const probe = { tasks: [], frames: [], running: true };
      window.__probe = probe;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) probe.tasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: "longtask" });
      let last = performance.now();
      const frame = (t) => {
        probe.frames.push({ at: t, gap: t - last });
        last = t;
        if (probe.running) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    await page.waitForTimeout(300);
    const from = await api(() => performance.now());
    // Typing into the 1,000-rule spec at ~8 keys a second: each pause past the debounce starts a
    // check, and keys keep coming while it runs.
    const text = " # typed while the worker checks";
    for (const ch of text) {
      await page.keyboard.type(ch);
      await page.waitForTimeout(120 + (ch === " " ? 100 : 0));
    }
    await page.waitForFunction(
      (n) => {
        const t = window.monctlPlayground.stats.timeline.at(-1);
        return t && t.shown > 0 && window.monctlPlayground.stats.analyses > n;
      },
      0,
      { timeout: 60_000 },
    );
    await page.waitForTimeout(300);
    const r = await api((from) => {
      const probe = window.__probe;
      probe.running = false;
      const { timeline } = window.monctlPlayground.stats;
      return { probe, timeline: timeline.filter((t) => t.sent >= from), to: performance.now() };
    }, from);
    const within = (t, a, b) => t >= a && t <= b;
    // While the worker computes: from each request to its answer; showing: answer to shown.
    const computing = r.timeline.filter((t) => t.answered > 0).map((t) => [t.sent, t.answered]);
    const showing = r.timeline.filter((t) => t.shown > 0).map((t) => [t.answered, t.shown + 50]);
    const tasksIn = (ranges) => r.probe.tasks.filter((k) => ranges.some(([a, b]) => within(k.start, a, b) || within(a, k.start, k.start + k.duration)));
    const framesIn = (ranges) => r.probe.frames.filter((f) => ranges.some(([a, b]) => within(f.at, a, b)));
    const longest = (tasks) => (tasks.length ? `${Math.max(...tasks.map((k) => k.duration)).toFixed(0)} ms` : "none over 50 ms");
    const all = r.probe.tasks.filter((k) => k.start >= from);
    const frameGap = (fs) => (fs.length ? Math.max(...fs.map((f) => f.gap)) : NaN);
    const statuses = {};
    for (const t of r.timeline) statuses[t.status || "pending"] = (statuses[t.status || "pending"] ?? 0) + 1;
    const busy = computing.reduce((n, [a, b]) => n + (b - a), 0);
    report(`  main thread while ${RULES} rules are checked as ${text.length} keys are typed (${r.timeline.length} analyses asked: ${JSON.stringify(statuses)}; worker busy ${fmt(busy, 0)} ms):`);
    report(`    longest main-thread task while the worker checks: ${longest(tasksIn(computing))} (tasks over 50 ms: ${tasksIn(computing).length}); longest gap between frames ${fmt(frameGap(framesIn(computing)), 0)} ms`);
    report(`    including showing the answers: longest task ${longest(all)} (over 50 ms: ${all.length}); showing an answer: ${longest(tasksIn(showing))}; longest frame gap ${fmt(frameGap(r.probe.frames.filter((f) => f.at >= from)), 0)} ms`);
  });

  await step("an edit that gives thousands of diagnostics", async () => {
    // Commenting out `scrape:` leaves every rule's metrics uncollected: one finding per selector.
    await api(() => {
      window.__tasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__tasks.push(e.duration);
      }).observe({ type: "longtask" });
    });
    await api(() => window.monctlPlayground.select(1, 1));
    const m = await typeChecked("#");
    const n = await api(() => window.monctlPlayground.diagnostics.length);
    const listed = await page.locator("#problems li.problem").count();
    await page.waitForTimeout(300);
    const tasks = await api(() => window.__tasks);
    report(`  an edit that gives ${n} diagnostics (${listed} listed, the rest behind "show more"): shown ${fmt(median(m.shownMs), 0)} ms after the keystroke, showing them ${fmt(median(m.renderMs))} ms; longest main-thread task ${tasks.length ? `${Math.max(...tasks).toFixed(0)} ms` : "none over 50 ms"}`);
    await erase(1);
    await page.waitForFunction((n) => window.monctlPlayground.diagnostics.length === n, bigDiagnostics.length, { timeout: 60_000 });
  });

  if (errors.length) {
    failed++;
    console.log(`not ok - console errors:\n  ${errors.join("\n  ")}`);
  }
} catch (e) {
  failed++;
  console.log(`not ok - setup\n  ${e?.stack ?? e}`);
} finally {
  clearTimeout(watchdog);
  await browser.close();
  await new Promise((ok) => server.close(ok));
}
console.log(`measurements: ${passed} taken, ${failed} could not be taken`);
process.exit(failed ? 1 : 0);
