//! K007: a Fluentd Elasticsearch output that writes to a host or port that is not the stack's
//! Elasticsearch service (or, naming none, to a stack that runs no Elasticsearch).

use super::addresses::{self, Address};
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::{Severity, SpecPath};
use crate::spec::logs::pipeline::{Output, Step};
use crate::spec::logs::Param;
use crate::spec::stack::{EnvValue, Preset};
use crate::suggest::Suggester;
use std::collections::BTreeMap;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "K007",
        name: "log-output-not-in-stack",
        family: Family::Stack,
        severity: Severity::Error,
        summary: "A Fluentd Elasticsearch output does not write to the stack's Elasticsearch.",
        explanation: "fluent-plugin-elasticsearch connects to `host` and `port` (default `localhost:9200`), or to each entry of `hosts`. Inside the Compose network that must be the Elasticsearch service's name and container port: `localhost` is the Fluentd container itself, and another name or port fails every flush. Fluentd then retries, fills its buffer and, once `total_limit_size` is reached, drops the logs.\n\nAn output that names no host writes to the stack's Elasticsearch service: monctl fills in its name and port, so the address is stated once. A `{env: NAME, default: ...}` host is judged by the value the Fluentd service sets for NAME, else by its default.\n\nBad:\n```yaml\nstack:\n  services:\n    elasticsearch: {preset: elasticsearch}\nlogs:\n  pipeline:\n    route:\n      - match: {pattern: '**', \"@type\": elasticsearch, host: elastic, port: 9200}\n```\nGood:\n```yaml\n      - match: {pattern: '**', \"@type\": elasticsearch}   # host and port from the stack\n```",
    },
    run,
};

/// A parameter's value in the Fluentd container: literal, or the environment variable as the
/// Fluentd service sets it, else its default (None when unknown before deployment).
fn resolve(param: &Param, fluentd: Option<&BTreeMap<String, EnvValue>>) -> Option<String> {
    match param {
        Param::Env(e) => fluentd
            .and_then(|env| env.get(&e.env))
            .and_then(EnvValue::literal)
            .or_else(|| e.default.clone()),
        other => other.literal(),
    }
}

fn outputs<'a>(o: &'a Output, at: SpecPath, out: &mut Vec<(&'a Output, SpecPath)>) {
    for (i, s) in o.store.iter().enumerate() {
        outputs(s, at.key("store").index(i), out);
    }
    if let Some(s) = &o.secondary {
        outputs(s, at.key("secondary"), out);
    }
    out.push((o, at));
}

fn run(ctx: &Context, out: &mut Findings) {
    let model = ctx.model;
    if model.spec.stack.is_none() {
        return;
    }
    let Some(pipeline) = model.spec.logs.as_ref().and_then(|l| l.pipeline.as_ref()) else {
        return;
    };
    let stack = &model.stack;
    let fluentd = stack
        .with_role(Preset::Fluentd)
        .next()
        .map(|f| &f.environment);
    let es: Vec<_> = stack.with_role(Preset::Elasticsearch).collect();
    let suggester = Suggester::new(stack.services.iter().map(|s| s.name.as_str()));
    let root = SpecPath::root().key("logs").key("pipeline");
    let mut routes = vec![(root.key("route"), &pipeline.route)];
    for (i, l) in pipeline.labels.iter().enumerate() {
        routes.push((root.key("labels").index(i).key("route"), &l.route));
    }
    let mut all = Vec::new();
    for (path, steps) in routes {
        for (i, step) in steps.iter().enumerate() {
            if let Step::Match(o) = step {
                outputs(o, path.index(i).key("match"), &mut all);
            }
        }
    }
    for (o, path) in all {
        if !o.plugin.starts_with("elasticsearch") {
            continue;
        }
        let name = match &o.id {
            Some(id) => format!("Elasticsearch output `{id}`"),
            None => "an Elasticsearch output".to_string(),
        };
        let mut origin: Option<String> = None;
        // Each address with where it is written, and where its port is (when written apart).
        let mut written: Vec<(Address, SpecPath, Option<SpecPath>)> = Vec::new();
        if let Some(hosts) = o.params.get("hosts") {
            if let Some(text) = resolve(hosts, fluentd) {
                let at = path.key("params").key("hosts");
                for item in text.split(',').map(str::trim) {
                    let address = addresses::parse(item)
                        .or_else(|| addresses::parse(&format!("{item}:9200")));
                    written.extend(address.map(|a| (a, at.clone(), None)));
                }
            }
        } else if let Some(param) = &o.host {
            let Some(host) = resolve(param, fluentd) else {
                continue;
            };
            if let Param::Env(e) = param {
                let set = fluentd.is_some_and(|env| env.contains_key(&e.env));
                origin = Some(if set {
                    format!(" ({} as the Fluentd service sets it)", e.env)
                } else {
                    format!(
                        " ({}'s default: the Fluentd service does not set it)",
                        e.env
                    )
                });
            }
            let port = o.port.as_ref().and_then(|p| resolve(p, fluentd));
            let text = format!("{host}:{}", port.as_deref().unwrap_or("9200"));
            if let Some(a) = addresses::parse(&text) {
                let port_path = o.port.as_ref().map(|_| path.key("port"));
                written.push((a, path.key("host"), port_path));
            }
        } else if o.params.contains_key("cloud_id") {
            continue;
        } else if es.is_empty() {
            let d = out.report(
                path,
                format!("{name} names no host, so it writes to localhost:9200 (the Fluentd container itself), and the stack runs no Elasticsearch"),
            );
            d.help = Some("add an Elasticsearch service (preset: elasticsearch), or name the host the output writes to".into());
            continue;
        }
        for (address, host_path, port_path) in written {
            let host = address.host.as_str();
            let port = address.port.unwrap_or(9200);
            let mut at = host_path;
            let problem = if addresses::is_loopback(host) {
                Some(format!(
                    "`{host}` inside the Fluentd container is Fluentd itself, not Elasticsearch"
                ))
            } else if !addresses::is_service_like(host) {
                None // a host outside the stack: not judged
            } else if let Some(s) = es.iter().find(|s| s.name == host) {
                if let Some(p) = port_path.filter(|_| !s.listens_on(port)) {
                    at = p;
                }
                (!s.listens_on(port)).then(|| {
                    format!(
                        "service `{host}` does not listen on port {port} (its ports: {})",
                        s.container_ports()
                            .iter()
                            .map(u16::to_string)
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                })
            } else if stack.service(host).is_some() {
                Some(format!("service `{host}` is not the stack's Elasticsearch"))
            } else {
                Some(format!("`{host}` is no service of the stack"))
            };
            let Some(problem) = problem else {
                continue;
            };
            let d = out.report(
                at,
                format!(
                    "{name} writes to `{host}:{port}`{}: {problem}",
                    origin.as_deref().unwrap_or("")
                ),
            );
            d.help = Some(match es.first() {
                Some(s) => {
                    let hint = suggester
                        .suggest(host)
                        .filter(|h| *h == s.name && *h != host)
                        .map(|h| format!("did you mean `{h}`? "))
                        .unwrap_or_default();
                    format!("{hint}write to `{}:9200`, or leave host and port out and monctl writes the stack's Elasticsearch address", s.name)
                }
                None => "add an Elasticsearch service (preset: elasticsearch) to the stack".into(),
            });
        }
    }
}
