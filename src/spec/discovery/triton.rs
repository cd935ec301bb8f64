//! `triton_sd_configs`: containers or compute nodes of a Joyent Triton Container Monitor.

use super::common::{closed_set, Checks};
use super::Mechanism;
use crate::spec::scrape::TlsConfig;
use crate::spec::types::Duration;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

closed_set!(
    /// What a Triton discovery lists: virtual machines or compute nodes.
    TritonRole,
    "triton SD configuration requires role to be 'container' or 'cn', not {:?}",
    {
        Container = "container",
        Cn = "cn",
    }
);

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TritonSdConfig {
    #[serde(default)]
    pub account: Option<String>,
    /// Default container.
    #[serde(default)]
    pub role: Option<TritonRole>,
    /// The DNS suffix applied to targets.
    #[serde(default)]
    pub dns_suffix: Option<String>,
    /// The discovery endpoint (often the same as dns_suffix).
    #[serde(default)]
    pub endpoint: Option<String>,
    /// Groups whose containers are listed (role container only; empty: all).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<String>,
    /// Default 9163.
    #[serde(default)]
    pub port: Option<u16>,
    /// Default 60s.
    #[serde(default)]
    pub refresh_interval: Option<Duration>,
    /// The discovery API version (default 1).
    #[serde(default)]
    pub version: Option<u32>,
    #[serde(default)]
    pub tls_config: Option<TlsConfig>,
}

impl Mechanism for TritonSdConfig {
    fn check(&self, checks: &mut Checks) {
        for (field, value) in [
            ("account", &self.account),
            ("dns_suffix", &self.dns_suffix),
            ("endpoint", &self.endpoint),
        ] {
            let article = if field == "account" || field == "endpoint" {
                "an"
            } else {
                "a"
            };
            checks.required(
                field,
                value.as_deref(),
                &format!("triton SD configuration requires {article} {field}"),
            );
        }
        if self.refresh_interval.is_some_and(|d| d.millis == 0) {
            checks.invalid(
                "refresh_interval",
                "triton SD configuration requires RefreshInterval to be a positive integer",
                "set a positive interval, or leave it out for 60s",
            );
        }
    }
    fn meta_prefixes(&self) -> Vec<&'static str> {
        match self.role.unwrap_or(TritonRole::Container) {
            TritonRole::Container => vec![
                "__meta_triton_groups",
                "__meta_triton_machine_",
                "__meta_triton_server_id",
            ],
            TritonRole::Cn => vec!["__meta_triton_machine_alias", "__meta_triton_machine_id"],
        }
    }
}
