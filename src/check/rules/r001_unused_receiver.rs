//! R001: a receiver that no route sends to.

use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::{Severity, SpecPath};
use crate::routing::RouteTree;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "R001",
        name: "unused-receiver",
        family: Family::Routing,
        severity: Severity::Warning,
        summary: "A receiver that no route sends alerts to.",
        explanation: "A receiver only gets notifications through a route that names it. One that no route names is dead configuration — often the sign of a route that names a misspelt receiver, or one that was removed.\n\nBad:\n```yaml\nroute: {receiver: ops}\nreceivers:\n  - name: ops\n  - name: business-team\n```\nGood:\n```yaml\nroute:\n  receiver: ops\n  routes:\n    - {matchers: ['category=\"business\"'], receiver: business-team}\n```",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let Some(routing) = &ctx.model.spec.routing else {
        return;
    };
    let tree = RouteTree::new(routing);
    let mut used = Vec::new();
    tree.root
        .walk(&mut |node| used.push(node.opts.receiver.clone()));
    for (i, receiver) in routing.receivers.iter().enumerate() {
        if !used.contains(&receiver.name) {
            out.report(
                SpecPath::root()
                    .key("routing")
                    .key("receivers")
                    .index(i)
                    .key("name"),
                format!("no route sends alerts to receiver `{}`", receiver.name),
            )
            .help = Some("route alerts to it, or remove it".into());
        }
    }
}
