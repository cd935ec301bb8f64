//! `ovhcloud_sd_configs`: OVHcloud VPS and dedicated servers. The application secret and the
//! consumer key have no file form in Prometheus.

use super::common::{closed_set, Checks};
use super::Mechanism;
use crate::spec::types::Duration;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

closed_set!(
    /// Which OVHcloud servers are listed.
    OvhService,
    "unknown service: {}",
    {
        Vps = "vps",
        DedicatedServer = "dedicated_server",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OvhcloudSdConfig {
    #[serde(default)]
    pub application_key: Option<String>,
    /// Written inline (no file form). A literal stops `generate` unless `lint.test_secrets`
    /// names it.
    #[serde(default)]
    pub application_secret: Option<String>,
    /// Written inline (no file form), like `application_secret`.
    #[serde(default)]
    pub consumer_key: Option<String>,
    /// Required: vps or dedicated_server.
    #[serde(default)]
    pub service: Option<OvhService>,
    /// The API endpoint (default `ovh-eu`).
    #[serde(default)]
    pub endpoint: Option<String>,
    /// Default 60s.
    #[serde(default)]
    pub refresh_interval: Option<Duration>,
}

impl Mechanism for OvhcloudSdConfig {
    fn check(&self, checks: &mut Checks) {
        if self.service.is_none() {
            checks.invalid(
                "service",
                "unknown service: ",
                "set `service`: vps or dedicated_server",
            );
        }
        if self
            .endpoint
            .as_deref()
            .is_some_and(|e| e.trim().is_empty())
        {
            checks.invalid(
                "endpoint",
                "endpoint can not be empty",
                "leave `endpoint` out for ovh-eu",
            );
        }
        checks.required(
            "application_key",
            self.application_key.as_deref(),
            "application key can not be empty",
        );
        checks.required(
            "application_secret",
            self.application_secret.as_deref(),
            "application secret can not be empty",
        );
        checks.required(
            "consumer_key",
            self.consumer_key.as_deref(),
            "consumer key can not be empty",
        );
    }
    fn meta_prefixes(&self) -> Vec<&'static str> {
        let services = self
            .service
            .as_ref()
            .map_or(OvhService::ALL, std::slice::from_ref);
        services
            .iter()
            .map(|service| match service {
                OvhService::Vps => "__meta_ovhcloud_vps_",
                OvhService::DedicatedServer => "__meta_ovhcloud_dedicated_server_",
            })
            .collect()
    }
}
