//! The seed's native configs (../shared/seed/configs): `monctl import` writes a spec that
//! generates configs equal to the originals less what the import reported, and `monctl lint` on
//! them reports the seed's mistakes at the native files' lines.

mod support;

use monctl::diagnostic::PathSegment;
use monctl::import::prometheus::{import_with, ImportOptions, Imported};
use monctl::source::{load_value, FileId};
use monctl::{Limits, SourceFile, SpecPath};
use serde_json::Value;
use std::path::PathBuf;

const FILES: &[&str] = &["prometheus.yml", "alert-rules.yml", "alertmanager.yml"];

fn seed() -> Option<Vec<SourceFile>> {
    let dir = support::repo_root()
        .join("..")
        .join("shared")
        .join("seed")
        .join("configs");
    if !dir.is_dir() {
        assert!(
            std::env::var_os("CI").is_none(),
            "the seed is missing in CI"
        );
        eprintln!(
            "WARNING: {} is absent; the seed tests are skipped",
            dir.display()
        );
        return None;
    }
    Some(
        FILES
            .iter()
            .map(|f| {
                let path: PathBuf = dir.join(f);
                SourceFile::new(*f, std::fs::read_to_string(&path).unwrap())
            })
            .collect(),
    )
}

fn import_seed(files: &[SourceFile], extra: &[SourceFile], packs: &[(&str, &str)]) -> Imported {
    let mut all = files.to_vec();
    all.extend_from_slice(extra);
    import_with(
        &all,
        &ImportOptions {
            kinds: Vec::new(),
            packs: packs
                .iter()
                .map(|(j, p)| (j.to_string(), p.to_string()))
                .collect(),
            match_packs: true,
            agent: false,
        },
    )
}

fn yaml(text: &str) -> Value {
    load_value(text, FileId(0), &Limits::default()).unwrap()
}

/// Removes `path` from a JSON value.
fn remove(value: &mut Value, path: &[PathSegment]) {
    let Some((last, parent)) = path.split_last() else {
        return;
    };
    let mut at = value;
    for s in parent {
        let next = match (s, at) {
            (PathSegment::Key(k), Value::Object(m)) => m.get_mut(k),
            (PathSegment::Index(i), Value::Array(a)) => a.get_mut(*i),
            _ => None,
        };
        match next {
            Some(n) => at = n,
            None => return,
        }
    }
    match (last, at) {
        (PathSegment::Key(k), Value::Object(m)) => {
            m.shift_remove(k);
        }
        (PathSegment::Index(i), Value::Array(a)) if *i < a.len() => {
            a.remove(*i);
        }
        _ => {}
    }
}

/// A spec path of the imported `section` as the path in the native file.
fn native_path(path: &SpecPath, section: &str) -> Option<Vec<PathSegment>> {
    let mut segments = path.0.clone();
    if segments.first() != Some(&PathSegment::Key(section.into())) {
        return None;
    }
    segments.remove(0);
    if section == "scrape" {
        match segments.first() {
            Some(PathSegment::Key(k)) if k == "jobs" => {
                segments[0] = PathSegment::Key("scrape_configs".into())
            }
            Some(PathSegment::Key(k)) if k == "alertmanagers" => {
                segments.insert(0, PathSegment::Key("alerting".into()))
            }
            _ => {}
        }
    }
    Some(segments)
}

/// Nulls, empty values and what monctl writes as a default dropped; moved secrets made equal.
fn normalise(value: &mut Value, moved: &[String]) {
    match value {
        Value::Object(map) => {
            let keys: Vec<String> = map.keys().cloned().collect();
            for k in keys {
                let generated = k.strip_suffix("_file").filter(|_| {
                    map.get(&k)
                        .and_then(Value::as_str)
                        .is_some_and(|s| s.starts_with("secrets/"))
                });
                if let Some(stem) = generated {
                    map.shift_remove(&k);
                    map.insert(stem.to_string(), Value::from("<moved secret>"));
                } else if moved.contains(&k) && map.get(&k).is_some_and(Value::is_string) {
                    map.insert(k.clone(), Value::from("<moved secret>"));
                }
            }
            if map.get("api_version").and_then(Value::as_str) == Some("v2") {
                map.shift_remove("api_version");
            }
            map.shift_remove("rule_files");
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
            if let Some(file) = map.shift_remove("bearer_token_file") {
                map.insert(
                    "authorization".into(),
                    serde_json::json!({ "credentials_file": file }),
                );
            }
            map.values_mut().for_each(|v| normalise(v, moved));
            map.retain(|_, v| {
                !matches!(v, Value::Null)
                    && v != &Value::Array(vec![])
                    && v != &Value::Object(Default::default())
            });
        }
        Value::Array(items) => items.iter_mut().for_each(|v| normalise(v, moved)),
        // The tools read an unquoted scalar into a string field as its text.
        Value::Bool(b) => *value = Value::from(b.to_string()),
        Value::Number(n) => *value = Value::from(n.to_string()),
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

#[test]
fn seed_import_generates_the_originals_less_what_was_reported() {
    let Some(files) = seed() else { return };
    let mut imported = import_seed(&files, &[], &[]);
    let dropped = imported.drop_reported();
    let sections: Vec<SourceFile> = imported
        .section_files()
        .into_iter()
        .map(|(name, text)| SourceFile::new(name, text))
        .collect();
    let names: Vec<&str> = sections.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["scrape.yml", "rules.yml", "routing.yml"]);
    for s in &sections {
        assert!(
            !s.text.contains("\"password\""),
            "a secret was written: {}",
            s.text
        );
    }
    // The spec loads; the seed's own mistakes stay as check findings (see the lint test), so
    // the artifacts are generated from the model directly.
    let loaded = monctl::source::load(&sections, &Limits::default());
    let load_errors: Vec<_> = loaded.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert!(load_errors.is_empty(), "{load_errors:#?}");
    let (model, _) = monctl::model::Model::resolve(loaded.spec.clone().unwrap());
    let artifacts = monctl::generate::generate_all(&model);
    let moved: Vec<String> = imported.secrets.iter().map(|s| s.field.clone()).collect();
    for (native, section, artifact) in [
        ("prometheus.yml", "scrape", "prometheus.yml"),
        ("alert-rules.yml", "rules", "rules/alert-rules.yml"),
        ("alertmanager.yml", "routing", "alertmanager.yml"),
    ] {
        let source = files.iter().find(|f| f.name == native).unwrap();
        let mut original = yaml(&source.text);
        for path in &dropped {
            if let Some(p) = native_path(path, section) {
                remove(&mut original, &p);
            }
        }
        let generated = artifacts
            .iter()
            .find(|a| a.path == artifact)
            .unwrap_or_else(|| panic!("{artifact} not generated"));
        let mut regenerated = yaml(&generated.content);
        if section == "rules" {
            // The spec records each group's rule file; the native file does not.
            if let Some(Value::Array(groups)) = regenerated.get_mut("groups") {
                for g in groups {
                    if let Value::Object(m) = g {
                        m.shift_remove("file");
                    }
                }
            }
        }
        normalise(&mut original, &moved);
        normalise(&mut regenerated, &moved);
        assert!(
            regenerated == original,
            "{native} does not round-trip (dropped: {dropped:?})\nregenerated: {}\noriginal: {}",
            serde_json::to_string_pretty(&regenerated).unwrap(),
            serde_json::to_string_pretty(&original).unwrap(),
        );
    }
}

/// The 1-based line of the first line of `text` containing `needle`.
fn line_of(text: &str, needle: &str) -> u32 {
    text.lines()
        .position(|l| l.contains(needle))
        .map(|i| i as u32 + 1)
        .unwrap_or_else(|| panic!("`{needle}` not found"))
}

#[test]
fn seed_lint_reports_its_mistakes_at_the_native_lines() {
    let Some(files) = seed() else { return };
    // The HTTP metrics' labels come from the service's catalog, given beside the native files.
    let catalog = support::repo_root().join("examples/mall-go/metrics.yml");
    let catalog = SourceFile::new("metrics.yml", std::fs::read_to_string(catalog).unwrap());
    let imported = import_seed(&files, &[catalog], &[("mall-go", "go-runtime")]);
    let at = |code: &str, file: &str, needle_line: u32, message: &str| {
        imported.diagnostics.iter().any(|d| {
            d.code == code
                && d.message.contains(message)
                && d.location
                    .as_ref()
                    .is_some_and(|l| l.file == file && l.start.line == needle_line)
        })
    };
    let text = |name: &str| &files.iter().find(|f| f.name == name).unwrap().text;
    let all: Vec<String> = imported
        .diagnostics
        .iter()
        .map(|d| {
            let loc = d
                .location
                .as_ref()
                .map(|l| l.to_string())
                .unwrap_or_default();
            format!("{} {loc} {}", d.code, d.message)
        })
        .collect();
    let am = text("alertmanager.yml");
    let receiver_line = line_of(am, "receiver: 'info-alerts'");
    assert!(
        at("S011", "alertmanager.yml", receiver_line, "info-alerts"),
        "undefined receiver not reported at alertmanager.yml:{receiver_line}: {all:#?}"
    );
    assert!(
        imported.diagnostics.iter().any(|d| d.code == "R002"
            && d.location
                .as_ref()
                .is_some_and(|l| l.file == "alertmanager.yml")),
        "shadowed route not reported in alertmanager.yml: {all:#?}"
    );
    let rules = text("alert-rules.yml");
    let by_service = line_of(rules, "by (service)");
    assert!(
        at("P003", "alert-rules.yml", by_service, "`service`"),
        "the absent `service` label is not reported at alert-rules.yml:{by_service}: {all:#?}"
    );
    // Every rule still ran: the seed's literal secrets are warnings, not load failures.
    assert!(imported.spec.is_some());
    assert!(imported.diagnostics.iter().any(|d| d.code == "S014"));
}
