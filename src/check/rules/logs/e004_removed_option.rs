//! E004: an output option the target Elasticsearch version removed (`type_name` with 8).

use super::flow::{outputs, pipeline, routes};
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::spec::logs::Step;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "E004",
        name: "option-removed-in-target-version",
        family: Family::Indices,
        severity: Severity::Error,
        summary: "An Elasticsearch output sets an option the target version removed (`type_name` with Elasticsearch 8).",
        explanation: "Mapping types were deprecated in Elasticsearch 7 and removed in 8: a bulk request naming a type is refused there, so the output's buffer fills with chunks that never flush.\n\nBad:\n```yaml\nelasticsearch: {version: 8.8.0}\npipeline:\n  route:\n    - match: {pattern: app.**, \"@type\": elasticsearch, type_name: _doc}\n```\nGood:\n```yaml\n    - match: {pattern: app.**, \"@type\": elasticsearch}\n```",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let logs = &ctx.model.spec.logs;
    let Some(p) = pipeline(logs) else { return };
    let Some(major) = logs
        .as_ref()
        .and_then(|l| l.elasticsearch.as_ref())
        .and_then(|es| es.major())
    else {
        return;
    };
    if major < 8 {
        return;
    }
    for route in routes(p) {
        for (i, step) in route.steps.iter().enumerate() {
            let Step::Match(m) = step else { continue };
            let mut all = Vec::new();
            outputs(m, route.path.index(i).key("match"), &mut all);
            for (o, at) in all {
                if o.plugin.starts_with("elasticsearch") && o.type_name.is_some() {
                    out.report(
                        at.key("type_name"),
                        format!("`type_name` is not accepted by Elasticsearch {major} (mapping types were removed in 8.0)"),
                    )
                    .help = Some("remove type_name".into());
                }
            }
        }
    }
}
