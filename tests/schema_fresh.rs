//! The committed JSON Schema must be what the types generate: editors and users read the file.

mod support;

#[test]
fn committed_schema_is_current() {
    let path = support::repo_root().join(monctl::schema::SCHEMA_PATH);
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    let current = monctl::schema::schema_text();
    if committed != current {
        if std::env::var("MONCTL_UPDATE_SCHEMA").is_ok_and(|v| v == "1") {
            std::fs::write(&path, &current).unwrap();
        }
        panic!(
            "{} is stale: run `cargo run -p monctl-cli -- schema > {}` (or MONCTL_UPDATE_SCHEMA=1 cargo test) and commit it",
            monctl::schema::SCHEMA_PATH,
            monctl::schema::SCHEMA_PATH
        );
    }
}

#[test]
fn schema_is_draft_2020_12_and_rejects_unknown_fields() {
    let schema = monctl::schema::schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let validator = jsonschema::validator_for(schema).unwrap();
    assert!(validator.is_valid(&serde_json::json!({"metrics": []})));
    assert!(!validator.is_valid(&serde_json::json!({"metricz": []})));
    assert!(!validator.is_valid(&serde_json::json!({"rules": {"groups": [{"name": "g", "rules": [{"alert": "A", "expr": "up", "for": "5 minutes"}]}]}})));
}
