//! The Zookeeper-backed discoveries: AirBnB's Nerve (`nerve_sd_configs`) and Finagle/Aurora
//! serversets (`serverset_sd_configs`), which share their settings.

use super::common::Checks;
use super::Mechanism;
use crate::spec::types::Duration;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The Zookeeper ensemble and the paths watched.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ZookeeperSdConfig {
    /// Zookeeper servers (`host:port`).
    #[serde(default)]
    pub servers: Vec<String>,
    /// Paths of one service or the root of a tree of them; each starts with `/`.
    #[serde(default)]
    pub paths: Vec<String>,
    /// Zookeeper session timeout (default 10s).
    #[serde(default)]
    pub timeout: Option<Duration>,
}

impl ZookeeperSdConfig {
    fn check_as(&self, name: &str, checks: &mut Checks) {
        checks.non_empty(
            "servers",
            &self.servers,
            &format!("{name} SD config must contain at least one Zookeeper server"),
        );
        checks.non_empty(
            "paths",
            &self.paths,
            &format!("{name} SD config must contain at least one path"),
        );
        for (i, path) in self.paths.iter().enumerate() {
            if !path.starts_with('/') {
                checks.invalid_at(
                    checks.path.key("paths").index(i),
                    format!("{name} SD config paths must begin with '/': {path}"),
                    "write the Zookeeper path from the root, e.g. /services/api",
                );
            }
        }
    }
}

/// `nerve_sd_configs`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct NerveSdConfig(pub ZookeeperSdConfig);

/// `serverset_sd_configs`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct ServersetSdConfig(pub ZookeeperSdConfig);

impl Mechanism for NerveSdConfig {
    fn check(&self, checks: &mut Checks) {
        self.0.check_as("nerve", checks);
    }
    fn meta_prefixes(&self) -> Vec<&'static str> {
        vec!["__meta_nerve_"]
    }
}

impl Mechanism for ServersetSdConfig {
    fn check(&self, checks: &mut Checks) {
        self.0.check_as("serverset", checks);
    }
    fn meta_prefixes(&self) -> Vec<&'static str> {
        vec!["__meta_serverset_"]
    }
}
