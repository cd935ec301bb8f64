//! `monctl import` and `monctl lint` on native files written the way teams write them (issue #9):
//! import writes one spec file per section with the native comments and literal secrets moved to
//! file references, refuses to overwrite, and the spec it writes checks and generates; lint
//! reports findings at the native files' file:line:col in every format, and exits 1 on errors.

mod support;

use std::path::Path;
use support::{monctl, scratch, stderr, stdout};

const PROMETHEUS: &str = "# Our Prometheus.
global:
  scrape_interval: 30s
  evaluation_interval: 30s
rule_files: [rules.yml]
alerting:
  alertmanagers:
    - static_configs: [{targets: ['alertmanager:9093']}]
scrape_configs:
  # The API, behind basic auth.
  - job_name: api
    basic_auth: {username: scraper, password: hunter2-secret}
    static_configs: [{targets: ['api:8080']}]
";

const RULES: &str = "groups:
  - name: api
    rules:
      - alert: ApiDown
        expr: up{job=\"api\"} == 0
        for: 5m
        labels: {severity: critical}
        annotations: {summary: api down, description: '{{ $labels.instance }} is down'}
";

const ALERTMANAGER: &str = "route:
  receiver: team
  group_by: [alertname]
  routes:
    - matchers: ['severity=\"critical\"']
      receiver: team
receivers:
  - name: team
    webhook_configs: [{url_file: /etc/alertmanager/team-url}]
";

fn natives(dir: &Path, alertmanager: &str) {
    std::fs::write(dir.join("prometheus.yml"), PROMETHEUS).unwrap();
    std::fs::write(dir.join("rules.yml"), RULES).unwrap();
    std::fs::write(dir.join("alertmanager.yml"), alertmanager).unwrap();
}

const FILES: &[&str] = &["prometheus.yml", "rules.yml", "alertmanager.yml"];

#[test]
fn import_writes_a_spec_per_section_that_checks_and_generates() {
    let dir = scratch("import-lint", "import");
    natives(&dir, ALERTMANAGER);
    let mut args = vec!["import"];
    args.extend(FILES);
    args.extend(["--out", "spec"]);
    let run = monctl(&args, &dir);
    let out = format!("{}{}", stdout(&run), stderr(&run));
    assert_eq!(run.status.code(), Some(0), "{out}");
    for section in ["scrape.yml", "rules.yml", "routing.yml"] {
        assert!(dir.join("spec").join(section).is_file(), "{section}: {out}");
    }
    // The literal password is moved to a file reference and listed for the user to act on.
    assert!(out.contains("prometheus.yml:12:"), "{out}");
    assert!(
        out.contains("secrets/scrape-jobs-0-basic_auth-password"),
        "{out}"
    );
    let scrape = std::fs::read_to_string(dir.join("spec/scrape.yml")).unwrap();
    assert!(!scrape.contains("hunter2"), "{scrape}");
    assert!(scrape.contains("password_file: secrets/scrape-jobs-0-basic_auth-password"));
    // Comments come along, above the keys they stood above.
    assert!(scrape.contains("# Our Prometheus.\nscrape:"), "{scrape}");
    assert!(
        scrape.contains("    # The API, behind basic auth.\n    - job_name: api"),
        "{scrape}"
    );

    let check = monctl(&["check", "spec"], &dir);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    let generate = monctl(&["generate", "spec", "--out", "out"], &dir);
    assert_eq!(generate.status.code(), Some(0), "{}", stderr(&generate));
    let yml = std::fs::read_to_string(dir.join("out/prometheus.yml")).unwrap();
    assert!(
        yml.contains("password_file: secrets/scrape-jobs-0-basic_auth-password"),
        "{yml}"
    );

    // A second import into the same folder overwrites nothing.
    let before = std::fs::read_to_string(dir.join("spec/scrape.yml")).unwrap();
    let again = monctl(&args, &dir);
    assert_eq!(again.status.code(), Some(2), "{}", stderr(&again));
    assert_eq!(
        std::fs::read_to_string(dir.join("spec/scrape.yml")).unwrap(),
        before
    );
}

#[test]
fn lint_reports_at_the_native_files_lines_in_every_format() {
    let dir = scratch("import-lint", "lint");
    natives(
        &dir,
        &ALERTMANAGER.replace("      receiver: team", "      receiver: pager"),
    );
    let mut args = vec!["lint"];
    args.extend(FILES);
    let run = monctl(&args, &dir);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    let text = format!("{}{}", stdout(&run), stderr(&run));
    assert!(
        text.contains("error[S011]: receiver `pager` is not defined")
            && text.contains("--> alertmanager.yml:6:17"),
        "{text}"
    );

    args.extend(["--format", "json"]);
    let run = monctl(&args, &dir);
    let items: Vec<serde_json::Value> = serde_json::from_slice(&run.stdout).expect("JSON");
    let s011 = items.iter().find(|d| d["code"] == "S011").expect("S011");
    assert_eq!(
        (
            s011["file"].as_str(),
            s011["line"].as_u64(),
            s011["column"].as_u64()
        ),
        (Some("alertmanager.yml"), Some(6), Some(17))
    );
    let secret = items
        .iter()
        .find(|d| d["path"] == "scrape.jobs[0].basic_auth.password_file")
        .expect("the literal password is reported");
    assert_eq!(secret["file"], "prometheus.yml");
    assert_eq!(secret["line"], 12);
    assert!(!String::from_utf8_lossy(&run.stdout).contains("hunter2"));

    let last = args.len() - 1;
    args[last] = "sarif";
    let run = monctl(&args, &dir);
    let sarif: serde_json::Value = serde_json::from_slice(&run.stdout).expect("SARIF JSON");
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    assert!(results.iter().any(|r| r["ruleId"] == "S011"
        && r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "alertmanager.yml"
        && r["locations"][0]["physicalLocation"]["region"]["startLine"] == 6));
}

#[test]
fn lint_of_clean_native_files_exits_0_and_of_a_missing_file_2() {
    let dir = scratch("import-lint", "clean");
    natives(&dir, ALERTMANAGER);
    std::fs::write(
        dir.join("prometheus.yml"),
        PROMETHEUS.replace(
            "password: hunter2-secret",
            "password_file: /run/secrets/scrape",
        ),
    )
    .unwrap();
    let mut args = vec!["lint"];
    args.extend(FILES);
    let run = monctl(&args, &dir);
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}{}",
        stdout(&run),
        stderr(&run)
    );
    let run = monctl(&["lint", "nowhere.yml"], &dir);
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
}

#[test]
fn a_credential_the_tool_reads_only_inline_is_a_warning_not_a_failure() {
    // Consul's token has no `_file` form in Prometheus: the native file must hold it.
    let dir = scratch("import-lint", "inline");
    std::fs::write(
        dir.join("prometheus.yml"),
        "scrape_configs:\n  - job_name: svc\n    consul_sd_configs:\n      - server: consul:8500\n        token: 6f1c2a4e-0d7b-4c5e-9a3f-2b8e1d0c7a55\n",
    )
    .unwrap();
    let run = monctl(&["lint", "prometheus.yml", "--format", "json"], &dir);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let items: Vec<serde_json::Value> = serde_json::from_slice(&run.stdout).expect("JSON");
    let token = items
        .iter()
        .find(|d| d["code"] == "X001")
        .expect("the literal token is reported");
    assert_eq!(token["severity"], "warning");
    assert_eq!(
        (token["line"].as_u64(), token["file"].as_str()),
        (Some(5), Some("prometheus.yml"))
    );
    assert!(token["help"].as_str().unwrap().contains("only inline"));
}

#[test]
fn lint_agent_refuses_what_prometheus_agent_mode_refuses() {
    let dir = scratch("import-lint", "agent");
    std::fs::write(
        dir.join("prometheus.yml"),
        PROMETHEUS.replace(
            "password: hunter2-secret",
            "password_file: /run/secrets/scrape",
        ),
    )
    .unwrap();
    let server = monctl(&["lint", "prometheus.yml"], &dir);
    assert_eq!(
        server.status.code(),
        Some(0),
        "{}{}",
        stdout(&server),
        stderr(&server)
    );
    let agent = monctl(&["lint", "prometheus.yml", "--agent"], &dir);
    assert_eq!(agent.status.code(), Some(1), "{}", stderr(&agent));
    let out = format!("{}{}", stdout(&agent), stderr(&agent));
    for (field, line) in [("rule_files", 5), ("alerting", 6)] {
        assert!(
            out.contains(&format!("field {field} is not allowed in agent mode")),
            "{out}"
        );
        assert!(out.contains(&format!("prometheus.yml:{line}:1")), "{out}");
    }
}

#[test]
fn a_folder_of_native_files_reads_fluentd_and_elasticsearch_and_leaves_out_the_rest() {
    let dir = scratch("import-lint", "folder");
    let natives_dir = dir.join("configs");
    std::fs::create_dir_all(&natives_dir).unwrap();
    std::fs::write(
        natives_dir.join("fluent.conf"),
        "<source>\n  @type forward\n  port 24224\n</source>\n<match app.**>\n  @type stdout\n</match>\n",
    )
    .unwrap();
    std::fs::write(
        natives_dir.join("app.json"),
        r#"{"index_patterns": ["app-*"], "template": {"mappings": {"properties": {"msg": {"type": "text"}}}}}"#,
    )
    .unwrap();
    std::fs::write(
        natives_dir.join("package.json"),
        r#"{"name": "web", "version": "1.0.0"}"#,
    )
    .unwrap();
    #[cfg(unix)]
    {
        let fifo = natives_dir.join("pipe.conf");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    }
    let run = monctl(&["import", "configs", "--out", "spec"], &dir);
    let out = format!("{}{}", stdout(&run), stderr(&run));
    // The FIFO is refused by name, never opened (which would block).
    #[cfg(unix)]
    {
        assert_eq!(run.status.code(), Some(2), "{out}");
        assert!(out.contains("pipe.conf") && out.contains("FIFO"), "{out}");
        std::fs::remove_file(natives_dir.join("pipe.conf")).unwrap();
    }
    let run = monctl(&["import", "configs", "--out", "spec"], &dir);
    let out = format!("{}{}", stdout(&run), stderr(&run));
    assert_eq!(run.status.code(), Some(0), "{out}");
    assert!(
        out.contains("package.json left out"),
        "an unrelated JSON file is left out with a warning: {out}"
    );
    let logs = std::fs::read_to_string(dir.join("spec/logs.yml")).unwrap();
    assert!(
        logs.contains("pipeline:") && logs.contains("port: 24224"),
        "{logs}"
    );
    assert!(
        logs.contains("name: app") && logs.contains("app-*"),
        "{logs}"
    );
    let check = monctl(&["check", "spec"], &dir);
    assert!(
        !stderr(&check).contains("error["),
        "the imported spec checks: {}",
        stderr(&check)
    );
}
