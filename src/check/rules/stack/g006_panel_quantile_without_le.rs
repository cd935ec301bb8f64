//! G006: histogram_quantile in a panel query over series without `le`.

use super::panels::events;
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::promql::Event;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "G006",
        name: "panel-quantile-without-le",
        family: Family::Dashboards,
        severity: Severity::Error,
        summary: "A panel's histogram_quantile has no le label in its input.",
        explanation: "As for alerts (P005): histogram_quantile reads the bucket bounds from `le`; an aggregation that drops it leaves the panel empty.\n\nBad:\n```yaml\ntargets:\n  - expr: histogram_quantile(0.95, sum by (job) (rate(http_request_duration_seconds_bucket[5m])))\n```\nGood:\n```yaml\ntargets:\n  - expr: histogram_quantile(0.95, sum by (job, le) (rate(http_request_duration_seconds_bucket[5m])))\n```",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    for (path, place, event) in events(ctx) {
        if let Event::QuantileWithoutLe { .. } = event {
            let d = out.report(
                path.clone(),
                format!("{place}: histogram_quantile's input has no `le` label"),
            );
            d.help = Some(
                "select the `_bucket` series and keep `le` in every aggregation: sum by (le, ...)"
                    .into(),
            );
        }
    }
}
