//! E005: a template maps a schema field with a different type than the schema gives it.

use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::{Severity, SpecPath};

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "E005",
        name: "mapping-type-differs-from-schema",
        family: Family::Indices,
        severity: Severity::Warning,
        summary: "An index template maps a log field with another type than `logs.schema` says.",
        explanation: "The schema is what the application writes; the mapping is how Elasticsearch indexes it. When they disagree, documents are refused (`mapper_parsing_exception` for `\"abc\"` into a `long`) or queries silently miss (a `text` field in a `term` query).\n\nBad:\n```yaml\nschema: {fields: [{name: status_code, type: integer}]}\nindex_templates:\n  - name: app\n    index_patterns: [app-*]\n    template: {mappings: {properties: {status_code: {type: keyword}}}}\n```\nGood: let the mapping derive from the schema (drop the override), or change the schema.",
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
    let root = SpecPath::root().key("logs").key("elasticsearch");
    for (i, t) in es.index_templates.iter().enumerate() {
        let Some(m) = t.template.as_ref().and_then(|b| b.mappings.as_ref()) else {
            continue;
        };
        for (name, p) in &m.properties {
            let Some(field) = logs.schema.field(name) else {
                continue;
            };
            let want = field.field_type.as_str();
            let got = p.effective_type();
            let compatible = want == got
                || (field.field_type.has_properties()
                    && (got == "object" || got == "nested" || got == "flattened")
                    && want == "object");
            if !compatible {
                out.report(
                    root.key("index_templates").index(i).key("template").key("mappings").key("properties").key(name.clone()),
                    format!("index template `{}` maps `{name}` as {got}; logs.schema says {want}", t.name),
                )
                .help = Some(format!("map it as {want} (or remove the override: the mapping derives from the schema), or fix the schema"));
            }
        }
    }
}
