//! Checks of a prometheus.yml that only its native form can fail, in Prometheus' words: an empty
//! (`-`) or null entry in a list of scrape configs, static configs, relabeling rules or remote
//! write/read configs. Each is reported at its place and taken out of the tree, so the spec's
//! loader does not report it a second time as a mapping it lacks.

use super::tree::location;
use crate::codes::INVALID_VALUE;
use crate::diagnostic::{Diagnostic, SpecPath};
use crate::source::{Node, NodeKind};

/// Reports and removes the null entries of `list` (a sequence), with Prometheus' message.
fn null_entries(
    list: Option<&mut Node>,
    path: &SpecPath,
    message: &str,
    names: &[String],
    out: &mut Vec<Diagnostic>,
) {
    let Some(Node {
        kind: NodeKind::Seq(items),
        ..
    }) = list
    else {
        return;
    };
    let mut index = 0;
    items.retain(|item| {
        let null = item.kind == NodeKind::Null;
        if null {
            out.push(
                Diagnostic::error(INVALID_VALUE, path.index(index), message.to_string())
                    .at(Some(location(item.span, names)))
                    .with_help("an empty `-` entry configures nothing: fill it in or remove it"),
            );
        }
        index += 1;
        !null
    });
}

fn child<'a>(node: &'a mut Node, key: &str) -> Option<&'a mut Node> {
    match &mut node.kind {
        NodeKind::Map(entries) => entries
            .iter_mut()
            .find(|(k, _)| k.name == key)
            .map(|(_, v)| v),
        _ => None,
    }
}

fn each_map(list: Option<&mut Node>, mut f: impl FnMut(usize, &mut Node)) {
    if let Some(Node {
        kind: NodeKind::Seq(items),
        ..
    }) = list
    {
        for (i, item) in items.iter_mut().enumerate() {
            if matches!(item.kind, NodeKind::Map(_)) {
                f(i, item);
            }
        }
    }
}

/// Runs the checks on a prometheus.yml's root mapping (spec paths are those of the import).
pub fn check(root: &mut Node, names: &[String], out: &mut Vec<Diagnostic>) {
    let scrape = SpecPath::root().key("scrape");
    let jobs = scrape.key("jobs");
    null_entries(
        child(root, "scrape_configs"),
        &jobs,
        "empty or null scrape config section",
        names,
        out,
    );
    each_map(child(root, "scrape_configs"), |i, job| {
        for (key, message) in [
            ("static_configs", "empty or null section in static_configs"),
            ("relabel_configs", "empty or null target relabeling rule"),
            (
                "metric_relabel_configs",
                "empty or null metric relabeling rule",
            ),
        ] {
            null_entries(
                child(job, key),
                &jobs.index(i).key(key),
                message,
                names,
                out,
            );
        }
    });
    let remote_write = scrape.key("remote_write");
    null_entries(
        child(root, "remote_write"),
        &remote_write,
        "empty or null remote write config section",
        names,
        out,
    );
    each_map(child(root, "remote_write"), |i, rw| {
        null_entries(
            child(rw, "write_relabel_configs"),
            &remote_write.index(i).key("write_relabel_configs"),
            "empty or null relabeling rule in remote write config",
            names,
            out,
        );
    });
    null_entries(
        child(root, "remote_read"),
        &scrape.key("remote_read"),
        "empty or null remote read config section",
        names,
        out,
    );
    let Some(alerting) = child(root, "alerting") else {
        return;
    };
    null_entries(
        child(alerting, "alert_relabel_configs"),
        &scrape.key("alert_relabel_configs"),
        "empty or null alert relabeling rule",
        names,
        out,
    );
    let alertmanagers = scrape.key("alertmanagers");
    each_map(child(alerting, "alertmanagers"), |i, am| {
        null_entries(
            child(am, "relabel_configs"),
            &alertmanagers.index(i).key("relabel_configs"),
            "empty or null Alertmanager target relabeling rule",
            names,
            out,
        );
    });
}
