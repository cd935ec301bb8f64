//! L002: a `<filter>` or `<match>` that an earlier `<match>` always takes the events of.

use super::flow::{pipeline, routes, step_pattern};
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::spec::logs::Step;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "L002",
        name: "unreachable-directive",
        family: Family::Logs,
        severity: Severity::Warning,
        summary: "A filter or match comes after a match that takes every event it would see.",
        explanation: "Fluentd sends an event to the first `<match>` (in file order) whose pattern matches its tag; directives after it never see the event. A match or filter whose every tag an earlier match already takes is dead. (To send events to two outputs, use one match with `@type copy`.)\n\nBad:\n```yaml\nroute:\n  - match: {pattern: app.**, \"@type\": stdout}\n  - match: {pattern: app.access, \"@type\": elasticsearch}\n```\nGood: the narrower pattern first:\n```yaml\nroute:\n  - match: {pattern: app.access, \"@type\": elasticsearch}\n  - match: {pattern: app.**, \"@type\": stdout}\n```",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let Some(p) = pipeline(&ctx.model.spec.logs) else {
        return;
    };
    for route in routes(p) {
        let mut earlier = Vec::new();
        for (i, step) in route.steps.iter().enumerate() {
            let Some(pattern) = step_pattern(step) else {
                continue;
            };
            if let Some(by) = earlier
                .iter()
                .find(|e: &&crate::spec::logs::TagPattern| e.covers(&pattern))
            {
                let (kind, key) = match step {
                    Step::Filter(_) => ("filter", "filter"),
                    Step::Match(_) => ("match", "match"),
                };
                out.report(
                    route.path.index(i).key(key).key("pattern"),
                    format!(
                        "this {kind} never sees an event: the earlier <match {}> takes every tag `{}` matches",
                        by.text, pattern.text
                    ),
                )
                .help = Some("move it before that match, or use `@type copy` there to send events to several outputs".into());
            }
            if let Step::Match(_) = step {
                earlier.push(pattern);
            }
        }
    }
}
