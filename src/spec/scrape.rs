//! The Prometheus server's scrape side: global settings, scrape jobs with their service discovery,
//! authentication (secrets only by file reference), relabeling, remote write/read and the
//! Alertmanager endpoints alerts are sent to.

use super::relabel::RelabelRule;
use super::types::{Duration, LabelName};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scrape {
    #[serde(default)]
    pub global: GlobalConfig,
    /// Alertmanagers that receive this Prometheus' alerts.
    #[serde(default)]
    pub alertmanagers: Vec<AlertmanagerEndpoint>,
    #[serde(default)]
    pub jobs: Vec<ScrapeJob>,
    #[serde(default)]
    pub remote_write: Vec<RemoteWrite>,
    #[serde(default)]
    pub remote_read: Vec<RemoteRead>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GlobalConfig {
    /// Default 1m in Prometheus.
    #[serde(default)]
    pub scrape_interval: Option<Duration>,
    /// Default 10s in Prometheus; at most the scrape interval.
    #[serde(default)]
    pub scrape_timeout: Option<Duration>,
    /// Default 1m in Prometheus.
    #[serde(default)]
    pub evaluation_interval: Option<Duration>,
    /// Labels added to every series and alert this Prometheus sends out.
    #[serde(default)]
    pub external_labels: BTreeMap<String, String>,
}

impl GlobalConfig {
    pub fn effective_scrape_interval(&self) -> Duration {
        self.scrape_interval.unwrap_or(Duration::from_secs(60))
    }

    pub fn effective_evaluation_interval(&self) -> Duration {
        self.evaluation_interval.unwrap_or(Duration::from_secs(60))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Scheme {
    Http,
    Https,
}

/// A group of statically listed targets sharing labels.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StaticConfig {
    /// `host:port` addresses.
    pub targets: Vec<String>,
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
}

/// File-based service discovery.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FileSdConfig {
    /// Files (globs allowed in the last path segment) holding target groups in JSON or YAML.
    pub files: Vec<String>,
    #[serde(default)]
    pub refresh_interval: Option<Duration>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum KubernetesRole {
    Node,
    Service,
    Pod,
    Endpoints,
    EndpointSlice,
    Ingress,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KubernetesNamespaces {
    #[serde(default)]
    pub own_namespace: Option<bool>,
    #[serde(default)]
    pub names: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KubernetesSelector {
    pub role: KubernetesRole,
    #[serde(default)]
    pub label: Option<String>,
    #[serde(default)]
    pub field: Option<String>,
}

/// Kubernetes service discovery (in-cluster unless `api_server` is given).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KubernetesSdConfig {
    pub role: KubernetesRole,
    #[serde(default)]
    pub api_server: Option<String>,
    #[serde(default)]
    pub kubeconfig_file: Option<String>,
    #[serde(default)]
    pub namespaces: Option<KubernetesNamespaces>,
    #[serde(default)]
    pub selectors: Vec<KubernetesSelector>,
}

/// HTTP basic authentication; the password only by file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BasicAuth {
    pub username: String,
    pub password_file: String,
}

/// The Authorization header; the credentials only by file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Authorization {
    /// Default `Bearer`.
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    pub credentials_file: String,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TlsConfig {
    #[serde(default)]
    pub ca_file: Option<String>,
    #[serde(default)]
    pub cert_file: Option<String>,
    #[serde(default)]
    pub key_file: Option<String>,
    #[serde(default)]
    pub server_name: Option<String>,
    #[serde(default)]
    pub insecure_skip_verify: Option<bool>,
    #[serde(default)]
    pub min_version: Option<TlsVersion>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum TlsVersion {
    TLS10,
    TLS11,
    TLS12,
    TLS13,
}

/// How an HTTP client of Prometheus authenticates and connects; shared by scrape jobs, remote
/// write/read and Alertmanager endpoints.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HttpClient {
    #[serde(default)]
    pub basic_auth: Option<BasicAuth>,
    #[serde(default)]
    pub authorization: Option<Authorization>,
    /// Shorthand for `authorization: {credentials_file: ...}` (the older Prometheus field).
    #[serde(default)]
    pub bearer_token_file: Option<String>,
    #[serde(default)]
    pub tls_config: Option<TlsConfig>,
    #[serde(default)]
    pub proxy_url: Option<String>,
    #[serde(default)]
    pub follow_redirects: Option<bool>,
    #[serde(default)]
    pub enable_http2: Option<bool>,
}

/// One scrape job.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScrapeJob {
    pub job_name: String,
    /// Bundled metric catalogs this job's targets expose (`go-runtime`, `node-exporter`, ...).
    #[serde(default)]
    pub packs: Vec<String>,
    #[serde(default)]
    pub metrics_path: Option<String>,
    #[serde(default)]
    pub scheme: Option<Scheme>,
    #[serde(default)]
    pub scrape_interval: Option<Duration>,
    #[serde(default)]
    pub scrape_timeout: Option<Duration>,
    #[serde(default)]
    pub honor_labels: Option<bool>,
    #[serde(default)]
    pub honor_timestamps: Option<bool>,
    /// URL query parameters.
    #[serde(default)]
    pub params: BTreeMap<String, Vec<String>>,
    #[serde(default, flatten)]
    pub http: HttpClient,
    #[serde(default)]
    pub static_configs: Vec<StaticConfig>,
    #[serde(default)]
    pub file_sd_configs: Vec<FileSdConfig>,
    #[serde(default)]
    pub kubernetes_sd_configs: Vec<KubernetesSdConfig>,
    #[serde(default)]
    pub relabel_configs: Vec<RelabelRule>,
    #[serde(default)]
    pub metric_relabel_configs: Vec<RelabelRule>,
    #[serde(default)]
    pub sample_limit: Option<u64>,
    #[serde(default)]
    pub label_limit: Option<u64>,
    #[serde(default)]
    pub label_name_length_limit: Option<u64>,
    #[serde(default)]
    pub label_value_length_limit: Option<u64>,
    #[serde(default)]
    pub target_limit: Option<u64>,
    /// Findings of these rules about this object are not reported (each with a reason).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lint_ignore: Vec<super::lint::LintIgnore>,
}

/// Where Prometheus sends its alerts.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AlertmanagerEndpoint {
    #[serde(default)]
    pub static_configs: Vec<StaticConfig>,
    #[serde(default)]
    pub file_sd_configs: Vec<FileSdConfig>,
    #[serde(default)]
    pub scheme: Option<Scheme>,
    #[serde(default)]
    pub path_prefix: Option<String>,
    #[serde(default)]
    pub timeout: Option<Duration>,
    #[serde(default, flatten)]
    pub http: HttpClient,
    #[serde(default)]
    pub relabel_configs: Vec<RelabelRule>,
}

/// Tuning of the remote-write queue.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QueueConfig {
    #[serde(default)]
    pub capacity: Option<u64>,
    #[serde(default)]
    pub max_shards: Option<u64>,
    #[serde(default)]
    pub min_shards: Option<u64>,
    #[serde(default)]
    pub max_samples_per_send: Option<u64>,
    #[serde(default)]
    pub batch_send_deadline: Option<Duration>,
    #[serde(default)]
    pub min_backoff: Option<Duration>,
    #[serde(default)]
    pub max_backoff: Option<Duration>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RemoteWrite {
    pub url: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub remote_timeout: Option<Duration>,
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    #[serde(default)]
    pub write_relabel_configs: Vec<RelabelRule>,
    #[serde(default)]
    pub queue_config: Option<QueueConfig>,
    #[serde(default, flatten)]
    pub http: HttpClient,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RemoteRead {
    pub url: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub remote_timeout: Option<Duration>,
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    /// Label matchers (`name: value`) a query must have to be sent to this endpoint.
    #[serde(default)]
    pub required_matchers: BTreeMap<LabelName, String>,
    #[serde(default)]
    pub read_recent: Option<bool>,
    #[serde(default, flatten)]
    pub http: HttpClient,
}
