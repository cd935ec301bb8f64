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
    /// The file the secret must be written to (`$NAME`: the environment variable to set).
    pub file: String,
    pub span: crate::source::Span,
}

/// What the walk found: moved secrets, and fields given in both their literal and file forms.
#[derive(Debug, Default)]
pub struct WalkFindings {
    pub moved: Vec<MovedSecret>,
    /// Both `x` and `x_file`: the tools refuse that ("at most one of x & x_file").
    pub both_forms: Vec<(SpecPath, String, crate::source::Span)>,
}

/// Walks `node` (at spec path `path`) beside `schema`.
pub fn walk(node: &mut Node, schema: &Value, path: &SpecPath, found: &mut WalkFindings) {
    let root = crate::schema::schema();
    let schema = resolve(schema, root);
    if is_secret(schema) {
        if is_scalar(&node.kind) {
            let field = last_key(path);
            let span = node.span;
            // Alertmanager reads these from no file: they become environment references.
            let (reference, target) = if NO_FILE_FORM.contains(&field.as_str()) {
                let name = secret_env(path);
                (("env", name.clone()), format!("${name}"))
            } else {
                let file = secret_file(path);
                (("file", file.clone()), file)
            };
            found.moved.push(MovedSecret {
                path: path.clone(),
                field,
                file: target,
                span,
            });
            *node = map(
                span,
                vec![(reference.0.into(), span, string(reference.1, span))],
            );
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
                    walk(child, item, &path.index(i), found);
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
            let present: Vec<String> = match &taken {
                NodeKind::Map(entries) => entries.iter().map(|(k, _)| k.name.clone()).collect(),
                _ => Vec::new(),
            };
            let mut native = entries(Node { kind: taken, span });
            if property("secrets").is_none() && property("files").is_some() {
                secret_values_to_files(&mut native, path, found);
            }
            let mut out = Vec::new();
            for (name, key_span, mut value) in native {
                let mut name = name;
                if property(&name).is_none() {
                    if let Some(stem) = name.strip_suffix("_file") {
                        // A native `x_file: path` is the spec's `x: {file: path}`.
                        if property(stem).is_some_and(is_secret)
                            && present.iter().any(|p| p == stem)
                        {
                            found.both_forms.push((
                                path.key(stem),
                                format!(
                                    "{}at most one of {stem} & {name} must be configured",
                                    own_prefix(path)
                                ),
                                key_span,
                            ));
                        } else if property(stem).is_some_and(is_secret) && is_scalar(&value.kind) {
                            let vspan = value.span;
                            value = string(scalar_text(&value.kind), vspan);
                            value = map(vspan, vec![("file".into(), vspan, value)]);
                            name = stem.to_string();
                        }
                    } else {
                        // The field's file form: `x_file`, or `x_path` (STACKIT's keys).
                        let file_form = [format!("{name}_file"), format!("{name}_path")]
                            .into_iter()
                            .find(|form| property(form).is_some())
                            .unwrap_or_else(|| format!("{name}_file"));
                        if property(&file_form).is_some() && present.contains(&file_form) {
                            found.both_forms.push((
                                path.key(&name),
                                format!(
                                    "{}at most one of {name} & {file_form} must be configured",
                                    own_prefix(path)
                                ),
                                key_span,
                            ));
                            continue;
                        } else if property(&file_form).is_some() && is_scalar(&value.kind) {
                            let child = path.key(&file_form);
                            let file = secret_file(&path.key(&name));
                            found.moved.push(MovedSecret {
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
                let child_schema = property(&name).or(additional);
                if let Some(s) = child_schema {
                    walk(&mut value, s, &path.key(&name), found);
                }
                out.push((name, key_span, value));
            }
            *node = map(span, out);
        }
        _ => {}
    }
}

/// The prefix Prometheus puts on the checks a discovery makes of its own fields: Marathon's
/// `auth_token` is its own field, not the HTTP client's, and its error says so
/// ("marathon_sd: at most one of auth_token & auth_token_file ...").
fn own_prefix(path: &SpecPath) -> &'static str {
    let text = path.to_string();
    let parent = text.rsplit('.').next().unwrap_or("");
    if parent.starts_with("marathon_sd_configs[") {
        "marathon_sd: "
    } else {
        ""
    }
}

/// A header's secret values (`http_headers: {X: {secrets: [...]}}`) move to files, each to its
/// own, listed before the header's own `files` so the values keep their order (Prometheus sends
/// `values`, then `secrets`, then `files`).
fn secret_values_to_files(
    native: &mut Vec<super::tree::Entry>,
    path: &SpecPath,
    found: &mut WalkFindings,
) {
    let Some(at) = native.iter().position(|(name, _, _)| name == "secrets") else {
        return;
    };
    // Not a list: left for the schema to refuse, where the spec names `secrets`.
    if !matches!(native[at].2.kind, NodeKind::Seq(_)) {
        return;
    }
    let (_, key_span, secrets) = native.remove(at);
    let list_span = secrets.span;
    let NodeKind::Seq(items) = secrets.kind else {
        return;
    };
    let mut files = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        if !is_scalar(&item.kind) {
            files.push(item);
            continue;
        }
        let file = secret_file(&path.key("secrets").index(i));
        found.moved.push(MovedSecret {
            path: path.key("files").index(i),
            field: "secrets".into(),
            file: file.clone(),
            span: item.span,
        });
        files.push(string(file, item.span));
    }
    match native.iter_mut().find(|(name, _, _)| name == "files") {
        Some((_, _, own)) => {
            if let NodeKind::Seq(own_items) = &mut own.kind {
                files.append(own_items);
                *own_items = files;
            }
        }
        None => native.push((
            "files".into(),
            key_span,
            Node {
                kind: NodeKind::Seq(files),
                span: list_span,
            },
        )),
    }
}

/// A YAML scalar: the tools read an unquoted `1234` into a secret or a file name as its text.
fn is_scalar(kind: &NodeKind) -> bool {
    matches!(
        kind,
        NodeKind::Str(_) | NodeKind::Int(_) | NodeKind::Float(_) | NodeKind::Bool(_)
    )
}

/// The text of a scalar as the tools read it into a string.
fn scalar_text(kind: &NodeKind) -> String {
    match kind {
        NodeKind::Str(s) => s.clone(),
        NodeKind::Int(i) => i.to_string(),
        NodeKind::Float(f) => f.to_string(),
        NodeKind::Bool(b) => b.to_string(),
        NodeKind::Null | NodeKind::Seq(_) | NodeKind::Map(_) => String::new(),
    }
}

/// Secret fields Alertmanager reads from no file (since 0.29 every integration secret has a
/// `_file` form; SigV4's secret key is moved by the Alertmanager import itself).
const NO_FILE_FORM: &[&str] = &["secret_key"];

/// The environment variable a moved secret without a file form is read from.
fn secret_env(path: &SpecPath) -> String {
    let slug = secret_file(path);
    let name: String = slug
        .trim_start_matches("secrets/")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect();
    format!("MONCTL_{name}")
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
