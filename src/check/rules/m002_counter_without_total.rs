//! M002: a counter whose name does not end in `_total`.

use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::{Severity, SpecPath};
use crate::spec::MetricType;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "M002",
        name: "counter-without-total",
        family: Family::Metrics,
        severity: Severity::Warning,
        summary: "A counter whose name does not end in _total.",
        explanation: "Prometheus naming conventions (and OpenMetrics) give counters the `_total` suffix, so a reader knows `rate()` applies; OpenMetrics exposition appends it anyway, so the name queried would differ from the one defined.\n\nBad:\n```yaml\n- {name: http_requests, type: counter}\n```\nGood:\n```yaml\n- {name: http_requests_total, type: counter}\n```",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    for (i, metric) in ctx.model.spec.metrics.iter().enumerate() {
        let name = metric.full_name();
        if metric.kind == MetricType::Counter && !name.ends_with("_total") {
            out.report(
                SpecPath::root().key("metrics").index(i).key("name"),
                format!("counter `{name}` does not end in _total"),
            )
            .help = Some(format!("rename it to `{name}_total`"));
        }
    }
}
