//! K004: Prometheus sends alerts to an address that is not the stack's Alertmanager.

use super::k003_scrape_target_not_in_stack::target_problem;
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::{Severity, SpecPath};
use crate::spec::stack::Preset;
use crate::suggest::Suggester;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "K004",
        name: "alertmanager-not-in-stack",
        family: Family::Stack,
        severity: Severity::Error,
        summary: "An Alertmanager target is not the stack's Alertmanager service.",
        explanation: "prometheus.yml's `alerting.alertmanagers` must reach the Alertmanager the stack runs, by its service name and container port (9093). Otherwise every alert fires into the void: Prometheus logs \"Error sending alert\" and nobody is notified.\n\nBad:\n```yaml\nscrape:\n  alertmanagers:\n    - static_configs: [{targets: ['localhost:9093']}]\n```\nGood:\n```yaml\n    - static_configs: [{targets: ['alertmanager:9093']}]\n```",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    if ctx.model.spec.stack.is_none() {
        return;
    }
    let stack = &ctx.model.stack;
    let managers: Vec<&str> = stack
        .with_role(Preset::Alertmanager)
        .map(|s| s.name.as_str())
        .collect();
    let suggester = Suggester::new(managers.iter().copied());
    for (a, endpoint) in ctx.model.spec.scrape.alertmanagers.iter().enumerate() {
        for (c, config) in endpoint.static_configs.iter().enumerate() {
            for (t, target) in config.targets.iter().enumerate() {
                let path = SpecPath::root()
                    .key("scrape")
                    .key("alertmanagers")
                    .index(a)
                    .key("static_configs")
                    .index(c)
                    .key("targets")
                    .index(t);
                let host = target.rsplit_once(':').map_or(target.as_str(), |(h, _)| h);
                let problem = if !managers.contains(&host) {
                    Some((
                        format!("`{host}` is not an Alertmanager service of the stack"),
                        match managers.first() {
                            Some(m) => format!("send alerts to `{m}:9093`"),
                            None => "add an Alertmanager service (preset: alertmanager)".into(),
                        },
                    ))
                } else {
                    target_problem(stack, target, &suggester)
                };
                if let Some((message, help)) = problem {
                    let d = out.report(path, format!("Alertmanager target `{target}`: {message}"));
                    d.help = Some(help);
                }
            }
        }
    }
}
