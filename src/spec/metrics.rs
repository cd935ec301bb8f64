//! The metrics catalog: every metric family a service exposes, with its type, help, unit, labels
//! (and each label's value domain), histogram buckets, summary objectives and the scrape jobs
//! that collect it. Names may be given whole or as client_golang's namespace/subsystem/name.

use super::types::{LabelName, MetricName};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The kind of a metric family, as in the Prometheus/OpenMetrics exposition formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum MetricType {
    Counter,
    Gauge,
    Histogram,
    Summary,
    /// OpenMetrics info: a gauge of value 1 whose labels carry the information.
    Info,
    /// OpenMetrics stateset: one series per state, value 1 for the current one.
    Stateset,
    Unknown,
}

/// One metric family of the catalog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Metric {
    /// The metric name; with `namespace`/`subsystem` it is the last part, joined with `_` as
    /// client_golang's BuildFQName does.
    pub name: MetricName,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<LabelName>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subsystem: Option<LabelName>,
    #[serde(rename = "type")]
    pub kind: MetricType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// Base unit the value is in (seconds, bytes, ratio...); by convention also the name's suffix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<LabelName>,
    /// Labels set by the exporter (not the target labels `job` and `instance`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<LabelSpec>,
    /// Histogram bucket upper bounds (`le`), without +Inf.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buckets: Option<Vec<f64>>,
    /// Summary quantiles (`quantile` label values).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub objectives: Option<Vec<Objective>>,
    /// Scrape jobs that expose this metric (`job_name`s).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub jobs: Vec<String>,
    /// `false` when the application declares or records the metric but never registers it with
    /// its registry (a collector field no constructor creates), so no target ever exposes it; a
    /// rule, dashboard or SLO that reads it is reported (M007). Absent: registered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registered: Option<bool>,
    /// Findings of these rules about this object are not reported (each with a reason).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lint_ignore: Vec<super::lint::LintIgnore>,
}

impl Metric {
    /// The full metric family name, as exposed.
    pub fn full_name(&self) -> String {
        let mut parts = Vec::new();
        if let Some(ns) = &self.namespace {
            if !ns.0.is_empty() {
                parts.push(ns.as_str());
            }
        }
        if let Some(sub) = &self.subsystem {
            if !sub.0.is_empty() {
                parts.push(sub.as_str());
            }
        }
        parts.push(self.name.as_str());
        parts.join("_")
    }
}

/// A summary objective: a quantile, optionally with its allowed error (client_golang's map).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Objective {
    Quantile(f64),
    WithError { quantile: f64, error: f64 },
}

impl Objective {
    pub fn quantile(&self) -> f64 {
        match self {
            Objective::Quantile(q) => *q,
            Objective::WithError { quantile, .. } => *quantile,
        }
    }
}

/// A label of a metric: just its name, or its name with a description and value domain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum LabelSpec {
    Name(LabelName),
    Detailed(LabelDetail),
}

/// A label with what is known of its values. At most one of `values`, `cardinality`, `unbounded`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LabelDetail {
    pub name: LabelName,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The closed set of values the label takes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<String>>,
    /// Estimated number of distinct values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cardinality: Option<u64>,
    /// True when the values are unbounded (ids, emails, raw paths).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unbounded: Option<bool>,
}

/// What is known of a label's values.
#[derive(Debug, Clone, PartialEq)]
pub enum LabelDomain<'a> {
    Unknown,
    Values(&'a [String]),
    Cardinality(u64),
    Unbounded,
}

impl LabelSpec {
    pub fn name(&self) -> &LabelName {
        match self {
            LabelSpec::Name(name) => name,
            LabelSpec::Detailed(detail) => &detail.name,
        }
    }

    pub fn domain(&self) -> LabelDomain<'_> {
        match self {
            LabelSpec::Name(_) => LabelDomain::Unknown,
            LabelSpec::Detailed(d) => match (&d.values, d.cardinality, d.unbounded) {
                (Some(values), _, _) => LabelDomain::Values(values),
                (_, Some(n), _) => LabelDomain::Cardinality(n),
                (_, _, Some(true)) => LabelDomain::Unbounded,
                _ => LabelDomain::Unknown,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composes_names_like_client_golang() {
        let metric: Metric = serde_json::from_value(serde_json::json!({
            "namespace": "mall_go", "subsystem": "http", "name": "requests_total", "type": "counter"
        }))
        .unwrap();
        assert_eq!(metric.full_name(), "mall_go_http_requests_total");
        let bare: Metric =
            serde_json::from_value(serde_json::json!({"name": "up", "type": "gauge"})).unwrap();
        assert_eq!(bare.full_name(), "up");
    }
}
