//! `monctl import` / `lint` of Grafana dashboards (../shared/corpus/grafana): each is detected,
//! imported into `dashboards.dashboards` exactly as `grafana_import` reads it, generated back, and
//! checked with no false error; a panel the spec lacks is an error at its JSON line.

mod support;

use monctl::import::prometheus::{import, Imported, NativeKind};
use monctl::spec::stack::grafana_import::import_dashboard;
use monctl::SourceFile;

fn imported(name: &str, text: &str) -> Imported {
    import(&[SourceFile::new(name, text)], &[None])
}

#[test]
fn corpus_dashboards_import_as_read_and_generate() {
    let Some(dir) = support::corpus("grafana") else {
        return;
    };
    let files = support::files_under(&dir, &[".json"]);
    assert!(files.len() >= 10, "only {} dashboards", files.len());
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        let name = f.display().to_string();
        let i = imported(&name, &text);
        assert_eq!(i.kinds, [NativeKind::Grafana], "{name}");
        // Only what the spec cannot say may be refused, each at its place in the file.
        for d in i.diagnostics.iter().filter(|d| d.is_error()) {
            assert!(
                d.code == "S004" && d.message.contains("cannot be expressed"),
                "{name}: a false error: {} {}",
                d.code,
                d.message
            );
            assert!(
                d.location.as_ref().is_some_and(|l| l.start.line > 1),
                "{name}: {}",
                d.message
            );
        }
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        let expected = import_dashboard(&json).expect("a dashboard").dashboard;
        let spec = i.spec.expect("a spec");
        let got = &spec.dashboards.as_ref().expect("dashboards").dashboards;
        assert_eq!(got, &vec![expected.clone()], "{name}");
        let (model, _) = monctl::model::Model::resolve(spec);
        let path = format!("grafana/dashboards/{}.json", expected.uid);
        assert!(
            monctl::generate::generate_all(&model)
                .iter()
                .any(|a| a.path == path),
            "{name}: {path} is not generated"
        );
    }
}

#[test]
fn an_unsupported_panel_is_refused_at_its_line_and_the_rest_imported() {
    let text = r#"{
  "title": "API",
  "panels": [
    {"type": "timeseries", "title": "Requests", "targets": [{"expr": "sum(rate(http_requests_total[5m]))"}]},
    {"type": "heatmap", "title": "Latency"}
  ],
  "templating": {"list": [{"type": "datasource", "name": "datasource", "query": "prometheus"}]}
}"#;
    let i = imported("api.json", text);
    let errors: Vec<_> = i.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert_eq!(errors.len(), 1, "{:?}", i.diagnostics);
    assert!(
        errors[0].message.contains("/panels/1"),
        "{}",
        errors[0].message
    );
    assert_eq!(errors[0].location.as_ref().map(|l| l.start.line), Some(5));
    // The datasource variable is a warning: the panels read the provisioned datasource.
    assert!(i
        .diagnostics
        .iter()
        .any(|d| !d.is_error() && d.message.contains("/templating/list/0")));
    let spec = i.spec.expect("a spec");
    let d = &spec.dashboards.expect("dashboards").dashboards[0];
    let titles: Vec<&str> = d
        .rows
        .iter()
        .flat_map(|r| &r.panels)
        .map(|p| p.title.as_str())
        .collect();
    assert_eq!(titles, ["Requests"]);
}
