//! End-to-end tests of the `monctl` binary: exit codes, rendered diagnostics with positions,
//! all-or-nothing generation and the `--check` drift mode.

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

fn scratch(name: &str) -> PathBuf {
    let dir = repo().join("target").join("cli-scratch").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

fn replace_in(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(
        text.contains(from),
        "{} does not contain {from:?}",
        path.display()
    );
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A copy of the Mall-Go example with a bad duration, an unknown field and unparsable PromQL.
fn broken_mall_go(name: &str) -> PathBuf {
    let dir = scratch(name).join("spec");
    copy_dir(&repo().join("examples/mall-go"), &dir);
    replace_in(&dir.join("alerts/system.yml"), "for: 1m", "for: 1 minute");
    replace_in(
        &dir.join("scrape.yml"),
        "    scrape_interval: 10s",
        "    scrape_intervall: 10s",
    );
    replace_in(
        &dir.join("alerts/application.yml"),
        "expr: go_goroutines > 1000",
        "expr: go_goroutines > (1000",
    );
    dir
}

#[test]
fn mall_go_checks_clean() {
    let out = monctl(&["check", repo().join("examples/mall-go").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn broken_copy_reports_all_three_errors_with_positions() {
    let dir = broken_mall_go("broken-check");
    let out = monctl(&["check", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    let system = format!("{}:10:16", dir.join("alerts/system.yml").display());
    let scrape = format!("{}:27:7", dir.join("scrape.yml").display());
    let application = format!("{}:40:33", dir.join("alerts/application.yml").display());
    for expected in [
        "error[S005]: `1 minute` is not a Prometheus duration",
        system.as_str(),
        "error[S004]: unknown field `scrape_intervall`",
        scrape.as_str(),
        "did you mean `scrape_interval`?",
        "error[S007]: PromQL does not parse",
        application.as_str(),
        "3 error(s), 0 warning(s)",
    ] {
        assert!(
            stderr.contains(expected),
            "missing {expected:?} in:\n{stderr}"
        );
    }
}

#[test]
fn json_format_lists_code_position_and_path() {
    let dir = broken_mall_go("broken-json");
    let out = monctl(&["check", dir.to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let items: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("JSON array");
    // The notes of M006 (metrics no rule reads) and O006 (threshold alerts against the SLOs)
    // aside.
    let items: Vec<serde_json::Value> = items
        .into_iter()
        .filter(|d| d["code"] != "M006" && d["code"] != "O006")
        .collect();
    let summary: Vec<(String, u64, u64, String)> = items
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["path"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (
                "S007".into(),
                40,
                33,
                "rules.groups[0].rules[2].expr".into()
            ),
            ("S005".into(), 10, 16, "rules.groups[4].rules[0].for".into()),
            (
                "S004".into(),
                27,
                7,
                "scrape.jobs[1].scrape_intervall".into()
            ),
        ]
    );
    assert!(items
        .iter()
        .all(|d| d["severity"] == "error" && d["file"].is_string() && d["help"].is_string()));
}

#[test]
fn generate_writes_nothing_when_the_spec_has_errors() {
    let dir = broken_mall_go("broken-generate");
    let out_dir = dir.parent().unwrap().join("out");
    let out = monctl(&[
        "generate",
        dir.to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!out_dir.exists(), "nothing may be written");
}

#[test]
fn generate_then_check_reports_no_drift_until_a_file_changes() {
    let out_dir = scratch("drift").join("out");
    let spec = repo().join("examples/mall-go");
    let args = [
        "generate",
        spec.to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
    ];
    assert_eq!(monctl(&args).status.code(), Some(0));
    assert!(out_dir.join("prometheus.yml").is_file());
    assert!(out_dir.join("rules/system-alerts.yml").is_file());
    let mut leftovers: Vec<_> = std::fs::read_dir(&out_dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    leftovers.sort();
    assert_eq!(
        leftovers,
        vec![".env.example", ".monctl-manifest.json"],
        "no temporary files remain, only the manifest"
    );

    let check = [
        "generate",
        spec.to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
        "--check",
    ];
    assert_eq!(monctl(&check).status.code(), Some(0));

    replace_in(
        &out_dir.join("prometheus.yml"),
        "scrape_interval: 15s",
        "scrape_interval: 20s",
    );
    std::fs::write(
        out_dir.join("rules/old-group.yml"),
        "# Generated by monctl from the monitoring spec — do not edit\ngroups: []\n",
    )
    .unwrap();
    let out = monctl(&check);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("changed:") && stdout.contains("prometheus.yml"),
        "{stdout}"
    );
    // The manifest does not list it: a file monctl did not write is never stale, whatever its
    // header says; it is only named in a warning.
    assert!(!stdout.contains("old-group.yml"), "{stdout}");
    assert!(text(&out.stderr).contains("old-group.yml"));

    // Regenerating refuses to overwrite the hand edit unless --force; then it restores the file
    // and leaves the files that are not monctl's.
    std::fs::write(out_dir.join("notes.txt"), "mine").unwrap();
    assert_eq!(monctl(&args).status.code(), Some(2));
    let forced = [&args[..], &["--force"]].concat();
    assert_eq!(monctl(&forced).status.code(), Some(0));
    assert_eq!(monctl(&check).status.code(), Some(0));
    assert!(out_dir.join("rules/old-group.yml").exists());
    assert!(out_dir.join("notes.txt").exists());
}

#[test]
fn usage_and_io_failures_exit_2() {
    assert_eq!(monctl(&["check", "/no/such/spec"]).status.code(), Some(2));
    assert_eq!(
        monctl(&["generate"]).status.code(),
        Some(2),
        "--out is required"
    );
    assert_eq!(monctl(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn schema_command_prints_the_committed_schema() {
    let out = monctl(&["schema"]);
    assert_eq!(out.status.code(), Some(0));
    let committed = std::fs::read_to_string(repo().join("schemas/monctl.schema.json")).unwrap();
    assert_eq!(text(&out.stdout), committed);
}

#[test]
fn every_command_has_help_with_an_example() {
    for command in [
        vec!["--help"],
        vec!["check", "--help"],
        vec!["generate", "--help"],
        vec!["schema", "--help"],
    ] {
        let out = monctl(&command);
        assert_eq!(out.status.code(), Some(0));
        assert!(
            text(&out.stdout).contains("monctl "),
            "{command:?} help has an example"
        );
    }
}
