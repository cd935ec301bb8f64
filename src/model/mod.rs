//! The resolved model shared by check and generate: the spec plus what follows from it — the full
//! metrics catalog (the spec's own metrics, the catalog packs each scrape job opts into, and the
//! series Prometheus itself adds per target), every rule expression analysed once against it, and
//! references between sections resolved.

mod catalog;
mod series;
mod targets;

pub use catalog::{CatalogEntry, Origin};
pub use series::Resolver;
pub use targets::{discovered, relabel_step, series_labels, target_labels, LabelSpace};

use crate::codes::{did_you_mean, UNKNOWN_REFERENCE};
use crate::diagnostic::{Diagnostic, SpecPath};
use crate::promql::{analyze, Analysis, LabelFlow};
use crate::spec::Spec;

/// One rule of `rules.groups[group].rules[rule]` and what analysing its expression found.
#[derive(Debug, Clone)]
pub struct RuleAnalysis {
    pub group: usize,
    pub rule: usize,
    /// None when the expression does not parse (already reported at load).
    pub analysis: Option<Analysis>,
}

impl RuleAnalysis {
    pub fn path(&self) -> SpecPath {
        SpecPath::root()
            .key("rules")
            .key("groups")
            .index(self.group)
            .key("rules")
            .index(self.rule)
    }
}

/// A spec with its references resolved.
#[derive(Debug, Clone)]
pub struct Model {
    pub spec: Spec,
    /// Every metric family known to exist, by full name, sorted.
    pub catalog: Vec<CatalogEntry>,
    /// Every rule's analysis, in spec order.
    pub rules: Vec<RuleAnalysis>,
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
        let rules = analyse_rules(&spec, &catalog);
        (
            Model {
                spec,
                catalog,
                rules,
            },
            diagnostics,
        )
    }

    /// The catalog entry of a metric family by its full name.
    pub fn metric(&self, name: &str) -> Option<&CatalogEntry> {
        self.catalog
            .binary_search_by(|e| e.name.as_str().cmp(name))
            .ok()
            .map(|i| &self.catalog[i])
    }

    /// The analysis of `rules.groups[group].rules[rule]`.
    pub fn rule_analysis(&self, group: usize, rule: usize) -> Option<&Analysis> {
        self.rules
            .iter()
            .find(|r| r.group == group && r.rule == rule)?
            .analysis
            .as_ref()
    }
}

/// Analyses every rule; recording rules' outputs become series the later analyses resolve.
/// Two passes, so a rule may use a series recorded further down.
fn analyse_rules(spec: &Spec, catalog: &[CatalogEntry]) -> Vec<RuleAnalysis> {
    let mut resolver = Resolver::new(spec, catalog);
    let mut results = Vec::new();
    for pass in 0..2 {
        results.clear();
        for (g, group) in spec.rules.groups.iter().enumerate() {
            for (r, rule) in group.rules.iter().enumerate() {
                let analysis = analyze(rule.expr.as_str(), &resolver).ok();
                if let (Some(record), Some(a)) = (&rule.record, &analysis) {
                    let mut labels = a.output.clone().without("__name__");
                    labels.names.extend(rule.labels.keys().map(|k| k.0.clone()));
                    if pass == 0 {
                        let entry = resolver
                            .recorded
                            .entry(record.0.clone())
                            .or_insert_with(LabelFlow::empty);
                        *entry = entry.union(&labels);
                    }
                }
                results.push(RuleAnalysis {
                    group: g,
                    rule: r,
                    analysis,
                });
            }
        }
    }
    results
}
