//! M004: a metric's unit and its name's suffix disagree.

use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::{Severity, SpecPath};
use crate::spec::MetricType;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "M004",
        name: "unit-suffix-mismatch",
        family: Family::Metrics,
        severity: Severity::Warning,
        summary: "A metric's unit and the unit suffix of its name disagree.",
        explanation: "By convention a metric's name ends with its base unit (`_seconds`, `_bytes`, `_ratio`), before `_total` for counters, so readers and tools can tell what the value means. A declared unit the name does not carry, or a name suffix naming another unit, misleads whoever builds a dashboard on it.\n\nBad:\n```yaml\n- {name: request_duration_ms, type: histogram, unit: seconds}\n```\nGood:\n```yaml\n- {name: request_duration_seconds, type: histogram, unit: seconds}\n```",
    },
    run,
};

const BASE_UNITS: &[&str] = &[
    "seconds", "bytes", "ratio", "celsius", "volts", "amperes", "joules", "grams", "meters",
];

const OTHER_UNITS: &[&str] = &[
    "ms",
    "milliseconds",
    "us",
    "microseconds",
    "ns",
    "nanoseconds",
    "secs",
    "sec",
    "minutes",
    "hours",
    "kb",
    "mb",
    "gb",
    "kilobytes",
    "megabytes",
    "percent",
    "pct",
    "bits",
];

fn run(ctx: &Context, out: &mut Findings) {
    for (i, metric) in ctx.model.spec.metrics.iter().enumerate() {
        let name = metric.full_name();
        let stem = if metric.kind == MetricType::Counter {
            name.strip_suffix("_total").unwrap_or(&name)
        } else {
            &name
        };
        let path = SpecPath::root().key("metrics").index(i);
        match &metric.unit {
            Some(unit) if !stem.ends_with(&format!("_{unit}")) => {
                // Replace a non-base unit suffix (`_ms`, `_percent`...) rather than appending to it.
                let base = OTHER_UNITS
                    .iter()
                    .find_map(|u| stem.strip_suffix(&format!("_{u}")))
                    .unwrap_or(stem);
                out.report(
                    path.key("unit"),
                    format!("`{name}` has unit `{unit}` but its name does not end in _{unit}"),
                )
                .help = Some(format!(
                    "name it `{base}_{unit}{}`",
                    if stem.len() < name.len() {
                        "_total"
                    } else {
                        ""
                    }
                ));
            }
            None => {
                if let Some(unit) = BASE_UNITS.iter().find(|u| stem.ends_with(&format!("_{u}"))) {
                    out.report(
                        path.key("name"),
                        format!("`{name}` is named in {unit} but declares no unit"),
                    )
                    .help = Some(format!("add `unit: {unit}`"));
                }
            }
            _ => {}
        }
    }
}
