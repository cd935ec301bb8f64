//! `puppetdb_sd_configs`: resources a PQL query finds in PuppetDB, one target per resource.

use super::common::Checks;
use super::Mechanism;
use crate::spec::scrape::HttpClient;
use crate::spec::types::Duration;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PuppetDbSdConfig {
    /// The http(s) URL of PuppetDB's root query endpoint.
    #[serde(default)]
    pub url: Option<String>,
    /// A Puppet Query Language query (resources only).
    #[serde(default)]
    pub query: Option<String>,
    /// Expose the resources' parameters as `__meta_puppetdb_parameter_*` (default false).
    #[serde(default)]
    pub include_parameters: Option<bool>,
    /// Default 60s.
    #[serde(default)]
    pub refresh_interval: Option<Duration>,
    /// Default 80.
    #[serde(default)]
    pub port: Option<u16>,
    #[serde(default, flatten)]
    pub http: HttpClient,
}

impl Mechanism for PuppetDbSdConfig {
    fn check(&self, checks: &mut Checks) {
        checks.http_url("url", self.url.as_deref());
        checks.required("query", self.query.as_deref(), "query missing");
    }
    fn meta_prefixes(&self) -> Vec<&'static str> {
        vec!["__meta_puppetdb_"]
    }
}
