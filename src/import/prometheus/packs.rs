//! Metric facts for imported scrape jobs: each job is matched to the bundled catalog packs its
//! targets expose, by an explicit `job=pack` choice, else by the job's name or its targets' port
//! (the exporters' registered default ports). A job nothing matches gets no pack, and checks that
//! need its metrics say they lack facts rather than guess.

use super::tree::{entries, map, string};
use crate::source::{Node, NodeKind};

/// Exporter default ports and the pack their targets expose.
const PORTS: &[(&str, &str)] = &[
    ("9090", "prometheus-self"),
    ("9093", "alertmanager-self"),
    ("9100", "node-exporter"),
    ("9104", "mysqld-exporter"),
    ("9114", "elasticsearch-exporter"),
    ("9121", "redis-exporter"),
    ("24231", "fluentd"),
];

/// Words in a job name and the pack they stand for.
const NAMES: &[(&str, &str)] = &[
    ("node-exporter", "node-exporter"),
    ("node_exporter", "node-exporter"),
    ("mysql", "mysqld-exporter"),
    ("redis", "redis-exporter"),
    ("elasticsearch", "elasticsearch-exporter"),
    ("kube-state-metrics", "kube-state-metrics"),
    ("alertmanager", "alertmanager-self"),
    ("prometheus", "prometheus-self"),
    ("fluentd", "fluentd"),
];

/// The packs for a job: the explicit choice, else by name, else by port.
pub fn packs_for(job: &Node, explicit: &[(String, String)]) -> Vec<String> {
    let name = match job.get("job_name").map(|n| &n.kind) {
        Some(NodeKind::Str(s)) => s.clone(),
        _ => return Vec::new(),
    };
    let chosen: Vec<String> = explicit
        .iter()
        .filter(|(j, _)| *j == name)
        .map(|(_, p)| p.clone())
        .collect();
    if !chosen.is_empty() {
        return chosen;
    }
    let lower = name.to_lowercase();
    if let Some((_, pack)) = NAMES.iter().find(|(word, _)| lower.contains(word)) {
        return vec![pack.to_string()];
    }
    let mut ports = Vec::new();
    if let Some(NodeKind::Seq(groups)) = job.get("static_configs").map(|n| &n.kind) {
        for group in groups {
            if let Some(NodeKind::Seq(targets)) = group.get("targets").map(|n| &n.kind) {
                for t in targets {
                    if let NodeKind::Str(t) = &t.kind {
                        ports.extend(t.rsplit_once(':').map(|(_, p)| p.to_string()));
                    }
                }
            }
        }
    }
    PORTS
        .iter()
        .filter(|(port, _)| ports.iter().any(|p| p == port))
        .map(|(_, pack)| pack.to_string())
        .take(1)
        .collect()
}

/// Sets `packs` on every job of `scrape.jobs` that has none.
pub fn assign(spec: &mut Node, explicit: &[(String, String)]) {
    let Some(scrape) = child_mut(spec, "scrape") else {
        return;
    };
    let Some(jobs) = child_mut(scrape, "jobs") else {
        return;
    };
    let NodeKind::Seq(items) = &mut jobs.kind else {
        return;
    };
    for job in items.iter_mut() {
        if !matches!(job.kind, NodeKind::Map(_)) || job.get("packs").is_some() {
            continue;
        }
        let packs = packs_for(job, explicit);
        if packs.is_empty() {
            continue;
        }
        let span = job.span;
        let list = Node {
            kind: NodeKind::Seq(packs.into_iter().map(|p| string(p, span)).collect()),
            span,
        };
        let taken = std::mem::replace(
            job,
            Node {
                kind: NodeKind::Null,
                span,
            },
        );
        let mut fields = entries(taken);
        fields.insert(1.min(fields.len()), ("packs".into(), span, list));
        *job = map(span, fields);
    }
}

fn child_mut<'a>(node: &'a mut Node, key: &str) -> Option<&'a mut Node> {
    match &mut node.kind {
        NodeKind::Map(entries) => entries
            .iter_mut()
            .find(|(k, _)| k.name == key)
            .map(|(_, v)| v),
        _ => None,
    }
}
