//! Real dashboards written by others (../shared/corpus/grafana/) load into the `dashboards`
//! section, or are rejected with the JSON pointer of what is wrong, without a panic; the loaded
//! ones then go through `monctl check` (their queries through the PromQL analysis).

mod support;

use monctl::spec::stack::grafana_import::import_dashboard;
use monctl::SourceFile;

#[test]
fn corpus_dashboards_load_or_are_rejected_with_a_position() {
    let Some(dir) = support::corpus("grafana") else {
        return;
    };
    let files = support::files_under(&dir, &[".json"]);
    assert!(!files.is_empty(), "no dashboard under {}", dir.display());
    let mut loaded = 0;
    let mut targets = 0;
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let Ok(json) = serde_json::from_str::<serde_json::Value>(&text) else {
            continue;
        };
        match import_dashboard(&json) {
            Ok(imported) => {
                loaded += 1;
                let d = &imported.dashboard;
                assert!(!d.title.is_empty(), "{}", path.display());
                targets += d
                    .rows
                    .iter()
                    .flat_map(|r| &r.panels)
                    .map(|p| p.targets.len())
                    .sum::<usize>();
                for (pointer, reason) in &imported.skipped {
                    assert!(
                        json.pointer(pointer).is_some(),
                        "{}: {pointer} ({reason})",
                        path.display()
                    );
                }
                let spec = serde_json::json!({"dashboards": {"dashboards": [d]}});
                let report = monctl::check(&[SourceFile::new("imported.json", spec.to_string())]);
                assert!(
                    report
                        .diagnostics
                        .iter()
                        .all(|x| !x.code.starts_with('S') || x.code == "S007"),
                    "{}: the imported dashboard does not load: {:#?}",
                    path.display(),
                    report.diagnostics
                );
            }
            Err(e) => {
                assert!(!e.reason.is_empty(), "{}", path.display());
            }
        }
    }
    assert!(loaded > 0, "no corpus dashboard loaded");
    assert!(targets > 0, "no corpus dashboard had a PromQL target");
}

#[test]
fn not_a_dashboard_is_rejected_at_its_pointer() {
    let e = import_dashboard(&serde_json::json!({"panels": []})).unwrap_err();
    assert_eq!(e.pointer, "/title");
    let e = import_dashboard(&serde_json::json!({"title": "x", "panels": {}})).unwrap_err();
    assert_eq!(e.pointer, "/panels");
    assert!(import_dashboard(&serde_json::json!([1])).is_err());
}
