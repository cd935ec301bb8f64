//! Building the full metrics catalog: the spec's metrics, the packs scrape jobs opt into, and the
//! per-target series every scrape produces (`up`, `scrape_duration_seconds`, ...).

use crate::spec::{LabelSpec, Metric, MetricName, MetricType, Spec};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Where a catalog entry comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// `metrics[index]` of the spec.
    Spec { index: usize },
    /// A bundled catalog pack.
    Pack { pack: String },
    /// Written by Prometheus itself for every scrape target.
    Scrape,
}

/// One metric family known to exist, and the scrape jobs that collect it.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogEntry {
    pub name: String,
    pub metric: Metric,
    pub origin: Origin,
    /// The jobs by name, shared: a pack's metrics all list the jobs that opt into it.
    pub jobs: Vec<Arc<str>>,
}

/// The series Prometheus adds for every target it scrapes.
const SCRAPE_SERIES: &[(&str, MetricType, &str)] = &[
    (
        "up",
        MetricType::Gauge,
        "1 if the target's last scrape succeeded, 0 otherwise.",
    ),
    (
        "scrape_duration_seconds",
        MetricType::Gauge,
        "Duration of the target's last scrape.",
    ),
    (
        "scrape_samples_scraped",
        MetricType::Gauge,
        "Samples the target exposed in its last scrape.",
    ),
    (
        "scrape_samples_post_metric_relabeling",
        MetricType::Gauge,
        "Samples left after metric relabeling.",
    ),
    (
        "scrape_series_added",
        MetricType::Gauge,
        "Approximate number of new series in the last scrape.",
    ),
];

pub fn build(spec: &Spec) -> Vec<CatalogEntry> {
    let all_jobs: Vec<Arc<str>> = spec
        .scrape
        .jobs
        .iter()
        .map(|j| Arc::from(j.job_name.as_str()))
        .collect();
    let mut entries: BTreeMap<String, CatalogEntry> = BTreeMap::new();
    for (name, kind, help) in SCRAPE_SERIES {
        entries.insert(
            name.to_string(),
            CatalogEntry {
                name: name.to_string(),
                metric: Metric {
                    name: MetricName(name.to_string()),
                    namespace: None,
                    subsystem: None,
                    kind: *kind,
                    help: Some(help.to_string()),
                    unit: None,
                    labels: Vec::<LabelSpec>::new(),
                    buckets: None,
                    objectives: None,
                    jobs: Vec::new(),
                    registered: None,
                    lint_ignore: Vec::new(),
                },
                origin: Origin::Scrape,
                jobs: all_jobs.clone(),
            },
        );
    }
    for (job, job_name) in spec.scrape.jobs.iter().zip(&all_jobs) {
        for pack in job.packs.iter().filter_map(|id| crate::catalog::pack(id)) {
            for metric in &pack.metrics {
                let name = metric.full_name();
                let entry = entries.entry(name.clone()).or_insert_with(|| CatalogEntry {
                    name,
                    metric: metric.clone(),
                    origin: Origin::Pack {
                        pack: pack.pack.clone(),
                    },
                    jobs: Vec::new(),
                });
                // A job's packs are all added before the next job's: a repeat is the last one.
                if entry.jobs.last() != Some(job_name) {
                    entry.jobs.push(job_name.clone());
                }
            }
        }
    }
    // The spec's own definitions win over a pack's; their jobs add to the pack's.
    for (index, metric) in spec.metrics.iter().enumerate() {
        let name = metric.full_name();
        let mut jobs = entries
            .get(&name)
            .map(|e| e.jobs.clone())
            .unwrap_or_default();
        for job in &metric.jobs {
            if !jobs.iter().any(|j| **j == **job) {
                jobs.push(Arc::from(job.as_str()));
            }
        }
        entries.insert(
            name.clone(),
            CatalogEntry {
                name,
                metric: metric.clone(),
                origin: Origin::Spec { index },
                jobs,
            },
        );
    }
    entries.into_values().collect()
}
