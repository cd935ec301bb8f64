//! The `tests` section: rule unit tests in promtool's vocabulary (`promtool test rules`). The rule
//! files are implied: every test file monctl writes reads all the rule files it generates.

use crate::spec::types::Duration;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Rule unit tests, one promtool test file per suite.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleTests {
    /// The suites; each becomes `tests/<name>.test.yml` beside `rules/`.
    #[serde(default)]
    pub suites: Vec<RuleTestSuite>,
}

/// One promtool test file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleTestSuite {
    /// The file's name: `tests/<name>.test.yml`.
    pub name: String,
    /// How often the rules are evaluated in the tests; promtool's default 1m.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evaluation_interval: Option<Duration>,
    /// Rule groups evaluated in this order at each evaluation (the others after them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub group_eval_order: Vec<String>,
    pub tests: Vec<RuleTestGroup>,
}

/// One test group: input series and what must hold at given times.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleTestGroup {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The step between the input series' values; default the evaluation interval.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<Duration>,
    #[serde(default)]
    pub input_series: Vec<InputSeries>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alert_rule_test: Vec<AlertTestCase>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub promql_expr_test: Vec<PromqlExprTest>,
    /// External labels, readable as `$externalLabels` in templates.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub external_labels: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_url: Option<String>,
}

/// A series and its values in promtool's expanding notation (`0+10x100`, `1 _ stale 3x5`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InputSeries {
    /// The series in PromQL notation: `http_requests_total{job="api", code="500"}`.
    pub series: String,
    pub values: String,
}

/// The alerts of one alert rule expected firing at a time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AlertTestCase {
    pub eval_time: Duration,
    pub alertname: String,
    /// Every alert firing at eval_time; empty: none must be firing.
    #[serde(default)]
    pub exp_alerts: Vec<ExpectedAlert>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExpectedAlert {
    #[serde(default)]
    pub exp_labels: BTreeMap<String, String>,
    #[serde(default)]
    pub exp_annotations: BTreeMap<String, String>,
}

/// A PromQL expression and the samples it must return at a time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PromqlExprTest {
    pub expr: String,
    pub eval_time: Duration,
    #[serde(default)]
    pub exp_samples: Vec<ExpectedSample>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExpectedSample {
    /// The sample's labels in PromQL notation: `metric{label="value"}`.
    #[serde(default)]
    pub labels: String,
    pub value: f64,
}
