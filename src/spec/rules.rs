//! Prometheus rule groups: alerting and recording rules, and the group-set (rule file) each group
//! is written to.

use super::types::{Duration, MetricName, PromQl};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    #[serde(default)]
    pub groups: Vec<RuleGroup>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleGroup {
    pub name: String,
    /// The rule file (`rules/<file>.yml`) this group is written to; default: the group's name.
    #[serde(default)]
    pub file: Option<String>,
    /// Evaluation interval; default the global evaluation_interval.
    #[serde(default)]
    pub interval: Option<Duration>,
    /// Most alerts or series a rule of the group may produce (0: no limit).
    #[serde(default)]
    pub limit: Option<u64>,
    #[serde(default)]
    pub rules: Vec<Rule>,
    /// Findings of these rules about this object are not reported (each with a reason).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lint_ignore: Vec<super::lint::LintIgnore>,
}

/// An alerting rule (with `alert`) or a recording rule (with `record`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    #[serde(default)]
    pub alert: Option<String>,
    #[serde(default)]
    pub record: Option<MetricName>,
    pub expr: PromQl,
    /// Alerts only: how long the condition must hold before the alert fires.
    #[serde(default, rename = "for")]
    pub for_: Option<Duration>,
    /// Alerts only: how long the alert keeps firing after the condition stops holding.
    #[serde(default)]
    pub keep_firing_for: Option<Duration>,
    /// Label names are UTF-8 (Prometheus 3); legacy-only setups are told apart at validation.
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    /// Alerts only: summary, description, runbook_url and the like; Go templates allowed.
    #[serde(default)]
    pub annotations: BTreeMap<String, String>,
    /// Findings of these rules about this object are not reported (each with a reason).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lint_ignore: Vec<super::lint::LintIgnore>,
}

impl RuleGroup {
    /// The rule file's stem: the explicit `file`, or the group name made file-safe
    /// (see `rule_files::stem`).
    pub fn file_stem(&self) -> String {
        super::rule_files::stem(self.file.as_deref().unwrap_or(&self.name))
    }
}
