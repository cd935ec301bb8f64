//! What the real tools reject, monctl rejects when it imports the native file, with the tool's
//! wording; and what they accept (unquoted numbers where a string is read, null targets) loads.

use monctl::import::prometheus::{import, NativeKind};
use monctl::SourceFile;

fn errors(kind: NativeKind, text: &str) -> Vec<String> {
    let imported = import(&[SourceFile::new("native.yml", text)], &[Some(kind)]);
    imported
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| {
            let at = d
                .location
                .as_ref()
                .map(|l| l.to_string())
                .unwrap_or_default();
            format!("{at} {}", d.message)
        })
        .collect()
}

fn prometheus(text: &str) -> Vec<String> {
    errors(NativeKind::Prometheus, text)
}

#[test]
fn duplicate_remote_write_names_are_refused() {
    let e = prometheus("remote_write:\n  - url: http://a/w\n    name: queue1\n  - url: http://b/w\n    name: queue1\n");
    assert_eq!(
        e,
        ["native.yml:5:11 found multiple remote write configs with job name \"queue1\""]
    );
    let e = prometheus(
        "remote_read:\n  - url: http://a/r\n    name: r\n  - url: http://b/r\n    name: r\n",
    );
    assert!(e[0].contains("found multiple remote read configs"), "{e:?}");
}

#[test]
fn reserved_and_authorization_headers_are_refused() {
    let e = prometheus("remote_write:\n  - url: http://a/w\n    headers:\n      X-Prometheus-Remote-Write-Version: '9'\n");
    assert!(
        e.iter().any(|m| m.contains(
            "x-prometheus-remote-write-version is a reserved header. It must not be changed"
        )),
        "{e:?}"
    );
    let e = prometheus("remote_read:\n  - url: http://a/r\n    headers:\n      Authorization: x\n");
    assert!(
        e.iter()
            .any(|m| m.contains("authorization header must be changed via the basic_auth")),
        "{e:?}"
    );
}

#[test]
fn zero_or_inverted_queue_values_are_refused() {
    let e =
        prometheus("remote_write:\n  - url: http://a/w\n    queue_config:\n      min_shards: 0\n");
    assert!(
        e.iter().any(|m| m.contains("min_shards must be positive")),
        "{e:?}"
    );
    let e = prometheus("remote_write:\n  - url: http://a/w\n    queue_config:\n      min_shards: 5\n      max_shards: 2\n");
    assert!(
        e.iter().any(|m| m.contains("greater than max_shards")),
        "{e:?}"
    );
}

#[test]
fn a_rule_label_named_name_is_refused() {
    let e = errors(
        NativeKind::Rules,
        "groups:\n  - name: g\n    rules:\n      - record: a:b\n        expr: up\n        labels:\n          __name__: x\n",
    );
    assert!(
        e.iter().any(|m| m.contains("invalid label name: __name__")),
        "{e:?}"
    );
}

#[test]
fn durations_beyond_gos_range_are_refused() {
    let e = errors(
        NativeKind::Alertmanager,
        "route:\n  receiver: r\n  group_wait: 300y\nreceivers:\n  - name: r\n",
    );
    assert!(e.iter().any(|m| m.contains("300y")), "{e:?}");
}

#[test]
fn unquoted_numbers_where_a_string_is_read_and_null_targets_load() {
    let e = prometheus("scrape_configs:\n  - job_name: a\n    static_configs:\n      - targets:\n    relabel_configs:\n      - source_labels: [x]\n        regex: 1\n        target_label: y\n");
    assert!(e.is_empty(), "{e:?}");
    let e = errors(
        NativeKind::Rules,
        "groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: 1\n",
    );
    assert!(e.is_empty(), "{e:?}");
    let e = errors(
        NativeKind::Alertmanager,
        "route:\n  receiver: r\n  routes:\n    - receiver: r\n      match: {code: 500}\nreceivers:\n  - name: r\n",
    );
    assert!(e.is_empty(), "{e:?}");
}

#[test]
fn a_secret_in_both_forms_is_refused_and_a_literal_one_is_a_warning() {
    let e = prometheus(
        "scrape_configs:\n  - job_name: a\n    bearer_token: x\n    bearer_token_file: /f\n",
    );
    assert!(
        e.iter()
            .any(|m| m
                .contains("at most one of bearer_token & bearer_token_file must be configured")),
        "{e:?}"
    );
    let imported = import(
        &[SourceFile::new(
            "native.yml",
            "scrape_configs:\n  - job_name: a\n    basic_auth: {username: u, password: hunter2}\n",
        )],
        &[Some(NativeKind::Prometheus)],
    );
    assert!(!imported.has_errors(), "{:?}", imported.diagnostics);
    assert_eq!(imported.secrets.len(), 1);
    assert!(!imported.value.to_string().contains("hunter2"));
}

#[test]
fn conflicting_kubernetes_sd_options_are_refused() {
    let job = |sd: &str| {
        format!("scrape_configs:\n  - job_name: k\n    kubernetes_sd_configs:\n      - {sd}\n")
    };
    let e = prometheus(&job(
        "{role: pod, api_server: 'https://k', kubeconfig_file: /k}",
    ));
    assert!(
        e.iter()
            .any(|m| m.contains("cannot use 'kubeconfig_file' and 'api_server' simultaneously")),
        "{e:?}"
    );
    let e = prometheus(&job(
        "{role: pod, api_server: 'https://k', namespaces: {own_namespace: true}}",
    ));
    assert!(
        e.iter()
            .any(|m| m
                .contains("cannot use 'api_server' and 'namespaces.own_namespace' simultaneously")),
        "{e:?}"
    );
    let e = prometheus(&job("{role: node, selectors: [{role: pod, label: a=b}]}"));
    assert!(
        e.iter()
            .any(|m| m.contains("node role supports only node selectors")),
        "{e:?}"
    );
    let e = prometheus(&job(
        "{role: pod, selectors: [{role: pod, label: a=b}, {role: pod, field: x=y}]}",
    ));
    assert!(
        e.iter()
            .any(|m| m.contains("duplicated selector role: pod")),
        "{e:?}"
    );
    let e = prometheus(&job(
        "{role: endpoints, selectors: [{role: pod, label: a=b}, {role: service, label: c=d}]}",
    ));
    assert!(e.is_empty(), "{e:?}");
}

#[test]
fn empty_list_entries_are_refused_in_prometheus_words_once() {
    for (text, message) in [
        (
            "scrape_configs:\n  -\n",
            "native.yml:2:4 empty or null scrape config section",
        ),
        (
            "scrape_configs:\n  - job_name: t\n    static_configs:\n      -\n",
            "native.yml:4:8 empty or null section in static_configs",
        ),
        (
            "scrape_configs:\n  - job_name: t\n    metric_relabel_configs:\n      -\n",
            "native.yml:4:8 empty or null metric relabeling rule",
        ),
        (
            "remote_write:\n  - url: http://a/w\n    write_relabel_configs:\n      -\n",
            "native.yml:4:8 empty or null relabeling rule in remote write config",
        ),
        (
            "alerting:\n  alert_relabel_configs:\n    -\n",
            "native.yml:3:6 empty or null alert relabeling rule",
        ),
        (
            "alerting:\n  alertmanagers:\n    - relabel_configs:\n        -\n",
            "native.yml:4:10 empty or null Alertmanager target relabeling rule",
        ),
    ] {
        assert_eq!(prometheus(text), [message], "{text}");
    }
}

#[test]
fn agent_mode_refuses_what_an_agent_does_not_do() {
    use monctl::import::prometheus::{import_with, ImportOptions};
    let text = "alerting:\n  alertmanagers:\n    - static_configs: [{targets: ['am:9093']}]\nrule_files: [r.yml]\nremote_read:\n  - url: http://r/read\nremote_write:\n  - url: http://w/write\n";
    let refused = |agent: bool| -> Vec<String> {
        import_with(
            &[SourceFile::new("native.yml", text)],
            &ImportOptions {
                kinds: vec![Some(NativeKind::Prometheus)],
                agent,
                ..ImportOptions::default()
            },
        )
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| {
            format!(
                "{} {}",
                d.location
                    .as_ref()
                    .map(|l| l.to_string())
                    .unwrap_or_default(),
                d.message
            )
        })
        .collect()
    };
    assert_eq!(refused(false), Vec::<String>::new());
    assert_eq!(
        refused(true),
        [
            "native.yml:1:1 field alerting is not allowed in agent mode",
            "native.yml:4:1 field rule_files is not allowed in agent mode",
            "native.yml:5:1 field remote_read is not allowed in agent mode",
        ]
    );
}
