//! `monctl check` for CI: the seed's mistakes found at their places, SARIF that validates against
//! the SARIF 2.1.0 schema, GitHub workflow commands, --deny-warnings, and explain for every code.

use std::path::PathBuf;
use std::process::{Command, Output};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn monctl(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_monctl"))
        .args(args)
        .current_dir(repo())
        .env("NO_COLOR", "1")
        .output()
        .expect("monctl runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn seed_as_written_reports_its_mistakes_at_their_places() {
    let out = monctl(&[
        "check",
        "tests/fixtures/seed-as-written",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let items: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let found = |code: &str, needle: &str| {
        items
            .iter()
            .find(|d| d["code"] == code && d["message"].as_str().unwrap().contains(needle))
            .cloned()
    };
    let service = found("P003", "never has label `service`")
        .expect("the `service` label absent from the HTTP metrics");
    assert_eq!(
        service["file"],
        "tests/fixtures/seed-as-written/alerts/application.yml"
    );
    assert_eq!(
        (service["line"].as_u64(), service["column"].as_u64()),
        (Some(11), Some(82))
    );
    let status = found("P002", "never has label `status`")
        .expect("status=\"failed\" on orders_created_total");
    assert_eq!(
        status["file"],
        "tests/fixtures/seed-as-written/alerts/business.yml"
    );
    found("P007", "elasticsearch_cluster_health_status")
        .expect("no job scrapes the Elasticsearch exporter");
    found("T002", "$labels.service").expect("annotations render empty");
    found("M003", "user_id").expect("unbounded user_id label");
    let receiver = found("S011", "`info-alerts`").expect("the undefined receiver");
    assert_eq!(
        receiver["file"],
        "tests/fixtures/seed-as-written/routing.yml"
    );
    assert!(receiver["line"].as_u64().unwrap() > 0 && receiver["column"].as_u64().unwrap() > 0);
    let shadowed = found("R002", "taken first by routes[0]").expect("the shadowed business route");
    assert_eq!(shadowed["path"], "routing.route.routes[3]");
    assert_eq!(
        shadowed["file"],
        "tests/fixtures/seed-as-written/routing.yml"
    );
}

#[test]
fn mall_go_is_clean_even_with_deny_warnings() {
    let out = monctl(&["check", "examples/mall-go", "--deny-warnings"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // Nothing but M006 notes (metrics no rule reads, which the dashboards read) and O006 notes
    // (the chapter's threshold alerts measured against the SLOs their burn-rate alerts guard).
    let stderr = text(&out.stderr);
    let findings: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("error") || l.starts_with("warning") || l.starts_with("info"))
        .filter(|l| !l.starts_with("info[M006]") && !l.starts_with("info[O006]"))
        .collect();
    assert_eq!(findings, Vec::<&str>::new(), "{stderr}");
}

#[test]
fn deny_warnings_fails_on_warnings() {
    let spec = "tests/fixtures/rules/M002/bad.yml";
    assert_eq!(monctl(&["check", spec]).status.code(), Some(0));
    assert_eq!(
        monctl(&["check", spec, "--deny-warnings"]).status.code(),
        Some(1)
    );
}

#[test]
fn sarif_output_validates_against_the_sarif_2_1_0_schema() {
    let out = monctl(&[
        "check",
        "tests/fixtures/seed-as-written",
        "--format",
        "sarif",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
    let schema_text =
        std::fs::read_to_string(repo().join("tests/fixtures/sarif/sarif-2.1.0-rtm.5.json"))
            .unwrap();
    // Erratum in the published schema: the `language` patterns have a stray `]`, which fails the
    // meta-schema's "regex" format. Use the pattern they mean (two letters, optional -XX).
    let erratum = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
    assert!(schema_text.contains(erratum));
    let schema_text = schema_text.replace(erratum, r#""^[a-zA-Z]{2}(-[a-zA-Z]{2})?$""#);
    let schema: serde_json::Value = serde_json::from_str(&schema_text).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the SARIF schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "SARIF output is invalid:\n{}",
        errors.join("\n")
    );
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(!results.is_empty());
    let first = &results[0];
    let rule_index = first["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(
        log["runs"][0]["tool"]["driver"]["rules"][rule_index]["id"],
        first["ruleId"]
    );
    assert!(
        first["locations"][0]["physicalLocation"]["region"]["startLine"]
            .as_u64()
            .unwrap()
            > 0
    );
    // A validator that accepts anything would make this test meaningless.
    assert!(
        !validator.is_valid(&serde_json::json!({"version": "2.1.0", "runs": [{"results": []}]}))
    );
}

#[test]
fn github_format_prints_workflow_commands() {
    let out = monctl(&[
        "check",
        "tests/fixtures/rules/P003/bad.yml",
        "--format",
        "github",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    let line = stdout.lines().find(|l| l.starts_with("::error")).unwrap();
    assert!(
        line.starts_with("::error file=tests/fixtures/rules/P003/bad.yml,line=29,col=25,endLine=29,endColumn=32,title=P003 grouping-on-absent-label::"),
        "{line}"
    );
    assert!(
        !line.contains('\n') && !line.contains("%0Ahelp%3A") && line.contains("%0Ahelp:"),
        "{line}"
    );
}

#[test]
fn explain_works_for_every_code_and_rules_lists_them() {
    let rules = text(&monctl(&["rules"]).stdout);
    for info in monctl::docs::all_codes() {
        assert!(
            rules.contains(info.code) && rules.contains(info.name),
            "{} listed",
            info.code
        );
        let out = monctl(&["explain", info.code]);
        assert_eq!(out.status.code(), Some(0), "explain {}", info.code);
        assert!(
            text(&out.stdout).contains(info.explanation),
            "explain {}",
            info.code
        );
    }
    assert_eq!(
        monctl(&["explain", "grouping-on-absent-label"])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(monctl(&["explain", "Z999"]).status.code(), Some(2));
}
