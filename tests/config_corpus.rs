//! Measure of the import on real configurations (issue #9): Prometheus's and Alertmanager's own
//! config test data in ../shared/corpus. For each good file: does it import with no error, does
//! the spec regenerate a config semantically equal to it (as YAML values, with the defaults the
//! tools fill in normalised and the moved secrets replaced), and does the real tool (promtool /
//! amtool) accept the regenerated file. For each bad file: is it rejected, and does an error say
//! what the tool's own message says (expected/*.tsv). The counts are printed; the asserted floors
//! are today's numbers, raised as the import grows, so a regression fails.

mod support;

use monctl::import::prometheus::{import_with, ImportOptions, Imported, NativeKind};
use monctl::source::{load_value, FileId};
use monctl::{Limits, SourceFile};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

/// Files that cannot be judged here, with the reason.
const NEEDS_ENVIRONMENT: &[(&str, &str)] = &[
    (
        "scrape_config_files1.good.yml",
        "a fragment (a bare list of scrape configs) included by scrape_config_files, not a prometheus.yml",
    ),
    (
        "scrape_config_files2.good.yml",
        "a fragment (a bare list of scrape configs) included by scrape_config_files, not a prometheus.yml",
    ),
    (
        "prometheus-config.rules.good.yml",
        "a rule file (`groups:`) that promtool's tests name in rule_files, not a prometheus.yml",
    ),
];

/// Bad files whose error is only found by reading other files, with the reason: the import reads
/// the file given, in memory (the core has no file system).
const NEEDS_FILE_SYSTEM: &[(&str, &str)] = &[
    (
        "authorization_credentials_file.bad.yml",
        "promtool (without --syntax-only) stats the credentials file it names",
    ),
    (
        "config_with_rule_files.yml",
        "promtool (without --syntax-only) checks that the rule files it names exist",
    ),
    (
        "config_with_tls_files.yml",
        "promtool (without --syntax-only) stats the TLS files it names",
    ),
    (
        "scrape_config_files_double_import.bad.yml",
        "the duplicate job is in the scrape config files it includes",
    ),
    (
        "scrape_config_files_duplicate.bad.yml",
        "the duplicate job is in the scrape config files it includes",
    ),
    (
        "scrape_config_files_global.bad.yml",
        "the job whose timeout exceeds its interval is in the scrape config files it includes",
    ),
    (
        "scrape_config_files_global_duplicate.bad.yml",
        "the duplicate job is in the scrape config files it includes",
    ),
];

/// Expectations that name no message (only that the tool fails): any rejection meets them.
const ANY_ERROR: &str = "no message asserted";

#[derive(Default, Debug)]
struct Counts {
    good: usize,
    imported: usize,
    equal: usize,
    accepted: usize,
    /// Originals the installed tool accepts (an older packaged tool refuses newer fields).
    original_accepted: usize,
    /// Originals the tool accepts whose regenerated file it refuses: must be none.
    regressed: usize,
    bad: usize,
    rejected: usize,
    rejected_as_expected: usize,
}

fn unescape(field: &str) -> String {
    let mut out = String::new();
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('\\') => out.push('\\'),
            Some('x') => {
                let hex: String = chars.by_ref().take(2).collect();
                if let Ok(b) = u8::from_str_radix(&hex, 16) {
                    out.push(b as char);
                }
            }
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// file name -> expected error messages, from the TSVs (`file` column, `message` column).
fn expected(corpus: &Path, tsvs: &[(&str, usize, usize)]) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (tsv, file_col, msg_col) in tsvs {
        let Ok(text) = std::fs::read_to_string(corpus.join("expected").join(tsv)) else {
            continue;
        };
        for line in text.lines().skip(1) {
            let cols: Vec<&str> = line.split('\t').collect();
            if let (Some(f), Some(m)) = (cols.get(*file_col), cols.get(*msg_col)) {
                if m.contains(ANY_ERROR) || (m.is_empty() && cols.contains(&"any error")) {
                    out.entry(f.to_string()).or_default().push(ANY_ERROR.into());
                } else if !m.is_empty() {
                    out.entry(f.to_string()).or_default().push(unescape(m));
                }
            }
        }
    }
    out
}

/// Imports one native file; `agent`: for Prometheus in agent mode (as promtool's `--agent`).
fn import_one(path: &Path, kind: NativeKind, agent: bool) -> Imported {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let name = path.display().to_string();
    import_with(
        &[SourceFile::new(name, text)],
        &ImportOptions {
            kinds: vec![Some(kind)],
            agent,
            ..ImportOptions::default()
        },
    )
}

/// Does the corpus note say the file is loaded in agent mode (`LoadFile(..., agentMode=true)`)?
fn agent_mode(note: &str) -> bool {
    note.contains("agentMode=true") || note.contains("agent mode")
}

/// Removes from the original what the import reported it did not import (a warning at that
/// field, "... is not imported"): the regenerated file is equal to the rest.
fn without_reported_drops(original: &mut Value, imported: &Imported, section: &str) {
    for d in &imported.diagnostics {
        if d.is_error() || !d.message.contains("is not imported") {
            continue;
        }
        let path = d.path.to_string();
        let Some(native) = path.strip_prefix(section).and_then(|p| p.strip_prefix('.')) else {
            continue;
        };
        let keys: Vec<&str> = native.split('.').collect();
        let Some((last, parents)) = keys.split_last() else {
            continue;
        };
        let mut slot = Some(&mut *original);
        for k in parents {
            slot = slot.and_then(|v| v.get_mut(*k));
        }
        if let Some(Value::Object(map)) = slot {
            map.remove(*last);
        }
    }
}

fn yaml(text: &str) -> Value {
    load_value(text, FileId(0), &Limits::default()).unwrap_or(Value::Null)
}

/// Drops what carries no meaning for the tool: nulls, empty lists and mappings, and the defaults
/// monctl writes out; moved secrets (`x_file: secrets/...` against the literal `x`) compare equal.
fn normalise(value: &mut Value, moved: &[String]) {
    match value {
        Value::Object(map) => {
            let keys: Vec<String> = map.keys().cloned().collect();
            for k in keys {
                let generated_secret = k
                    .strip_suffix("_file")
                    .or_else(|| k.strip_suffix("_path"))
                    .filter(|_| {
                        map.get(&k)
                            .and_then(Value::as_str)
                            .is_some_and(|s| s.starts_with("secrets/"))
                    });
                if let Some(stem) = generated_secret {
                    map.remove(&k);
                    map.insert(stem.to_string(), Value::from("<moved secret>"));
                    continue;
                }
                if moved.contains(&k) && map.get(&k).is_some_and(Value::is_string) {
                    map.insert(k.clone(), Value::from("<moved secret>"));
                }
            }
            // A header's secret values, moved to files by the import (listed first).
            if let Some(Value::Array(files)) = map.get_mut("files") {
                let moved_files = files
                    .iter()
                    .filter(|f| f.as_str().is_some_and(|s| s.starts_with("secrets/")))
                    .count();
                if moved_files > 0 {
                    files.retain(|f| !f.as_str().is_some_and(|s| s.starts_with("secrets/")));
                    map.insert("secrets".into(), vec!["<moved secret>"; moved_files].into());
                }
            }
            if moved.iter().any(|m| m == "secrets") {
                if let Some(Value::Array(secrets)) = map.get_mut("secrets") {
                    secrets
                        .iter_mut()
                        .for_each(|s| *s = Value::from("<moved secret>"));
                }
            }
            if map.get("api_version").and_then(Value::as_str) == Some("v2") {
                map.remove("api_version");
            }
            map.remove("rule_files");
            // Alertmanager's deprecated `match`/`match_re` maps are matcher lists.
            for (old, op, new) in [
                ("match", "=", "matchers"),
                ("match_re", "=~", "matchers"),
                ("source_match", "=", "source_matchers"),
                ("source_match_re", "=~", "source_matchers"),
                ("target_match", "=", "target_matchers"),
                ("target_match_re", "=~", "target_matchers"),
            ] {
                let Some(Value::Object(pairs)) = map.get(old).cloned() else {
                    continue;
                };
                map.remove(old);
                let converted: Vec<Value> = pairs
                    .iter()
                    .map(|(k, v)| {
                        let text = v
                            .as_str()
                            .map(str::to_string)
                            .unwrap_or_else(|| v.to_string());
                        Value::from(format!(
                            "{k}{op}{}",
                            serde_json::to_string(&text).unwrap_or_default()
                        ))
                    })
                    .collect();
                let list = map
                    .entry(new.to_string())
                    .or_insert_with(|| Value::Array(Vec::new()));
                if let Value::Array(items) = list {
                    items.extend(converted);
                }
            }
            // The older `bearer_token_file` is the same as an Authorization credentials file.
            if let Some(file) = map.remove("bearer_token_file") {
                map.insert(
                    "authorization".into(),
                    serde_json::json!({ "credentials_file": file }),
                );
            }
            for v in map.values_mut() {
                normalise(v, moved);
            }
            map.retain(|_, v| !is_empty(v));
        }
        Value::Array(items) => {
            items.iter_mut().for_each(|v| normalise(v, moved));
        }
        // The tools read an unquoted scalar into a string field as its text.
        Value::Bool(b) => *value = Value::from(b.to_string()),
        // A whole float is the integer (`percentage: 28` regenerates as `28.0`).
        Value::Number(n) => {
            let text = match n.as_f64() {
                Some(f) if !n.is_i64() && !n.is_u64() && f.fract() == 0.0 && f.abs() < 1e15 => {
                    format!("{}", f as i64)
                }
                _ => n.to_string(),
            };
            *value = Value::from(text)
        }
        // PromQL and templates: surrounding white space carries no meaning; durations are
        // compared in their canonical form (`0m` is `0s`).
        Value::String(s) if s.starts_with("${MONCTL_") => *value = Value::from("<moved secret>"),
        Value::String(s) => {
            let canonical =
                serde_json::from_value::<monctl::spec::Duration>(Value::from(s.as_str()))
                    .ok()
                    .filter(|_| s.chars().any(|c| c.is_ascii_alphabetic()))
                    .and_then(|d| serde_json::to_value(d).ok());
            *value = canonical.unwrap_or_else(|| Value::from(s.trim()));
        }
        Value::Null => {}
    }
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    }
}

fn generated(imported: &Imported, path: &str) -> Option<String> {
    let spec = imported.spec.clone()?;
    let (model, _) = monctl::model::Model::resolve(spec);
    monctl::generate::generate_all(&model)
        .into_iter()
        .find(|a| a.path == path)
        .map(|a| a.content)
}

fn notes(corpus: &Path) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(corpus.join("MANIFEST.tsv")).unwrap_or_default();
    text.lines()
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            Some((cols.first()?.to_string(), cols.get(5)?.to_string()))
        })
        .collect()
}

/// Checks a file with the real tool, in a scratch folder: whether it accepts it, and what it said.
fn tool_check(
    tool: &Path,
    args: &[&str],
    file_name: &str,
    content: &str,
    scratch: &Path,
) -> (bool, String) {
    let file = scratch.join(file_name);
    if let Err(e) = std::fs::write(&file, content) {
        return (false, format!("cannot write {}: {e}", file.display()));
    }
    let mut cmd = Command::new(tool);
    cmd.args(args).arg(&file).current_dir(scratch);
    support::run(&mut cmd)
}

/// Whether the tool refuses only the `x_file` forms the import wrote for literal secrets
/// ("field user_key_file not found"): those are newer than the packaged tool (Debian's amtool
/// 0.25 predates Pushover's `user_key_file`), not a fault of the regenerated file.
fn refuses_only_newer_secret_files(output: &str, imported: &Imported) -> bool {
    let unknown: Vec<&str> = output
        .lines()
        .filter_map(|l| {
            l.split_once("field ")?
                .1
                .split_once(" not found")
                .map(|(f, _)| f)
        })
        .collect();
    let file_forms: Vec<String> = imported
        .secrets
        .iter()
        .map(|s| format!("{}_file", s.field))
        .collect();
    !unknown.is_empty() && unknown.iter().all(|f| file_forms.iter().any(|x| x == f))
}

struct Family<'a> {
    dir: &'a str,
    kind: NativeKind,
    artifact: &'a str,
    tool: (&'a str, &'a str),
    check_args: &'a [&'a str],
}

fn measure(corpus: &Path, family: &Family, expected: &BTreeMap<String, Vec<String>>) -> Counts {
    let mut counts = Counts::default();
    let notes = notes(corpus);
    let tool = support::real_tool(family.tool.0, family.tool.1);
    let scratch = support::scratch_dir(&format!("config_corpus_{}", family.tool.0));
    let good = support::files_under(&corpus.join(family.dir).join("good"), &[".yml", ".yaml"]);
    for path in good {
        let name = file_name(&path);
        if let Some((_, reason)) = NEEDS_ENVIRONMENT.iter().find(|(n, _)| *n == name) {
            println!("skip {name}: {reason}");
            continue;
        }
        counts.good += 1;
        let rel = path
            .strip_prefix(corpus)
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let note = notes.get(&rel).cloned().unwrap_or_default();
        let imported = import_one(&path, family.kind, agent_mode(&note));
        let errors: Vec<String> = imported
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| format!("{} {}", d.code, d.message))
            .collect();
        if !errors.is_empty() {
            println!("not imported {name}: {}", errors.join("; "));
            continue;
        }
        counts.imported += 1;
        let Some(content) = generated(&imported, family.artifact) else {
            println!("nothing generated {name}");
            continue;
        };
        let moved: Vec<String> = imported.secrets.iter().map(|s| s.field.clone()).collect();
        let mut original = yaml(&std::fs::read_to_string(&path).unwrap_or_default());
        let mut regenerated = yaml(&content);
        if family.kind == NativeKind::Alertmanager {
            without_reported_drops(&mut original, &imported, "routing");
        }
        normalise(&mut original, &moved);
        normalise(&mut regenerated, &moved);
        if original == regenerated {
            counts.equal += 1;
        } else {
            println!("not equal {name}:\n  original:    {original}\n  regenerated: {regenerated}");
        }
        let mut args: Vec<&str> = family.check_args.to_vec();
        if agent_mode(&note) {
            args.push("--agent");
        }
        if let Some(tool) = &tool {
            let source = std::fs::read_to_string(&path).unwrap_or_default();
            let (original_ok, _) = tool_check(tool, &args, family.artifact, &source, &scratch);
            let (regenerated_ok, said) =
                tool_check(tool, &args, family.artifact, &content, &scratch);
            counts.original_accepted += usize::from(original_ok);
            counts.accepted += usize::from(regenerated_ok);
            if original_ok && !regenerated_ok && refuses_only_newer_secret_files(&said, &imported) {
                println!("tool refuses only the secret files the import wrote in {name}, newer than it: {said}");
            } else if original_ok && !regenerated_ok {
                counts.regressed += 1;
                println!("tool accepts {name} but refuses its regenerated file ({note})");
            } else if !regenerated_ok {
                println!(
                    "tool refuses {name} and its regenerated file: the installed tool is older"
                );
            }
        }
    }
    let bad = support::files_under(&corpus.join(family.dir).join("bad"), &[".yml", ".yaml"]);
    for path in bad {
        let name = file_name(&path);
        if let Some((_, reason)) = NEEDS_FILE_SYSTEM.iter().find(|(n, _)| *n == name) {
            println!("skip {name}: needs the file system: {reason}");
            continue;
        }
        counts.bad += 1;
        let rel = path
            .strip_prefix(corpus)
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let note = notes.get(&rel).cloned().unwrap_or_default();
        let imported = import_one(&path, family.kind, agent_mode(&note));
        let errors: Vec<String> = imported
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.message.clone())
            .collect();
        if errors.is_empty() {
            println!("accepted bad {name}");
            continue;
        }
        counts.rejected += 1;
        let wanted = expected.get(&name).cloned().unwrap_or_default();
        let says = wanted.iter().any(|w| w == ANY_ERROR)
            || wanted.iter().any(|w| {
                // promtool names the file first ("parsing YAML file testdata/x.yml: ..."); our
                // diagnostics carry the file in their location, not in the message.
                let w = strip_file_prefix(w).to_lowercase();
                errors.iter().any(|e| e.to_lowercase().contains(&w))
            });
        if says {
            counts.rejected_as_expected += 1;
        } else {
            println!("rejected {name} but not as expected {wanted:?}: {errors:?}");
        }
    }
    counts
}

fn strip_file_prefix(message: &str) -> &str {
    message
        .strip_prefix("parsing YAML file ")
        .and_then(|rest| rest.split_once(": "))
        .map_or(message, |(_, inner)| inner)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[test]
fn prometheus_configs_import_round_trip_and_bad_ones_are_rejected() {
    let Some(corpus) = support::corpus("prometheus") else {
        return;
    };
    let corpus = corpus.parent().map(Path::to_path_buf).unwrap_or(corpus);
    let expected = expected(
        &corpus,
        &[
            ("prometheus_config_expectedErrors.tsv", 0, 1),
            ("prometheus_config_other_errors.tsv", 0, 1),
            ("prometheus_promtool_expected.tsv", 0, 2),
        ],
    );
    let family = Family {
        dir: "prometheus",
        kind: NativeKind::Prometheus,
        artifact: "prometheus.yml",
        tool: ("promtool", "prometheus"),
        check_args: &["check", "config", "--syntax-only"],
    };
    let c = measure(&corpus, &family, &expected);
    println!("prometheus: {c:?}");
    assert!(c.good >= 60 && c.bad >= 110, "{c:?}");
    assert_eq!(c.imported, c.good, "every good config imports: {c:?}");
    assert_eq!(
        c.equal, c.good,
        "every good config regenerates equal: {c:?}"
    );
    assert!(c.accepted >= FLOOR_PROMETHEUS.0, "{c:?}");
    assert_eq!(
        c.regressed, 0,
        "the tool accepts every regenerated file whose original it accepts: {c:?}"
    );
    assert!(c.rejected >= FLOOR_PROMETHEUS.1, "{c:?}");
    assert_eq!(c.rejected, c.bad, "every bad config is rejected: {c:?}");
    assert!(c.rejected_as_expected >= FLOOR_PROMETHEUS.2, "{c:?}");
}

#[test]
fn alertmanager_configs_import_round_trip_and_bad_ones_are_rejected() {
    let Some(corpus) = support::corpus("alertmanager") else {
        return;
    };
    let corpus = corpus.parent().map(Path::to_path_buf).unwrap_or(corpus);
    let expected = expected(&corpus, &[("alertmanager_config_expected.tsv", 1, 3)]);
    let family = Family {
        dir: "alertmanager",
        kind: NativeKind::Alertmanager,
        artifact: "alertmanager.yml",
        tool: ("amtool", "prometheus-alertmanager"),
        check_args: &["check-config"],
    };
    let c = measure(&corpus, &family, &expected);
    println!("alertmanager: {c:?}");
    assert!(c.good >= 25 && c.bad >= 50, "{c:?}");
    assert_eq!(c.imported, c.good, "every good config imports: {c:?}");
    assert_eq!(
        c.equal, c.good,
        "every good config regenerates equal: {c:?}"
    );
    assert!(c.accepted >= FLOOR_ALERTMANAGER.0, "{c:?}");
    assert_eq!(
        c.regressed, 0,
        "the tool accepts every regenerated file whose original it accepts: {c:?}"
    );
    assert!(c.rejected >= FLOOR_ALERTMANAGER.1, "{c:?}");
    assert_eq!(c.rejected, c.bad, "every bad config is rejected: {c:?}");
    assert!(c.rejected_as_expected >= FLOOR_ALERTMANAGER.2, "{c:?}");
}

/// Today's numbers (regenerated files the installed tool accepts, bad files rejected, rejected
/// with the tool's message); every good config imports and regenerates equal (asserted above).
const FLOOR_PROMETHEUS: (usize, usize, usize) = (24, 114, 103);
const FLOOR_ALERTMANAGER: (usize, usize, usize) = (12, 51, 49);
