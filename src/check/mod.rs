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

/// Every finding of every enabled rule about the model, at the configured levels.
pub fn check(model: &Model) -> Vec<Diagnostic> {
    let settings = &model.spec.lint;
    let ctx = Context {
        model,
        required_annotations: settings
            .required_annotations
            .clone()
            .unwrap_or_else(|| vec!["summary".into(), "description".into()]),
    };
    let mut out = Vec::new();
    for rule in registry() {
        let level = settings
            .rules
            .iter()
            .find(|(key, _)| {
                key.eq_ignore_ascii_case(rule.meta.code) || key.as_str() == rule.meta.name
            })
            .map(|(_, level)| *level);
        let severity = match level {
            Some(RuleLevel::Off) => continue,
            Some(RuleLevel::Error) => Severity::Error,
            Some(RuleLevel::Warning) => Severity::Warning,
            Some(RuleLevel::Info) => Severity::Info,
            None => rule.meta.severity,
        };
        let mut findings = Findings::new(&rule.meta);
        (rule.run)(&ctx, &mut findings);
        for mut d in findings.out {
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
