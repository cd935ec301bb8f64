//! grafana/dashboards/<uid>.json: each dashboard in Grafana's classic dashboard JSON (schemaVersion
//! 41, Grafana 11/12): rows and panels on the 24-column grid with stable ids, targets and template
//! variables referring to the provisioned datasources by uid, units and thresholds in fieldConfig.

use super::Artifact;
use crate::model::Model;
use crate::spec::stack::{Dashboard, Panel, PanelType, Variable};
use serde_json::{json, Map, Value};

/// The dashboard JSON schema version of Grafana 11.6 / 12.
pub const SCHEMA_VERSION: u32 = 41;

pub fn dashboards(model: &Model) -> Vec<Artifact> {
    model
        .stack
        .dashboards
        .iter()
        .map(|d| {
            let mut content =
                serde_json::to_string_pretty(&dashboard(&d.dashboard, model)).unwrap_or_default();
            content.push('\n');
            Artifact {
                path: format!("grafana/dashboards/{}.json", d.dashboard.uid),
                content,
            }
        })
        .collect()
}

fn datasource_ref(uid: &str, model: &Model) -> Value {
    let kind = model
        .stack
        .datasources
        .iter()
        .find(|d| d.uid == uid)
        .map(|d| d.kind)
        .unwrap_or("prometheus");
    json!({"type": kind, "uid": uid})
}

fn panel_datasource(panel: &Panel) -> &str {
    match (&panel.datasource, panel.kind) {
        (Some(uid), _) => uid,
        (None, PanelType::Logs) => "elasticsearch",
        (None, _) => "prometheus",
    }
}

fn variables(vars: &[Variable], model: &Model) -> Vec<Value> {
    let mut earlier: Vec<String> = Vec::new();
    vars.iter()
        .map(|v| {
            let label = v.label.as_deref().unwrap_or(&v.name);
            let metric = v.metric.as_deref().unwrap_or("up");
            let selector = if earlier.is_empty() {
                metric.to_string()
            } else {
                format!("{metric}{{{}}}", earlier.join(","))
            };
            let query = format!("label_values({selector}, {label})");
            earlier.push(format!("{label}=~\"${}\"", v.name));
            let multi = v.multi.unwrap_or(true);
            json!({
                "name": v.name,
                "label": label,
                "type": "query",
                "datasource": datasource_ref("prometheus", model),
                "query": {"query": query, "refId": "PrometheusVariableQueryEditor-VariableQuery", "qryType": 1},
                "refresh": 2,
                "includeAll": multi,
                "multi": multi,
                "allValue": ".*",
                "sort": 1,
                "regex": "",
                "options": []
            })
        })
        .collect()
}

fn targets(panel: &Panel, model: &Model) -> Vec<Value> {
    let ds = datasource_ref(panel_datasource(panel), model);
    panel
        .targets
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let ref_id = ref_id(i);
            if panel.kind == PanelType::Logs {
                json!({
                    "refId": ref_id, "datasource": ds, "query": t.expr,
                    "metrics": [{"id": "1", "type": "logs"}], "bucketAggs": [],
                    "timeField": "@timestamp"
                })
            } else {
                let mut q = Map::new();
                q.insert("refId".into(), json!(ref_id));
                q.insert("datasource".into(), ds.clone());
                q.insert("editorMode".into(), json!("code"));
                q.insert("expr".into(), json!(t.expr));
                if let Some(l) = &t.legend {
                    q.insert("legendFormat".into(), json!(l));
                }
                q.insert("instant".into(), json!(t.instant));
                q.insert("range".into(), json!(!t.instant));
                Value::Object(q)
            }
        })
        .collect()
}

fn ref_id(i: usize) -> String {
    let letter = (b'A' + (i % 26) as u8) as char;
    if i < 26 {
        letter.to_string()
    } else {
        format!("{letter}{}", i / 26)
    }
}

fn field_config(panel: &Panel) -> Value {
    let mut defaults = Map::new();
    if let Some(unit) = &panel.unit {
        defaults.insert("unit".into(), json!(unit));
    }
    if let Some(min) = panel.min {
        defaults.insert("min".into(), json!(min));
    }
    if let Some(max) = panel.max {
        defaults.insert("max".into(), json!(max));
    }
    if !panel.thresholds.is_empty() {
        let mut steps: Vec<Value> = panel
            .thresholds
            .iter()
            .map(|s| json!({"color": s.color, "value": s.value}))
            .collect();
        if panel.thresholds[0].value.is_some() {
            steps.insert(0, json!({"color": "green", "value": null}));
        }
        defaults.insert(
            "thresholds".into(),
            json!({"mode": "absolute", "steps": steps}),
        );
    }
    json!({"defaults": defaults, "overrides": []})
}

fn options(kind: PanelType) -> Value {
    match kind {
        PanelType::Timeseries => json!({
            "legend": {"displayMode": "list", "placement": "bottom", "showLegend": true},
            "tooltip": {"mode": "multi", "sort": "desc"}
        }),
        PanelType::Stat => json!({
            "reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": false},
            "colorMode": "value", "graphMode": "area", "textMode": "auto"
        }),
        PanelType::Gauge => json!({
            "reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": false},
            "showThresholdLabels": false, "showThresholdMarkers": true
        }),
        PanelType::Table => json!({"showHeader": true, "cellHeight": "sm"}),
        PanelType::Logs => json!({
            "showTime": true, "wrapLogMessage": true, "sortOrder": "Descending",
            "enableLogDetails": true, "dedupStrategy": "none"
        }),
    }
}

fn dashboard(d: &Dashboard, model: &Model) -> Value {
    let mut id = 0u32;
    let mut next_id = || {
        id += 1;
        id
    };
    let mut panels: Vec<Value> = Vec::new();
    let mut y = 0u32;
    for row in &d.rows {
        let row_id = next_id();
        let row_y = y;
        y += 1;
        let mut children = Vec::new();
        let mut x = 0u32;
        let mut line_height = 0u32;
        let default_width = (24 / row.panels.len().max(1) as u32).max(6);
        for panel in &row.panels {
            let w = panel.width.map(u32::from).unwrap_or(default_width).min(24);
            let h = panel.height.map(u32::from).unwrap_or(8);
            if x + w > 24 {
                x = 0;
                y += line_height;
                line_height = 0;
            }
            let mut p = Map::new();
            p.insert("id".into(), json!(next_id()));
            p.insert("type".into(), json!(panel.kind.id()));
            p.insert("title".into(), json!(panel.title));
            if let Some(desc) = &panel.description {
                p.insert("description".into(), json!(desc));
            }
            p.insert(
                "datasource".into(),
                datasource_ref(panel_datasource(panel), model),
            );
            p.insert("gridPos".into(), json!({"h": h, "w": w, "x": x, "y": y}));
            p.insert("targets".into(), json!(targets(panel, model)));
            p.insert("fieldConfig".into(), field_config(panel));
            p.insert("options".into(), options(panel.kind));
            children.push(Value::Object(p));
            x += w;
            line_height = line_height.max(h);
        }
        y += line_height;
        let mut r = json!({
            "id": row_id, "type": "row", "title": row.title, "collapsed": row.collapsed,
            "gridPos": {"h": 1, "w": 24, "x": 0, "y": row_y}, "panels": []
        });
        if row.collapsed {
            r["panels"] = Value::Array(children);
            panels.push(r);
        } else {
            panels.push(r);
            panels.extend(children);
        }
    }
    let mut root = Map::new();
    root.insert("uid".into(), json!(d.uid));
    root.insert("title".into(), json!(d.title));
    if let Some(desc) = &d.description {
        root.insert("description".into(), json!(desc));
    }
    root.insert("tags".into(), json!(d.tags));
    root.insert("editable".into(), json!(false));
    root.insert("graphTooltip".into(), json!(1));
    root.insert("schemaVersion".into(), json!(SCHEMA_VERSION));
    root.insert("version".into(), json!(1));
    root.insert("timezone".into(), json!("browser"));
    root.insert(
        "time".into(),
        json!({"from": d.time_from.as_deref().unwrap_or("now-6h"), "to": "now"}),
    );
    if let Some(r) = &d.refresh {
        root.insert("refresh".into(), json!(r));
    }
    root.insert(
        "templating".into(),
        json!({"list": variables(&d.variables, model)}),
    );
    root.insert("annotations".into(), json!({"list": []}));
    root.insert("links".into(), json!([]));
    root.insert("panels".into(), Value::Array(panels));
    Value::Object(root)
}
