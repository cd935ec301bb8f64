//! R004: group_by or an inhibit rule's `equal` naming labels no alert carries.

use super::alerts::{alert_shapes, candidates, none_carry, AlertShape};
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::{Severity, SpecPath};
use crate::routing::{CompiledInhibitRule, CompiledMatcher, RouteNode, RouteTree};

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "R004",
        name: "routing-grouping-on-absent-label",
        family: Family::Routing,
        severity: Severity::Warning,
        summary: "group_by or inhibit `equal` names a label no alert carries.",
        explanation: "Grouping by a label no alert has puts all alerts in one group for that label. In an inhibit rule it is worse: Alertmanager counts a label absent on both sides as equal, so `equal: [service]` with no `service` anywhere lets any source alert inhibit every target alert, across all services.\n\nBad (no alert has `service`):\n```yaml\ninhibit_rules:\n  - source_matchers: ['alertname=\"ServiceDown\"']\n    target_matchers: ['severity=\"warning\"']\n    equal: [service]\n```\nGood: use labels the alerts carry (`job`, `instance`):\n```yaml\n    equal: [job, instance]\n```",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let Some(routing) = &ctx.model.spec.routing else {
        return;
    };
    let shapes = alert_shapes(ctx);
    let tree = RouteTree::new(routing);
    // group_by as written on a route applies to the alerts that reach it.
    fn visit<'a>(
        node: &'a RouteNode,
        route: &crate::spec::routing::Route,
        path: &mut Vec<&'a [CompiledMatcher]>,
        shapes: &[AlertShape],
        out: &mut Findings,
    ) {
        path.push(&node.matchers);
        let reaching = candidates(shapes, path);
        for (i, label) in route.group_by.iter().flatten().enumerate() {
            if label != "..." && none_carry(&reaching, label) {
                out.report(node.spec_path().key("group_by").index(i), format!("the alerts that reach this route never carry `{label}`; grouping by it keeps nothing apart"))
                    .help = Some("group by labels the alerts carry, such as alertname, job, instance".into());
            }
        }
        for (child, child_route) in node.children.iter().zip(route.routes.iter()) {
            visit(child, child_route, path, shapes, out);
        }
        path.pop();
    }
    visit(&tree.root, &routing.route, &mut Vec::new(), &shapes, out);
    for (i, rule) in routing.inhibit_rules.iter().enumerate() {
        let compiled = CompiledInhibitRule::new(i, rule);
        let sources = candidates(&shapes, &[&compiled.source]);
        let targets = candidates(&shapes, &[&compiled.target]);
        for (j, label) in rule.equal.iter().enumerate() {
            if none_carry(&sources, label) {
                let reach = if none_carry(&targets, label) {
                    "every target alert"
                } else {
                    "every target alert without it"
                };
                out.report(
                    SpecPath::root().key("routing").key("inhibit_rules").index(i).key("equal").index(j),
                    format!("source alerts of this rule never carry `{label}`; absent on both sides counts as equal, so a firing source alert inhibits {reach}, whatever its `{label}`"),
                )
                .help = Some("use labels source and target alerts both carry (job, instance, ...)".into());
            }
        }
    }
}
