//! `http_sd_configs`: target groups served as JSON by an HTTP endpoint.

use super::common::Checks;
use super::Mechanism;
use crate::spec::scrape::HttpClient;
use crate::spec::types::Duration;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HttpSdConfig {
    /// The http(s) URL the target groups are fetched from.
    #[serde(default)]
    pub url: Option<String>,
    /// Default 60s.
    #[serde(default)]
    pub refresh_interval: Option<Duration>,
    #[serde(default, flatten)]
    pub http: HttpClient,
}

impl Mechanism for HttpSdConfig {
    fn check(&self, checks: &mut Checks) {
        checks.http_url("url", self.url.as_deref());
    }
    fn meta_prefixes(&self) -> Vec<&'static str> {
        vec!["__meta_url"]
    }
}
