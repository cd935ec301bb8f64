//! R007: an inhibit rule whose `equal` names a label its source alert does not carry. Absent
//! counts as equal, so the source then mutes every target alert that lacks the label too, not
//! only its own. Decided per source alert, and per scrape job it comes from: a static job without
//! the label is flagged even when other jobs add it by relabeling. (When no source alert may
//! carry the label at all, R004 reports the rule instead.)

use super::alerts::{alert_shapes, may_be_equal, AlertShape, Outcome};
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::{Severity, SpecPath};
use crate::model::target_labels;
use crate::promql::{Event, LabelFlow, SeriesSource};
use crate::routing::CompiledInhibitRule;
use std::collections::HashMap;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "R007",
        name: "inhibit-equal-absent-label",
        family: Family::Routing,
        severity: Severity::Warning,
        summary: "An inhibit rule compares a label its source alert does not carry, so it mutes far more than meant.",
        explanation: "Alertmanager treats a label absent from both alerts as equal. When `equal` names a label the source alert never has, the source mutes every target alert that lacks it as well — typically every alert of the stack — instead of only the alerts of its own service.\n\nBad (`up == 0` carries job and instance, not service):\n```yaml\n- source_matchers: ['alertname=\"ServiceDown\"']\n  target_matchers: ['severity=\"warning\"']\n  equal: [service]\n```\nGood:\n```yaml\n  equal: [job, instance]\n```\nFix: compare labels the source alert carries, or give it the label (a static rule label, or relabel_configs on every job it comes from).",
    },
    run,
};

/// The scrape jobs an alert's series come from that lack `label` (target labels and the metric's
/// own labels both without it): alerts from those jobs lack it even when others carry it.
fn jobs_without(
    ctx: &Context,
    labels_by_job: &HashMap<&str, LabelFlow>,
    shape: &AlertShape,
    label: &str,
) -> Vec<String> {
    let Some(analysis) = ctx.model.rule_analysis(shape.group, shape.rule) else {
        return Vec::new();
    };
    if analysis.output.never_has(label) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for event in &analysis.events {
        let Event::Selector { metric, info } = event else {
            continue;
        };
        let SeriesSource::Scraped { jobs } = &info.source else {
            continue;
        };
        let family = info.family.as_deref().unwrap_or(metric);
        let metric_has = ctx
            .model
            .metric(family)
            .is_some_and(|e| e.metric.labels.iter().any(|l| l.name().0 == label));
        if metric_has {
            continue;
        }
        for job_name in jobs.iter() {
            let Some(labels) = labels_by_job.get(job_name.as_str()) else {
                continue;
            };
            if labels.never_has(label) && !out.contains(job_name) {
                out.push(job_name.clone());
            }
        }
    }
    out
}

fn run(ctx: &Context, out: &mut Findings) {
    let Some(routing) = &ctx.model.spec.routing else {
        return;
    };
    let shapes = alert_shapes(ctx);
    if routing.inhibit_rules.is_empty() {
        return;
    }
    // Each job's target labels, derived once (the relabeling is the same for every alert).
    let labels_by_job: HashMap<&str, LabelFlow> = ctx
        .model
        .spec
        .scrape
        .jobs
        .iter()
        .map(|j| (j.job_name.as_str(), target_labels(j)))
        .collect();
    for (i, rule) in routing.inhibit_rules.iter().enumerate() {
        let rule = CompiledInhibitRule::new(i, rule);
        let path = SpecPath::root()
            .key("routing")
            .key("inhibit_rules")
            .index(i);
        let sources: Vec<&AlertShape> = shapes
            .iter()
            .filter(|s| s.test_all(&rule.source) != Outcome::Fails)
            .collect();
        for label in &rule.equal {
            // When no source alert may carry it at all, R004 reports the rule.
            if !sources.iter().any(|s| s.may_carry(label)) {
                continue;
            }
            let mut lacking: Vec<String> = Vec::new();
            let mut muted: Vec<&str> = Vec::new();
            for &source in &sources {
                let why = if !source.may_carry(label) {
                    format!("`{}`", source.alert)
                } else if source.fixed.contains_key(label.as_str()) {
                    continue;
                } else {
                    let jobs = jobs_without(ctx, &labels_by_job, source, label);
                    if jobs.is_empty() {
                        continue;
                    }
                    format!(
                        "`{}` from job{} `{}`",
                        source.alert,
                        if jobs.len() == 1 { "" } else { "s" },
                        jobs.join("`, `")
                    )
                };
                // The targets it mutes because of the absent label: those without it that agree
                // on the other `equal` labels.
                let before = muted.len();
                muted.extend(
                    shapes
                        .iter()
                        .filter(|t| !std::ptr::eq(*t, source))
                        .filter(|t| t.test_all(&rule.target) != Outcome::Fails)
                        .filter(|t| !t.fixed.contains_key(label.as_str()))
                        .filter(|t| {
                            rule.equal
                                .iter()
                                .filter(|l| *l != label)
                                .all(|l| may_be_equal(source, t, l))
                        })
                        .map(|t| t.alert.as_str()),
                );
                if muted.len() > before {
                    lacking.push(why);
                }
            }
            if lacking.is_empty() {
                continue;
            }
            let mut muted_names = muted.clone();
            muted_names.sort();
            muted_names.dedup();
            let d = out.report(
                path.key("equal"),
                format!(
                    "inhibit rule {i} compares `{label}`, which source alert {} does not carry: absent equals absent, so it mutes every target alert without `{label}` ({} alert{} of the spec)",
                    lacking.join(", "),
                    muted_names.len(),
                    if muted_names.len() == 1 { "" } else { "s" }
                ),
            );
            d.help = Some(format!(
                "compare labels the source alert carries, or give it `{label}` (a rule label, or relabel_configs on every job it comes from)"
            ));
        }
    }
}
