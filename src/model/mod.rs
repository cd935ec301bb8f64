//! The resolved model shared by check and generate: the spec plus what follows from it — the full
//! metrics catalog (the spec's own metrics, the catalog packs each scrape job opts into, and the
//! series Prometheus itself adds per target), with references between sections resolved.

mod catalog;

pub use catalog::{CatalogEntry, Origin};

use crate::codes::{did_you_mean, UNKNOWN_REFERENCE};
use crate::diagnostic::{Diagnostic, SpecPath};
use crate::spec::Spec;

/// A spec with its references resolved.
#[derive(Debug, Clone)]
pub struct Model {
    pub spec: Spec,
    /// Every metric family known to exist, by full name, sorted.
    pub catalog: Vec<CatalogEntry>,
}

impl Model {
    /// Resolves a loaded spec. Unresolvable references are reported and skipped.
    pub fn resolve(spec: Spec) -> (Model, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let job_names: Vec<&str> = spec
            .scrape
            .jobs
            .iter()
            .map(|j| j.job_name.as_str())
            .collect();
        for (i, job) in spec.scrape.jobs.iter().enumerate() {
            for (j, pack) in job.packs.iter().enumerate() {
                if crate::catalog::pack(pack).is_none() {
                    let ids: Vec<&str> = crate::catalog::pack_ids().collect();
                    let help = match did_you_mean(pack, ids.iter().copied()) {
                        Some(s) => format!("did you mean `{s}`? Bundled packs: {}", ids.join(", ")),
                        None => format!("bundled packs: {}", ids.join(", ")),
                    };
                    diagnostics.push(
                        Diagnostic::error(
                            UNKNOWN_REFERENCE,
                            SpecPath::root()
                                .key("scrape")
                                .key("jobs")
                                .index(i)
                                .key("packs")
                                .index(j),
                            format!("there is no catalog pack `{pack}`"),
                        )
                        .with_help(help),
                    );
                }
            }
        }
        for (i, metric) in spec.metrics.iter().enumerate() {
            for (j, job) in metric.jobs.iter().enumerate() {
                if !job_names.contains(&job.as_str()) {
                    let help = match did_you_mean(job, job_names.iter().copied()) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => "name a scrape job defined under scrape.jobs".to_string(),
                    };
                    diagnostics.push(
                        Diagnostic::error(
                            UNKNOWN_REFERENCE,
                            SpecPath::root()
                                .key("metrics")
                                .index(i)
                                .key("jobs")
                                .index(j),
                            format!(
                                "metric `{}` names scrape job `{job}`, which is not defined",
                                metric.full_name()
                            ),
                        )
                        .with_help(help),
                    );
                }
            }
        }
        let catalog = catalog::build(&spec);
        (Model { spec, catalog }, diagnostics)
    }

    /// The catalog entry of a metric family by its full name.
    pub fn metric(&self, name: &str) -> Option<&CatalogEntry> {
        self.catalog
            .binary_search_by(|e| e.name.as_str().cmp(name))
            .ok()
            .map(|i| &self.catalog[i])
    }
}
