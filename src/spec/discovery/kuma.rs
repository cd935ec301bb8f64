//! `kuma_sd_configs`: dataplane proxies of a Kuma control plane's MADS (monitoring assignment)
//! API.

use super::common::Checks;
use super::Mechanism;
use crate::spec::scrape::HttpClient;
use crate::spec::types::Duration;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KumaSdConfig {
    /// The control plane's MADS server URL.
    #[serde(default)]
    pub server: Option<String>,
    /// The Prometheus backend's ID (default: the hostname).
    #[serde(default)]
    pub client_id: Option<String>,
    /// Wait between polls (default 30s).
    #[serde(default)]
    pub refresh_interval: Option<Duration>,
    /// Time after which the assignments are refreshed (default 2m).
    #[serde(default)]
    pub fetch_timeout: Option<Duration>,
    #[serde(default, flatten)]
    pub http: HttpClient,
}

impl Mechanism for KumaSdConfig {
    fn check(&self, checks: &mut Checks) {
        match self.server.as_deref().filter(|s| !s.trim().is_empty()) {
            None => checks.invalid(
                "server",
                "kuma SD server must not be empty",
                "give the control plane's MADS URL, e.g. http://kuma-control-plane:5676",
            ),
            Some(server) => checks.absolute_url("server", server, "kuma SD server must be a URL"),
        }
    }
    fn meta_prefixes(&self) -> Vec<&'static str> {
        vec!["__meta_kuma_"]
    }
}
