//! G004: a panel query matching on a label its series never have.

use super::panels::events;
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::promql::Event;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "G004",
        name: "panel-matcher-on-absent-label",
        family: Family::Dashboards,
        severity: Severity::Error,
        summary: "A panel query matches on a label the metric never has.",
        explanation: "As for alerts (P002): a matcher on a label the selected series never carry (and that cannot match the empty value) selects nothing, so the panel stays empty.\n\nBad:\n```yaml\ntargets:\n  - expr: sum(rate(http_requests_total{status=\"500\"}[5m]))   # the label is status_code\n```\nGood:\n```yaml\ntargets:\n  - expr: sum(rate(http_requests_total{status_code=\"500\"}[5m]))\n```",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    for (path, place, event) in events(ctx) {
        if let Event::MatcherOnAbsentLabel {
            metric,
            label,
            value,
        } = event
        {
            let d = out.report(
                path.clone(),
                format!("{place}: `{metric}` never has label `{label}`, so `{label}` matching \"{value}\" selects nothing"),
            );
            d.help = Some(format!(
                "`{metric}`'s labels are listed in the catalog; match one of those"
            ));
        }
    }
}
