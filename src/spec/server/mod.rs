//! The Prometheus server's own top-level sections of prometheus.yml that are not about scraping:
//! `storage`, `otlp`, `tracing`, `runtime`, and `scrape_config_files` (kept as the globs they
//! are), in Prometheus' field names and native shape (they are written out as they are).

pub mod otlp;
pub mod sizes;
pub mod storage;
pub mod tracing;

use crate::codes::INVALID_VALUE;
use crate::diagnostic::{Diagnostic, SpecPath};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use otlp::OtlpConfig;
pub use storage::StorageConfig;
pub use tracing::TracingConfig;

/// The server sections (flattened into `scrape`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct ServerSections {
    /// Files (globs allowed in the last path segment) holding more `scrape_configs`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scrape_config_files: Vec<String>,
    /// Runtime-reloadable TSDB and exemplar storage settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storage: Option<StorageConfig>,
    /// The OTLP receiver's translation of OpenTelemetry metrics.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub otlp: Option<OtlpConfig>,
    /// Where Prometheus exports its own traces.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracing: Option<TracingConfig>,
    /// Process settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub runtime: Option<RuntimeConfig>,
}

/// `runtime`: the Prometheus process.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuntimeConfig {
    /// The Go garbage collection target percentage (default 75, or the GOGC variable).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gogc: Option<i64>,
}

/// What Prometheus refuses at load in these sections (`path`: the `scrape` section;
/// `validation`: the global name validation scheme, which OTLP's translation must fit).
pub fn validate(
    sections: &ServerSections,
    validation: Option<crate::spec::scrape::NameValidation>,
    path: &SpecPath,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, pattern) in sections.scrape_config_files.iter().enumerate() {
        if !glob_in_last_segment_only(pattern) {
            out.push(
                Diagnostic::error(
                    INVALID_VALUE,
                    path.key("scrape_config_files").index(i),
                    format!("invalid scrape config file path {pattern:?}"),
                )
                .with_help("only the last path segment may hold a * (like configs/*.yml)"),
            );
        }
    }
    if let Some(storage) = &sections.storage {
        storage::validate(storage, &path.key("storage"), &mut out);
    }
    if let Some(o) = &sections.otlp {
        otlp::validate(o, validation, &path.key("otlp"), &mut out);
    }
    if let Some(t) = &sections.tracing {
        tracing::validate(t, &path.key("tracing"), &mut out);
    }
    out
}

/// Prometheus' rule for rule and scrape config file paths: no `*` before the last `/`.
pub fn glob_in_last_segment_only(pattern: &str) -> bool {
    match pattern.find('*') {
        None => true,
        Some(star) => !pattern[star..].contains('/'),
    }
}

#[cfg(test)]
mod tests {
    use super::glob_in_last_segment_only;

    #[test]
    fn globs_only_in_the_last_segment() {
        assert!(glob_in_last_segment_only("configs/*.yml"));
        assert!(glob_in_last_segment_only("a/b/c.yml"));
        assert!(!glob_in_last_segment_only("configs/*/*"));
        assert!(!glob_in_last_segment_only("*/x.yml"));
    }
}
