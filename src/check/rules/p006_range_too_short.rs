//! P006: a range selector shorter than twice the scrape interval.

use super::each::{at_token, rules};
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::promql::{find_metric, Event};

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "P006",
        name: "range-too-short",
        family: Family::PromQl,
        severity: Severity::Warning,
        summary: "A range shorter than twice the scrape interval of the series.",
        explanation: "rate() and friends need at least two samples in the range. With a range below twice the scrape interval, a single late or failed scrape leaves one sample and the result disappears (alerts flap, graphs have gaps). Four times the interval is the usual advice.\n\nBad (scraped every 60s):\n```yaml\nexpr: rate(http_requests_total[1m]) > 1\n```\nGood:\n```yaml\nexpr: rate(http_requests_total[4m]) > 1\n```",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    for site in rules(ctx) {
        let expr = site.rule.expr.as_str();
        for event in site.events() {
            if let Event::ShortRange {
                metric,
                range,
                scrape_interval,
            } = event
            {
                let d = out.report(
                    site.expr_path(),
                    format!("range [{range}] over `{metric}` is shorter than twice its scrape interval ({scrape_interval})"),
                );
                let suggested = crate::spec::Duration {
                    millis: scrape_interval.millis * 4,
                };
                d.help = Some(format!("use a range of at least 2x the scrape interval; 4x ([{suggested}]) tolerates a missed scrape"));
                at_token(d, find_metric(expr, metric));
            }
        }
    }
}
