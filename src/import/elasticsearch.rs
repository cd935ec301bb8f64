//! Import of Elasticsearch request bodies into `logs.elasticsearch`: a composable index template
//! (`PUT _index_template/NAME`), a legacy one (`PUT _template/NAME`, written back as composable), a
//! component template (`PUT _component_template/NAME`), an ILM policy (`PUT _ilm/policy/NAME`),
//! and the GET responses that list them by name. A body has no name of its own: it is the file's
//! name without its extension. Fields the spec lacks stay in place, for the loader to refuse at
//! their line.

use super::prometheus::pipeline::unsupported;
use super::prometheus::tree::{entries, location, map, string, Entry};
use crate::diagnostic::{Diagnostic, SpecPath};
use crate::source::{Node, NodeKind, Span};

/// The server version an import writes for when neither the bodies (they never say it) nor an
/// imported stack's Elasticsearch image does.
const ASSUMED_VERSION: &str = "8.0.0";

/// Whether a file's top-level keys are those of an Elasticsearch template or policy body, or of
/// a GET response listing them.
pub fn is_elasticsearch(root: &Node) -> bool {
    let NodeKind::Map(fields) = &root.kind else {
        return false;
    };
    let has = |k: &str| root.get(k).is_some();
    let is_map = |n: Option<&Node>| n.is_some_and(|n| matches!(n.kind, NodeKind::Map(_)));
    has("index_patterns")
        || has("index_templates")
        || has("component_templates")
        || (is_map(root.get("template"))
            && ["mappings", "settings", "aliases"]
                .iter()
                .any(|k| root.get("template").and_then(|t| t.get(k)).is_some()))
        || is_map(root.get("policy")).then(|| root.get("policy")?.get("phases")).flatten().is_some()
        // GET _ilm/policy: {NAME: {policy: {phases: ...}, version, modified_date}}.
        || (!fields.is_empty()
            && fields
                .iter()
                .all(|(_, v)| v.get("policy").and_then(|p| p.get("phases")).is_some()))
}

/// The `{logs: {elasticsearch: ...}}` fragment of one body or response.
pub fn to_spec(root: Node, file: &str, names: &[String], out: &mut Vec<Diagnostic>) -> Node {
    let span = root.span;
    let name = body_name(file);
    let mut lists = Lists::default();
    if root.get("index_templates").is_some() || root.get("component_templates").is_some() {
        for (key, key_span, list) in entries(root) {
            let body_key = match key.as_str() {
                "index_templates" => "index_template",
                "component_templates" => "component_template",
                _ => {
                    out.push(unsupported(
                        &key,
                        "not part of a GET _index_template or _component_template response",
                        key_span,
                        names,
                    ));
                    continue;
                }
            };
            let NodeKind::Seq(items) = list.kind else {
                out.push(malformed(
                    &format!("`{key}` is not a list"),
                    list.span,
                    names,
                ));
                continue;
            };
            for item in items {
                let item_name = item.get("name").cloned();
                let Some(body) = item.get(body_key).cloned() else {
                    out.push(malformed(
                        &format!("an entry of `{key}` has no `{body_key}`"),
                        item.span,
                        names,
                    ));
                    continue;
                };
                let item_name = item_name.unwrap_or_else(|| string(name.clone(), item.span));
                if key == "index_templates" {
                    lists
                        .index
                        .push(index_template(item_name, body, names, out));
                } else {
                    lists.component.push(named(item_name, body));
                }
            }
        }
    } else if root.get("policy").is_some() {
        lists.policies.push(policy(string(name, span), root));
    } else if root.get("index_patterns").is_some() || root.get("composed_of").is_some() {
        lists
            .index
            .push(index_template(string(name, span), root, names, out));
    } else if root.get("template").is_some() {
        lists.component.push(named(string(name, span), root));
    } else {
        for (policy_name, key_span, body) in entries(root) {
            lists
                .policies
                .push(policy(string(policy_name, key_span), body));
        }
    }
    // The version is settled once every file is read (`settle_version`).
    let mut es: Vec<Entry> = Vec::new();
    for (key, list) in [
        ("ilm_policies", lists.policies),
        ("component_templates", lists.component),
        ("index_templates", lists.index),
    ] {
        if !list.is_empty() {
            es.push((key.into(), span, seq(list, span)));
        }
    }
    let elasticsearch = map(span, vec![("elasticsearch".into(), span, map(span, es))]);
    map(span, vec![("logs".into(), span, elasticsearch)])
}

#[derive(Default)]
struct Lists {
    policies: Vec<Node>,
    component: Vec<Node>,
    index: Vec<Node>,
}

/// The file name without folders and extension: `es-template.json` is `es-template`.
fn body_name(file: &str) -> String {
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    match base.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem.to_string(),
        _ => base.to_string(),
    }
}

fn seq(items: Vec<Node>, span: Span) -> Node {
    Node {
        kind: NodeKind::Seq(items),
        span,
    }
}

/// A body with its name first.
fn named(name: Node, body: Node) -> Node {
    let span = body.span;
    let mut fields = vec![("name".to_string(), name.span, name)];
    fields.extend(entries(body));
    map(span, fields)
}

/// An ILM policy body (`{policy: {phases, _meta}}`, or a GET response's entry with `version`
/// and `modified_date`, which are the server's bookkeeping, not the policy).
fn policy(name: Node, body: Node) -> Node {
    let span = body.span;
    let inner = entries(body)
        .into_iter()
        .find(|(k, _, _)| k == "policy")
        .map(|(_, _, v)| v)
        .unwrap_or_else(|| map(span, Vec::new()));
    named(name, inner)
}

/// An index template: composable as it is, legacy (`settings`/`mappings`/`aliases` at the top,
/// `order`, or ES 5's `template: PATTERN`) reshaped into the composable form with a warning.
fn index_template(name: Node, body: Node, names: &[String], out: &mut Vec<Diagnostic>) -> Node {
    let span = body.span;
    let mut fields: Vec<Entry> = vec![("name".into(), name.span, name)];
    let mut inner: Vec<Entry> = Vec::new();
    let mut legacy: Option<Span> = None;
    let mut has_mappings = false;
    for (key, key_span, value) in entries(body) {
        match key.as_str() {
            "settings" | "mappings" | "aliases" => {
                legacy.get_or_insert(key_span);
                has_mappings |= key == "mappings";
                inner.push((key, key_span, value));
            }
            "order" => {
                legacy.get_or_insert(key_span);
                fields.push(("priority".into(), key_span, value));
            }
            "template" if matches!(value.kind, NodeKind::Str(_)) => {
                legacy.get_or_insert(key_span);
                let pattern_span = value.span;
                fields.push((
                    "index_patterns".into(),
                    key_span,
                    seq(vec![value], pattern_span),
                ));
            }
            "template" => {
                has_mappings |= value.get("mappings").is_some();
                fields.push((key, key_span, value));
            }
            _ => fields.push((key, key_span, value)),
        }
    }
    if !inner.is_empty() {
        fields.push(("template".into(), span, map(span, inner)));
    }
    // The mappings are the file's: not derived from logs.schema.
    if has_mappings {
        fields.push(("from_schema".into(), span, bool_node(false, span)));
    }
    if let Some(at) = legacy {
        out.push(
            Diagnostic::warning(
                crate::codes::DEPRECATED_FIELD,
                SpecPath::root(),
                "a legacy index template (`PUT _template`): imported as a composable index template (`PUT _index_template`), which Elasticsearch applies alone, by priority, where legacy templates merged by `order`",
            )
            .at(Some(location(at, names)))
            .with_help("check the priority against the other templates matching the same indices; legacy templates are deprecated since Elasticsearch 7.8"),
        );
    }
    map(span, fields)
}

/// A response or body that is not in the shape Elasticsearch gives it.
fn malformed(what: &str, span: Span, names: &[String]) -> Diagnostic {
    Diagnostic::error(crate::codes::INVALID_VALUE, SpecPath::root(), what.to_string())
        .at(Some(location(span, names)))
        .with_help("give the body as Elasticsearch returns it: `{\"index_templates\": [{\"name\": ..., \"index_template\": {...}}]}`")
}

fn bool_node(value: bool, span: Span) -> Node {
    Node {
        kind: NodeKind::Bool(value),
        span,
    }
}

/// Gives an imported `logs.elasticsearch` that has no version the one of the stack's
/// Elasticsearch image (`docker.elastic.co/elasticsearch/elasticsearch:8.8.0`), or else
/// [`ASSUMED_VERSION`] with a warning saying so.
pub fn settle_version(tree: &mut Node, names: &[String], out: &mut Vec<Diagnostic>) {
    let from_stack = stack_version(tree);
    let Some(es) = tree
        .get_mut("logs")
        .and_then(|l| l.get_mut("elasticsearch"))
    else {
        return;
    };
    if es.get("version").is_some() {
        return;
    }
    let span = es.span;
    let (version, version_span) = match from_stack {
        Some((v, at)) => (v, at),
        None => {
            out.push(
                Diagnostic::warning(
                    crate::codes::INVALID_VALUE,
                    SpecPath::root().key("logs").key("elasticsearch").key("version"),
                    format!("the Elasticsearch version is in no file read: the spec says {ASSUMED_VERSION}"),
                )
                .at(Some(location(span, names)))
                .with_help("set logs.elasticsearch.version to your cluster's (the checks of mapping types and settings depend on it), or import the compose file that runs it"),
            );
            (ASSUMED_VERSION.to_string(), span)
        }
    };
    if let NodeKind::Map(_) = es.kind {
        let mut fields = vec![(
            "version".to_string(),
            version_span,
            string(version, version_span),
        )];
        fields.extend(entries(std::mem::replace(es, map(span, Vec::new()))));
        *es = map(span, fields);
    }
}

/// The version tag of the first stack service running Elasticsearch's image, and where it is.
fn stack_version(tree: &Node) -> Option<(String, Span)> {
    let NodeKind::Map(services) = &tree.get("stack")?.get("services")?.kind else {
        return None;
    };
    services.iter().find_map(|(_, service)| {
        let image = service.get("image")?;
        let NodeKind::Str(text) = &image.kind else {
            return None;
        };
        let (repository, tag) = text.rsplit_once(':')?;
        let last = repository.rsplit('/').next()?;
        let major = tag.split('.').next()?.parse::<u32>().ok()?;
        (last == "elasticsearch" && major > 0).then(|| (tag.to_string(), image.span))
    })
}
