//! P005: histogram_quantile over series without the `le` label.

use super::each::{at_token, rules};
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::promql::{find_word, Event};

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "P005",
        name: "quantile-without-le",
        family: Family::PromQl,
        severity: Severity::Error,
        summary: "histogram_quantile over series without the le label.",
        explanation: "histogram_quantile reads the bucket boundaries from `le`. Its input must be `_bucket` series, and an aggregation before it must keep `le`; otherwise the result is empty.\n\nBad:\n```yaml\nexpr: histogram_quantile(0.95, sum by (job) (rate(http_request_duration_seconds_bucket[5m])))\n```\nGood:\n```yaml\nexpr: histogram_quantile(0.95, sum by (job, le) (rate(http_request_duration_seconds_bucket[5m])))\n```",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    for site in rules(ctx) {
        let expr = site.rule.expr.as_str();
        for event in site.events() {
            if let Event::QuantileWithoutLe { metrics } = event {
                let from = if metrics.is_empty() {
                    String::new()
                } else {
                    format!(" (from `{}`)", metrics.join("`, `"))
                };
                let d = out.report(
                    site.expr_path(),
                    format!("histogram_quantile's input has no `le` label{from}"),
                );
                d.help = Some("select the `_bucket` series and keep `le` in every aggregation: sum by (le, ...)".into());
                at_token(d, find_word(expr, "histogram_quantile"));
            }
        }
    }
}
