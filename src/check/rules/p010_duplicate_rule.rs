//! P010: two alerting or recording rules with the same name and the same static labels.

use super::each::rules;
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::Severity;
use std::collections::HashMap;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "P010",
        name: "duplicate-rule",
        family: Family::PromQl,
        severity: Severity::Error,
        summary: "Two rules with the same name and the same static labels.",
        explanation: "Two recording rules writing the same series with the same labels overwrite each other's samples; two alerts with the same name and labels are indistinguishable in Alertmanager (one silences or inhibits the other). Alerts that share a name but differ in labels (a warning and a critical level) are fine.\n\nBad:\n```yaml\n- {record: job:requests:rate5m, expr: sum by (job) (rate(a[5m]))}\n- {record: job:requests:rate5m, expr: sum by (job) (rate(b[5m]))}\n```\nGood:\n```yaml\n- {record: job:requests_a:rate5m, expr: sum by (job) (rate(a[5m]))}\n- {record: job:requests_b:rate5m, expr: sum by (job) (rate(b[5m]))}\n```\nFix: rename one, or give them different labels.",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    let mut seen: HashMap<String, crate::diagnostic::SpecPath> = HashMap::new();
    for site in rules(ctx) {
        let (kind, name) = match (&site.rule.alert, &site.rule.record) {
            (Some(a), _) => ("alert", a.clone()),
            (None, Some(r)) => ("recording rule", r.0.clone()),
            _ => continue,
        };
        let labels: Vec<String> = site
            .rule
            .labels
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        let key = format!("{kind}\u{0}{name}\u{0}{}", labels.join(","));
        match seen.get(&key) {
            Some(first) => {
                let d = out.report(
                    site.path(),
                    format!(
                        "{kind} `{name}` with the same labels is defined twice (first at {first})"
                    ),
                );
                d.help = Some("rename one of them, or tell them apart with a label".into());
                d.related_paths.push(first.clone());
            }
            None => {
                seen.insert(key, site.path());
            }
        }
    }
}
