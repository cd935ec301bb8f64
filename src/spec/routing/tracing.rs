//! Alertmanager's own telemetry settings: OpenTelemetry tracing of notifications (`tracing`,
//! 0.27+) and the event recorder that streams alert events to webhooks (`event_recorder`, main).

use super::receiver::HttpConfig;
use crate::spec::scrape::TlsConfig;
use crate::spec::types::Duration;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum TracingClientType {
    Grpc,
    Http,
}

/// Where Alertmanager sends its OpenTelemetry traces.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TracingConfig {
    /// `grpc` (default) or `http`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_type: Option<TracingClientType>,
    /// The collector's `host:port`; tracing is off without it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<String>,
    /// Share of traces sampled, 0 to 1 (default 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sampling_fraction: Option<f64>,
    /// Whether to connect without TLS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insecure: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tls_config: Option<TlsConfig>,
    /// Headers sent with every export.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub headers: BTreeMap<String, String>,
    /// `gzip`, or none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compression: Option<String>,
    /// Longest time an export may take (default 10s).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<Duration>,
}

/// Alert events streamed to outside systems (Alertmanager main).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EventRecorder {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub webhook_outputs: Vec<EventWebhook>,
}

/// A webhook that receives alert events.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EventWebhook {
    /// The endpoint. Required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Whether events are sent in batches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_config: Option<HttpConfig>,
}
