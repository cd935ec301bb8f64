//! `gce_sd_configs`: Google Compute Engine instances of one project and zone. Credentials come
//! from the Google Cloud SDK's default places (GOOGLE_APPLICATION_CREDENTIALS, metadata server).

use super::common::Checks;
use super::Mechanism;
use crate::spec::types::Duration;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GceSdConfig {
    /// The GCP project.
    #[serde(default)]
    pub project: Option<String>,
    /// The zone (one per config).
    #[serde(default)]
    pub zone: Option<String>,
    /// An instances.list filter expression.
    #[serde(default)]
    pub filter: Option<String>,
    /// Default 60s.
    #[serde(default)]
    pub refresh_interval: Option<Duration>,
    /// Default 80.
    #[serde(default)]
    pub port: Option<u16>,
    /// Joins the network tags into `__meta_gce_tags` (default `,`).
    #[serde(default)]
    pub tag_separator: Option<String>,
}

impl Mechanism for GceSdConfig {
    fn check(&self, checks: &mut Checks) {
        checks.required(
            "project",
            self.project.as_deref(),
            "GCE SD configuration requires a project",
        );
        checks.required(
            "zone",
            self.zone.as_deref(),
            "GCE SD configuration requires a zone",
        );
    }
    fn meta_prefixes(&self) -> Vec<&'static str> {
        vec!["__meta_gce_"]
    }
}
