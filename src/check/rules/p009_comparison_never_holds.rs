//! P009: a comparison the value can never satisfy (`up > 1`, a rate below zero).

use super::each::rules;
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::promql::Event;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "P009",
        name: "comparison-never-holds",
        family: Family::PromQl,
        severity: Severity::Error,
        summary: "A comparison that the compared value can never satisfy.",
        explanation: "Some values are bounded: `up` is 0 or 1, rates, counts and increases are never negative, a `bool` comparison is 0 or 1. A comparison outside those bounds never holds, so the alert never fires.\n\nBad:\n```yaml\nexpr: up > 1\nexpr: rate(errors_total[5m]) < 0\n```\nGood:\n```yaml\nexpr: up == 0\n```",
    },
    run,
};

fn bound(v: f64) -> String {
    if v.is_infinite() {
        if v > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        }
    } else {
        format!("{v}")
    }
}

fn run(ctx: &Context, out: &mut Findings) {
    for site in rules(ctx) {
        for event in site.events() {
            if let Event::ComparisonNeverHolds {
                op,
                threshold,
                low,
                high,
            } = event
            {
                out.report(
                    site.expr_path(),
                    format!(
                        "`{op} {threshold}` never holds: the value is always between {} and {}",
                        bound(*low),
                        bound(*high)
                    ),
                )
                .help = Some("compare with a threshold inside the value's range".into());
            }
        }
    }
}
