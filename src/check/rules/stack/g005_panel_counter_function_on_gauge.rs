//! G005: rate/irate/increase over a gauge in a panel query.

use super::panels::events;
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::promql::Event;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "G005",
        name: "panel-counter-function-on-gauge",
        family: Family::Dashboards,
        severity: Severity::Warning,
        summary: "A panel query applies rate/irate/increase to a gauge.",
        explanation: "As for alerts (P004): rate() treats every decrease as a counter reset, so over a gauge it draws nonsense.\n\nBad:\n```yaml\ntargets:\n  - expr: rate(queue_length[5m])\n```\nGood:\n```yaml\ntargets:\n  - expr: deriv(queue_length[5m])\n```",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    for (path, place, event) in events(ctx) {
        if let Event::CounterFunctionOnGauge { function, metric } = event {
            let d = out.report(
                path.clone(),
                format!("{place}: `{function}` over gauge `{metric}`"),
            );
            d.help = Some("use delta(), deriv() or an *_over_time function on gauges".into());
        }
    }
}
