//! The `stack`, `dashboards` and `tracing` sections: the services of the stack (docker-compose),
//! Grafana dashboards and provisioning, and Jaeger tracing (issue #12). Types and their load-time
//! validation live in this folder.

use crate::diagnostic::Diagnostic;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The services of the stack.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Stack {}

/// Grafana dashboards, written or generated from the catalog.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dashboards {}

/// Tracing: Jaeger and its sampling strategies.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tracing {}

/// Load-time validation of the `stack`, `dashboards` and `tracing` sections.
pub fn validate(_spec: &super::Spec) -> Vec<Diagnostic> {
    Vec::new()
}
