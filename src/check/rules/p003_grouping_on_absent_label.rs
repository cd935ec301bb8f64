//! P003: `by`, `without`, `on`, `ignoring` or `group_*` naming a label the input never has.

use super::each::{at_token, rules};
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::promql::{find_grouping_label_nth, Event};

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "P003",
        name: "grouping-on-absent-label",
        family: Family::PromQl,
        severity: Severity::Error,
        summary: "An aggregation or vector match groups by a label its input never has.",
        explanation: "`sum by (service)` over series without a `service` label yields one series with no `service` at all: the alert loses the dimension it was meant to split by, and `{{ $labels.service }}` renders empty. `on (x)` over sides without `x` matches everything with everything.\n\nBad (mall_go_http_requests_total has method, endpoint, status_code, job, instance):\n```yaml\nexpr: sum(rate(mall_go_http_requests_total[5m])) by (service)\n```\nGood:\n```yaml\nexpr: sum(rate(mall_go_http_requests_total[5m])) by (job)\n```\nFix: group by a label the series carry, or add the label (relabel_configs, or in the code).",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    for site in rules(ctx) {
        let expr = site.rule.expr.as_str();
        let mut seen: Vec<(&str, &str)> = Vec::new();
        for event in site.events() {
            if let Event::GroupingOnAbsentLabel {
                clause,
                label,
                metrics,
                reduced_by,
            } = event
            {
                let from = match (reduced_by, metrics.is_empty()) {
                    (Some(op), _) => format!("the result of `{op}`"),
                    (None, true) => "its input".to_string(),
                    (None, false) => format!("`{}`", metrics.join("`, `")),
                };
                let d = out.report(
                    site.expr_path(),
                    format!(
                        "`{} ({label})`: {from} never has label `{label}`",
                        clause.keyword()
                    ),
                );
                d.help = Some(format!(
                    "group by labels the series carry; {from} has no `{label}`"
                ));
                let nth = seen
                    .iter()
                    .filter(|(c, l)| *c == clause.keyword() && *l == label.as_str())
                    .count();
                seen.push((clause.keyword(), label.as_str()));
                at_token(
                    d,
                    find_grouping_label_nth(expr, &[clause.keyword()], label, nth),
                );
            }
        }
    }
}
