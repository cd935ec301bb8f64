//! R003: a route or inhibit-rule matcher on a label no alert of the spec carries.

use super::alerts::{alert_shapes, candidates, none_carry, AlertShape};
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::{Severity, SpecPath};
use crate::routing::{CompiledInhibitRule, CompiledMatcher, RouteNode, RouteTree};

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "R003",
        name: "routing-matcher-on-absent-label",
        family: Family::Routing,
        severity: Severity::Warning,
        summary: "A route or inhibit rule matches on a label no alert of the spec carries.",
        explanation: "Alerts carry `alertname`, their rule's labels, Prometheus' external labels and the labels their expression returns. A matcher on any other label sees an empty value: `team=\"shop\"` never matches, `team!=\"shop\"` always does.\n\nBad (no rule sets `team`):\n```yaml\nroutes:\n  - {matchers: ['team=\"shop\"'], receiver: shop}\n```\nGood: set the label on the alerting rules the route is for:\n```yaml\nlabels: {team: shop}\n```",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let Some(routing) = &ctx.model.spec.routing else {
        return;
    };
    let shapes = alert_shapes(ctx);
    let tree = RouteTree::new(routing);
    let mut report = |path: SpecPath, label: &str, matcher: String, who: &str| {
        out.report(
            path,
            format!("{who} never carry `{label}`, so `{matcher}` sees an empty value"),
        )
        .help = Some(format!(
            "set `{label}` on the alerting rules this is for, or match a label they carry"
        ));
    };
    // A route's matchers are tested on the alerts that reach its parent.
    fn visit<'a>(
        node: &'a RouteNode,
        ancestors: &mut Vec<&'a [CompiledMatcher]>,
        shapes: &[AlertShape],
        report: &mut dyn FnMut(SpecPath, &str, String, &str),
    ) {
        let reaching = candidates(shapes, ancestors);
        for m in &node.matchers {
            if none_carry(&reaching, &m.matcher.name) {
                report(
                    node.spec_path().key("matchers"),
                    &m.matcher.name,
                    m.matcher.to_string(),
                    "the alerts that get here",
                );
            }
        }
        ancestors.push(&node.matchers);
        for child in &node.children {
            visit(child, ancestors, shapes, report);
        }
        ancestors.pop();
    }
    visit(&tree.root, &mut Vec::new(), &shapes, &mut report);
    for (i, rule) in routing.inhibit_rules.iter().enumerate() {
        let compiled = CompiledInhibitRule::new(i, rule);
        let path = SpecPath::root()
            .key("routing")
            .key("inhibit_rules")
            .index(i);
        let all = candidates(&shapes, &[]);
        for (side, matchers) in [
            ("source_matchers", &compiled.source),
            ("target_matchers", &compiled.target),
        ] {
            for m in matchers {
                if none_carry(&all, &m.matcher.name) {
                    report(
                        path.key(side),
                        &m.matcher.name,
                        m.matcher.to_string(),
                        "the spec's alerts",
                    );
                }
            }
        }
    }
}
