//! E001: a template whose settings name an ILM policy that is not defined.

use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::codes::did_you_mean;
use crate::diagnostic::{Severity, SpecPath};
use crate::spec::logs::Settings;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "E001",
        name: "undefined-lifecycle-policy",
        family: Family::Indices,
        severity: Severity::Error,
        summary: "An index or component template names an ILM policy that is not defined.",
        explanation: "`index.lifecycle.name` attaches a lifecycle policy to every index the template creates. When the policy does not exist, Elasticsearch accepts the template but ILM reports an error on each new index, and nothing is ever rolled over, moved or deleted: the disk fills up.\n\nBad:\n```yaml\nindex_templates:\n  - name: app\n    index_patterns: [app-*]\n    template: {settings: {index.lifecycle.name: app-policy}}\n```\nGood:\n```yaml\nilm_policies:\n  - name: app-policy\n    phases: {delete: {min_age: 30d, actions: {delete: {}}}}\nindex_templates:\n  - name: app\n    index_patterns: [app-*]\n    template: {settings: {index.lifecycle.name: app-policy}}\n```",
    },
    run,
};

/// The path of a setting inside `settings`, flat (`index.lifecycle.name`) or nested.
pub fn setting_path(base: &SpecPath, settings: &Settings, dotted: &str) -> SpecPath {
    let bare = dotted.strip_prefix("index.").unwrap_or(dotted);
    for name in [format!("index.{bare}"), bare.to_string()] {
        if settings.values.contains_key(&name) {
            return base.key(name);
        }
        let parts: Vec<&str> = name.split('.').collect();
        if settings.values.contains_key(parts[0]) {
            return parts.iter().fold(base.clone(), |p, k| p.key(*k));
        }
    }
    base.clone()
}

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
    let policies: Vec<&str> = es.ilm_policies.iter().map(|p| p.name.as_str()).collect();
    let root = SpecPath::root().key("logs").key("elasticsearch");
    let mut bodies = Vec::new();
    for (i, t) in es.index_templates.iter().enumerate() {
        if let Some(s) = t.template.as_ref().and_then(|b| b.settings.as_ref()) {
            let at = root
                .key("index_templates")
                .index(i)
                .key("template")
                .key("settings");
            bodies.push((format!("index template `{}`", t.name), s, at));
        }
    }
    for (i, c) in es.component_templates.iter().enumerate() {
        if let Some(s) = &c.template.settings {
            let at = root
                .key("component_templates")
                .index(i)
                .key("template")
                .key("settings");
            bodies.push((format!("component template `{}`", c.name), s, at));
        }
    }
    for (what, settings, at) in bodies {
        let Some(name) = settings.lifecycle_name() else {
            continue;
        };
        if policies.contains(&name) {
            continue;
        }
        let help = match did_you_mean(name, policies.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("define `{name}` under logs.elasticsearch.ilm_policies"),
        };
        out.report(
            setting_path(&at, settings, "index.lifecycle.name"),
            format!("{what} attaches ILM policy `{name}`, which is not defined"),
        )
        .help = Some(help);
    }
}
