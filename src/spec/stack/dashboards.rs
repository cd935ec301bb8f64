//! `dashboards`: Grafana dashboards written in the spec (rows of panels with PromQL targets, units,
//! thresholds and job/instance variables) and dashboards generated from the catalog (RED for a
//! service's HTTP metrics, USE for node-exporter, one row per business metric).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Grafana dashboards and their provisioning.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dashboards {
    /// The Grafana folder the provisioned dashboards go into.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub folder: Option<String>,
    /// The Elasticsearch index pattern the logs datasource reads (default `logstash-*`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_index: Option<String>,
    /// The logs' time field (default `@timestamp`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_time_field: Option<String>,
    /// Dashboards written here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dashboards: Vec<Dashboard>,
    /// Dashboards generated from the catalog.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub generate: Vec<GeneratedDashboard>,
}

/// One dashboard.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dashboard {
    /// Stable identifier (the file name and the URL): letters, digits, `-` and `_`, at most 40.
    pub uid: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Auto-refresh interval, e.g. `30s`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh: Option<String>,
    /// Start of the default time range, e.g. `now-6h`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_from: Option<String>,
    /// Template variables, each `label_values(<metric>{<earlier variables>}, <name>)`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variables: Vec<Variable>,
    /// Rows of panels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<Row>,
}

/// A query variable over a label's values.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Variable {
    /// The label (and variable) name, e.g. `job`, `instance`.
    pub name: String,
    /// The metric whose label values are listed (default `up`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Offer "All" and several values at once (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub multi: Option<bool>,
}

/// A row of panels.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Row {
    pub title: String,
    #[serde(default)]
    pub collapsed: bool,
    #[serde(default)]
    pub panels: Vec<Panel>,
}

/// Grafana's panel types monctl writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum PanelType {
    #[default]
    Timeseries,
    Stat,
    Gauge,
    Table,
    Logs,
}

impl PanelType {
    pub fn id(&self) -> &'static str {
        match self {
            PanelType::Timeseries => "timeseries",
            PanelType::Stat => "stat",
            PanelType::Gauge => "gauge",
            PanelType::Table => "table",
            PanelType::Logs => "logs",
        }
    }
}

/// A panel.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Panel {
    pub title: String,
    #[serde(default, rename = "type")]
    pub kind: PanelType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The queries: PromQL (a Lucene query for `logs` panels).
    #[serde(default)]
    pub targets: Vec<Target>,
    /// Grafana unit id (`s`, `bytes`, `reqps`, `percentunit`...); by default from the catalog.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Threshold steps, lowest first; the first may have no value (the base colour).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub thresholds: Vec<ThresholdStep>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// Datasource uid (default: the Prometheus datasource; Elasticsearch for `logs`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub datasource: Option<String>,
    /// Width in grid columns (1-24, default 12) and height in rows (default 8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<u8>,
}

/// One query of a panel.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// PromQL; Grafana's `$variable`, `${variable}` and `$__rate_interval` may be used.
    pub expr: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legend: Option<String>,
    /// Evaluate at the end of the range only (stat, gauge, table).
    #[serde(default)]
    pub instant: bool,
}

/// A threshold step.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ThresholdStep {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    pub color: String,
}

/// What a generated dashboard shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum DashboardKind {
    /// Rate, errors and duration of a service's HTTP requests.
    Red,
    /// Utilisation, saturation and errors of the hosts node-exporter reports.
    Use,
    /// One row per business metric of a job.
    Business,
}

/// A dashboard generated from the catalog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GeneratedDashboard {
    pub kind: DashboardKind,
    /// The scrape job whose metrics it shows.
    pub job: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// RED: the request counter (full name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requests: Option<String>,
    /// RED: the request duration histogram (full name, without `_bucket`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
    /// RED: the label carrying the HTTP status (default `status_code`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_label: Option<String>,
    /// Business: the metrics shown, one row each (full names).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub metrics: Vec<String>,
}
