//! L003: a record key the pipeline reads (grep and sampling keys, keep_keys, remove_keys,
//! key_name, record accessors `$.a.b`) that the log schema does not have.

use super::flow::{pipeline, routes};
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::spec::logs::Step;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "L003",
        name: "field-not-in-schema",
        family: Family::Logs,
        severity: Severity::Warning,
        summary: "The pipeline reads a record key that the log schema does not define.",
        explanation: "A grep on a key the entries do not have drops every event; a keep_keys entry that does not exist keeps nothing. Usually the key is misspelt (`lvl` for `level`) or the schema is out of date.\n\nBad:\n```yaml\nschema: {fields: [{name: level, type: keyword}]}\npipeline:\n  route:\n    - filter: {pattern: app.**, \"@type\": grep, regexp: [{key: severity, pattern: ERROR}]}\n```\nGood:\n```yaml\n    - filter: {pattern: app.**, \"@type\": grep, regexp: [{key: level, pattern: ERROR}]}\n```\nKeys that an earlier record_transformer/record_modifier on the same route adds count as defined.",
    },
    run,
};

/// `$.a.b` / `$['a']['b']` -> `a.b`; plain keys as they are.
fn accessor(key: &str) -> String {
    let Some(rest) = key.strip_prefix('$') else {
        return key.to_string();
    };
    rest.replace("['", ".")
        .replace("']", "")
        .replace("[\"", ".")
        .replace("\"]", "")
        .trim_start_matches('.')
        .to_string()
}

fn run(ctx: &Context, out: &mut Findings) {
    let Some(logs) = &ctx.model.spec.logs else {
        return;
    };
    if logs.schema.fields.is_empty() {
        return;
    }
    let Some(p) = pipeline(&ctx.model.spec.logs) else {
        return;
    };
    for route in routes(p) {
        let mut added: Vec<&str> = Vec::new();
        for (i, step) in route.steps.iter().enumerate() {
            let Step::Filter(f) = step else { continue };
            let at = route.path.index(i).key("filter");
            let mut refs = Vec::new();
            for (k, r) in f.regexp.iter().enumerate() {
                refs.push((r.key.as_str(), at.key("regexp").index(k).key("key")));
            }
            for (k, r) in f.exclude.iter().enumerate() {
                refs.push((r.key.as_str(), at.key("exclude").index(k).key("key")));
            }
            for (k, r) in f.rules.iter().enumerate() {
                refs.push((r.key.as_str(), at.key("rules").index(k).key("key")));
            }
            for (k, key) in f.keep_keys.iter().enumerate() {
                refs.push((key.as_str(), at.key("keep_keys").index(k)));
            }
            for (k, key) in f.remove_keys.iter().enumerate() {
                refs.push((key.as_str(), at.key("remove_keys").index(k)));
            }
            if let Some(key) = &f.key_name {
                refs.push((key.as_str(), at.key("key_name")));
            }
            for (key, path) in refs {
                let name = accessor(key);
                if logs.schema.field(&name).is_none() && !added.contains(&name.as_str()) {
                    let names = logs.schema.fields.iter().map(|f| f.name.as_str());
                    let help = match crate::codes::did_you_mean(&name, names) {
                        Some(s) => format!(
                            "did you mean `{s}`? Otherwise add `{name}` to logs.schema.fields"
                        ),
                        None => format!("add `{name}` to logs.schema.fields, or fix the key"),
                    };
                    out.report(
                        path,
                        format!(
                            "the pipeline reads `{name}`, which the log schema does not define"
                        ),
                    )
                    .help = Some(help);
                }
            }
            added.extend(f.record.keys().map(String::as_str));
        }
    }
}
