// Browser tests of the built playground (npm run build first): a tiny static server over dist/
// on a free 127.0.0.1 port, Debian's Chromium driven headless by playwright-core.
//
//   npm test                       (CHROMIUM=/path/to/chromium to use another browser)
//
// Asserts: the page loads with no console errors and the diagnostics the core gives for Mall-Go
// (no errors); a mistake typed in the editor shows its diagnostic at the right line within a
// second; clicking a problem moves the cursor there and its code opens the explanation; the
// Generated tab shows prometheus.yml; the routing panel answers a label set as the core does; the
// share link round-trips the edited spec; the zip download holds the generated files; and no
// request leaves the page (none at all after load). Prints measurements (not asserted), saves
// test-artifacts/playground.png, and ends with "N passed, N failed".
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import assert from "node:assert/strict";
import { artifacts, launch, readExample, repo, requireSiteAndBrowser, startServer } from "./harness.mjs";

requireSiteAndBrowser();

// The core's own answers, from the Node build of the same wasm package, to compare the page with.
const core = createRequire(import.meta.url)(join(repo, "wasm", "pkg", "node", "monctl.js"));
const mallGo = readExample("mall-go");

// --- a small runner -----------------------------------------------------------------------------
const results = [];
async function test(name, fn) {
  const t0 = performance.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`ok - ${name} (${(performance.now() - t0).toFixed(0)} ms)`);
  } catch (e) {
    results.push({ name, ok: false });
    console.log(`not ok - ${name}\n  ${String(e?.stack ?? e).split("\n").join("\n  ")}`);
    const shot = join(artifacts, `failed-${results.length}.png`);
    await currentPage?.screenshot({ path: shot }).then(() => console.log(`  screenshot: ${shot}`), () => undefined);
  }
}
let currentPage;
/** When the share test's second page was open: its own loading (and its worker's) is not ours. */
const otherPageOpen = [Infinity, -Infinity];
const measurements = {};

mkdirSync(artifacts, { recursive: true });
let server;
let browser;
let context;
// A hung browser must not hang CI: give up after a few minutes, closing what was started.
const watchdog = setTimeout(async () => {
  console.log("not ok - the browser tests did not finish in 5 minutes");
  await browser?.close();
  server?.close();
  console.log(`${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length + 1} failed`);
  process.exit(1);
}, 5 * 60_000);
watchdog.unref();
try {
  server = await startServer();
  const origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launch({ acceptDownloads: true });
  context = browser.context;

  // Every request any page makes, and console errors / uncaught exceptions.
  const requests = [];
  const consoleErrors = [];
  context.on("request", (r) => {
    let from;
    try {
      from = r.frame().page();
    } catch {
      from = undefined; // a worker's request
    }
    requests.push({ url: r.url(), at: performance.now(), page: from, worker: from === undefined });
  });
  const watch = (page) => {
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    page.on("pageerror", (e) => consoleErrors.push(String(e)));
  };

  const page = context.pages()[0] ?? (await context.newPage());
  currentPage = page;
  watch(page);
  const api = (expr, arg) => page.evaluate(expr, arg);
  const ready = (p) => p.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
  let loadedAt = 0;

  await test("the page loads with no console errors and Mall-Go's diagnostics (no errors)", async () => {
    await page.goto(`${origin}/`);
    await ready(page);
    loadedAt = performance.now();
    measurements.firstDiagnosticsMs = await api(() => window.monctlPlayground.stats.firstDiagnosticsMs);
    measurements.loadAnalysisMs = await api(() => window.monctlPlayground.stats.analysisMs[0]);
    assert.deepEqual(consoleErrors, []);
    const files = await api(() => window.monctlPlayground.files);
    assert.deepEqual(files, mallGo, "the editor holds examples/mall-go as it is in the repository");
    const tabs = await page.$$eval("#file-tabs button", (bs) => bs.map((b) => b.dataset.file));
    assert.deepEqual(tabs, mallGo.map((f) => f.name));
    const expected = JSON.parse(core.check(JSON.stringify(mallGo))).diagnostics;
    assert.equal(expected.filter((d) => d.severity === "error").length, 0, "Mall-Go checks without errors");
    assert.deepEqual(await api(() => window.monctlPlayground.diagnostics), expected);
    assert.equal(await page.textContent("#problem-count"), String(expected.length));
    assert.equal(await page.locator(".problems li.problem.error").count(), 0);
    const picker = await page.$$eval("#example option:not([hidden])", (os) => os.map((o) => o.value));
    assert.ok(picker.includes("mall-go"), picker.join(" "));
  });

  await test("the core runs in a worker; only the answer to the latest request is shown", async () => {
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
    assert.match(csp, /worker-src 'self'/);
    const [worker, ...others] = page.workers();
    assert.equal(others.length, 0);
    assert.match(new URL(worker.url()).pathname, /^\/assets\/worker-[\w-]+\.js$/);
    // The module was fetched by the worker, not by the page (each has its own resource timeline).
    const fetched = (scope) => scope.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name).filter((n) => n.endsWith(".wasm")));
    assert.deepEqual(await fetched(page), []);
    assert.equal((await fetched(worker)).length, 1);
    // Five analyses asked for at once: the first is sent and the last waits, replacing the three
    // between (never sent); the first's answer is then stale, the last is done.
    const answers = await api(async () => {
      const { core, files } = window.monctlPlayground;
      const before = { ...core.stats };
      const statuses = (await Promise.all([1, 2, 3, 4, 5].map(() => core.generate(files)))).map((a) => a.status);
      return { statuses, superseded: core.stats.superseded - before.superseded, stale: core.stats.stale - before.stale };
    });
    assert.deepEqual(answers, { statuses: ["stale", "superseded", "superseded", "superseded", "done"], superseded: 3, stale: 1 });
    // Other calls are plain request/answer, in order.
    const codes = await api(() => Promise.all(["S007", "s007", "nope"].map((c) => window.monctlPlayground.core.explain(c))));
    assert.deepEqual(codes.map((a) => a.ok), [true, true, false]);
    assert.deepEqual(consoleErrors, []);
  });

  // The route whose receiver is replaced: the second child route of routing.yml.
  const routingText = mallGo.find((f) => f.name === "routing.yml").text.split("\n");
  const receiverLines = routingText.flatMap((l, i) => (/^\s+receiver: /.test(l) ? [i + 1] : []));
  const mistakeLine = receiverLines[2];
  const mistakeColumn = routingText[mistakeLine - 1].indexOf("receiver: ") + "receiver: ".length + 1;
  const original = routingText[mistakeLine - 1].slice(mistakeColumn - 1);

  await test("typing an unknown receiver shows its diagnostic at the right line within a second", async () => {
    await page.click('#file-tabs button[data-file="routing.yml"]');
    await api(([l, c, e]) => window.monctlPlayground.select(l, c, e), [mistakeLine, mistakeColumn, mistakeColumn + original.length]);
    const before = await api(() => window.monctlPlayground.stats.analyses);
    await page.keyboard.type("pager-typo", { delay: 20 });
    const typed = performance.now();
    await page.waitForFunction(
      ([line, before]) =>
        window.monctlPlayground.stats.analyses > before &&
        window.monctlPlayground.diagnostics.some(
          (d) => d.severity === "error" && d.location?.file === "routing.yml" && d.location.start.line === line && d.message.includes("pager-typo"),
        ),
      [mistakeLine, before],
      { timeout: 1000, polling: 10 },
    );
    measurements.typedToDiagnosticMs = performance.now() - typed;
    const problem = page.locator(".problems li.problem.error", { hasText: "pager-typo" });
    await problem.waitFor({ timeout: 1000 });
    assert.match(await problem.locator(".where").textContent(), new RegExp(`^routing\\.yml:${mistakeLine}:${mistakeColumn}$`));
    // The underline and the gutter marker in the editor.
    await page.waitForSelector(".cm-lintRange-error", { timeout: 1000 });
    assert.ok((await page.locator(".cm-lint-marker-error").count()) >= 1);
    assert.equal(await page.getAttribute("#status", "class"), "status error");
  });

  await test("clicking a problem moves the cursor there; its code opens the explanation", async () => {
    await page.click('#file-tabs button[data-file="metrics.yml"]');
    const problem = page.locator(".problems li.problem.error", { hasText: "pager-typo" });
    await problem.locator(".msg").click();
    assert.deepEqual(await api(() => window.monctlPlayground.cursor()), { file: "routing.yml", line: mistakeLine, column: mistakeColumn });
    const code = (await problem.locator(".code").textContent()).trim();
    await problem.locator(".code").click();
    await page.waitForSelector("dialog#explain[open]");
    const heading = await page.textContent("#explain-body h2");
    assert.ok(heading.includes(code), heading);
    assert.ok((await page.textContent("#explain-body")).length > 100);
    await page.screenshot({ path: join(artifacts, "explain.png") }).catch(() => undefined);
    await page.keyboard.press("Escape");
    await page.waitForSelector("dialog#explain:not([open])", { state: "attached" });
  });

  await test("fixing it clears the error; the Generated tab shows prometheus.yml", async () => {
    await api(([l, c, e]) => window.monctlPlayground.select(l, c, e), [mistakeLine, mistakeColumn, mistakeColumn + "pager-typo".length]);
    await page.keyboard.type(original);
    await page.waitForFunction(() => !window.monctlPlayground.diagnostics.some((d) => d.severity === "error"), null, { timeout: 1000 });
    assert.deepEqual(await api(() => window.monctlPlayground.files), mallGo);
    await page.click('.panel-tabs button[data-panel="generated"]');
    const expected = JSON.parse(core.generate(JSON.stringify(mallGo)));
    assert.equal(expected.ok, true);
    const tabs = await page.$$eval("#gen-tabs button", (bs) => bs.map((b) => b.dataset.path));
    assert.deepEqual(tabs, expected.files.map((f) => f.path));
    assert.equal(await page.textContent("#gen-tabs button.active"), "prometheus.yml");
    const shown = await page.textContent("#gen-view .cm-content");
    assert.ok(shown.includes("scrape_configs:"), shown.slice(0, 200));
    assert.equal(await page.locator("#gen-tabs button.changed").count(), 0, "nothing changed since load");
    // Other generated files are there too, e.g. alertmanager.yml when the spec routes alerts.
    if (tabs.includes("alertmanager.yml")) {
      await page.click('#gen-tabs button[data-path="alertmanager.yml"]');
      // The view's whole text: CodeMirror renders only the lines in sight, and with the stack's
      // files the tab bar leaves fewer of them.
      const view = await api(() => window.monctlPlayground.shownGenerated);
      assert.equal(view.path, "alertmanager.yml");
      assert.ok(view.text.includes("receivers:"), view.text.slice(0, 300));
    }
  });

  await test("an edit shows as a change of the generated file, in the diff view", async () => {
    await page.click('#file-tabs button[data-file="routing.yml"]');
    const line = routingText.findIndex((l) => /^\s+group_wait: /.test(l)) + 1;
    assert.ok(line > 0);
    const col = routingText[line - 1].indexOf("group_wait: ") + "group_wait: ".length + 1;
    const value = routingText[line - 1].slice(col - 1);
    await api(([l, c, e]) => window.monctlPlayground.select(l, c, e), [line, col, col + value.length]);
    await page.keyboard.type("42s");
    await page.waitForSelector('#gen-tabs button.changed[data-path="alertmanager.yml"]', { timeout: 1000 });
    await page.click('#gen-tabs button[data-path="alertmanager.yml"]');
    await page.check("#diff-toggle");
    await page.waitForSelector("#gen-view .cm-changedLine", { timeout: 1000 });
    assert.ok((await page.textContent("#gen-view .cm-changedLine")).includes("42s"));
    await page.screenshot({ path: join(artifacts, "diff.png") }).catch(() => undefined);
    await page.uncheck("#diff-toggle");
    await api(([l, c, e]) => window.monctlPlayground.select(l, c, e), [line, col, col + 3]);
    await page.keyboard.type(value);
    await page.waitForFunction(() => document.querySelectorAll("#gen-tabs button.changed").length === 0, null, { timeout: 1000 });
  });

  await test("the routing panel answers a label set as the core does", async () => {
    await page.click('.panel-tabs button[data-panel="routing"]');
    const table = JSON.parse(core.routes_table(JSON.stringify(mallGo)));
    assert.equal(table.ok, true);
    // The panel is filled from the worker's answer: wait for it (a flaky count of 0 otherwise).
    const rows = table.alerts.length + 1;
    await page
      .waitForFunction((n) => document.querySelectorAll("#route-table tr").length === n, rows, { timeout: 5000 })
      .catch(() => undefined);
    assert.equal(await page.locator("#route-table tr").count(), rows);
    const labels = "alertname=MySQLDown, severity=critical";
    await page.fill("#route-labels", labels);
    const expected = JSON.parse(core.route(JSON.stringify(mallGo), labels, "", "")).result;
    assert.ok(expected.receivers.length > 0);
    await page.waitForFunction(
      (want) => [...document.querySelectorAll("#route-result .chip.receiver")].map((c) => c.textContent).join(",") === want,
      expected.notified.join(","),
      { timeout: 2000 },
    );
    const paths = await page.$$eval("#route-result td.path", (tds) => tds.map((td) => td.textContent));
    assert.deepEqual(paths, expected.routes.map((r) => r.spec_path));
    // A malformed label set is answered with a message, not an exception.
    await page.fill("#route-labels", "severity=~crit");
    await page.waitForSelector("#route-result .note.error", { timeout: 2000 });
    await page.fill("#route-labels", labels);
    await page.waitForSelector("#route-result .chip.receiver", { timeout: 2000 });
  });

  await test("measure: every keystroke past the debounce is checked, in the worker (Mall-Go)", async () => {
    await page.click('#file-tabs button[data-file="metrics.yml"]');
    await api(() => window.monctlPlayground.select(1, 1));
    await page.keyboard.press("End");
    const start = await api(() => window.monctlPlayground.stats.analysisMs.length);
    const text = " more";
    for (const ch of text) {
      const before = await api(() => window.monctlPlayground.stats.analyses);
      await page.keyboard.type(ch);
      await page.waitForFunction((n) => window.monctlPlayground.stats.analyses > n, before, { timeout: 2000, polling: 5 });
    }
    const s = await api(() => window.monctlPlayground.stats);
    const core = s.analysisMs.slice(start);
    assert.equal(core.length, text.length, `${core.length} analyses for ${text.length} keystrokes`);
    measurements.keystrokeCheckMs = summary(core);
    measurements.keystrokeShownMs = summary(s.editToDiagnosticsMs.slice(-text.length));
    for (let i = 0; i < text.length; i++) await page.keyboard.press("Backspace");
    await page.waitForFunction(() => !window.monctlPlayground.diagnostics.some((d) => d.severity === "error"), null, { timeout: 1000 });
  });

  await test("keys complete from the JSON Schema, by the YAML path at the cursor", async () => {
    await page.click('#file-tabs button[data-file="scrape.yml"]');
    const lines = (await api(() => window.monctlPlayground.files)).find((f) => f.name === "scrape.yml").text.split("\n");
    const jobs = lines.findIndex((l) => /^  jobs:/.test(l)) + 1;
    assert.ok(jobs > 0);
    // A new key in the first scrape job: its keys (job_name, relabel_configs...) are offered.
    const first = lines.findIndex((l, i) => i >= jobs && /^    - job_name:/.test(l)) + 1;
    await api(([l]) => window.monctlPlayground.select(l, 1000), [first]);
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await page.keyboard.type("relab", { delay: 30 });
    const popup = page.locator(".cm-tooltip-autocomplete");
    await popup.waitFor({ timeout: 2000 });
    const options = await popup.locator("li").allTextContents();
    assert.ok(options.some((o) => o.startsWith("relabel_configs")), options.join(" "));
    await page.keyboard.press("Escape");
    for (let i = 0; i < "relab".length; i++) await page.keyboard.press("Backspace");
    await page.keyboard.press("Backspace"); // the new line
    await page.waitForFunction(() => !window.monctlPlayground.diagnostics.some((d) => d.severity === "error"), null, { timeout: 1000 });
  });

  await test("the share link round-trips the edited spec", async () => {
    await page.click('#file-tabs button[data-file="scrape.yml"]');
    await api(() => window.monctlPlayground.select(1, 1));
    await page.keyboard.type("# shared: ünïcödé ✓ and \"quotes\"\n");
    const edited = await api(() => window.monctlPlayground.files);
    assert.notDeepEqual(edited, mallGo);
    await page.click("#share");
    const url = await page.inputValue("#share-url");
    assert.ok(url.startsWith(`${origin}/#s=`), url.slice(0, 80));
    otherPageOpen[0] = performance.now();
    const other = await context.newPage();
    watch(other);
    await other.goto(url);
    await ready(other);
    assert.deepEqual(await other.evaluate(() => window.monctlPlayground.files), edited);
    await other.close();
    otherPageOpen[1] = performance.now();
  });

  await test("Download .zip holds every generated file", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
    const path = await download.path();
    const zip = readFileSync(path);
    assert.equal(zip.subarray(0, 2).toString(), "PK");
    const names = zipEntries(zip).map((e) => e.name);
    const expected = JSON.parse(core.generate(JSON.stringify(await api(() => window.monctlPlayground.files))));
    assert.deepEqual(names, expected.files.map((f) => f.path));
    const prom = zipEntries(zip).find((e) => e.name === "prometheus.yml");
    assert.equal(prom.text, expected.files.find((f) => f.path === "prometheus.yml").content);
  });

  await test("no request leaves the page; none at all after load", async () => {
    const outside = requests.filter((r) => !r.url.startsWith(`${origin}/`) && !/^(data|blob):/.test(r.url));
    assert.deepEqual(outside.map((r) => r.url), []);
    // Once loaded, the page requested nothing more while it was edited, checked, routed, shared
    // and downloaded from (the share link was opened in another page, which loaded on its own).
    // Requests of workers cannot be told apart by page: those made while the other page was open
    // are left out.
    const ours = (r) => (r.worker ? !(r.at >= otherPageOpen[0] && r.at <= otherPageOpen[1]) : r.page === page);
    const after = requests.filter((r) => ours(r) && r.at > loadedAt && !/^(data|blob):/.test(r.url));
    assert.deepEqual(after.map((r) => r.url), []);
    assert.ok(requests.some((r) => r.url.endsWith(".wasm")), "the wasm module was loaded from the same origin");
    assert.ok(requests.some((r) => /\/assets\/worker-[\w-]+\.js$/.test(r.url)), "the worker script was loaded from the same origin");
    assert.deepEqual(consoleErrors, []);
  });

  // Screenshot of the page as a user first sees it, with the problems of an unknown receiver.
  await page.goto(`${origin}/`);
  await ready(page);
  await page.click('.panel-tabs button[data-panel="routing"]');
  await page.waitForSelector("#route-result .chip.receiver");
  await page.screenshot({ path: join(artifacts, "routing.png") });
  await page.click('.panel-tabs button[data-panel="problems"]');
  await page.click('#file-tabs button[data-file="routing.yml"]');
  await api(([l, c, e]) => window.monctlPlayground.select(l, c, e), [mistakeLine, mistakeColumn, mistakeColumn + original.length]);
  await page.keyboard.type("pager-typo");
  await page.waitForSelector(".cm-lintRange-error");
  await page.screenshot({ path: join(artifacts, "playground.png") });
} catch (e) {
  results.push({ name: "setup", ok: false });
  console.log(`not ok - setup\n  ${e?.stack ?? e}`);
} finally {
  clearTimeout(watchdog);
  await browser?.close();
  await new Promise((ok) => (server ? server.close(ok) : ok()));
}

function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], max: sorted.at(-1), n: values.length };
}

/** The entries of a zip (stored or deflated), enough to read what the page wrote. */
function zipEntries(buf) {
  const out = [];
  let i = 0;
  while (buf.readUInt32LE(i) === 0x04034b50) {
    const method = buf.readUInt16LE(i + 8);
    const size = buf.readUInt32LE(i + 18);
    const nameLen = buf.readUInt16LE(i + 26);
    const extraLen = buf.readUInt16LE(i + 28);
    const name = buf.subarray(i + 30, i + 30 + nameLen).toString();
    const data = buf.subarray(i + 30 + nameLen + extraLen, i + 30 + nameLen + extraLen + size);
    out.push({ name, text: (method === 8 ? inflateRawSync(data) : data).toString() });
    i += 30 + nameLen + extraLen + size;
  }
  return out;
}

console.log("\nmeasurements (not asserted):");
console.log(`  first diagnostics after navigation start: ${measurements.firstDiagnosticsMs?.toFixed?.(0)} ms`);
console.log(`  first analysis (check + generate) of Mall-Go: ${measurements.loadAnalysisMs?.toFixed?.(1)} ms`);
console.log(`  last keystroke to diagnostic shown (incl. ${150} ms debounce): ${measurements.typedToDiagnosticMs?.toFixed?.(0)} ms`);
const k = measurements.keystrokeCheckMs;
if (k) console.log(`  check + generate per keystroke on Mall-Go, in the worker: median ${k.median.toFixed(1)} ms, max ${k.max.toFixed(1)} ms (${k.n} keystrokes)`);
const shown = measurements.keystrokeShownMs;
if (shown) console.log(`  keystroke to its diagnostics shown (incl. ${150} ms debounce): median ${shown.median.toFixed(0)} ms, max ${shown.max.toFixed(0)} ms`);
console.log("  (more: npm run measure, a 1,000-rule spec and the main thread's longest task)");
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
