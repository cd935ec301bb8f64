//! A walk of an imported tree beside the spec's JSON Schema that reads native values the way the
//! tools do: an unquoted number or boolean where the tool reads a string becomes that string
//! (`regex: 1`, `expr: 1`, `match: {code: 500}`), and literal secrets move to file references
//! (`password: x` -> `password_file: ...`, a `Secret` field -> `{file: ...}`; a native
//! `api_url_file: p` -> `api_url: {file: p}`). Every moved secret is recorded for the summary.

use super::tree::{entries, map, string};
use crate::diagnostic::SpecPath;
use crate::source::{Node, NodeKind};
use serde_json::{Map, Value};

/// A literal secret the import took out of the spec: where it was and the file that must hold it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MovedSecret {
    /// The spec path of the field now holding the reference.
    pub path: SpecPath,
    /// The native field that held the literal.
    pub field: String,
    /// The file the secret must be written to.
    pub file: String,
    pub span: crate::source::Span,
}

/// Walks `node` (at spec path `path`) beside `schema`.
pub fn walk(node: &mut Node, schema: &Value, path: &SpecPath, moved: &mut Vec<MovedSecret>) {
    let root = crate::schema::schema();
    let schema = resolve(schema, root);
    if is_secret(schema) {
        if let NodeKind::Str(literal) = &node.kind {
            let _ = literal;
            let file = secret_file(path);
            moved.push(MovedSecret {
                path: path.clone(),
                field: last_key(path),
                file: file.clone(),
                span: node.span,
            });
            let span = node.span;
            *node = map(span, vec![("file".into(), span, string(file, span))]);
        }
        return;
    }
    match &mut node.kind {
        NodeKind::Int(_) | NodeKind::Float(_) | NodeKind::Bool(_) if wants_string(schema, root) => {
            let text = match &node.kind {
                NodeKind::Int(i) => i.to_string(),
                NodeKind::Float(f) => f.to_string(),
                NodeKind::Bool(b) => b.to_string(),
                _ => String::new(),
            };
            node.kind = NodeKind::Str(text);
        }
        NodeKind::Seq(items) => {
            if let Some(item) = alternatives(schema, root)
                .into_iter()
                .find_map(|s| s.get("items"))
            {
                for (i, child) in items.iter_mut().enumerate() {
                    walk(child, item, &path.index(i), moved);
                }
            }
        }
        NodeKind::Map(_) => {
            let alts = alternatives(schema, root);
            let property = |name: &str| -> Option<&Value> {
                alts.iter().find_map(|s| {
                    s.get("properties")
                        .and_then(|p| p.get(name))
                        .map(|p| resolve(p, root))
                })
            };
            let additional = alts
                .iter()
                .find_map(|s| s.get("additionalProperties").filter(|a| a.is_object()));
            let span = node.span;
            let taken = std::mem::replace(&mut node.kind, NodeKind::Null);
            let mut out = Vec::new();
            for (name, key_span, mut value) in entries(Node { kind: taken, span }) {
                let mut name = name;
                if property(&name).is_none() {
                    if let Some(stem) = name.strip_suffix("_file") {
                        // A native `x_file: path` is the spec's `x: {file: path}`.
                        if property(stem).is_some_and(is_secret) {
                            if let NodeKind::Str(_) = value.kind {
                                let vspan = value.span;
                                value = map(vspan, vec![("file".into(), vspan, value)]);
                                name = stem.to_string();
                            }
                        }
                    } else {
                        let file_form = format!("{name}_file");
                        let file_form = match name.as_str() {
                            "bearer_token" => "bearer_token_file".to_string(),
                            _ => file_form,
                        };
                        if property(&file_form).is_some() {
                            if let NodeKind::Str(_) = value.kind {
                                let child = path.key(&file_form);
                                let file = secret_file(&path.key(&name));
                                moved.push(MovedSecret {
                                    path: child,
                                    field: name.clone(),
                                    file: file.clone(),
                                    span: value.span,
                                });
                                value = string(file, value.span);
                                name = file_form;
                            }
                        }
                    }
                }
                let child_schema = property(&name).or(additional);
                if let Some(s) = child_schema {
                    walk(&mut value, s, &path.key(&name), moved);
                }
                out.push((name, key_span, value));
            }
            *node = map(span, out);
        }
        _ => {}
    }
}

/// The file a moved secret is to be written to: named after its place in the spec.
fn secret_file(path: &SpecPath) -> String {
    let slug: String = path
        .to_string()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    format!("secrets/{slug}")
}

fn last_key(path: &SpecPath) -> String {
    path.0
        .iter()
        .rev()
        .find_map(|s| match s {
            crate::diagnostic::PathSegment::Key(k) => Some(k.clone()),
            _ => None,
        })
        .unwrap_or_default()
}

/// Follows `$ref`s to the schema they name.
fn resolve<'a>(mut schema: &'a Value, root: &'a Value) -> &'a Value {
    for _ in 0..16 {
        match schema.get("$ref").and_then(Value::as_str) {
            Some(r) if !is_secret_ref(r) => {
                match r.strip_prefix('#').and_then(|p| root.pointer(p)) {
                    Some(target) => schema = target,
                    None => break,
                }
            }
            _ => break,
        }
    }
    schema
}

fn is_secret_ref(r: &str) -> bool {
    r.ends_with("/Secret")
}

fn is_secret(schema: &Value) -> bool {
    schema
        .get("$ref")
        .and_then(Value::as_str)
        .is_some_and(is_secret_ref)
}

/// The schema and its `anyOf`/`oneOf`/`allOf` alternatives, resolved.
fn alternatives<'a>(schema: &'a Value, root: &'a Value) -> Vec<&'a Map<String, Value>> {
    let mut out = Vec::new();
    let mut stack = vec![resolve(schema, root)];
    while let Some(s) = stack.pop() {
        if out.len() > 64 {
            break;
        }
        if let Value::Object(m) = s {
            out.push(m);
            for key in ["anyOf", "oneOf", "allOf"] {
                if let Some(Value::Array(alts)) = m.get(key) {
                    stack.extend(alts.iter().map(|a| resolve(a, root)));
                }
            }
        }
    }
    out
}

/// Whether the schema takes a string here and no number or boolean.
fn wants_string(schema: &Value, root: &Value) -> bool {
    let mut string = false;
    for alt in alternatives(schema, root) {
        match alt.get("type") {
            Some(Value::String(t)) if t == "string" => string = true,
            Some(Value::String(t)) if t == "integer" || t == "number" || t == "boolean" => {
                return false
            }
            Some(Value::Array(ts)) => {
                for t in ts {
                    match t.as_str() {
                        Some("string") => string = true,
                        Some("integer" | "number" | "boolean") => return false,
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    string
}
