//! M001: a catalog metric named like the Go client's default collectors (go_*, process_*).

use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::{Severity, SpecPath};

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "M001",
        name: "collector-collision",
        family: Family::Metrics,
        severity: Severity::Warning,
        summary: "A metric named like a standard collector's (go_*, process_*).",
        explanation: "client_golang registers the Go runtime (`go_*`) and process (`process_*`) collectors by default. A service defining its own metrics with those prefixes either fails to register (duplicate descriptor) or shadows the standard series dashboards rely on.\n\nBad:\n```yaml\nmetrics:\n  - {namespace: go, name: goroutines, type: gauge}\n```\nGood: opt the job into the bundled pack instead:\n```yaml\nscrape:\n  jobs:\n    - job_name: shop\n      packs: [go-runtime, process]\n```\nFix: remove the metric, or rename it under the service's own namespace.",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    for (i, metric) in ctx.model.spec.metrics.iter().enumerate() {
        let name = metric.full_name();
        if let Some(prefix) = ["go_", "process_"]
            .into_iter()
            .find(|p| name.starts_with(p))
        {
            let pack = if prefix == "go_" {
                "go-runtime"
            } else {
                "process"
            };
            out.report(
                SpecPath::root().key("metrics").index(i).key("name"),
                format!("`{name}` collides with the standard `{prefix}*` collector of client libraries"),
            )
            .help = Some(format!("use the bundled `{pack}` pack on the scrape job, or name the metric under the service's namespace"));
        }
    }
}
