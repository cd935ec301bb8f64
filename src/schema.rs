//! The spec's JSON Schema (draft 2020-12), derived from the typed spec. Editors use the committed
//! copy in schemas/; the loader validates every spec against it to report all structural errors
//! of a file at once, with the validator in schema/ (exactly the keywords the schema uses).

mod compiled;
mod evaluate;
mod violation;

pub use compiled::{Compiled, SchemaError};
pub use violation::{JsonType, TypeKind, Violation, ViolationKind};

use serde_json::Value;
use std::sync::OnceLock;

/// Where the committed schema lives, relative to the repository root.
pub const SCHEMA_PATH: &str = "schemas/monctl.schema.json";

/// The JSON Schema of [`Spec`] as a JSON value.
pub fn schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(build)
}

/// The schema derived from the types (feature `derive-schema`, on by default: the CLI, whose
/// `monctl schema` writes the committed copy, and the tests, which check that copy is current).
#[cfg(feature = "derive-schema")]
fn build() -> Value {
    let mut schema = schemars::schema_for!(crate::spec::Spec).to_value();
    drop_null_alternatives(&mut schema);
    if let Value::Object(map) = &mut schema {
        map.insert(
            "$id".into(),
            Value::String("https://monctl.dev/schemas/monctl.schema.json".into()),
        );
        map.insert("title".into(), Value::String("monctl spec".into()));
    }
    schema
}

/// Without `derive-schema` (the browser module, for size: the derivation code is most of
/// schemars' share of it), the committed copy, which tests/schema_fresh.rs keeps equal to what the
/// types derive.
#[cfg(not(feature = "derive-schema"))]
fn build() -> Value {
    serde_json::from_str(include_str!("../schemas/monctl.schema.json"))
        .expect("schemas/monctl.schema.json is JSON (tests/schema_fresh.rs)")
}

#[cfg(feature = "derive-schema")]
/// Optional fields are simply absent in a spec (the loader drops `key: null` entries), so the
/// schema states each field's real type instead of "T or null": clearer messages, better editor
/// completion.
fn drop_null_alternatives(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let single = types.remove(0);
                    map.insert("type".into(), single);
                }
            }
            if let Some(Value::Array(any_of)) = map.get("anyOf") {
                let rest: Vec<Value> = any_of
                    .iter()
                    .filter(|s| s.get("type") != Some(&Value::from("null")))
                    .cloned()
                    .collect();
                if rest.len() == 1 {
                    map.remove("anyOf");
                    if let Value::Object(inner) = &rest[0] {
                        for (k, v) in inner {
                            map.insert(k.clone(), v.clone());
                        }
                    }
                } else if rest.len() < any_of.len() {
                    map.insert("anyOf".into(), Value::Array(rest));
                }
            }
            if map.get("default") == Some(&Value::Null) {
                map.remove("default");
            }
            for child in map.values_mut() {
                drop_null_alternatives(child);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(drop_null_alternatives),
        _ => {}
    }
}

/// The schema as the pretty-printed text committed to schemas/monctl.schema.json.
pub fn schema_text() -> String {
    let mut text = serde_json::to_string_pretty(schema()).expect("a JSON value always serializes");
    text.push('\n');
    text
}

/// The spec's schema compiled for validation, built once.
pub(crate) fn validator() -> &'static Compiled {
    static VALIDATOR: OnceLock<Compiled> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        Compiled::new(schema()).unwrap_or_else(|e| {
            panic!("the derived schema uses what the validator cannot check ({e}); tests/schema_validator_oracle.rs says so first")
        })
    })
}
