//! Snapshots of alertmanager.yml and the inline template files generated from the routing
//! fixtures (the Mall-Go example's are in generate_snapshots.rs): a change to the generator shows
//! up as a reviewed diff. Also: no routing section, no alertmanager.yml; output is deterministic.

mod support;

fn generate(dir: &str) -> Vec<monctl::Artifact> {
    let files = support::read_spec_dir(&support::repo_root().join(dir));
    let (artifacts, _) = monctl::generate(&files).unwrap_or_else(|d| panic!("{dir}: {d:#?}"));
    artifacts
}

fn snapshot(dir: &str, name: &str) {
    for artifact in generate(dir)
        .into_iter()
        .filter(|a| a.path == "alertmanager.yml" || a.path.starts_with("templates/"))
    {
        insta::assert_snapshot!(
            format!("{name}__{}", artifact.path.replace('/', "__")),
            artifact.content
        );
    }
}

#[test]
fn every_feature() {
    snapshot("tests/fixtures/routing/features", "routing_features");
}

#[test]
fn fields_newer_than_alertmanager_0_25() {
    snapshot(
        "tests/fixtures/routing/newer-fields",
        "routing_newer_fields",
    );
}

#[test]
fn no_routing_section_no_alertmanager_yml() {
    let files = [monctl::SourceFile::new(
        "spec.yml",
        "scrape:\n  jobs: [{job_name: a, static_configs: [{targets: ['a:1']}]}]\n",
    )];
    let (artifacts, _) = monctl::generate(&files).unwrap();
    assert!(
        artifacts.iter().all(|a| a.path == "prometheus.yml"),
        "{artifacts:#?}"
    );
}

#[test]
fn generation_is_deterministic_and_never_writes_secret_literals_from_references() {
    let first = generate("tests/fixtures/routing/features");
    let second = generate("tests/fixtures/routing/features");
    assert_eq!(first, second);
    let am = &first
        .iter()
        .find(|a| a.path == "alertmanager.yml")
        .unwrap()
        .content;
    // References become *_file fields or ${NAME} placeholders.
    for expected in [
        "smtp_auth_password_file: /run/secrets/smtp-password",
        "password_file: /run/secrets/webhook-password",
        "routing_key_file: /run/secrets/pagerduty-key",
        "wechat_api_secret: ${WECHAT_API_SECRET}",
        "url: ${REPLICA_WEBHOOK_URL}",
        "url: http://dingtalk-bridge:8060/dingtalk/china/send",
        "url: http://dingtalk-bridge:8060/dingtalk/china-2/send",
    ] {
        assert!(am.contains(expected), "missing {expected:?} in\n{am}");
    }
    // DingTalk robot URLs and secrets are the bridge's, never Alertmanager's.
    let files =
        support::read_spec_dir(&support::repo_root().join("tests/fixtures/routing/features"));
    let model = monctl::load_model(&files).0.unwrap();
    let targets: Vec<String> = model
        .spec
        .routing
        .as_ref()
        .unwrap()
        .dingtalk_targets()
        .into_iter()
        .map(|(t, _)| t)
        .collect();
    assert_eq!(targets, ["china", "china-2"]);
    assert!(
        !am.contains("DINGTALK_ROBOT_URL") && !am.contains("dingtalk-secret"),
        "{am}"
    );
    // Deprecated matcher maps come out as matchers.
    assert!(!am.contains("match:") && !am.contains("match_re:") && !am.contains("source_match:"));
}
