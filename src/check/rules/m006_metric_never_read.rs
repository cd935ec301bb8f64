//! M006: a metric the spec's catalog declares that nothing reads: no alerting or recording rule,
//! dashboard panel or SLO selects it (nor its `_bucket`/`_sum`/`_count` series). A note: a metric
//! kept for ad-hoc queries is fine, but an unread one is often a rename the queries did not follow.

use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::{Severity, SpecPath};

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "M006",
        name: "metric-never-read",
        family: Family::Metrics,
        severity: Severity::Info,
        summary: "A metric of the catalog that no rule, dashboard or SLO reads.",
        explanation: "Every metric costs series in Prometheus. One that no alerting or recording rule, dashboard panel or SLO selects is either kept for ad-hoc queries and dashboards (fine) or left over from a rename that the rules did not follow, so the alert meant for it reads nothing. A note, to review.\n\nBad (the rules read `orders_total`, the code exposes `shop_orders_total`):\n```yaml\nmetrics:\n  - {name: shop_orders_total, type: counter, jobs: [shop]}\nrules: [{alert: NoOrders, expr: 'sum(rate(orders_total[1h])) == 0'}]\n```\nGood:\n```yaml\nrules: [{alert: NoOrders, expr: 'sum(rate(shop_orders_total[1h])) == 0'}]\n```",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    if ctx.model.spec.metrics.is_empty() {
        return;
    }
    let read = super::readers::read_names(ctx.model);
    for (i, metric) in ctx.model.spec.metrics.iter().enumerate() {
        let name = metric.full_name();
        if read.contains(name.as_str()) {
            continue;
        }
        out.report(
            SpecPath::root().key("metrics").index(i),
            format!("no rule, dashboard or SLO reads `{name}`"),
        )
        .help = Some(
            "alert on it or record it if it matters; if a rule means it under another name, fix the rule; otherwise turn this note off for it with an ignore".to_string(),
        );
    }
}
