//! On-call and push integrations: Splunk On-Call (VictorOps), Pushover and incident.io, with
//! Alertmanager's field names; keys and tokens are [`Secret`] references.

use super::receiver::HttpConfig;
use super::secret::Secret;
use crate::spec::types::Duration;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Splunk On-Call (VictorOps) REST endpoint.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VictoropsConfig {
    /// Default true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send_resolved: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_config: Option<HttpConfig>,
    /// The API key (a secret; `{file: ...}` renders as `api_key_file`); default
    /// `global.victorops_api_key`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_key: Option<Secret>,
    /// Default `global.victorops_api_url`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_url: Option<String>,
    /// The routing key that maps alerts to a team. Required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub routing_key: Option<String>,
    /// `CRITICAL` (default), `WARNING` or `INFO`, or a template.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_display_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monitoring_tool: Option<String>,
    /// Extra fields of the incident; the fixed fields (routing_key, message_type, ...) are refused.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub custom_fields: BTreeMap<String, String>,
}

/// A Pushover notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PushoverConfig {
    /// Default true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send_resolved: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_config: Option<HttpConfig>,
    /// The recipient's user key (a secret; `{file: ...}` renders as `user_key_file`). Required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_key: Option<Secret>,
    /// The application's API token (a secret; `{file: ...}` renders as `token_file`). Required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<Secret>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// A supplementary URL shown with the message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url_title: Option<String>,
    /// Devices to send to (comma-separated); all of the user's devices when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sound: Option<String>,
    /// -2..2, or a template (default 2 while firing, 0 when resolved).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<String>,
    /// How often an emergency-priority notification is retried (default 1m, at least 30s).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry: Option<Duration>,
    /// How long an emergency-priority notification is retried (default 1h).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expire: Option<Duration>,
    /// How long the message is kept on the devices.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ttl: Option<Duration>,
    /// Whether the message is HTML (at most one of html and monospace).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub html: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monospace: Option<bool>,
}

/// An incident.io HTTP alert source (Alertmanager 0.29+).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IncidentioConfig {
    /// Default true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send_resolved: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_config: Option<HttpConfig>,
    /// The alert source's URL (`{file: ...}` renders as `url_file`). Required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Secret>,
    /// The alert source's token (a secret; `{file: ...}` renders as `alert_source_token_file`);
    /// or authenticate with `http_config.authorization`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alert_source_token: Option<Secret>,
    /// Most alerts per message; 0 (default) sends all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_alerts: Option<u64>,
    /// Longest time a request may take; 0 (default) sets no limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<Duration>,
}
