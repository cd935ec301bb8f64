//! P007: a rule selects a metric that no scrape job collects.

use super::each::{at_token, rules};
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::promql::{find_metric, Event, SeriesSource};

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "P007",
        name: "metric-not-scraped",
        family: Family::PromQl,
        severity: Severity::Error,
        summary: "A rule selects a metric that no scrape job collects.",
        explanation: "The metric is known — defined in the catalog or in a bundled catalog pack — but none of the spec's scrape jobs collects it, so the selector returns nothing and an alert on it never fires. This typically happens when an exporter is deployed but never added to prometheus.yml. A spec with no scrape jobs at all (a rule set checked on its own) is not checked for this.\n\nBad (no job scrapes an Elasticsearch exporter):\n```yaml\nexpr: elasticsearch_cluster_health_status{color=\"red\"} == 1\n```\nGood:\n```yaml\nscrape:\n  jobs:\n    - job_name: elasticsearch-exporter\n      packs: [elasticsearch-exporter]\n      static_configs: [{targets: ['elasticsearch-exporter:9114']}]\n```",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    // A spec without scrape jobs (a rule set checked on its own) says nothing about what is
    // scraped: there is nothing to compare the selectors with.
    if ctx.model.spec.scrape.jobs.is_empty() {
        return;
    }
    for site in rules(ctx) {
        let expr = site.rule.expr.as_str();
        let mut seen = Vec::new();
        for event in site.events() {
            let Event::Selector { metric, info } = event else {
                continue;
            };
            let help = match &info.source {
                SeriesSource::PackNotScraped { pack } => format!(
                    "`{metric}` comes from the `{pack}` catalog pack: add a scrape job for that exporter with `packs: [{pack}]`"
                ),
                SeriesSource::NotScraped => format!("list the scrape jobs that expose `{metric}` under its `jobs:` in the catalog"),
                _ => continue,
            };
            if seen.contains(metric) {
                continue;
            }
            seen.push(metric.clone());
            let d = out.report(
                site.expr_path(),
                format!("no scrape job collects `{metric}`"),
            );
            d.help = Some(help);
            at_token(d, find_metric(expr, metric));
        }
    }
}
