//! `stackit_sd_configs`: servers of a STACKIT project. The service account key and private key
//! are read from their `_path` files (or the credentials file, or `oauth2`).

use super::common::Checks;
use super::Mechanism;
use crate::spec::scrape::HttpClient;
use crate::spec::types::Duration;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StackitSdConfig {
    /// The STACKIT project ID.
    #[serde(default)]
    pub project: Option<String>,
    /// Default `eu01`.
    #[serde(default)]
    pub region: Option<String>,
    /// A custom API endpoint (`scheme://host:port`).
    #[serde(default)]
    pub endpoint: Option<String>,
    /// Default 80.
    #[serde(default)]
    pub port: Option<u16>,
    /// A file holding the service account's raw private key.
    #[serde(default)]
    pub private_key_path: Option<String>,
    /// A file holding the JSON service account key.
    #[serde(default)]
    pub service_account_key_path: Option<String>,
    /// A file holding STACKIT credentials.
    #[serde(default)]
    pub credentials_file_path: Option<String>,
    /// Default 60s.
    #[serde(default)]
    pub refresh_interval: Option<Duration>,
    #[serde(default, flatten)]
    pub http: HttpClient,
}

impl Mechanism for StackitSdConfig {
    fn check(&self, checks: &mut Checks) {
        if let Some(endpoint) = &self.endpoint {
            checks.absolute_url("endpoint", endpoint, "invalid endpoint");
        }
    }
    fn meta_prefixes(&self) -> Vec<&'static str> {
        vec!["__meta_stackit_"]
    }
}
