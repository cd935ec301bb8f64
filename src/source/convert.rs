//! The positioned tree as a plain JSON value: what the JSON Schema validates and serde
//! deserializes. Values JSON cannot hold (NaN, infinities) are reported with their place.

use super::node::{Node, NodeKind, Span};
use crate::diagnostic::SpecPath;
use serde_json::{Map, Number, Value};

/// Converts a tree, collecting the places of values that have no JSON form.
pub fn to_json(node: &Node, path: &SpecPath, bad: &mut Vec<(SpecPath, Span)>) -> Value {
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
                .map(|(i, item)| to_json(item, &path.index(i), bad))
                .collect(),
        ),
        NodeKind::Map(entries) => {
            let mut map = Map::new();
            for (key, value) in entries {
                map.insert(key.name.clone(), to_json(value, &path.key(&key.name), bad));
            }
            Value::Object(map)
        }
    }
}
