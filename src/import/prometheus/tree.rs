//! Helpers on the positioned node tree shared by the importers: building spec-shaped mappings out
//! of native nodes (keeping their spans, so the spec paths resolve to the native file's lines),
//! converting to JSON, merging the fragments of several native files.

use crate::diagnostic::{Location, SpecPath};
use crate::source::{FileId, Node, NodeKind, Span};
use serde_json::Value;
use std::sync::OnceLock;

/// A mapping entry as the importers handle it: key name, key span, value.
pub type Entry = (String, Span, Node);

/// A parsed `k: 0`, whose key is cloned to make new keys (the loader's key type is not exported
/// under a name).
fn proto() -> &'static Node {
    static PROTO: OnceLock<Node> = OnceLock::new();
    PROTO.get_or_init(|| {
        crate::source::load(
            &[crate::SourceFile::new("proto", "k: 0\n")],
            &crate::Limits::default(),
        )
        .tree
    })
}

/// A mapping node with these entries, spanning `span`.
pub fn map(span: Span, entries: Vec<Entry>) -> Node {
    let NodeKind::Map(protos) = &proto().kind else {
        return Node {
            kind: NodeKind::Null,
            span,
        };
    };
    let Some((pk, _)) = protos.first() else {
        return Node {
            kind: NodeKind::Null,
            span,
        };
    };
    let kind = NodeKind::Map(
        entries
            .into_iter()
            .map(|(name, key_span, value)| {
                let mut k = pk.clone();
                k.name = name;
                k.span = key_span;
                (k, value)
            })
            .collect(),
    );
    Node { kind, span }
}

/// The entries of a mapping node (empty for anything else).
pub fn entries(node: Node) -> Vec<Entry> {
    match node.kind {
        NodeKind::Map(entries) => entries
            .into_iter()
            .map(|(k, v)| (k.name, k.span, v))
            .collect(),
        _ => Vec::new(),
    }
}

/// A string node.
pub fn string(value: impl Into<String>, span: Span) -> Node {
    Node {
        kind: NodeKind::Str(value.into()),
        span,
    }
}

/// Moves every span of the tree to file `file`.
pub fn set_file(node: &mut Node, file: FileId) {
    node.span.file = file;
    match &mut node.kind {
        NodeKind::Map(entries) => {
            for (k, v) in entries.iter_mut() {
                k.span.file = file;
                set_file(v, file);
            }
        }
        NodeKind::Seq(items) => items.iter_mut().for_each(|n| set_file(n, file)),
        _ => {}
    }
}

/// The tree as a JSON value (non-finite floats become null: the schema reports them).
pub fn to_json(node: &Node) -> Value {
    match &node.kind {
        NodeKind::Null => Value::Null,
        NodeKind::Bool(b) => Value::Bool(*b),
        NodeKind::Int(i) => Value::from(*i),
        NodeKind::Float(f) => serde_json::Number::from_f64(*f)
            .map(Value::Number)
            .unwrap_or(Value::Null),
        NodeKind::Str(s) => Value::String(s.clone()),
        NodeKind::Seq(items) => Value::Array(items.iter().map(to_json).collect()),
        NodeKind::Map(entries) => Value::Object(
            entries
                .iter()
                .map(|(k, v)| (k.name.clone(), to_json(v)))
                .collect(),
        ),
    }
}

/// Merges `from` into `into`: mappings key by key, lists concatenated, a scalar set twice kept
/// from the first file (the second is reported by the caller's duplicate checks).
pub fn merge(into: &mut Node, from: Node) {
    match (&mut into.kind, from.kind) {
        (NodeKind::Map(a), NodeKind::Map(b)) => {
            for (k, v) in b {
                match a.iter_mut().find(|(ak, _)| ak.name == k.name) {
                    Some((_, existing)) => merge(existing, v),
                    None => a.push((k, v)),
                }
            }
        }
        (NodeKind::Seq(a), NodeKind::Seq(b)) => a.extend(b),
        _ => {}
    }
}

/// Removes the value at `path` (a mapping entry or a list item) from the tree.
pub fn remove(node: &mut Node, path: &SpecPath) {
    use crate::diagnostic::PathSegment;
    let Some((last, parent)) = path.0.split_last() else {
        return;
    };
    let mut at = node;
    for segment in parent {
        let next = match (segment, &mut at.kind) {
            (PathSegment::Key(k), NodeKind::Map(entries)) => entries
                .iter_mut()
                .find(|(ek, _)| &ek.name == k)
                .map(|(_, v)| v),
            (PathSegment::Index(i), NodeKind::Seq(items)) => items.get_mut(*i),
            _ => None,
        };
        match next {
            Some(n) => at = n,
            None => return,
        }
    }
    match (last, &mut at.kind) {
        (PathSegment::Key(k), NodeKind::Map(entries)) => entries.retain(|(ek, _)| &ek.name != k),
        (PathSegment::Index(i), NodeKind::Seq(items)) if *i < items.len() => {
            items.remove(*i);
        }
        _ => {}
    }
}

/// The location of a native node.
pub fn location(span: Span, file_names: &[String]) -> Location {
    Location {
        file: file_names
            .get(span.file.0 as usize)
            .cloned()
            .unwrap_or_else(|| "<input>".into()),
        start: span.start,
        end: span.end,
    }
}

/// Moves every span of the tree (keys too) to `to`.
pub fn respan(node: &mut Node, to: Span) {
    node.span = to;
    match &mut node.kind {
        NodeKind::Map(entries) => {
            for (k, v) in entries.iter_mut() {
                k.span = to;
                respan(v, to);
            }
        }
        NodeKind::Seq(items) => items.iter_mut().for_each(|n| respan(n, to)),
        _ => {}
    }
}

/// A value of the spec's types (a pipeline, a dashboard read by an importer) as a tree, every
/// node at `span`: for importers that build the section in typed form rather than reshape the
/// native tree. `None` past the input limits.
pub fn from_value(value: &impl serde::Serialize, span: Span) -> Option<Node> {
    let text = serde_json::to_string(value).ok()?;
    let mut node = crate::source::parse_yaml(&text, span.file, &crate::Limits::default()).ok()?;
    respan(&mut node, span);
    Some(node)
}

/// The span of the node a JSON pointer (`/panels/3/targets/0`) names, or of the deepest node on
/// its way that exists.
pub fn span_at_pointer(root: &Node, pointer: &str) -> Span {
    let mut at = root;
    for raw in pointer.split('/').skip(1) {
        let segment = raw.replace("~1", "/").replace("~0", "~");
        let next = match &at.kind {
            NodeKind::Map(_) => at.get(&segment),
            NodeKind::Seq(items) => segment.parse::<usize>().ok().and_then(|i| items.get(i)),
            _ => None,
        };
        match next {
            Some(n) => at = n,
            None => break,
        }
    }
    at.span
}
