//! P002: a label matcher on a label the selected series never carry.

use super::each::{at_token, rules};
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::promql::{find_matcher, Event};

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "P002",
        name: "matcher-on-absent-label",
        family: Family::PromQl,
        severity: Severity::Error,
        summary: "A selector matches on a label its series never have, so it selects nothing.",
        explanation: "The series' labels are known: the metric's own labels from the catalog, plus `job`, `instance` and whatever the scrape job's relabel_configs set (and metric_relabel_configs keep). A matcher that requires a value on any other label matches no series, and an alert built on it can never fire.\n\nBad (orders_created_total has labels category and payment_method):\n```yaml\nexpr: sum(rate(orders_created_total{status=\"failed\"}[10m])) > 0\n```\nGood: match a label the metric has, or count failures with a metric that carries a status:\n```yaml\nexpr: sum(rate(payment_processed_total{status=\"failed\"}[10m])) > 0\n```",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    for site in rules(ctx) {
        let expr = site.rule.expr.as_str();
        for event in site.events() {
            if let Event::MatcherOnAbsentLabel {
                metric,
                label,
                value,
            } = event
            {
                let d = out.report(
                    site.expr_path(),
                    format!("`{metric}` never has label `{label}`, so `{label}` matching \"{value}\" selects nothing"),
                );
                d.help = Some(format!(
                    "`{metric}`'s labels are listed in the catalog; match one of those"
                ));
                at_token(d, find_matcher(expr, Some(metric), label));
            }
        }
    }
}
