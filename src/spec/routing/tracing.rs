//! Alertmanager's own telemetry settings: OpenTelemetry tracing of notifications (`tracing`,
//! 0.27+) and the event recorder that streams alert events to webhooks (`event_recorder`, main).

use super::receiver::HttpConfig;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Where Alertmanager sends its OpenTelemetry traces: the same settings, in the same words, as
/// Prometheus' own `tracing` section.
pub use crate::spec::server::tracing::{TracingClientType, TracingConfig};

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
