//! G003: a panel query selecting a metric that is nowhere in the catalog.

use super::panels::events;
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::promql::{Event, SeriesSource};
use crate::suggest::Suggester;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "G003",
        name: "panel-unknown-metric",
        family: Family::Dashboards,
        severity: Severity::Warning,
        summary: "A panel queries a metric that is not in the catalog.",
        explanation: "Panel queries are analysed like alert expressions (P001). A selector naming a metric the catalog does not know shows \"No data\" for ever, most often because of a typo or a renamed metric.\n\nBad:\n```yaml\ntargets:\n  - expr: rate(http_request_total[5m])\n```\nGood:\n```yaml\ntargets:\n  - expr: rate(http_requests_total[5m])\n```\nFix: correct the name, add the metric to `metrics:`, or opt its scrape job into the pack that defines it.",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let suggester = Suggester::new(ctx.model.catalog.iter().map(|e| e.name.as_str()));
    for (path, place, event) in events(ctx) {
        if let Event::Selector { metric, info } = event {
            if info.source == SeriesSource::Unknown {
                let d = out.report(
                    path.clone(),
                    format!("{place}: metric `{metric}` is not in the catalog"),
                );
                d.help = Some(match suggester.suggest(metric) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => "add it to `metrics:`, or opt its scrape job into the catalog pack that defines it".into(),
                });
            }
        }
    }
}
