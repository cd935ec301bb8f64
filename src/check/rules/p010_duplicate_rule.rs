//! P010: two alerting or recording rules that can produce the same series: the same name, the
//! same static labels, and outputs that are not kept apart by a label pinned to different values
//! (`code_verb:apiserver_request_total:increase1h` recorded once per `code`). An identical copy is
//! a warning (the second evaluation writes the same values, as promtool's duplicate-rules lint
//! says); two different expressions writing one series are an error.

use super::each::{rules, RuleSite};
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::{Severity, SpecPath};
use crate::promql::{output_pins, Pin};
use std::collections::{BTreeMap, HashMap};

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "P010",
        name: "duplicate-rule",
        family: Family::PromQl,
        severity: Severity::Error,
        summary: "Two rules that can produce the same series.",
        explanation: "Two recording rules writing the same series with different expressions overwrite each other's samples; two alerts with the same name and labels are indistinguishable in Alertmanager (one silences or inhibits the other). Rules that share a name but cannot produce the same series are fine: alerts that differ in a static label (a warning and a critical level), or recording rules whose outputs are split by a label value (`sum by (code) (x{code=~\"2..\"})` and `... {code=~\"5..\"}`). An identical copy of a rule is only a warning: it writes the same values twice (promtool's duplicate-rules lint).\n\nBad:\n```yaml\n- {record: job:requests:rate5m, expr: sum by (job) (rate(a[5m]))}\n- {record: job:requests:rate5m, expr: sum by (job) (rate(b[5m]))}\n```\nGood:\n```yaml\n- {record: job:requests_a:rate5m, expr: sum by (job) (rate(a[5m]))}\n- {record: job:requests_b:rate5m, expr: sum by (job) (rate(b[5m]))}\n```\nFix: rename one, tell them apart with a label, or delete the copy.",
    },
    run,
};

struct Seen {
    path: SpecPath,
    expr: String,
    pins: Option<BTreeMap<String, Pin>>,
}

/// Labels pinned in the rule's output (only labels the output keeps), parsed on demand: most
/// rules have a unique name and never need it.
fn pins_of(site: &RuleSite) -> BTreeMap<String, Pin> {
    let Ok(ast) = crate::promql::parse(site.rule.expr.as_str()) else {
        return BTreeMap::new();
    };
    let mut pins = output_pins(&ast);
    if let Some(analysis) = site.analysis {
        pins.retain(|label, _| !analysis.output.never_has(label));
    }
    pins
}

fn disjoint(a: &BTreeMap<String, Pin>, b: &BTreeMap<String, Pin>) -> bool {
    a.iter()
        .any(|(label, pin)| b.get(label).is_some_and(|other| pin.disjoint(other)))
}

fn run(ctx: &Context, out: &mut Findings) {
    let mut seen: HashMap<String, Vec<Seen>> = HashMap::new();
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
        let expr = normalise(site.rule.expr.as_str());
        let earlier = seen.entry(key).or_default();
        let mut pins = None;
        let mut clash = None;
        for first in earlier.iter_mut() {
            if first.expr == expr {
                clash = Some((first.path.clone(), true));
                break;
            }
            let mine = pins.get_or_insert_with(|| pins_of(&site));
            let theirs = first.pins.get_or_insert_with(|| {
                // The earlier rule's pins, from its own expression.
                crate::promql::parse(&first.expr)
                    .map(|ast| output_pins(&ast))
                    .unwrap_or_default()
            });
            if !disjoint(mine, theirs) {
                clash = Some((first.path.clone(), false));
                break;
            }
        }
        if let Some((first, identical)) = clash {
            let d = if identical {
                let d = out.report(
                    site.path(),
                    format!("{kind} `{name}` is an identical copy of the rule at {first}"),
                );
                d.severity = Severity::Warning;
                d.help = Some("delete one of the two copies".into());
                d
            } else {
                let d = out.report(
                    site.path(),
                    format!(
                        "{kind} `{name}` with the same labels is defined twice with different expressions (first at {first}); both can produce the same series"
                    ),
                );
                d.help = Some(
                    "rename one of them, or tell them apart with a label (a static label, or a selector pinning a label the output keeps)".into(),
                );
                d
            };
            d.related_paths.push(first);
        }
        earlier.push(Seen {
            path: site.path(),
            expr,
            pins,
        });
    }
}

/// The expression with insignificant whitespace removed, for telling copies apart.
fn normalise(expr: &str) -> String {
    expr.split_whitespace().collect::<Vec<_>>().join(" ")
}
