//! P003: `by`, `without`, `on`, `ignoring` or `group_*` naming a label the input never has. An
//! error when something downstream reads the label (the alert's templates, a route, an inhibit
//! rule), named in the message; otherwise a note: the grouping is harmless PromQL (rules written
//! to be portable across clusters group by `cluster` everywhere).

use super::downstream::RoutingUses;
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
        summary: "An aggregation or vector match groups by a label its input never has, and something downstream reads it.",
        explanation: "`sum by (service)` over series without a `service` label yields one series with no `service` at all: the alert loses the dimension it was meant to split by, and `{{ $labels.service }}` renders empty. `on (x)` over sides without `x` matches everything with everything.\n\nIt is an error when the label is read downstream: by the alert's own label or annotation templates, by a route's matchers or `group_by`, or by an inhibit rule's matchers or `equal` (the message names the use, and points at it as a related location). Otherwise it is only a note: grouping by an absent label yields one group with the label empty, which is harmless, and rule sets written to run on many setups (`by (cluster)`, `on (namespace)`) do it on purpose. A label is only called absent when the spec says how the job's targets are discovered and relabeled; a job with no discovery stated may carry any label.\n\nBad (mall_go_http_requests_total has method, endpoint, status_code, job, instance):\n```yaml\nexpr: sum(rate(mall_go_http_requests_total[5m])) by (service)\n```\nGood:\n```yaml\nexpr: sum(rate(mall_go_http_requests_total[5m])) by (job)\n```\nFix: group by a label the series carry, or add the label (relabel_configs, or in the code).",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let routing = RoutingUses::new(ctx);
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
                let uses = routing.uses(&site, label);
                match uses.first() {
                    Some(first) => {
                        d.message.push_str(&format!(
                            ", and {} reads it{}",
                            first.what,
                            match uses.len() {
                                1 => String::new(),
                                n => format!(" (and {} more places)", n - 1),
                            }
                        ));
                        d.related_paths = uses.iter().map(|u| u.path.clone()).collect();
                        d.help = Some(format!(
                            "group by labels the series carry, or give the series `{label}` (relabel_configs, or in the code); {from} has no `{label}`"
                        ));
                    }
                    None => {
                        d.severity = Severity::Info;
                        d.help = Some(format!(
                            "harmless as written (one group with `{label}` empty); nothing downstream reads `{label}`"
                        ));
                    }
                }
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
