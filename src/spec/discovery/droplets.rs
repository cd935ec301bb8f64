//! The cloud providers whose discovery takes only a port, a refresh interval and the API token
//! (as `authorization`): DigitalOcean droplets, Linode instances and Vultr instances.

use super::common::Checks;
use super::Mechanism;
use crate::spec::scrape::HttpClient;
use crate::spec::types::Duration;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `digitalocean_sd_configs`: droplets, by their public IPv4.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DigitalOceanSdConfig {
    /// Default 80.
    #[serde(default)]
    pub port: Option<u16>,
    /// Default 60s.
    #[serde(default)]
    pub refresh_interval: Option<Duration>,
    #[serde(default, flatten)]
    pub http: HttpClient,
}

/// `linode_sd_configs`: Linode instances, by their public IPv4.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LinodeSdConfig {
    /// Only instances of this region.
    #[serde(default)]
    pub region: Option<String>,
    /// Default 80.
    #[serde(default)]
    pub port: Option<u16>,
    /// Joins the tags into `__meta_linode_tags` (default `,`).
    #[serde(default)]
    pub tag_separator: Option<String>,
    /// Default 60s.
    #[serde(default)]
    pub refresh_interval: Option<Duration>,
    #[serde(default, flatten)]
    pub http: HttpClient,
}

/// `vultr_sd_configs`: Vultr instances, by their main IPv4.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VultrSdConfig {
    /// Default 80.
    #[serde(default)]
    pub port: Option<u16>,
    /// Default 60s.
    #[serde(default)]
    pub refresh_interval: Option<Duration>,
    #[serde(default, flatten)]
    pub http: HttpClient,
}

impl Mechanism for DigitalOceanSdConfig {
    fn check(&self, _: &mut Checks) {}
    fn meta_prefixes(&self) -> Vec<&'static str> {
        vec!["__meta_digitalocean_"]
    }
}

impl Mechanism for LinodeSdConfig {
    fn check(&self, _: &mut Checks) {}
    fn meta_prefixes(&self) -> Vec<&'static str> {
        vec!["__meta_linode_"]
    }
}

impl Mechanism for VultrSdConfig {
    fn check(&self, _: &mut Checks) {}
    fn meta_prefixes(&self) -> Vec<&'static str> {
        vec!["__meta_vultr_instance_"]
    }
}
