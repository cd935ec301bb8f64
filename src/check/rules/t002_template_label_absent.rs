//! T002: a template uses `$labels.x` where the alert's series never have `x`.

use super::each::{at_token, rules};
use super::template::read;
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::Severity;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "T002",
        name: "template-label-absent",
        family: Family::Templates,
        severity: Severity::Warning,
        summary: "A template references a label the alert's series never carry; it renders empty.",
        explanation: "`$labels` in an alert's templates holds the labels of the series the expression returns. An aggregation keeps only its `by` labels, so `{{ $labels.instance }}` after `sum by (job)` renders as an empty string and the page says \"High latency on \".\n\nBad:\n```yaml\nexpr: sum by (job) (rate(errors_total[5m])) > 1\nannotations:\n  summary: \"Errors on {{ $labels.instance }}\"\n```\nGood:\n```yaml\n  summary: \"Errors in {{ $labels.job }}\"\n```",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    for site in rules(ctx) {
        let (Some(_), Some(analysis)) = (&site.rule.alert, site.analysis) else {
            continue;
        };
        for (section, key, value) in site.templates() {
            let Ok(info) = read(value) else { continue };
            for (label, offset) in info.labels {
                if analysis.output.never_has(&label) {
                    let mut have: Vec<&str> = analysis
                        .output
                        .names
                        .iter()
                        .map(String::as_str)
                        .filter(|n| *n != "__name__")
                        .collect();
                    have.sort_unstable();
                    let d = out.report(
                        site.path().key(section).key(key),
                        format!("`$labels.{label}` is always empty: the expression's series have no `{label}`"),
                    );
                    d.help = Some(if have.is_empty() {
                        "the expression's result has no labels at all; keep labels with `by (...)`"
                            .to_string()
                    } else {
                        format!("available labels: {}", have.join(", "))
                    });
                    at_token(d, Some((offset, label.len())));
                }
            }
        }
    }
}
