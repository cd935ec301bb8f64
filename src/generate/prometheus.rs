//! prometheus.yml: global settings, rule_files, alerting, scrape_configs and remote write/read,
//! in the order and vocabulary of Prometheus' configuration documentation.

use super::yaml::{document, Fields};
use super::Artifact;
use crate::model::Model;
use crate::spec::relabel::RelabelRule;
use crate::spec::scrape::{
    AlertmanagerEndpoint, HttpClient, RemoteRead, RemoteWrite, ScrapeJob, StaticConfig,
};
use serde_json::Value;
use std::collections::BTreeSet;

pub fn prometheus_yml(model: &Model) -> Artifact {
    let spec = &model.spec;
    let mut root = Fields::new();
    let global = &spec.scrape.global;
    root.set(
        "global",
        Fields::new()
            .set("scrape_interval", global.scrape_interval)
            .set("scrape_timeout", global.scrape_timeout)
            .set("evaluation_interval", global.evaluation_interval)
            .set("external_labels", &global.external_labels)
            .set("rule_query_offset", global.rule_query_offset)
            .set("query_log_file", &global.query_log_file)
            .set("sample_limit", global.sample_limit)
            .set("label_limit", global.label_limit)
            .set("label_name_length_limit", global.label_name_length_limit)
            .set("label_value_length_limit", global.label_value_length_limit)
            .set("target_limit", global.target_limit)
            .set("keep_dropped_targets", global.keep_dropped_targets)
            .merge(&global.tuning)
            .build(),
    );
    let mut rule_files: BTreeSet<String> = spec
        .rules
        .groups
        .iter()
        .map(|g| format!("rules/{}.yml", g.file_stem()))
        .collect();
    rule_files.extend(super::slos::rule_file_paths(model));
    root.set("rule_files", rule_files);
    let mut alertmanagers: Vec<Value> =
        spec.scrape.alertmanagers.iter().map(alertmanager).collect();
    if alertmanagers.is_empty() {
        // None written: the stack's Alertmanager, whose address `stack` states (K004 checks
        // the written ones).
        alertmanagers.extend(model.stack.alertmanager_target().map(|target| {
            serde_json::json!({"api_version": "v2", "static_configs": [{"targets": [target]}]})
        }));
    }
    if !alertmanagers.is_empty() || !spec.scrape.alert_relabel_configs.is_empty() {
        root.set(
            "alerting",
            Fields::new()
                .set(
                    "alert_relabel_configs",
                    relabel_configs(&spec.scrape.alert_relabel_configs),
                )
                .set("alertmanagers", alertmanagers)
                .build(),
        );
    }
    root.set(
        "scrape_configs",
        spec.scrape
            .jobs
            .iter()
            .map(scrape_config)
            .collect::<Vec<_>>(),
    );
    root.set(
        "remote_write",
        spec.scrape
            .remote_write
            .iter()
            .map(remote_write)
            .collect::<Vec<_>>(),
    );
    root.set(
        "remote_read",
        spec.scrape
            .remote_read
            .iter()
            .map(remote_read)
            .collect::<Vec<_>>(),
    );
    root.merge(without_nulls(
        serde_json::to_value(&spec.scrape.server).unwrap_or(Value::Null),
    ));
    Artifact {
        path: "prometheus.yml".into(),
        content: document(&root.build()),
    }
}

/// A spec block already in Prometheus' shape, as it is written out.
fn native(block: impl serde::Serialize) -> Value {
    without_nulls(serde_json::to_value(block).unwrap_or(Value::Null))
}

/// `value` without its null fields, at any depth (the server sections' nested blocks, such as
/// `tracing.tls_config`, are written as serde gives them).
fn without_nulls(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, without_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(without_nulls).collect()),
        other => other,
    }
}

/// Authentication and TLS, with `bearer_token_file` written in its current form.
fn http_client(fields: &mut Fields, http: &HttpClient) {
    if let Some(basic) = &http.basic_auth {
        fields.set(
            "basic_auth",
            Fields::new()
                .set("username", &basic.username)
                .set("username_file", &basic.username_file)
                .set("password_file", &basic.password_file)
                .build(),
        );
    }
    let authorization = http.authorization.clone().or_else(|| {
        http.bearer_token_file
            .as_ref()
            .map(|file| crate::spec::scrape::Authorization {
                kind: None,
                credentials_file: file.clone(),
            })
    });
    if let Some(auth) = authorization {
        fields.set(
            "authorization",
            Fields::new()
                .set("type", &auth.kind)
                .set("credentials_file", &auth.credentials_file)
                .build(),
        );
    }
    if let Some(o) = &http.oauth2 {
        fields.set("oauth2", oauth2(o));
    }
    if let Some(tls) = &http.tls_config {
        fields.set("tls_config", tls_config(tls));
    }
    proxy(fields, &http.proxy());
    fields
        .set("follow_redirects", http.follow_redirects)
        .set("enable_http2", http.enable_http2);
    let headers: serde_json::Map<String, Value> = http
        .http_headers
        .iter()
        .map(|(name, h)| {
            (
                name.clone(),
                Fields::new()
                    .set("values", &h.values)
                    .set("files", &h.files)
                    .build(),
            )
        })
        .collect();
    fields.set("http_headers", headers);
}

fn proxy(fields: &mut Fields, proxy: &crate::spec::scrape::Proxy) {
    fields
        .set("proxy_url", &proxy.proxy_url)
        .set("no_proxy", &proxy.no_proxy)
        .set("proxy_from_environment", proxy.proxy_from_environment);
}

fn sigv4(sigv4: &crate::spec::scrape::SigV4) -> Value {
    Fields::new()
        .set("region", &sigv4.region)
        .set("profile", &sigv4.profile)
        .set("role_arn", &sigv4.role_arn)
        .set("external_id", &sigv4.external_id)
        .set("use_fips_sts_endpoint", sigv4.use_fips_sts_endpoint)
        .build()
}

/// A `tls_config` block, as Prometheus and Alertmanager both write it.
pub(super) fn tls_config(tls: &crate::spec::scrape::TlsConfig) -> Value {
    Fields::new()
        .set("ca_file", &tls.ca_file)
        .set("cert_file", &tls.cert_file)
        .set("key_file", &tls.key_file)
        .set("server_name", &tls.server_name)
        .set("insecure_skip_verify", tls.insecure_skip_verify)
        .set("min_version", tls.min_version)
        .set("max_version", tls.max_version)
        .build()
}

fn static_configs(configs: &[StaticConfig]) -> Vec<Value> {
    configs
        .iter()
        .map(|c| {
            Fields::new()
                .set("targets", &c.targets)
                .set("labels", &c.labels)
                .build()
        })
        .collect()
}

fn relabel_configs(rules: &[RelabelRule]) -> Vec<Value> {
    rules
        .iter()
        .map(|r| {
            Fields::new()
                .set("source_labels", &r.source_labels)
                .set("separator", &r.separator)
                .set("regex", &r.regex)
                .set("modulus", r.modulus)
                .set("target_label", &r.target_label)
                .set("replacement", &r.replacement)
                .set("action", r.action.map(|a| a.as_str()))
                .build()
        })
        .collect()
}

fn file_sd(configs: &[crate::spec::scrape::FileSdConfig]) -> Vec<Value> {
    configs
        .iter()
        .map(|c| {
            Fields::new()
                .set("files", &c.files)
                .set("refresh_interval", c.refresh_interval)
                .build()
        })
        .collect()
}

fn alertmanager(am: &AlertmanagerEndpoint) -> Value {
    let mut f = Fields::new();
    f.set("scheme", am.scheme)
        .set("path_prefix", &am.path_prefix)
        .set("timeout", am.timeout);
    f.set(
        "api_version",
        am.api_version
            .unwrap_or(crate::spec::scrape::AlertmanagerApi::V2),
    );
    http_client(&mut f, &am.http);
    f.set("sigv4", am.sigv4.as_ref().map(sigv4));
    f.set("static_configs", static_configs(&am.static_configs))
        .set("file_sd_configs", file_sd(&am.file_sd_configs))
        .merge(&am.discovery)
        .set("relabel_configs", relabel_configs(&am.relabel_configs))
        .set(
            "alert_relabel_configs",
            relabel_configs(&am.alert_relabel_configs),
        );
    f.build()
}

fn scrape_config(job: &ScrapeJob) -> Value {
    let mut f = Fields::new();
    f.set("job_name", &job.job_name)
        .set("honor_labels", job.honor_labels)
        .set("honor_timestamps", job.honor_timestamps)
        .set("params", &job.params)
        .set("scrape_interval", job.scrape_interval)
        .set("scrape_timeout", job.scrape_timeout)
        .set("metrics_path", &job.metrics_path)
        .set("scheme", job.scheme);
    http_client(&mut f, &job.http);
    f.set("sample_limit", job.sample_limit)
        .set("label_limit", job.label_limit)
        .set("label_name_length_limit", job.label_name_length_limit)
        .set("label_value_length_limit", job.label_value_length_limit)
        .set("target_limit", job.target_limit)
        .set("keep_dropped_targets", job.keep_dropped_targets)
        .set("enable_compression", job.enable_compression)
        .set("track_timestamps_staleness", job.track_timestamps_staleness)
        .merge(&job.tuning)
        .set("static_configs", static_configs(&job.static_configs))
        .set("file_sd_configs", file_sd(&job.file_sd_configs));
    let k8s: Vec<Value> = job
        .kubernetes_sd_configs
        .iter()
        .map(|k| {
            let mut f = Fields::new();
            f.set("role", k.role)
                .set("api_server", &k.api_server)
                .set("kubeconfig_file", &k.kubeconfig_file)
                .set(
                    "namespaces",
                    k.namespaces.as_ref().map(|n| {
                        Fields::new()
                            .set("own_namespace", n.own_namespace)
                            .set("names", &n.names)
                            .build()
                    }),
                )
                .set(
                    "selectors",
                    k.selectors
                        .iter()
                        .map(|s| {
                            Fields::new()
                                .set("role", s.role)
                                .set("label", &s.label)
                                .set("field", &s.field)
                                .build()
                        })
                        .collect::<Vec<_>>(),
                )
                .set(
                    "attach_metadata",
                    k.attach_metadata.as_ref().map(|a| {
                        Fields::new()
                            .set("node", a.node)
                            .set("namespace", a.namespace)
                            .build()
                    }),
                );
            http_client(&mut f, &k.http);
            f.build()
        })
        .collect();
    f.set("kubernetes_sd_configs", k8s)
        .merge(&job.discovery)
        .set("relabel_configs", relabel_configs(&job.relabel_configs))
        .set(
            "metric_relabel_configs",
            relabel_configs(&job.metric_relabel_configs),
        );
    f.build()
}

fn remote_write(rw: &RemoteWrite) -> Value {
    let mut f = Fields::new();
    f.set("url", &rw.url)
        .set("name", &rw.name)
        .set("remote_timeout", rw.remote_timeout)
        .set("headers", &rw.headers)
        .set(
            "write_relabel_configs",
            relabel_configs(&rw.write_relabel_configs),
        );
    http_client(&mut f, &rw.http);
    if let Some(q) = &rw.queue_config {
        f.set(
            "queue_config",
            Fields::new()
                .set("capacity", q.capacity)
                .set("max_shards", q.max_shards)
                .set("min_shards", q.min_shards)
                .set("max_samples_per_send", q.max_samples_per_send)
                .set("batch_send_deadline", q.batch_send_deadline)
                .set("min_backoff", q.min_backoff)
                .set("max_backoff", q.max_backoff)
                .set("retry_on_http_429", q.retry_on_http_429)
                .set("sample_age_limit", q.sample_age_limit)
                .build(),
        );
    }
    f.set("protobuf_message", rw.protobuf_message)
        .set("send_exemplars", rw.send_exemplars)
        .set("send_native_histograms", rw.send_native_histograms)
        .set("round_robin_dns", rw.round_robin_dns);
    if let Some(m) = &rw.metadata_config {
        f.set(
            "metadata_config",
            Fields::new()
                .set("send", m.send)
                .set("send_interval", m.send_interval)
                .set("max_samples_per_send", m.max_samples_per_send)
                .build(),
        );
    }
    f.set("sigv4", rw.sigv4.as_ref().map(sigv4))
        .set("azuread", rw.azuread.as_ref().map(native))
        .set("google_iam", rw.google_iam.as_ref().map(native));
    f.build()
}

fn remote_read(rr: &RemoteRead) -> Value {
    let mut f = Fields::new();
    f.set("url", &rr.url)
        .set("name", &rr.name)
        .set("remote_timeout", rr.remote_timeout)
        .set("headers", &rr.headers)
        .set("required_matchers", &rr.required_matchers)
        .set("read_recent", rr.read_recent)
        .set("chunked_read_limit", rr.chunked_read_limit)
        .set("filter_external_labels", rr.filter_external_labels);
    http_client(&mut f, &rr.http);
    f.build()
}

/// An `oauth2` block (prometheus.yml's clients and Alertmanager's `http_config` alike).
pub(super) fn oauth2(o: &crate::spec::scrape::OAuth2) -> Value {
    let mut oauth2 = Fields::new();
    oauth2
        .set("client_id", &o.client_id)
        .set("client_secret_file", &o.client_secret_file)
        .set("grant_type", &o.grant_type)
        .set(
            "client_certificate_key_file",
            &o.client_certificate_key_file,
        )
        .set("client_certificate_key_id", &o.client_certificate_key_id)
        .set("signature_algorithm", &o.signature_algorithm)
        .set("iss", &o.iss)
        .set("audience", &o.audience)
        .set("claims", &o.claims)
        .set("scopes", &o.scopes)
        .set("token_url", &o.token_url)
        .set("endpoint_params", &o.endpoint_params)
        .set("tls_config", o.tls_config.as_ref().map(tls_config));
    proxy(&mut oauth2, &o.proxy);
    oauth2.build()
}
