//! Import of Sloth's `prometheus/v1` SLO specs into the `slos` section (issue #13). Sloth's
//! Kubernetes form (`PrometheusServiceLevel`, camelCase fields under `spec`) is read too. SLI
//! plugins and SLO plugins run Sloth's Go code, which monctl cannot: those SLOs are reported.

use crate::codes::{INVALID_VALUE, UNKNOWN_FIELD, YAML_SYNTAX};
use crate::diagnostic::{Diagnostic, SpecPath};
use crate::source::{load_value, FileId, Limits};
use crate::spec::slos::{AlertSettings, Alerting, EventsSli, RawSli, Sli, Slo, Slos};
use crate::spec::LabelName;
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SlothSpec {
    version: String,
    service: String,
    #[serde(default)]
    labels: BTreeMap<String, Value>,
    #[serde(default, alias = "sloPlugins")]
    slo_plugins: Option<Value>,
    slos: Vec<SlothSlo>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SlothSlo {
    name: String,
    objective: f64,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    labels: BTreeMap<String, Value>,
    sli: SlothSli,
    #[serde(default)]
    alerting: SlothAlerting,
    #[serde(default)]
    plugins: Option<Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SlothSli {
    #[serde(default)]
    events: Option<SlothEvents>,
    #[serde(default)]
    raw: Option<SlothRaw>,
    #[serde(default)]
    plugin: Option<Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SlothEvents {
    #[serde(alias = "errorQuery")]
    error_query: String,
    #[serde(alias = "totalQuery")]
    total_query: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SlothRaw {
    #[serde(alias = "errorRatioQuery")]
    error_ratio_query: String,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct SlothAlerting {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    labels: BTreeMap<String, Value>,
    #[serde(default)]
    annotations: BTreeMap<String, String>,
    #[serde(default, alias = "pageAlert")]
    page_alert: SlothAlert,
    #[serde(default, alias = "ticketAlert")]
    ticket_alert: SlothAlert,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct SlothAlert {
    #[serde(default)]
    disable: bool,
    #[serde(default)]
    labels: BTreeMap<String, Value>,
    #[serde(default)]
    annotations: BTreeMap<String, String>,
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn labels(map: &BTreeMap<String, Value>) -> BTreeMap<LabelName, String> {
    map.iter()
        .map(|(k, v)| (LabelName(k.clone()), text(v)))
        .collect()
}

fn alert(a: SlothAlert) -> AlertSettings {
    AlertSettings {
        disable: a.disable,
        name: None,
        labels: labels(&a.labels),
        annotations: a.annotations,
    }
}

/// Reads a Sloth spec (YAML or JSON text) into monctl's `slos` section.
pub fn import(text: &str) -> Result<Slos, Vec<Diagnostic>> {
    let root = SpecPath::root();
    let mut value = load_value(text, FileId(0), &Limits::default()).map_err(|e| {
        vec![Diagnostic::error(
            YAML_SYNTAX,
            root.clone(),
            format!("not a YAML document: {e}"),
        )
        .with_help("give a Sloth spec file (`version: prometheus/v1`)")]
    })?;
    let mut path = root.clone();
    if value.get("kind").and_then(Value::as_str) == Some("PrometheusServiceLevel") {
        let mut spec = value.get("spec").cloned().unwrap_or(Value::Null);
        if let Some(obj) = spec.as_object_mut() {
            obj.insert("version".into(), Value::String("prometheus/v1".into()));
        }
        value = spec;
        path = root.key("spec");
    }
    let spec: SlothSpec = serde_json::from_value(value).map_err(|e| {
        vec![Diagnostic::error(UNKNOWN_FIELD, path.clone(), format!("not a Sloth prometheus/v1 spec: {e}"))
            .with_help("Sloth's spec has version, service, labels and slos (https://sloth.dev/specs/prometheus/)")]
    })?;
    let mut errors = Vec::new();
    if spec.version != "prometheus/v1" {
        errors.push(
            Diagnostic::error(
                INVALID_VALUE,
                path.key("version"),
                format!("Sloth spec version `{}` is not prometheus/v1", spec.version),
            )
            .with_help("monctl reads Sloth's prometheus/v1 specs"),
        );
    }
    if spec.slo_plugins.is_some() {
        errors.push(
            Diagnostic::error(
                INVALID_VALUE,
                path.key("slo_plugins"),
                "Sloth's SLO plugins run Go code that monctl cannot run",
            )
            .with_help("remove slo_plugins; monctl generates Sloth's default rules"),
        );
    }
    let mut objectives = Vec::new();
    for (i, s) in spec.slos.into_iter().enumerate() {
        let p = path.key("slos").index(i);
        if s.sli.plugin.is_some() || s.plugins.is_some() {
            errors.push(
                Diagnostic::error(
                    INVALID_VALUE,
                    p.key("sli").key("plugin"),
                    format!(
                        "SLO `{}` uses a Sloth plugin, whose Go code monctl cannot run",
                        s.name
                    ),
                )
                .with_help("write the plugin's queries as an events or raw SLI"),
            );
            continue;
        }
        let mut all_labels = labels(&spec.labels);
        all_labels.extend(labels(&s.labels));
        objectives.push(Slo {
            service: spec.service.clone(),
            name: s.name,
            description: s.description,
            objective: s.objective,
            period: None,
            labels: all_labels,
            sli: Sli {
                events: s.sli.events.map(|e| EventsSli {
                    error_query: e.error_query,
                    total_query: e.total_query,
                }),
                raw: s.sli.raw.map(|r| RawSli {
                    error_ratio_query: r.error_ratio_query,
                }),
                latency: None,
                availability: None,
            },
            alerting: Alerting {
                name: s.alerting.name,
                labels: labels(&s.alerting.labels),
                annotations: s.alerting.annotations,
                page_alert: alert(s.alerting.page_alert),
                ticket_alert: alert(s.alerting.ticket_alert),
            },
            windows: None,
            lint_ignore: Vec::new(),
        });
    }
    if errors.is_empty() {
        Ok(Slos {
            windows: None,
            objectives,
        })
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imports_sloths_getting_started() {
        let slos = import(
            r#"
version: "prometheus/v1"
service: "myservice"
labels: {owner: "myteam", tier: 2}
slos:
  - name: "requests-availability"
    objective: 99.9
    sli:
      events:
        error_query: sum(rate(http_request_duration_seconds_count{job="myservice",code=~"(5..|429)"}[{{.window}}]))
        total_query: sum(rate(http_request_duration_seconds_count{job="myservice"}[{{.window}}]))
    alerting:
      name: MyServiceHighErrorRate
      page_alert: {labels: {severity: pageteam}}
      ticket_alert: {disable: true}
"#,
        )
        .expect("imports");
        let slo = &slos.objectives[0];
        assert_eq!(slo.id(), "myservice-requests-availability");
        assert_eq!(slo.labels[&LabelName("tier".into())], "2");
        assert!(slo
            .sli
            .events
            .as_ref()
            .unwrap()
            .error_query
            .contains("{{.window}}"));
        assert!(slo.alerting.ticket_alert.disable);
        assert_eq!(
            slo.alerting.page_alert.labels[&LabelName("severity".into())],
            "pageteam"
        );
    }

    #[test]
    fn reports_plugins_and_bad_input() {
        let errors = import("version: prometheus/v1\nservice: s\nslos:\n  - name: a\n    objective: 99\n    sli:\n      plugin: {id: x}\n").unwrap_err();
        assert_eq!(errors[0].path.to_string(), "slos[0].sli.plugin");
        assert!(import("version: [").is_err());
        assert!(import("service: s\nslos: []\nextra: 1\n").is_err());
    }
}
