//! M007: a metric the catalog marks as never registered by the application (`registered:
//! false`) that a rule, dashboard or SLO reads: the selector finds no series, so the alert never
//! fires and the panel stays empty.

use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::{Severity, SpecPath};

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "M007",
        name: "metric-never-registered",
        family: Family::Metrics,
        severity: Severity::Warning,
        summary: "A rule, dashboard or SLO reads a metric the application never registers.",
        explanation: "A metric the catalog marks `registered: false` is declared or recorded by the code but never registered with the client library's registry (a collector field that no constructor creates), so no target exposes it. Every query that selects it reads nothing: its alert can never fire, its panel stays empty, its SLO has no data. (In Go, recording into such a nil collector also panics.) Reported only where the catalog says so: monctl cannot see the code.\n\nBad:\n```yaml\nmetrics:\n  - {name: shop_cart_operations_total, type: counter, jobs: [shop], registered: false}\nrules: [{alert: NoCartActivity, expr: 'sum(rate(shop_cart_operations_total[1h])) == 0'}]\n```\nGood: register the metric in the application (and drop `registered: false`), or stop reading it.",
    },
    run,
};

/// At most this many readers are named in a message; all are related locations.
const NAMED: usize = 3;

/// "alert `A` reads", "alert `A` and SLO `b` read", "alert `A`, alert `B`, alert `C` and 2 others read".
fn subject(readers: Vec<&str>) -> String {
    let n = readers.len();
    let listed = match n {
        0 => "nothing".to_string(),
        1 => readers[0].to_string(),
        _ if n <= NAMED => format!("{} and {}", readers[..n - 1].join(", "), readers[n - 1]),
        _ => format!("{} and {} others", readers[..NAMED].join(", "), n - NAMED),
    };
    format!("{listed} {}", if n == 1 { "reads" } else { "read" })
}

fn run(ctx: &Context, out: &mut Findings) {
    let unregistered: Vec<(usize, String)> = ctx
        .model
        .spec
        .metrics
        .iter()
        .enumerate()
        .filter(|(_, m)| m.registered == Some(false))
        .map(|(i, m)| (i, m.full_name()))
        .collect();
    if unregistered.is_empty() {
        return;
    }
    let wanted = unregistered.iter().map(|(_, n)| n.as_str()).collect();
    let read = super::readers::readers(ctx.model, &wanted);
    for (i, name) in unregistered {
        let Some(readers) = read.get(name.as_str()) else {
            continue;
        };
        let d = out.report(
            SpecPath::root().key("metrics").index(i).key("registered"),
            format!(
                "{} `{name}`, which the application never registers: {} no series",
                subject(readers.iter().map(|r| r.what.as_str()).collect()),
                if readers.len() == 1 {
                    "it selects"
                } else {
                    "they select"
                },
            ),
        );
        d.help = Some(format!(
            "register `{name}` in the application (then drop `registered: false`), or stop reading it"
        ));
        d.related_paths = readers.iter().map(|r| r.path.clone()).collect();
    }
}

#[cfg(test)]
mod tests {
    use super::subject;

    #[test]
    fn readers_are_listed_as_a_sentence() {
        assert_eq!(subject(vec!["alert `A`"]), "alert `A` reads");
        assert_eq!(
            subject(vec!["alert `A`", "SLO `b`"]),
            "alert `A` and SLO `b` read"
        );
        assert_eq!(
            subject(vec!["a", "b", "c", "d", "e"]),
            "a, b, c and 2 others read"
        );
    }
}
