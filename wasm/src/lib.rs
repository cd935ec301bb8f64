//! monctl-wasm: the WebAssembly facade of the monctl core, for the browser playground and any
//! JavaScript host. It owns only the JSON plumbing at the boundary: parsing the `files` JSON that
//! JavaScript passes in, calling the core (`monctl::check`, `monctl::generate`,
//! `monctl::schema::schema_text`) and serializing what comes back. No logic of its own, no I/O.
//!
//! Every function takes and returns plain strings so the JavaScript side needs no glue types:
//!
//! - `check(files_json)`    -> `{"diagnostics":[...]}`
//! - `generate(files_json)` -> `{"ok":true,"files":[{"path","content"}],"diagnostics":[...]}`
//!   or `{"ok":false,"diagnostics":[...]}` when the spec has errors
//! - `check_spec(text)` / `generate_spec(text)`: the same for a single spec file
//! - `schema()` -> the spec's JSON Schema text; `version()` -> the crate version
//! - `explain(code)` -> `{"ok":true,"rule":{code,name,family,severity,summary,explanation}}`
//!   (a code in any case, or a rule name); `rules()` -> `{"rules":[...]}`, every code
//! - `route(files_json, labels, at, firing_json)` -> `{"ok":true,"result":RouteResult}`: the
//!   receivers and routes an alert with these labels reaches (`monctl routes test`)
//! - `routes_table(files_json)` -> `{"ok":true,"tree":...,"alerts":[...]}`: the route tree and
//!   every alert rule's static labels with the receivers they reach (`monctl routes show`)
//!
//! `files_json` is `[{"name": "monitoring.yaml", "text": "..."}, ...]`. Input that is not that
//! shape never panics: the answer is the usual object with an `error` member
//! (`{"code":"invalid-input","message":...}`), `"ok":false` for `generate`, and no diagnostics.
//! The routing and explain calls answer `{"ok":false,"error":{code,message},"diagnostics":[...]}`
//! when they cannot answer (codes: `invalid-input`, `spec-errors`, `no-routing`, `unknown-code`).

use monctl::routing::{show, Instant, LabelSet, Simulator};
use monctl::{Diagnostic, SourceFile};
use serde_json::{json, Map, Value};
use wasm_bindgen::prelude::*;

/// Serializes a core value; a failure (never expected) becomes the internal-error answer.
macro_rules! to_value {
    ($value:expr) => {
        serde_json::to_value($value).unwrap_or_else(internal_error)
    };
}

/// The file name `check_spec` and `generate_spec` give their single spec text in diagnostics.
pub const SINGLE_SPEC_NAME: &str = "monctl.yaml";

/// Checks the spec given as files JSON; returns `{"diagnostics":[...]}`.
#[wasm_bindgen]
pub fn check(files_json: &str) -> String {
    match parse_files(files_json) {
        Ok(files) => check_files(&files),
        Err(message) => input_error(message, false),
    }
}

/// Checks a single spec text (named `monctl.yaml` in diagnostics).
#[wasm_bindgen]
pub fn check_spec(text: &str) -> String {
    check_files(&[SourceFile::new(SINGLE_SPEC_NAME, text)])
}

/// Checks and generates from the spec given as files JSON; returns
/// `{"ok":true,"files":[{"path","content"}],"diagnostics":[...]}` or `{"ok":false,"diagnostics":[...]}`.
#[wasm_bindgen]
pub fn generate(files_json: &str) -> String {
    match parse_files(files_json) {
        Ok(files) => generate_files(&files),
        Err(message) => input_error(message, true),
    }
}

/// Checks and generates from a single spec text (named `monctl.yaml` in diagnostics).
#[wasm_bindgen]
pub fn generate_spec(text: &str) -> String {
    generate_files(&[SourceFile::new(SINGLE_SPEC_NAME, text)])
}

/// The spec's JSON Schema, as committed to schemas/monctl.schema.json.
#[wasm_bindgen]
pub fn schema() -> String {
    monctl::schema::schema_text()
}

/// The version of monctl this module was built from.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// The documentation of one code (`P003`, any case) or rule name (`unbounded-label`):
/// `{"ok":true,"rule":{code,name,family,severity,summary,explanation}}`, or
/// `{"ok":false,"error":{"code":"unknown-code",...}}`.
#[wasm_bindgen]
pub fn explain(code: &str) -> String {
    match monctl::docs::explain(code.trim()) {
        Some(info) => to_json(&json!({ "ok": true, "rule": to_value!(&info) })),
        None => failure(
            "unknown-code",
            format!(
                "`{}` is not a monctl code or rule name (see rules())",
                code.trim()
            ),
            &[],
        ),
    }
}

/// Every code monctl reports, load-stage codes first then the check rules:
/// `{"rules":[{code,name,family,severity,summary,explanation}, ...]}`.
#[wasm_bindgen]
pub fn rules() -> String {
    to_json(&json!({ "rules": to_value!(&monctl::docs::all_codes()) }))
}

/// Routes an alert through the spec's Alertmanager route tree, as `monctl routes test` does.
///
/// - `labels`: the alert's labels, a JSON object of strings (`{"severity":"critical"}`) or
///   Alertmanager's label syntax (`severity=critical, team="db"`);
/// - `at`: an RFC 3339 instant at which time intervals are evaluated, or empty for none;
/// - `firing_json`: the other alerts firing at the same time (for inhibition), a JSON array of
///   label sets (objects or label-syntax strings), or empty for none.
///
/// Answers `{"ok":true,"result":RouteResult}`, or `{"ok":false,"error":{code,message},
/// "diagnostics":[...]}` when the input is bad (`invalid-input`), the spec has errors
/// (`spec-errors`, with its error diagnostics) or no routing section (`no-routing`).
#[wasm_bindgen]
pub fn route(files_json: &str, labels: &str, at: &str, firing_json: &str) -> String {
    let files = match parse_files(files_json) {
        Ok(files) => files,
        Err(message) => return failure("invalid-input", message, &[]),
    };
    let labels = match parse_label_set(labels) {
        Ok(labels) => labels,
        Err(message) => return failure("invalid-input", message, &[]),
    };
    let at = match at.trim() {
        "" => None,
        text => match Instant::parse_rfc3339(text) {
            Ok(at) => Some(at),
            Err(message) => return failure("invalid-input", message, &[]),
        },
    };
    let firing = match parse_firing(firing_json) {
        Ok(firing) => firing,
        Err(message) => return failure("invalid-input", message, &[]),
    };
    with_routing(&files, |model| {
        let Some(routing) = model.spec.routing.as_ref() else {
            return Err(no_routing());
        };
        let result = Simulator::new(routing).route(&labels, at, &firing);
        Ok(json!({ "ok": true, "result": to_value!(&result) }))
    })
}

/// The route tree with every node's effective options, and every alert rule's static labels
/// with the receivers and routes they reach, as `monctl routes show --format json` prints them:
/// `{"ok":true,"tree":TreeView,"alerts":[AlertView, ...]}`, or the error object of [`route`].
#[wasm_bindgen]
pub fn routes_table(files_json: &str) -> String {
    let files = match parse_files(files_json) {
        Ok(files) => files,
        Err(message) => return failure("invalid-input", message, &[]),
    };
    with_routing(&files, |model| {
        let Some(report) = show::show(&model.spec) else {
            return Err(no_routing());
        };
        Ok(json!({
            "ok": true,
            "tree": to_value!(&report.tree),
            "alerts": to_value!(&report.alerts),
        }))
    })
}

/// Loads the spec and, when it has no errors, answers with `answer(model)`.
fn with_routing(
    files: &[SourceFile],
    answer: impl FnOnce(&monctl::model::Model) -> Result<Value, (String, String)>,
) -> String {
    let (model, diagnostics) = monctl::load_model(files);
    let errors: Vec<Diagnostic> = diagnostics.into_iter().filter(|d| d.is_error()).collect();
    match model {
        Some(model) if errors.is_empty() => match answer(&model) {
            Ok(value) => to_json(&value),
            Err((code, message)) => failure(&code, message, &[]),
        },
        _ => failure(
            "spec-errors",
            format!(
                "the spec has {} error{}; fix {} first",
                errors.len(),
                if errors.len() == 1 { "" } else { "s" },
                if errors.len() == 1 { "it" } else { "them" }
            ),
            &errors,
        ),
    }
}

fn no_routing() -> (String, String) {
    (
        "no-routing".to_string(),
        "the spec has no `routing` section to route alerts through".to_string(),
    )
}

/// `{"ok":false,"error":{code,message},"diagnostics":[...]}`.
fn failure(code: &str, message: String, diagnostics: &[Diagnostic]) -> String {
    to_json(&json!({
        "ok": false,
        "error": { "code": code, "message": message },
        "diagnostics": diagnostics_value(diagnostics),
    }))
}

/// A label set from a JSON object of strings, or from Alertmanager's label syntax
/// (`a=b, c="d,e"`, optionally in braces) as `monctl routes test` reads it.
pub fn parse_label_set(text: &str) -> Result<LabelSet, String> {
    if let Ok(value) = serde_json::from_str::<Value>(text) {
        return label_set_from_value(&value, "labels");
    }
    monctl::routing::parse_label_set(text)
}

fn label_set_from_value(value: &Value, what: &str) -> Result<LabelSet, String> {
    match value {
        Value::Object(fields) => fields
            .iter()
            .map(|(name, value)| match value {
                Value::String(v) => Ok((name.clone(), v.clone())),
                other => Err(format!(
                    "{what}.{name} must be a string, not {}",
                    kind_of(other)
                )),
            })
            .collect(),
        Value::String(text) => parse_label_set(text).map_err(|e| format!("{what}: {e}")),
        other => Err(format!(
            "{what} must be an object of label names to values, not {}",
            kind_of(other)
        )),
    }
}

/// The firing alerts: empty for none, or a JSON array of label sets.
pub fn parse_firing(text: &str) -> Result<Vec<LabelSet>, String> {
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    let value: Value =
        serde_json::from_str(text).map_err(|e| format!("firing JSON does not parse: {e}"))?;
    let Value::Array(items) = value else {
        return Err(format!(
            "firing JSON must be an array of label sets, not {}",
            kind_of(&value)
        ));
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| label_set_from_value(item, &format!("firing[{i}]")))
        .collect()
}

/// Sends Rust panic messages to `console.error` instead of an opaque `unreachable` trap.
/// Runs once when the module is instantiated.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen(start)]
fn start() {
    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = console, js_name = error)]
        fn console_error(message: &str);
    }
    std::panic::set_hook(Box::new(|info| {
        console_error(&format!("monctl-wasm panicked: {info}"))
    }));
}

fn check_files(files: &[SourceFile]) -> String {
    let report = monctl::check(files);
    to_json(&json!({ "diagnostics": diagnostics_value(&report.diagnostics) }))
}

fn generate_files(files: &[SourceFile]) -> String {
    match monctl::generate(files) {
        Ok((artifacts, diagnostics)) => {
            let files: Vec<Value> = artifacts
                .iter()
                .map(|a| json!({ "path": a.path, "content": a.content }))
                .collect();
            to_json(&json!({
                "ok": true,
                "files": files,
                "diagnostics": diagnostics_value(&diagnostics),
            }))
        }
        Err(diagnostics) => {
            to_json(&json!({ "ok": false, "diagnostics": diagnostics_value(&diagnostics) }))
        }
    }
}

/// Parses `[{"name": "...", "text": "..."}, ...]`, saying what is wrong otherwise.
pub fn parse_files(files_json: &str) -> Result<Vec<SourceFile>, String> {
    let value: Value =
        serde_json::from_str(files_json).map_err(|e| format!("files JSON does not parse: {e}"))?;
    let Value::Array(items) = value else {
        return Err(format!(
            "files JSON must be an array of {{\"name\", \"text\"}} objects, not {}",
            kind_of(&value)
        ));
    };
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let Value::Object(mut fields) = item else {
                return Err(format!(
                    "files[{i}] must be an object with \"name\" and \"text\", not {}",
                    kind_of(&item)
                ));
            };
            let name = take_string(&mut fields, "name", i)?;
            let text = take_string(&mut fields, "text", i)?;
            if let Some(extra) = fields.keys().next() {
                return Err(format!(
                    "files[{i}] has an unknown member \"{extra}\" (only \"name\" and \"text\" are read)"
                ));
            }
            Ok(SourceFile::new(name, text))
        })
        .collect()
}

fn take_string(fields: &mut Map<String, Value>, key: &str, i: usize) -> Result<String, String> {
    match fields.remove(key) {
        Some(Value::String(s)) => Ok(s),
        Some(other) => Err(format!(
            "files[{i}].{key} must be a string, not {}",
            kind_of(&other)
        )),
        None => Err(format!("files[{i}] has no \"{key}\" member")),
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The answer to input that is not files JSON: the normal shape with an `error` member.
fn input_error(message: String, with_ok: bool) -> String {
    let error = json!({ "code": "invalid-input", "message": message });
    if with_ok {
        to_json(&json!({ "ok": false, "error": error, "diagnostics": [] }))
    } else {
        to_json(&json!({ "error": error, "diagnostics": [] }))
    }
}

fn diagnostics_value(diagnostics: &[Diagnostic]) -> Value {
    serde_json::to_value(diagnostics).unwrap_or_else(internal_error)
}

fn to_json(value: &Value) -> String {
    // Serializing a `Value` cannot fail (all map keys are strings).
    serde_json::to_string(value).unwrap_or_else(|e| internal_error(e).to_string())
}

/// Never expected: a diagnostic that does not serialize. Still an answer, not a panic.
fn internal_error(e: serde_json::Error) -> Value {
    json!([{
        "code": "internal",
        "severity": "error",
        "message": format!("monctl-wasm could not serialize the result: {e}"),
        "path": "(root)",
        "location": null,
        "related": [],
        "help": null,
    }])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Value {
        serde_json::from_str(s).expect("every answer is JSON")
    }

    const BAD_PROMQL: &str = "rules:\n  groups:\n    - name: g\n      rules:\n        - alert: A\n          expr: up ==\n";

    fn files_json(name: &str, text: &str) -> String {
        json!([{ "name": name, "text": text }]).to_string()
    }

    #[test]
    fn parse_files_reads_names_and_texts_in_order() {
        let files =
            parse_files(r#"[{"name":"a.yaml","text":"x: 1"},{"text":"y","name":"b.yaml"}]"#)
                .unwrap();
        assert_eq!(
            files,
            vec![
                SourceFile::new("a.yaml", "x: 1"),
                SourceFile::new("b.yaml", "y")
            ]
        );
        assert_eq!(parse_files("[]").unwrap(), vec![]);
    }

    #[test]
    fn parse_files_explains_each_kind_of_bad_input() {
        let cases = [
            ("", "does not parse"),
            ("{", "does not parse"),
            ("not json", "does not parse"),
            (r#"{"name":"a","text":"b"}"#, "must be an array"),
            ("null", "not null"),
            ("[1]", "files[0] must be an object"),
            (r#"[{"name":"a"}]"#, "files[0] has no \"text\""),
            (r#"[{"text":"a"}]"#, "files[0] has no \"name\""),
            (
                r#"[{"name":"a","text":"b"},{"name":1,"text":"b"}]"#,
                "files[1].name must be a string, not a number",
            ),
            (
                r#"[{"name":"a","text":null}]"#,
                "files[0].text must be a string, not null",
            ),
            (
                r#"[{"name":"a","text":"b","content":"c"}]"#,
                "unknown member \"content\"",
            ),
        ];
        for (input, expected) in cases {
            let err = parse_files(input).expect_err(input);
            assert!(
                err.contains(expected),
                "{input:?}: {err:?} lacks {expected:?}"
            );
        }
    }

    #[test]
    fn bad_input_gives_an_error_object_not_a_panic() {
        let checked = parse(&check("{oops"));
        assert_eq!(checked["error"]["code"], "invalid-input");
        assert!(checked["error"]["message"]
            .as_str()
            .unwrap()
            .contains("does not parse"));
        assert_eq!(checked["diagnostics"], json!([]));
        assert!(checked.get("ok").is_none());

        let generated = parse(&generate(r#"{"name":"a","text":"b"}"#));
        assert_eq!(generated["ok"], false);
        assert_eq!(generated["error"]["code"], "invalid-input");
        assert_eq!(generated["diagnostics"], json!([]));
        assert!(generated.get("files").is_none());
    }

    #[test]
    fn check_reports_a_broken_expression_with_its_position() {
        let answer = parse(&check(&files_json("alerts.yaml", BAD_PROMQL)));
        assert!(answer.get("error").is_none());
        let diagnostics = answer["diagnostics"].as_array().unwrap();
        let promql = diagnostics
            .iter()
            .find(|d| d["code"] == monctl::codes::INVALID_PROMQL)
            .unwrap_or_else(|| panic!("no S007 in {answer}"));
        assert_eq!(promql["severity"], "error");
        assert_eq!(promql["location"]["file"], "alerts.yaml");
        assert_eq!(promql["location"]["start"]["line"], 6);
        for key in ["message", "path", "related", "help"] {
            assert!(
                promql.get(key).is_some(),
                "diagnostic lacks {key}: {promql}"
            );
        }
    }

    #[test]
    fn check_spec_is_check_of_one_file() {
        assert_eq!(
            check_spec(BAD_PROMQL),
            check(&files_json(SINGLE_SPEC_NAME, BAD_PROMQL))
        );
    }

    #[test]
    fn generate_refuses_a_spec_with_errors() {
        let answer = parse(&generate(&files_json("alerts.yaml", BAD_PROMQL)));
        assert_eq!(answer["ok"], false);
        assert!(answer.get("files").is_none());
        assert!(!answer["diagnostics"].as_array().unwrap().is_empty());
        assert_eq!(
            generate_spec(BAD_PROMQL),
            generate(&files_json(SINGLE_SPEC_NAME, BAD_PROMQL))
        );
    }

    /// The example's files as the CLI reads a folder: a walk sorted at each level.
    fn mall_go_files() -> Vec<SourceFile> {
        fn walk(dir: &std::path::Path, out: &mut Vec<SourceFile>) {
            let mut paths: Vec<_> = std::fs::read_dir(dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .collect();
            paths.sort();
            for path in paths {
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "yml" || e == "yaml") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    out.push(SourceFile::new(path.display().to_string(), text));
                }
            }
        }
        let mut files = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/mall-go"),
            &mut files,
        );
        assert!(!files.is_empty());
        files
    }

    fn to_files_json(files: &[SourceFile]) -> String {
        Value::Array(
            files
                .iter()
                .map(|f| json!({ "name": f.name, "text": f.text }))
                .collect(),
        )
        .to_string()
    }

    /// What `generate` should answer, built straight from the core's result.
    fn expected_generate(files: &[SourceFile]) -> Value {
        match monctl::generate(files) {
            Ok((artifacts, diagnostics)) => json!({
                "ok": true,
                "files": artifacts
                    .iter()
                    .map(|a| json!({ "path": a.path, "content": a.content }))
                    .collect::<Vec<_>>(),
                "diagnostics": serde_json::to_value(&diagnostics).unwrap(),
            }),
            Err(diagnostics) => json!({
                "ok": false,
                "diagnostics": serde_json::to_value(&diagnostics).unwrap(),
            }),
        }
    }

    #[test]
    fn generate_answers_exactly_what_the_core_answers() {
        let small = "rules:\n  groups:\n    - name: g\n      rules:\n        - alert: InstanceDown\n          expr: up == 0\n";
        for files in [
            vec![SourceFile::new("alerts.yaml", BAD_PROMQL)],
            vec![SourceFile::new("alerts.yaml", small)],
            mall_go_files(),
        ] {
            let answer = parse(&generate(&to_files_json(&files)));
            assert_eq!(answer, expected_generate(&files));
        }
    }

    #[test]
    fn generate_the_mall_go_example_answers_ok_with_its_files() {
        let answer = parse(&generate(&to_files_json(&mall_go_files())));
        assert_eq!(answer["ok"], true, "{}", answer["diagnostics"]);
        let paths: Vec<&str> = answer["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["path"].as_str().unwrap())
            .collect();
        assert!(paths.contains(&"prometheus.yml"), "{paths:?}");
        for file in answer["files"].as_array().unwrap() {
            assert!(!file["content"].as_str().unwrap().is_empty(), "{file}");
        }
        let check = parse(&check(&to_files_json(&mall_go_files())));
        assert!(check["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["severity"] != "error"));
    }

    #[test]
    fn schema_is_the_core_schema_and_parses() {
        let text = schema();
        assert_eq!(text, monctl::schema::schema_text());
        assert!(parse(&text).is_object());
    }

    #[test]
    fn version_is_the_crate_version() {
        assert_eq!(version(), env!("CARGO_PKG_VERSION"));
    }

    #[test]
    fn explain_answers_a_code_in_any_case_and_refuses_an_unknown_one() {
        let answer = parse(&explain("s007"));
        assert_eq!(answer["ok"], true);
        assert_eq!(answer["rule"]["code"], "S007");
        for key in ["name", "family", "severity", "summary", "explanation"] {
            assert!(answer["rule"][key].is_string(), "{key}: {answer}");
        }
        let unknown = parse(&explain("Z999"));
        assert_eq!(unknown["ok"], false);
        assert_eq!(unknown["error"]["code"], "unknown-code");
    }

    #[test]
    fn rules_lists_every_code() {
        let answer = parse(&rules());
        let rules = answer["rules"].as_array().unwrap();
        assert_eq!(rules.len(), monctl::docs::all_codes().len());
        assert!(rules.iter().any(|r| r["code"] == "S007"));
    }

    fn mall_go_route(labels: &str) -> Value {
        parse(&route(&to_files_json(&mall_go_files()), labels, "", ""))
    }

    #[test]
    fn route_answers_what_the_simulator_answers_for_mall_go() {
        let files = mall_go_files();
        let (model, _) = monctl::load_model(&files);
        let model = model.unwrap();
        let labels: LabelSet = [("severity".to_string(), "critical".to_string())].into();
        let expected = monctl::route(&model, &labels, None).unwrap();
        let answer = mall_go_route(r#"{"severity":"critical"}"#);
        assert_eq!(answer["ok"], true, "{answer}");
        assert_eq!(answer["result"], serde_json::to_value(&expected).unwrap());
        assert!(!answer["result"]["receivers"].as_array().unwrap().is_empty());
        // The label syntax of `monctl routes test` reads the same.
        assert_eq!(mall_go_route("severity=critical"), answer);
        assert_eq!(mall_go_route(r#"{severity="critical"}"#), answer);
    }

    #[test]
    fn route_with_an_instant_and_firing_alerts() {
        let files = to_files_json(&mall_go_files());
        let answer = parse(&route(
            &files,
            "severity=warning, alertname=X",
            "2024-05-06T09:30:00Z",
            r#"[{"severity":"critical","alertname":"X"}, "alertname=Y"]"#,
        ));
        assert_eq!(answer["ok"], true, "{answer}");
        assert_eq!(answer["result"]["at"], "2024-05-06T09:30:00+00:00");
    }

    #[test]
    fn route_refuses_bad_input_errors_and_a_spec_without_routing() {
        let mall_go = to_files_json(&mall_go_files());
        for (files, labels, at, firing, code) in [
            ("nope", "a=b", "", "", "invalid-input"),
            (mall_go.as_str(), "a=~b", "", "", "invalid-input"),
            (mall_go.as_str(), r#"{"a":1}"#, "", "", "invalid-input"),
            (mall_go.as_str(), "[]", "", "", "invalid-input"),
            (mall_go.as_str(), "a=b", "yesterday", "", "invalid-input"),
            (mall_go.as_str(), "a=b", "", "{}", "invalid-input"),
            (mall_go.as_str(), "a=b", "", "[1]", "invalid-input"),
        ] {
            let answer = parse(&route(files, labels, at, firing));
            assert_eq!(answer["ok"], false, "{labels} {at} {firing}: {answer}");
            assert_eq!(answer["error"]["code"], code, "{answer}");
            assert!(answer["error"]["message"].is_string());
        }
        let broken = parse(&route(&files_json("a.yaml", BAD_PROMQL), "a=b", "", ""));
        assert_eq!(broken["error"]["code"], "spec-errors");
        assert!(!broken["diagnostics"].as_array().unwrap().is_empty());
        let small =
            "scrape:\n  jobs:\n    - job_name: a\n      static_configs: [{targets: ['a:1']}]\n";
        let none = parse(&route(&files_json("a.yaml", small), "a=b", "", ""));
        assert_eq!(none["error"]["code"], "no-routing");
        assert_eq!(
            parse(&routes_table(&files_json("a.yaml", small)))["error"]["code"],
            "no-routing"
        );
    }

    #[test]
    fn routes_table_is_routes_show_for_mall_go() {
        let files = mall_go_files();
        let (model, _) = monctl::load_model(&files);
        let report = show::show(&model.unwrap().spec).unwrap();
        let answer = parse(&routes_table(&to_files_json(&files)));
        assert_eq!(answer["ok"], true, "{answer}");
        assert_eq!(answer["tree"], serde_json::to_value(&report.tree).unwrap());
        assert_eq!(
            answer["alerts"],
            serde_json::to_value(&report.alerts).unwrap()
        );
        assert!(!answer["alerts"].as_array().unwrap().is_empty());
    }
}
