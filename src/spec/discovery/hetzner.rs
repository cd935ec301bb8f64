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
    /// Required: hcloud or robot.
    #[serde(default)]
    pub role: Option<HetznerRole>,
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
    fn check(&self, checks: &mut Checks) {
        if self.role.is_none() {
            checks.invalid(
                "role",
                "role missing (one of: robot, hcloud)",
                "set `role`: hcloud (Cloud API) or robot (Robot API)",
            );
        }
    }
    fn meta_prefixes(&self) -> Vec<&'static str> {
        let mut prefixes = vec![
            "__meta_hetzner_server_",
            "__meta_hetzner_public_ipv4",
            "__meta_hetzner_public_ipv6_network",
            "__meta_hetzner_datacenter",
        ];
        let roles = self
            .role
            .as_ref()
            .map_or(HetznerRole::ALL, std::slice::from_ref);
        prefixes.extend(roles.iter().map(|role| match role {
            HetznerRole::Hcloud => "__meta_hetzner_hcloud_",
            HetznerRole::Robot => "__meta_hetzner_robot_",
        }));
        prefixes
    }
}
