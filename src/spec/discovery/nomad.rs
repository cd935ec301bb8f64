//! `nomad_sd_configs`: services registered in Nomad's service API.

use super::common::Checks;
use super::Mechanism;
use crate::spec::scrape::HttpClient;
use crate::spec::types::Duration;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NomadSdConfig {
    /// Allow stale results (default true).
    #[serde(default)]
    pub allow_stale: Option<bool>,
    /// Default `default`.
    #[serde(default)]
    pub namespace: Option<String>,
    /// Default 60s.
    #[serde(default)]
    pub refresh_interval: Option<Duration>,
    /// Default `global`.
    #[serde(default)]
    pub region: Option<String>,
    /// The Nomad API's URL (default `http://localhost:4646`).
    #[serde(default)]
    pub server: Option<String>,
    /// Joins the tags into `__meta_nomad_tags` (default `,`).
    #[serde(default)]
    pub tag_separator: Option<String>,
    #[serde(default, flatten)]
    pub http: HttpClient,
}

impl Mechanism for NomadSdConfig {
    fn check(&self, checks: &mut Checks) {
        if self.server.as_deref().is_some_and(|s| s.trim().is_empty()) {
            checks.invalid(
                "server",
                "nomad SD configuration requires a server address",
                "give the Nomad API's URL, or leave `server` out for http://localhost:4646",
            );
        }
    }
    fn meta_prefixes(&self) -> Vec<&'static str> {
        vec!["__meta_nomad_"]
    }
}
