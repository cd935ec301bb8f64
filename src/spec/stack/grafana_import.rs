//! Reading a dashboard Grafana wrote (its classic JSON model) into the `dashboards` section's
//! types: rows and panels (timeseries/graph, stat/singlestat, gauge/bargauge, table, logs) with
//! their PromQL targets, units, thresholds, datasource uids and grid sizes; query variables.
//! Panels of other types are skipped and listed with their JSON pointer; a file that is not a
//! dashboard is rejected with the pointer of what is wrong.

use super::{Dashboard, Panel, PanelType, Row, Target, ThresholdStep, Variable};
use serde_json::Value;

/// An imported dashboard and what was left out, each with its JSON pointer and the reason.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedDashboard {
    pub dashboard: Dashboard,
    pub skipped: Vec<(String, String)>,
}

/// Why a file is not a dashboard: the JSON pointer and the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub pointer: String,
    pub reason: String,
}

fn error(pointer: &str, reason: impl Into<String>) -> ImportError {
    ImportError {
        pointer: pointer.to_string(),
        reason: reason.into(),
    }
}

fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_string)
}

/// Reads one Grafana dashboard JSON document.
pub fn import_dashboard(json: &Value) -> Result<ImportedDashboard, ImportError> {
    let root = json
        .as_object()
        .ok_or_else(|| error("", "a dashboard is a JSON object"))?;
    // The dashboard may be wrapped ({"dashboard": {...}}) as the HTTP API returns it.
    if let Some(inner) = root.get("dashboard").filter(|d| d.is_object()) {
        return import_dashboard(inner);
    }
    let title =
        text(json, "title").ok_or_else(|| error("/title", "a dashboard needs a title (string)"))?;
    let uid = match json.get("uid") {
        Some(Value::String(u)) if !u.is_empty() => u.clone(),
        Some(Value::String(_)) | None | Some(Value::Null) => slug(&title),
        Some(_) => return Err(error("/uid", "uid must be a string")),
    };
    let mut skipped = Vec::new();
    let variables = match json.pointer("/templating/list") {
        Some(Value::Array(list)) => list
            .iter()
            .enumerate()
            .filter_map(|(i, v)| variable(v, &format!("/templating/list/{i}"), &mut skipped))
            .collect(),
        Some(_) => return Err(error("/templating/list", "must be an array")),
        None => Vec::new(),
    };
    let mut rows: Vec<Row> = Vec::new();
    match (json.get("panels"), json.get("rows")) {
        (Some(Value::Array(panels)), _) => {
            for (i, p) in panels.iter().enumerate() {
                let pointer = format!("/panels/{i}");
                if p.get("type").and_then(Value::as_str) == Some("row") {
                    let mut row = Row {
                        title: text(p, "title").unwrap_or_default(),
                        collapsed: p.get("collapsed").and_then(Value::as_bool).unwrap_or(false),
                        panels: Vec::new(),
                    };
                    if let Some(Value::Array(inner)) = p.get("panels") {
                        for (j, q) in inner.iter().enumerate() {
                            if let Some(panel) =
                                panel(q, &format!("{pointer}/panels/{j}"), &mut skipped)
                            {
                                row.panels.push(panel);
                            }
                        }
                    }
                    rows.push(row);
                    continue;
                }
                if let Some(panel) = panel(p, &pointer, &mut skipped) {
                    if rows.is_empty() {
                        rows.push(Row {
                            title: title.clone(),
                            ..Row::default()
                        });
                    }
                    if let Some(last) = rows.last_mut() {
                        last.panels.push(panel);
                    }
                }
            }
        }
        (Some(_), _) => return Err(error("/panels", "must be an array")),
        (None, Some(Value::Array(old_rows))) => {
            for (i, r) in old_rows.iter().enumerate() {
                let mut row = Row {
                    title: text(r, "title").unwrap_or_default(),
                    ..Row::default()
                };
                if let Some(Value::Array(inner)) = r.get("panels") {
                    for (j, q) in inner.iter().enumerate() {
                        if let Some(panel) =
                            panel(q, &format!("/rows/{i}/panels/{j}"), &mut skipped)
                        {
                            row.panels.push(panel);
                        }
                    }
                }
                rows.push(row);
            }
        }
        (None, Some(_)) => return Err(error("/rows", "must be an array")),
        (None, None) => {}
    }
    Ok(ImportedDashboard {
        dashboard: Dashboard {
            uid,
            title,
            description: text(json, "description"),
            tags: json
                .get("tags")
                .and_then(Value::as_array)
                .map(|t| {
                    t.iter()
                        .filter_map(|s| s.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default(),
            refresh: text(json, "refresh").filter(|r| !r.is_empty()),
            time_from: json
                .pointer("/time/from")
                .and_then(Value::as_str)
                .map(str::to_string),
            variables,
            rows,
        },
        skipped,
    })
}

/// A uid from a title: lowercase letters, digits and `-`, at most 40.
fn slug(title: &str) -> String {
    let mut s: String = title
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    s.truncate(40);
    let s = s.trim_matches('-').to_string();
    if s.is_empty() {
        "dashboard".into()
    } else {
        s
    }
}

fn variable(v: &Value, pointer: &str, skipped: &mut Vec<(String, String)>) -> Option<Variable> {
    let name = text(v, "name")?;
    if v.get("type").and_then(Value::as_str) != Some("query") {
        skipped.push((
            pointer.into(),
            format!("variable `{name}` is not a query variable"),
        ));
        return None;
    }
    let query = match v.get("query") {
        Some(Value::String(q)) => q.clone(),
        Some(Value::Object(o)) => o
            .get("query")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
        _ => String::new(),
    };
    // label_values(metric{...}, label) or label_values(label)
    let inner = query
        .trim()
        .strip_prefix("label_values(")
        .and_then(|q| q.strip_suffix(')'));
    let Some(inner) = inner else {
        skipped.push((
            pointer.into(),
            format!("variable `{name}`'s query is not label_values(...)"),
        ));
        return None;
    };
    let (metric, label) = match inner.rsplit_once(',') {
        Some((m, l)) => (
            Some(m.split('{').next().unwrap_or(m).trim().to_string()),
            l.trim().to_string(),
        ),
        None => (None, inner.trim().to_string()),
    };
    Some(Variable {
        label: (label != name).then_some(label),
        name,
        metric: metric.filter(|m| !m.is_empty()),
        multi: v.get("multi").and_then(Value::as_bool),
    })
}

fn panel(p: &Value, pointer: &str, skipped: &mut Vec<(String, String)>) -> Option<Panel> {
    let kind = match p.get("type").and_then(Value::as_str).unwrap_or("") {
        "timeseries" | "graph" => PanelType::Timeseries,
        "stat" | "singlestat" => PanelType::Stat,
        "gauge" | "bargauge" => PanelType::Gauge,
        "table" | "table-old" => PanelType::Table,
        "logs" => PanelType::Logs,
        other => {
            skipped.push((
                pointer.into(),
                format!("panel type `{other}` is not one monctl writes"),
            ));
            return None;
        }
    };
    let targets = p
        .get("targets")
        .and_then(Value::as_array)
        .map(|ts| {
            ts.iter()
                .filter_map(|t| {
                    let expr = text(t, "expr").or_else(|| text(t, "query"))?;
                    Some(Target {
                        expr,
                        legend: text(t, "legendFormat").filter(|l| !l.is_empty()),
                        instant: t.get("instant").and_then(Value::as_bool).unwrap_or(false),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let defaults = p.pointer("/fieldConfig/defaults");
    let unit = defaults
        .and_then(|d| text(d, "unit"))
        .or_else(|| {
            p.pointer("/yaxes/0/format")
                .and_then(Value::as_str)
                .map(str::to_string)
        })
        .filter(|u| !u.is_empty());
    let thresholds = defaults
        .and_then(|d| d.pointer("/thresholds/steps"))
        .and_then(Value::as_array)
        .map(|steps| {
            steps
                .iter()
                .filter_map(|s| {
                    Some(ThresholdStep {
                        value: s.get("value").and_then(Value::as_f64),
                        color: text(s, "color")?,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let datasource = match p.get("datasource") {
        Some(Value::Object(d)) => d
            .get("uid")
            .and_then(Value::as_str)
            // A variable, or Grafana's built-in `-- Mixed --` (each query names its own, which the
            // spec's targets do not say): the panel reads the default datasource.
            .filter(|u| !u.starts_with('$') && !u.starts_with("-- "))
            .map(str::to_string),
        _ => None,
    };
    let grid = |k: &str| {
        p.pointer(&format!("/gridPos/{k}"))
            .and_then(Value::as_u64)
            .and_then(|n| u8::try_from(n).ok())
    };
    Some(Panel {
        title: text(p, "title").unwrap_or_default(),
        kind,
        description: text(p, "description").filter(|d| !d.is_empty()),
        targets,
        unit,
        thresholds,
        min: defaults.and_then(|d| d.get("min")).and_then(Value::as_f64),
        max: defaults.and_then(|d| d.get("max")).and_then(Value::as_f64),
        datasource,
        width: grid("w").filter(|w| (1..=24).contains(w)),
        height: grid("h").filter(|h| *h > 0),
    })
}
