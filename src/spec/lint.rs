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
    /// Literal credentials allowed for a test setup, one value each (see [`TestSecret`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub test_secrets: Vec<TestSecret>,
}

/// A literal credential kept on purpose, for a throwaway test setup (a local SMTP catcher's
/// password, a fixture token): the one spec path whose value may be written into the generated
/// files. Nothing else turns off the secret checks; the value still never appears in a message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TestSecret {
    /// The spec path of the value, as monctl's finding names it
    /// (`routing.receivers[0].email_configs[0].auth_password`).
    pub path: String,
    /// Why this literal is harmless (a test-only value).
    #[schemars(length(min = 3))]
    pub reason: String,
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
