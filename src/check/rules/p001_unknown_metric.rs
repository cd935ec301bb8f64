//! P001: a selector naming a metric that is nowhere in the catalog.

use super::each::{at_token, rules};
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::promql::{find_metric, Event, SeriesSource};
use crate::suggest::Suggester;
use std::collections::HashMap;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "P001",
        name: "unknown-metric",
        family: Family::PromQl,
        severity: Severity::Warning,
        summary: "A rule selects a metric that is not in the catalog.",
        explanation: "monctl knows the metrics the spec's catalog defines, those of the catalog packs the scrape jobs opt into, the series Prometheus adds per target (`up`, `scrape_*`) and the series recording rules write. A selector naming anything else returns nothing: an alert on it never fires, often because of a typo or a renamed metric.\n\nBad:\n```yaml\nexpr: rate(http_request_total[5m]) > 1\n```\nGood:\n```yaml\nexpr: rate(http_requests_total[5m]) > 1\n```\nFix: correct the name, add the metric to the catalog, or opt the job into the pack that defines it.",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let suggester = Suggester::new(ctx.model.catalog.iter().map(|e| e.name.as_str()));
    let mut suggestions: HashMap<String, Option<&str>> = HashMap::new();
    for site in rules(ctx) {
        let expr = site.rule.expr.as_str();
        let mut seen = Vec::new();
        for event in site.events() {
            if let Event::Selector { metric, info } = event {
                if info.source == SeriesSource::Unknown && !seen.contains(metric) {
                    seen.push(metric.clone());
                    let d = out.report(
                        site.expr_path(),
                        format!("metric `{metric}` is not in the catalog"),
                    );
                    let suggestion = *suggestions
                        .entry(metric.clone())
                        .or_insert_with(|| suggester.suggest(metric));
                    d.help = Some(match suggestion {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => "add it to `metrics:`, or opt its scrape job into the catalog pack that defines it".into(),
                    });
                    at_token(d, find_metric(expr, metric));
                }
            }
        }
    }
}
