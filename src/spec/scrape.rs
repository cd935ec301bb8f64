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
    /// Relabeling of every alert before it is sent (`alerting.alert_relabel_configs`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alert_relabel_configs: Vec<RelabelRule>,
    #[serde(default)]
    pub jobs: Vec<ScrapeJob>,
    #[serde(default)]
    pub remote_write: Vec<RemoteWrite>,
    #[serde(default)]
    pub remote_read: Vec<RemoteRead>,
    /// `storage`, `otlp`, `tracing`, `runtime`.
    #[serde(default, flatten)]
    pub server: super::server::ServerSections,
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
    /// Default offset of rule evaluation timestamps (0s).
    #[serde(default)]
    pub rule_query_offset: Option<Duration>,
    /// File PromQL queries are logged to.
    #[serde(default)]
    pub query_log_file: Option<String>,
    /// Limits every job inherits unless it sets its own (0: no limit).
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
    #[serde(default)]
    pub keep_dropped_targets: Option<u64>,
    /// Scrape behaviour every job inherits unless it sets its own.
    #[serde(default, flatten)]
    pub tuning: ScrapeTuning,
}

/// The exposition formats Prometheus negotiates, in `scrape_protocols`' spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum ScrapeProtocol {
    PrometheusProto,
    #[serde(rename = "OpenMetricsText0.0.1")]
    OpenMetricsText001,
    #[serde(rename = "OpenMetricsText1.0.0")]
    OpenMetricsText100,
    #[serde(rename = "PrometheusText0.0.4")]
    PrometheusText004,
    #[serde(rename = "PrometheusText1.0.0")]
    PrometheusText100,
}

impl ScrapeProtocol {
    /// The protocol's name in `scrape_protocols`.
    pub fn as_str(&self) -> &'static str {
        match self {
            ScrapeProtocol::PrometheusProto => "PrometheusProto",
            ScrapeProtocol::OpenMetricsText001 => "OpenMetricsText0.0.1",
            ScrapeProtocol::OpenMetricsText100 => "OpenMetricsText1.0.0",
            ScrapeProtocol::PrometheusText004 => "PrometheusText0.0.4",
            ScrapeProtocol::PrometheusText100 => "PrometheusText1.0.0",
        }
    }
}

/// Which metric and label names are valid: UTF-8 (Prometheus 3 default) or the legacy set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum NameValidation {
    Utf8,
    Legacy,
}

/// How UTF-8 names are escaped for scrapes that negotiate legacy names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum NameEscaping {
    #[serde(rename = "allow-utf-8")]
    AllowUtf8,
    #[serde(rename = "underscores")]
    Underscores,
    #[serde(rename = "dots")]
    Dots,
    #[serde(rename = "values")]
    Values,
}

/// Scrape behaviour set globally or per job: protocols, native histograms, name validation.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScrapeTuning {
    /// Protocols offered in the Accept header, in order of preference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scrape_protocols: Option<Vec<ScrapeProtocol>>,
    /// The protocol used when a target's Content-Type is missing or unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fallback_scrape_protocol: Option<ScrapeProtocol>,
    /// Ingest native histograms (Prometheus 3.x).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scrape_native_histograms: Option<bool>,
    /// Also ingest the classic form of histograms exposed as native ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub always_scrape_classic_histograms: Option<bool>,
    /// Convert classic histograms to native histograms with custom buckets (NHCB).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub convert_classic_histograms_to_nhcb: Option<bool>,
    /// Most buckets a native histogram may have (0: no limit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub native_histogram_bucket_limit: Option<u64>,
    /// Lowest growth factor between neighbouring buckets of a native histogram.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub native_histogram_min_bucket_factor: Option<f64>,
    /// Add scrape_timeout_seconds, scrape_sample_limit and scrape_body_size_bytes series.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra_scrape_metrics: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric_name_validation_scheme: Option<NameValidation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric_name_escaping_scheme: Option<NameEscaping>,
    /// Largest uncompressed response body accepted, e.g. `10MB` (0: no limit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_size_limit: Option<String>,
    /// File failed scrapes are logged to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scrape_failure_log_file: Option<String>,
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
    /// `host:port` addresses (null or absent: none).
    #[serde(default)]
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
    /// Metadata of related objects added to the targets' labels.
    #[serde(default)]
    pub attach_metadata: Option<KubernetesAttachMetadata>,
    /// How to reach the API server given in `api_server` (not with in-cluster or kubeconfig
    /// access).
    #[serde(default, flatten)]
    pub http: HttpClient,
}

/// `attach_metadata` of a Kubernetes SD config.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KubernetesAttachMetadata {
    /// Node labels and annotations on pod (and endpoints) targets.
    #[serde(default)]
    pub node: Option<bool>,
    /// Namespace labels and annotations on the targets.
    #[serde(default)]
    pub namespace: Option<bool>,
}

/// HTTP basic authentication; the password only by file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BasicAuth {
    #[serde(default)]
    pub username: Option<String>,
    /// The user name read from a file (instead of `username`).
    #[serde(default)]
    pub username_file: Option<String>,
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
    #[serde(default)]
    pub max_version: Option<TlsVersion>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum TlsVersion {
    TLS10,
    TLS11,
    TLS12,
    TLS13,
}

/// How an HTTP client of Prometheus authenticates and connects; shared by scrape jobs, remote
/// write/read and Alertmanager endpoints. (Flattened into them, so it flattens nothing itself:
/// serde would then take none of its fields from the parent's.)
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
    /// OAuth 2.0 client credentials.
    #[serde(default)]
    pub oauth2: Option<OAuth2>,
    #[serde(default)]
    pub tls_config: Option<TlsConfig>,
    #[serde(default)]
    pub proxy_url: Option<String>,
    /// Comma-separated hosts, IPs and CIDRs reached without the proxy (needs `proxy_url`).
    #[serde(default)]
    pub no_proxy: Option<String>,
    /// Take the proxy from HTTP_PROXY, HTTPS_PROXY and NO_PROXY.
    #[serde(default)]
    pub proxy_from_environment: Option<bool>,
    /// Follow HTTP 3xx redirects (default true).
    #[serde(default)]
    pub follow_redirects: Option<bool>,
    /// Try HTTP/2 (default true).
    #[serde(default)]
    pub enable_http2: Option<bool>,
    /// Headers sent with every request, by name; their values given literally or by file.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub http_headers: BTreeMap<String, HttpHeader>,
}

impl HttpClient {
    /// The client's proxy settings.
    pub fn proxy(&self) -> Proxy {
        Proxy {
            proxy_url: self.proxy_url.clone(),
            no_proxy: self.no_proxy.clone(),
            proxy_from_environment: self.proxy_from_environment,
        }
    }
}

/// The proxy an HTTP client goes through (OAuth 2.0's token requests).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Proxy {
    #[serde(default)]
    pub proxy_url: Option<String>,
    /// Comma-separated hosts, IPs and CIDRs reached without the proxy (needs `proxy_url`).
    #[serde(default)]
    pub no_proxy: Option<String>,
    /// Take the proxy from HTTP_PROXY, HTTPS_PROXY and NO_PROXY.
    #[serde(default)]
    pub proxy_from_environment: Option<bool>,
}

/// One header of `http_headers`: each value is sent; secret ones only by file.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HttpHeader {
    #[serde(default)]
    pub values: Vec<String>,
    /// Files each holding one value.
    #[serde(default)]
    pub files: Vec<String>,
}

/// OAuth 2.0: the client credentials grant (the client secret only by file), or the JWT-bearer
/// grant (RFC 7523: an assertion signed with the private key in `client_certificate_key_file`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OAuth2 {
    pub client_id: String,
    #[serde(default)]
    pub client_secret_file: Option<String>,
    /// `client_credentials` (default) or `urn:ietf:params:oauth:grant-type:jwt-bearer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grant_type: Option<String>,
    /// JWT-bearer: the file holding the PEM private key the assertion is signed with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_certificate_key_file: Option<String>,
    /// JWT-bearer: the `kid` header of the assertion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_certificate_key_id: Option<String>,
    /// JWT-bearer: the signing algorithm (default `RS256`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature_algorithm: Option<String>,
    /// JWT-bearer: the assertion's issuer (`iss`; default the client ID).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iss: Option<String>,
    /// JWT-bearer: the assertion's audience (`aud`; default the token URL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<String>,
    /// JWT-bearer: further claims of the assertion, any YAML value each.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[schemars(with = "BTreeMap<String, serde_json::Value>")]
    pub claims: BTreeMap<String, serde_json::Value>,
    #[serde(default)]
    pub scopes: Vec<String>,
    pub token_url: String,
    /// Extra parameters of the token request.
    #[serde(default)]
    pub endpoint_params: BTreeMap<String, String>,
    /// TLS towards the token endpoint.
    #[serde(default)]
    pub tls_config: Option<TlsConfig>,
    /// The proxy towards the token endpoint.
    #[serde(default, flatten)]
    pub proxy: Proxy,
}

/// AWS Signature Version 4 request signing; the credentials come from the environment, a
/// profile or a role (the secret key is never written in the spec).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SigV4 {
    /// The AWS region (default: the environment's or the instance's).
    #[serde(default)]
    pub region: Option<String>,
    /// The named AWS profile.
    #[serde(default)]
    pub profile: Option<String>,
    /// The role assumed to sign.
    #[serde(default)]
    pub role_arn: Option<String>,
    /// The external ID of the assumed role.
    #[serde(default)]
    pub external_id: Option<String>,
    /// Use the FIPS endpoint of AWS STS.
    #[serde(default)]
    pub use_fips_sts_endpoint: Option<bool>,
}

/// Azure AD authentication of remote write (one of managed identity, SDK or workload identity).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AzureAd {
    /// `AzurePublic` (default), `AzureChina` or `AzureGovernment`.
    #[serde(default)]
    pub cloud: Option<AzureCloud>,
    #[serde(default)]
    pub managed_identity: Option<AzureManagedIdentity>,
    /// Azure SDK default credentials (environment, workload identity, managed identity, CLI).
    #[serde(default)]
    pub sdk: Option<AzureSdk>,
    #[serde(default)]
    pub workload_identity: Option<AzureWorkloadIdentity>,
    /// The token scope (default: the cloud's monitor scope).
    #[serde(default)]
    pub scope: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum AzureCloud {
    AzurePublic,
    AzureChina,
    AzureGovernment,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AzureManagedIdentity {
    /// The client ID of a user-assigned identity (empty: system-assigned).
    #[serde(default)]
    pub client_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AzureSdk {
    #[serde(default)]
    pub tenant_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AzureWorkloadIdentity {
    pub client_id: String,
    pub tenant_id: String,
    /// The federated token file (default: AZURE_FEDERATED_TOKEN_FILE's).
    #[serde(default)]
    pub token_file_path: Option<String>,
}

/// Google Cloud IAM authentication of remote write.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GoogleIam {
    /// A service account key file (default: Application Default Credentials).
    #[serde(default)]
    pub credentials_file: Option<String>,
}

/// Sending metric metadata to remote storage (remote write 1.0).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MetadataConfig {
    /// Default true.
    #[serde(default)]
    pub send: Option<bool>,
    /// Default 1m.
    #[serde(default)]
    pub send_interval: Option<Duration>,
    /// Default 2000.
    #[serde(default)]
    pub max_samples_per_send: Option<u64>,
}

/// One scrape job.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScrapeJob {
    /// The `job` label of its targets (required, unique).
    #[serde(default)]
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
    /// The other service discovery mechanisms (`consul_sd_configs`, `dns_sd_configs`, ...).
    #[serde(default, flatten)]
    pub discovery: super::discovery::Discovery,
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
    /// How many targets dropped by relabeling stay listed (0: no limit).
    #[serde(default)]
    pub keep_dropped_targets: Option<u64>,
    /// Request compressed responses (default true).
    #[serde(default)]
    pub enable_compression: Option<bool>,
    /// Write staleness markers for samples with explicit timestamps.
    #[serde(default)]
    pub track_timestamps_staleness: Option<bool>,
    #[serde(default, flatten)]
    pub tuning: ScrapeTuning,
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
    /// The other service discovery mechanisms (`consul_sd_configs`, `dns_sd_configs`, ...).
    #[serde(default, flatten)]
    pub discovery: super::discovery::Discovery,
    #[serde(default)]
    pub scheme: Option<Scheme>,
    #[serde(default)]
    pub path_prefix: Option<String>,
    #[serde(default)]
    pub timeout: Option<Duration>,
    /// The Alertmanager API version (v2; v1 was removed in Alertmanager 0.27).
    #[serde(default)]
    pub api_version: Option<AlertmanagerApi>,
    #[serde(default, flatten)]
    pub http: HttpClient,
    /// AWS SigV4 signing (not with basic_auth, authorization or oauth2).
    #[serde(default)]
    pub sigv4: Option<SigV4>,
    #[serde(default)]
    pub relabel_configs: Vec<RelabelRule>,
    /// Relabeling of the alerts sent to these Alertmanagers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alert_relabel_configs: Vec<RelabelRule>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum AlertmanagerApi {
    V1,
    V2,
}

/// The remote-write protocol message: 1.0 (`prometheus.WriteRequest`) or 2.0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum ProtobufMessage {
    #[serde(rename = "prometheus.WriteRequest")]
    V1,
    #[serde(rename = "io.prometheus.write.v2.Request")]
    V2,
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
    /// Retry on HTTP 429 (Too Many Requests) responses.
    #[serde(default)]
    pub retry_on_http_429: Option<bool>,
    /// Samples older than this are dropped instead of sent (0s: never).
    #[serde(default)]
    pub sample_age_limit: Option<Duration>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RemoteWrite {
    /// The endpoint (required).
    #[serde(default)]
    pub url: Option<String>,
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
    #[serde(default)]
    pub protobuf_message: Option<ProtobufMessage>,
    #[serde(default)]
    pub send_exemplars: Option<bool>,
    #[serde(default)]
    pub send_native_histograms: Option<bool>,
    #[serde(default)]
    pub round_robin_dns: Option<bool>,
    #[serde(default)]
    pub metadata_config: Option<MetadataConfig>,
    #[serde(default, flatten)]
    pub http: HttpClient,
    /// AWS SigV4 signing.
    #[serde(default)]
    pub sigv4: Option<SigV4>,
    /// Azure AD authentication.
    #[serde(default)]
    pub azuread: Option<AzureAd>,
    /// Google Cloud IAM authentication.
    #[serde(default)]
    pub google_iam: Option<GoogleIam>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RemoteRead {
    /// The endpoint (required).
    #[serde(default)]
    pub url: Option<String>,
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
    /// Largest frame of a streamed (chunked) response, in bytes (default 50000000).
    #[serde(default)]
    pub chunked_read_limit: Option<u64>,
    /// Add the external labels as matchers of each query (default true).
    #[serde(default)]
    pub filter_external_labels: Option<bool>,
    #[serde(default, flatten)]
    pub http: HttpClient,
}
