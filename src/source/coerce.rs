//! Scalars written unquoted where the spec takes a string (`regex: 1`, `expr: 1`, a label value
//! `code: 500`, `enabled: true` in a string map): Prometheus and Alertmanager read YAML with Go's
//! yaml decoder, which gives a string field the scalar's text, so monctl does the same instead of
//! refusing the file. Guided by the JSON Schema: only where it expects a string and nothing else.

use crate::schema::{JsonType, TypeKind, Violation, ViolationKind};
use serde_json::Value;

/// The text YAML wrote for a number or boolean, as a Go string field receives it.
fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// JSON pointers of the numbers and booleans the schema wants as strings, from one validation
/// pass's errors.
pub fn string_positions<'a>(errors: Vec<Violation<'a>>) -> (Vec<String>, Vec<Violation<'a>>) {
    let mut positions = Vec::new();
    let mut rest = Vec::new();
    for error in errors {
        let wants_string = matches!(
            &error.kind,
            ViolationKind::Type {
                kind: TypeKind::Single(JsonType::String)
            }
        );
        if wants_string && scalar_text(error.instance).is_some() {
            positions.push(error.instance_path.clone());
        } else {
            rest.push(error);
        }
    }
    (positions, rest)
}

/// Replaces the scalars at these pointers with their text.
pub fn to_strings(value: &mut Value, positions: &[String]) {
    for pointer in positions {
        if let Some(slot) = value.pointer_mut(pointer) {
            if let Some(text) = scalar_text(slot) {
                *slot = Value::String(text);
            }
        }
    }
}
