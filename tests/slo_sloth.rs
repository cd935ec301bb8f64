//! Proof against Sloth: every Sloth example spec in the shared corpus is imported
//! (`import::sloth::import`), monctl generates its rules, and they are compared with the rules
//! Sloth generated from the same spec (`_gen/`): the same groups, the same recording rules per
//! window, the same meta rules and alerts, the same labels and annotations; expressions are
//! compared as parsed PromQL trees (promql-parser's printed form), not as text.
//!
//! Differences on purpose:
//! - windows longer than 6h (1d, 3d, the period) are derived from the 5m bad/total event rates
//!   (events SLIs) or as the mean of the 5m ratios (raw SLIs) instead of `rate()` over the raw
//!   series for days (slok/sloth#504) — their expressions differ and are checked to read only
//!   the SLO's recorded series;
//! - monctl records two more series for that, `slo:sli_error_events:rate5m` and
//!   `slo:sli_total_events:rate5m`;
//! - the labels naming the generator (`cmd`, `sloth_mode`, `sloth_spec`, `sloth_version`) differ.
//!
//! Each spec is also read as the inline `slos.sloth` form (through `monctl import`'s pipeline)
//! and must generate exactly the same files. Specs monctl does not import, each with its reason,
//! are listed in [`NOT_IMPORTED`].

mod support;

use serde_json::Value;
use std::collections::BTreeMap;

/// Specs monctl does not import, and why.
const NOT_IMPORTED: &[(&str, &str)] = &[
    ("contrib-slo-plugins.yml", "SLO plugins run Sloth's Go code"),
    (
        "contrib-denominator-corrected.yaml",
        "SLO plugins run Sloth's Go code",
    ),
    (
        "plugin-getting-started.yml",
        "SLI plugins run Sloth's Go code",
    ),
    (
        "plugin-k8s-getting-started.yml",
        "SLI plugins run Sloth's Go code",
    ),
    (
        "slo-plugin-getting-started.yml",
        "SLO plugins run Sloth's Go code",
    ),
    (
        "slo-plugin-k8s-getting-started.yml",
        "SLO plugins run Sloth's Go code",
    ),
    (
        "victoria-metrics.yml",
        "SLO plugins (VictoriaMetrics validation) and MetricsQL",
    ),
    (
        "openslo-getting-started.yml",
        "OpenSLO, not Sloth's prometheus/v1",
    ),
    (
        "openslo-kubernetes-apiserver.yml",
        "OpenSLO, not Sloth's prometheus/v1",
    ),
    ("multifile.yml", "several YAML documents in one file"),
    ("k8s-multifile.yml", "several YAML documents in one file"),
];
const GENERATOR_LABELS: &[&str] = &["cmd", "sloth_mode", "sloth_spec", "sloth_version"];
const DERIVED: &[&str] = &["slo:sli_error_events:rate5m", "slo:sli_total_events:rate5m"];

fn promql(expr: &str) -> String {
    promql_parser::parser::parse(expr)
        .unwrap_or_else(|e| panic!("does not parse: {e}\n{expr}"))
        .to_string()
}

/// Rules of a rule file keyed by group, then (name, window or severity).
fn rules(doc: &Value) -> BTreeMap<String, BTreeMap<(String, String), Value>> {
    let groups = doc
        .get("groups")
        .or_else(|| doc.pointer("/spec/groups"))
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut out = BTreeMap::new();
    for g in groups {
        let mut rules = BTreeMap::new();
        for r in g["rules"].as_array().cloned().unwrap_or_default() {
            let name = r
                .get("record")
                .or_else(|| r.get("alert"))
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            let which = r["labels"]
                .get("sloth_window")
                .or_else(|| r["labels"].get("sloth_severity"))
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            rules.insert((name, which), r);
        }
        out.insert(g["name"].as_str().unwrap_or_default().to_string(), rules);
    }
    out
}

fn labels(rule: &Value) -> BTreeMap<String, String> {
    rule["labels"]
        .as_object()
        .into_iter()
        .flatten()
        .filter(|(k, _)| !GENERATOR_LABELS.contains(&k.as_str()))
        .map(|(k, v)| {
            (
                k.clone(),
                v.as_str().map(str::to_string).unwrap_or(v.to_string()),
            )
        })
        .collect()
}

fn is_derived_window(name: &str, window: &str) -> bool {
    name.starts_with("slo:sli_error:ratio_rate")
        && monctl::spec::Duration::parse(window).is_some_and(|d| d.millis > 6 * 3600 * 1000)
}

#[test]
fn monctl_generates_sloths_rules() {
    let Some(dir) = support::corpus("sloth/slok+sloth/examples") else {
        return;
    };
    let mut compared = 0;
    let mut rules_compared = 0;
    for spec_path in support::files_under(&dir, &[".yml", ".yaml"]) {
        if spec_path.parent() != Some(dir.as_path()) {
            continue;
        }
        let file = spec_path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&spec_path).unwrap();
        let imported = monctl::import::sloth::import(&text);
        if let Some((_, reason)) = NOT_IMPORTED.iter().find(|(f, _)| *f == file) {
            assert!(
                imported.is_err(),
                "{file} is listed as not imported ({reason}) but imports"
            );
            continue;
        }
        let slos = imported.unwrap_or_else(|e| panic!("{file} does not import: {e:#?}"));
        // X001 reads `routing_key: myteam` as a credential; these are examples.
        let spec = serde_json::json!({"slos": slos, "lint": {"rules": {"X001": "off"}}});
        let files = vec![monctl::SourceFile::new(
            "spec.json".to_string(),
            spec.to_string(),
        )];
        let (artifacts, _) =
            monctl::generate(&files).unwrap_or_else(|d| panic!("{file}: errors {d:#?}"));
        // The same file as the inline `slos.sloth` form (what `monctl import` writes for a Sloth
        // file) gives the same files: one conversion behind both.
        let native = monctl::import::prometheus::import(
            &[monctl::SourceFile::new(file.clone(), text.clone())],
            &[None],
        );
        assert_eq!(
            native.kinds,
            vec![monctl::import::prometheus::NativeKind::Sloth],
            "{file}"
        );
        let mut inline = native.value.clone();
        inline["lint"] = serde_json::json!({"rules": {"X001": "off"}});
        let (inline_artifacts, _) = monctl::generate(&[monctl::SourceFile::new(
            "inline.json".to_string(),
            inline.to_string(),
        )])
        .unwrap_or_else(|d| panic!("{file}: the inline form has errors {d:#?}"));
        assert_eq!(
            inline_artifacts, artifacts,
            "{file}: slos.sloth and the imported objectives generate differently"
        );
        let mut ours = BTreeMap::new();
        for a in artifacts
            .iter()
            .filter(|a| a.path.starts_with("rules/slo-"))
        {
            let doc = monctl::source::load_value(
                &a.content,
                monctl::source::FileId(0),
                &Default::default(),
            )
            .unwrap();
            ours.extend(rules(&doc));
        }
        let gen_text = std::fs::read_to_string(dir.join("_gen").join(&file)).unwrap();
        let gen_text = gen_text
            .trim_start_matches("\n")
            .trim_start_matches("---\n");
        let theirs = rules(
            &monctl::source::load_value(gen_text, monctl::source::FileId(0), &Default::default())
                .unwrap(),
        );
        assert_eq!(
            ours.keys().collect::<Vec<_>>(),
            theirs.keys().collect::<Vec<_>>(),
            "{file}: rule groups"
        );
        for (group, their_rules) in &theirs {
            let our_rules = &ours[group];
            let our_keys: Vec<_> = our_rules
                .keys()
                .filter(|(n, _)| !DERIVED.contains(&n.as_str()))
                .collect();
            assert_eq!(
                our_keys,
                their_rules.keys().collect::<Vec<_>>(),
                "{file}: {group}"
            );
            for (key, theirs) in their_rules {
                let ours = &our_rules[key];
                let where_ = format!("{file}: {group}: {key:?}");
                assert_eq!(labels(ours), labels(theirs), "{where_}: labels");
                assert_eq!(
                    ours.get("annotations"),
                    theirs.get("annotations"),
                    "{where_}: annotations"
                );
                let (our_expr, their_expr) = (
                    ours["expr"].as_str().unwrap(),
                    theirs["expr"].as_str().unwrap(),
                );
                if is_derived_window(&key.0, &key.1) {
                    assert!(
                        our_expr.contains("sum_over_time(slo:sli_"),
                        "{where_}: a long window must be derived from the 5m series: {our_expr}"
                    );
                    promql(our_expr);
                } else {
                    assert_eq!(promql(our_expr), promql(their_expr), "{where_}: expr");
                }
                rules_compared += 1;
            }
        }
        compared += 1;
    }
    assert!(compared >= 5, "only {compared} Sloth specs compared");
    assert!(
        rules_compared >= 100,
        "only {rules_compared} rules compared"
    );
}
