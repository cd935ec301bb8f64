//! Prometheus' service discovery mechanisms beyond static, file and Kubernetes discovery (those
//! three live in `scrape`): each `<name>_sd_configs` list of a scrape job or an Alertmanager
//! endpoint, in Prometheus' own field names, with the `__meta_*` labels its targets carry.

use crate::diagnostic::{Diagnostic, SpecPath};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The other discovery mechanisms of one scrape job or Alertmanager endpoint (flattened into it).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Discovery {}

impl Discovery {
    /// True when no mechanism of this struct is configured.
    pub fn is_empty(&self) -> bool {
        true
    }

    /// Name prefixes of the `__meta_*` labels the configured mechanisms' targets may carry.
    pub fn meta_prefixes(&self) -> Vec<&'static str> {
        Vec::new()
    }
}

/// What Prometheus refuses at load in these mechanisms' settings (`path`: the job or endpoint).
pub fn validate(_discovery: &Discovery, _path: &SpecPath) -> Vec<Diagnostic> {
    Vec::new()
}
