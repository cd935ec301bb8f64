//! Import of Prometheus rule files into the `rules` section (issue #9): each group keeps its
//! native fields and positions, and is written back to a rule file named after the native one.

use super::prometheus::pipeline::unsupported;
use super::prometheus::tree::{entries, map, string, Entry};
use crate::diagnostic::Diagnostic;
use crate::source::{Node, NodeKind};

/// The rule file stem a native file's groups are written back to.
pub fn file_stem(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = base
        .strip_suffix(".yml")
        .or_else(|| base.strip_suffix(".yaml"))
        .unwrap_or(base);
    stem.to_string()
}

/// Reshapes a rule file tree into `{rules: {groups: [...]}}`, each group with its `file`.
pub fn to_spec(root: Node, file: &str, names: &[String], out: &mut Vec<Diagnostic>) -> Node {
    let span = root.span;
    let stem = file_stem(file);
    let mut groups_entry: Vec<Entry> = Vec::new();
    for (name, key_span, value) in entries(root) {
        if name != "groups" {
            out.push(unsupported(&name, "rule file field", key_span, names));
            continue;
        }
        let vspan = value.span;
        let groups = match value.kind {
            NodeKind::Seq(items) => items
                .into_iter()
                .map(|g| {
                    if !matches!(g.kind, NodeKind::Map(_)) {
                        return g;
                    }
                    let gspan = g.span;
                    let mut fields = entries(g);
                    if !fields.iter().any(|(k, _, _)| k == "file") {
                        fields.push(("file".into(), gspan, string(stem.clone(), gspan)));
                    }
                    map(gspan, fields)
                })
                .collect(),
            other => {
                groups_entry.push((
                    "groups".into(),
                    key_span,
                    Node {
                        kind: other,
                        span: vspan,
                    },
                ));
                continue;
            }
        };
        groups_entry.push((
            "groups".into(),
            key_span,
            Node {
                kind: NodeKind::Seq(groups),
                span: vspan,
            },
        ));
    }
    let rules = map(span, groups_entry);
    map(span, vec![("rules".into(), span, rules)])
}
