//! L004: a source whose events no `<match>` takes (Fluentd drops them: "no patterns matched").

use super::flow::{pipeline, routes, source_tags};
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::{Severity, SpecPath};
use crate::spec::logs::{Step, TagPattern};

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "L004",
        name: "unrouted-source",
        family: Family::Logs,
        severity: Severity::Warning,
        summary: "A source emits tags that no <match> on its route takes: its events are dropped.",
        explanation: "An event whose tag no `<match>` matches is discarded with a `no patterns matched` warning in Fluentd's own log. A source sends to the top-level route, or with `@label` to that label's route only.\n\nBad:\n```yaml\nsources:\n  - {\"@type\": tail, path: /var/log/containers/*.log, tag: docker.*}\nroute:\n  - match: {pattern: app.**, \"@type\": stdout}\n```\nGood:\n```yaml\nroute:\n  - match: {pattern: app.**, \"@type\": stdout}\n  - match: {pattern: docker.**, \"@type\": stdout}\n```",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let Some(p) = pipeline(&ctx.model.spec.logs) else {
        return;
    };
    let routes = routes(p);
    for (i, s) in p.sources.iter().enumerate() {
        let Some(tags) = source_tags(&s.plugin, s.tag.as_deref()) else {
            continue;
        };
        let Some(route) = routes.iter().find(|r| r.label == s.label.as_deref()) else {
            continue;
        };
        let matches: Vec<TagPattern> = route
            .steps
            .iter()
            .filter_map(|st| match st {
                Step::Match(m) => m.pattern.as_deref().map(TagPattern::new),
                _ => None,
            })
            .collect();
        if tags.iter().any(|t| !matches.iter().any(|m| m.matches(t))) {
            let tag = s.tag.as_deref().unwrap_or("");
            out.report(
                SpecPath::root()
                    .key("logs")
                    .key("pipeline")
                    .key("sources")
                    .index(i)
                    .key("tag"),
                format!("no <match> takes tag `{tag}` of this source: Fluentd drops its events",),
            )
            .help = Some(format!(
                "add a match for `{}` to the {} route",
                s.tag.as_deref().unwrap_or(""),
                s.label.as_deref().unwrap_or("top-level")
            ));
        }
    }
}
