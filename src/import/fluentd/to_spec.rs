//! A parsed fluent.conf into `logs.pipeline`: `<source>`, top-level `<filter>`/`<match>` in file
//! order, `<label>` sections and `<system>`. Parameters monctl types become typed fields (when
//! their value has the type's form); every other parameter and section is kept under `params` /
//! `sections`. `"#{ENV['X'] || 'd'}"` becomes `{env: X, default: d}`.

use super::tree::{Element, Piece, Pos, Value};
use crate::spec::logs::pipeline::{
    Buffer, Filter, GrepRule, Label, Output, Parse, SamplingRule, Section, Source, Step, Storage,
};
use crate::spec::logs::{Embedded, EnvRef, Param, Pipeline};
use std::collections::BTreeMap;

/// The pipeline of a parsed config, and the top-level sections it has no place for (with their
/// positions).
pub fn pipeline_from_tree(root: &Element) -> (Pipeline, Vec<(String, Pos)>) {
    let mut p = Pipeline::default();
    let mut skipped = Vec::new();
    for e in &root.children {
        match e.name.as_str() {
            "system" => {
                let mut r = Reader::new(e);
                p.system = r.rest();
            }
            "source" => p.sources.push(source(e)),
            "filter" | "match" => p.route.push(step(e)),
            "label" => p.labels.push(Label {
                name: e.arg.clone(),
                route: e
                    .children
                    .iter()
                    .filter(|c| c.name == "filter" || c.name == "match")
                    .map(step)
                    .collect(),
            }),
            other => skipped.push((other.to_string(), e.pos)),
        }
    }
    (p, skipped)
}

/// `ENV['X']`, `ENV["X"]`, optionally `|| 'default'` / `|| default`.
pub fn env_ref(code: &str) -> Option<EnvRef> {
    let code = code.trim();
    let rest = code.strip_prefix("ENV[")?;
    let quote = rest.chars().next().filter(|c| *c == '\'' || *c == '"')?;
    let rest = &rest[1..];
    let end = rest.find(quote)?;
    let name = &rest[..end];
    let after = rest[end + 1..].strip_prefix(']')?.trim();
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return None;
    }
    let default = if after.is_empty() {
        None
    } else {
        let d = after.strip_prefix("||")?.trim();
        let unq = d
            .strip_prefix('\'')
            .and_then(|x| x.strip_suffix('\''))
            .or_else(|| d.strip_prefix('"').and_then(|x| x.strip_suffix('"')));
        match unq {
            Some(s) if !s.contains(['\'', '"', '\\']) => Some(s.to_string()),
            Some(_) => return None,
            None if d
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_') =>
            {
                Some(d.to_string())
            }
            None => return None,
        }
    };
    Some(EnvRef {
        env: name.to_string(),
        default,
    })
}

fn param(v: &Value) -> Param {
    match v {
        Value::Text(s) if s.starts_with(['[', '{']) => serde_json::from_str(s)
            .map(Param::Json)
            .unwrap_or_else(|_| Param::Text(s.clone())),
        Value::Text(s) => Param::Text(s.clone()),
        Value::Embedded(pieces) => {
            if let [Piece::Code(code)] = pieces.as_slice() {
                if let Some(e) = env_ref(code) {
                    return Param::Env(e);
                }
            }
            let mut s = String::new();
            for p in pieces {
                match p {
                    Piece::Text(t) => s.push_str(&super::escape_double_quoted(t)),
                    Piece::Code(c) => {
                        s.push_str("#{");
                        s.push_str(c);
                        s.push('}');
                    }
                }
            }
            Param::Embedded(Embedded { embedded: s })
        }
    }
}

/// Takes typed parameters out of an element; what is left goes to `params`.
struct Reader<'a> {
    e: &'a Element,
    taken: Vec<bool>,
}

impl<'a> Reader<'a> {
    fn new(e: &'a Element) -> Self {
        Reader {
            e,
            taken: vec![false; e.params.len()],
        }
    }

    /// The last text value of a key, if it passes `ok`.
    fn take_if(&mut self, key: &str, ok: impl Fn(&str) -> bool) -> Option<String> {
        let i = self.e.params.iter().rposition(|p| p.key == key)?;
        let text = self.e.params[i].value.as_text()?;
        if !ok(text) {
            return None;
        }
        for (j, p) in self.e.params.iter().enumerate() {
            if p.key == key {
                self.taken[j] = true;
            }
        }
        Some(text.to_string())
    }

    fn text(&mut self, key: &str) -> Option<String> {
        self.take_if(key, |_| true)
    }

    fn boolean(&mut self, key: &str) -> Option<bool> {
        self.take_if(key, |t| t == "true" || t == "false")
            .map(|t| t == "true")
    }

    fn number<T: std::str::FromStr>(&mut self, key: &str) -> Option<T> {
        self.take_if(key, |t| t.parse::<T>().is_ok())
            .and_then(|t| t.parse().ok())
    }

    fn list(&mut self, key: &str) -> Vec<String> {
        self.text(key)
            .map(|t| {
                t.split(',')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    }

    fn param(&mut self, key: &str) -> Option<Param> {
        let i = self.e.params.iter().rposition(|p| p.key == key)?;
        for (j, p) in self.e.params.iter().enumerate() {
            if p.key == key {
                self.taken[j] = true;
            }
        }
        Some(param(&self.e.params[i].value))
    }

    fn rest(&mut self) -> BTreeMap<String, Param> {
        let mut out = BTreeMap::new();
        for (j, p) in self.e.params.iter().enumerate() {
            if !self.taken[j] {
                out.insert(p.key.clone(), param(&p.value));
            }
        }
        out
    }
}

fn section(e: &Element) -> Section {
    Section {
        name: e.name.clone(),
        arg: (!e.arg.is_empty()).then(|| e.arg.clone()),
        params: Reader::new(e).rest(),
        sections: e.children.iter().map(section).collect(),
    }
}

fn parse_section(e: &Element) -> Parse {
    let mut r = Reader::new(e);
    Parse {
        plugin: r.text("@type").unwrap_or_default(),
        expression: r.text("expression"),
        time_key: r.text("time_key"),
        time_format: r.text("time_format"),
        keep_time_key: r.boolean("keep_time_key"),
        params: r.rest(),
    }
}

fn source(e: &Element) -> Source {
    let mut r = Reader::new(e);
    let mut s = Source {
        plugin: r.text("@type").unwrap_or_default(),
        id: r.text("@id"),
        label: r.text("@label"),
        tag: r.text("tag"),
        path: r.text("path"),
        pos_file: r.text("pos_file"),
        read_from_head: r.boolean("read_from_head"),
        bind: r.text("bind"),
        port: r.number("port"),
        parse: None,
        storage: None,
        params: r.rest(),
        sections: Vec::new(),
    };
    for c in &e.children {
        match c.name.as_str() {
            "parse" if s.parse.is_none() => s.parse = Some(parse_section(c)),
            "storage" if s.storage.is_none() => {
                let mut r = Reader::new(c);
                s.storage = Some(Storage {
                    plugin: r.text("@type").unwrap_or_default(),
                    path: r.text("path"),
                    persistent: r.boolean("persistent"),
                    params: r.rest(),
                });
            }
            _ => s.sections.push(section(c)),
        }
    }
    s
}

fn step(e: &Element) -> Step {
    if e.name == "filter" {
        Step::Filter(filter(e))
    } else {
        let mut o = output(e);
        o.pattern = Some(e.arg.clone());
        Step::Match(o)
    }
}

fn grep_rule(c: &Element) -> Option<GrepRule> {
    let known = c
        .params
        .iter()
        .all(|p| p.key == "key" || p.key == "pattern");
    Some(GrepRule {
        key: c.get("key")?.as_text()?.to_string(),
        pattern: c.get("pattern")?.as_text()?.to_string(),
    })
    .filter(|_| known && c.children.is_empty())
}

fn filter(e: &Element) -> Filter {
    let mut r = Reader::new(e);
    let mut f = Filter {
        pattern: e.arg.clone(),
        plugin: r.text("@type").unwrap_or_default(),
        id: r.text("@id"),
        regexp: Vec::new(),
        exclude: Vec::new(),
        record: BTreeMap::new(),
        keep_keys: r.list("keep_keys"),
        remove_keys: r.list("remove_keys"),
        renew_record: r.boolean("renew_record"),
        enable_ruby: r.boolean("enable_ruby"),
        key_name: r.text("key_name"),
        reserve_data: r.boolean("reserve_data"),
        parse: None,
        interval: r.number("interval"),
        rules: Vec::new(),
        params: r.rest(),
        sections: Vec::new(),
    };
    for c in &e.children {
        match (c.name.as_str(), grep_rule(c)) {
            ("regexp", Some(g)) => f.regexp.push(g),
            ("exclude", Some(g)) => f.exclude.push(g),
            ("record", _) if f.record.is_empty() && c.children.is_empty() => {
                f.record = Reader::new(c).rest()
            }
            ("parse", _) if f.parse.is_none() => f.parse = Some(parse_section(c)),
            ("rule", _) => {
                let mut r = Reader::new(c);
                let (key, pattern, rate) = (
                    r.text("key"),
                    r.text("pattern"),
                    r.number::<u32>("sample_rate"),
                );
                match (key, pattern, rate, r.rest().is_empty()) {
                    (Some(key), Some(pattern), Some(sample_rate), true) => {
                        f.rules.push(SamplingRule {
                            key,
                            pattern,
                            sample_rate,
                        })
                    }
                    _ => f.sections.push(section(c)),
                }
            }
            _ => f.sections.push(section(c)),
        }
    }
    f
}

fn output(e: &Element) -> Output {
    let mut r = Reader::new(e);
    let mut o = Output {
        pattern: None,
        plugin: r.text("@type").unwrap_or_default(),
        id: r.text("@id"),
        label: r.text("@label"),
        host: r.param("host"),
        port: r.param("port"),
        scheme: r.param("scheme"),
        user: r.param("user"),
        password: r.param("password"),
        index_name: r.text("index_name"),
        logstash_format: r.boolean("logstash_format"),
        logstash_prefix: r.text("logstash_prefix"),
        logstash_dateformat: r.text("logstash_dateformat"),
        data_stream_name: r.text("data_stream_name"),
        type_name: r.text("type_name"),
        path: r.text("path"),
        buffer: None,
        secondary: None,
        store: Vec::new(),
        params: r.rest(),
        sections: Vec::new(),
    };
    for c in &e.children {
        match c.name.as_str() {
            "buffer" if o.buffer.is_none() => {
                let mut r = Reader::new(c);
                o.buffer = Some(Buffer {
                    chunk_keys: c
                        .arg
                        .split(',')
                        .map(|s| s.trim().to_string())
                        .filter(|s| !s.is_empty())
                        .collect(),
                    plugin: r.text("@type"),
                    path: r.text("path"),
                    timekey: r.text("timekey"),
                    flush_interval: r.text("flush_interval"),
                    chunk_limit_size: r.text("chunk_limit_size"),
                    total_limit_size: r.text("total_limit_size"),
                    params: r.rest(),
                });
            }
            "secondary" if o.secondary.is_none() => o.secondary = Some(Box::new(output(c))),
            "store" => o.store.push(output(c)),
            _ => o.sections.push(section(c)),
        }
    }
    o
}
