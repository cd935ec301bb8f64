//! The typed spec: one struct per section, mirroring the target tools' vocabulary with stronger
//! types. serde reads it and schemars derives the JSON Schema from it. Each section is a field of
//! [`Spec`]; the larger ones (routing, logs, slos, stack) are folders of their own.

pub mod discovery;
pub mod label_names;
pub mod lint;
pub mod logs;
pub mod metrics;
pub mod relabel;
pub mod routing;
mod rule_files;
pub mod rules;
pub mod scrape;
pub mod server;
pub mod slos;
pub mod stack;
pub mod types;
mod validate;

pub use lint::{LintIgnore, LintSettings, RuleLevel, TestSecret};
pub use metrics::{LabelDetail, LabelDomain, LabelSpec, Metric, MetricType, Objective};
pub use relabel::{RelabelAction, RelabelRule};
pub use rules::{Rule, RuleGroup, Rules};
pub use scrape::{GlobalConfig, KubernetesRole, Scrape, ScrapeJob};
pub use types::{Duration, LabelName, MetricName, PromQl, RelabelRegex};
pub use validate::validate;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A service's whole monitoring stack.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    /// The metrics catalog: the families the service's own code exposes.
    #[serde(default)]
    pub metrics: Vec<Metric>,
    /// Prometheus: global settings, scrape jobs, remote write/read, Alertmanager endpoints.
    #[serde(default)]
    pub scrape: Scrape,
    /// Prometheus alerting and recording rules.
    #[serde(default)]
    pub rules: Rules,
    /// Lint settings: rule levels and required annotations.
    #[serde(default)]
    pub lint: LintSettings,
    /// Alertmanager: route tree, receivers, inhibitions, time intervals, templates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub routing: Option<routing::Routing>,
    /// Logs: the structured log schema, the Fluentd pipeline, Elasticsearch templates and policies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logs: Option<logs::Logs>,
    /// Service level objectives: SLIs, burn-rate rules and alerts, error budgets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slos: Option<slos::Slos>,
    /// Rule unit tests (promtool's vocabulary), written beside the rule files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tests: Option<slos::RuleTests>,
    /// The services of the stack: images, ports, environment, volumes (docker-compose).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stack: Option<stack::Stack>,
    /// Grafana dashboards and their provisioning.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dashboards: Option<stack::Dashboards>,
    /// Tracing: Jaeger and its sampling strategies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracing: Option<stack::Tracing>,
}
