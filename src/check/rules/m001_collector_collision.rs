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

/// The jobs of `metric` (by name) that already opt into `pack`.
fn jobs_with_pack<'a>(ctx: &'a Context, jobs: &'a [String], pack: &str) -> Vec<&'a str> {
    ctx.model
        .spec
        .scrape
        .jobs
        .iter()
        .filter(|j| jobs.contains(&j.job_name) && j.packs.iter().any(|p| p == pack))
        .map(|j| j.job_name.as_str())
        .collect()
}

/// Advice that fits the case: a duplicate of a series the job's pack already catalogs is
/// removed (client_golang panics registering it twice); a series the pack does not know is
/// renamed; a job without the pack opts into it.
fn advice(name: &str, prefix: &str, pack: &str, with_pack: &[&str], standard: bool) -> String {
    let jobs = with_pack
        .iter()
        .map(|j| format!("`{j}`"))
        .collect::<Vec<_>>()
        .join(", ");
    match (with_pack.is_empty(), standard) {
        (false, true) => format!(
            "job {jobs} already uses the `{pack}` pack, which catalogs `{name}`: remove this duplicate (the application must not register it either: client_golang's MustRegister panics with \"duplicate metrics collector registration attempted\" when a second collector describes the same series)"
        ),
        (false, false) => format!(
            "job {jobs} uses the `{pack}` pack for the standard `{prefix}*` series; `{name}` is not one of them: name it under the service's own namespace so it cannot collide with a collector's series"
        ),
        (true, true) => format!(
            "`{name}` is a standard series of the `{pack}` collector: remove it from the catalog and add the bundled `{pack}` pack to the job instead"
        ),
        (true, false) => format!(
            "name the metric under the service's own namespace, or, for the standard series, use the bundled `{pack}` pack on the scrape job"
        ),
    }
}

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
            let standard = crate::catalog::pack(pack).is_some_and(|p| {
                p.metrics.iter().any(|m| m.full_name() == name)
                    || p.families.iter().any(|f| name.starts_with(&f.prefix))
            });
            let with_pack = jobs_with_pack(ctx, &metric.jobs, pack);
            out.report(
                SpecPath::root().key("metrics").index(i).key("name"),
                format!(
                    "`{name}` collides with the standard `{prefix}*` collector of client libraries"
                ),
            )
            .help = Some(advice(&name, prefix, pack, &with_pack, standard));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_advice_fits_the_case() {
        let dup = advice("go_goroutines", "go_", "go-runtime", &["shop"], true);
        assert!(
            dup.contains("already uses the `go-runtime` pack")
                && dup.contains("remove this duplicate")
        );
        assert!(dup.contains("panics"));
        let own = advice("go_shop_things", "go_", "go-runtime", &["shop"], false);
        assert!(own.contains("not one of them") && own.contains("own namespace"));
        let no_pack = advice("go_goroutines", "go_", "go-runtime", &[], true);
        assert!(no_pack.contains("add the bundled `go-runtime` pack"));
        let neither = advice("process_thing", "process_", "process", &[], false);
        assert!(neither.contains("own namespace"));
    }
}
