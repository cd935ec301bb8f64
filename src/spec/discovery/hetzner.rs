//! `hetzner_sd_configs`: servers of the Hetzner Cloud API (`hcloud`) or the Robot API (`robot`).

use super::common::{closed_set, Checks};
use super::Mechanism;
use crate::spec::scrape::HttpClient;
use crate::spec::types::Duration;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

closed_set!(
    /// Which Hetzner API is asked.
    HetznerRole,
    "unknown role {:?}",
    {
        Hcloud = "hcloud",
        Robot = "robot",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HetznerSdConfig {
    pub role: HetznerRole,
    /// Default 80.
    #[serde(default)]
    pub port: Option<u16>,
    /// Default 60s.
    #[serde(default)]
    pub refresh_interval: Option<Duration>,
    /// A label selector of the servers listed (hcloud only).
    #[serde(default)]
    pub label_selector: Option<String>,
    /// hcloud: `authorization` with the API token; robot: `basic_auth`.
    #[serde(default, flatten)]
    pub http: HttpClient,
}

impl Mechanism for HetznerSdConfig {
    fn check(&self, _: &mut Checks) {}
    fn meta_prefixes(&self) -> Vec<&'static str> {
        let mut prefixes = vec![
            "__meta_hetzner_server_",
            "__meta_hetzner_public_ipv4",
            "__meta_hetzner_public_ipv6_network",
            "__meta_hetzner_datacenter",
        ];
        prefixes.push(match self.role {
            HetznerRole::Hcloud => "__meta_hetzner_hcloud_",
            HetznerRole::Robot => "__meta_hetzner_robot_",
        });
        prefixes
    }
}
