//! R002: a route that no alert of the spec can reach — its matchers match none, or an earlier
//! sibling without `continue` takes every alert it would match.

use super::alerts::{alert_shapes, AlertShape, Outcome};
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::routing::{RouteNode, RouteTree};

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "R002",
        name: "unreachable-route",
        family: Family::Routing,
        severity: Severity::Warning,
        summary: "A route that no alert of the spec ever reaches.",
        explanation: "Alertmanager walks the route tree depth-first and stops at the first matching child unless it has `continue: true`. A route is unreachable when no alert the spec's rules send matches its matchers, or when an earlier sibling without `continue` matches every alert it would: its receiver is never notified.\n\nBad (every alert has a severity, so the business route never sees one):\n```yaml\nroutes:\n  - {matchers: ['severity=\"critical\"'], receiver: oncall}\n  - {matchers: ['severity=\"warning\"'], receiver: ops}\n  - {matchers: ['category=\"business\"'], receiver: business}\n```\nGood: put the specific route first, or let the earlier ones continue:\n```yaml\nroutes:\n  - {matchers: ['category=\"business\"'], receiver: business, continue: true}\n  - {matchers: ['severity=\"critical\"'], receiver: oncall}\n```\nAlerts are known by their rule's static labels, Prometheus' external labels and the labels their expression can produce; a matcher on a label whose value varies is assumed to possibly match.",
    },
    run,
};

/// Whether an alert reaches `node`, given the matchers of the path to it: Holds, Fails or Depends.
fn reaches(shape: &AlertShape, path: &[&RouteNode]) -> (Outcome, Option<usize>) {
    // path[0] is the root; each later node is a child of the previous one.
    let mut result = Outcome::Holds;
    for depth in 1..path.len() {
        let parent = path[depth - 1];
        let node = path[depth];
        let index = *node.path.last().unwrap_or(&0);
        for (i, sibling) in parent.children.iter().enumerate().take(index) {
            if sibling.continue_ {
                continue;
            }
            match shape.test_all(&sibling.matchers) {
                Outcome::Holds => return (Outcome::Fails, Some(i)),
                Outcome::Depends => result = Outcome::Depends,
                Outcome::Fails => {}
            }
        }
        match shape.test_all(&node.matchers) {
            Outcome::Fails => return (Outcome::Fails, None),
            Outcome::Depends => result = Outcome::Depends,
            Outcome::Holds => {}
        }
    }
    (result, None)
}

fn run(ctx: &Context, out: &mut Findings) {
    let Some(routing) = &ctx.model.spec.routing else {
        return;
    };
    let shapes = alert_shapes(ctx);
    if shapes.is_empty() {
        return;
    }
    let tree = RouteTree::new(routing);
    let mut paths: Vec<Vec<&RouteNode>> = Vec::new();
    collect(&tree.root, &mut Vec::new(), &mut paths);
    for path in paths.iter().filter(|p| p.len() > 1) {
        let node = path[path.len() - 1];
        let mut shadowing: Vec<usize> = Vec::new();
        let mut matched_any = false;
        let mut reachable = false;
        for shape in &shapes {
            // Does the alert match the route's own matchers (ignoring siblings)?
            let own = path[1..].iter().map(|n| shape.test_all(&n.matchers)).fold(
                Outcome::Holds,
                |acc, o| match (acc, o) {
                    (Outcome::Fails, _) | (_, Outcome::Fails) => Outcome::Fails,
                    (Outcome::Depends, _) | (_, Outcome::Depends) => Outcome::Depends,
                    _ => Outcome::Holds,
                },
            );
            if own != Outcome::Fails {
                matched_any = true;
            }
            match reaches(shape, path) {
                (Outcome::Fails, Some(sibling)) if own != Outcome::Fails => shadowing.push(sibling),
                (Outcome::Fails, _) => {}
                _ => reachable = true,
            }
        }
        if reachable {
            continue;
        }
        if !matched_any {
            out.report(
                node.spec_path(),
                format!(
                    "no alert of the spec matches this route ({})",
                    node.matcher_strings().join(", ")
                ),
            )
            .help = Some(
                "give the alerting rules meant for it the labels it matches, or remove the route"
                    .into(),
            );
            continue;
        }
        let d = {
            shadowing.sort_unstable();
            shadowing.dedup();
            let parent = path[path.len() - 2];
            let names: Vec<String> = shadowing
                .iter()
                .map(|i| {
                    format!(
                        "routes[{i}] ({})",
                        parent.children[*i].matcher_strings().join(", ")
                    )
                })
                .collect();
            out.report(
                node.spec_path(),
                format!("this route never receives an alert: every alert it matches is taken first by {}, without `continue`", names.join(" and ")),
            )
        };
        d.help = Some(
            "move the route before the ones that take its alerts, or set `continue: true` on those"
                .into(),
        );
    }
}

fn collect<'a>(
    node: &'a RouteNode,
    stack: &mut Vec<&'a RouteNode>,
    out: &mut Vec<Vec<&'a RouteNode>>,
) {
    stack.push(node);
    out.push(stack.clone());
    for child in &node.children {
        collect(child, stack, out);
    }
    stack.pop();
}
