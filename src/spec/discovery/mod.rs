//! Prometheus' service discovery mechanisms beyond static, file and Kubernetes discovery (those
//! three live in `scrape`): each `<name>_sd_configs` list of a scrape job or an Alertmanager
//! endpoint, in Prometheus' own field names, with the `__meta_*` labels its targets carry and
//! what Prometheus refuses in them at load. One module per mechanism or family of mechanisms.
//!
//! Secrets follow the spec's rule: where Prometheus reads a secret from a file, only the file
//! form exists here (`secret_key_file`, `auth_token_file`, the HTTP client's `password_file` and
//! `credentials_file`); the few secrets Prometheus reads only inline are plain fields that the
//! spec's secret scan reports and `generate` refuses unless `lint.test_secrets` names them;
//! a `${NAME}` reference, resolved when the file is deployed, is not a literal.

mod aws;
mod azure;
mod common;
mod consul;
mod dns;
mod docker;
mod droplets;
mod eureka;
mod gce;
mod hetzner;
mod http;
mod ionos;
mod kuma;
mod marathon;
mod nomad;
mod oci;
mod openstack;
mod outscale;
mod ovhcloud;
mod puppetdb;
mod scaleway;
mod stackit;
mod triton;
mod uyuni;
mod zookeeper;

pub use aws::{
    AwsApi, AwsRole, AwsSdConfig, Ec2SdConfig, EcsSdConfig, ElasticacheSdConfig, LightsailSdConfig,
    MskSdConfig, RdsSdConfig,
};
pub use azure::{AzureAuthentication, AzureSdConfig};
pub use common::Filter;
pub use consul::ConsulSdConfig;
pub use dns::{DnsRecordType, DnsSdConfig};
pub use docker::{DockerSdConfig, DockerSwarmSdConfig, SwarmRole};
pub use droplets::{DigitalOceanSdConfig, LinodeSdConfig, VultrSdConfig};
pub use eureka::EurekaSdConfig;
pub use gce::GceSdConfig;
pub use hetzner::{HetznerRole, HetznerSdConfig};
pub use http::HttpSdConfig;
pub use ionos::IonosSdConfig;
pub use kuma::KumaSdConfig;
pub use marathon::MarathonSdConfig;
pub use nomad::NomadSdConfig;
pub use oci::{OciAuth, OciSdConfig};
pub use openstack::{OpenStackAvailability, OpenStackRole, OpenStackSdConfig};
pub use outscale::OutscaleSdConfig;
pub use ovhcloud::{OvhService, OvhcloudSdConfig};
pub use puppetdb::PuppetDbSdConfig;
pub use scaleway::{ScalewayRole, ScalewaySdConfig};
pub use stackit::StackitSdConfig;
pub use triton::{TritonRole, TritonSdConfig};
pub use uyuni::UyuniSdConfig;
pub use zookeeper::{NerveSdConfig, ServersetSdConfig, ZookeeperSdConfig};

use crate::diagnostic::{Diagnostic, SpecPath};
use common::Checks;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One mechanism's config: what Prometheus refuses in it, and the `__meta_*` label name prefixes
/// its targets may carry (per role where the mechanism has roles).
trait Mechanism {
    fn check(&self, checks: &mut Checks);
    fn meta_prefixes(&self) -> Vec<&'static str>;
}

/// Defines [`Discovery`] from the list of mechanisms: one `<name>_sd_configs` list each.
macro_rules! discovery {
    ($($(#[$doc:meta])* $field:ident: $config:ty,)+) => {
        /// The other discovery mechanisms of one scrape job or Alertmanager endpoint (flattened
        /// into it), each rendered in Prometheus' native shape with unset options left out.
        #[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
        pub struct Discovery {
            $(
                $(#[$doc])*
                #[serde(default, skip_serializing_if = "Vec::is_empty", serialize_with = "common::native")]
                pub $field: Vec<$config>,
            )+
        }

        impl Discovery {
            /// True when no mechanism of this struct is configured.
            pub fn is_empty(&self) -> bool {
                true $(&& self.$field.is_empty())+
            }

            /// Name prefixes of the `__meta_*` labels the configured mechanisms' targets may carry.
            pub fn meta_prefixes(&self) -> Vec<&'static str> {
                let mut prefixes = Vec::new();
                $(
                    for config in &self.$field {
                        prefixes.extend(config.meta_prefixes());
                    }
                )+
                prefixes.sort_unstable();
                prefixes.dedup();
                prefixes
            }
        }

        /// What Prometheus refuses at load in these mechanisms' settings (`path`: the job or
        /// endpoint).
        pub fn validate(discovery: &Discovery, path: &SpecPath) -> Vec<Diagnostic> {
            let mut out = Vec::new();
            $(
                for (i, config) in discovery.$field.iter().enumerate() {
                    let mut checks = Checks {
                        path: path.key(stringify!($field)).index(i),
                        out: &mut out,
                    };
                    config.check(&mut checks);
                }
            )+
            out
        }
    };
}

discovery! {
    /// The unified AWS discovery (`role`: ec2, lightsail or ecs).
    aws_sd_configs: AwsSdConfig,
    /// Azure virtual machines.
    azure_sd_configs: AzureSdConfig,
    /// Services of Consul's catalog.
    consul_sd_configs: ConsulSdConfig,
    /// DigitalOcean droplets.
    digitalocean_sd_configs: DigitalOceanSdConfig,
    /// Containers of a Docker Engine.
    docker_sd_configs: DockerSdConfig,
    /// Services, tasks or nodes of a Docker Swarm.
    dockerswarm_sd_configs: DockerSwarmSdConfig,
    /// DNS SRV, A, AAAA, MX or NS records.
    dns_sd_configs: DnsSdConfig,
    /// AWS EC2 instances.
    ec2_sd_configs: Ec2SdConfig,
    /// AWS ECS tasks.
    ecs_sd_configs: EcsSdConfig,
    /// AWS ElastiCache nodes.
    elasticache_sd_configs: ElasticacheSdConfig,
    /// Netflix Eureka app instances.
    eureka_sd_configs: EurekaSdConfig,
    /// Google Compute Engine instances.
    gce_sd_configs: GceSdConfig,
    /// Hetzner Cloud or Robot servers.
    hetzner_sd_configs: HetznerSdConfig,
    /// Target groups served by an HTTP endpoint.
    http_sd_configs: HttpSdConfig,
    /// IONOS Cloud servers.
    ionos_sd_configs: IonosSdConfig,
    /// Kuma dataplane proxies.
    kuma_sd_configs: KumaSdConfig,
    /// AWS Lightsail instances.
    lightsail_sd_configs: LightsailSdConfig,
    /// Linode instances.
    linode_sd_configs: LinodeSdConfig,
    /// Marathon apps.
    marathon_sd_configs: MarathonSdConfig,
    /// AWS MSK brokers.
    msk_sd_configs: MskSdConfig,
    /// AirBnB Nerve endpoints in Zookeeper.
    nerve_sd_configs: NerveSdConfig,
    /// Services of Nomad's service API.
    nomad_sd_configs: NomadSdConfig,
    /// Oracle Cloud Infrastructure instances.
    oci_sd_configs: OciSdConfig,
    /// OpenStack hypervisors, instances or load balancers.
    openstack_sd_configs: OpenStackSdConfig,
    /// OUTSCALE virtual machines.
    outscale_sd_configs: OutscaleSdConfig,
    /// OVHcloud VPS or dedicated servers.
    ovhcloud_sd_configs: OvhcloudSdConfig,
    /// PuppetDB resources.
    puppetdb_sd_configs: PuppetDbSdConfig,
    /// AWS RDS instances and clusters.
    rds_sd_configs: RdsSdConfig,
    /// Scaleway instances or bare-metal servers.
    scaleway_sd_configs: ScalewaySdConfig,
    /// Finagle/Aurora serversets in Zookeeper.
    serverset_sd_configs: ServersetSdConfig,
    /// STACKIT servers.
    stackit_sd_configs: StackitSdConfig,
    /// Triton containers or compute nodes.
    triton_sd_configs: TritonSdConfig,
    /// Uyuni managed systems.
    uyuni_sd_configs: UyuniSdConfig,
    /// Vultr instances.
    vultr_sd_configs: VultrSdConfig,
}
