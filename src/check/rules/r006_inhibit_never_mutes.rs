//! R006: an inhibit rule that can never mute anything: no alert of the spec can be its source
//! while another is its target with the same values of its `equal` labels (absent on both counts
//! as equal).

use super::alerts::{alert_shapes, may_be_equal, AlertShape, Outcome};
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::{Severity, SpecPath};
use crate::routing::CompiledInhibitRule;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "R006",
        name: "inhibit-never-mutes",
        family: Family::Routing,
        severity: Severity::Warning,
        summary: "An inhibit rule no pair of the spec's alerts can trigger.",
        explanation: "An inhibit rule mutes a target alert while a source alert fires with the same values of the `equal` labels. When no alert of the spec can be a source while another is a target with those values — no alert name exists at both severities, or an `equal` label is fixed to different values on the two sides — the rule never mutes anything, and the noise it was written to suppress still pages.\n\nBad (no alert name is defined at both severities):\n```yaml\nrules: [{alert: DiskFull, labels: {severity: critical}}, {alert: DiskFilling, labels: {severity: warning}}]\ninhibit_rules:\n  - source_matchers: ['severity=\"critical\"']\n    target_matchers: ['severity=\"warning\"']\n    equal: [alertname, instance]\n```\nGood:\n```yaml\n    equal: [instance]\n```\nFix: compare labels the two alerts share (instance, job, service), or define the alert at both severities.",
    },
    run,
};

fn names(shapes: &[&AlertShape]) -> String {
    let mut names: Vec<&str> = shapes.iter().map(|s| s.alert.as_str()).collect();
    names.sort();
    names.dedup();
    let shown: Vec<&str> = names.iter().take(6).copied().collect();
    let more = names.len().saturating_sub(shown.len());
    let mut text = shown.join(", ");
    if more > 0 {
        text.push_str(&format!(" and {more} more"));
    }
    text
}

fn run(ctx: &Context, out: &mut Findings) {
    let Some(routing) = &ctx.model.spec.routing else {
        return;
    };
    let shapes = alert_shapes(ctx);
    if shapes.is_empty() {
        return;
    }
    for (i, rule) in routing.inhibit_rules.iter().enumerate() {
        let rule = CompiledInhibitRule::new(i, rule);
        let sources: Vec<&AlertShape> = shapes
            .iter()
            .filter(|s| s.test_all(&rule.source) != Outcome::Fails)
            .collect();
        let targets: Vec<&AlertShape> = shapes
            .iter()
            .filter(|s| s.test_all(&rule.target) != Outcome::Fails)
            .collect();
        let path = SpecPath::root()
            .key("routing")
            .key("inhibit_rules")
            .index(i);
        let reason = if sources.is_empty() {
            Some("no alert of the spec matches its source side".to_string())
        } else if targets.is_empty() {
            Some("no alert of the spec matches its target side".to_string())
        } else {
            let mut blocking: Option<&str> = None;
            let mut possible = false;
            'pairs: for s in &sources {
                for t in &targets {
                    match rule.equal.iter().find(|l| !may_be_equal(s, t, l)) {
                        None => {
                            possible = true;
                            break 'pairs;
                        }
                        Some(label) if blocking.is_none() => blocking = Some(label),
                        Some(_) => {}
                    }
                }
            }
            (!possible).then(|| {
                format!(
                    "no source alert ({}) shares the values of `equal` with a target alert ({}){}",
                    names(&sources),
                    names(&targets),
                    blocking
                        .map(|l| format!("; `{l}` differs, for one"))
                        .unwrap_or_default()
                )
            })
        };
        if let Some(reason) = reason {
            let d = out.report(
                path.clone(),
                format!("inhibit rule {i} can never mute anything: {reason}"),
            );
            d.help = Some(
                "compare labels both sides carry with the same values (instance, job, service), or remove the rule".into(),
            );
        }
    }
}
