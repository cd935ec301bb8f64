//! Lint settings: a rule's severity changed or the rule turned off for the whole spec, the
//! annotations every alert must carry, and the inline ignore an object can carry (with a reason).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What a rule's findings become.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RuleLevel {
    Off,
    Info,
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LintSettings {
    /// Per rule (by code such as `P003` or by name such as `rate-on-gauge`): its level.
    #[serde(default)]
    pub rules: BTreeMap<String, RuleLevel>,
    /// Annotations every alerting rule must have; default `[summary, description]`.
    #[serde(default)]
    pub required_annotations: Option<Vec<String>>,
}

/// An inline ignore on one object: the findings of `rule` about it (and what it contains) are not
/// reported. A reason is required, so the next reader knows why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LintIgnore {
    /// The rule's code or name.
    pub rule: String,
    #[schemars(length(min = 3))]
    pub reason: String,
}
