//! Docker discovery: containers of one Docker Engine (`docker_sd_configs`) and the services,
//! tasks or nodes of a Docker Swarm (`dockerswarm_sd_configs`).

use super::common::{closed_set, Checks, Filter};
use super::Mechanism;
use crate::spec::scrape::HttpClient;
use crate::spec::types::Duration;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `docker_sd_configs`: one target per container network IP and exposed port.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DockerSdConfig {
    /// The Docker daemon's address (`unix:///var/run/docker.sock`, `tcp://host:2375`).
    #[serde(default)]
    pub host: Option<String>,
    /// Port of containers that expose none (default 80).
    #[serde(default)]
    pub port: Option<u16>,
    /// The host used for containers in host networking mode (default `localhost`).
    #[serde(default)]
    pub host_networking_host: Option<String>,
    /// Only the first network of a container with several (default true).
    #[serde(default)]
    pub match_first_network: Option<bool>,
    /// Container list filters of the Docker API.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub filters: Vec<Filter>,
    /// Default 60s.
    #[serde(default)]
    pub refresh_interval: Option<Duration>,
    #[serde(default, flatten)]
    pub http: HttpClient,
}

closed_set!(
    /// What a Docker Swarm discovery lists.
    SwarmRole,
    "invalid role {}, expected tasks, services, or nodes",
    {
        Services = "services",
        Tasks = "tasks",
        Nodes = "nodes",
    }
);

/// `dockerswarm_sd_configs`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DockerSwarmSdConfig {
    /// The Docker daemon's address.
    #[serde(default)]
    pub host: Option<String>,
    /// Required: services, tasks or nodes.
    #[serde(default)]
    pub role: Option<SwarmRole>,
    /// Port of nodes, and of tasks and services without published ports (default 80).
    #[serde(default)]
    pub port: Option<u16>,
    /// Service, task or node list filters of the Docker API.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub filters: Vec<Filter>,
    /// Default 60s.
    #[serde(default)]
    pub refresh_interval: Option<Duration>,
    #[serde(default, flatten)]
    pub http: HttpClient,
}

fn check_host(host: Option<&str>, checks: &mut Checks) {
    checks.required("host", host, "host missing");
}

impl Mechanism for DockerSdConfig {
    fn check(&self, checks: &mut Checks) {
        check_host(self.host.as_deref(), checks);
    }
    fn meta_prefixes(&self) -> Vec<&'static str> {
        vec![
            "__meta_docker_container_",
            "__meta_docker_network_",
            "__meta_docker_port_",
        ]
    }
}

impl Mechanism for DockerSwarmSdConfig {
    fn check(&self, checks: &mut Checks) {
        check_host(self.host.as_deref(), checks);
        if self.role.is_none() {
            checks.invalid(
                "role",
                "invalid role , expected tasks, services, or nodes",
                "set `role`: services, tasks or nodes",
            );
        }
    }
    fn meta_prefixes(&self) -> Vec<&'static str> {
        match self.role {
            Some(role) => swarm_prefixes(role),
            None => SwarmRole::ALL
                .iter()
                .flat_map(|r| swarm_prefixes(*r))
                .collect(),
        }
    }
}

fn swarm_prefixes(role: SwarmRole) -> Vec<&'static str> {
    match role {
        SwarmRole::Services => {
            vec!["__meta_dockerswarm_service_", "__meta_dockerswarm_network_"]
        }
        SwarmRole::Tasks => vec![
            "__meta_dockerswarm_container_label_",
            "__meta_dockerswarm_task_",
            "__meta_dockerswarm_service_",
            "__meta_dockerswarm_network_",
            "__meta_dockerswarm_node_",
        ],
        SwarmRole::Nodes => vec!["__meta_dockerswarm_node_"],
    }
}
