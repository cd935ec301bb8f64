//! K008: a host name in a generated config (a service's environment or command, an
//! Alertmanager webhook URL) that is spelled differently from the stack's service it means.

use super::addresses::{self, Address};
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::{Severity, SpecPath};
use crate::model::StackModel;
use crate::spec::routing::Secret;
use crate::spec::stack::EnvValue;
use std::collections::BTreeMap;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "K008",
        name: "host-not-a-service",
        family: Family::Stack,
        severity: Severity::Error,
        summary: "A generated config names a host that is a misspelling of a stack service.",
        explanation: "On the Compose network a container reaches another by its service name (Compose's embedded DNS resolves the service names of the project, nothing close to them). A URL, `host:port` or `*_HOST`/`*_ADDR` value in a service's environment or command, or an Alertmanager webhook URL, that spells a service differently (`alertmanger`, `elasticsearh`) or names the standard host of a service the stack runs under another name (`elasticsearch` when the service is `es`) fails to resolve: the connection errors at run time, in a log nobody reads. A host with dots (`api.example.com`) is outside the stack and is not judged, nor is a one-word name close to no service. A service that declares its ports is also checked for the port.\n\nmonctl derives the addresses it writes itself (Prometheus's datasource, Kibana's and the exporters' Elasticsearch, MySQL and Redis, the tracing endpoints) from the service names; this rule checks the ones written in the spec.\n\nBad:\n```yaml\nstack:\n  services:\n    jaeger: {preset: jaeger}\n    app:\n      image: example/app:1.0.0\n      environment: {JAEGER_AGENT_HOST: jager}\n```\nGood:\n```yaml\n      environment: {JAEGER_AGENT_HOST: jaeger}\n```",
    },
    run,
};

/// The host a value names: an address, or a bare name under a `*_HOST`-style key.
fn named(key: Option<&str>, value: &str) -> Vec<Address> {
    let found = addresses::in_value(value);
    if !found.is_empty() {
        return found;
    }
    let host_key = key.is_some_and(|k| {
        let k = k.to_ascii_uppercase();
        ["_HOST", "_HOSTNAME", "_ADDR", "_ADDRESS", "_SERVER"]
            .iter()
            .any(|s| k.ends_with(s))
    });
    let word = value.trim();
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
        && word.chars().any(|c| c.is_ascii_alphabetic());
    if host_key && plain {
        vec![Address {
            host: word.to_ascii_lowercase(),
            port: None,
            scheme: None,
        }]
    } else {
        Vec::new()
    }
}

/// The service `host` is a misspelling of: one or two letters added, dropped, changed or swapped
/// (`alertmanger`, `elasticsearh`), not a longer name sharing a prefix (`mall-go-alerting`).
fn misspelt<'a>(host: &str, stack: &'a StackModel) -> Option<&'a str> {
    stack
        .services
        .iter()
        .map(|s| (strsim::damerau_levenshtein(host, &s.name), s.name.as_str()))
        .filter(|(d, name)| *d <= 2 && d * 4 <= host.len().max(name.len()))
        .min()
        .map(|(_, name)| name)
}

/// What is wrong with `address` as seen from the stack, if anything, and the fix.
fn problem(stack: &StackModel, address: &Address) -> Option<(String, String)> {
    let host = address.host.as_str();
    if !addresses::is_service_like(host) {
        return None;
    }
    if let Some(s) = stack.service(host) {
        let port = address.port?;
        let ports = s.container_ports();
        if ports.is_empty() || s.listens_on(port) {
            return None;
        }
        let list = ports.iter().map(u16::to_string).collect::<Vec<_>>();
        return Some((
            format!("service `{host}` does not listen on port {port}"),
            format!(
                "its container ports are {}; name one of them, or publish or expose {port}",
                list.join(", ")
            ),
        ));
    }
    // The standard host of a role the stack runs under another name (`elasticsearch` for `es`).
    let role = StackModel::role_of_host(host);
    let by_role = role
        .and_then(|r| stack.with_role(r).next())
        .map(|s| s.name.as_str());
    let meant = misspelt(host, stack).or(by_role)?;
    Some((
        format!("`{host}` is no service of the stack"),
        format!("did you mean `{meant}`? Containers reach each other by service name"),
    ))
}

/// A service's environment values and command arguments (`path` is the service's): what to call
/// each in a message, its key (an environment variable, or a `--flag=`'s name in the same form),
/// its value, and its spec path: its own when the spec writes it, else the service's (a preset's).
fn written(
    ctx: &Context,
    name: &str,
    path: SpecPath,
    environment: &BTreeMap<String, EnvValue>,
    command: &[String],
) -> Vec<(String, Option<String>, String, SpecPath)> {
    let spec = ctx
        .model
        .spec
        .stack
        .as_ref()
        .and_then(|s| s.services.get(name));
    let mut out = Vec::new();
    for (key, value) in environment {
        let Some(text) = value.literal() else {
            continue;
        };
        let path = match spec.is_some_and(|s| s.environment.contains_key(key)) {
            true => path.key("environment").key(key.as_str()),
            false => path.clone(),
        };
        out.push((format!("`{key}`"), Some(key.clone()), text, path));
    }
    let own_command = spec.is_some_and(|s| s.command.is_some());
    for (i, arg) in command.iter().enumerate() {
        let (what, key, value) = match arg.strip_prefix("--").and_then(|a| a.split_once('=')) {
            Some((flag, v)) => (
                format!("`--{flag}`"),
                Some(flag.replace(['.', '-'], "_")),
                v.to_string(),
            ),
            None => ("a command argument".to_string(), None, arg.clone()),
        };
        let at = if own_command {
            path.key("command").index(i)
        } else {
            path.clone()
        };
        out.push((what, key, value, at));
    }
    out
}

fn run(ctx: &Context, out: &mut Findings) {
    let model = ctx.model;
    if model.spec.stack.is_none() {
        return;
    }
    let stack = &model.stack;
    for service in &stack.services {
        let values = written(
            ctx,
            &service.name,
            service.path(),
            &service.environment,
            &service.command,
        );
        for (what, key, value, path) in values {
            for address in named(key.as_deref(), &value) {
                if address.host == service.name {
                    continue;
                }
                if let Some((message, help)) = problem(stack, &address) {
                    let d = out.report(
                        path.clone(),
                        format!("service `{}`: {what} is `{value}`: {message}", service.name),
                    );
                    d.help = Some(help);
                }
            }
        }
    }
    let Some(routing) = &model.spec.routing else {
        return;
    };
    for (r, receiver) in routing.receivers.iter().enumerate() {
        for (w, webhook) in receiver.webhook_configs.iter().enumerate() {
            let Secret::Literal(url) = &webhook.url else {
                continue;
            };
            let Some(mut address) = addresses::from_url(url) else {
                continue;
            };
            address.port = address.port_or_default();
            if let Some((message, help)) = problem(stack, &address) {
                let d = out.report(
                    SpecPath::root()
                        .key("routing")
                        .key("receivers")
                        .index(r)
                        .key("webhook_configs")
                        .index(w)
                        .key("url"),
                    format!(
                        "receiver `{}`: Alertmanager posts to `{url}`: {message}",
                        receiver.name
                    ),
                );
                d.help = Some(help);
            }
        }
    }
}
