//! T003: an alert without the annotations every alert should carry.

use super::each::rules;
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::Severity;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "T003",
        name: "missing-annotation",
        family: Family::Templates,
        severity: Severity::Warning,
        summary: "An alert lacks a required annotation (summary, description, runbook_url...).",
        explanation: "Whoever is paged needs to know what broke and what to do. The annotations every alert must carry are set with `lint.required_annotations` (default: summary and description; add runbook_url to require runbooks). An empty value counts as missing.\n\nBad:\n```yaml\n- alert: HighLatency\n  expr: ...\n```\nGood:\n```yaml\n- alert: HighLatency\n  expr: ...\n  annotations:\n    summary: \"p95 latency above 2s on {{ $labels.job }}\"\n    description: \"...\"\n    runbook_url: https://runbooks.example/HighLatency\n```",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    for site in rules(ctx) {
        let Some(alert) = &site.rule.alert else {
            continue;
        };
        for required in &ctx.required_annotations {
            let present = site
                .rule
                .annotations
                .get(required)
                .is_some_and(|v| !v.trim().is_empty());
            if !present {
                out.report(
                    site.path(),
                    format!("alert `{alert}` has no `{required}` annotation"),
                )
                .help = Some(format!("add annotations.{required}"));
            }
        }
    }
}
