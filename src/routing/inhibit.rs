//! Inhibition as Alertmanager applies it (inhibit/inhibit.go): an alert is muted when, for some
//! rule, it matches the target side and a firing alert matches the source side with equal values
//! for every `equal` label (absent on both sides counts as equal). When the alert also matches the
//! source side, source alerts that themselves match the target side do not count — so an alert
//! never inhibits itself, and two alerts matching both sides do not inhibit each other.

use super::tree::{all_match, CompiledMatcher};
use super::LabelSet;
use crate::spec::routing::InhibitRule;
use serde::Serialize;

/// A rule ready to apply.
#[derive(Debug, Clone)]
pub struct CompiledInhibitRule {
    /// Index in `routing.inhibit_rules`.
    pub index: usize,
    pub source: Vec<CompiledMatcher>,
    pub target: Vec<CompiledMatcher>,
    pub equal: Vec<String>,
}

impl CompiledInhibitRule {
    pub fn new(index: usize, rule: &InhibitRule) -> Self {
        CompiledInhibitRule {
            index,
            source: rule
                .all_source_matchers()
                .into_iter()
                .map(CompiledMatcher::new)
                .collect(),
            target: rule
                .all_target_matchers()
                .into_iter()
                .map(CompiledMatcher::new)
                .collect(),
            equal: rule.equal.clone(),
        }
    }

    /// The firing alerts (by index in `firing`) that make this rule inhibit `alert`.
    pub fn inhibitors(&self, alert: &LabelSet, firing: &[LabelSet]) -> Vec<usize> {
        if !all_match(&self.target, alert) {
            return Vec::new();
        }
        let exclude_two_sided = all_match(&self.source, alert);
        let value = |labels: &LabelSet, name: &str| -> String {
            labels.get(name).cloned().unwrap_or_default()
        };
        firing
            .iter()
            .enumerate()
            .filter(|(_, source)| all_match(&self.source, source))
            .filter(|(_, source)| {
                self.equal
                    .iter()
                    .all(|name| value(source, name) == value(alert, name))
            })
            .filter(|(_, source)| !(exclude_two_sided && all_match(&self.target, source)))
            .map(|(i, _)| i)
            .collect()
    }
}

/// One reason an alert is inhibited: a rule and a firing alert that triggers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Inhibition {
    /// Index in `routing.inhibit_rules`.
    pub rule: usize,
    /// `routing.inhibit_rules[N]`.
    pub rule_path: String,
    /// The inhibiting alert's labels.
    pub source: LabelSet,
}

/// Every (rule, source alert) pair that inhibits `alert` while the `firing` alerts fire.
pub fn inhibitions(
    rules: &[InhibitRule],
    alert: &LabelSet,
    firing: &[LabelSet],
) -> Vec<Inhibition> {
    let alert = non_empty(alert);
    let firing: Vec<LabelSet> = firing.iter().map(non_empty).collect();
    let mut out = Vec::new();
    for (index, rule) in rules.iter().enumerate() {
        let compiled = CompiledInhibitRule::new(index, rule);
        for source in compiled.inhibitors(&alert, &firing) {
            out.push(Inhibition {
                rule: index,
                rule_path: format!("routing.inhibit_rules[{index}]"),
                source: firing[source].clone(),
            });
        }
    }
    out
}

/// Whether `alert` is inhibited while the `firing` alerts fire.
pub fn inhibited(rules: &[InhibitRule], alert: &LabelSet, firing: &[LabelSet]) -> bool {
    !inhibitions(rules, alert, firing).is_empty()
}

/// An empty label value is the same as no label (Prometheus never sends one).
fn non_empty(labels: &LabelSet) -> LabelSet {
    labels
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::routing::MatcherText;

    fn rule(source: &[&str], target: &[&str], equal: &[&str]) -> InhibitRule {
        InhibitRule {
            source_matchers: source.iter().map(|s| MatcherText::new(*s)).collect(),
            target_matchers: target.iter().map(|s| MatcherText::new(*s)).collect(),
            equal: equal.iter().map(|s| s.to_string()).collect(),
            ..Default::default()
        }
    }

    fn labels(pairs: &[(&str, &str)]) -> LabelSet {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn critical_inhibits_warning_with_equal_labels() {
        let rules = [rule(
            &["severity=critical"],
            &["severity=warning"],
            &["alertname", "instance"],
        )];
        let warning = labels(&[
            ("alertname", "A"),
            ("severity", "warning"),
            ("instance", "x"),
        ]);
        let critical = labels(&[
            ("alertname", "A"),
            ("severity", "critical"),
            ("instance", "x"),
        ]);
        let other = labels(&[
            ("alertname", "A"),
            ("severity", "critical"),
            ("instance", "y"),
        ]);
        assert!(inhibited(&rules, &warning, std::slice::from_ref(&critical)));
        assert!(!inhibited(&rules, &warning, &[other]));
        assert!(!inhibited(
            &rules,
            &critical,
            std::slice::from_ref(&critical)
        ));
        assert!(!inhibited(&rules, &warning, &[]));
    }

    #[test]
    fn labels_absent_on_both_sides_count_as_equal() {
        let rules = [rule(
            &["alertname=ServiceDown"],
            &["service=~\".*\""],
            &["service"],
        )];
        let down = labels(&[("alertname", "ServiceDown")]);
        let target = labels(&[("alertname", "HighLatency")]);
        assert!(inhibited(&rules, &target, std::slice::from_ref(&down)));
        let with_service = labels(&[("alertname", "HighLatency"), ("service", "api")]);
        assert!(!inhibited(&rules, &with_service, &[down]));
    }

    #[test]
    fn alerts_matching_both_sides_do_not_inhibit_each_other() {
        // ServiceDown matches both sides of this rule: another ServiceDown does not mute it.
        let rules = [rule(
            &["alertname=ServiceDown"],
            &["service=~\".*\""],
            &["service"],
        )];
        let a = labels(&[
            ("alertname", "ServiceDown"),
            ("service", "api"),
            ("instance", "1"),
        ]);
        let b = labels(&[
            ("alertname", "ServiceDown"),
            ("service", "api"),
            ("instance", "2"),
        ]);
        assert!(!inhibited(&rules, &a, &[b]));
    }
}
