//! O003: an SLO that no alert protects: its own burn-rate alerts are disabled and every alert of
//! the spec reading its metrics fires only far beyond the objective (or none reads them).

use super::protection::protection;
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::Severity;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "O003",
        name: "slo-unprotected",
        family: Family::Slos,
        severity: Severity::Warning,
        summary: "No alert fires before the SLO's objective is broken.",
        explanation: "An objective nobody is alerted about is a wish. monctl generates a page and a ticket burn-rate alert per SLO; when both are disabled, the alerts of the spec that read the SLI's metrics must fire before the objective is broken. A latency alert at p95 > 2s does not protect \"95% within 500ms\"; an error-rate alert at 5% does not protect a 0.1% error budget: the budget is spent 50 times over before it fires.\n\nBad:\n```yaml\nslos: {objectives: [{service: api, name: latency, objective: 95, sli: {latency: {metric: http_request_duration_seconds, threshold: 500ms}}, alerting: {page_alert: {disable: true}, ticket_alert: {disable: true}}}]}\nrules: {groups: [{name: api, rules: [{alert: HighLatency, expr: 'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[5m]))) > 2'}]}]}\n```\nGood: keep the SLO's burn-rate alerts (the default), or alert at the objective's own threshold (`> 0.5`).",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    for r in &ctx.model.slos.slos {
        let slo = r.slo();
        if !slo.alerting.page_alert.disable || !slo.alerting.ticket_alert.disable {
            continue;
        }
        let p = protection(ctx, r);
        if p.protected {
            continue;
        }
        let message = if p.beyond.is_empty() {
            format!("SLO `{}` is protected by no alert: its burn-rate alerts are disabled and no alert reads its metrics", r.id)
        } else {
            let list: Vec<String> = p
                .beyond
                .iter()
                .map(|b| {
                    format!(
                        "`{}` fires only at {} while the objective is {}",
                        b.alert, b.fires_at, b.objective
                    )
                })
                .collect();
            format!(
                "SLO `{}` is protected by no alert: {}",
                r.id,
                list.join("; ")
            )
        };
        out.report(r.path().key("alerting"), message).help = Some(
            "enable the SLO's page and ticket burn-rate alerts, or alert at the objective's own threshold".into(),
        );
    }
}
