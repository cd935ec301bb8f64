//! Import of Elasticsearch bodies: Elastic's ECS component and composable templates
//! (../shared/corpus/elasticsearch) import and generate the same bodies; the legacy form is
//! reshaped into a composable template with a warning; ILM policies and GET responses import by
//! name; the seed's legacy template imports with its two mistakes reported at its lines.

mod support;

use monctl::import::prometheus::{import, Imported, NativeKind};
use monctl::SourceFile;
use serde_json::Value;

fn imported(files: &[(&str, &str)]) -> Imported {
    let sources: Vec<SourceFile> = files
        .iter()
        .map(|(name, text)| SourceFile::new(*name, *text))
        .collect();
    import(&sources, &vec![None; sources.len()])
}

fn errors(i: &Imported) -> Vec<String> {
    i.diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| format!("{} {}", d.code, d.message))
        .collect()
}

/// The generated body at `path`, without the `managed_by` note generate adds to `_meta`.
fn generated(i: &Imported, path: &str) -> Value {
    let (model, _) = monctl::model::Model::resolve(i.spec.clone().expect("a spec"));
    let artifact = monctl::generate::generate_all(&model)
        .into_iter()
        .find(|a| a.path == path)
        .unwrap_or_else(|| panic!("{path} is not generated"));
    let mut v: Value = serde_json::from_str(&artifact.content).expect("JSON");
    for owner in ["", "/policy"] {
        if let Some(Value::Object(o)) = v.pointer_mut(owner) {
            let empty = match o.get_mut("_meta") {
                Some(Value::Object(m)) => {
                    m.shift_remove("managed_by");
                    m.is_empty()
                }
                _ => false,
            };
            if empty {
                o.shift_remove("_meta");
            }
        }
    }
    v
}

#[test]
fn ecs_component_and_composable_templates_import_and_generate_the_same_bodies() {
    let Some(dir) = support::corpus("elasticsearch") else {
        return;
    };
    let files: Vec<_> = support::files_under(&dir, &[".json"])
        .into_iter()
        .filter(|f| !f.to_string_lossy().contains("legacy"))
        .collect();
    assert!(files.len() >= 30, "only {} ECS files", files.len());
    let read = |f: &std::path::Path| std::fs::read_to_string(f).unwrap();
    let index = files
        .iter()
        .find(|f| f.file_name().is_some_and(|n| n == "template.json"))
        .expect("the composable template");
    // A body has no name: it is the file's. ECS names its components `ecs_<version>_<file>`, as
    // the composable template's `composed_of` says; the files are given those names.
    let index_body: Value = serde_json::from_str(&read(index)).unwrap();
    let prefix = index_body["composed_of"][0]
        .as_str()
        .and_then(|n| n.strip_suffix("base"))
        .expect("ECS's base component")
        .to_string();
    let named: Vec<(String, String)> = files
        .iter()
        .map(|f| {
            let stem = f.file_stem().unwrap().to_string_lossy();
            let name = if f == index {
                "ecs.json".to_string()
            } else {
                format!("{prefix}{stem}.json")
            };
            (name, read(f))
        })
        .collect();
    let pairs: Vec<(&str, &str)> = named
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let i = imported(&pairs);
    assert!(i.kinds.iter().all(|k| *k == NativeKind::Elasticsearch));
    // The corpus holds most of ECS's components, not all: each one it lacks is refused, as
    // Elasticsearch would refuse the template, and nothing else is.
    let missing: Vec<String> = index_body["composed_of"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .filter(|c| !named.iter().any(|(n, _)| n == &format!("{c}.json")))
        .map(|c| format!("S011 index template `ecs` is composed of `{c}`, which is not defined (Elasticsearch refuses the template)"))
        .collect();
    assert!(missing.len() < 10, "{missing:?}");
    assert_eq!(errors(&i), missing);
    for (name, text) in &named {
        let stem = name.trim_end_matches(".json");
        let original: Value = serde_json::from_str(text).unwrap();
        let folder = if original.get("index_patterns").is_some() {
            "index-templates"
        } else {
            "component-templates"
        };
        let path = format!("elasticsearch/{folder}/{stem}.json");
        assert_eq!(generated(&i, &path), original, "{path}");
    }
}

#[test]
fn the_legacy_ecs_template_becomes_a_composable_one_with_the_same_body() {
    let Some(dir) = support::corpus("elasticsearch") else {
        return;
    };
    let Some(f) = support::files_under(&dir, &[".json"])
        .into_iter()
        .find(|f| f.to_string_lossy().contains("legacy"))
    else {
        panic!("no legacy template in {}", dir.display());
    };
    let text = std::fs::read_to_string(&f).unwrap();
    let i = imported(&[("template.json", &text)]);
    assert_eq!(errors(&i), Vec::<String>::new());
    assert!(i
        .diagnostics
        .iter()
        .any(|d| d.code == "S013" && d.message.contains("legacy index template")));
    let original: Value = serde_json::from_str(&text).unwrap();
    let out = generated(&i, "elasticsearch/index-templates/template.json");
    assert_eq!(out["index_patterns"], original["index_patterns"]);
    for part in ["settings", "mappings", "aliases"] {
        assert_eq!(
            out["template"].get(part),
            original.get(part),
            "template.{part}"
        );
    }
    if let Some(order) = original.get("order") {
        assert_eq!(&out["priority"], order);
    }
}

const SEED_POLICY: &str = r#"{"policy": {"phases": {
  "hot": {"actions": {"rollover": {"max_age": "7d", "max_size": "50gb"}}},
  "delete": {"min_age": "30d", "actions": {"delete": {}}}}}}"#;

#[test]
fn an_ilm_policy_body_imports_by_its_file_name_and_a_get_response_by_its_names() {
    let i = imported(&[("mall-go-policy.json", SEED_POLICY)]);
    assert_eq!(errors(&i), Vec::<String>::new());
    let original: Value = serde_json::from_str(SEED_POLICY).unwrap();
    assert_eq!(
        generated(&i, "elasticsearch/ilm-policies/mall-go-policy.json"),
        original
    );
    let response = r#"{"logs-30d": {"version": 3, "modified_date": "2026-01-01T00:00:00Z",
      "policy": {"phases": {"delete": {"min_age": "30d", "actions": {"delete": {}}}}}}}"#;
    let i = imported(&[("policies.json", response)]);
    assert_eq!(errors(&i), Vec::<String>::new());
    generated(&i, "elasticsearch/ilm-policies/logs-30d.json");
}

#[test]
fn a_get_index_template_response_imports_each_template_by_name() {
    let response = r#"{"index_templates": [
      {"name": "app", "index_template": {"index_patterns": ["app-*"], "priority": 200,
        "template": {"settings": {"number_of_shards": 1}, "mappings": {"properties": {"msg": {"type": "text"}}}}}}]}"#;
    let i = imported(&[("all.json", response)]);
    assert_eq!(errors(&i), Vec::<String>::new());
    let out = generated(&i, "elasticsearch/index-templates/app.json");
    assert_eq!(out["priority"], 200);
    assert_eq!(
        out["template"]["mappings"]["properties"]["msg"]["type"],
        "text"
    );
}

#[test]
fn a_field_the_spec_lacks_is_refused_at_its_line() {
    let body = "{\n  \"index_patterns\": [\"a-*\"],\n  \"allow_auto_create_nonsense\": true\n}\n";
    let i = imported(&[("t.json", body)]);
    let refused: Vec<_> = i.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert_eq!(refused.len(), 1, "{:?}", i.diagnostics);
    assert!(refused[0].message.contains("allow_auto_create_nonsense"));
    assert_eq!(refused[0].location.as_ref().map(|l| l.start.line), Some(3));
}

fn seed(name: &str) -> Option<String> {
    let path = support::repo_root()
        .join("..")
        .join("shared")
        .join("seed")
        .join("configs")
        .join(name);
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(_) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "{} is missing in CI",
                path.display()
            );
            eprintln!(
                "WARNING: {} is absent; the seed test is skipped",
                path.display()
            );
            None
        }
    }
}

#[test]
fn the_seeds_template_imports_with_its_mistakes_at_their_lines() {
    let Some(text) = seed("es-template.json") else {
        return;
    };
    let i = imported(&[("es-template.json", &text)]);
    let found: Vec<(String, Option<u32>)> = i
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| {
            (
                d.code.to_string(),
                d.location.as_ref().map(|l| l.start.line),
            )
        })
        .collect();
    let line_of = |needle: &str| {
        text.lines()
            .position(|l| l.contains(needle))
            .map(|i| i as u32 + 1)
    };
    // The lifecycle policy it names is defined nowhere; its rollover alias is also an alias.
    assert!(
        found.contains(&("E001".into(), line_of("\"index.lifecycle.name\""))),
        "{found:?}"
    );
    assert!(found.iter().any(|(code, _)| code == "E002"), "{found:?}");
    // With the policy beside it, only the alias mistake is left.
    let i = imported(&[
        ("es-template.json", &text),
        ("mall-go-policy.json", SEED_POLICY),
    ]);
    let codes: Vec<String> = i
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.code.to_string())
        .collect();
    assert_eq!(codes, ["E002"], "{:?}", i.diagnostics);
}

#[test]
fn a_malformed_get_response_is_refused_not_dropped() {
    for (body, says) in [
        (
            r#"{"index_templates": {"name": "a"}}"#,
            "`index_templates` is not a list",
        ),
        (
            r#"{"index_templates": [{"name": "a"}]}"#,
            "has no `index_template`",
        ),
        (
            r#"{"index_templates": [], "count": 1}"#,
            "`count` (not part of a GET",
        ),
    ] {
        let i = imported(&[("r.json", body)]);
        let found = errors(&i);
        assert!(found.iter().any(|e| e.contains(says)), "{says}: {found:?}");
    }
}

#[test]
fn the_version_comes_from_the_stacks_elasticsearch_image_or_is_said_to_be_assumed() {
    let body = r#"{"index_patterns": ["a-*"], "template": {"settings": {"number_of_shards": 1}}}"#;
    let compose =
        "services:\n  es:\n    image: docker.elastic.co/elasticsearch/elasticsearch:7.17.9\n";
    let i = imported(&[("a.json", body), ("docker-compose.yml", compose)]);
    let version = |i: &Imported| {
        i.spec
            .as_ref()
            .and_then(|s| s.logs.as_ref())
            .and_then(|l| l.elasticsearch.as_ref())
            .map(|e| e.version.clone())
    };
    assert_eq!(version(&i).as_deref(), Some("7.17.9"));
    assert!(!i
        .diagnostics
        .iter()
        .any(|d| d.message.contains("version is in no file")));
    let alone = imported(&[("a.json", body)]);
    assert_eq!(version(&alone).as_deref(), Some("8.0.0"));
    let said = alone
        .diagnostics
        .iter()
        .find(|d| d.message.contains("version is in no file"))
        .expect("the assumption is said");
    assert!(!said.is_error());
}
