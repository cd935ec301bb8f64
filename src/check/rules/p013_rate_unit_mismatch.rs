//! P013: an alert compares a per-second rate with a threshold its own text gives per hour,
//! minute or day (`rate(x[1h]) < 10` described as "below 10 per hour" is off by 3600).

use super::each::rules;
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::Severity;
use promql_parser::parser::Expr;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "P013",
        name: "rate-unit-mismatch",
        family: Family::PromQl,
        severity: Severity::Warning,
        summary: "A per-second rate compared with a threshold the alert's text gives per hour, minute or day.",
        explanation: "`rate()` and `irate()` return a per-second value whatever their range: `rate(x[1h])` is the average per second over the last hour. An alert that compares it with a number its summary or description calls \"per hour\" is off by 3600 (per minute: 60, per day: 86400), so it fires far more or far less often than its text says.\n\nBad:\n```yaml\nexpr: sum(rate(user_registrations_total[1h])) < 10\ndescription: User registrations are below 10 per hour.\n```\nGood:\n```yaml\nexpr: sum(increase(user_registrations_total[1h])) < 10\n```\nFix: use `increase(x[1h])` for a count per hour, or multiply the rate (`* 3600`), or fix the text.",
    },
    run,
};

/// A time unit a threshold may be written in, by the words that name it.
const UNITS: &[(&str, f64, &[&str])] = &[
    (
        "hour",
        3600.0,
        &["per hour", "/hour", "/h ", "每小时", "每小時"],
    ),
    (
        "minute",
        60.0,
        &["per minute", "/minute", "/min ", "每分钟", "每分鐘"],
    ),
    ("day", 86400.0, &["per day", "/day", "每天", "每日"]),
];

fn unwrap(expr: &Expr) -> &Expr {
    match expr {
        Expr::Paren(p) => unwrap(&p.expr),
        e => e,
    }
}

/// True when the expression is a per-second rate: `rate`/`irate` (or `deriv`), possibly
/// aggregated or summed, and not scaled by a number or divided into a ratio.
fn per_second(expr: &Expr) -> bool {
    match unwrap(expr) {
        Expr::Call(c) => matches!(c.func.name, "rate" | "irate"),
        Expr::Aggregate(a) => {
            matches!(
                a.op.to_string().to_lowercase().as_str(),
                "sum" | "avg" | "min" | "max" | "topk" | "bottomk"
            ) && per_second(&a.expr)
        }
        Expr::Binary(b) => {
            let op = b.op.to_string();
            (op == "+" || op == "-") && per_second(&b.lhs) && per_second(&b.rhs)
        }
        _ => false,
    }
}

/// The compared rate side and the threshold of a top-level `rate ... <op> number`.
fn rate_threshold(expr: &Expr) -> Option<f64> {
    let Expr::Binary(b) = unwrap(expr) else {
        return None;
    };
    if !b.op.is_comparison_operator() {
        return None;
    }
    match (unwrap(&b.lhs), unwrap(&b.rhs)) {
        (side, Expr::NumberLiteral(n)) | (Expr::NumberLiteral(n), side) if per_second(side) => {
            Some(n.val)
        }
        _ => None,
    }
}

fn unit_in(text: &str) -> Option<(&'static str, f64)> {
    let lower = format!("{} ", text.to_lowercase());
    UNITS
        .iter()
        .find(|(_, _, words)| words.iter().any(|w| lower.contains(w)))
        .map(|(name, seconds, _)| (*name, *seconds))
}

fn run(ctx: &Context, out: &mut Findings) {
    for site in rules(ctx) {
        if site.rule.alert.is_none() {
            continue;
        }
        // Cheap first: only alerts whose text names a unit are parsed again.
        let Some((key, (unit, seconds))) = site
            .rule
            .annotations
            .iter()
            .find_map(|(k, v)| unit_in(v).map(|u| (k.clone(), u)))
        else {
            continue;
        };
        let Ok(ast) = crate::promql::parse(site.rule.expr.as_str()) else {
            continue;
        };
        let Some(threshold) = rate_threshold(&ast) else {
            continue;
        };
        let d = out.report(
            site.expr_path(),
            format!(
                "the expression compares a per-second rate with {threshold}, but the annotation `{key}` gives it per {unit}: {threshold} per second is {} per {unit}",
                threshold * seconds
            ),
        );
        d.help = Some(format!(
            "for a count per {unit} use `increase(...[1{}])`, or multiply the rate by {seconds}; or correct the text",
            &unit[..1]
        ));
        d.related_paths
            .push(site.path().key("annotations").key(key));
    }
}
