//! JSON Schema violations as diagnostics: one per problem, worded for people (unknown fields with
//! a "did you mean", durations and names with their syntax), and the list of values to prune so
//! that the rest of the spec can still be deserialized and checked.

use crate::codes::{did_you_mean, INVALID_VALUE, UNKNOWN_FIELD};
use crate::diagnostic::{Diagnostic, PathSegment, SpecPath};
use crate::schema::{TypeKind, Violation, ViolationKind};
use serde_json::Value;

/// Fields whose literal form carries a secret; the spec takes them only by file reference.
const SECRET_FIELDS: &[(&str, &str)] = &[
    ("password", "password_file"),
    ("bearer_token", "authorization.credentials_file"),
    ("credentials", "credentials_file"),
];

/// Fields people carry over from other tools, with what the spec calls them.
const FIELD_HINTS: &[(&str, &str)] = &[
    (
        "subject",
        "Alertmanager's email config has no `subject`: set `headers: {Subject: ...}`",
    ),
    (
        "body",
        "Alertmanager's email config has no `body`: use `text` (plain text) or `html`",
    ),
    (
        "interval",
        "scrape jobs say `scrape_interval` (rule groups say `interval`)",
    ),
];

/// A path into the JSON value, with array indices told apart from keys.
pub fn spec_path(pointer: &str, instance: &Value) -> SpecPath {
    let mut path = SpecPath::root();
    let mut node = Some(instance);
    for raw in pointer.split('/').skip(1) {
        let segment = raw.replace("~1", "/").replace("~0", "~");
        match node {
            Some(Value::Array(items)) => {
                let index: usize = segment.parse().unwrap_or(0);
                node = items.get(index);
                path = path.index(index);
            }
            Some(Value::Object(map)) => {
                node = map.get(&segment);
                path = path.key(&segment);
            }
            _ => {
                node = None;
                path = path.key(&segment);
            }
        }
    }
    path
}

fn schema_at<'a>(schema: &'a Value, pointer: &str) -> Option<&'a Value> {
    schema.pointer(pointer)
}

fn parent_pointer(pointer: &str) -> &str {
    pointer
        .rsplit_once('/')
        .map(|(parent, _)| parent)
        .unwrap_or("")
}

/// The name of the `$defs` entry a schema location is inside, if any (`Duration`, `MetricName`...).
fn def_name(schema_path: &str) -> Option<&str> {
    let rest = schema_path.split("/$defs/").last()?;
    if rest.len() == schema_path.len() {
        return None;
    }
    rest.split('/').next()
}

fn type_word(kind: &TypeKind) -> String {
    match kind {
        TypeKind::Single(t) => article(&t.to_string()),
        TypeKind::Multiple(ts) => {
            let words: Vec<String> = ts.iter().map(|t| article(&t.to_string())).collect();
            words.join(" or ")
        }
    }
}

fn article(json_type: &str) -> String {
    match json_type {
        "object" => "a mapping".into(),
        "array" => "a list".into(),
        "integer" => "an integer".into(),
        "null" => "null".into(),
        other => format!("a {other}"),
    }
}

fn value_word(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("the boolean {b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the string \"{s}\""),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "a mapping".into(),
    }
}

/// One schema violation as diagnostics, plus the paths whose values should be pruned.
pub fn describe(
    error: &Violation<'_>,
    instance: &Value,
    schema: &Value,
) -> (Vec<Diagnostic>, Vec<SpecPath>) {
    let pointer = error.instance_path.as_str();
    let path = spec_path(pointer, instance);
    let schema_path = error.schema_path.as_str();
    match &error.kind {
        ViolationKind::AdditionalProperties { unexpected } => {
            let known: Vec<String> = schema_at(schema, parent_pointer(schema_path))
                .and_then(|s| s.get("properties"))
                .and_then(Value::as_object)
                .map(|props| props.keys().cloned().collect())
                .unwrap_or_default();
            let mut out = Vec::new();
            let mut prune = Vec::new();
            // A map keyed by label names (rule labels): the key is a name, not a field.
            let label_map = schema_at(schema, parent_pointer(schema_path))
                .and_then(|s| s.get("patternProperties"))
                .and_then(Value::as_object)
                .is_some_and(|p| p.contains_key(crate::spec::types::LABEL_NAME_PATTERN));
            for field in unexpected.iter().filter(|_| label_map) {
                let field_path = path.key(field);
                out.push(crate::spec::label_names::invalid(field, field_path.clone()));
                prune.push(field_path);
            }
            for field in unexpected.iter().filter(|_| !label_map) {
                let field_path = path.key(field);
                let mut d = Diagnostic::error(
                    UNKNOWN_FIELD,
                    field_path.clone(),
                    format!("unknown field `{field}`"),
                );
                let secret = SECRET_FIELDS.iter().find(|(literal, _)| literal == field);
                let hint = FIELD_HINTS
                    .iter()
                    .find(|(name, _)| name == field)
                    .map(|(_, h)| h.to_string());
                d.help = match (secret, did_you_mean(field, known.iter().map(String::as_str))) {
                    _ if hint.is_some() => hint,
                    (Some((_, by_file)), _) => Some(format!(
                        "secrets are never written into generated files: put it in a file and reference it with `{by_file}`"
                    )),
                    (None, Some(suggestion)) => Some(format!("did you mean `{suggestion}`?")),
                    (None, None) if !known.is_empty() => Some(format!("expected one of: {}", known.join(", "))),
                    _ => None,
                };
                out.push(d);
                prune.push(field_path);
            }
            (out, prune)
        }
        ViolationKind::Required { property } => {
            let name = *property;
            let d = Diagnostic::error(
                INVALID_VALUE,
                path.clone(),
                format!("missing required field `{name}`"),
            )
            .with_help(format!("add `{name}:` here"));
            (vec![d], Vec::new())
        }
        ViolationKind::Pattern { .. } | ViolationKind::MinLength { .. } => {
            let found = error.instance;
            let text = found.as_str().unwrap_or_default();
            let (message, help) = match def_name(schema_path) {
                Some("Duration") => (
                    format!("`{text}` is not a Prometheus duration"),
                    "write a number and a unit, largest unit first: 30s, 5m, 1h30m (units: ms, s, m, h, d, w, y)".to_string(),
                ),
                Some("MetricName") => (
                    format!("`{text}` is not a valid metric name"),
                    "metric names use letters, digits, _ and :, and do not start with a digit".to_string(),
                ),
                Some("LabelName") => (
                    format!("`{text}` is not a valid label name"),
                    "label names use letters, digits and _, and do not start with a digit".to_string(),
                ),
                _ => (format!("`{text}` is not valid here"), error.to_string()),
            };
            (
                vec![Diagnostic::error(INVALID_VALUE, path.clone(), message).with_help(help)],
                vec![path],
            )
        }
        ViolationKind::Type { kind } => {
            let d = Diagnostic::error(
                INVALID_VALUE,
                path.clone(),
                format!(
                    "expected {}, found {}",
                    type_word(kind),
                    value_word(error.instance)
                ),
            );
            (vec![d], vec![path])
        }
        ViolationKind::Enum { options } => {
            let allowed: Vec<String> = options
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|v| {
                            v.as_str()
                                .map(String::from)
                                .unwrap_or_else(|| v.to_string())
                        })
                        .collect()
                })
                .unwrap_or_default();
            let found = error.instance;
            let text = found
                .as_str()
                .map(String::from)
                .unwrap_or_else(|| found.to_string());
            let help = match did_you_mean(&text, allowed.iter().map(String::as_str)) {
                Some(s) => format!("did you mean `{s}`? (one of: {})", allowed.join(", ")),
                None => format!("use one of: {}", allowed.join(", ")),
            };
            let d = Diagnostic::error(
                INVALID_VALUE,
                path.clone(),
                match path.0.last() {
                    Some(PathSegment::Key(field)) => {
                        format!("`{text}` is not an allowed value for `{field}`")
                    }
                    _ => format!("`{text}` is not an allowed value"),
                },
            )
            .with_help(help);
            (vec![d], vec![path])
        }
        ViolationKind::AnyOf { context } | ViolationKind::OneOfNotValid { context } => {
            // Report the alternative that matched the value's shape best: the one whose errors
            // are not a type mismatch at this very place.
            let best = context.iter().find(|branch| {
                !branch.iter().any(|e| {
                    matches!(e.kind, ViolationKind::Type { .. }) && e.instance_path == pointer
                })
            });
            match best {
                Some(branch) if !branch.is_empty() => {
                    let mut out = Vec::new();
                    let mut prune = Vec::new();
                    for e in branch {
                        let (d, p) = describe(e, instance, schema);
                        out.extend(d);
                        prune.extend(p);
                    }
                    (out, prune)
                }
                _ => {
                    let d = Diagnostic::error(
                        INVALID_VALUE,
                        path.clone(),
                        format!("{} is not valid here", value_word(error.instance)),
                    )
                    .with_help(describe_alternatives(schema_path, schema));
                    (vec![d], vec![path])
                }
            }
        }
        _ => {
            let d = Diagnostic::error(INVALID_VALUE, path.clone(), error.to_string());
            (vec![d], vec![path])
        }
    }
}

fn describe_alternatives(schema_path: &str, schema: &Value) -> String {
    let alternatives = schema_at(schema, schema_path).and_then(Value::as_array);
    let words: Vec<String> = alternatives
        .map(|alts| {
            alts.iter()
                .map(|alt| {
                    alt.get("$ref")
                        .and_then(Value::as_str)
                        .and_then(|r| r.rsplit('/').next())
                        .map(String::from)
                        .or_else(|| alt.get("type").map(|t| t.to_string()))
                        .unwrap_or_else(|| "a value".into())
                })
                .collect()
        })
        .unwrap_or_default();
    if words.is_empty() {
        "see the spec's JSON Schema for what this field takes".into()
    } else {
        format!("expected one of: {}", words.join(", "))
    }
}

/// Removes the value at `path` (nothing when it is the root or already gone).
pub fn prune(value: &mut Value, path: &SpecPath) {
    let Some((last, parent)) = path.0.split_last() else {
        return;
    };
    let mut node = value;
    for segment in parent {
        let next = match (segment, node) {
            (PathSegment::Key(k), Value::Object(map)) => map.get_mut(k),
            (PathSegment::Index(i), Value::Array(items)) => items.get_mut(*i),
            _ => None,
        };
        match next {
            Some(n) => node = n,
            None => return,
        }
    }
    match (last, node) {
        (PathSegment::Key(k), Value::Object(map)) => {
            map.shift_remove(k);
        }
        (PathSegment::Index(i), Value::Array(items)) => {
            // Keep indices stable for the other paths: replace rather than remove.
            if let Some(slot) = items.get_mut(*i) {
                *slot = Value::Null;
            }
        }
        _ => {}
    }
}
