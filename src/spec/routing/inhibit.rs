//! Inhibition rules: while an alert matching the source side fires, alerts matching the target
//! side are muted, provided the labels named in `equal` have the same values on both (a label
//! absent from both counts as equal).

use super::matcher::{MatchOp, Matcher, MatcherText};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InhibitRule {
    /// Matchers an alert must satisfy to inhibit others.
    #[serde(default)]
    pub source_matchers: Vec<MatcherText>,
    /// Matchers an alert must satisfy to be inhibited.
    #[serde(default)]
    pub target_matchers: Vec<MatcherText>,
    /// Labels whose values must be equal in the source and the target alert.
    #[serde(default)]
    pub equal: Vec<String>,
    /// Deprecated: equality source matchers as a map (converted, with a warning).
    #[serde(default)]
    pub source_match: BTreeMap<String, String>,
    /// Deprecated: regex source matchers as a map (converted, with a warning).
    #[serde(default)]
    pub source_match_re: BTreeMap<String, String>,
    /// Deprecated: equality target matchers as a map (converted, with a warning).
    #[serde(default)]
    pub target_match: BTreeMap<String, String>,
    /// Deprecated: regex target matchers as a map (converted, with a warning).
    #[serde(default)]
    pub target_match_re: BTreeMap<String, String>,
}

fn combine(
    equal: &BTreeMap<String, String>,
    regex: &BTreeMap<String, String>,
    texts: &[MatcherText],
) -> Vec<Matcher> {
    let mut out: Vec<Matcher> = equal
        .iter()
        .map(|(k, v)| Matcher::new(k.clone(), MatchOp::Equal, v.clone()))
        .collect();
    out.extend(
        regex
            .iter()
            .map(|(k, v)| Matcher::new(k.clone(), MatchOp::Regex, v.clone())),
    );
    for text in texts {
        out.extend(text.matchers().iter().cloned());
    }
    out
}

impl InhibitRule {
    /// The source side: deprecated maps converted, then `source_matchers`.
    pub fn all_source_matchers(&self) -> Vec<Matcher> {
        combine(
            &self.source_match,
            &self.source_match_re,
            &self.source_matchers,
        )
    }

    /// The target side: deprecated maps converted, then `target_matchers`.
    pub fn all_target_matchers(&self) -> Vec<Matcher> {
        combine(
            &self.target_match,
            &self.target_match_re,
            &self.target_matchers,
        )
    }
}
