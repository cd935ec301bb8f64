//! Import of native alertmanager.yml files: the load errors only the native form can have come
//! out in Alertmanager's words, and the native forms the spec says differently are reshaped
//! (SigV4's inline secret key to an environment reference, Slack's bot-token workaround URL
//! dropped).

use monctl::import::prometheus::{import, Imported, NativeKind};
use monctl::SourceFile;

fn imported(yaml: &str) -> Imported {
    import(
        &[SourceFile::new("alertmanager.yml", yaml)],
        &[Some(NativeKind::Alertmanager)],
    )
}

fn errors(yaml: &str) -> Vec<String> {
    imported(yaml)
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.message.clone())
        .collect()
}

const REFUSED: &[(&str, &str)] = &[
    (
        "route: {receiver: r}\nreceivers:\n- name: r\n  webex_configs:\n  -\n",
        "missing webex config",
    ),
    (
        "route: {receiver: r}\nreceivers:\n- name: r\n  email_configs:\n  -\n",
        "missing email config",
    ),
    (
        "route: {receiver: r}\nreceivers:\n- name: r\n  slack_configs:\n  -\n",
        "no Slack API URL nor App token set either inline or in a file",
    ),
    (
        "route: {receiver: r}\nreceivers:\n- name: r\n  opsgenie_configs:\n  -\n",
        "no global OpsGenie API Key set either inline or in a file",
    ),
    (
        "route: {receiver: r}\nreceivers:\n- name: ''\n",
        "missing name in receiver",
    ),
    (
        "route: {receiver: r}\nreceivers: [{name: r}]\ntime_intervals:\n- name:\n  time_intervals: [{weekdays: [monday]}]\n",
        "missing name in time interval",
    ),
    (
        "route: {receiver: r}\nreceivers: [{name: r}]\nmute_time_intervals:\n- {name: d, time_intervals: [{weekdays: [monday]}]}\n- {name: d, time_intervals: [{weekdays: [friday]}]}\n",
        "mute time interval \"d\" is not unique",
    ),
    (
        "route: {receiver: r}\nreceivers:\n- name: r\n  slack_configs:\n  - {api_url: 'https://hooks.slack.com/services/T0/B0/X', update_message: true}\n",
        "update_message can only be used with bot tokens. api_url must be set to https://slack.com/api/chat.postMessage",
    ),
    (
        "global: {slack_app_token: x, slack_api_url: 'https://hooks.slack.com/services/T0/B0/X'}\nroute: {receiver: r}\nreceivers: [{name: r, slack_configs: [{channel: c}]}]\n",
        "at most one of slack_app_token/slack_app_token_file & slack_api_url/slack_api_url_file must be configured",
    ),
    (
        "route: {receiver: r}\nreceivers:\n- name: r\n  webhook_configs:\n  - url: 'http://h/'\n    http_config:\n      basic_auth: {username: u, password_file: /p}\n      oauth2: {client_id: c, client_secret_file: /s, token_url: 'http://t/'}\n",
        "at most one of basic_auth, oauth2 & authorization must be configured",
    ),
    (
        "route: {receiver: r}\nreceivers:\n- name: r\n  webhook_configs:\n  - url: 'http://h/'\n    http_config: {no_proxy: localhost}\n",
        "if no_proxy is configured, proxy_url must also be configured",
    ),
];

#[test]
fn native_only_load_errors_are_refused_in_alertmanagers_words() {
    for (yaml, message) in REFUSED {
        let found = errors(yaml);
        assert!(
            found.iter().any(|e| e.contains(message)),
            "expected `{message}`, found {found:?}\nin:\n{yaml}"
        );
    }
}

#[test]
fn update_message_with_the_web_api_url_imports() {
    let yaml = "route: {receiver: r}\nreceivers:\n- name: r\n  slack_configs:\n  - {api_url: 'https://slack.com/api/chat.postMessage', update_message: true, http_config: {authorization: {credentials_file: /t}}}\n";
    assert_eq!(errors(yaml), Vec::<String>::new());
}

fn generated(imported: &Imported) -> String {
    let (model, _) = monctl::model::Model::resolve(imported.spec.clone().expect("spec"));
    monctl::generate::generate_all(&model)
        .into_iter()
        .find(|a| a.path == "alertmanager.yml")
        .expect("alertmanager.yml")
        .content
}

#[test]
fn the_slack_bot_token_workaround_url_is_dropped() {
    let yaml = "global: {slack_app_token_file: /t, slack_api_url: 'https://slack.com/api/chat.postMessage'}\nroute: {receiver: r}\nreceivers: [{name: r, slack_configs: [{channel: c}]}]\n";
    let i = imported(yaml);
    assert!(
        i.diagnostics.iter().all(|d| !d.is_error()),
        "{:?}",
        i.diagnostics
    );
    assert!(i
        .diagnostics
        .iter()
        .any(|d| d.message.contains("slack_api_url is the app URL")));
    let out = generated(&i);
    assert!(out.contains("slack_app_token_file: /t"), "{out}");
    assert!(!out.contains("slack_api_url"), "{out}");
}

#[test]
fn a_sigv4_secret_key_becomes_an_environment_reference() {
    let yaml = "route: {receiver: r}\nreceivers:\n- name: r\n  sns_configs:\n  - {topic_arn: a, sigv4: {region: us-east-1, access_key: AKIDEXAMPLE, secret_key: s3cr3t}}\n";
    let i = imported(yaml);
    assert!(
        i.diagnostics.iter().all(|d| !d.is_error()),
        "{:?}",
        i.diagnostics
    );
    let out = generated(&i);
    assert!(
        out.contains("secret_key: ${MONCTL_ROUTING_RECEIVERS_0_SNS_CONFIGS_0_SIGV4_SECRET_KEY}"),
        "{out}"
    );
    assert!(!out.contains("s3cr3t"), "{out}");
    assert!(i.diagnostics.iter().any(|d| d.code == "S014"
        && d.path.to_string() == "routing.receivers[0].sns_configs[0].sigv4.secret_key"));
    // Listed in the summary with the other moved secrets: the variable the user must set.
    let listed: Vec<(String, String)> = i
        .secrets
        .iter()
        .map(|s| (s.spec_path.to_string(), s.file.clone()))
        .collect();
    assert_eq!(
        listed,
        [(
            "routing.receivers[0].sns_configs[0].sigv4.secret_key".to_string(),
            "$MONCTL_ROUTING_RECEIVERS_0_SNS_CONFIGS_0_SIGV4_SECRET_KEY".to_string()
        )]
    );
}

#[test]
fn a_null_regexp_is_refused_and_a_null_label_value_is_the_empty_string() {
    for (yaml, label, line) in [
        (
            "route:\n  receiver: r\n  routes:\n  - receiver: r\n    match_re:\n      invalid_label:\nreceivers:\n- name: r\n",
            "invalid_label",
            6,
        ),
        (
            "route: {receiver: r}\nreceivers:\n- name: r\ninhibit_rules:\n- target_match: {a: b}\n  source_match_re:\n    invalid_source_label:\n",
            "invalid_source_label",
            7,
        ),
    ] {
        let i = imported(yaml);
        let refused: Vec<_> = i.diagnostics.iter().filter(|d| d.is_error()).collect();
        assert_eq!(refused.len(), 1, "{:?}", i.diagnostics);
        assert_eq!(
            refused[0].message,
            format!("invalid regexp value for \"{label}\"")
        );
        assert_eq!(refused[0].location.as_ref().map(|l| l.start.line), Some(line));
    }
    // `match: {team: }` matches alerts without a team label (Go reads null as ""), not every alert.
    let i = imported(
        "route:\n  receiver: r\n  routes:\n  - receiver: r\n    match:\n      team:\nreceivers:\n- name: r\n",
    );
    assert!(
        i.diagnostics.iter().all(|d| !d.is_error()),
        "{:?}",
        i.diagnostics
    );
    let out = generated(&i);
    assert!(
        out.contains("team=\"\"") || out.contains("team: ''") || out.contains("team: \"\""),
        "{out}"
    );
    // An unknown key with no value is still an unknown key.
    let errors = errors("route:\n  recevier:\nreceivers:\n- name: r\n");
    assert!(errors.iter().any(|e| e.contains("recevier")), "{errors:?}");
}

#[test]
fn an_oauth2_http_config_imports_and_is_written_back() {
    let yaml = "route: {receiver: r}\nreceivers:\n- name: r\n  webhook_configs:\n  - url: 'http://h/'\n    http_config:\n      oauth2:\n        client_id: c\n        client_secret_file: /s\n        token_url: 'http://t/token'\n        scopes: [a, b]\n        endpoint_params: {k: v}\n      proxy_url: 'http://proxy:3128'\n      no_proxy: localhost\n";
    let i = imported(yaml);
    assert!(
        i.diagnostics.iter().all(|d| !d.is_error()),
        "{:?}",
        i.diagnostics
    );
    let out = generated(&i);
    for wanted in [
        "client_id: c",
        "client_secret_file: /s",
        "token_url: http://t/token",
        "- a",
        "k: v",
        "no_proxy: localhost",
    ] {
        assert!(out.contains(wanted), "missing `{wanted}` in:\n{out}");
    }
}
