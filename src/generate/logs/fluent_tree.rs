//! `logs.pipeline` as a Fluentd config tree: each typed field back to its Fluentd parameter or
//! section, in a fixed order (@type, @id, @label, typed parameters, other parameters sorted,
//! sections), so that the rendered file is stable and re-parses to the same tree. An
//! Elasticsearch output that names no host (nor `hosts`) writes to the stack's Elasticsearch
//! service when the stack runs one: its address is stated once, in `stack`.

use crate::import::fluentd::{escape_double_quoted, Element, Piece, Value};
use crate::spec::logs::pipeline::{Buffer, Filter, Output, Parse, Section, Source, Step};
use crate::spec::logs::{Param, Pipeline};
use std::collections::BTreeMap;

/// Where Elasticsearch outputs that name no host write: the stack's Elasticsearch service.
#[derive(Debug, Clone, Copy)]
pub struct EsAddress<'a> {
    pub host: &'a str,
    pub port: u16,
}

/// The whole config.
pub fn pipeline_tree(p: &Pipeline, es: Option<EsAddress>) -> Element {
    let mut root = Element::default();
    if !p.system.is_empty() {
        let mut e = Element::new("system", "");
        params(&mut e, &p.system);
        root.children.push(e);
    }
    root.children.extend(p.sources.iter().map(source));
    root.children.extend(p.route.iter().map(|s| step(s, es)));
    for l in &p.labels {
        let mut e = Element::new("label", &l.name);
        e.children.extend(l.route.iter().map(|s| step(s, es)));
        root.children.push(e);
    }
    root
}

/// A parameter value as Fluentd reads it.
pub fn value(p: &Param) -> Value {
    match p {
        Param::Env(e) => {
            let code = match &e.default {
                Some(d) => format!("ENV['{}'] || '{}'", e.env, d),
                None => format!("ENV['{}']", e.env),
            };
            Value::Embedded(vec![Piece::Code(code)])
        }
        Param::Embedded(e) => {
            // Re-read through the parser so that the tree holds what Fluentd will see.
            match crate::import::fluentd::parse(&format!("k \"{}\"\n", e.embedded)) {
                Ok(root) => root
                    .params
                    .into_iter()
                    .next()
                    .map(|p| p.value)
                    .unwrap_or(Value::text("")),
                Err(_) => Value::text(e.embedded.clone()),
            }
        }
        Param::Bool(b) => Value::text(b.to_string()),
        Param::Number(n) => Value::text(n.to_string()),
        Param::Text(s) => Value::text(s.clone()),
        Param::Json(v) => Value::text(v.to_string()),
    }
}

fn text(e: &mut Element, key: &str, v: &Option<String>) {
    if let Some(v) = v {
        e.param(key, Value::text(v.clone()));
    }
}

fn display<T: ToString>(e: &mut Element, key: &str, v: &Option<T>) {
    if let Some(v) = v {
        e.param(key, Value::text(v.to_string()));
    }
}

fn param(e: &mut Element, key: &str, v: &Option<Param>) {
    if let Some(v) = v {
        e.param(key, value(v));
    }
}

fn list(e: &mut Element, key: &str, v: &[String]) {
    if !v.is_empty() {
        e.param(key, Value::text(v.join(",")));
    }
}

fn params(e: &mut Element, map: &BTreeMap<String, Param>) {
    for (k, v) in map {
        e.param(k, value(v));
    }
}

fn section(s: &Section) -> Element {
    let mut e = Element::new(&s.name, s.arg.as_deref().unwrap_or(""));
    params(&mut e, &s.params);
    e.children.extend(s.sections.iter().map(section));
    e
}

fn parse(p: &Parse) -> Element {
    let mut e = Element::new("parse", "");
    e.param("@type", Value::text(p.plugin.clone()));
    text(&mut e, "expression", &p.expression);
    text(&mut e, "time_key", &p.time_key);
    text(&mut e, "time_format", &p.time_format);
    display(&mut e, "keep_time_key", &p.keep_time_key);
    params(&mut e, &p.params);
    e
}

fn source(s: &Source) -> Element {
    let mut e = Element::new("source", "");
    e.param("@type", Value::text(s.plugin.clone()));
    text(&mut e, "@id", &s.id);
    text(&mut e, "@label", &s.label);
    text(&mut e, "tag", &s.tag);
    text(&mut e, "path", &s.path);
    text(&mut e, "pos_file", &s.pos_file);
    display(&mut e, "read_from_head", &s.read_from_head);
    text(&mut e, "bind", &s.bind);
    display(&mut e, "port", &s.port);
    params(&mut e, &s.params);
    if let Some(p) = &s.parse {
        e.children.push(parse(p));
    }
    if let Some(st) = &s.storage {
        let mut c = Element::new("storage", "");
        c.param("@type", Value::text(st.plugin.clone()));
        text(&mut c, "path", &st.path);
        display(&mut c, "persistent", &st.persistent);
        params(&mut c, &st.params);
        e.children.push(c);
    }
    e.children.extend(s.sections.iter().map(section));
    e
}

fn step(s: &Step, es: Option<EsAddress>) -> Element {
    match s {
        Step::Filter(f) => filter(f),
        Step::Match(m) => output("match", m, es),
    }
}

fn filter(f: &Filter) -> Element {
    let mut e = Element::new("filter", &f.pattern);
    e.param("@type", Value::text(f.plugin.clone()));
    text(&mut e, "@id", &f.id);
    list(&mut e, "keep_keys", &f.keep_keys);
    list(&mut e, "remove_keys", &f.remove_keys);
    display(&mut e, "renew_record", &f.renew_record);
    display(&mut e, "enable_ruby", &f.enable_ruby);
    text(&mut e, "key_name", &f.key_name);
    display(&mut e, "reserve_data", &f.reserve_data);
    display(&mut e, "interval", &f.interval);
    params(&mut e, &f.params);
    for (name, rules) in [("regexp", &f.regexp), ("exclude", &f.exclude)] {
        for r in rules {
            let mut c = Element::new(name, "");
            c.param("key", Value::text(r.key.clone()));
            c.param("pattern", Value::text(r.pattern.clone()));
            e.children.push(c);
        }
    }
    if !f.record.is_empty() {
        let mut c = Element::new("record", "");
        params(&mut c, &f.record);
        e.children.push(c);
    }
    if let Some(p) = &f.parse {
        e.children.push(parse(p));
    }
    for r in &f.rules {
        let mut c = Element::new("rule", "");
        c.param("key", Value::text(r.key.clone()));
        c.param("pattern", Value::text(r.pattern.clone()));
        c.param("sample_rate", Value::text(r.sample_rate.to_string()));
        e.children.push(c);
    }
    e.children.extend(f.sections.iter().map(section));
    e
}

fn buffer(b: &Buffer) -> Element {
    let mut e = Element::new("buffer", &b.chunk_keys.join(","));
    text(&mut e, "@type", &b.plugin);
    text(&mut e, "path", &b.path);
    text(&mut e, "timekey", &b.timekey);
    text(&mut e, "flush_interval", &b.flush_interval);
    text(&mut e, "chunk_limit_size", &b.chunk_limit_size);
    text(&mut e, "total_limit_size", &b.total_limit_size);
    params(&mut e, &b.params);
    e
}

/// True for the plugins writing to Elasticsearch (`elasticsearch`, `elasticsearch_data_stream`).
pub fn writes_to_elasticsearch(o: &Output) -> bool {
    o.plugin.starts_with("elasticsearch")
}

/// True when the output says where its Elasticsearch is (`host`, `hosts` or `cloud_id`).
pub fn names_its_elasticsearch(o: &Output) -> bool {
    o.host.is_some() || o.params.contains_key("hosts") || o.params.contains_key("cloud_id")
}

fn output(name: &str, o: &Output, es: Option<EsAddress>) -> Element {
    let arg = if name == "match" {
        o.pattern.as_deref().unwrap_or("")
    } else {
        ""
    };
    let mut e = Element::new(name, arg);
    e.param("@type", Value::text(o.plugin.clone()));
    text(&mut e, "@id", &o.id);
    text(&mut e, "@label", &o.label);
    match es.filter(|_| writes_to_elasticsearch(o) && !names_its_elasticsearch(o)) {
        Some(es) => {
            e.param("host", Value::text(es.host.to_string()));
            match &o.port {
                Some(_) => param(&mut e, "port", &o.port),
                None => e.param("port", Value::text(es.port.to_string())),
            }
        }
        None => {
            param(&mut e, "host", &o.host);
            param(&mut e, "port", &o.port);
        }
    }
    param(&mut e, "scheme", &o.scheme);
    param(&mut e, "user", &o.user);
    param(&mut e, "password", &o.password);
    text(&mut e, "index_name", &o.index_name);
    display(&mut e, "logstash_format", &o.logstash_format);
    text(&mut e, "logstash_prefix", &o.logstash_prefix);
    text(&mut e, "logstash_dateformat", &o.logstash_dateformat);
    text(&mut e, "data_stream_name", &o.data_stream_name);
    text(&mut e, "type_name", &o.type_name);
    text(&mut e, "path", &o.path);
    params(&mut e, &o.params);
    if let Some(b) = &o.buffer {
        e.children.push(buffer(b));
    }
    if let Some(s) = &o.secondary {
        e.children.push(output("secondary", s, es));
    }
    e.children
        .extend(o.store.iter().map(|s| output("store", s, es)));
    e.children.extend(o.sections.iter().map(section));
    e
}

/// Renders a tree in Fluentd's syntax, two spaces per level, quoting only where needed.
pub fn render(root: &Element, out: &mut String) {
    for (i, c) in root.children.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        element(c, 0, out);
    }
}

fn element(e: &Element, depth: usize, out: &mut String) {
    let pad = "  ".repeat(depth);
    if e.arg.is_empty() {
        out.push_str(&format!("{pad}<{}>\n", e.name));
    } else {
        out.push_str(&format!("{pad}<{} {}>\n", e.name, quote_arg(&e.arg)));
    }
    for p in &e.params {
        out.push_str(&format!("{pad}  {} {}\n", p.key, literal(&p.value)));
    }
    for c in &e.children {
        element(c, depth + 1, out);
    }
    out.push_str(&format!("{pad}</{}>\n", e.name));
}

fn quote_arg(arg: &str) -> String {
    if arg.contains(['>', '"', '\'', '\n', '#']) || arg.starts_with(' ') {
        format!("\"{}\"", escape_double_quoted(arg))
    } else {
        arg.to_string()
    }
}

/// A value written so that Fluentd reads it back unchanged.
fn literal(v: &Value) -> String {
    match v {
        Value::Text(s) => {
            let json = (s.starts_with('[') || s.starts_with('{'))
                && serde_json::from_str::<serde_json::Value>(s)
                    .is_ok_and(|j| j.to_string().as_str() == s.as_str());
            let plain = !s.is_empty()
                && !s.starts_with(['"', '\'', '[', '{', ' ', '\t'])
                && !s.ends_with([' ', '\t'])
                && !s.contains(['\n', '\r'])
                && !s.contains(" #")
                && !s.contains("\t#");
            if json || plain {
                s.clone()
            } else {
                format!("\"{}\"", escape_double_quoted(s))
            }
        }
        Value::Embedded(pieces) => {
            let mut s = String::from("\"");
            for p in pieces {
                match p {
                    Piece::Text(t) => s.push_str(&escape_double_quoted(t)),
                    Piece::Code(c) => s.push_str(&format!("#{{{c}}}")),
                }
            }
            s.push('"');
            s
        }
    }
}
