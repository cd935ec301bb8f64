//! R005: an alert that no specific route takes, so only the root receiver gets it.

use super::alerts::{alert_shapes, Outcome};
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::{Severity, SpecPath};
use crate::routing::RouteTree;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "R005",
        name: "alert-reaches-only-root",
        family: Family::Routing,
        severity: Severity::Warning,
        summary: "An alert that no route takes, so it only reaches the root's default receiver.",
        explanation: "When the route tree has specific routes, an alert that matches none of them falls back to the root receiver, usually a catch-all nobody watches closely. This is often a missing or misspelt label (`severity: crit`).\n\nBad:\n```yaml\nlabels: {severity: crit}\n```\nGood:\n```yaml\nlabels: {severity: critical}\n```",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let Some(routing) = &ctx.model.spec.routing else {
        return;
    };
    let tree = RouteTree::new(routing);
    if tree.root.children.is_empty() {
        return;
    }
    for (i, shape) in alert_shapes(ctx).iter().enumerate() {
        let takes_none = tree
            .root
            .children
            .iter()
            .all(|child| shape.test_all(&child.matchers) == Outcome::Fails);
        if takes_none {
            let path = alert_path(ctx, i);
            out.report(path, format!("alert `{}` matches no route and only reaches the root receiver `{}`", shape.alert, tree.root.opts.receiver))
                .help = Some("give the alert the labels the routes match on (severity, team...), or add a route for it".into());
        }
    }
}

fn alert_path(ctx: &Context, nth_alert: usize) -> SpecPath {
    let mut n = 0;
    for (g, group) in ctx.model.spec.rules.groups.iter().enumerate() {
        for (r, rule) in group.rules.iter().enumerate() {
            if rule.alert.is_some() {
                if n == nth_alert {
                    return SpecPath::root()
                        .key("rules")
                        .key("groups")
                        .index(g)
                        .key("rules")
                        .index(r);
                }
                n += 1;
            }
        }
    }
    SpecPath::root()
}
