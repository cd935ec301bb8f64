//! Resolving metric names to series: the catalog's families with their derived series
//! (`_bucket`/`_sum`/`_count`, summary quantiles, counters' `_total`), the outputs of recording
//! rules, and the target labels of the jobs that scrape them.

use super::catalog::{CatalogEntry, Origin};
use super::targets::{series_labels, target_labels};
use crate::catalog::PrefixFamily;
use crate::promql::{LabelFlow, SeriesInfo, SeriesResolver, SeriesSource};
use crate::spec::{Duration, MetricType, ScrapeJob, Spec};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// What the series resolver knows: catalog, job labels and recording-rule outputs, indexed by
/// name so that resolving a selector costs the same whatever the number of jobs and packs; and
/// what it has resolved (a name's series do not change while rules are analysed, except for
/// recorded ones, which are looked up first and never remembered).
pub struct Resolver<'a> {
    pub spec: &'a Spec,
    pub catalog: &'a [CatalogEntry],
    /// Per job name: the job, its target labels and scrape interval.
    jobs: HashMap<&'a str, (&'a ScrapeJob, LabelFlow, Duration)>,
    /// Every prefix family of a pack some job opts into, with that job, in job order.
    prefix_families: Vec<(&'a PrefixFamily, &'static str, &'a str)>,
    /// Per recorded series name: its labels.
    pub recorded: BTreeMap<String, LabelFlow>,
    resolved: RefCell<HashMap<String, SeriesInfo>>,
}

/// A job's target labels as far as the spec states them: a job that names no way of discovering
/// its targets (no static, file or service discovery config) runs somewhere the spec does not
/// describe — the Prometheus Operator's ServiceMonitors, a setup outside the spec — whose
/// discovery and relabeling add labels (namespace, service, pod, container, endpoint, cluster...)
/// monctl cannot know, so its label set is open.
fn stated_target_labels(job: &ScrapeJob) -> LabelFlow {
    let mut labels = target_labels(job);
    let discovery_stated = !job.static_configs.is_empty()
        || !job.file_sd_configs.is_empty()
        || !job.kubernetes_sd_configs.is_empty()
        || !job.discovery.is_empty();
    if !discovery_stated {
        labels.complete = false;
    }
    labels
}

impl<'a> Resolver<'a> {
    pub fn new(spec: &'a Spec, catalog: &'a [CatalogEntry]) -> Self {
        let global = spec.scrape.global.effective_scrape_interval();
        let mut jobs = HashMap::new();
        let mut prefix_families = Vec::new();
        for job in &spec.scrape.jobs {
            jobs.entry(job.job_name.as_str()).or_insert_with(|| {
                (
                    job,
                    stated_target_labels(job),
                    job.scrape_interval.unwrap_or(global),
                )
            });
            for pack in job.packs.iter().filter_map(|id| crate::catalog::pack(id)) {
                for family in &pack.families {
                    prefix_families.push((family, pack.pack.as_str(), job.job_name.as_str()));
                }
            }
        }
        Resolver {
            spec,
            catalog,
            jobs,
            prefix_families,
            recorded: BTreeMap::new(),
            resolved: RefCell::new(HashMap::new()),
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

    /// A catalog entry for a name generated under a prefix family of a pack some job opts into:
    /// the longest matching prefix wins, collected by every job whose packs have that prefix.
    fn prefix_family(&self, name: &str) -> Option<CatalogEntry> {
        let matching = || {
            self.prefix_families
                .iter()
                .filter(|(family, _, _)| name.starts_with(&family.prefix))
        };
        let longest = matching().map(|(f, _, _)| f.prefix.len()).max()?;
        let mut entry: Option<CatalogEntry> = None;
        for (family, pack, job) in matching().filter(|(f, _, _)| f.prefix.len() == longest) {
            match &mut entry {
                Some(entry) => {
                    if !entry.jobs.iter().any(|j| **j == **job) {
                        entry.jobs.push(Arc::from(*job));
                    }
                }
                None => {
                    entry = Some(CatalogEntry {
                        name: name.to_string(),
                        metric: family.metric(name),
                        origin: Origin::Pack {
                            pack: pack.to_string(),
                        },
                        jobs: vec![Arc::from(*job)],
                    })
                }
            }
        }
        entry
    }

    /// The resolution of a name that no recording rule writes.
    fn resolve_scraped(&self, name: &str) -> SeriesInfo {
        let generated;
        let found = match self.family(name) {
            Some(found) => Some(found),
            None => {
                generated = self.prefix_family(name);
                generated.as_ref().map(|e| (e, None))
            }
        };
        let Some((entry, extra)) = found else {
            let source = match crate::catalog::pack_defining(name) {
                Some(pack) => SeriesSource::PackNotScraped {
                    pack: pack.to_string(),
                },
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
            let Some((job, target, job_interval)) = self.jobs.get(&**job_name) else {
                continue;
            };
            let series = series_labels(job, &own.union(target));
            labels = Some(match labels {
                Some(l) => l.union(&series),
                None => series,
            });
            interval = Some(interval.map_or(*job_interval, |i| i.max(*job_interval)));
        }
        let scraped = labels.is_some();
        let source = if scraped {
            SeriesSource::Scraped {
                jobs: entry.jobs.iter().map(|j| j.to_string()).collect(),
            }
        } else {
            SeriesSource::NotScraped
        };
        let bounds = (name == "up" && entry.origin == Origin::Scrape).then_some((0.0, 1.0));
        SeriesInfo {
            kind: Some(entry.metric.kind),
            family: (entry.name != name).then(|| entry.name.clone()),
            // No job scrapes it (P007 says so): the target labels it would get are unknown.
            labels: labels.unwrap_or(LabelFlow {
                names: own.names,
                complete: false,
            }),
            source,
            scrape_interval: interval,
            bounds,
        }
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
        if let Some(info) = self.resolved.borrow().get(name) {
            return info.clone();
        }
        let info = self.resolve_scraped(name);
        self.resolved
            .borrow_mut()
            .insert(name.to_string(), info.clone());
        info
    }
}
