//! Load-time validation of the `slos` and `tests` sections: what the schema cannot say — an SLI
//! has exactly one kind, its queries carry `{{.window}}` and parse as PromQL, matchers parse,
//! test suites have file-safe unique names.

use super::{Sli, Slo};
use crate::codes::{
    DUPLICATE_DEFINITION, INVALID_FIELD_COMBINATION, INVALID_PROMQL, INVALID_VALUE,
};
use crate::diagnostic::{Diagnostic, SpecPath};
use crate::spec::Spec;
use std::collections::HashMap;

/// The placeholder Sloth's queries use for the window's range.
pub const WINDOW: &str = "{{.window}}";

/// Diagnostics (paths only) for everything wrong in the `slos` and `tests` sections.
pub fn validate(spec: &Spec) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if let Some(slos) = &spec.slos {
        for (i, slo) in slos.objectives.iter().enumerate() {
            let path = SpecPath::root().key("slos").key("objectives").index(i);
            validate_slo(slo, &path, Some(&path.key("service")), &mut out);
        }
        for (i, sloth) in slos.sloth.iter().enumerate() {
            let path = SpecPath::root().key("slos").key("sloth").index(i);
            let (converted, errors) = crate::import::sloth::convert(sloth, &path);
            out.extend(errors);
            // A Sloth spec states the service once, for all its SLOs.
            for (j, c) in converted.iter().enumerate() {
                let service = (j == 0).then(|| path.key("service"));
                validate_slo(&c.slo, &c.path, service.as_ref(), &mut out);
            }
        }
    }
    if let Some(tests) = &spec.tests {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, suite) in tests.suites.iter().enumerate() {
            let path = SpecPath::root().key("tests").key("suites").index(i);
            if !file_safe(&suite.name) {
                out.push(
                    Diagnostic::error(
                        INVALID_VALUE,
                        path.key("name"),
                        format!(
                            "test suite name `{}` is not usable as a file name",
                            suite.name
                        ),
                    )
                    .with_help("use letters, digits, `-` and `_` only"),
                );
            }
            if let Some(first) = seen.insert(&suite.name, i) {
                out.push(
                    Diagnostic::error(
                        DUPLICATE_DEFINITION,
                        path.key("name"),
                        format!("test suite `{}` is defined twice", suite.name),
                    )
                    .with_help(format!(
                        "rename one: tests.suites[{first}] has this name already"
                    )),
                );
            }
            for (g, group) in suite.tests.iter().enumerate() {
                for (s, input) in group.input_series.iter().enumerate() {
                    if let Err(message) = crate::promql::parse(&input.series) {
                        let p = path
                            .key("tests")
                            .index(g)
                            .key("input_series")
                            .index(s)
                            .key("series");
                        out.push(promql_error(
                            p,
                            &message,
                            "write the series as `metric{label=\"value\"}`",
                        ));
                    }
                }
            }
        }
    }
    out
}

fn file_safe(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

fn promql_error(path: SpecPath, message: &str, help: &str) -> Diagnostic {
    let first = message.lines().next().unwrap_or(message).trim();
    Diagnostic::error(
        INVALID_PROMQL,
        path,
        format!("PromQL does not parse: {first}"),
    )
    .with_help(help)
}

/// Validates one SLO written at `path`, its service at `service` (None: reported elsewhere).
fn validate_slo(slo: &Slo, path: &SpecPath, service: Option<&SpecPath>, out: &mut Vec<Diagnostic>) {
    let name = path.key("name");
    let fields = [
        service.map(|p| (p, "service", &slo.service)),
        Some((&name, "name", &slo.name)),
    ];
    for (at, field, value) in fields.into_iter().flatten() {
        if !file_safe(value) {
            out.push(
                Diagnostic::error(
                    INVALID_VALUE,
                    at.clone(),
                    format!("SLO {field} `{value}` must be letters, digits, `-` and `_`"),
                )
                .with_help(
                    "it becomes part of the SLO's id, its series' labels and its rule file's name",
                ),
            );
        }
    }
    if !slo.objective.is_finite() {
        out.push(
            Diagnostic::error(
                INVALID_VALUE,
                path.key("objective"),
                "the objective is not a number",
            )
            .with_help("give a percentage such as 99.9"),
        );
    }
    if slo.period.is_some_and(|p| p.millis < 24 * 3600 * 1000) {
        out.push(
            Diagnostic::error(
                INVALID_VALUE,
                path.key("period"),
                "an SLO's period must be at least 1d",
            )
            .with_help("objectives are measured over days or weeks, typically 28d or 30d"),
        );
    }
    validate_sli(&slo.sli, &path.key("sli"), out);
}

fn validate_sli(sli: &Sli, path: &SpecPath, out: &mut Vec<Diagnostic>) {
    let kinds = [
        sli.events.is_some(),
        sli.raw.is_some(),
        sli.latency.is_some(),
        sli.availability.is_some(),
    ];
    let count = kinds.iter().filter(|k| **k).count();
    if count != 1 {
        out.push(
            Diagnostic::error(INVALID_FIELD_COMBINATION, path.clone(), format!("an SLI has exactly one of events, raw, latency, availability; this one has {count}"))
                .with_help("keep one kind of SLI per SLO"),
        );
    }
    if let Some(events) = &sli.events {
        let p = path.key("events");
        window_query(&events.error_query, p.key("error_query"), out);
        window_query(&events.total_query, p.key("total_query"), out);
    }
    if let Some(raw) = &sli.raw {
        window_query(
            &raw.error_ratio_query,
            path.key("raw").key("error_ratio_query"),
            out,
        );
    }
    if let Some(latency) = &sli.latency {
        if let Some(m) = &latency.matchers {
            matchers(m, path.key("latency").key("matchers"), out);
        }
        if latency.threshold.millis == 0 {
            out.push(
                Diagnostic::error(
                    INVALID_VALUE,
                    path.key("latency").key("threshold"),
                    "a latency threshold of 0 makes every event bad",
                )
                .with_help("give the duration under which an event is good, such as 500ms"),
            );
        }
    }
    if let Some(a) = &sli.availability {
        matchers(&a.matchers, path.key("availability").key("matchers"), out);
    }
}

fn window_query(query: &str, path: SpecPath, out: &mut Vec<Diagnostic>) {
    if !query.contains(WINDOW) {
        out.push(
            Diagnostic::error(
                INVALID_VALUE,
                path.clone(),
                format!("the query has no `{WINDOW}` range"),
            )
            .with_help(
                "write the range as `[{{.window}}]` so each window's rule gets its own range",
            ),
        );
        return;
    }
    if let Err(message) = crate::promql::parse(&query.replace(WINDOW, "5m")) {
        out.push(promql_error(
            path,
            &message,
            "fix the query; `{{.window}}` stands for a range such as 5m",
        ));
    }
}

fn matchers(text: &str, path: SpecPath, out: &mut Vec<Diagnostic>) {
    if let Err(message) = crate::promql::parse(&format!("up{{{text}}}")) {
        out.push(promql_error(
            path,
            &message,
            "write label matchers without braces: job=\"api\", code=~\"5..\"",
        ));
    }
}
