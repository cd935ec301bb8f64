//! Import of a Grafana dashboard (its JSON model, or the HTTP API's `{"dashboard": ...}`) into
//! `dashboards.dashboards`, read by `spec::stack::grafana_import`. A panel or variable the spec
//! cannot say is an error at its place in the JSON, naming it; a file that is not a dashboard is
//! refused at what is wrong.

use super::prometheus::tree::{from_value, location, map, span_at_pointer, to_json};
use crate::diagnostic::{Diagnostic, SpecPath};
use crate::source::{Node, NodeKind};
use crate::spec::stack::grafana_import::import_dashboard;

/// Whether a file's top-level keys are a dashboard's: `panels` (or the old `rows`) with a
/// `title` or `schemaVersion`, possibly inside the HTTP API's `dashboard` wrapper.
pub fn is_dashboard(root: &Node) -> bool {
    let inner = root
        .get("dashboard")
        .filter(|d| matches!(d.kind, NodeKind::Map(_)))
        .unwrap_or(root);
    let list = |k: &str| {
        inner
            .get(k)
            .is_some_and(|v| matches!(v.kind, NodeKind::Seq(_)))
    };
    (list("panels") || list("rows"))
        && (inner.get("title").is_some() || inner.get("schemaVersion").is_some())
}

/// The `{dashboards: {dashboards: [...]}}` fragment of one dashboard file.
pub fn to_spec(root: Node, names: &[String], out: &mut Vec<Diagnostic>) -> Node {
    let span = root.span;
    let json = to_json(&root);
    let empty = || map(span, Vec::new());
    let imported = match import_dashboard(&json) {
        Ok(imported) => imported,
        Err(e) => {
            out.push(
                Diagnostic::error(
                    crate::codes::INVALID_VALUE,
                    SpecPath::root(),
                    format!("not a Grafana dashboard: {}", e.reason),
                )
                .at(Some(location(span_at_pointer(&root, &e.pointer), names)))
                .with_help("give a dashboard's JSON model (Share > Export > Save to file)"),
            );
            return empty();
        }
    };
    for (pointer, reason) in &imported.skipped {
        let place = Some(location(span_at_pointer(&root, pointer), names));
        // A datasource variable picks the Prometheus to read; the spec's panels read the one
        // the stack provisions, so nothing the dashboard shows is lost.
        let kind = json.pointer(pointer).and_then(|v| v.get("type"));
        if kind.and_then(serde_json::Value::as_str) == Some("datasource") {
            out.push(
                Diagnostic::warning(
                    crate::codes::UNKNOWN_FIELD,
                    SpecPath::root(),
                    format!("`{pointer}` ({reason}) is not imported: the panels read the provisioned datasource"),
                )
                .at(place)
                .with_help("set a panel's `datasource` to read another one"),
            );
            continue;
        }
        out.push(
            Diagnostic::error(
                crate::codes::UNKNOWN_FIELD,
                SpecPath::root(),
                format!("`{pointer}` cannot be expressed in the spec yet ({reason}); it is not imported"),
            )
            .at(place)
            .with_help("the rest of the dashboard is imported; keep this part in Grafana, or rebuild it from the spec's panel types and query variables"),
        );
    }
    let Some(dashboard) = from_value(&imported.dashboard, span) else {
        return empty();
    };
    let list = Node {
        kind: NodeKind::Seq(vec![dashboard]),
        span,
    };
    let section = map(span, vec![("dashboards".into(), span, list)]);
    map(span, vec![("dashboards".into(), span, section)])
}
