//! `marathon_sd_configs`: apps with healthy tasks in Marathon. The DC/OS token is read from
//! `auth_token_file` (the spec's form of Prometheus' `auth_token`), exclusive with the other
//! authentication options.

use super::common::Checks;
use super::Mechanism;
use crate::spec::scrape::HttpClient;
use crate::spec::types::Duration;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MarathonSdConfig {
    /// Marathon server URLs.
    #[serde(default)]
    pub servers: Vec<String>,
    /// Default 30s.
    #[serde(default)]
    pub refresh_interval: Option<Duration>,
    /// A file holding the DC/OS authentication token.
    #[serde(default)]
    pub auth_token_file: Option<String>,
    #[serde(default, flatten)]
    pub http: HttpClient,
}

impl Mechanism for MarathonSdConfig {
    fn check(&self, checks: &mut Checks) {
        checks.non_empty(
            "servers",
            &self.servers,
            "marathon_sd: must contain at least one Marathon server",
        );
        if self.auth_token_file.is_none() {
            return;
        }
        let help = "Marathon takes one authentication method; keep auth_token_file or the other";
        if self.http.basic_auth.is_some() {
            checks.combination(
                "auth_token_file",
                "marathon_sd: at most one of basic_auth, auth_token & auth_token_file must be configured",
                help,
            );
        }
        if self.http.bearer_token_file.is_some() {
            checks.combination(
                "auth_token_file",
                "marathon_sd: at most one of bearer_token, bearer_token_file, auth_token & auth_token_file must be configured",
                help,
            );
        }
        if self.http.authorization.is_some() {
            checks.combination(
                "auth_token_file",
                "marathon_sd: at most one of auth_token, auth_token_file & authorization must be configured",
                help,
            );
        }
    }
    fn meta_prefixes(&self) -> Vec<&'static str> {
        vec!["__meta_marathon_"]
    }
}
