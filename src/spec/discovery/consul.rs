//! `consul_sd_configs`: services of Consul's catalog. Consul's own `token` (and the deprecated
//! `username`/`password`) have no file form; `authorization: {credentials_file}` sends the token
//! from a file instead.

use super::common::Checks;
use super::Mechanism;
use crate::spec::scrape::{HttpClient, Scheme};
use crate::spec::types::Duration;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsulSdConfig {
    /// Consul's address (default `localhost:8500`).
    #[serde(default)]
    pub server: Option<String>,
    /// URI prefix when Consul is behind an API gateway.
    #[serde(default)]
    pub path_prefix: Option<String>,
    /// The ACL token, written inline (no file form). A literal stops `generate` unless
    /// `lint.test_secrets` names it.
    #[serde(default)]
    pub token: Option<String>,
    #[serde(default)]
    pub datacenter: Option<String>,
    /// Consul Enterprise namespace.
    #[serde(default)]
    pub namespace: Option<String>,
    /// Consul Enterprise admin partition.
    #[serde(default)]
    pub partition: Option<String>,
    /// Default http.
    #[serde(default)]
    pub scheme: Option<Scheme>,
    /// Deprecated: use `basic_auth`.
    #[serde(default)]
    pub username: Option<String>,
    /// Deprecated: use `basic_auth` with `password_file`.
    #[serde(default)]
    pub password: Option<String>,
    /// Services to discover (empty: all).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<String>,
    /// A Consul filter expression applied to the catalog's results.
    #[serde(default)]
    pub filter: Option<String>,
    /// A filter expression applied to the health endpoint's results.
    #[serde(default)]
    pub health_filter: Option<String>,
    /// Tags a service must all have (deprecated in Consul in favour of `filter`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Node metadata a node must have.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub node_meta: BTreeMap<String, String>,
    /// Joins the tags into `__meta_consul_tags` (default `,`).
    #[serde(default)]
    pub tag_separator: Option<String>,
    /// Allow stale results (default true).
    #[serde(default)]
    pub allow_stale: Option<bool>,
    /// Default 30s.
    #[serde(default)]
    pub refresh_interval: Option<Duration>,
    #[serde(default, flatten)]
    pub http: HttpClient,
}

impl Mechanism for ConsulSdConfig {
    fn check(&self, checks: &mut Checks) {
        if self.server.as_deref().is_some_and(|s| s.trim().is_empty()) {
            checks.invalid(
                "server",
                "consul SD configuration requires a server address",
                "give Consul's host:port, or leave `server` out for localhost:8500",
            );
        }
        if (self.username.is_some() || self.password.is_some()) && self.http.basic_auth.is_some() {
            checks.combination(
                "username",
                "at most one of consul SD configuration username and password and basic auth can be configured",
                "keep basic_auth and remove the deprecated username/password",
            );
        }
        let authorization =
            self.http.authorization.is_some() || self.http.bearer_token_file.is_some();
        if self.token.is_some() && authorization {
            checks.combination(
                "token",
                "at most one of consul SD token, authorization, or oauth2 can be configured",
                "keep one way of sending the token",
            );
        }
    }
    fn meta_prefixes(&self) -> Vec<&'static str> {
        vec!["__meta_consul_"]
    }
}
