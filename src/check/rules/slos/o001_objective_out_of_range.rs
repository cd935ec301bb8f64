//! O001: an SLO's objective outside (0, 100).

use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::Severity;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "O001",
        name: "objective-out-of-range",
        family: Family::Slos,
        severity: Severity::Error,
        summary: "An SLO's objective is not a percentage strictly between 0 and 100.",
        explanation: "The objective is the percentage of good events. At 100 the error budget is zero: every burn-rate threshold is 0 and the alerts fire on the first bad event; at 0 or below, or above 100, the budget is meaningless. A ratio (0.999) given where a percentage is expected is the usual slip.\n\nBad:\n```yaml\nobjective: 0.999\n```\n(0.999% good events: almost everything may fail.)\n\nBad:\n```yaml\nobjective: 100\n```\nGood:\n```yaml\nobjective: 99.9\n```",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    for r in &ctx.model.slos.slos {
        let slo = r.slo();
        let o = slo.objective;
        if !(o > 0.0 && o < 100.0) {
            out.report(
                r.path().key("objective"),
                format!("SLO `{}` has objective {o}, outside (0, 100)", r.id),
            )
            .help = Some(
                "give the percentage of good events, such as 99.9 (not the ratio 0.999, not 100)"
                    .into(),
            );
        } else if o < 1.0 {
            out.report(
                r.path().key("objective"),
                format!(
                    "SLO `{}` has objective {o}%: did you mean {}%?",
                    r.id,
                    o * 100.0
                ),
            )
            .help = Some("the objective is a percentage: 99.9 means 99.9% good events".into());
        }
    }
}
