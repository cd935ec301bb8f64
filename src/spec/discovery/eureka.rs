//! `eureka_sd_configs`: app instances registered with a Netflix Eureka server.

use super::common::Checks;
use super::Mechanism;
use crate::spec::scrape::HttpClient;
use crate::spec::types::Duration;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EurekaSdConfig {
    /// The Eureka server's URL (e.g. `http://eureka:8761/eureka`).
    #[serde(default)]
    pub server: Option<String>,
    /// Default 30s.
    #[serde(default)]
    pub refresh_interval: Option<Duration>,
    #[serde(default, flatten)]
    pub http: HttpClient,
}

impl Mechanism for EurekaSdConfig {
    fn check(&self, checks: &mut Checks) {
        match self.server.as_deref().filter(|s| !s.trim().is_empty()) {
            None => checks.invalid(
                "server",
                "empty or null eureka server",
                "give the Eureka server's URL",
            ),
            Some(server) => checks.absolute_url("server", server, "invalid eureka server URL"),
        }
    }
    fn meta_prefixes(&self) -> Vec<&'static str> {
        vec!["__meta_eureka_app_"]
    }
}
