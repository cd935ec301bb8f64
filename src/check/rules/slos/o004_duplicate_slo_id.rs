//! O004: two SLOs with the same id (`<service>-<name>`).

use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::Severity;
use std::collections::HashMap;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "O004",
        name: "duplicate-slo-id",
        family: Family::Slos,
        severity: Severity::Error,
        summary: "Two SLOs share an id (service and name).",
        explanation: "An SLO's series carry `sloth_id=<service>-<name>`. Two SLOs with the same id write the same series from different queries: the recording rules collide (Prometheus reports duplicate series) and the alerts mix both SLIs (slok/sloth#493).\n\nBad:\n```yaml\nobjectives:\n  - {service: api, name: availability, ...}\n  - {service: api, name: availability, ...}\n```\nGood:\n```yaml\nobjectives:\n  - {service: api, name: availability, ...}\n  - {service: api, name: availability-writes, ...}\n```",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let mut seen: HashMap<&str, &crate::diagnostic::SpecPath> = HashMap::new();
    for r in &ctx.model.slos.slos {
        match seen.get(r.id.as_str()) {
            Some(first) => {
                out.report(
                    r.path().key("name"),
                    format!("SLO id `{}` is used twice", r.id),
                )
                .help = Some(format!(
                    "rename one: {first} has this service and name already"
                ));
            }
            None => {
                seen.insert(&r.id, &r.path);
            }
        }
    }
}
