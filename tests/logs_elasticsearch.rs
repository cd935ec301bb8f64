//! Elastic's own ECS templates (../shared/corpus/elasticsearch) load into `logs.elasticsearch`'s
//! types without loss: every component template's `template`, the composable index template and
//! the legacy template's mappings serialize back to exactly what was read.

mod support;

use monctl::spec::logs::elasticsearch::TemplateBody;
use monctl::spec::logs::Mappings;
use serde_json::Value;

fn read(path: &std::path::Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn ecs_templates_load_without_loss() {
    let Some(dir) = support::corpus("elasticsearch") else {
        return;
    };
    let files = support::files_under(&dir, &[".json"]);
    assert!(files.len() >= 30, "only {} ECS files", files.len());
    let mut bodies = 0;
    for f in &files {
        let v = read(f);
        if let Some(t) = v.get("template") {
            let body: TemplateBody = serde_json::from_value(t.clone())
                .unwrap_or_else(|e| panic!("{}: {e}", f.display()));
            assert_eq!(&serde_json::to_value(&body).unwrap(), t, "{}", f.display());
            assert!(
                body.mappings.is_some() || body.settings.is_some(),
                "{}",
                f.display()
            );
            bodies += 1;
        } else if let Some(m) = v.get("mappings") {
            let mappings: Mappings = serde_json::from_value(m.clone())
                .unwrap_or_else(|e| panic!("{}: {e}", f.display()));
            assert_eq!(
                &serde_json::to_value(&mappings).unwrap(),
                m,
                "{}",
                f.display()
            );
            assert!(!mappings.properties.is_empty());
            bodies += 1;
        }
    }
    assert_eq!(bodies, files.len());
}
