//! `ionos_sd_configs`: servers of one IONOS Cloud data center.

use super::common::Checks;
use super::Mechanism;
use crate::spec::scrape::HttpClient;
use crate::spec::types::Duration;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IonosSdConfig {
    /// The data center's unique ID.
    #[serde(default)]
    pub datacenter_id: Option<String>,
    /// Default 80.
    #[serde(default)]
    pub port: Option<u16>,
    /// Default 60s.
    #[serde(default)]
    pub refresh_interval: Option<Duration>,
    #[serde(default, flatten)]
    pub http: HttpClient,
}

impl Mechanism for IonosSdConfig {
    fn check(&self, checks: &mut Checks) {
        checks.required(
            "datacenter_id",
            self.datacenter_id.as_deref(),
            "datacenter id can't be empty",
        );
    }
    fn meta_prefixes(&self) -> Vec<&'static str> {
        vec!["__meta_ionos_server_"]
    }
}
