//! O002: a latency SLI's threshold that is not one of the histogram's bucket bounds.

use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::spec::MetricType;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "O002",
        name: "threshold-not-a-bucket",
        family: Family::Slos,
        severity: Severity::Error,
        summary: "A latency SLO's threshold is not a bucket of its histogram, or the metric is not a histogram of the catalog.",
        explanation: "A latency SLI counts the events slower than the threshold as `count - bucket{le=threshold}`. That series exists only when the threshold is one of the histogram's bucket bounds; otherwise the bad events cannot be counted exactly (the recording rule returns nothing and the SLO looks perfect).\n\nBad:\n```yaml\nlatency: {metric: http_request_duration_seconds, threshold: 300ms}   # buckets 0.1, 0.25, 0.5, 1\n```\nGood:\n```yaml\nlatency: {metric: http_request_duration_seconds, threshold: 250ms}\n```\nFix: pick a bucket bound, or add the bound to the histogram's buckets in the code and the catalog.",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    for r in &ctx.model.slos.slos {
        let slo = r.slo();
        let Some(latency) = &slo.sli.latency else {
            continue;
        };
        let path = r.path().key("sli").key("latency");
        let name = &latency.metric.0;
        let Some(entry) = ctx.model.metric(name) else {
            out.report(
                path.key("metric"),
                format!(
                    "SLO `{}` reads histogram `{name}`, which is not in the catalog",
                    r.id
                ),
            )
            .help = Some(
                "add the histogram to `metrics:` with its buckets, or name one that is there"
                    .into(),
            );
            continue;
        };
        if entry.metric.kind != MetricType::Histogram {
            out.report(
                path.key("metric"),
                format!(
                    "SLO `{}` reads `{name}`, a {:?} and not a histogram",
                    r.id, entry.metric.kind
                ),
            )
            .help = Some("a latency SLI needs a histogram's `_bucket` and `_count` series".into());
            continue;
        }
        let threshold = latency.threshold.as_secs_f64();
        let Some(buckets) = &entry.metric.buckets else {
            continue;
        };
        if !buckets
            .iter()
            .any(|b| (b - threshold).abs() <= 1e-9 * threshold.max(1.0))
        {
            let list: Vec<String> = buckets.iter().map(|b| format!("{b}")).collect();
            out.report(
                path.key("threshold"),
                format!(
                    "SLO `{}`: threshold {}s is not a bucket of `{name}`; its buckets are {}",
                    r.id,
                    threshold,
                    list.join(", ")
                ),
            )
            .help = Some(
                "pick one of the buckets as the threshold, or add it to the histogram's buckets"
                    .into(),
            );
        }
    }
}
