//! E002: a rollover alias that the template also lists under `aliases`.

use super::e001_undefined_lifecycle_policy::setting_path;
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::{Severity, SpecPath};

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "E002",
        name: "rollover-alias-in-template-aliases",
        family: Family::Indices,
        severity: Severity::Error,
        summary: "The template's `index.lifecycle.rollover_alias` is also one of its `aliases`.",
        explanation: "With a rollover alias, ILM creates each new index and moves the alias's write flag to it. When the template also lists the alias under `aliases`, every index created from the template joins it, and Elasticsearch refuses the rollover (`index template [...] has alias and data stream definitions` / `Rollover alias [...] can point to multiple indices`).\n\nBad:\n```yaml\ntemplate:\n  settings: {index.lifecycle.name: p, index.lifecycle.rollover_alias: app}\n  aliases: {app: {}}\n```\nGood: create the first index with the alias once (`PUT app-000001 {\"aliases\": {\"app\": {\"is_write_index\": true}}}`), and drop it from the template:\n```yaml\ntemplate:\n  settings: {index.lifecycle.name: p, index.lifecycle.rollover_alias: app}\n```",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let Some(es) = ctx
        .model
        .spec
        .logs
        .as_ref()
        .and_then(|l| l.elasticsearch.as_ref())
    else {
        return;
    };
    let root = SpecPath::root().key("logs").key("elasticsearch");
    for (i, t) in es.index_templates.iter().enumerate() {
        let Some(body) = &t.template else { continue };
        let Some(settings) = &body.settings else {
            continue;
        };
        let Some(alias) = settings.rollover_alias() else {
            continue;
        };
        if body.aliases.contains_key(alias) {
            let at = root.key("index_templates").index(i).key("template");
            out.report(
                at.key("aliases").key(alias),
                format!("index template `{}` lists its rollover alias `{alias}` under aliases: Elasticsearch refuses the rollover", t.name),
            )
            .help = Some(format!(
                "remove `{alias}` from aliases and create the first index with it as write alias (rollover alias set at {})",
                setting_path(&at.key("settings"), settings, "index.lifecycle.rollover_alias")
            ));
        }
    }
}
