//! Real rule files written by others (../shared/corpus/rules/good: awesome-prometheus-alerts,
//! kube-prometheus, Prometheus's own test data), each checked as it is with the bundled catalog
//! packs and no scrape setup beyond one job per pack: a linter that floods real repositories with
//! false errors is switched off on day one, so there must be none, and the warnings are reviewed
//! in a snapshot.

mod support;

use monctl::{Severity, SourceFile};
use std::fmt::Write as _;

/// A spec holding the rule file's groups (its first YAML document, as Prometheus reads it) under
/// `rules:`, on the same lines as in the file plus one, then one scrape job per bundled pack,
/// named after the pack (as exporters' rules usually name their job).
fn spec_of_rule_file(name: &str, text: &str) -> SourceFile {
    let first_document = text
        .split("\n---")
        .next()
        .unwrap_or(text)
        .trim_end_matches('\n');
    let mut spec = String::from("rules:\n");
    for line in first_document.lines() {
        if line.trim().is_empty() {
            spec.push('\n');
        } else {
            let _ = writeln!(spec, "  {line}");
        }
    }
    spec.push_str("scrape:\n  jobs:\n");
    for pack in monctl::catalog::pack_ids() {
        let _ = writeln!(spec, "    - {{job_name: {pack}, packs: [{pack}]}}");
    }
    SourceFile::new(name.to_string(), spec)
}

/// Files whose errors are expected, with the reason: (file, the error codes it must produce).
const EXPECTED_ERRORS: &[(&str, &[&str], &str)] = &[
    (
        "prometheus+prometheus/promtool-testdata/features.yml",
        &["S005", "S007", "S009"],
        "needs promtool's --enable-feature flags for experimental PromQL (duration arithmetic in ranges, `anchored`, `fill()`), which promql-parser does not read; and its record names are UTF-8 metric names (Prometheus 3), which a record name in the spec does not take yet",
    ),
    (
        "prometheus+prometheus/rules-fixtures/rules_chain.yaml",
        &["P002"],
        "true positives: a fixture of the rule manager's evaluation order whose selectors ask recorded series `sum by (job)` for `cluster` and `namespace` labels they cannot have, so they select nothing",
    ),
];

#[test]
fn real_rule_files_get_no_false_errors() {
    let Some(root) = support::corpus("rules/good") else {
        return;
    };
    let files = support::files_under(&root, &[".yml", ".yaml", ".rules"]);
    assert!(
        files.len() >= 100,
        "expected the corpus's rule files in {}",
        root.display()
    );
    let mut errors = String::new();
    let mut warnings = String::new();
    let mut counts = std::collections::BTreeMap::<(&str, String), usize>::new();
    for path in &files {
        let name = path
            .strip_prefix(&root)
            .unwrap_or(path)
            .display()
            .to_string();
        let text = std::fs::read_to_string(path).unwrap();
        let report = monctl::check(&[spec_of_rule_file(&name, &text)]);
        if let Some((_, codes, reason)) = EXPECTED_ERRORS.iter().find(|(f, _, _)| *f == name) {
            let mut found: Vec<&str> = report
                .diagnostics
                .iter()
                .filter(|d| d.is_error())
                .map(|d| d.code)
                .collect();
            found.sort();
            found.dedup();
            assert_eq!(&found, codes, "{name} ({reason})");
            continue;
        }
        for d in &report.diagnostics {
            let line = d
                .location
                .as_ref()
                .map(|l| l.start.line.saturating_sub(1))
                .unwrap_or(0);
            let entry = format!("{name}:{line} {} {}: {}\n", d.code, d.severity, d.message);
            *counts.entry((d.code, d.severity.to_string())).or_default() += 1;
            match d.severity {
                Severity::Error => errors.push_str(&entry),
                _ => warnings.push_str(&entry),
            }
        }
    }
    let summary: String = counts
        .iter()
        .map(|((code, severity), n)| format!("{code} {severity}: {n}\n"))
        .collect();
    eprintln!("{} rule files; findings by code:\n{summary}", files.len());
    assert!(
        errors.is_empty(),
        "false errors on real rule files:\n{errors}"
    );
    insta::assert_snapshot!("corpus_rule_findings", format!("{summary}\n{warnings}"));
}
