//! The lint engine: a registry of rules, one per file under rules/, each with a stable code and
//! documentation. Running it applies the spec's lint settings (a rule's level changed or turned
//! off) and inline ignores (which must give a reason).

mod ignores;
mod registry;
mod rule;
pub mod rules;

pub use registry::{find_rule, registry};
pub use rule::{Context, Family, Findings, Rule, RuleMeta};

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Model;
use crate::spec::RuleLevel;
use crate::workers::{self, InOrder, Workers};

/// Every finding of every enabled rule about the model, at the configured levels.
pub fn check(model: &Model) -> Vec<Diagnostic> {
    check_with(model, &InOrder)
}

/// [`check`], with the lint rules run by `workers` (each rule on its own; reported in the
/// registry's order).
pub fn check_with(model: &Model, workers: &dyn Workers) -> Vec<Diagnostic> {
    let settings = &model.spec.lint;
    let ctx = Context {
        model,
        required_annotations: settings
            .required_annotations
            .clone()
            .unwrap_or_else(|| vec!["summary".into(), "description".into()]),
    };
    // The enabled rules with the severity their findings get.
    let rules: Vec<(&Rule, Severity)> = registry()
        .filter_map(|rule| {
            let level = settings
                .rules
                .iter()
                .find(|(key, _)| {
                    key.eq_ignore_ascii_case(rule.meta.code) || key.as_str() == rule.meta.name
                })
                .map(|(_, level)| *level);
            let severity = match level {
                Some(RuleLevel::Off) => return None,
                Some(RuleLevel::Error) => Severity::Error,
                Some(RuleLevel::Warning) => Severity::Warning,
                Some(RuleLevel::Info) => Severity::Info,
                None => rule.meta.severity,
            };
            Some((rule, severity))
        })
        .collect();
    let found = workers::map(workers, rules.len(), |i| {
        let mut findings = Findings::new(&rules[i].0.meta);
        (rules[i].0.run)(&ctx, &mut findings);
        findings.out
    });
    let mut out = Vec::new();
    for ((rule, severity), findings) in rules.into_iter().zip(found) {
        for mut d in findings {
            // A rule may report some findings more quietly than its level (a note where the
            // defect is harmless); those keep their own severity.
            if d.severity == rule.meta.severity {
                d.severity = severity;
            } else {
                d.severity = d.severity.max(severity);
            }
            out.push(d);
        }
    }
    out.extend(ignores::unknown_rules_in_settings(&model.spec));
    ignores::apply(&model.spec, out)
}
