//! M003: a metric label whose values are unbounded (ids, emails, raw paths).

use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::{Severity, SpecPath};
use crate::spec::LabelDomain;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "M003",
        name: "unbounded-label",
        family: Family::Metrics,
        severity: Severity::Warning,
        summary: "A label whose values are unbounded (user ids, order ids, emails).",
        explanation: "Every distinct label value is a new time series. A label holding a user id, order id, email, session or request id grows without bound, and with it Prometheus' memory and every query over the metric.\n\nBad:\n```yaml\nlabels:\n  - {name: user_id, unbounded: true}\n```\nGood: drop the label (put ids in logs or traces), or replace it with a bounded one:\n```yaml\nlabels:\n  - {name: user_tier, values: [free, pro]}\n```\nA label is flagged when marked `unbounded: true`, or when its name is a well-known identifier (user_id, order_id, email, session_id, request_id, trace_id, ...) and no bounded domain is given.",
    },
    run,
};

const ID_LIKE: &[&str] = &[
    "user_id",
    "userid",
    "uid",
    "customer_id",
    "order_id",
    "orderid",
    "product_id",
    "session_id",
    "request_id",
    "trace_id",
    "span_id",
    "email",
    "ip",
    "client_ip",
    "remote_addr",
    "uuid",
    "path",
    "url",
    "query",
];

fn run(ctx: &Context, out: &mut Findings) {
    for (i, metric) in ctx.model.spec.metrics.iter().enumerate() {
        for (j, label) in metric.labels.iter().enumerate() {
            let name = label.name().as_str();
            let flagged = match label.domain() {
                LabelDomain::Unbounded => true,
                LabelDomain::Unknown => ID_LIKE.contains(&name),
                _ => false,
            };
            if flagged {
                out.report(
                    SpecPath::root().key("metrics").index(i).key("labels").index(j),
                    format!("label `{name}` of `{}` has unbounded values: one series per value", metric.full_name()),
                )
                .help = Some("remove the label (record ids in logs or traces), or replace it with a bounded one".into());
            }
        }
    }
}
