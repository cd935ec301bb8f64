//! grafana/provisioning/datasources/monctl.yml (Prometheus, Alertmanager, Elasticsearch with the
//! log index and time field, Jaeger; stable uids the dashboards refer to) and
//! grafana/provisioning/dashboards/monctl.yml (a file provider reading the mounted dashboards).

use super::super::yaml::{document, Fields};
use super::Artifact;
use crate::model::{Model, StackModel};
use crate::spec::stack::Preset;
use serde_json::json;

pub fn provisioning(model: &Model) -> Vec<Artifact> {
    let has_grafana = model.stack.with_role(Preset::Grafana).next().is_some();
    if !has_grafana && model.spec.dashboards.is_none() {
        return Vec::new();
    }
    let datasources: Vec<_> = model
        .stack
        .datasources
        .iter()
        .map(|d| {
            let mut f = Fields::new();
            f.set("name", d.name)
                .set("uid", d.uid)
                .set("type", d.kind)
                .set("access", "proxy")
                .set("url", &d.url)
                .set("isDefault", d.is_default)
                .set("editable", false)
                .set("jsonData", &d.json_data);
            f.build()
        })
        .collect();
    let folder = model
        .spec
        .dashboards
        .as_ref()
        .and_then(|d| d.folder.clone())
        .unwrap_or_else(|| "monctl".into());
    let provider = json!({
        "apiVersion": 1,
        "providers": [{
            "name": "monctl",
            "orgId": 1,
            "folder": folder,
            "type": "file",
            "disableDeletion": true,
            "allowUiUpdates": false,
            "updateIntervalSeconds": 30,
            "options": {"path": StackModel::GRAFANA_DASHBOARDS, "foldersFromFilesStructure": false}
        }]
    });
    vec![
        Artifact {
            path: "grafana/provisioning/datasources/monctl.yml".into(),
            content: document(&json!({"apiVersion": 1, "datasources": datasources})),
        },
        Artifact {
            path: "grafana/provisioning/dashboards/monctl.yml".into(),
            content: document(&provider),
        },
    ]
}
