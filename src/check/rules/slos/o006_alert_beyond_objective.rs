//! O006: an alert that reads an SLO's metrics — so it claims to guard what the SLO measures — but
//! fires only far beyond the objective: a latency alert above the SLO's threshold, an error-ratio
//! alert burning the budget faster than even the SLO's fastest burn-rate condition. Reported at
//! the alert with both numbers; a note only when the SLO's own burn-rate alerts guard it anyway.

use super::protection::protection;
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::{Severity, SpecPath};
use crate::spec::Duration;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "O006",
        name: "alert-beyond-objective",
        family: Family::Slos,
        severity: Severity::Warning,
        summary: "An alert on an SLO's metrics fires only far beyond the objective.",
        explanation: "An alert on the metrics an SLO measures looks like the SLO's guard. When its threshold lies far beyond the objective, it is not: a p95 > 2s latency alert stays quiet while every request takes 1.9s against \"95% within 500ms\"; an error-rate alert at 5% against a 0.1% error budget fires only at a burn rate of 50, when the 30-day budget is gone in 14h24m — later than the SLO's fastest burn-rate condition (14.4x over 1h) would have paged. Both numbers are reported: what the alert fires at and what the objective allows.\n\nA latency alert is reported when its threshold is above the SLO's; an error-ratio alert when its threshold, as a multiple of the error budget, exceeds the highest burn-rate factor of the SLO's windows. When the SLO's own page or ticket alert is enabled the SLO is guarded anyway and the finding is a note.\n\nBad:\n```yaml\nslos: {objectives: [{service: api, name: errors, objective: 99.9, sli: {events: {error_query: 'sum(rate(http_requests_total{code=~\"5..\"}[{{.window}}]))', total_query: 'sum(rate(http_requests_total[{{.window}}]))'}}}]}\nrules: {groups: [{name: api, rules: [{alert: HighErrorRate, expr: 'sum(rate(http_requests_total{code=~\"5..\"}[5m])) / sum(rate(http_requests_total[5m])) > 0.05'}]}]}\n```\nGood: alert at the objective's own threshold (`> 0.0144` is the 1h page condition's 14.4x), or rely on the SLO's burn-rate alerts and drop the threshold alert.",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    for r in &ctx.model.slos.slos {
        let slo = r.slo();
        let guarded = !slo.alerting.page_alert.disable || !slo.alerting.ticket_alert.disable;
        let fastest = r
            .windows
            .all()
            .iter()
            .map(|w| w.factor(r.period))
            .fold(0.0, f64::max);
        for b in protection(ctx, r).beyond {
            let why = match b.burn_rate {
                Some(rate) if rate <= fastest + 1e-9 => continue,
                Some(rate) => format!(
                    ": at {}x the {} budget is gone in {}, while the SLO's fastest burn-rate condition fires at {}x",
                    round(rate),
                    days(r.period),
                    Duration {
                        millis: (r.period.millis as f64 / rate / 60_000.0).round() as u64 * 60_000
                    },
                    round(fastest)
                ),
                None => String::from(
                    ": requests slower than the objective's threshold and faster than the alert's spend the budget unseen",
                ),
            };
            let path = SpecPath::root()
                .key("rules")
                .key("groups")
                .index(b.group)
                .key("rules")
                .index(b.rule)
                .key("expr");
            let d = out.report(
                path,
                format!(
                    "`{}` fires only at {} while SLO `{}` wants {}{why}",
                    b.alert, b.fires_at, r.id, b.objective
                ),
            );
            d.help = Some(if guarded {
                format!("the SLO's burn-rate alerts guard `{}`; alert at the objective's own threshold or drop this alert", r.id)
            } else {
                "alert at the objective's own threshold, or enable the SLO's burn-rate alerts"
                    .into()
            });
            if guarded {
                d.severity = Severity::Info;
            }
            d.related_paths.push(r.path());
        }
    }
}

/// A period in days as SLOs are written (`30d`, not Prometheus' `4w2d`).
fn days(period: Duration) -> String {
    const DAY: u64 = 86_400_000;
    if period.millis.is_multiple_of(DAY) {
        format!("{}d", period.millis / DAY)
    } else {
        period.to_string()
    }
}

fn round(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}
