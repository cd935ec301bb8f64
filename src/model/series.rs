//! Resolving metric names to series: the catalog's families with their derived series
//! (`_bucket`/`_sum`/`_count`, summary quantiles, counters' `_total`), the outputs of recording
//! rules, and the target labels of the jobs that scrape them.

use super::catalog::{CatalogEntry, Origin};
use super::targets::{series_labels, target_labels};
use crate::promql::{LabelFlow, SeriesInfo, SeriesResolver, SeriesSource};
use crate::spec::{Duration, MetricType, Spec};
use std::collections::BTreeMap;

/// What the series resolver knows: catalog, job labels and recording-rule outputs.
pub struct Resolver<'a> {
    pub spec: &'a Spec,
    pub catalog: &'a [CatalogEntry],
    /// Per job name: its target labels and scrape interval.
    pub jobs: BTreeMap<String, (LabelFlow, Duration)>,
    /// Per recorded series name: its labels.
    pub recorded: BTreeMap<String, LabelFlow>,
}

impl<'a> Resolver<'a> {
    pub fn new(spec: &'a Spec, catalog: &'a [CatalogEntry]) -> Self {
        let global = spec.scrape.global.effective_scrape_interval();
        let jobs = spec
            .scrape
            .jobs
            .iter()
            .map(|j| {
                (
                    j.job_name.clone(),
                    (target_labels(j), j.scrape_interval.unwrap_or(global)),
                )
            })
            .collect();
        Resolver {
            spec,
            catalog,
            jobs,
            recorded: BTreeMap::new(),
        }
    }

    fn entry(&self, name: &str) -> Option<&CatalogEntry> {
        self.catalog
            .binary_search_by(|e| e.name.as_str().cmp(name))
            .ok()
            .map(|i| &self.catalog[i])
    }

    /// The family a series name belongs to, with the extra label the series has.
    fn family(&self, name: &str) -> Option<(&CatalogEntry, Option<&'static str>)> {
        if let Some(entry) = self.entry(name) {
            let extra = (entry.metric.kind == MetricType::Summary).then_some("quantile");
            return Some((entry, extra));
        }
        for (suffix, kinds, extra) in [
            ("_bucket", &[MetricType::Histogram][..], Some("le")),
            (
                "_sum",
                &[MetricType::Histogram, MetricType::Summary][..],
                None,
            ),
            (
                "_count",
                &[MetricType::Histogram, MetricType::Summary][..],
                None,
            ),
            ("_total", &[MetricType::Counter][..], None),
            (
                "_created",
                &[
                    MetricType::Counter,
                    MetricType::Histogram,
                    MetricType::Summary,
                ][..],
                None,
            ),
        ] {
            if let Some(base) = name.strip_suffix(suffix) {
                if let Some(entry) = self.entry(base).filter(|e| kinds.contains(&e.metric.kind)) {
                    return Some((entry, extra));
                }
            }
        }
        None
    }

    /// A catalog entry for a name generated under a prefix family of a pack some job opts into.
    fn prefix_family(&self, name: &str) -> Option<CatalogEntry> {
        let mut best: Option<(usize, CatalogEntry)> = None;
        for job in &self.spec.scrape.jobs {
            for pack in job.packs.iter().filter_map(|id| crate::catalog::pack(id)) {
                for family in pack.families.iter().filter(|f| name.starts_with(&f.prefix)) {
                    match &mut best {
                        Some((len, entry)) if *len == family.prefix.len() => {
                            if !entry.jobs.contains(&job.job_name) {
                                entry.jobs.push(job.job_name.clone());
                            }
                        }
                        Some((len, _)) if *len > family.prefix.len() => {}
                        _ => {
                            best = Some((
                                family.prefix.len(),
                                CatalogEntry {
                                    name: name.to_string(),
                                    metric: family.metric(name),
                                    origin: Origin::Pack {
                                        pack: pack.pack.clone(),
                                    },
                                    jobs: vec![job.job_name.clone()],
                                },
                            ))
                        }
                    }
                }
            }
        }
        best.map(|(_, entry)| entry)
    }

    fn pack_defining(&self, name: &str) -> Option<String> {
        crate::catalog::packs().iter().find_map(|pack| {
            if pack.families.iter().any(|f| name.starts_with(&f.prefix)) {
                return Some(pack.pack.clone());
            }
            pack.metrics
                .iter()
                .any(|m| {
                    let full = m.full_name();
                    name == full
                        || ["_bucket", "_sum", "_count", "_total"]
                            .iter()
                            .any(|s| name.strip_suffix(s) == Some(full.as_str()))
                })
                .then(|| pack.pack.clone())
        })
    }
}

impl SeriesResolver for Resolver<'_> {
    fn resolve(&self, name: &str) -> SeriesInfo {
        if let Some(labels) = self.recorded.get(name) {
            return SeriesInfo {
                kind: None,
                family: None,
                labels: labels.clone(),
                source: SeriesSource::Recorded,
                scrape_interval: None,
                bounds: None,
            };
        }
        let generated;
        let found = match self.family(name) {
            Some(found) => Some(found),
            None => {
                generated = self.prefix_family(name);
                generated.as_ref().map(|e| (e, None))
            }
        };
        let Some((entry, extra)) = found else {
            let source = match self.pack_defining(name) {
                Some(pack) => SeriesSource::PackNotScraped { pack },
                None => SeriesSource::Unknown,
            };
            return SeriesInfo {
                kind: None,
                family: None,
                labels: LabelFlow::open(),
                source,
                scrape_interval: None,
                bounds: None,
            };
        };
        let own = LabelFlow::known(entry.metric.labels.iter().map(|l| l.name().to_string()));
        let own = match extra {
            Some(label) => own.with(label),
            None => own,
        };
        let mut labels: Option<LabelFlow> = None;
        let mut interval: Option<Duration> = None;
        for job_name in &entry.jobs {
            let Some((target, job_interval)) = self.jobs.get(job_name) else {
                continue;
            };
            let job = self
                .spec
                .scrape
                .jobs
                .iter()
                .find(|j| &j.job_name == job_name);
            let series = match job {
                Some(job) => series_labels(job, &own.union(target)),
                None => own.union(target),
            };
            labels = Some(match labels {
                Some(l) => l.union(&series),
                None => series,
            });
            interval = Some(interval.map_or(*job_interval, |i| i.max(*job_interval)));
        }
        let scraped = labels.is_some();
        let source = if scraped {
            SeriesSource::Scraped {
                jobs: entry.jobs.clone(),
            }
        } else {
            SeriesSource::NotScraped
        };
        let bounds = (name == "up" && entry.origin == Origin::Scrape).then_some((0.0, 1.0));
        SeriesInfo {
            kind: Some(entry.metric.kind),
            family: (entry.name != name).then(|| entry.name.clone()),
            labels: labels.unwrap_or(own),
            source,
            scrape_interval: interval,
            bounds,
        }
    }
}
