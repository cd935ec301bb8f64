//! The Prometheus server's own top-level sections of prometheus.yml that are not about scraping:
//! `storage`, `otlp`, `tracing` and `runtime`, in Prometheus' field names.

use crate::diagnostic::{Diagnostic, SpecPath};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The server sections (flattened into `scrape`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct ServerSections {}

/// What Prometheus refuses at load in these sections (`path`: the `scrape` section).
pub fn validate(_sections: &ServerSections, _path: &SpecPath) -> Vec<Diagnostic> {
    Vec::new()
}
