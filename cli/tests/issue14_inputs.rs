//! Each input issue #14 names, with the clear error it now gets (the placement table of
//! plaintext credentials is tests/secret_placements.rs; the megabyte line, bounded_output.rs;
//! non-UTF-8 input, spec_folder.rs; durations past Go's range, tests/config_rejects.rs).

mod support;

use std::path::PathBuf;
use std::process::Output;
use support::{monctl, stderr};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("monctl-issue14-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("spec")).unwrap();
    std::fs::write(
        dir.join("spec/routing.yml"),
        "routing:\n  route: {receiver: r}\n  receivers: [{name: r}]\n",
    )
    .unwrap();
    dir
}

fn json(out: &Output) -> Vec<serde_json::Value> {
    serde_json::from_slice(&out.stdout).unwrap_or_default()
}

#[test]
fn out_inside_or_equal_to_the_spec_folder_is_refused() {
    let dir = scratch("out");
    for out in ["spec/out", "spec"] {
        let run = monctl(&["generate", "spec", "--out", out], &dir);
        assert_eq!(run.status.code(), Some(2), "{out}");
        assert!(
            stderr(&run).contains("the next run would read the generated files as spec"),
            "{}",
            stderr(&run)
        );
    }
    assert!(!dir.join("spec/out").exists());
}

#[test]
fn oversize_spec_and_cases_files_are_refused_with_their_size() {
    let dir = scratch("oversize");
    std::fs::write(
        dir.join("big.yml"),
        format!("a: {}\n", "x".repeat(5_000_000)),
    )
    .unwrap();
    let run = monctl(&["check", "big.yml"], &dir);
    assert_eq!(run.status.code(), Some(2));
    assert!(
        stderr(&run).contains("big.yml is 5000004 bytes"),
        "{}",
        stderr(&run)
    );
    assert!(stderr(&run).len() < 1000, "the file is not printed");

    std::fs::write(
        dir.join("cases.yml"),
        format!("cases:\n{}", "#".repeat(5_000_000)),
    )
    .unwrap();
    let run = monctl(&["routes", "test", "spec", "--cases", "cases.yml"], &dir);
    assert_eq!(run.status.code(), Some(2));
    assert!(
        stderr(&run).contains("cases.yml is 5000007 bytes; a cases file may have at most"),
        "{}",
        stderr(&run)
    );
}

#[test]
fn label_sets_follow_one_set_of_rules_on_the_command_line_and_in_cases_files() {
    let dir = scratch("labels");
    let run = monctl(&["routes", "test", "spec", "--labels", "a=b,a=c"], &dir);
    assert_eq!(run.status.code(), Some(2));
    assert!(
        stderr(&run).contains("label `a` is given twice"),
        "{}",
        stderr(&run)
    );
    std::fs::write(
        dir.join("dup.yml"),
        "cases:\n  - labels: {a: b, a: c}\n    expect: {receivers: [r]}\n",
    )
    .unwrap();
    let run = monctl(&["routes", "test", "spec", "--cases", "dup.yml"], &dir);
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));

    // A UTF-8 name (as Alertmanager takes) is accepted in both places alike.
    let cli = monctl(&["routes", "test", "spec", "--labels", "é=x"], &dir);
    std::fs::write(
        dir.join("utf8.yml"),
        "cases:\n  - labels: {é: x}\n    expect: {receivers: [r]}\n",
    )
    .unwrap();
    let file = monctl(&["routes", "test", "spec", "--cases", "utf8.yml"], &dir);
    assert_eq!(cli.status.code(), file.status.code());
    assert_eq!(cli.status.code(), Some(0), "{}", stderr(&cli));

    // An empty name and a matcher are refused in both.
    std::fs::write(
        dir.join("empty.yml"),
        "cases:\n  - labels: {\"\": x}\n    expect: {receivers: [r]}\n",
    )
    .unwrap();
    let run = monctl(&["routes", "test", "spec", "--cases", "empty.yml"], &dir);
    assert_eq!(run.status.code(), Some(2));
    assert!(
        stderr(&run).contains("a label name is empty"),
        "{}",
        stderr(&run)
    );
    let run = monctl(&["routes", "test", "spec", "--labels", "=x"], &dir);
    assert_eq!(run.status.code(), Some(2));
    let run = monctl(&["routes", "test", "spec", "--labels", "a=~b"], &dir);
    assert_eq!(run.status.code(), Some(2));
}

#[test]
fn a_yaml_syntax_error_has_a_position_and_a_help_line() {
    let dir = scratch("syntax");
    std::fs::write(dir.join("syn.yml"), "jobs: [a, b\n").unwrap();
    let run = monctl(&["check", "syn.yml"], &dir);
    assert_eq!(run.status.code(), Some(1));
    let text = stderr(&run);
    assert!(
        text.contains("error[S001]") && text.contains("--> syn.yml:1:12"),
        "{text}"
    );
    assert!(text.contains("= help:"), "{text}");
}

#[test]
fn a_utf8_rule_label_name_is_reported_with_its_legacy_spelling() {
    // `foo-bar` is a label name for Prometheus 3 (UTF-8 names), not for Prometheus 2: with the
    // spec silent on its name validation scheme, a warning at the key with the legacy spelling.
    let dir = scratch("label-name");
    std::fs::write(
        dir.join("rules.yml"),
        "rules:\n  groups:\n    - name: g\n      rules:\n        - alert: A\n          expr: up == 0\n          labels: {foo-bar: x, __name__: y, ok_name: z}\n          annotations: {summary: s, description: d}\n",
    )
    .unwrap();
    let run = monctl(&["check", "rules.yml", "--format", "json"], &dir);
    let items = json(&run);
    let found = |needle: &str| {
        items
            .iter()
            .find(|d| d["message"].as_str().unwrap_or("").contains(needle))
            .cloned()
    };
    let foo = found("`foo-bar` is a UTF-8 label name").expect("foo-bar reported");
    assert_eq!(foo["code"], "S005");
    assert_eq!(foo["severity"], "warning");
    assert_eq!(
        (foo["line"].as_u64(), foo["column"].as_u64()),
        (Some(7), Some(20))
    );
    assert!(foo["help"].as_str().unwrap().contains("foo_bar"));
    assert!(found("__name__").is_some());
    assert!(!items.iter().any(|d| d["code"] == "S004"), "{items:?}");
}

#[test]
fn rule_file_names_are_portable_distinct_and_refused_when_impossible() {
    let dir = scratch("files");
    std::fs::write(
        dir.join("spec/rules.yml"),
        "rules:\n  groups:\n    - name: 日本\n      rules: [{record: 'a:b', expr: up}]\n    - name: 中国\n      rules: [{record: 'a:c', expr: up}]\n",
    )
    .unwrap();
    let run = monctl(&["generate", "spec", "--out", "out"], &dir);
    assert!(run.status.success(), "{}", stderr(&run));
    let japan = std::fs::read_to_string(dir.join("out/rules/u65e5u672c.yml")).unwrap();
    let china = std::fs::read_to_string(dir.join("out/rules/u4e2du56fd.yml")).unwrap();
    assert!(japan.contains("name: 日本") && china.contains("name: 中国"));

    // Two names that become one file: an error naming both groups, at both places.
    std::fs::write(
        dir.join("spec/rules.yml"),
        "rules:\n  groups:\n    - name: api alerts\n      rules: [{record: 'a:b', expr: up}]\n    - name: API-alerts\n      rules: [{record: 'a:c', expr: up}]\n",
    )
    .unwrap();
    let run = monctl(&["check", "spec", "--format", "json"], &dir);
    let items = json(&run);
    let clash = items
        .iter()
        .find(|d| d["code"] == "S010")
        .unwrap_or_else(|| panic!("{items:?}"));
    assert!(
        clash["message"]
            .as_str()
            .unwrap()
            .contains("rule groups `api alerts` and `API-alerts` would both be written to rules/API-alerts.yml"),
        "{clash}"
    );
    assert_eq!(clash["line"], 5);
    assert_eq!(clash["related"].as_array().unwrap().len(), 1);

    // A name too long for a file name, and a device name, refused at check with a position.
    std::fs::write(
        dir.join("spec/rules.yml"),
        format!(
            "rules:\n  groups:\n    - name: {}\n      rules: [{{record: 'a:b', expr: up}}]\n    - name: g\n      file: nul\n      rules: [{{record: 'a:c', expr: up}}]\n",
            "n".repeat(300)
        ),
    )
    .unwrap();
    let run = monctl(&["check", "spec", "--format", "json"], &dir);
    let items = json(&run);
    let long = items
        .iter()
        .find(|d| {
            d["message"]
                .as_str()
                .unwrap_or("")
                .contains("cannot be a file name: rules/<name>.yml would be 304 bytes")
        })
        .unwrap_or_else(|| panic!("{items:?}"));
    assert_eq!(
        (long["line"].as_u64(), long["column"].as_u64()),
        (Some(3), Some(13))
    );
    assert!(items.iter().any(|d| d["message"]
        .as_str()
        .unwrap_or("")
        .contains("Windows reserves `nul`")
        && d["line"] == 6));
}
