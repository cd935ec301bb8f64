//! `scaleway_sd_configs`: Scaleway instances and bare-metal servers of one project and zone,
//! the secret key read from `secret_key_file`.

use super::common::{closed_set, Checks};
use super::Mechanism;
use crate::spec::scrape::HttpClient;
use crate::spec::types::Duration;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

closed_set!(
    /// Which Scaleway servers are listed.
    ScalewayRole,
    "unknown role {:?}",
    {
        Instance = "instance",
        Baremetal = "baremetal",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScalewaySdConfig {
    #[serde(default)]
    pub access_key: Option<String>,
    /// A file holding the secret key.
    #[serde(default)]
    pub secret_key_file: Option<String>,
    #[serde(default)]
    pub project_id: Option<String>,
    /// Required: instance or baremetal.
    #[serde(default)]
    pub role: Option<ScalewayRole>,
    /// Default 80.
    #[serde(default)]
    pub port: Option<u16>,
    /// Default `https://api.scaleway.com`.
    #[serde(default)]
    pub api_url: Option<String>,
    /// Default `fr-par-1`.
    #[serde(default)]
    pub zone: Option<String>,
    /// Only servers whose name contains this.
    #[serde(default)]
    pub name_filter: Option<String>,
    /// Only servers with all these tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags_filter: Vec<String>,
    /// Default 60s.
    #[serde(default)]
    pub refresh_interval: Option<Duration>,
    #[serde(default, flatten)]
    pub http: HttpClient,
}

impl Mechanism for ScalewaySdConfig {
    fn check(&self, checks: &mut Checks) {
        if self.role.is_none() {
            checks.invalid(
                "role",
                "role missing (one of: instance, baremetal)",
                "set `role`: instance or baremetal",
            );
        }
        checks.required(
            "project_id",
            self.project_id.as_deref(),
            "project_id is mandatory",
        );
        if self.secret_key_file.is_none() {
            checks.combination(
                "secret_key_file",
                "one of secret_key & secret_key_file must be configured",
                "give the file holding the Scaleway secret key",
            );
        }
        checks.required(
            "access_key",
            self.access_key.as_deref(),
            "access_key is mandatory",
        );
    }
    fn meta_prefixes(&self) -> Vec<&'static str> {
        let roles = self
            .role
            .as_ref()
            .map_or(ScalewayRole::ALL, std::slice::from_ref);
        roles
            .iter()
            .map(|role| match role {
                ScalewayRole::Instance => "__meta_scaleway_instance_",
                ScalewayRole::Baremetal => "__meta_scaleway_baremetal_",
            })
            .collect()
    }
}
