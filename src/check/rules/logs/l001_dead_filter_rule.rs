//! L001: a filter rule that no event can reach the way Fluentd applies filters: an earlier grep on
//! the same events (its pattern covers this filter's) already dropped every value the rule is for.

use super::flow::{pipeline, routes, ruby_regex};
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::spec::logs::{Filter, Step, TagPattern};

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "L001",
        name: "dead-filter-rule",
        family: Family::Logs,
        severity: Severity::Warning,
        summary: "A grep or sampling rule matches no value left by the filters before it.",
        explanation: "Fluentd applies every `<filter>` whose pattern matches the tag, in file order, before the event reaches its `<match>`. A grep that keeps only some values of a field (its `values` in `logs.schema`) removes the others for every later filter: a later rule for one of the removed values never applies.\n\nBad (the INFO rule never sees an event):\n```yaml\nroute:\n  - filter: {pattern: app.**, \"@type\": grep, regexp: [{key: level, pattern: \"^(ERROR|FATAL)$\"}]}\n  - filter:\n      pattern: app.**\n      \"@type\": sampling\n      rules: [{key: level, pattern: \"^INFO$\", sample_rate: 10}]\n```\nGood: sample first, or do not drop what a later rule is for:\n```yaml\nroute:\n  - filter:\n      pattern: app.**\n      \"@type\": sampling\n      rules: [{key: level, pattern: \"^INFO$\", sample_rate: 10}]\n```",
    },
    run,
};

/// What earlier greps left of a field's values.
struct Kept<'a> {
    pattern: TagPattern,
    filter: &'a Filter,
}

fn run(ctx: &Context, out: &mut Findings) {
    let Some(logs) = &ctx.model.spec.logs else {
        return;
    };
    let Some(p) = pipeline(&ctx.model.spec.logs) else {
        return;
    };
    for route in routes(p) {
        let mut greps: Vec<Kept> = Vec::new();
        for (i, step) in route.steps.iter().enumerate() {
            let Step::Filter(f) = step else { continue };
            let pattern = TagPattern::new(&f.pattern);
            let left = |key: &str| -> Option<(Vec<String>, &str)> {
                let field = logs.schema.field(key)?;
                if field.values.is_empty() {
                    return None;
                }
                let mut values = field.values.clone();
                let mut by = None;
                for g in greps.iter().filter(|g| g.pattern.covers(&pattern)) {
                    for r in g.filter.regexp.iter().filter(|r| r.key == key) {
                        if let Some(re) = ruby_regex(&r.pattern) {
                            values.retain(|v| re.is_match(v));
                            by = Some(g.filter.id.as_deref().unwrap_or(&g.filter.pattern));
                        }
                    }
                    for r in g.filter.exclude.iter().filter(|r| r.key == key) {
                        if let Some(re) = ruby_regex(&r.pattern) {
                            values.retain(|v| !re.is_match(v));
                            by = Some(g.filter.id.as_deref().unwrap_or(&g.filter.pattern));
                        }
                    }
                }
                by.map(|b| (values, b))
            };
            let at = route.path.index(i).key("filter");
            for (k, rule) in f.rules.iter().enumerate() {
                let (Some((values, by)), Some(re)) = (left(&rule.key), ruby_regex(&rule.pattern))
                else {
                    continue;
                };
                if !values.iter().any(|v| re.is_match(v)) {
                    out.report(
                        at.key("rules").index(k).key("pattern"),
                        format!(
                            "sampling rule `{} =~ {}` never applies: the earlier grep `{by}` keeps only {} = {}",
                            rule.key,
                            rule.pattern,
                            rule.key,
                            show(&values)
                        ),
                    )
                    .help = Some("move the sampling filter before the grep, or remove the rule".into());
                }
            }
            for (k, rule) in f.regexp.iter().enumerate() {
                let (Some((values, by)), Some(re)) = (left(&rule.key), ruby_regex(&rule.pattern))
                else {
                    continue;
                };
                if !values.iter().any(|v| re.is_match(v)) {
                    out.report(
                        at.key("regexp").index(k).key("pattern"),
                        format!(
                            "grep `{} =~ {}` drops every event: the earlier grep `{by}` keeps only {} = {}",
                            rule.key, rule.pattern, rule.key, show(&values)
                        ),
                    )
                    .help = Some("widen one of the two patterns, or remove one grep".into());
                }
            }
            if f.plugin == "grep" {
                greps.push(Kept { pattern, filter: f });
            }
        }
    }
}

fn show(values: &[String]) -> String {
    if values.is_empty() {
        "nothing".into()
    } else {
        values.join(" | ")
    }
}
