//! The `slos.sloth` form: Sloth's `prometheus/v1` spec (https://sloth.dev/specs/prometheus/)
//! written inline in the spec, field for field as Sloth reads it, so that a team's existing Sloth
//! files can be pasted (or `monctl import`ed) unchanged. `crate::import::sloth::convert` turns one
//! into monctl objectives; the camelCase names of Sloth's Kubernetes CRD are accepted as aliases.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// One Sloth `prometheus/v1` spec: a service and its SLOs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SlothSpec {
    /// Must be `prometheus/v1`.
    pub version: String,
    /// The service every SLO of this spec belongs to.
    pub service: String,
    /// Labels added to every SLO's series and alerts.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, Value>,
    /// Sloth's SLO plugins (Go code); monctl reports them, as it cannot run them.
    #[serde(default, alias = "sloPlugins", skip_serializing_if = "Option::is_none")]
    pub slo_plugins: Option<Value>,
    pub slos: Vec<SlothSlo>,
}

/// One SLO of a Sloth spec.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SlothSlo {
    pub name: String,
    /// Target percentage of good events, in (0, 100).
    pub objective: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, Value>,
    pub sli: SlothSli,
    #[serde(default)]
    pub alerting: SlothAlerting,
    /// Sloth's per-SLO plugins (Go code); reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plugins: Option<Value>,
}

/// Sloth's SLI: `events`, `raw` or `plugin` (the last is Go code, reported).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SlothSli {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub events: Option<SlothEvents>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw: Option<SlothRaw>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plugin: Option<Value>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SlothEvents {
    #[serde(alias = "errorQuery")]
    pub error_query: String,
    #[serde(alias = "totalQuery")]
    pub total_query: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SlothRaw {
    #[serde(alias = "errorRatioQuery")]
    pub error_ratio_query: String,
}

/// Sloth's alerting: one name for both alerts, told apart by `sloth_severity`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SlothAlerting {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, Value>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub annotations: BTreeMap<String, String>,
    #[serde(default, alias = "pageAlert")]
    pub page_alert: SlothAlert,
    #[serde(default, alias = "ticketAlert")]
    pub ticket_alert: SlothAlert,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SlothAlert {
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub disable: bool,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, Value>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub annotations: BTreeMap<String, String>,
}
