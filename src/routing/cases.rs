//! Routing test cases: a YAML file of alerts with the receivers they must reach and, optionally,
//! the other alerts firing at the time, whether the alert must be inhibited, the receivers actually
//! notified and the instant time intervals are evaluated at. `monctl routes test --cases FILE` runs
//! them; amtool has neither batches nor inhibition.
//!
//! ```yaml
//! cases:
//!   - name: a critical alert pages the on-call
//!     labels: {alertname: ServiceDown, severity: critical, service: api}
//!     expect:
//!       receivers: [critical-alerts]
//!   - name: a warning is inhibited while the critical alert fires
//!     labels: {alertname: HighLatency, severity: warning, service: api}
//!     firing:
//!       - {alertname: HighLatency, severity: critical, service: api}
//!     at: 2024-05-06T10:00:00Z
//!     expect:
//!       receivers: [warning-alerts]
//!       inhibited: true
//!       notified: []
//! ```

use super::{Instant, LabelSet, RouteResult, Simulator};
use serde::{Deserialize, Deserializer, Serialize};

/// The file: a list of cases.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CasesFile {
    pub cases: Vec<Case>,
}

/// One alert and what must happen to it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(deserialize_with = "label_set")]
    pub labels: LabelSet,
    /// Other alerts firing at the same time (sources of inhibition).
    #[serde(default, deserialize_with = "label_sets")]
    pub firing: Vec<LabelSet>,
    /// RFC 3339 instant at which time intervals are evaluated.
    #[serde(default)]
    pub at: Option<String>,
    pub expect: Expectation,
}

/// What the case expects; at least one field.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Expectation {
    /// The receivers of the routes the alert reaches, in order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receivers: Option<Vec<String>>,
    /// Whether the alert is inhibited by the `firing` alerts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inhibited: Option<bool>,
    /// The receivers actually notified (not inhibited, route not muted at `at`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notified: Option<Vec<String>>,
}

/// Label values may be written as numbers or booleans in YAML; they are strings to Alertmanager.
fn scalar_string(value: serde_json::Value) -> Result<String, String> {
    match value {
        serde_json::Value::String(s) => Ok(s),
        serde_json::Value::Number(n) => Ok(n.to_string()),
        serde_json::Value::Bool(b) => Ok(b.to_string()),
        serde_json::Value::Null => Ok(String::new()),
        other => Err(format!("a label value must be a string, not {other}")),
    }
}

/// A label map under the same rules as `--labels` (names checked; the YAML loader already refuses
/// a key given twice).
fn to_label_set(
    raw: std::collections::BTreeMap<String, serde_json::Value>,
) -> Result<LabelSet, String> {
    let mut labels = LabelSet::new();
    for (k, v) in raw {
        super::labels::insert(&mut labels, k, scalar_string(v)?)?;
    }
    Ok(labels)
}

fn label_set<'de, D: Deserializer<'de>>(d: D) -> Result<LabelSet, D::Error> {
    let raw = std::collections::BTreeMap::<String, serde_json::Value>::deserialize(d)?;
    to_label_set(raw).map_err(serde::de::Error::custom)
}

fn label_sets<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<LabelSet>, D::Error> {
    let raw = Vec::<std::collections::BTreeMap<String, serde_json::Value>>::deserialize(d)?;
    raw.into_iter()
        .map(|set| to_label_set(set).map_err(serde::de::Error::custom))
        .collect()
}

/// Parses a cases file (YAML or JSON). Errors name the place (`cases[2].expect`).
pub fn parse(text: &str) -> Result<Vec<Case>, String> {
    let value = crate::source::load_value(text, crate::source::FileId(0), &Default::default())?;
    let file: CasesFile = serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        if path == "." {
            e.inner().to_string()
        } else {
            format!("{path}: {}", e.inner())
        }
    })?;
    for (i, case) in file.cases.iter().enumerate() {
        let e = &case.expect;
        if e.receivers.is_none() && e.inhibited.is_none() && e.notified.is_none() {
            return Err(format!(
                "cases[{i}].expect: give at least one of receivers, inhibited, notified"
            ));
        }
        if let Some(at) = &case.at {
            Instant::parse_rfc3339(at).map_err(|e| format!("cases[{i}].at: {e}"))?;
        }
    }
    Ok(file.cases)
}

/// The outcome of one case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaseOutcome {
    pub index: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub passed: bool,
    /// One line per unmet expectation: expected vs got.
    pub failures: Vec<String>,
    pub result: RouteResult,
}

fn list(items: &[String]) -> String {
    format!("[{}]", items.join(", "))
}

/// Checks a result against an expectation; one message per mismatch.
pub fn compare(expect: &Expectation, result: &RouteResult) -> Vec<String> {
    let mut failures = Vec::new();
    if let Some(receivers) = &expect.receivers {
        if receivers != &result.receivers {
            failures.push(format!(
                "receivers: expected {}, got {}",
                list(receivers),
                list(&result.receivers)
            ));
        }
    }
    if let Some(inhibited) = expect.inhibited {
        if inhibited != result.inhibited {
            let got = match result.inhibited_by.first() {
                Some(i) => format!(
                    "inhibited by {} (source {})",
                    i.rule_path,
                    super::label_set_string(&i.source)
                ),
                None => "not inhibited".to_string(),
            };
            failures.push(format!(
                "inhibited: expected {}, got {got}",
                if inhibited {
                    "inhibited"
                } else {
                    "not inhibited"
                }
            ));
        }
    }
    if let Some(notified) = &expect.notified {
        if notified != &result.notified {
            failures.push(format!(
                "notified: expected {}, got {}",
                list(notified),
                list(&result.notified)
            ));
        }
    }
    failures
}

/// Runs one case (its `at` was checked by [`parse`]; an unparsable one counts as absent).
pub fn run_case(sim: &Simulator<'_>, index: usize, case: &Case) -> CaseOutcome {
    let at = case
        .at
        .as_deref()
        .and_then(|t| Instant::parse_rfc3339(t).ok());
    let result = sim.route(&case.labels, at, &case.firing);
    let failures = compare(&case.expect, &result);
    CaseOutcome {
        index,
        name: case.name.clone(),
        passed: failures.is_empty(),
        failures,
        result,
    }
}

/// Runs every case.
pub fn run_cases(sim: &Simulator<'_>, cases: &[Case]) -> Vec<CaseOutcome> {
    cases
        .iter()
        .enumerate()
        .map(|(i, case)| run_case(sim, i, case))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_cases_with_numbers_as_label_values() {
        let cases =
            parse("cases:\n  - labels: {alertname: A, code: 500}\n    expect: {receivers: [r]}\n")
                .unwrap();
        assert_eq!(cases[0].labels["code"], "500");
    }

    #[test]
    fn label_names_follow_the_rules_of_the_cli() {
        let err = parse("cases:\n  - labels: {'': x}\n    expect: {receivers: [r]}\n").unwrap_err();
        assert!(err.contains("empty"), "{err}");
        let ok = parse("cases:\n  - labels: {é: x}\n    expect: {receivers: [r]}\n").unwrap();
        assert_eq!(ok[0].labels["é"], "x");
    }

    #[test]
    fn reports_where_a_case_is_malformed() {
        let err = parse("cases:\n  - labels: {a: b}\n    expect: {receiver: [r]}\n").unwrap_err();
        assert!(err.contains("cases[0].expect"), "{err}");
        let err = parse("cases:\n  - labels: {a: b}\n    expect: {}\n").unwrap_err();
        assert!(err.contains("at least one"), "{err}");
        let err =
            parse("cases:\n  - labels: {a: b}\n    at: noon\n    expect: {inhibited: false}\n")
                .unwrap_err();
        assert!(err.contains("cases[0].at"), "{err}");
    }
}
