//! Rule files: `rules/<file>.yml`, one per group-set, each holding its groups in spec order, in
//! Prometheus' rule-file format (what `promtool check rules` reads).

use super::yaml::{document, Fields};
use super::Artifact;
use crate::model::Model;
use crate::spec::{Rule, RuleGroup};
use serde_json::Value;
use std::collections::BTreeMap;

pub fn rule_files(model: &Model) -> Vec<Artifact> {
    let mut files: BTreeMap<String, Vec<&RuleGroup>> = BTreeMap::new();
    for group in &model.spec.rules.groups {
        files.entry(group.file_stem()).or_default().push(group);
    }
    files
        .into_iter()
        .map(|(stem, groups)| {
            let groups: Vec<Value> = groups.into_iter().map(group).collect();
            Artifact {
                path: format!("rules/{stem}.yml"),
                content: document(&Fields::new().set("groups", groups).build()),
            }
        })
        .collect()
}

fn group(group: &RuleGroup) -> Value {
    Fields::new()
        .set("name", &group.name)
        .set("interval", group.interval)
        .set("limit", group.limit)
        .set("rules", group.rules.iter().map(rule).collect::<Vec<_>>())
        .build()
}

fn rule(rule: &Rule) -> Value {
    Fields::new()
        .set("alert", &rule.alert)
        .set("record", &rule.record)
        .set("expr", rule.expr.as_str().trim_end())
        .set("for", rule.for_)
        .set("keep_firing_for", rule.keep_firing_for)
        .set("labels", &rule.labels)
        .set("annotations", &rule.annotations)
        .build()
}
