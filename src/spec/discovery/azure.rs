//! `azure_sd_configs`: Azure virtual machines and scale sets of one subscription. The client
//! secret of OAuth authentication has no file form in Prometheus; `ManagedIdentity` or `SDK`
//! authentication needs none.

use super::common::{closed_set, Checks};
use super::Mechanism;
use crate::spec::scrape::HttpClient;
use crate::spec::types::Duration;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

closed_set!(
    /// How Prometheus authenticates to Azure.
    AzureAuthentication,
    "unknown authentication_type {:?}. Supported types are \"OAuth\", \"ManagedIdentity\" or \"SDK\"",
    {
        OAuth = "OAuth",
        ManagedIdentity = "ManagedIdentity",
        Sdk = "SDK",
    }
);

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AzureSdConfig {
    /// The Azure cloud (default `AzurePublicCloud`).
    #[serde(default)]
    pub environment: Option<String>,
    /// Default OAuth.
    #[serde(default)]
    pub authentication_method: Option<AzureAuthentication>,
    /// Always required.
    #[serde(default)]
    pub subscription_id: Option<String>,
    /// Required with OAuth.
    #[serde(default)]
    pub tenant_id: Option<String>,
    /// Required with OAuth; with ManagedIdentity, a user-assigned identity's client ID.
    #[serde(default)]
    pub client_id: Option<String>,
    /// Required with OAuth, written inline (no file form in Prometheus). A literal stops
    /// `generate` unless `lint.test_secrets` names it.
    #[serde(default)]
    pub client_secret: Option<String>,
    /// Limits discovery to this resource group.
    #[serde(default)]
    pub resource_group: Option<String>,
    /// Default 300s.
    #[serde(default)]
    pub refresh_interval: Option<Duration>,
    /// Default 80.
    #[serde(default)]
    pub port: Option<u16>,
    #[serde(default, flatten)]
    pub http: HttpClient,
}

impl Mechanism for AzureSdConfig {
    fn check(&self, checks: &mut Checks) {
        let message = |field: &str| format!("azure SD configuration requires a {field}");
        checks.required(
            "subscription_id",
            self.subscription_id.as_deref(),
            &message("subscription_id"),
        );
        let oauth = matches!(
            self.authentication_method,
            None | Some(AzureAuthentication::OAuth)
        );
        if oauth {
            for (field, value) in [
                ("tenant_id", &self.tenant_id),
                ("client_id", &self.client_id),
                ("client_secret", &self.client_secret),
            ] {
                checks.required(field, value.as_deref(), &message(field));
            }
        }
    }
    fn meta_prefixes(&self) -> Vec<&'static str> {
        vec![
            "__meta_azure_machine_",
            "__meta_azure_subscription_id",
            "__meta_azure_tenant_id",
        ]
    }
}
