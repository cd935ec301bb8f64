//! `outscale_sd_configs`: virtual machines of the OUTSCALE API, the secret key read from
//! `secret_key_file`.

use super::common::Checks;
use super::Mechanism;
use crate::spec::scrape::HttpClient;
use crate::spec::types::Duration;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OutscaleSdConfig {
    /// Default `https://api.<region>.outscale.com/api/v1`.
    #[serde(default)]
    pub endpoint: Option<String>,
    /// Default `eu-west-2`; must not be empty.
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub access_key: Option<String>,
    /// A file holding the secret key.
    #[serde(default)]
    pub secret_key_file: Option<String>,
    /// Default 60s.
    #[serde(default)]
    pub refresh_interval: Option<Duration>,
    /// Default 80.
    #[serde(default)]
    pub port: Option<u16>,
    #[serde(default, flatten)]
    pub http: HttpClient,
}

impl Mechanism for OutscaleSdConfig {
    fn check(&self, checks: &mut Checks) {
        if self.region.as_deref().is_some_and(|r| r.trim().is_empty()) {
            checks.invalid(
                "region",
                "outscale SD configuration requires a region",
                "set the region, or leave it out for eu-west-2",
            );
        }
        if self.access_key.as_deref().is_none_or(str::is_empty) || self.secret_key_file.is_none() {
            checks.combination(
                "access_key",
                "outscale SD configuration requires access_key and secret_key (or secret_key_file)",
                "give the access key and the file holding the secret key",
            );
        }
    }
    fn meta_prefixes(&self) -> Vec<&'static str> {
        vec!["__meta_outscale_"]
    }
}
