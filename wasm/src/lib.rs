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
//!
//! `files_json` is `[{"name": "monitoring.yaml", "text": "..."}, ...]`. Input that is not that
//! shape never panics: the answer is the usual object with an `error` member
//! (`{"code":"invalid-input","message":...}`), `"ok":false` for `generate`, and no diagnostics.

use monctl::{Diagnostic, SourceFile};
use serde_json::{json, Map, Value};
use wasm_bindgen::prelude::*;

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
}
