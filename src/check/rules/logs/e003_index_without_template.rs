//! E003: a Fluentd Elasticsearch output whose index no index template matches.

use super::flow::{index_matches, index_sample, outputs, pipeline, routes};
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::spec::logs::Step;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "E003",
        name: "index-without-template",
        family: Family::Indices,
        severity: Severity::Warning,
        summary: "A Fluentd output writes to an index that no index template matches.",
        explanation: "Without a template, Elasticsearch maps each field from the first value it sees (a status code sent once as \"200\" becomes text forever), uses the default shard count and attaches no lifecycle policy: the indices are never deleted.\n\nBad:\n```yaml\nroute:\n  - match: {pattern: systemd.**, \"@type\": elasticsearch, logstash_format: true, logstash_prefix: systemd}\n```\n(with no template for `systemd-*`)\n\nGood:\n```yaml\nindex_templates:\n  - {name: systemd, index_patterns: [systemd-*], template: {settings: {index.lifecycle.name: infra}}}\n```\nThe index is `<logstash_prefix>-<date>` with `logstash_format`, `data_stream_name` for data streams, else `index_name`.",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let logs = &ctx.model.spec.logs;
    let Some(p) = pipeline(logs) else { return };
    let patterns: Vec<&str> = logs
        .iter()
        .flat_map(|l| l.elasticsearch.iter())
        .flat_map(|es| es.index_templates.iter())
        .flat_map(|t| t.index_patterns.iter().map(String::as_str))
        .collect();
    for route in routes(p) {
        for (i, step) in route.steps.iter().enumerate() {
            let Step::Match(m) = step else { continue };
            let mut all = Vec::new();
            outputs(m, route.path.index(i).key("match"), &mut all);
            for (o, at) in all {
                let Some(index) = index_sample(o) else {
                    continue;
                };
                if patterns.iter().any(|pat| index_matches(pat, &index)) {
                    continue;
                }
                let shown = if o.logstash_format == Some(true) {
                    format!(
                        "{}-<date>",
                        o.logstash_prefix.as_deref().unwrap_or("logstash")
                    )
                } else {
                    index.clone()
                };
                let key = if o.logstash_format == Some(true) {
                    "logstash_prefix"
                } else if o.data_stream_name.is_some() {
                    "data_stream_name"
                } else {
                    "index_name"
                };
                let at = if key == "index_name" && o.index_name.is_none() {
                    at.key("@type")
                } else if key == "logstash_prefix" && o.logstash_prefix.is_none() {
                    at.key("logstash_format")
                } else {
                    at.key(key)
                };
                out.report(at, format!("output writes to index `{shown}`, which no index template matches"))
                    .help = Some("add an index template whose index_patterns match it (mappings, shards and a lifecycle policy)".into());
            }
        }
    }
}
