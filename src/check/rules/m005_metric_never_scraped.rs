//! M005: a catalog metric that no scrape job collects.

use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::{Severity, SpecPath};

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "M005",
        name: "metric-never-scraped",
        family: Family::Metrics,
        severity: Severity::Warning,
        summary: "A metric of the catalog that no scrape job collects.",
        explanation: "A metric's `jobs` say which scrape jobs expose it. With none, no rule or dashboard over it can see data, and monctl cannot know its target labels.\n\nBad:\n```yaml\nmetrics:\n  - {name: orders_total, type: counter}\n```\nGood:\n```yaml\nmetrics:\n  - {name: orders_total, type: counter, jobs: [shop]}\n```",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    for (i, metric) in ctx.model.spec.metrics.iter().enumerate() {
        if metric.jobs.is_empty() {
            out.report(
                SpecPath::root().key("metrics").index(i),
                format!("no scrape job collects `{}`", metric.full_name()),
            )
            .help = Some("list the scrape jobs that expose it under `jobs:`".into());
        }
    }
}
