//! What the routing rules know of the alerts the spec's rules send: per alerting rule, the labels
//! whose values are fixed (alertname, the rule's labels, external labels), the labels whose values
//! vary (templated rule labels, the expression's output labels), and whether others may exist.

use crate::check::Context;
use crate::routing::{alert_rule_labels, CompiledMatcher, LabelSet};
use std::collections::BTreeSet;

/// The labels of one alerting rule's alerts.
pub struct AlertShape {
    pub alert: String,
    /// The alerting rule: `rules.groups[group].rules[rule]`.
    pub group: usize,
    pub rule: usize,
    pub fixed: LabelSet,
    pub varying: BTreeSet<String>,
    /// False when labels monctl cannot name may appear.
    pub complete: bool,
}

/// A matcher's outcome on an alert: it certainly holds, certainly fails, or depends on values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Holds,
    Fails,
    Depends,
}

impl AlertShape {
    /// True when an alert of this rule may carry the label.
    pub fn may_carry(&self, label: &str) -> bool {
        self.fixed.contains_key(label) || self.varying.contains(label) || !self.complete
    }

    pub fn test(&self, matcher: &CompiledMatcher) -> Outcome {
        let name = matcher.matcher.name.as_str();
        let definite = |holds: bool| {
            if holds {
                Outcome::Holds
            } else {
                Outcome::Fails
            }
        };
        match self.fixed.get(name) {
            Some(value) => definite(matcher.matches_value(value)),
            None if self.varying.contains(name) || !self.complete => Outcome::Depends,
            None => definite(matcher.matches_value("")),
        }
    }

    pub fn test_all(&self, matchers: &[CompiledMatcher]) -> Outcome {
        let outcomes: Vec<Outcome> = matchers.iter().map(|m| self.test(m)).collect();
        if outcomes.contains(&Outcome::Fails) {
            Outcome::Fails
        } else if outcomes.contains(&Outcome::Depends) {
            Outcome::Depends
        } else {
            Outcome::Holds
        }
    }
}

pub fn alert_shapes(ctx: &Context) -> Vec<AlertShape> {
    let spec = &ctx.model.spec;
    alert_rule_labels(spec)
        .into_iter()
        .map(|rule| {
            let (group, index) = parse_path(&rule.path);
            let analysis = ctx.model.rule_analysis(group, index);
            let mut varying: BTreeSet<String> = rule.templated_labels.iter().cloned().collect();
            let complete = analysis.is_some_and(|a| a.output.complete);
            if let Some(a) = analysis {
                varying.extend(
                    a.output
                        .names
                        .iter()
                        .filter(|n| *n != "__name__" && !rule.labels.contains_key(*n))
                        .cloned(),
                );
            }
            AlertShape {
                alert: rule.alert,
                group,
                rule: index,
                fixed: rule.labels,
                varying,
                complete,
            }
        })
        .collect()
}

fn parse_path(path: &str) -> (usize, usize) {
    let numbers: Vec<usize> = path
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse().ok())
        .collect();
    (
        numbers.first().copied().unwrap_or(0),
        numbers.get(1).copied().unwrap_or(0),
    )
}

/// The alerts that may pass all these matchers.
pub fn candidates<'a>(
    shapes: &'a [AlertShape],
    matchers: &[&[CompiledMatcher]],
) -> Vec<&'a AlertShape> {
    shapes
        .iter()
        .filter(|s| matchers.iter().all(|m| s.test_all(m) != Outcome::Fails))
        .collect()
}

/// True when some alerts are candidates and none of them may carry `label`.
pub fn none_carry(candidates: &[&AlertShape], label: &str) -> bool {
    !candidates.is_empty() && !candidates.iter().any(|s| s.may_carry(label))
}

/// Whether alerts of these two rules may have the same value of `label` (absent on both counts
/// as equal, as in Alertmanager's inhibition).
pub fn may_be_equal(source: &AlertShape, target: &AlertShape, label: &str) -> bool {
    match (source.fixed.get(label), target.fixed.get(label)) {
        (Some(a), Some(b)) => a == b,
        (Some(_), None) => target.may_carry(label),
        (None, Some(_)) => source.may_carry(label),
        (None, None) => true,
    }
}
