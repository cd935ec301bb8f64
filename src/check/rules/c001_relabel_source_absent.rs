//! C001: a relabel rule reading labels that never exist for the job's targets.

use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::{Severity, SpecPath};
use crate::model::{discovered, relabel_step};

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "C001",
        name: "relabel-source-absent",
        family: Family::Scrape,
        severity: Severity::Warning,
        summary: "A relabel rule reads labels the job's targets never have.",
        explanation: "Each service discovery mechanism attaches its own `__meta_*` labels: `__meta_kubernetes_pod_name` exists only for Kubernetes pod (or endpoints) discovery, `__meta_filepath` only for file_sd. A relabel rule whose source labels never exist reads empty values: a `replace` sets nothing, a `keep` drops every target.\n\nBad (a static job):\n```yaml\n- job_name: shop\n  static_configs: [{targets: ['shop:8080']}]\n  relabel_configs:\n    - {source_labels: [__meta_kubernetes_pod_name], target_label: pod}\n```\nGood: discover the targets with the mechanism that provides the labels:\n```yaml\n- job_name: shop\n  kubernetes_sd_configs: [{role: pod}]\n  relabel_configs:\n    - {source_labels: [__meta_kubernetes_pod_name], target_label: pod}\n```",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    for (i, job) in ctx.model.spec.scrape.jobs.iter().enumerate() {
        let mut space = discovered(job);
        for (r, rule) in job.relabel_configs.iter().enumerate() {
            if !space.open {
                let absent: Vec<&str> = rule
                    .source_labels
                    .iter()
                    .flatten()
                    .map(|l| l.as_str())
                    .filter(|l| !space.may_have(l))
                    .collect();
                let all_absent = !absent.is_empty()
                    && absent.len() == rule.source_labels.as_ref().map_or(0, Vec::len);
                if all_absent {
                    let path = SpecPath::root()
                        .key("scrape")
                        .key("jobs")
                        .index(i)
                        .key("relabel_configs")
                        .index(r)
                        .key("source_labels");
                    out.report(path, format!("job `{}`'s targets never have {}", job.job_name, absent.iter().map(|l| format!("`{l}`")).collect::<Vec<_>>().join(", ")))
                        .help = Some("these labels come from another service discovery mechanism; remove the rule or discover the targets with that mechanism".into());
                }
            }
            space = relabel_step(space, rule);
        }
    }
}
