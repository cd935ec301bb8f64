//! Bundled catalog packs: the metrics standard exporters expose (node_exporter, mysqld_exporter,
//! the Go runtime...), so a spec opts in per scrape job (`packs: [go-runtime]`) instead of retyping
//! them. Packs are YAML files compiled into the binary and read with the spec's own loader.

use crate::source::{load_value, FileId, Limits};
use crate::spec::{LabelSpec, Metric, MetricType};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

/// A bundled set of metric families.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    pub pack: String,
    pub description: String,
    pub metrics: Vec<Metric>,
    /// Open-ended families whose member names the exporter generates (one metric per
    /// `SHOW GLOBAL STATUS` variable, say): any name with the prefix is known.
    #[serde(default)]
    pub families: Vec<PrefixFamily>,
}

/// Metrics known by a name prefix, all of one type and with the same labels.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrefixFamily {
    pub prefix: String,
    #[serde(rename = "type")]
    pub kind: MetricType,
    pub help: String,
    #[serde(default)]
    pub labels: Vec<LabelSpec>,
}

impl PrefixFamily {
    /// The family as a catalog metric named `name`.
    pub fn metric(&self, name: &str) -> Metric {
        Metric {
            name: crate::spec::MetricName(name.to_string()),
            namespace: None,
            subsystem: None,
            kind: self.kind,
            help: Some(self.help.clone()),
            unit: None,
            labels: self.labels.clone(),
            buckets: None,
            objectives: None,
            jobs: Vec::new(),
            registered: None,
            lint_ignore: Vec::new(),
        }
    }
}

/// The pack files, by id.
const BUNDLED: &[(&str, &str)] = &[
    (
        "alertmanager-self",
        include_str!("packs/alertmanager-self.yml"),
    ),
    (
        "elasticsearch-exporter",
        include_str!("packs/elasticsearch-exporter.yml"),
    ),
    ("fluentd", include_str!("packs/fluentd.yml")),
    ("go-runtime", include_str!("packs/go-runtime.yml")),
    (
        "kube-state-metrics",
        include_str!("packs/kube-state-metrics.yml"),
    ),
    ("mysqld-exporter", include_str!("packs/mysqld-exporter.yml")),
    ("node-exporter", include_str!("packs/node-exporter.yml")),
    ("process", include_str!("packs/process.yml")),
    ("prometheus-self", include_str!("packs/prometheus-self.yml")),
    ("redis-exporter", include_str!("packs/redis-exporter.yml")),
];

fn parse_pack(id: &str, text: &str) -> Result<Pack, String> {
    let value =
        load_value(text, FileId(0), &Limits::default()).map_err(|e| format!("pack {id}: {e}"))?;
    let pack: Pack = serde_json::from_value(value).map_err(|e| format!("pack {id}: {e}"))?;
    if pack.pack != id {
        return Err(format!("pack {id}: declares itself as `{}`", pack.pack));
    }
    Ok(pack)
}

/// All bundled packs, sorted by id.
pub fn packs() -> &'static [Pack] {
    static PACKS: OnceLock<Vec<Pack>> = OnceLock::new();
    PACKS.get_or_init(|| {
        BUNDLED
            .iter()
            // The packs are tested to load (see the tests below); a broken one would be a build defect.
            .filter_map(|(id, text)| parse_pack(id, text).ok())
            .collect()
    })
}

/// The pack with this id.
pub fn pack(id: &str) -> Option<&'static Pack> {
    packs().iter().find(|p| p.pack == id)
}

/// The first pack (by id) that defines a series of this name — a family's own name, a derived
/// `_bucket`/`_sum`/`_count`/`_total` series, or a name under one of its prefix families — for
/// telling a user which pack a job should opt into.
pub fn pack_defining(name: &str) -> Option<&'static str> {
    static NAMES: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    let names = NAMES.get_or_init(|| {
        let mut names = HashMap::new();
        for pack in packs() {
            for metric in &pack.metrics {
                let full = metric.full_name();
                for suffix in ["", "_bucket", "_sum", "_count", "_total"] {
                    names
                        .entry(format!("{full}{suffix}"))
                        .or_insert(pack.pack.as_str());
                }
            }
        }
        names
    });
    let by_prefix = || {
        packs().iter().find_map(|pack| {
            pack.families
                .iter()
                .any(|f| name.starts_with(&f.prefix))
                .then_some(pack.pack.as_str())
        })
    };
    // A pack earlier by id wins, whether it knows the name exactly or by prefix.
    match (names.get(name).copied(), by_prefix()) {
        (Some(exact), Some(prefix)) => Some(exact.min(prefix)),
        (exact, prefix) => exact.or(prefix),
    }
}

/// Ids of all bundled packs.
pub fn pack_ids() -> impl Iterator<Item = &'static str> {
    BUNDLED.iter().map(|(id, _)| *id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::{validate, Spec};

    #[test]
    fn every_pack_loads_and_is_valid() {
        for (id, text) in BUNDLED {
            let pack = parse_pack(id, text).unwrap_or_else(|e| panic!("{e}"));
            assert!(!pack.metrics.is_empty(), "{id} has metrics");
            // The spec's own validation applies to pack metrics too: names, labels, buckets.
            let spec = Spec {
                metrics: pack.metrics.clone(),
                ..Spec::default()
            };
            let findings = validate(&spec);
            assert!(findings.is_empty(), "{id}: {findings:?}");
        }
        assert_eq!(packs().len(), BUNDLED.len());
    }

    #[test]
    fn standard_exporters_have_the_metrics_people_alert_on() {
        let has = |id: &str, name: &str| {
            pack(id)
                .unwrap()
                .metrics
                .iter()
                .any(|m| m.full_name() == name)
        };
        assert!(has("node-exporter", "node_cpu_seconds_total"));
        assert!(has("go-runtime", "go_goroutines"));
        assert!(has(
            "kube-state-metrics",
            "kube_pod_container_status_restarts_total"
        ));
        assert!(has(
            "elasticsearch-exporter",
            "elasticsearch_cluster_health_status"
        ));
        assert!(has("process", "process_cpu_seconds_total"));
    }
}
