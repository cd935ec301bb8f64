//! End-to-end tests of `monctl routes test` and `monctl routes show`: the Mall-Go cases pass, a
//! wrong expectation fails with exit 1 and says expected vs got, JSON output has the documented
//! shape, usage errors exit 2, and `show` is deterministic.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn monctl(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_monctl"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("monctl runs")
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn path(rel: &str) -> String {
    repo().join(rel).display().to_string()
}

fn scratch(name: &str) -> PathBuf {
    let dir = repo().join("target").join("cli-scratch").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn write(dir: &Path, name: &str, content: &str) -> String {
    let file = dir.join(name);
    std::fs::write(&file, content).unwrap();
    file.display().to_string()
}

#[test]
fn the_mall_go_cases_pass() {
    let out = monctl(&[
        "routes",
        "test",
        &path("examples/mall-go"),
        "--cases",
        &path("examples/mall-go-routing-cases.yml"),
    ]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert!(stdout.contains(" 0 failed"), "{stdout}");
    assert!(!stdout.contains("FAIL"), "{stdout}");
}

#[test]
fn a_wrong_expectation_fails_with_expected_and_got() {
    let dir = scratch("routes-wrong-case");
    let cases = std::fs::read_to_string(repo().join("examples/mall-go-routing-cases.yml"))
        .unwrap()
        .replacen(
            "    expect:\n      receivers: [critical-alerts]\n      inhibited: false\n",
            "    expect:\n      receivers: [business-alerts]\n      inhibited: true\n",
            1,
        );
    let file = write(&dir, "cases.yml", &cases);
    let out = monctl(&[
        "routes",
        "test",
        &path("examples/mall-go"),
        "--cases",
        &file,
    ]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("FAIL cases[0]"), "{stdout}");
    assert!(
        stdout.contains("receivers: expected [business-alerts], got [critical-alerts]"),
        "{stdout}"
    );
    assert!(
        stdout.contains("inhibited: expected inhibited, got not inhibited"),
        "{stdout}"
    );
    assert!(stdout.contains(" 1 failed"), "{stdout}");

    let json = monctl(&[
        "routes",
        "test",
        &path("examples/mall-go"),
        "--cases",
        &file,
        "--format",
        "json",
    ]);
    assert_eq!(json.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(value["failed"], 1);
    assert_eq!(value["cases"][0]["passed"], false);
    assert_eq!(
        value["cases"][0]["result"]["receivers"][0],
        "critical-alerts"
    );
}

#[test]
fn one_label_set_with_expectations() {
    let spec = path("examples/mall-go");
    let ok = monctl(&[
        "routes",
        "test",
        &spec,
        "--labels",
        "alertname=HighCPUUsage,severity=warning,instance=node-1",
        "--expect",
        "warning-alerts",
    ]);
    let stdout = text(&ok.stdout);
    assert_eq!(ok.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("receivers: warning-alerts"), "{stdout}");
    assert!(stdout.contains("routing.route.routes[1]"), "{stdout}");
    assert!(stdout.contains("ok: receivers as expected"), "{stdout}");

    let wrong = monctl(&[
        "routes",
        "test",
        &spec,
        "--labels",
        "alertname=LowProductViews,severity=info,category=business",
        "--expect",
        "business-alerts",
    ]);
    assert_eq!(wrong.status.code(), Some(1));
    assert!(
        text(&wrong.stdout)
            .contains("FAIL: receivers: expected [business-alerts], got [info-alerts]"),
        "{}",
        text(&wrong.stdout)
    );
}

#[test]
fn json_output_has_receivers_routes_and_inhibition() {
    let out = monctl(&[
        "routes",
        "test",
        &path("examples/mall-go"),
        "--labels",
        "alertname=HighCPUUsage,severity=warning,job=node-exporter,instance=node-1",
        "--firing",
        "alertname=DiskSpaceLow,severity=critical,job=node-exporter,instance=node-1",
        "--at",
        "2024-05-06T10:00:00Z",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(value["receivers"], serde_json::json!(["warning-alerts"]));
    assert_eq!(value["routes"][0]["spec_path"], "routing.route.routes[1]");
    assert_eq!(value["routes"][0]["group_wait"], "30s");
    assert_eq!(value["inhibited"], true);
    assert_eq!(
        value["inhibited_by"][0]["rule_path"],
        "routing.inhibit_rules[0]"
    );
    assert_eq!(value["notified"], serde_json::json!([]));
    assert_eq!(value["at"], "2024-05-06T10:00:00+00:00");
}

#[test]
fn show_prints_the_tree_and_every_alert_rule_deterministically() {
    let spec = path("examples/mall-go");
    let first = monctl(&["routes", "show", &spec]);
    let second = monctl(&["routes", "show", &spec]);
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    assert_eq!(first.stdout, second.stdout);
    let stdout = text(&first.stdout);
    for expected in [
        "(root)  receiver: default",
        "[3] {category=\"business\"}  receiver: business-alerts",
        "HighOrderFailureRate  (rules.groups[1].rules[0])",
        "receivers: critical-alerts  via routing.route.routes[0]",
    ] {
        assert!(
            stdout.contains(expected),
            "missing {expected:?} in\n{stdout}"
        );
    }
    let json = monctl(&["routes", "show", &spec, "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(value["tree"]["receiver"], "default");
    assert_eq!(value["tree"]["routes"].as_array().unwrap().len(), 4);
    assert_eq!(value["alerts"].as_array().unwrap().len(), 18);
}

#[test]
fn usage_errors_exit_2_and_spec_errors_exit_1() {
    let spec = path("examples/mall-go");
    let bad_labels = monctl(&["routes", "test", &spec, "--labels", "severity=~crit"]);
    assert_eq!(bad_labels.status.code(), Some(2));
    assert!(text(&bad_labels.stderr).contains("not a name=value pair"));

    let bad_at = monctl(&["routes", "test", &spec, "--labels", "a=b", "--at", "noon"]);
    assert_eq!(bad_at.status.code(), Some(2));
    assert!(text(&bad_at.stderr).contains("RFC 3339"));

    let dir = scratch("routes-usage");
    let bad_cases = write(
        &dir,
        "cases.yml",
        "cases:\n  - labels: {a: b}\n    expect: {recievers: [x]}\n",
    );
    let out = monctl(&["routes", "test", &spec, "--cases", &bad_cases]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("cases[0].expect"),
        "{}",
        text(&out.stderr)
    );

    let no_routing = write(&dir, "spec.yml", "rules: {groups: []}\n");
    let out = monctl(&["routes", "show", &no_routing]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no `routing` section"));

    let broken = write(
        &dir,
        "broken.yml",
        "routing:\n  route: {receiver: nobody}\n  receivers: [{name: r}]\n",
    );
    let out = monctl(&["routes", "test", &broken, "--labels", "a=b"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("receiver `nobody` is not defined"));
}

#[test]
fn generate_writes_alertmanager_yml_for_mall_go() {
    let dir = scratch("routes-generate");
    let out = monctl(&[
        "generate",
        &path("examples/mall-go"),
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let am = std::fs::read_to_string(dir.join("alertmanager.yml")).unwrap();
    assert!(am.starts_with("# Generated by monctl"));
    assert!(am.contains("receiver: business-alerts"));
}
