//! O005: an SLI whose queries select metrics or labels the catalog does not have.

use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::promql::{Event, SeriesSource};

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "O005",
        name: "sli-unknown-series",
        family: Family::Slos,
        severity: Severity::Warning,
        summary: "An SLI reads a metric or a label that is not in the catalog.",
        explanation: "An SLI over a metric nobody exposes, or filtered on a label its series never have, returns nothing: the error ratio is empty, the burn-rate alerts never fire and the SLO looks met. The queries are analysed against the catalog like any rule.\n\nBad:\n```yaml\nerror_query: sum(rate(http_requests_total{code=~\"5..\"}[{{.window}}]))   # the label is status_code\n```\nGood:\n```yaml\nerror_query: sum(rate(http_requests_total{status_code=~\"5..\"}[{{.window}}]))\n```",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    for r in &ctx.model.slos.slos {
        let mut seen = Vec::new();
        for a in &r.analyses {
            for event in &a.analysis.events {
                let message = match event {
                    Event::Selector { metric, info } if info.source == SeriesSource::Unknown => {
                        format!(
                            "SLO `{}` reads metric `{metric}`, which is not in the catalog",
                            r.id
                        )
                    }
                    Event::MatcherOnAbsentLabel { metric, label, .. } => {
                        format!(
                            "SLO `{}` matches on label `{label}`, which `{metric}` never has",
                            r.id
                        )
                    }
                    _ => continue,
                };
                if seen.contains(&message) {
                    continue;
                }
                seen.push(message.clone());
                out.report(a.path.clone(), message).help = Some(
                    "use the catalog's metric and label names (`monctl check` lists them), or add the metric to `metrics:`".into(),
                );
            }
        }
    }
}
