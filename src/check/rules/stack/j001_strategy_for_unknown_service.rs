//! J001: a sampling strategy for a service name no traced service reports.

use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::{Severity, SpecPath};
use crate::suggest::Suggester;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "J001",
        name: "strategy-for-unknown-service",
        family: Family::Tracing,
        severity: Severity::Warning,
        summary: "A sampling strategy names a service no tracer reports.",
        explanation: "Jaeger matches a strategy to a tracer by the service name the tracer reports (JAEGER_SERVICE_NAME / OTEL_SERVICE_NAME, which monctl sets to the stack service's name). A strategy for another spelling never applies: the service gets the default strategy instead.\n\nBad:\n```yaml\ntracing:\n  services: [mall-go]\n  service_strategies:\n    - {service: mallgo, type: probabilistic, param: 0.5}\n```\nGood:\n```yaml\n    - {service: mall-go, type: probabilistic, param: 0.5}\n```",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let Some(tracing) = &ctx.model.spec.tracing else {
        return;
    };
    if tracing.services.is_empty() {
        return;
    }
    let suggester = Suggester::new(tracing.services.iter().map(String::as_str));
    for (i, strategy) in tracing.service_strategies.iter().enumerate() {
        if tracing.services.contains(&strategy.service) {
            continue;
        }
        let d = out.report(
            SpecPath::root()
                .key("tracing")
                .key("service_strategies")
                .index(i)
                .key("service"),
            format!("no traced service reports the name `{}`", strategy.service),
        );
        d.help = Some(match suggester.suggest(&strategy.service) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("the traced services are {}", tracing.services.join(", ")),
        });
    }
}
