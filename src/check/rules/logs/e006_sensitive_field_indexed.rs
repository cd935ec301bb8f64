//! E006: a sensitive schema field that a template indexes and the pipeline does not mask.

use super::flow::{pipeline, routes};
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::{Severity, SpecPath};
use crate::spec::logs::Step;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "E006",
        name: "sensitive-field-indexed",
        family: Family::Indices,
        severity: Severity::Warning,
        summary: "A field marked sensitive is indexed as written: searchable personal data or secrets.",
        explanation: "A `sensitive: true` field (user ids, emails, client addresses, tokens) must not become searchable as-is: anyone with read access to the index can look people up, and deleting one person's data means rewriting indices. Either the pipeline masks it (a record_transformer/record_modifier that rewrites the key, or `remove_keys`), or the mapping keeps it out of the index (`index: false`, which monctl derives for sensitive fields by default).\n\nBad:\n```yaml\nschema: {fields: [{name: user_id, type: keyword, sensitive: true}]}\nindex_templates:\n  - name: app\n    index_patterns: [app-*]\n    template: {mappings: {properties: {user_id: {type: keyword}}}}\n```\nGood: drop the override (the derived mapping has `index: false`), or hash it in the pipeline:\n```yaml\n- filter: {pattern: app.**, \"@type\": record_transformer, enable_ruby: true, record: {user_id: '${Digest::SHA256.hexdigest(record[\"user_id\"].to_s)}'}}\n```",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let Some(logs) = &ctx.model.spec.logs else {
        return;
    };
    let Some(es) = &logs.elasticsearch else {
        return;
    };
    let mut masked: Vec<&str> = Vec::new();
    if let Some(p) = pipeline(&ctx.model.spec.logs) {
        for r in routes(p) {
            for s in r.steps {
                if let Step::Filter(f) = s {
                    masked.extend(f.record.keys().map(String::as_str));
                    masked.extend(f.remove_keys.iter().map(String::as_str));
                }
            }
        }
    }
    let root = SpecPath::root().key("logs").key("elasticsearch");
    for (i, t) in es.index_templates.iter().enumerate() {
        let Some(m) = t.template.as_ref().and_then(|b| b.mappings.as_ref()) else {
            continue;
        };
        for (name, p) in &m.properties {
            let Some(field) = logs.schema.field(name) else {
                continue;
            };
            if !field.sensitive || p.index == Some(false) || masked.contains(&name.as_str()) {
                continue;
            }
            out.report(
                root.key("index_templates").index(i).key("template").key("mappings").key("properties").key(name.clone()),
                format!("`{name}` is sensitive but index template `{}` indexes it as written", t.name),
            )
            .help = Some("set `index: false` (or drop the override), or mask or remove the key in the pipeline".into());
        }
    }
}
