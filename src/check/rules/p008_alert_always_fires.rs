//! P008: an alert expression without a condition, which fires whenever the series exist.

use super::each::rules;
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::Severity;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "P008",
        name: "alert-without-condition",
        family: Family::PromQl,
        severity: Severity::Warning,
        summary: "An alert expression without a comparison fires whenever its series exist.",
        explanation: "An alert fires for every series its expression returns. Without a comparison (or `absent()`, `and`, `unless`) that is every series, all the time.\n\nBad:\n```yaml\nexpr: rate(errors_total[5m])\n```\nGood:\n```yaml\nexpr: rate(errors_total[5m]) > 0.1\n```",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    for site in rules(ctx) {
        let (Some(alert), Some(analysis)) = (&site.rule.alert, site.analysis) else {
            continue;
        };
        if !analysis.conditional {
            out.report(site.expr_path(), format!("alert `{alert}` has no condition: it fires for every series the expression returns"))
                .help = Some("compare the value with a threshold, e.g. `... > 0.05`".into());
        }
    }
}
