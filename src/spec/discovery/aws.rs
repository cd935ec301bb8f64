//! Amazon Web Services discovery: EC2 instances and Lightsail instances (`ec2_sd_configs`,
//! `lightsail_sd_configs`), the per-service lists newer Prometheus releases added (ECS tasks, RDS
//! databases, MSK brokers, ElastiCache nodes) and the unified `aws_sd_configs` that picks the
//! service by `role`. The secret key has no file form in Prometheus: leave it out and let the AWS
//! SDK find credentials (environment, `profile`, `role_arn`, instance role).

use super::common::{closed_set, Checks, Filter};
use super::Mechanism;
use crate::spec::scrape::HttpClient;
use crate::spec::types::Duration;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How a Prometheus AWS discovery reaches the AWS API (shared by every AWS mechanism).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AwsApi {
    /// The AWS region; blank: the region from the instance metadata.
    #[serde(default)]
    pub region: Option<String>,
    /// A custom API endpoint.
    #[serde(default)]
    pub endpoint: Option<String>,
    /// The access key ID; blank: `AWS_ACCESS_KEY_ID`.
    #[serde(default)]
    pub access_key: Option<String>,
    /// The secret access key, written inline (Prometheus has no file form for it; blank:
    /// `AWS_SECRET_ACCESS_KEY`). A literal stops `generate` unless `lint.test_secrets` names it.
    #[serde(default)]
    pub secret_key: Option<String>,
    /// A named AWS profile.
    #[serde(default)]
    pub profile: Option<String>,
    /// An IAM role to assume, instead of API keys.
    #[serde(default)]
    pub role_arn: Option<String>,
    /// The external ID given when assuming `role_arn` (newer Prometheus releases).
    #[serde(default)]
    pub external_id: Option<String>,
    /// Re-read interval (default 60s).
    #[serde(default)]
    pub refresh_interval: Option<Duration>,
    /// The port scraped (default 80).
    #[serde(default)]
    pub port: Option<u16>,
}

/// `ec2_sd_configs`: EC2 instances, by their private IP.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ec2SdConfig {
    #[serde(default, flatten)]
    pub api: AwsApi,
    /// DescribeInstances filters (`tag:environment`, `instance-state-name`...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub filters: Vec<Filter>,
    #[serde(default, flatten)]
    pub http: HttpClient,
}

/// `lightsail_sd_configs`: Lightsail instances, by their private IP.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LightsailSdConfig {
    #[serde(default, flatten)]
    pub api: AwsApi,
    #[serde(default, flatten)]
    pub http: HttpClient,
}

/// Defines the config of one AWS service's own list: its resources, optionally only those of
/// some clusters, and the meta label prefix its targets carry.
macro_rules! aws_service {
    ($(#[$doc:meta])* $name:ident, $prefix:literal $(, $(#[$fdoc:meta])* $field:ident: $ty:ty)*) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            #[serde(default, flatten)]
            pub api: AwsApi,
            /// Cluster names or ARNs to discover (empty: every cluster of the region).
            #[serde(default, skip_serializing_if = "Vec::is_empty")]
            pub clusters: Vec<String>,
            /// How many API requests run at once (Prometheus' default depends on the service).
            #[serde(default)]
            pub request_concurrency: Option<u32>,
            $(
                $(#[$fdoc])*
                #[serde(default, skip_serializing_if = "Vec::is_empty")]
                pub $field: $ty,
            )*
            #[serde(default, flatten)]
            pub http: HttpClient,
        }

        impl Mechanism for $name {
            fn check(&self, _: &mut Checks) {}
            fn meta_prefixes(&self) -> Vec<&'static str> {
                vec![$prefix]
            }
        }
    };
}

aws_service!(
    /// `ecs_sd_configs`: ECS tasks (awsvpc, bridge and host networking).
    EcsSdConfig,
    "__meta_ecs_"
);
aws_service!(
    /// `rds_sd_configs`: RDS database instances and clusters.
    RdsSdConfig,
    "__meta_rds_",
    /// DescribeDBInstances / DescribeDBClusters filters (`engine`, `db-cluster-id`...).
    filters: Vec<Filter>
);
aws_service!(
    /// `msk_sd_configs`: Amazon MSK (Kafka) brokers.
    MskSdConfig,
    "__meta_msk_"
);
aws_service!(
    /// `elasticache_sd_configs`: ElastiCache cache nodes.
    ElasticacheSdConfig,
    "__meta_elasticache_"
);

closed_set!(
    /// The AWS service `aws_sd_configs` discovers.
    AwsRole,
    "unknown AWS SD role {:?}, expected one of ec2, lightsail or ecs",
    {
        Ec2 = "ec2",
        Lightsail = "lightsail",
        Ecs = "ecs",
    }
);

/// `aws_sd_configs`: the unified AWS discovery, one service per `role`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AwsSdConfig {
    pub role: AwsRole,
    #[serde(default, flatten)]
    pub api: AwsApi,
    /// DescribeInstances filters (role ec2 only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub filters: Vec<Filter>,
    /// ECS cluster ARNs to discover (role ecs only; empty: all).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clusters: Vec<String>,
    #[serde(default, flatten)]
    pub http: HttpClient,
}

fn check_filters(filters: &[Filter], mechanism: &str, checks: &mut Checks) {
    for (i, f) in filters.iter().enumerate() {
        if f.values.is_empty() {
            checks.invalid_at(
                checks.path.key("filters").index(i).key("values"),
                format!("{mechanism} SD configuration filter values cannot be empty"),
                "list at least one value, or remove the filter",
            );
        }
    }
}

impl Mechanism for Ec2SdConfig {
    fn check(&self, checks: &mut Checks) {
        check_filters(&self.filters, "EC2", checks);
    }
    fn meta_prefixes(&self) -> Vec<&'static str> {
        vec!["__meta_ec2_"]
    }
}

impl Mechanism for LightsailSdConfig {
    fn check(&self, _: &mut Checks) {}
    fn meta_prefixes(&self) -> Vec<&'static str> {
        vec!["__meta_lightsail_"]
    }
}

impl Mechanism for AwsSdConfig {
    fn check(&self, checks: &mut Checks) {
        check_filters(&self.filters, "AWS", checks);
    }
    fn meta_prefixes(&self) -> Vec<&'static str> {
        vec![match self.role {
            AwsRole::Ec2 => "__meta_ec2_",
            AwsRole::Lightsail => "__meta_lightsail_",
            AwsRole::Ecs => "__meta_ecs_",
        }]
    }
}
