//! `oci_sd_configs`: compute instances of Oracle Cloud Infrastructure, authenticated by API key
//! (the key read from `key_file`) or as an instance principal.

use super::common::{closed_set, Checks};
use super::Mechanism;
use crate::spec::types::Duration;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

closed_set!(
    /// How Prometheus authenticates to OCI.
    OciAuth,
    "oci_sd: unknown auth method {:?}, expected \"api_key\" or \"instance_principal\"",
    {
        ApiKey = "api_key",
        InstancePrincipal = "instance_principal",
    }
);

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OciSdConfig {
    /// Default api_key.
    #[serde(default)]
    pub auth: Option<OciAuth>,
    #[serde(default)]
    pub region: Option<String>,
    /// The tenancy OCID (api_key).
    #[serde(default)]
    pub tenancy: Option<String>,
    /// The user OCID (api_key).
    #[serde(default)]
    pub user: Option<String>,
    /// The API key's fingerprint (api_key).
    #[serde(default)]
    pub fingerprint: Option<String>,
    /// A file holding the API signing key (api_key).
    #[serde(default)]
    pub key_file: Option<String>,
    /// The signing key's passphrase, written inline (no file form). A literal stops `generate`
    /// unless `lint.test_secrets` names it.
    #[serde(default)]
    pub key_passphrase: Option<String>,
    /// Compartment OCIDs whose instances are listed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub compartments: Vec<String>,
    /// Default 80.
    #[serde(default)]
    pub port: Option<u16>,
    /// Default 60s.
    #[serde(default)]
    pub refresh_interval: Option<Duration>,
}

impl Mechanism for OciSdConfig {
    fn check(&self, _: &mut Checks) {}
    fn meta_prefixes(&self) -> Vec<&'static str> {
        vec!["__meta_oci_"]
    }
}
