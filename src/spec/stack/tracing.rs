//! `tracing`: the Jaeger service, its sampling strategies (jaeger/sampling.json: a default
//! strategy, per-service and per-operation strategies, in Jaeger's file format) and the tracing
//! settings passed to the application's service.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Tracing: Jaeger and its sampling strategies.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tracing {
    /// The stack service running Jaeger (default `jaeger`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jaeger: Option<String>,
    /// The application services that send spans; each gets the tracing environment variables.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<String>,
    /// The strategy of services and operations not listed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_strategy: Option<Strategy>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub service_strategies: Vec<ServiceStrategy>,
}

/// How spans are sampled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum SamplingType {
    /// `param` is the probability (0 to 1).
    #[serde(rename = "probabilistic")]
    Probabilistic,
    /// `param` is traces per second.
    #[serde(rename = "ratelimiting")]
    RateLimiting,
}

/// A strategy: its type and parameter, and per-operation probabilities.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Strategy {
    #[serde(rename = "type")]
    pub kind: SamplingType,
    pub param: f64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub operation_strategies: Vec<OperationStrategy>,
}

/// A service's strategy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ServiceStrategy {
    /// The service name the tracer reports (its `service.name`).
    pub service: String,
    #[serde(rename = "type")]
    pub kind: SamplingType,
    pub param: f64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub operation_strategies: Vec<OperationStrategy>,
}

/// An operation's strategy (Jaeger supports only probabilistic ones per operation).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OperationStrategy {
    pub operation: String,
    #[serde(rename = "type")]
    pub kind: SamplingType,
    pub param: f64,
}
