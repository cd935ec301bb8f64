//! The `slos` section: service level objectives with their SLIs, windows and alerting, and the
//! `tests` section: promtool rule unit tests (issue #13). Types and their load-time validation
//! live in this folder.

use crate::diagnostic::Diagnostic;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The service level objectives.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Slos {}

/// Rule unit tests in promtool's vocabulary.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleTests {}

/// Load-time validation of the `slos` and `tests` sections.
pub fn validate(_spec: &super::Spec) -> Vec<Diagnostic> {
    Vec::new()
}
