//! What the logs rules share: the routes (top level and each label) with their spec paths, the
//! tags the sources emit, and the index names Elasticsearch outputs write to.

use crate::diagnostic::SpecPath;
use crate::spec::logs::pipeline::{Output, Step};
use crate::spec::logs::{Logs, Pipeline, TagPattern};

/// One route: the top level (`label` None) or a `<label>`'s.
pub struct Route<'a> {
    pub label: Option<&'a str>,
    pub path: SpecPath,
    pub steps: &'a [Step],
}

pub fn routes(p: &Pipeline) -> Vec<Route<'_>> {
    let root = SpecPath::root().key("logs").key("pipeline");
    let mut out = vec![Route {
        label: None,
        path: root.key("route"),
        steps: &p.route,
    }];
    for (i, l) in p.labels.iter().enumerate() {
        out.push(Route {
            label: Some(&l.name),
            path: root.key("labels").index(i).key("route"),
            steps: &l.route,
        });
    }
    out
}

pub fn pipeline(logs: &Option<Logs>) -> Option<&Pipeline> {
    logs.as_ref()?.pipeline.as_ref()
}

/// Sample tags a source emits (`None` when its tags come from the client: forward, http, ...).
pub fn source_tags(plugin: &str, tag: Option<&str>) -> Option<Vec<String>> {
    match (plugin, tag) {
        ("forward" | "http" | "unix" | "secure_forward", _) => None,
        (_, Some(t)) => Some(TagPattern::new(t).samples()),
        (_, None) => Some(Vec::new()),
    }
}

/// Every output of a `<match>`, itself and the `<store>`s of copy, with paths.
pub fn outputs<'a>(o: &'a Output, at: SpecPath, out: &mut Vec<(&'a Output, SpecPath)>) {
    for (i, s) in o.store.iter().enumerate() {
        outputs(s, at.key("store").index(i), out);
    }
    out.push((o, at));
}

/// A sample of the index names an Elasticsearch output writes (`mall-go-2024.01.01`), or None
/// when the output is not Elasticsearch or its index is not known before deployment.
pub fn index_sample(o: &Output) -> Option<String> {
    if !o.plugin.starts_with("elasticsearch") {
        return None;
    }
    if let Some(ds) = &o.data_stream_name {
        return Some(ds.clone());
    }
    if o.logstash_format == Some(true) {
        let prefix = o.logstash_prefix.as_deref().unwrap_or("logstash");
        return Some(format!("{prefix}-2024.01.01"));
    }
    let index = o.index_name.as_deref().unwrap_or("fluentd");
    (!index.contains("${")).then(|| index.to_string())
}

/// Elasticsearch's index pattern match (`*` is any run of characters).
pub fn index_matches(pattern: &str, name: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return pattern == name;
    }
    let mut rest = name;
    for (i, part) in parts.iter().enumerate() {
        if i == 0 {
            let Some(r) = rest.strip_prefix(part) else {
                return false;
            };
            rest = r;
        } else if i == parts.len() - 1 {
            return rest.ends_with(part);
        } else {
            let Some(at) = rest.find(part) else {
                return false;
            };
            rest = &rest[at + part.len()..];
        }
    }
    true
}

/// The step's pattern, compiled.
pub fn step_pattern(s: &Step) -> Option<TagPattern> {
    match s {
        Step::Filter(f) => Some(TagPattern::new(&f.pattern)),
        Step::Match(m) => m.pattern.as_deref().map(TagPattern::new),
    }
}

/// A Ruby regexp literal's body (`/^x$/i` -> `(?i)^x$`) for the regex crate, when it compiles.
pub fn ruby_regex(pattern: &str) -> Option<regex::Regex> {
    let body = match pattern.strip_prefix('/') {
        Some(rest) => {
            let end = rest.rfind('/')?;
            let flags = &rest[end + 1..];
            let prefix = if flags.contains('i') { "(?i)" } else { "" };
            format!("{prefix}{}", &rest[..end])
        }
        None => pattern.to_string(),
    };
    crate::regexes::compile(&body).ok()
}
