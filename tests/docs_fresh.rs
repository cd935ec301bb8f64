//! docs/rules.md is generated from the rule registry; it must match what the registry says now.

mod support;

#[test]
fn rules_reference_is_current() {
    let path = support::repo_root().join(monctl::docs::RULES_DOC_PATH);
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    let current = monctl::docs::rules_markdown();
    if committed != current {
        if std::env::var("MONCTL_UPDATE_DOCS").is_ok_and(|v| v == "1") {
            std::fs::write(&path, &current).unwrap();
        }
        panic!(
            "{} is stale: run `cargo run -p monctl-cli -- rules --markdown > {}` and commit it",
            monctl::docs::RULES_DOC_PATH,
            monctl::docs::RULES_DOC_PATH
        );
    }
}

#[test]
fn every_code_is_documented() {
    for info in monctl::docs::all_codes() {
        assert!(
            !info.summary.is_empty() && !info.explanation.is_empty(),
            "{}",
            info.code
        );
        assert_eq!(
            monctl::docs::explain(info.code).map(|i| i.code),
            Some(info.code)
        );
        assert_eq!(
            monctl::docs::explain(info.name).map(|i| i.code),
            Some(info.code)
        );
    }
}
