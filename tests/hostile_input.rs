//! Inputs that once crashed or hung monctl, and a bounded mutation fuzzer over the loader and the
//! PromQL analysis: every input must end in diagnostics (or artifacts), never a panic, a stack
//! overflow or a run of seconds. The fuzzer is deterministic (a fixed seed, a fixed number of
//! cases), so a failure reproduces; `MONCTL_FUZZ_CASES=N` runs more of them.

mod support;

use monctl::{Severity, SourceFile};
use std::path::Path;
use support::Rng;

fn check(text: String) -> Vec<monctl::Diagnostic> {
    let files = [SourceFile::new("spec.yml", text)];
    let report = monctl::check(&files);
    let _ = monctl::generate(&files);
    report.diagnostics
}

fn rule_spec(expr: &str) -> String {
    serde_json::json!({"rules": {"groups": [{"name": "g", "rules": [{"record": "x:y", "expr": expr}]}]}})
        .to_string()
}

fn error_codes(diagnostics: &[monctl::Diagnostic]) -> Vec<&str> {
    diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.code)
        .collect()
}

#[test]
fn deeply_parenthesised_promql_is_an_error() {
    let expr = format!("{}up{}", "(".repeat(10_000), ")".repeat(10_000));
    let found = check(rule_spec(&expr));
    assert_eq!(error_codes(&found), ["S007"]);
    assert!(
        found[0].message.contains("nest more than"),
        "{}",
        found[0].message
    );
}

#[test]
fn long_operator_chains_are_an_error() {
    for op in [" + ", " or ", " == bool "] {
        let expr = vec!["up"; 10_000].join(op);
        let found = check(rule_spec(&expr));
        assert_eq!(error_codes(&found), ["S007"], "{op}");
        assert!(
            found[0].message.contains("operators"),
            "{}",
            found[0].message
        );
    }
}

#[test]
fn a_mapping_with_100k_keys_is_refused_at_its_position() {
    let keys: Vec<String> = (0..100_000).map(|i| format!("      k{i}: x")).collect();
    let found = check(format!(
        "scrape:\n  global:\n    external_labels:\n{}\n",
        keys.join("\n")
    ));
    assert_eq!(error_codes(&found), ["S002"]);
    let location = found[0].location.as_ref().expect("positioned");
    assert_eq!(location.start.line, 4 + 10_000);
}

#[test]
fn thousands_of_jobs_and_rules_check_in_linear_time() {
    let jobs: Vec<_> = (0..5000)
        .map(|i| {
            serde_json::json!({"job_name": format!("j{i}"), "packs": ["node-exporter"],
            "static_configs": [{"targets": [format!("h{i}:9100")]}]})
        })
        .collect();
    let rules: Vec<_> = (0..2000)
        .map(|i| {
            serde_json::json!({"alert": format!("A{i}"),
            "expr": format!("rate(node_cpu_seconds_total{{mode=\"idle\"}}[5m]) > {i} and up == 0"),
            "labels": {"severity": "warning"},
            "annotations": {"summary": "s", "description": "{{ $labels.instance }}"}})
        })
        .collect();
    let spec = serde_json::json!({"scrape": {"jobs": jobs}, "rules": {"groups": [{"name": "g", "rules": rules}]}});
    let found = check(spec.to_string());
    assert!(
        error_codes(&found).is_empty(),
        "{:?}",
        &found[..found.len().min(3)]
    );
}

#[test]
fn a_huge_single_line_spec_places_every_finding() {
    // Positions inside one 1 MB line: each finding must still point at its token.
    let rules: Vec<_> = (0..5000)
        .map(|i| serde_json::json!({"record": format!("r:{i}"), "expr": format!("sum(unknown_{i})")}))
        .collect();
    let spec =
        serde_json::json!({"rules": {"groups": [{"name": "g", "rules": rules}]}}).to_string();
    let found = check(spec.clone());
    let unknown: Vec<_> = found.iter().filter(|d| d.code == "P001").collect();
    assert_eq!(unknown.len(), 5000);
    for d in unknown.iter().step_by(499) {
        let at = d.location.as_ref().unwrap();
        let start = at.start.column as usize - 1;
        assert_eq!(&spec[start..start + 8], "unknown_", "{}", d.message);
    }
}

/// Fragments that make mutations reach deep into YAML and PromQL rather than fail early.
const FRAGMENTS: &[&str] = &[
    "(",
    ")",
    "[5m]",
    "{",
    "}",
    "\"",
    "'",
    "`",
    ":",
    "- ",
    "\n",
    "\n  ",
    "&a ",
    "*a",
    "<<: ",
    "!!str ",
    "by (",
    "without (",
    "on(",
    "group_left",
    " offset 5m",
    " @ end()",
    "[5m:1m]",
    "=~\"",
    "!~",
    "\\",
    "{{",
    "}}",
    "$labels.",
    "rate(",
    "histogram_quantile(0.9, ",
    " > ",
    " and ",
    " unless ",
    "1e308",
    "-0",
    "NaN",
    "é",
    "\u{0}",
    "\t",
    "0x",
    "9999999999999999999",
    "y",
    "~",
];

fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(4) {
            0 if !bytes.is_empty() => {
                let end = (at + 1 + rng.below(16)).min(bytes.len());
                bytes.drain(at.min(end)..end);
            }
            1 => {
                let fragment = FRAGMENTS[rng.below(FRAGMENTS.len())];
                bytes.splice(at..at, fragment.bytes());
            }
            2 if !bytes.is_empty() => {
                let from = rng.below(bytes.len());
                let end = (from + 1 + rng.below(64)).min(bytes.len());
                let copy: Vec<u8> = bytes[from..end].to_vec();
                bytes.splice(at..at, copy);
            }
            _ if at < bytes.len() => bytes[at] = (rng.next() % 128) as u8,
            _ => {}
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn seeds() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut seeds = Vec::new();
    for dir in [
        "examples/mall-go",
        "examples/mall-go/alerts",
        "tests/fixtures/prometheus-features",
    ] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths.into_iter().filter(|p| p.is_file()) {
            if let Ok(text) = std::fs::read_to_string(&path) {
                seeds.push(text);
            }
        }
    }
    assert!(
        seeds.len() >= 5,
        "the example spec files are the fuzzer's seeds"
    );
    for expr in [
        "sum by (job) (rate(http_requests_total{code=~\"5..\"}[5m])) / on (job) group_left sum(rate(http_requests_total[5m])) > 0.01",
        "histogram_quantile(0.99, sum(rate(x_bucket[5m])) by (le)) > 2 and absent(up) unless y offset 1h",
        "label_replace(max_over_time(up[1h:5m]), \"a\", \"$1\", \"b\", \"(.*)\") @ start() == bool 1",
    ] {
        seeds.push(rule_spec(expr));
    }
    seeds
}

#[test]
fn mutated_specs_never_panic() {
    let cases: usize = std::env::var("MONCTL_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1500);
    let seeds = seeds();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for case in 0..cases {
        let seed = &seeds[rng.below(seeds.len())];
        let input = mutate(&mut rng, seed);
        let outcome = std::panic::catch_unwind(|| check(input.clone()));
        if outcome.is_err() {
            let path = std::env::temp_dir().join(format!("monctl-fuzz-case-{case}.yml"));
            let _ = std::fs::write(&path, &input);
            panic!("case {case} panicked; its input is in {}", path.display());
        }
    }
}
