//! Conformance of the SLO rule files and rule tests with the real promtool: every file monctl
//! generates from the Mall-Go example and the SLO fixtures passes `promtool check rules`, and
//! every test file it writes (the spec's suites and the burn tests generated per SLO) passes
//! `promtool test rules`.

mod support;

use std::path::Path;
use std::process::Command;

fn generate_into(files: &[monctl::SourceFile], dir: &Path) -> Vec<String> {
    let (artifacts, _) =
        monctl::generate(files).unwrap_or_else(|d| panic!("the spec has errors: {d:#?}"));
    for a in &artifacts {
        let path = dir.join(&a.path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &a.content).unwrap();
    }
    artifacts.into_iter().map(|a| a.path).collect()
}

fn conform(name: &str, files: &[monctl::SourceFile], expect_tests: &[&str]) {
    let Some(promtool) = support::real_tool("promtool", "prometheus") else {
        return;
    };
    let dir = support::scratch_dir(&format!("slo-promtool-{name}"));
    let paths = generate_into(files, &dir);
    let slo_rules: Vec<&String> = paths
        .iter()
        .filter(|p| p.starts_with("rules/slo-"))
        .collect();
    assert!(
        !slo_rules.is_empty(),
        "{name}: no SLO rule files in {paths:?}"
    );
    let (ok, out) = support::run(
        Command::new(&promtool)
            .arg("check")
            .arg("rules")
            .args(&slo_rules)
            .current_dir(&dir),
    );
    assert!(ok, "{name}: promtool check rules failed:\n{out}");
    let tests: Vec<&String> = paths.iter().filter(|p| p.ends_with(".test.yml")).collect();
    for expected in expect_tests {
        assert!(
            tests.iter().any(|t| t.as_str() == *expected),
            "{name}: {expected} not generated: {tests:?}"
        );
    }
    let (ok, out) = support::run(
        Command::new(&promtool)
            .arg("test")
            .arg("rules")
            .args(&tests)
            .current_dir(&dir),
    );
    assert!(ok, "{name}: promtool test rules failed:\n{out}");
    assert!(out.contains("SUCCESS"), "{out}");
}

#[test]
fn mall_go_slo_rules_and_burn_tests_pass_promtool() {
    conform(
        "mall-go",
        &support::example("mall-go"),
        &[
            "tests/slo-mall-go-page.test.yml",
            "tests/slo-mall-go-ticket.test.yml",
        ],
    );
}

#[test]
fn raw_weekly_fixture_passes_promtool() {
    let files =
        support::read_spec_dir(&support::repo_root().join("tests/fixtures/slos/raw-weekly"));
    conform(
        "raw-weekly",
        &files,
        &["tests/wifi.test.yml", "tests/slo-home-wifi-page.test.yml"],
    );
}

#[test]
fn burn_tests_fail_when_the_alert_is_wrong() {
    // The generated tests can fail: with the page alert's factor doubled in the rule file, the
    // burn at 2x the factor no longer fires it when expected.
    let Some(promtool) = support::real_tool("promtool", "prometheus") else {
        return;
    };
    let dir = support::scratch_dir("slo-promtool-broken");
    let files =
        support::read_spec_dir(&support::repo_root().join("tests/fixtures/slos/raw-weekly"));
    generate_into(&files, &dir);
    let rules = dir.join("rules/slo-home-wifi.yml");
    let text = std::fs::read_to_string(&rules).unwrap();
    assert!(text.contains("(14.4 * 0.05)"), "{text}");
    std::fs::write(&rules, text.replace("(14.4 * 0.05)", "(28.8 * 0.05)")).unwrap();
    let (ok, out) = support::run(
        Command::new(&promtool)
            .args(["test", "rules", "tests/slo-home-wifi-page.test.yml"])
            .current_dir(&dir),
    );
    assert!(!ok, "promtool passed a broken alert:\n{out}");
}

#[test]
fn ticket_burn_tests_fail_when_the_ticket_alert_is_wrong() {
    // With the latency SLO's slow ticket factor doubled in the rule file, its burn at 2x the
    // factor no longer fires the ticket alert when expected.
    let Some(promtool) = support::real_tool("promtool", "prometheus") else {
        return;
    };
    let dir = support::scratch_dir("slo-promtool-broken-ticket");
    generate_into(&support::example("mall-go"), &dir);
    let rules = dir.join("rules/slo-mall-go.yml");
    let text = std::fs::read_to_string(&rules).unwrap();
    assert_eq!(text.matches("(1 * 0.05)").count(), 2, "{text}");
    std::fs::write(&rules, text.replace("(1 * 0.05)", "(2 * 0.05)")).unwrap();
    let (ok, out) = support::run(
        Command::new(&promtool)
            .args(["test", "rules", "tests/slo-mall-go-ticket.test.yml"])
            .current_dir(&dir),
    );
    assert!(!ok, "promtool passed a broken ticket alert:\n{out}");
    assert!(
        out.contains("mall-go-latency-p95: ticket alert, slow windows"),
        "{out}"
    );
}
