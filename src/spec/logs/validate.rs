//! Load-time validation of the `logs` section: what Fluentd or Elasticsearch refuse when they load
//! it — duplicate field, template and policy names, a version other than 7 or 8, unbalanced tag
//! patterns, labels without `@`, references to undefined labels and component templates, bad
//! environment variable names.

use super::pipeline::{Output, Step};
use super::{LogField, Logs};
use crate::codes::{
    did_you_mean, DUPLICATE_DEFINITION, INVALID_FIELD_COMBINATION, INVALID_VALUE, UNKNOWN_REFERENCE,
};
use crate::diagnostic::{Diagnostic, SpecPath};
use std::collections::HashSet;

/// Load-time validation of the `logs` section (paths only; the loader adds positions).
pub fn validate(spec: &crate::spec::Spec) -> Vec<Diagnostic> {
    let Some(logs) = &spec.logs else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let root = SpecPath::root().key("logs");
    fields(
        &logs.schema.fields,
        &root.key("schema").key("fields"),
        &mut out,
    );
    pipeline(logs, &root.key("pipeline"), &mut out);
    elasticsearch(logs, &root.key("elasticsearch"), &mut out);
    out
}

fn fields(list: &[LogField], path: &SpecPath, out: &mut Vec<Diagnostic>) {
    let mut seen = HashSet::new();
    for (i, f) in list.iter().enumerate() {
        let at = path.index(i);
        if f.name.is_empty() {
            out.push(
                Diagnostic::error(INVALID_VALUE, at.key("name"), "a field needs a name")
                    .with_help("write the JSON key the application writes"),
            );
        } else if !seen.insert(f.name.as_str()) {
            out.push(
                Diagnostic::error(
                    DUPLICATE_DEFINITION,
                    at.key("name"),
                    format!("field `{}` is defined twice", f.name),
                )
                .with_help("remove one of the two definitions"),
            );
        }
        if !f.properties.is_empty() && !f.field_type.has_properties() {
            out.push(
                Diagnostic::error(
                    INVALID_FIELD_COMBINATION,
                    at.key("properties"),
                    format!(
                        "field `{}` is a {}; only object and nested fields have properties",
                        f.name,
                        f.field_type.as_str()
                    ),
                )
                .with_help("set `type: object` or remove the properties"),
            );
        }
        fields(&f.properties, &at.key("properties"), out);
    }
}

fn pipeline(logs: &Logs, path: &SpecPath, out: &mut Vec<Diagnostic>) {
    let Some(p) = &logs.pipeline else {
        return;
    };
    let labels: Vec<&str> = p.labels.iter().map(|l| l.name.as_str()).collect();
    let check_label = |name: &str, at: SpecPath, out: &mut Vec<Diagnostic>| {
        if !labels.contains(&name) && name != "@ERROR" {
            let help = match did_you_mean(name, labels.iter().copied()) {
                Some(s) => format!("did you mean `{s}`?"),
                None => "define it under logs.pipeline.labels".to_string(),
            };
            out.push(
                Diagnostic::error(
                    UNKNOWN_REFERENCE,
                    at,
                    format!("label `{name}` is not defined"),
                )
                .with_help(help),
            );
        }
    };
    let mut seen = HashSet::new();
    for (i, l) in p.labels.iter().enumerate() {
        let at = path.key("labels").index(i).key("name");
        // Fluentd requires a name, not the `@`: its own examples route to `<label error_log>`.
        // The `@` is the convention that keeps labels apart from tags and parameters.
        if l.name.is_empty() {
            out.push(
                Diagnostic::error(
                    INVALID_VALUE,
                    at.clone(),
                    "label with no name (Fluentd: Missing symbol argument on <label> directive)",
                )
                .with_help("name the label, e.g. `@OUTPUT`"),
            );
        } else if !l.name.starts_with('@') {
            out.push(
                Diagnostic::warning(
                    INVALID_VALUE,
                    at.clone(),
                    format!("label `{}` does not start with `@`", l.name),
                )
                .with_help(format!(
                    "write `@{}`: by convention label names start with `@`",
                    l.name
                )),
            );
        }
        if !seen.insert(l.name.as_str()) {
            out.push(
                Diagnostic::error(
                    DUPLICATE_DEFINITION,
                    at,
                    format!("label `{}` is defined twice", l.name),
                )
                .with_help("merge the two label sections"),
            );
        }
    }
    for (i, s) in p.sources.iter().enumerate() {
        if let Some(l) = &s.label {
            check_label(l, path.key("sources").index(i).key("@label"), out);
        }
    }
    let mut routes = vec![(path.key("route"), &p.route)];
    for (i, l) in p.labels.iter().enumerate() {
        routes.push((path.key("labels").index(i).key("route"), &l.route));
    }
    for (rpath, route) in routes {
        for (i, step) in route.iter().enumerate() {
            match step {
                Step::Filter(f) => pattern(&f.pattern, rpath.index(i).key("filter"), out),
                Step::Match(m) => {
                    let at = rpath.index(i).key("match");
                    match &m.pattern {
                        Some(pat) => pattern(pat, at.clone(), out),
                        None => out.push(
                            Diagnostic::error(
                                INVALID_VALUE,
                                at.clone(),
                                "a <match> needs a tag pattern",
                            )
                            .with_help("add `pattern: \"app.**\"`"),
                        ),
                    }
                    outputs(m, &at, &mut |l, at| check_label(l, at, out));
                }
            }
        }
    }
}

fn outputs(o: &Output, at: &SpecPath, label: &mut dyn FnMut(&str, SpecPath)) {
    if let Some(l) = &o.label {
        label(l, at.key("@label"));
    }
    for (i, s) in o.store.iter().enumerate() {
        outputs(s, &at.key("store").index(i), label);
    }
    if let Some(s) = &o.secondary {
        outputs(s, &at.key("secondary"), label);
    }
}

/// A tag pattern: braces balanced and not nested (an empty one is Fluentd's `**`).
fn pattern(text: &str, at: SpecPath, out: &mut Vec<Diagnostic>) {
    let mut depth = 0i32;
    let mut bad = false;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        if !(0..=1).contains(&depth) {
            bad = true;
        }
    }
    if bad || depth != 0 {
        out.push(
            Diagnostic::error(INVALID_VALUE, at.key("pattern"), format!("`{text}` is not a tag pattern"))
                .with_help("use tag parts separated by `.`, with `*` (one part), `**` (any parts) and `{a,b}` (either)"),
        );
    }
}

fn elasticsearch(logs: &Logs, path: &SpecPath, out: &mut Vec<Diagnostic>) {
    let Some(es) = &logs.elasticsearch else {
        return;
    };
    if !matches!(es.major(), Some(7 | 8)) {
        out.push(
            Diagnostic::error(
                INVALID_VALUE,
                path.key("version"),
                format!(
                    "Elasticsearch `{}`: monctl writes bodies for versions 7 and 8",
                    es.version
                ),
            )
            .with_help("write the server's version, e.g. `8.8.0`"),
        );
    }
    let mut dup = |names: Vec<&str>, what: &str, key: &str| {
        let mut seen = HashSet::new();
        for (i, n) in names.into_iter().enumerate() {
            if !seen.insert(n) {
                out.push(
                    Diagnostic::error(
                        DUPLICATE_DEFINITION,
                        path.key(key).index(i).key("name"),
                        format!("{what} `{n}` is defined twice"),
                    )
                    .with_help("remove or rename one of them"),
                );
            }
        }
    };
    dup(
        es.ilm_policies.iter().map(|p| p.name.as_str()).collect(),
        "ILM policy",
        "ilm_policies",
    );
    dup(
        es.component_templates
            .iter()
            .map(|p| p.name.as_str())
            .collect(),
        "component template",
        "component_templates",
    );
    dup(
        es.index_templates.iter().map(|p| p.name.as_str()).collect(),
        "index template",
        "index_templates",
    );
    let components: Vec<&str> = es
        .component_templates
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    for (i, t) in es.index_templates.iter().enumerate() {
        for (j, c) in t.composed_of.iter().enumerate() {
            if !components.contains(&c.as_str()) {
                let help = match did_you_mean(c, components.iter().copied()) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => "define it under logs.elasticsearch.component_templates".into(),
                };
                out.push(
                    Diagnostic::error(
                        UNKNOWN_REFERENCE,
                        path.key("index_templates")
                            .index(i)
                            .key("composed_of")
                            .index(j),
                        format!(
                            "index template `{}` is composed of `{c}`, which is not defined (Elasticsearch refuses the template)",
                            t.name
                        ),
                    )
                    .with_help(help),
                );
            }
        }
        if t.index_patterns.is_empty() {
            out.push(
                Diagnostic::error(
                    INVALID_VALUE,
                    path.key("index_templates").index(i).key("index_patterns"),
                    format!("index template `{}` has no index pattern", t.name),
                )
                .with_help("add the index names it applies to, e.g. `mall-go-*`"),
            );
        }
    }
}
