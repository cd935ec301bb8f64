//! The rest of prometheus.yml (issue #9): the server sections (`storage`, `otlp`, `tracing`,
//! `runtime`, `scrape_config_files`) and the HTTP client, remote write/read and Alertmanager
//! options round-trip (native -> import -> generate -> equal YAML), promtool accepts what it
//! knows of them, and what Prometheus refuses in them is refused in its words.

mod support;

use monctl::import::prometheus::{import, Imported, NativeKind};
use monctl::source::{load_value, FileId};
use monctl::{Limits, SourceFile};
use serde_json::Value;

fn fixture(name: &str) -> String {
    let path = support::repo_root()
        .join("tests/fixtures/prometheus")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn import_native(text: &str) -> Imported {
    import(
        &[SourceFile::new("prometheus.yml", text)],
        &[Some(NativeKind::Prometheus)],
    )
}

fn errors(text: &str) -> Vec<String> {
    import_native(text)
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.message.clone())
        .collect()
}

fn generated(imported: &Imported) -> String {
    let spec = imported.spec.clone().expect("the import gives a spec");
    let (model, _) = monctl::model::Model::resolve(spec);
    monctl::generate::generate_all(&model)
        .into_iter()
        .find(|a| a.path == "prometheus.yml")
        .map(|a| a.content)
        .expect("prometheus.yml is generated")
}

fn yaml(text: &str) -> Value {
    load_value(text, FileId(0), &Limits::default()).expect("valid YAML")
}

/// Drops what the generator adds on its own (rule_files, the default Alertmanager API version).
fn without_generator_defaults(mut value: Value) -> Value {
    if let Value::Object(map) = &mut value {
        map.remove("rule_files");
        if let Some(Value::Object(alerting)) = map.get_mut("alerting") {
            if let Some(Value::Array(ams)) = alerting.get_mut("alertmanagers") {
                for am in ams {
                    if let Value::Object(am) = am {
                        am.remove("api_version");
                    }
                }
            }
        }
    }
    value
}

/// Imports the fixture, regenerates prometheus.yml and compares both as YAML values.
fn round_trip(name: &str) -> String {
    let native = fixture(name);
    let imported = import_native(&native);
    let errors: Vec<_> = imported
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .collect();
    assert!(errors.is_empty(), "{name}: {errors:?}");
    let out = generated(&imported);
    assert_eq!(
        without_generator_defaults(yaml(&out)),
        yaml(&native),
        "{name} regenerated:\n{out}"
    );
    out
}

#[test]
fn the_server_sections_round_trip() {
    let out = round_trip("server_sections.yml");
    assert!(out.contains("percentage: 80.5"), "{out}");
}

#[test]
fn http_client_remote_and_alertmanager_options_round_trip() {
    round_trip("http_clients.yml");
}

#[test]
fn a_literal_oauth2_client_secret_moves_to_a_file() {
    let imported = import_native(
        "scrape_configs:\n  - job_name: a\n    oauth2:\n      client_id: c\n      client_secret: s3cr3t-value\n      token_url: https://auth/token\n    static_configs:\n      - targets: [a:1]\n",
    );
    assert!(!imported.has_errors(), "{:?}", imported.diagnostics);
    assert_eq!(imported.secrets.len(), 1, "{:?}", imported.secrets);
    let out = generated(&imported);
    assert!(out.contains("client_secret_file: secrets/"), "{out}");
    assert!(!out.contains("s3cr3t-value"), "{out}");
}

#[test]
fn promtool_accepts_the_regenerated_options_it_knows() {
    let out = round_trip("promtool_242.yml");
    let Some(promtool) = support::real_tool("promtool", "prometheus") else {
        return;
    };
    let dir = support::scratch_dir("prometheus_server_promtool");
    let file = dir.join("prometheus.yml");
    std::fs::write(&file, &out).expect("scratch file");
    let (ok, output) = support::run(
        std::process::Command::new(promtool)
            .args(["check", "config", "--syntax-only"])
            .arg(&file),
    );
    assert!(ok, "promtool refuses:\n{output}\n{out}");
}

/// Each case: a native file and a phrase of Prometheus' own error for it.
const REFUSED: &[(&str, &str)] = &[
    (
        "storage:\n  tsdb:\n    retention:\n      time: -1h\n",
        "not a valid duration string: \"-1h\"",
    ),
    (
        "storage:\n  tsdb:\n    retention:\n      size: -1GB\n",
        "'storage.tsdb.retention.size' must be greater than or equal to 0",
    ),
    (
        "storage:\n  tsdb:\n    retention:\n      size: 100\n",
        "units: unknown unit  in 100",
    ),
    (
        "storage:\n  tsdb:\n    retention:\n      percentage: 101\n",
        "'storage.tsdb.retention.percentage' must be in the range [0, 100]",
    ),
    (
        "storage:\n  tsdb:\n    chunk_encoding:\n      floats: XOR2\n",
        "must be 'xor' or 'xor2', or the field must be omitted entirely, got \"XOR2\"",
    ),
    (
        "otlp:\n  promote_all_resource_attributes: true\n  promote_resource_attributes: [a]\n",
        "'promote_all_resource_attributes' and 'promote_resource_attributes' cannot be configured simultaneously",
    ),
    (
        "otlp:\n  ignore_resource_attributes: [a]\n",
        "'ignore_resource_attributes' cannot be configured unless 'promote_all_resource_attributes' is true",
    ),
    (
        "otlp:\n  promote_resource_attributes: [a, ' a ']\n",
        "invalid 'promote_resource_attributes': duplicated promoted OTel resource attribute \"a\"",
    ),
    (
        "otlp:\n  promote_all_resource_attributes: true\n  ignore_resource_attributes: ['']\n",
        "empty ignored OTel resource attribute",
    ),
    (
        "otlp:\n  translation_strategy: Invalid\n",
        "unsupported OTLP translation strategy \"Invalid\"",
    ),
    (
        "global:\n  metric_name_validation_scheme: legacy\notlp:\n  translation_strategy: NoTranslation\n",
        "OTLP translation strategy \"NoTranslation\" is not allowed when UTF8 is disabled",
    ),
    ("tracing:\n  sampling_fraction: 1\n", "tracing endpoint must be set"),
    (
        "tracing:\n  endpoint: c:4317\n  compression: zstd\n",
        "invalid compression type zstd provided, valid options: gzip",
    ),
    (
        "tracing:\n  endpoint: c:4317\n  headers:\n    Authorization: x\n",
        "authorization header configuration is not yet supported",
    ),
    (
        "tracing:\n  endpoint: c:4317\n  headers:\n    Content-Type: x\n",
        "content-type is a reserved header. It must not be changed",
    ),
    (
        "scrape_config_files:\n  - configs/*/*.yml\n",
        "invalid scrape config file path \"configs/*/*.yml\"",
    ),
    (
        "scrape_configs:\n  - job_name: a\n    body_size_limit: 100\n",
        "units: unknown unit  in 100",
    ),
    (
        "scrape_configs:\n  - job_name: a\n    scrape_protocols: [PrometheusProto, PrometheusProto]\n",
        "duplicated protocol in scrape_protocols, got [PrometheusProto PrometheusProto] for scrape config with job name \"a\"",
    ),
    (
        "global:\n  scrape_protocols: []\n",
        "scrape_protocols cannot be empty for global config",
    ),
    (
        "scrape_configs:\n  - static_configs:\n      - targets: [a:1]\n",
        "job_name is empty",
    ),
    (
        "scrape_configs:\n  - job_name: a\n    oauth2:\n      client_id: c\n      client_secret_file: f\n      token_url: https://t\n    basic_auth:\n      username: u\n      password_file: p\n",
        "at most one of basic_auth, oauth2 & authorization must be configured",
    ),
    (
        "scrape_configs:\n  - job_name: a\n    authorization:\n      type: Basic\n      credentials_file: f\n",
        "authorization type cannot be set to \"basic\", use \"basic_auth\" instead",
    ),
    (
        "scrape_configs:\n  - job_name: a\n    oauth2:\n      client_id: c\n      token_url: ''\n",
        "oauth2 token_url must be configured",
    ),
    (
        "scrape_configs:\n  - job_name: a\n    no_proxy: localhost\n",
        "if no_proxy is configured, proxy_url must also be configured",
    ),
    (
        "scrape_configs:\n  - job_name: a\n    proxy_url: http://p:3128\n    proxy_from_environment: true\n",
        "if proxy_from_environment is configured, proxy_url must not be configured",
    ),
    (
        "scrape_configs:\n  - job_name: a\n    metric_name_validation_scheme: legacy\n    metric_name_escaping_scheme: allow-utf-8\n",
        "utf8 metric names requested but validation scheme is not set to UTF8",
    ),
    (
        "scrape_configs:\n  - job_name: a\n    kubernetes_sd_configs:\n      - role: pod\n        authorization:\n          credentials_file: f\n",
        "to use custom HTTP client configuration please provide the 'api_server' URL explicitly",
    ),
    (
        "scrape_configs:\n  - job_name: a\n    kubernetes_sd_configs:\n      - role: pod\n        kubeconfig_file: k\n        basic_auth:\n          username: u\n          password_file: p\n",
        "cannot use a custom HTTP client configuration together with 'kubeconfig_file'",
    ),
    (
        "remote_write:\n  - name: a\n",
        "url for remote_write is empty",
    ),
    ("remote_read:\n  - name: a\n", "url for remote_read is empty"),
    (
        "remote_write:\n  - url: http://w\n    basic_auth:\n      username: u\n      password_file: p\n    sigv4:\n      region: eu-west-1\n",
        "at most one of basic_auth, authorization, oauth2, sigv4, azuread or google_iam must be configured. Currently configured: [basic_auth sigv4]",
    ),
    (
        "remote_write:\n  - url: http://w\n    headers:\n      X-Amz-Date: x\n",
        "x-amz-date is a reserved header. It must not be changed",
    ),
    (
        "remote_write:\n  - url: http://w\n    queue_config:\n      min_shards: 10\n      max_shards: 2\n",
        "remote write queue min_shards must not be greater than max_shards",
    ),
    (
        "remote_write:\n  - url: http://w\n    queue_config:\n      min_backoff: 10s\n      max_backoff: 1s\n",
        "remote write queue max_backoff must not be less than min_backoff",
    ),
    (
        "alerting:\n  alertmanagers:\n    - sigv4:\n        region: r\n      basic_auth:\n        username: u\n        password_file: p\n",
        "at most one of basic_auth, authorization, oauth2, & sigv4 must be configured",
    ),
    (
        "alerting:\n  alert_relabel_configs:\n    - action: hashmod\n      target_label: t\n",
        "relabel configuration for hashmod requires non-zero modulus",
    ),
    (
        "scrape_configs:\n  - job_name: a\n    relabel_configs:\n      - target_label: __param_target\n        source_labels: [__address__]\n    static_configs:\n      - targets: [http://bad]\n",
        "instance 0 in group 0: \"http://bad\" is not a valid hostname",
    ),
    (
        "scrape_configs:\n  - job_name: a\n    kubernetes_sd_configs:\n      - role: endpoints\n        selectors:\n          - role: pod\n            field: metadata.status-Running\n",
        "invalid selector: 'metadata.status-Running'; can't understand 'metadata.status-Running'",
    ),
    (
        "alerting:\n  alertmanagers:\n    - api_version: v1\n      static_configs:\n        - targets: [am:9093]\n",
        "expected Alertmanager api version to be one of [v2] but got v1",
    ),
];

#[test]
fn what_prometheus_refuses_is_refused_in_its_words() {
    for (native, phrase) in REFUSED {
        let errors = errors(native);
        assert!(
            errors.iter().any(|e| e.contains(phrase)),
            "{native}\nwanted {phrase:?}, got {errors:?}"
        );
    }
}

#[test]
fn what_prometheus_accepts_in_these_sections_loads() {
    for native in [
        "otlp:\n",
        "storage:\n  tsdb:\n    retention:\n      size: 0\n      percentage: 0.5\n",
        "tracing:\n  endpoint: c:4317\n",
        "scrape_config_files: [a/*.yml, b.yml]\n",
        // A relabeled address is checked by Prometheus after relabeling, not as written.
        "scrape_configs:\n  - job_name: a\n    relabel_configs:\n      - target_label: __address__\n        replacement: good:80\n    static_configs:\n      - targets: [http://good]\n",
        "scrape_configs:\n  - job_name: a\n    kubernetes_sd_configs:\n      - role: pod\n        follow_redirects: true\n",
        "scrape_configs:\n  - job_name: a\n    kubernetes_sd_configs:\n      - role: pod\n        selectors:\n          - role: pod\n            field: spec.nodeName=a\\,b,status.phase!=Failed\n",
    ] {
        let errors = errors(native);
        assert!(errors.is_empty(), "{native}\n{errors:?}");
    }
}
