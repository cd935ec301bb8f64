//! G002: a panel naming a datasource uid that no provisioned datasource has.

use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::suggest::Suggester;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "G002",
        name: "unknown-datasource",
        family: Family::Dashboards,
        severity: Severity::Error,
        summary: "A panel uses a datasource uid that no datasource defines.",
        explanation: "Dashboards refer to datasources by uid. monctl provisions `prometheus`, `alertmanager`, `elasticsearch` and `jaeger` for the services the stack runs; a panel naming another uid (or one of those whose service is missing) shows \"Datasource not found\".\n\nBad:\n```yaml\npanels:\n  - title: Errors\n    datasource: prom\n```\nGood:\n```yaml\n    datasource: prometheus\n```",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let stack = &ctx.model.stack;
    let uids: Vec<&str> = stack.datasources.iter().map(|d| d.uid).collect();
    let suggester = Suggester::new(uids.iter().copied());
    for model in stack.dashboards.iter().filter(|d| !d.generated) {
        for (r, row) in model.dashboard.rows.iter().enumerate() {
            for (p, panel) in row.panels.iter().enumerate() {
                let uid = match (&panel.datasource, panel.kind) {
                    (Some(uid), _) => uid.as_str(),
                    (None, crate::spec::stack::PanelType::Logs) => "elasticsearch",
                    (None, _) => "prometheus",
                };
                if uids.contains(&uid) {
                    continue;
                }
                let base = model.path.key("rows").index(r).key("panels").index(p);
                let path = if panel.datasource.is_some() {
                    base.key("datasource")
                } else {
                    base
                };
                let d = out.report(
                    path,
                    format!(
                        "dashboard `{}`, panel `{}`: no datasource has uid `{uid}`",
                        model.dashboard.uid, panel.title
                    ),
                );
                d.help = Some(match suggester.suggest(uid) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None if uids.is_empty() => "the stack provisions no datasource: add the service (prometheus, elasticsearch, ...) the panel reads".into(),
                    None => format!("the provisioned datasources are {}", uids.join(", ")),
                });
            }
        }
    }
}
