//! Which alerts of the spec protect an SLO: those that read the SLI's metric families, and whether
//! each fires before the objective is broken — a latency alert at a quantile threshold no higher
//! than the SLO's threshold, an error-ratio alert at a ratio no higher than the error budget, an
//! alert on `up` for availability. Shapes not understood count as protecting (no guesses).

use crate::check::Context;
use crate::model::ResolvedSlo;
use crate::promql::Event;
use promql_parser::parser::Expr;
use std::collections::BTreeSet;

/// An alert reading the SLO's metrics that fires only beyond its objective.
pub struct Beyond {
    pub alert: String,
    /// `rules.groups[group].rules[rule]`.
    pub group: usize,
    pub rule: usize,
    /// For an error-ratio alert, its threshold as a multiple of the error budget (the burn rate
    /// at which it fires); None for a latency alert (its bad-event ratio is unknown).
    pub burn_rate: Option<f64>,
    /// What the alert fires at, and what the objective allows, in words with numbers.
    pub fires_at: String,
    pub objective: String,
}

/// What the spec's alerts do for an SLO.
pub struct Protection {
    pub protected: bool,
    pub beyond: Vec<Beyond>,
}

fn strip(e: &Expr) -> &Expr {
    match e {
        Expr::Paren(p) => strip(&p.expr),
        other => other,
    }
}

fn number(e: &Expr) -> Option<f64> {
    match strip(e) {
        Expr::NumberLiteral(n) => Some(n.val),
        _ => None,
    }
}

/// `lhs > N`: the threshold, the scale (100 when lhs is `x * 100`) and the quantile when lhs is
/// `histogram_quantile(q, ...)`.
fn threshold(e: &Expr) -> Option<(f64, f64, Option<f64>)> {
    let Expr::Binary(b) = strip(e) else {
        return None;
    };
    let op = b.op.to_string();
    if op != ">" && op != ">=" {
        return None;
    }
    let value = number(&b.rhs)?;
    let mut lhs = strip(&b.lhs);
    let mut scale = 1.0;
    if let Expr::Binary(m) = lhs {
        if m.op.to_string() == "*" {
            if let Some(n) = number(&m.rhs) {
                scale = n;
                lhs = strip(&m.lhs);
            } else if let Some(n) = number(&m.lhs) {
                scale = n;
                lhs = strip(&m.rhs);
            }
        }
    }
    let quantile = match lhs {
        Expr::Call(c) if c.func.name == "histogram_quantile" => {
            c.args.args.first().and_then(|a| number(a))
        }
        _ => None,
    };
    Some((value, scale, quantile))
}

fn families(events: &[Event]) -> BTreeSet<String> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Selector { metric, info } => {
                Some(info.family.clone().unwrap_or_else(|| metric.clone()))
            }
            _ => None,
        })
        .collect()
}

pub fn protection(ctx: &Context, r: &ResolvedSlo) -> Protection {
    let slo = r.slo();
    let wanted: BTreeSet<String> = r
        .analyses
        .iter()
        .flat_map(|a| families(&a.analysis.events))
        .collect();
    let mut out = Protection {
        protected: false,
        beyond: Vec::new(),
    };
    for (g, group) in ctx.model.spec.rules.groups.iter().enumerate() {
        for (i, rule) in group.rules.iter().enumerate() {
            let Some(alert) = &rule.alert else { continue };
            let Some(analysis) = ctx.model.rule_analysis(g, i) else {
                continue;
            };
            if families(&analysis.events).is_disjoint(&wanted) {
                continue;
            }
            let shape = crate::promql::parse(rule.expr.as_str())
                .ok()
                .and_then(|ast| threshold(&ast));
            let verdict = match (shape, &slo.sli.latency) {
                (Some((t, scale, Some(q))), Some(latency)) => {
                    let limit = latency.threshold.as_secs_f64();
                    let t = t / scale;
                    (t > limit).then(|| Beyond {
                        alert: alert.clone(),
                        group: g,
                        rule: i,
                        burn_rate: None,
                        fires_at: format!("p{} > {t}s", q * 100.0),
                        objective: format!("{}% of events within {limit}s", slo.objective),
                    })
                }
                (Some((t, scale, None)), None) if slo.sli.availability.is_none() => {
                    let ratio = t / scale;
                    let budget = r.error_budget;
                    (ratio > budget).then(|| Beyond {
                        alert: alert.clone(),
                        group: g,
                        rule: i,
                        burn_rate: Some(ratio / budget),
                        fires_at: format!(
                            "an error ratio above {}% ({:.0}x the error budget)",
                            ratio * 100.0,
                            ratio / budget
                        ),
                        objective: format!(
                            "at most {}% bad events ({}% objective)",
                            round(budget * 100.0),
                            slo.objective
                        ),
                    })
                }
                _ => None,
            };
            match verdict {
                Some(b) => out.beyond.push(b),
                None => out.protected = true,
            }
        }
    }
    out
}

fn round(v: f64) -> f64 {
    (v * 1e9).round() / 1e9
}
