//! G001: Grafana's dashboard-provider folder mounted with something else than provider files, or
//! dashboards with no provider mounted to load them.

use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::spec::stack::Preset;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "G001",
        name: "dashboards-without-provider",
        family: Family::Dashboards,
        severity: Severity::Error,
        summary: "Dashboards are mounted where Grafana expects provider files, or without a provider.",
        explanation: "Grafana loads dashboards only through a provider: a YAML file in /etc/grafana/provisioning/dashboards/ naming the folder the dashboard JSON files are in. Dashboard JSON mounted into the provisioning folder itself is ignored (it is not a provider file), and a dashboards folder no provider names is never read: Grafana starts with no dashboard and says nothing.\n\nBad:\n```yaml\ngrafana:\n  volumes: ['./grafana/dashboards:/etc/grafana/provisioning/dashboards']\n```\nGood:\n```yaml\ngrafana:\n  preset: grafana   # ./grafana/provisioning (providers, datasources) and ./grafana/dashboards\n```",
    },
    run,
};

const PROVIDERS: &str = "/etc/grafana/provisioning/dashboards";

fn run(ctx: &Context, out: &mut Findings) {
    for grafana in ctx.model.stack.with_role(Preset::Grafana) {
        for (i, (source, target)) in grafana.mounts().enumerate() {
            let target = target.trim_end_matches('/');
            let source_dir = source.trim_start_matches("./").trim_end_matches('/');
            let into_providers = target == PROVIDERS;
            let generated_providers = source_dir == "grafana/provisioning/dashboards";
            if into_providers && !generated_providers {
                let written = ctx
                    .model
                    .spec
                    .stack
                    .as_ref()
                    .and_then(|s| s.services.get(&grafana.name))
                    .and_then(|s| s.volumes.iter().position(|v| v.starts_with(source)));
                let path = match written {
                    Some(w) => grafana.path().key("volumes").index(w),
                    None => grafana.path().key("volumes").index(i),
                };
                let d = out.report(
                    path,
                    format!("service `{}` mounts `{source}` at {PROVIDERS}, where Grafana reads dashboard providers, not dashboards", grafana.name),
                );
                d.help = Some("mount the generated ./grafana/provisioning at /etc/grafana/provisioning and the dashboards at /var/lib/grafana/dashboards (preset: grafana)".into());
            }
        }
    }
}
