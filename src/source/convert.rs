//! The positioned tree as a plain JSON value: what the JSON Schema validates and serde
//! deserializes. Values JSON cannot hold (NaN, infinities) are reported with their place.

use super::node::{Node, NodeKind, Span};
use crate::diagnostic::{PathSegment, SpecPath};
use serde_json::{Map, Number, Value};

/// Converts a tree, collecting the places of values that have no JSON form. `path` is the node's
/// path, used as a stack: a path is only built for a value that has no JSON form.
pub fn to_json(node: &Node, path: &mut SpecPath, bad: &mut Vec<(SpecPath, Span)>) -> Value {
    match &node.kind {
        NodeKind::Null => Value::Null,
        NodeKind::Bool(b) => Value::Bool(*b),
        NodeKind::Int(i) => Value::Number((*i).into()),
        NodeKind::Float(f) => match Number::from_f64(*f) {
            Some(n) => Value::Number(n),
            None => {
                bad.push((path.clone(), node.span));
                Value::Null
            }
        },
        NodeKind::Str(s) => Value::String(s.clone()),
        NodeKind::Seq(items) => Value::Array(
            items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    path.0.push(PathSegment::Index(i));
                    let value = to_json(item, path, bad);
                    path.0.pop();
                    value
                })
                .collect(),
        ),
        NodeKind::Map(entries) => {
            let mut map = Map::with_capacity(entries.len());
            for (key, value) in entries {
                path.0.push(PathSegment::Key(key.name.clone()));
                let value = to_json(value, path, bad);
                if let Some(PathSegment::Key(name)) = path.0.pop() {
                    map.insert(name, value);
                }
            }
            Value::Object(map)
        }
    }
}
