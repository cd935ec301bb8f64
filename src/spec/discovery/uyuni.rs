//! `uyuni_sd_configs`: monitoring-entitled systems managed by an Uyuni (SUSE Manager) server.
//! Its API password has no file form in Prometheus.

use super::common::Checks;
use super::Mechanism;
use crate::spec::scrape::HttpClient;
use crate::spec::types::Duration;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UyuniSdConfig {
    /// The Uyuni server's URL.
    #[serde(default)]
    pub server: Option<String>,
    #[serde(default)]
    pub username: Option<String>,
    /// Written inline (no file form). A literal stops `generate` unless `lint.test_secrets`
    /// names it.
    #[serde(default)]
    pub password: Option<String>,
    /// The entitlement systems must have (default `monitoring_entitled`).
    #[serde(default)]
    pub entitlement: Option<String>,
    /// Joins group names into `__meta_uyuni_groups` (default `,`).
    #[serde(default)]
    pub separator: Option<String>,
    /// Default 60s.
    #[serde(default)]
    pub refresh_interval: Option<Duration>,
    #[serde(default, flatten)]
    pub http: HttpClient,
}

impl Mechanism for UyuniSdConfig {
    fn check(&self, checks: &mut Checks) {
        checks.required(
            "server",
            self.server.as_deref(),
            "Uyuni SD configuration requires server host",
        );
        checks.required(
            "username",
            self.username.as_deref(),
            "Uyuni SD configuration requires a username",
        );
        checks.required(
            "password",
            self.password.as_deref(),
            "Uyuni SD configuration requires a password",
        );
    }
    fn meta_prefixes(&self) -> Vec<&'static str> {
        vec!["__meta_uyuni_"]
    }
}
