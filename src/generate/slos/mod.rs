//! Generators of the `slos` and `tests` sections: the SLO rule files (`rules/slo-<service>.yml`:
//! burn-rate recording rules, meta rules, alerts) and promtool rule unit tests
//! (`tests/<suite>.test.yml` from the spec, `tests/slo-<service>.test.yml` generated per SLO).
//! and an SLO dashboard per service (`grafana/dashboards/<service>-slos.json`).

pub mod burn_tests;
mod dashboards;
pub mod rules;
mod test_files;

use super::yaml::{document, Fields};
use super::Artifact;
use crate::model::{Model, ResolvedSlo};
use std::collections::BTreeMap;

/// The SLOs per service, services in name order, SLOs in spec order.
pub fn by_service(model: &Model) -> BTreeMap<&str, Vec<&ResolvedSlo>> {
    let mut services: BTreeMap<&str, Vec<&ResolvedSlo>> = BTreeMap::new();
    for resolved in &model.slos.slos {
        services
            .entry(resolved.slo().service.as_str())
            .or_default()
            .push(resolved);
    }
    services
}

/// Every artifact of the section, in any order (the caller sorts).
pub fn artifacts(model: &Model) -> Vec<Artifact> {
    let mut out = Vec::new();
    for (service, slos) in by_service(model) {
        let groups: Vec<_> = slos.iter().flat_map(|r| rules::groups(r)).collect();
        out.push(Artifact {
            path: format!("rules/slo-{service}.yml"),
            content: document(&Fields::new().set("groups", groups).build()),
        });
    }
    out.extend(test_files::artifacts(model));
    out.extend(dashboards(model));
    out
}

/// The paths of the SLO rule files, relative to the output folder, for prometheus.yml's
/// `rule_files`.
pub fn rule_file_paths(model: &Model) -> Vec<String> {
    by_service(model)
        .keys()
        .map(|service| format!("rules/slo-{service}.yml"))
        .collect()
}

/// The SLO dashboards (`grafana/dashboards/<service>-slos.json`), rendered by the stack's
/// Grafana generator.
pub fn dashboards(model: &Model) -> Vec<Artifact> {
    dashboards::dashboards(model)
}
