//! P012: a regex matcher whose value has no regex metacharacters.

use super::each::{at_token, rules};
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::promql::{find_matcher, Event};

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "P012",
        name: "regex-without-metacharacters",
        family: Family::PromQl,
        severity: Severity::Info,
        summary: "A =~ or !~ matcher whose value is a plain string.",
        explanation: "PromQL regexes are fully anchored, so `=~\"api\"` is exactly `=\"api\"` — but slower, and it reads as if partial matches were intended.\n\nBad:\n```yaml\nexpr: up{job=~\"api\"} == 0\n```\nGood:\n```yaml\nexpr: up{job=\"api\"} == 0\n```",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    for site in rules(ctx) {
        let expr = site.rule.expr.as_str();
        for event in site.events() {
            if let Event::RegexWithoutMetacharacters {
                metric,
                label,
                value,
                negated,
            } = event
            {
                let (regex, plain) = if *negated { ("!~", "!=") } else { ("=~", "=") };
                let d = out.report(
                    site.expr_path(),
                    format!("`{label}{regex}\"{value}\"` is an exact match written as a regex"),
                );
                d.help = Some(format!("write `{label}{plain}\"{value}\"`"));
                at_token(d, find_matcher(expr, metric.as_deref(), label));
            }
        }
    }
}
