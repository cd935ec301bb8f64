//! K003: a static scrape target whose host is no service of the stack, or whose port the service
//! does not listen on.

use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::{Severity, SpecPath};
use crate::model::StackModel;
use crate::suggest::Suggester;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "K003",
        name: "scrape-target-not-in-stack",
        family: Family::Stack,
        severity: Severity::Error,
        summary: "A scrape target's host or port is not a service of the stack.",
        explanation: "Inside the Compose network Prometheus reaches a service by its service name and its container port (not the published host port). A target naming another host, or a port the service neither publishes nor exposes, is down for ever: `up == 0`, and every alert on its metrics is silent.\n\nBad:\n```yaml\nstack:\n  services:\n    mall-go: {image: mall-go:1.0.0, ports: [\"8080:8080\"]}\nscrape:\n  jobs:\n    - job_name: mall-go\n      static_configs: [{targets: ['mall-go:9090']}]\n```\nGood:\n```yaml\n      static_configs: [{targets: ['mall-go:8080']}]\n```\nFix: name the service and one of its container ports (`ports:` or `expose:`).",
    },
    run,
};

/// Checks `host:port` against the stack; the problem, if any.
pub fn target_problem(
    stack: &StackModel,
    target: &str,
    suggester: &Suggester,
) -> Option<(String, String)> {
    let (host, port) = target.rsplit_once(':')?;
    let port: u16 = port.parse().ok()?;
    if matches!(host, "localhost" | "127.0.0.1" | "[::1]") {
        return None;
    }
    match stack.service(host) {
        None => Some((
            format!("`{host}` is not a service of the stack"),
            match suggester.suggest(host) {
                Some(s) => format!("did you mean `{s}`? Services are reached by their name"),
                None => "add the service to stack.services, or name one of them".into(),
            },
        )),
        Some(s) if !s.listens_on(port) => Some((
            format!("service `{host}` does not listen on port {port}"),
            format!(
                "its container ports are {}; publish or expose the port, or target one of those",
                s.container_ports()
                    .iter()
                    .map(|p| p.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )),
        Some(_) => None,
    }
}

fn run(ctx: &Context, out: &mut Findings) {
    if ctx.model.spec.stack.is_none() {
        return;
    }
    let stack = &ctx.model.stack;
    let suggester = Suggester::new(stack.services.iter().map(|s| s.name.as_str()));
    for (j, job) in ctx.model.spec.scrape.jobs.iter().enumerate() {
        for (c, config) in job.static_configs.iter().enumerate() {
            for (t, target) in config.targets.iter().enumerate() {
                if let Some((message, help)) = target_problem(stack, target, &suggester) {
                    let path = SpecPath::root()
                        .key("scrape")
                        .key("jobs")
                        .index(j)
                        .key("static_configs")
                        .index(c)
                        .key("targets")
                        .index(t);
                    let d = out.report(
                        path,
                        format!("job `{}`: target `{target}`: {message}", job.job_name),
                    );
                    d.help = Some(help);
                }
            }
        }
    }
}
