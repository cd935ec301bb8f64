//! P011: an alert's `for` shorter than its group's evaluation interval.

use super::each::rules;
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::Severity;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "P011",
        name: "for-shorter-than-interval",
        family: Family::PromQl,
        severity: Severity::Warning,
        summary: "An alert's `for` is shorter than its evaluation interval.",
        explanation: "Alerts are evaluated once per interval, so a `for` below the interval behaves like the interval itself (and a `for` of 1m with a 2m interval fires on the second evaluation, after 2m). Say what actually happens.\n\nBad (evaluation_interval 1m):\n```yaml\nfor: 30s\n```\nGood:\n```yaml\nfor: 1m\n```",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let global = ctx.model.spec.scrape.global.effective_evaluation_interval();
    for site in rules(ctx) {
        let (Some(_), Some(for_)) = (&site.rule.alert, site.rule.for_) else {
            continue;
        };
        let interval = site.group.interval.unwrap_or(global);
        if for_.millis > 0 && for_ < interval {
            out.report(
                site.path().key("for"),
                format!("`for: {for_}` is shorter than the evaluation interval ({interval})"),
            )
            .help = Some(format!(
                "use `for: {interval}` or more, or `for: 0s` to fire on the first evaluation"
            ));
        }
    }
}
