//! L005: a `<filter>` or `<match>` whose pattern matches no tag any source of its route emits.

use super::flow::{pipeline, routes, source_tags, step_pattern};
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::spec::logs::Step;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "L005",
        name: "pattern-no-source-emits",
        family: Family::Logs,
        severity: Severity::Warning,
        summary: "A filter or match pattern matches no tag that a source of its route emits.",
        explanation: "Directives only see events whose tag their pattern matches. When every source's tag is known (tail, systemd, syslog, sample, ... with `tag`) and none matches, the directive is dead — usually a misspelt tag (`mallgo.**` for `mall-go.**`). Fluentd's own log events (`fluent.info`, `fluent.warn`, ...) count as emitted. Routes fed by forward or http inputs, whose tags come from the clients, and labels reached through `@label` on an output, are not judged.\n\nBad:\n```yaml\nsources:\n  - {\"@type\": tail, path: /var/log/app.log, tag: app.web, parse: {\"@type\": none}}\nroute:\n  - match: {pattern: ap.**, \"@type\": stdout}\n```\nGood:\n```yaml\nroute:\n  - match: {pattern: app.**, \"@type\": stdout}\n```",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let Some(p) = pipeline(&ctx.model.spec.logs) else {
        return;
    };
    for route in routes(p) {
        if route.label == Some("@ERROR") {
            continue;
        }
        // Labels reached from outputs (relabel, @label on a match) get any tag.
        if route.label.is_some()
            && routes(p).iter().any(|r| {
                r.steps.iter().any(|s| match s {
                    Step::Match(m) => {
                        m.label.as_deref() == route.label
                            || m.store.iter().any(|o| o.label.as_deref() == route.label)
                    }
                    _ => false,
                })
            })
        {
            continue;
        }
        let mut tags: Vec<String> = Vec::new();
        let mut open = false;
        for s in p
            .sources
            .iter()
            .filter(|s| s.label.as_deref() == route.label)
        {
            match source_tags(&s.plugin, s.tag.as_deref()) {
                Some(t) => tags.extend(t),
                None => open = true,
            }
        }
        if open || (route.label.is_some() && tags.is_empty()) {
            continue;
        }
        if route.label.is_none() {
            tags.extend(["fluent.info", "fluent.warn", "fluent.error"].map(String::from));
        }
        for (i, step) in route.steps.iter().enumerate() {
            let Some(pattern) = step_pattern(step) else {
                continue;
            };
            if tags.iter().any(|t| pattern.matches(t)) {
                continue;
            }
            let key = match step {
                Step::Filter(_) => "filter",
                Step::Match(_) => "match",
            };
            out.report(
                route.path.index(i).key(key).key("pattern"),
                format!(
                    "no source of this route emits a tag that `{}` matches",
                    pattern.text
                ),
            )
            .help = Some("fix the pattern (or the source's tag), or remove the directive".into());
        }
    }
}
