//! Scrape targets' labels, derived symbolically: which labels a job's series carry after service
//! discovery and relabel_configs (and, per series, metric_relabel_configs). Presence is tracked per
//! label name; `open` means labels monctl cannot name may appear (a labelmap over discovered
//! metadata, a file_sd target's own labels).

use crate::promql::LabelFlow;
use crate::spec::{KubernetesRole, RelabelAction, RelabelRule, ScrapeJob};
use regex::Regex;
use std::collections::BTreeSet;

/// Labels known to be present before relabeling, and families that may be.
#[derive(Debug, Clone, Default)]
pub struct LabelSpace {
    pub present: BTreeSet<String>,
    /// Name prefixes of labels that may exist (`__meta_kubernetes_pod_`).
    pub maybe_prefixes: Vec<String>,
    /// Labels beyond these may exist.
    pub open: bool,
}

impl LabelSpace {
    /// True when the label exists, or may exist, at this point.
    pub fn may_have(&self, name: &str) -> bool {
        self.present.contains(name)
            || self
                .maybe_prefixes
                .iter()
                .any(|p| name.starts_with(p.as_str()))
    }
}

fn kubernetes_prefixes(role: KubernetesRole) -> &'static [&'static str] {
    match role {
        KubernetesRole::Node => &["__meta_kubernetes_node_"],
        KubernetesRole::Service => &["__meta_kubernetes_namespace", "__meta_kubernetes_service_"],
        KubernetesRole::Pod => &["__meta_kubernetes_namespace", "__meta_kubernetes_pod_"],
        KubernetesRole::Endpoints => &[
            "__meta_kubernetes_namespace",
            "__meta_kubernetes_endpoints_",
            "__meta_kubernetes_endpoint_",
            "__meta_kubernetes_service_",
            "__meta_kubernetes_pod_",
            "__meta_kubernetes_node_",
        ],
        KubernetesRole::EndpointSlice => &[
            "__meta_kubernetes_namespace",
            "__meta_kubernetes_endpointslice_",
            "__meta_kubernetes_service_",
            "__meta_kubernetes_pod_",
            "__meta_kubernetes_node_",
        ],
        KubernetesRole::Ingress => &["__meta_kubernetes_namespace", "__meta_kubernetes_ingress_"],
    }
}

/// The labels a job's targets have before relabeling.
pub fn discovered(job: &ScrapeJob) -> LabelSpace {
    let mut space = LabelSpace::default();
    for label in [
        "__address__",
        "__scheme__",
        "__metrics_path__",
        "__scrape_interval__",
        "__scrape_timeout__",
        "job",
    ] {
        space.present.insert(label.to_string());
    }
    for param in job.params.keys() {
        space.present.insert(format!("__param_{param}"));
    }
    for sc in &job.static_configs {
        space.present.extend(sc.labels.keys().cloned());
    }
    if !job.file_sd_configs.is_empty() {
        space.present.insert("__meta_filepath".into());
        space.open = true;
    }
    for k8s in &job.kubernetes_sd_configs {
        space
            .maybe_prefixes
            .extend(kubernetes_prefixes(k8s.role).iter().map(|p| p.to_string()));
    }
    space.maybe_prefixes.extend(
        job.discovery
            .meta_prefixes()
            .into_iter()
            .map(str::to_string),
    );
    space
}

fn anchored(regex: Option<&str>) -> Option<Regex> {
    crate::regexes::relabel(regex.unwrap_or("(.*)")).ok()
}

fn has_reference(text: &str) -> bool {
    text.contains('$')
}

/// Applies relabel rules to a label space, as far as names can be known.
pub fn relabel(mut space: LabelSpace, rules: &[RelabelRule]) -> LabelSpace {
    for rule in rules {
        space = relabel_step(space, rule);
    }
    space
}

/// Applies one relabel rule.
pub fn relabel_step(mut space: LabelSpace, rule: &RelabelRule) -> LabelSpace {
    {
        let regex = anchored(rule.regex.as_ref().map(|r| r.0.as_str()));
        let sources: Vec<&str> = rule
            .source_labels
            .iter()
            .flatten()
            .map(|l| l.as_str())
            .collect();
        let any_source = sources.iter().any(|s| space.may_have(s)) || space.open;
        let target = rule.target_label.as_deref().unwrap_or("");
        let replacement = rule.replacement.as_deref().unwrap_or("$1");
        match rule.action() {
            RelabelAction::Replace => {
                if has_reference(target) {
                    space.open = true;
                } else if any_source {
                    space.present.insert(target.to_string());
                } else {
                    // Every source is empty: the value is the replacement applied to "", which
                    // sets the target only when the regex matches "" and yields a non-empty value.
                    let empty_match = regex.as_ref().is_some_and(|r| r.is_match(""));
                    if empty_match && !replacement.is_empty() && !has_reference(replacement) {
                        space.present.insert(target.to_string());
                    }
                }
            }
            RelabelAction::HashMod | RelabelAction::Lowercase | RelabelAction::Uppercase => {
                if !target.is_empty() && (any_source || rule.action() == RelabelAction::HashMod) {
                    space.present.insert(target.to_string());
                }
            }
            RelabelAction::LabelMap => {
                let Some(regex) = regex else { return space };
                let mapped: Vec<String> = space
                    .present
                    .iter()
                    .filter_map(|name| {
                        regex.captures(name).map(|caps| {
                            let mut out = String::new();
                            caps.expand(replacement, &mut out);
                            out
                        })
                    })
                    .filter(|n| !n.is_empty())
                    .collect();
                space.present.extend(mapped);
                if !space.maybe_prefixes.is_empty() || space.open {
                    space.open = true;
                }
            }
            RelabelAction::LabelDrop => {
                if let Some(regex) = regex {
                    space.present.retain(|n| !regex.is_match(n));
                }
            }
            RelabelAction::LabelKeep => {
                if let Some(regex) = regex {
                    space.present.retain(|n| regex.is_match(n));
                    space.maybe_prefixes.clear();
                }
            }
            RelabelAction::Keep
            | RelabelAction::Drop
            | RelabelAction::KeepEqual
            | RelabelAction::DropEqual => {}
        }
    }
    space
}

/// The labels a job's series carry after relabeling: `job`, `instance` and whatever
/// relabel_configs set, without the `__`-prefixed ones Prometheus drops.
pub fn target_labels(job: &ScrapeJob) -> LabelFlow {
    let space = relabel(discovered(job), &job.relabel_configs);
    let mut names: BTreeSet<String> = space
        .present
        .into_iter()
        .filter(|n| !n.starts_with("__"))
        .collect();
    names.insert("job".into());
    names.insert("instance".into());
    LabelFlow {
        names,
        complete: !space.open,
    }
}

/// A series' labels after the job's metric_relabel_configs.
pub fn series_labels(job: &ScrapeJob, series: &LabelFlow) -> LabelFlow {
    if job.metric_relabel_configs.is_empty() {
        return series.clone();
    }
    let mut space = LabelSpace {
        present: series.names.clone(),
        maybe_prefixes: Vec::new(),
        open: !series.complete,
    };
    space.present.insert("__name__".into());
    let space = relabel(space, &job.metric_relabel_configs);
    LabelFlow {
        names: space
            .present
            .into_iter()
            .filter(|n| !n.starts_with("__"))
            .collect(),
        complete: !space.open,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(yaml: serde_json::Value) -> ScrapeJob {
        serde_json::from_value(yaml).unwrap()
    }

    #[test]
    fn kubernetes_meta_labels_do_not_exist_on_static_jobs() {
        let j = job(serde_json::json!({
            "job_name": "mall-go",
            "static_configs": [{"targets": ["a:1"], "labels": {"team": "x"}}],
            "relabel_configs": [
                {"source_labels": ["__address__"], "target_label": "instance"},
                {"source_labels": ["__meta_kubernetes_pod_name"], "target_label": "pod"}
            ]
        }));
        assert_eq!(
            target_labels(&j),
            LabelFlow::known(["instance", "job", "team"])
        );
    }

    #[test]
    fn labelmap_over_kubernetes_metadata_opens_the_set() {
        let j = job(serde_json::json!({
            "job_name": "pods",
            "kubernetes_sd_configs": [{"role": "pod"}],
            "relabel_configs": [
                {"action": "labelmap", "regex": "__meta_kubernetes_pod_label_(.+)"},
                {"source_labels": ["__meta_kubernetes_namespace"], "target_label": "namespace"}
            ]
        }));
        let labels = target_labels(&j);
        assert!(!labels.complete);
        assert!(labels.names.contains("namespace"));
    }

    #[test]
    fn literal_replacement_sets_a_label_without_sources() {
        let j = job(
            serde_json::json!({"job_name": "j", "relabel_configs": [{"target_label": "env", "replacement": "prod"}]}),
        );
        assert!(target_labels(&j).names.contains("env"));
    }

    #[test]
    fn labeldrop_removes_and_metric_relabel_applies_per_series() {
        let j = job(serde_json::json!({
            "job_name": "j",
            "static_configs": [{"targets": ["a:1"], "labels": {"tmp_a": "1"}}],
            "relabel_configs": [{"action": "labeldrop", "regex": "tmp_.*"}],
            "metric_relabel_configs": [{"action": "labeldrop", "regex": "handler"}]
        }));
        assert_eq!(target_labels(&j), LabelFlow::known(["instance", "job"]));
        let series = LabelFlow::known(["instance", "job", "handler", "code"]);
        assert_eq!(
            series_labels(&j, &series),
            LabelFlow::known(["instance", "job", "code"])
        );
    }
}
