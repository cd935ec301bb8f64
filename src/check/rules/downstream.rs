//! Where an alert's labels are used after the rule produced them: its own label and annotation
//! templates, the Alertmanager routes that match or group on a label, and the inhibit rules that
//! match on it or compare it in `equal`. A label a rule loses (grouping by a label the input never
//! has) is a defect exactly when one of these reads it; otherwise it is harmless PromQL.

use super::each::RuleSite;
use super::template;
use crate::check::Context;
use crate::diagnostic::SpecPath;
use crate::routing::RouteTree;
use std::collections::HashMap;

/// One place that reads a label.
#[derive(Debug, Clone)]
pub struct LabelUse {
    /// What reads it, for a message: "the route's `group_by`".
    pub what: String,
    pub path: SpecPath,
}

/// The routing section's label uses, indexed by label name (built once per check run).
pub struct RoutingUses {
    by_label: HashMap<String, Vec<LabelUse>>,
}

impl RoutingUses {
    pub fn new(ctx: &Context) -> Self {
        let mut by_label: HashMap<String, Vec<LabelUse>> = HashMap::new();
        let mut add = |label: &str, what: String, path: SpecPath| {
            by_label
                .entry(label.to_string())
                .or_default()
                .push(LabelUse { what, path });
        };
        if let Some(routing) = &ctx.model.spec.routing {
            let tree = RouteTree::new(routing);
            tree.root.walk(&mut |node| {
                let path = node.spec_path();
                for label in &node.opts.group_by {
                    add(
                        label,
                        format!("{}'s group_by", route_name(node)),
                        path.key("group_by"),
                    );
                }
                for m in &node.matchers {
                    add(
                        &m.matcher.name,
                        format!("{}'s matcher `{}`", route_name(node), m.matcher),
                        path.key("matchers"),
                    );
                }
            });
            for (i, rule) in routing.inhibit_rules.iter().enumerate() {
                let path = SpecPath::root()
                    .key("routing")
                    .key("inhibit_rules")
                    .index(i);
                for label in &rule.equal {
                    add(
                        label,
                        format!("inhibit rule {i}'s `equal`"),
                        path.key("equal"),
                    );
                }
                for m in rule
                    .all_source_matchers()
                    .iter()
                    .chain(&rule.all_target_matchers())
                {
                    add(
                        &m.name,
                        format!("inhibit rule {i}'s matcher `{m}`"),
                        path.clone(),
                    );
                }
            }
        }
        RoutingUses { by_label }
    }

    /// Every use of `label` by an alert of `site` (none for a recording rule: its output is
    /// read by other rules, whose own findings name their uses).
    pub fn uses(&self, site: &RuleSite, label: &str) -> Vec<LabelUse> {
        if site.rule.alert.is_none() {
            return Vec::new();
        }
        let mut out = Vec::new();
        for (section, key, text) in site.templates() {
            let Ok(info) = template::read(text) else {
                continue;
            };
            if info.labels.iter().any(|(name, _)| name == label) {
                out.push(LabelUse {
                    what: format!("the alert's {} `{key}`", section.trim_end_matches('s')),
                    path: site.path().key(section).key(key),
                });
            }
        }
        if let Some(routing) = self.by_label.get(label) {
            out.extend(routing.iter().cloned());
        }
        out
    }
}

fn route_name(node: &crate::routing::RouteNode) -> String {
    if node.path.is_empty() {
        return "the root route".to_string();
    }
    let m = node.matcher_strings().join(", ");
    if m.is_empty() {
        format!("the route at {}", node.spec_path())
    } else {
        format!("the route `{{{m}}}`")
    }
}
