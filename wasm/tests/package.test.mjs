// Tests of the built WebAssembly package (run wasm/build.sh first): both the --target web module,
// instantiated the way a browser page would but from bytes, and the --target nodejs module.
// Run: node --test wasm/tests/   (MONCTL_WASM_PKG=DIR to test a package built elsewhere)
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const pkg = resolve(process.env.MONCTL_WASM_PKG ?? join(here, "..", "pkg"));
if (!existsSync(join(pkg, "monctl_bg.wasm"))) {
  throw new Error(`no built package in ${pkg}: run wasm/build.sh first`);
}

const web = await import(pathToFileURL(join(pkg, "monctl.js")).href);
web.initSync({ module: readFileSync(join(pkg, "monctl_bg.wasm")) });
const node = createRequire(import.meta.url)(join(pkg, "node", "monctl.js"));

const root = resolve(here, "..", "..");
const crateVersion = readFileSync(join(here, "..", "Cargo.toml"), "utf8").match(/^version = "([^"]+)"/m)[1];

const BAD_PROMQL = "rules:\n  groups:\n    - name: g\n      rules:\n        - alert: A\n          expr: up ==\n";
const files = (name, text) => JSON.stringify([{ name, text }]);

// A spec folder as the CLI reads it: .yml/.yaml/.json files of a walk sorted at each level,
// hidden entries skipped, named by their path relative to the repository root.
function readSpecFolder(rel) {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(join(root, dir)).sort()) {
      if (entry.startsWith(".")) continue;
      const path = `${dir}/${entry}`;
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else if (/\.(ya?ml|json)$/.test(entry)) out.push({ name: path, text: readFileSync(join(root, path), "utf8") });
    }
  };
  walk(rel);
  return out;
}
const mallGo = JSON.stringify(readSpecFolder("examples/mall-go"));

// The native CLI, when `cargo test` or `cargo build` has built it: the wasm answers must be its answers.
const cli = [process.env.MONCTL_BIN, join(root, "target", "debug", "monctl"), join(root, "target", "release", "monctl")]
  .find((p) => p && existsSync(p));

for (const [target, m] of [["web", web], ["nodejs", node]]) {
  test(`${target}: check finds the broken expression, with its position`, () => {
    const answer = JSON.parse(m.check(files("alerts.yaml", BAD_PROMQL)));
    assert.equal(answer.error, undefined);
    const d = answer.diagnostics.find((d) => d.code === "S007");
    assert.ok(d, `no S007 in ${JSON.stringify(answer)}`);
    assert.equal(d.severity, "error");
    assert.equal(d.location.file, "alerts.yaml");
    assert.equal(d.location.start.line, 6);
    assert.equal(typeof d.message, "string");
    assert.ok(Array.isArray(d.related));
  });

  test(`${target}: check_spec is check of one file named monctl.yaml`, () => {
    assert.equal(m.check_spec(BAD_PROMQL), m.check(files("monctl.yaml", BAD_PROMQL)));
  });

  test(`${target}: generate refuses a spec with errors`, () => {
    const answer = JSON.parse(m.generate(files("alerts.yaml", BAD_PROMQL)));
    assert.equal(answer.ok, false);
    assert.equal(answer.files, undefined);
    assert.ok(answer.diagnostics.some((d) => d.severity === "error"));
    assert.equal(m.generate_spec(BAD_PROMQL), m.generate(files("monctl.yaml", BAD_PROMQL)));
  });

  test(`${target}: generate answers the Mall-Go example's files`, () => {
    const answer = JSON.parse(m.generate(mallGo));
    assert.equal(answer.ok, true, JSON.stringify(answer.diagnostics));
    assert.ok(answer.files.some((f) => f.path === "prometheus.yml"), answer.files.map((f) => f.path).join(" "));
    for (const f of answer.files) {
      assert.equal(typeof f.path, "string");
      assert.ok(f.content.length > 0, f.path);
    }
    assert.ok(!JSON.parse(m.check(mallGo)).diagnostics.some((d) => d.severity === "error"));
  });

  test(`${target}: generates the same files as the native CLI`, { skip: !cli && "no target/debug/monctl (run cargo build first)" }, () => {
    const out = mkdtempSync(join(tmpdir(), "monctl-wasm-"));
    try {
      execFileSync(cli, ["generate", "examples/mall-go", "--out", out], { cwd: root, stdio: "pipe" });
      const answer = JSON.parse(m.generate(mallGo));
      for (const f of answer.files) assert.equal(f.content, readFileSync(join(out, f.path), "utf8"), f.path);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test(`${target}: finds what the native CLI finds`, { skip: !cli && "no target/debug/monctl (run cargo build first)" }, () => {
    for (const spec of ["examples/mall-go", "examples/mall-go/alerts/application.yml"]) {
      let stdout;
      try {
        stdout = execFileSync(cli, ["check", spec, "--format", "json"], { cwd: root, stdio: "pipe" });
      } catch (e) {
        stdout = e.stdout; // exit status 1 when there are errors
      }
      const native = JSON.parse(stdout).map((d) => [d.code, d.severity, d.file, d.line, d.column, d.message]);
      const input = spec.endsWith(".yml") ? files(spec, readFileSync(join(root, spec), "utf8")) : mallGo;
      const wasm = JSON.parse(m.check(input)).diagnostics.map((d) => [
        d.code, d.severity, d.location?.file ?? null, d.location?.start.line ?? null, d.location?.start.column ?? null, d.message,
      ]);
      assert.deepEqual(wasm, native, spec);
    }
  });

  test(`${target}: input that is not files JSON gives an error object, and the module keeps working`, () => {
    for (const input of ["", "{", "null", "42", '{"name":"a","text":"b"}', "[1]", '[{"name":"a"}]', '[{"name":1,"text":""}]']) {
      const checked = JSON.parse(m.check(input));
      assert.equal(checked.error.code, "invalid-input", input);
      assert.equal(typeof checked.error.message, "string");
      assert.deepEqual(checked.diagnostics, []);
      const generated = JSON.parse(m.generate(input));
      assert.equal(generated.ok, false, input);
      assert.equal(generated.error.code, "invalid-input");
    }
    assert.ok(JSON.parse(m.check(files("a.yaml", BAD_PROMQL))).diagnostics.length > 0);
  });

  test(`${target}: odd specs are answered, never trapped`, () => {
    const odd = [
      "", "\u0000", "- - - -", "a: &x [*x]", "{{{{", "rules: 7", "\t\t:", "é".repeat(1000),
      "[".repeat(500), "a:\n".repeat(200), "rules:\n  groups: [{name: g, rules: [{alert: A, expr: 'sum(('}]}\n",
    ];
    for (const text of odd) {
      const checked = JSON.parse(m.check_spec(text));
      assert.ok(Array.isArray(checked.diagnostics), JSON.stringify(text));
      const generated = JSON.parse(m.generate_spec(text));
      assert.equal(typeof generated.ok, "boolean");
    }
  });

  test(`${target}: schema is the committed JSON Schema`, () => {
    const text = m.schema();
    assert.match(JSON.parse(text).$schema, /json-schema\.org/);
    assert.equal(text, readFileSync(join(here, "..", "..", "schemas", "monctl.schema.json"), "utf8"));
  });

  test(`${target}: explain documents a code (any case) or answers unknown-code`, () => {
    const answer = JSON.parse(m.explain("s007"));
    assert.equal(answer.ok, true);
    assert.equal(answer.rule.code, "S007");
    for (const key of ["name", "family", "severity", "summary", "explanation"]) assert.equal(typeof answer.rule[key], "string", key);
    const unknown = JSON.parse(m.explain("Z999"));
    assert.equal(unknown.ok, false);
    assert.equal(unknown.error.code, "unknown-code");
    assert.equal(JSON.parse(m.explain("")).ok, false);
  });

  test(`${target}: rules lists every code, each explainable`, () => {
    const { rules } = JSON.parse(m.rules());
    assert.ok(rules.length > 20);
    assert.equal(new Set(rules.map((r) => r.code)).size, rules.length);
    for (const r of rules) assert.deepEqual(JSON.parse(m.explain(r.code)).rule, r);
  });

  test(`${target}: route answers receivers and matched routes for Mall-Go`, () => {
    const answer = JSON.parse(m.route(mallGo, '{"severity":"critical","alertname":"MySQLDown"}', "", ""));
    assert.equal(answer.ok, true, JSON.stringify(answer));
    const r = answer.result;
    assert.deepEqual(r.labels, { severity: "critical", alertname: "MySQLDown" });
    assert.ok(r.receivers.length > 0);
    assert.deepEqual(r.receivers, r.routes.map((x) => x.receiver));
    for (const route of r.routes) {
      assert.match(route.spec_path, /^routing\.route/);
      assert.equal(typeof route.group_key, "string");
      assert.ok(Array.isArray(route.group_by));
    }
    assert.equal(r.inhibited, false);
    assert.deepEqual(r.notified, r.receivers);
    // Alertmanager's label syntax, as `monctl routes test --labels` reads it, answers the same.
    assert.deepEqual(JSON.parse(m.route(mallGo, 'alertname=MySQLDown, severity="critical"', "", "")), answer);
  });

  test(`${target}: route with firing alerts and an instant`, () => {
    const answer = JSON.parse(m.route(mallGo, "alertname=HighCPUUsage,severity=warning", "2024-05-06T09:30:00Z",
      JSON.stringify(["alertname=HighCPUUsage,severity=critical", { alertname: "Other" }])));
    assert.equal(answer.ok, true, JSON.stringify(answer));
    assert.equal(answer.result.at, "2024-05-06T09:30:00+00:00");
    assert.equal(typeof answer.result.inhibited, "boolean");
    if (answer.result.inhibited) {
      assert.deepEqual(answer.result.notified, []);
      assert.match(answer.result.inhibited_by[0].rule_path, /^routing\.inhibit_rules\[\d+\]$/);
    }
  });

  test(`${target}: route and routes_table refuse bad input, a spec with errors, a spec without routing`, () => {
    const cases = [
      ["nope", "a=b", "", ""],
      [mallGo, "a=~b", "", ""],
      [mallGo, '{"a":1}', "", ""],
      [mallGo, "[]", "", ""],
      [mallGo, "a=b", "yesterday", ""],
      [mallGo, "a=b", "", "{}"],
      [mallGo, "a=b", "", "[1]"],
    ];
    for (const args of cases) {
      const answer = JSON.parse(m.route(...args));
      assert.equal(answer.ok, false, JSON.stringify(args.slice(1)));
      assert.equal(answer.error.code, "invalid-input", JSON.stringify(answer));
      assert.deepEqual(answer.diagnostics, []);
    }
    const broken = JSON.parse(m.route(files("a.yaml", BAD_PROMQL), "a=b", "", ""));
    assert.equal(broken.error.code, "spec-errors");
    assert.ok(broken.diagnostics.some((d) => d.code === "S007"));
    assert.equal(JSON.parse(m.routes_table(files("a.yaml", BAD_PROMQL))).error.code, "spec-errors");
    const noRouting = files("a.yaml", "scrape:\n  jobs:\n    - job_name: a\n      static_configs: [{targets: ['a:1']}]\n");
    assert.equal(JSON.parse(m.route(noRouting, "a=b", "", "")).error.code, "no-routing");
    assert.equal(JSON.parse(m.routes_table(noRouting)).error.code, "no-routing");
    assert.equal(JSON.parse(m.routes_table("{")).error.code, "invalid-input");
  });

  test(`${target}: routes_table maps every alert rule to the receivers route answers for its labels`, () => {
    const table = JSON.parse(m.routes_table(mallGo));
    assert.equal(table.ok, true, JSON.stringify(table));
    assert.equal(typeof table.tree.receiver, "string");
    assert.ok(table.alerts.length > 10);
    for (const a of table.alerts) {
      assert.match(a.path, /^rules\.groups\[\d+\]\.rules\[\d+\]$/);
      const routed = JSON.parse(m.route(mallGo, JSON.stringify(a.labels), "", "")).result;
      assert.deepEqual(a.receivers, routed.receivers, a.alert);
      assert.deepEqual(a.routes, routed.routes.map((r) => r.spec_path), a.alert);
    }
  });

  test(`${target}: route and routes_table answer what the native CLI answers`, { skip: !cli && "no target/debug/monctl (run cargo build first)" }, () => {
    const run = (args) => JSON.parse(execFileSync(cli, args, { cwd: root, stdio: "pipe" }));
    const native = run(["routes", "test", "examples/mall-go", "--labels", "alertname=MySQLDown,severity=critical", "--format", "json"]);
    assert.deepEqual(JSON.parse(m.route(mallGo, "alertname=MySQLDown,severity=critical", "", "")).result, native);
    const show = run(["routes", "show", "examples/mall-go", "--format", "json"]);
    const table = JSON.parse(m.routes_table(mallGo));
    assert.deepEqual({ tree: table.tree, alerts: table.alerts }, show);
  });

  test(`${target}: version is the crate version`, () => {
    assert.equal(m.version(), crateVersion);
  });
}
