//! `openstack_sd_configs`: Nova hypervisors and instances, and Octavia load balancers. The
//! password and application credential secret have no file form in Prometheus.

use super::common::{closed_set, Checks};
use super::Mechanism;
use crate::spec::scrape::TlsConfig;
use crate::spec::types::Duration;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

closed_set!(
    /// What an OpenStack discovery lists.
    OpenStackRole,
    "unknown OpenStack SD role {:?}",
    {
        Hypervisor = "hypervisor",
        Instance = "instance",
        Loadbalancer = "loadbalancer",
    }
);

closed_set!(
    /// Which endpoint of the service catalog is used.
    OpenStackAvailability,
    "unknown availability {}, must be one of admin, internal or public",
    {
        Public = "public",
        Admin = "admin",
        Internal = "internal",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OpenStackSdConfig {
    /// Required: hypervisor, instance or loadbalancer.
    #[serde(default)]
    pub role: Option<OpenStackRole>,
    #[serde(default)]
    pub region: Option<String>,
    /// The Identity API's endpoint.
    #[serde(default)]
    pub identity_endpoint: Option<String>,
    #[serde(default)]
    pub username: Option<String>,
    #[serde(default)]
    pub userid: Option<String>,
    /// Written inline (no file form). A literal stops `generate` unless `lint.test_secrets`
    /// names it; prefer an application credential from the environment where you can.
    #[serde(default)]
    pub password: Option<String>,
    #[serde(default)]
    pub domain_name: Option<String>,
    #[serde(default)]
    pub domain_id: Option<String>,
    #[serde(default)]
    pub project_name: Option<String>,
    #[serde(default)]
    pub project_id: Option<String>,
    #[serde(default)]
    pub application_credential_name: Option<String>,
    #[serde(default)]
    pub application_credential_id: Option<String>,
    /// Written inline (no file form), like `password`.
    #[serde(default)]
    pub application_credential_secret: Option<String>,
    /// List the instances of every project (role instance; needs admin rights).
    #[serde(default)]
    pub all_tenants: Option<bool>,
    /// Default 60s.
    #[serde(default)]
    pub refresh_interval: Option<Duration>,
    /// Default 80.
    #[serde(default)]
    pub port: Option<u16>,
    /// Default public.
    #[serde(default)]
    pub availability: Option<OpenStackAvailability>,
    #[serde(default)]
    pub tls_config: Option<TlsConfig>,
}

impl Mechanism for OpenStackSdConfig {
    fn check(&self, checks: &mut Checks) {
        if self.role.is_none() {
            checks.invalid(
                "role",
                "role missing (one of: instance, hypervisor, loadbalancer)",
                "set `role`: hypervisor, instance or loadbalancer",
            );
        }
        checks.required(
            "region",
            self.region.as_deref(),
            "openstack SD configuration requires a region",
        );
    }
    fn meta_prefixes(&self) -> Vec<&'static str> {
        let roles = self
            .role
            .as_ref()
            .map_or(OpenStackRole::ALL, std::slice::from_ref);
        roles.iter().flat_map(|r| openstack_prefixes(*r)).collect()
    }
}

fn openstack_prefixes(role: OpenStackRole) -> Vec<&'static str> {
    match role {
        OpenStackRole::Hypervisor => vec!["__meta_openstack_hypervisor_"],
        OpenStackRole::Instance => vec![
            "__meta_openstack_address_pool",
            "__meta_openstack_instance_",
            "__meta_openstack_private_ip",
            "__meta_openstack_project_id",
            "__meta_openstack_public_ip",
            "__meta_openstack_tag_",
            "__meta_openstack_user_id",
        ],
        OpenStackRole::Loadbalancer => vec![
            "__meta_openstack_loadbalancer_",
            "__meta_openstack_project_id",
        ],
    }
}
