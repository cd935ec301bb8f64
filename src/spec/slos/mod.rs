//! The `slos` section: service level objectives with their SLIs, windows and alerting, and the
//! `tests` section: promtool rule unit tests (issue #13). Field names follow Sloth's
//! `prometheus/v1` spec (`sli.events.error_query`, `alerting.page_alert`...) so a Sloth user
//! recognises them; `latency` and `availability` SLIs are monctl's own, built from the catalog.
//! `slos.sloth` takes Sloth's own spec files unchanged.

mod rule_tests;
mod sloth;
mod validate;
mod windows;

pub use rule_tests::{
    AlertTestCase, ExpectedAlert, ExpectedSample, InputSeries, PromqlExprTest, RuleTestGroup,
    RuleTestSuite, RuleTests,
};
pub use sloth::{SlothAlert, SlothAlerting, SlothEvents, SlothRaw, SlothSli, SlothSlo, SlothSpec};
pub use validate::validate;
pub use windows::{AlertWindows, BurnWindow, WindowPair};

use super::types::{Duration, LabelName, MetricName};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The service level objectives.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Slos {
    /// Alert windows for every SLO that does not set its own; default: the Google SRE workbook's
    /// multiwindow multi-burn-rate table, scaled to the SLO's period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub windows: Option<AlertWindows>,
    /// The objectives.
    #[serde(default)]
    pub objectives: Vec<Slo>,
    /// Sloth `prometheus/v1` specs as Sloth reads them (a team's existing Sloth files, pasted
    /// or `monctl import`ed unchanged); their SLOs join the objectives.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sloth: Vec<SlothSpec>,
}

/// One service level objective.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Slo {
    /// The service the SLO belongs to; its rules go to `rules/slo-<service>.yml`.
    pub service: String,
    /// The SLO's name, unique within its service; its id is `<service>-<name>`.
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Target percentage of good events, in (0, 100): 99.9 means one bad event in 1,000 is allowed.
    pub objective: f64,
    /// The period the objective is measured over (the error budget's period); default 30d.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Duration>,
    /// Labels added to every generated series and alert of this SLO.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<LabelName, String>,
    /// How good and bad events are measured: exactly one of its kinds.
    pub sli: Sli,
    /// The page and ticket alerts.
    #[serde(default)]
    pub alerting: Alerting,
    /// This SLO's alert windows, instead of the section's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub windows: Option<AlertWindows>,
    /// Findings of these rules about this object are not reported (each with a reason).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lint_ignore: Vec<super::lint::LintIgnore>,
}

impl Slo {
    /// The SLO's id (`sloth_id`): `<service>-<name>`.
    pub fn id(&self) -> String {
        format!("{}-{}", self.service, self.name)
    }

    /// The period, 30d unless set.
    pub fn period(&self) -> Duration {
        self.period.unwrap_or(Duration::from_secs(30 * 24 * 3600))
    }

    /// The error budget as a ratio: (100 - objective) / 100, computed as Sloth does.
    pub fn error_budget_ratio(&self) -> f64 {
        (100.0 - self.objective) / 100.0
    }
}

/// The service level indicator: one of `events`, `raw`, `latency`, `availability`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sli {
    /// Bad and total events as two PromQL queries with `{{.window}}` as the range (Sloth's form).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub events: Option<EventsSli>,
    /// A query that returns the error ratio directly, with `{{.window}}` as the range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw: Option<RawSli>,
    /// Requests slower than a threshold are bad, read from a histogram of the catalog.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latency: Option<LatencySli>,
    /// Failed scrapes of the targets (`up == 0`) are bad.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability: Option<AvailabilitySli>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EventsSli {
    /// Rate of bad events, e.g. `sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))`.
    pub error_query: String,
    /// Rate of all events, e.g. `sum(rate(http_requests_total[{{.window}}]))`.
    pub total_query: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSli {
    /// The error ratio (0..1) over `{{.window}}`.
    pub error_ratio_query: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LatencySli {
    /// The histogram family of the catalog (without `_bucket`).
    pub metric: MetricName,
    /// Events slower than this are bad; must be one of the histogram's buckets.
    pub threshold: Duration,
    /// PromQL label matchers selecting the SLO's series, without braces: `job="mall-go"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matchers: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AvailabilitySli {
    /// PromQL label matchers selecting the targets' `up` series, without braces: `job="mall-go"`.
    pub matchers: String,
}

/// The SLO's alerts: a page alert for fast burns and a ticket alert for slow ones (Sloth's form).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Alerting {
    /// The alerts' name (both carry it, told apart by `sloth_severity`); default
    /// `<Service><Name>BurnRate` in CamelCase.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<LabelName, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub annotations: BTreeMap<String, String>,
    #[serde(default)]
    pub page_alert: AlertSettings,
    #[serde(default)]
    pub ticket_alert: AlertSettings,
}

/// One of the two alerts.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AlertSettings {
    /// No such alert is generated.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub disable: bool,
    /// This alert's own name instead of `alerting.name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<LabelName, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub annotations: BTreeMap<String, String>,
}
