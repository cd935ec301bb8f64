//! Sloth's `prometheus/v1` SLO specs as monctl objectives (issue #13): the one conversion behind
//! both the inline `slos.sloth` form and `import` of a Sloth file. Sloth's Kubernetes form
//! (`PrometheusServiceLevel`, camelCase fields under `spec`) is read too. SLI plugins and SLO
//! plugins run Sloth's Go code, which monctl cannot: those are reported at their field.

use crate::codes::{INVALID_VALUE, UNKNOWN_FIELD, YAML_SYNTAX};
use crate::diagnostic::{Diagnostic, SpecPath};
use crate::import::prometheus::tree::{entries, map, string};
use crate::source::{load_value, FileId, Limits, Node, NodeKind};
use crate::spec::slos::{
    AlertSettings, Alerting, EventsSli, RawSli, Sli, Slo, Slos, SlothAlert, SlothSpec,
};
use crate::spec::LabelName;
use serde_json::Value;
use std::collections::BTreeMap;

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

fn alert(a: &SlothAlert) -> AlertSettings {
    AlertSettings {
        disable: a.disable,
        name: None,
        labels: labels(&a.labels),
        annotations: a.annotations.clone(),
    }
}

/// One converted SLO and where it is written: `<path>.slos[i]`.
pub struct Converted {
    pub path: SpecPath,
    pub slo: Slo,
}

/// The objectives of a Sloth spec written at `path`, and what cannot be converted (reported at
/// its field under `path`). An SLO with a plugin is left out.
pub fn convert(spec: &SlothSpec, path: &SpecPath) -> (Vec<Converted>, Vec<Diagnostic>) {
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
    let mut out = Vec::new();
    for (i, s) in spec.slos.iter().enumerate() {
        let p = path.key("slos").index(i);
        let plugin = if s.sli.plugin.is_some() {
            Some(p.key("sli").key("plugin"))
        } else if s.plugins.is_some() {
            Some(p.key("plugins"))
        } else {
            None
        };
        if let Some(at) = plugin {
            errors.push(
                Diagnostic::error(
                    INVALID_VALUE,
                    at,
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
        let slo = Slo {
            service: spec.service.clone(),
            name: s.name.clone(),
            description: s.description.clone(),
            objective: s.objective,
            period: None,
            labels: all_labels,
            sli: Sli {
                events: s.sli.events.as_ref().map(|e| EventsSli {
                    error_query: e.error_query.clone(),
                    total_query: e.total_query.clone(),
                }),
                raw: s.sli.raw.as_ref().map(|r| RawSli {
                    error_ratio_query: r.error_ratio_query.clone(),
                }),
                latency: None,
                availability: None,
            },
            alerting: Alerting {
                name: s.alerting.name.clone(),
                labels: labels(&s.alerting.labels),
                annotations: s.alerting.annotations.clone(),
                page_alert: alert(&s.alerting.page_alert),
                ticket_alert: alert(&s.alerting.ticket_alert),
            },
            windows: None,
            lint_ignore: Vec::new(),
        };
        out.push(Converted { path: p, slo });
    }
    (out, errors)
}

/// Whether a parsed native file is a Sloth spec: `version: prometheus/v1` with `service` and
/// `slos`, or Sloth's `PrometheusServiceLevel` resource.
pub fn is_sloth(root: &Node) -> bool {
    let text = |k: &str| match root.get(k).map(|n| &n.kind) {
        Some(NodeKind::Str(s)) => Some(s.as_str()),
        _ => None,
    };
    (text("version") == Some("prometheus/v1") && root.get("slos").is_some())
        || text("kind") == Some("PrometheusServiceLevel")
}

/// A Sloth file's tree as the spec's `slos.sloth` form (`slos: {sloth: [<the file>]}`), spans
/// kept so that every finding points into the Sloth file. Sloth's Kubernetes resource gives its
/// `spec`, which has no `version` field.
pub fn to_spec(root: Node) -> Node {
    let span = root.span;
    let mut root = root;
    if root.get("kind").is_some() {
        let fields = entries(root);
        let Some((_, spec_key, spec)) = fields.into_iter().find(|(k, _, _)| k == "spec") else {
            return map(span, Vec::new());
        };
        let mut spec = spec;
        snake_case_keys(&mut spec);
        let mut fields = entries(spec);
        fields.insert(
            0,
            (
                "version".into(),
                spec_key,
                string("prometheus/v1", spec_key),
            ),
        );
        root = map(span, fields);
    }
    let list = Node {
        kind: NodeKind::Seq(vec![root]),
        span,
    };
    map(
        span,
        vec![(
            "slos".into(),
            span,
            map(span, vec![("sloth".into(), span, list)]),
        )],
    )
}

/// The Kubernetes resource's camelCase field names as the prometheus/v1 spec writes them; labels
/// and annotations (user keys) are left as they are.
fn snake_case_keys(node: &mut Node) {
    const NAMES: [(&str, &str); 6] = [
        ("errorQuery", "error_query"),
        ("totalQuery", "total_query"),
        ("errorRatioQuery", "error_ratio_query"),
        ("pageAlert", "page_alert"),
        ("ticketAlert", "ticket_alert"),
        ("sloPlugins", "slo_plugins"),
    ];
    match &mut node.kind {
        NodeKind::Map(fields) => {
            for (key, value) in fields.iter_mut() {
                if let Some((_, snake)) = NAMES.iter().find(|(camel, _)| *camel == key.name) {
                    key.name = snake.to_string();
                }
                if key.name != "labels" && key.name != "annotations" {
                    snake_case_keys(value);
                }
            }
        }
        NodeKind::Seq(items) => items.iter_mut().for_each(snake_case_keys),
        _ => {}
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
    let (converted, errors) = convert(&spec, &path);
    if errors.is_empty() {
        Ok(Slos {
            windows: None,
            objectives: converted.into_iter().map(|c| c.slo).collect(),
            sloth: Vec::new(),
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
