//! P004: rate/irate/increase/resets applied to a gauge.

use super::each::{at_token, rules};
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::promql::{find_word, Event};

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "P004",
        name: "counter-function-on-gauge",
        family: Family::PromQl,
        severity: Severity::Warning,
        summary: "rate, irate, increase or resets applied to a gauge.",
        explanation: "These functions assume a counter: every decrease is taken for a counter reset and compensated, so on a gauge that goes down they return nonsense.\n\nBad:\n```yaml\nexpr: rate(queue_length[5m]) > 10\n```\nGood: use the gauge functions:\n```yaml\nexpr: deriv(queue_length[5m]) > 10\n```\n(`delta`, `deriv`, `avg_over_time` and friends work on gauges.)",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    for site in rules(ctx) {
        let expr = site.rule.expr.as_str();
        for event in site.events() {
            if let Event::CounterFunctionOnGauge { function, metric } = event {
                let d = out.report(
                    site.expr_path(),
                    format!("`{function}` over gauge `{metric}`"),
                );
                d.help = Some("use delta(), deriv() or an *_over_time function on gauges".into());
                at_token(d, find_word(expr, function));
            }
        }
    }
}
