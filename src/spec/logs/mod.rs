//! The `logs` section: the structured log entry's schema, the Fluentd pipeline and the
//! Elasticsearch index templates and lifecycle policies (issue #11). Types and their load-time
//! validation live in this folder.

use crate::diagnostic::Diagnostic;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Logs: the log schema, the Fluentd pipeline and Elasticsearch.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Logs {}

/// Load-time validation of the `logs` section (paths only; the loader adds positions).
pub fn validate(_spec: &super::Spec) -> Vec<Diagnostic> {
    Vec::new()
}
