//! The chapter's logging as written (tests/fixtures/seed-as-written/logs.yml): `monctl check`
//! reports its mistakes at file:line:col — the undefined lifecycle policy, the rollover alias in
//! the template's aliases, the dead sampling rules, `type_name` with Elasticsearch 8, the systemd
//! index without a template, the docker logs no match takes and the personal data the template
//! indexes — and the fixed example is clean.

mod support;

#[test]
fn seed_as_written_logging_mistakes_are_reported_where_they_are() {
    let files =
        support::read_spec_dir(&support::repo_root().join("tests/fixtures/seed-as-written"));
    let report = monctl::check(&files);
    let found: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.code.starts_with('E') || d.code.starts_with('L'))
        .map(|d| {
            format!(
                "{} {}",
                d.code,
                d.location
                    .as_ref()
                    .map(|l| l.to_string())
                    .unwrap_or_default()
            )
        })
        .collect();
    let f = "tests/fixtures/seed-as-written/logs.yml";
    let expected = [
        format!("E001 {f}:222:35"),
        format!("E002 {f}:252:13"),
        format!("E003 {f}:181:28"),
        format!("E004 {f}:136:22"),
        format!("E006 {f}:233:15"),
        format!("E006 {f}:234:15"),
        format!("E006 {f}:235:15"),
        format!("L001 {f}:123:37"),
        format!("L001 {f}:124:37"),
        format!("L001 {f}:125:37"),
        format!("L004 {f}:57:14"),
    ];
    for e in &expected {
        assert!(found.contains(e), "missing {e}; found {found:#?}");
    }
    assert_eq!(found.len(), expected.len(), "{found:#?}");
    let l001: Vec<&str> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "L001")
        .map(|d| d.message.as_str())
        .collect();
    assert!(l001
        .iter()
        .any(|m| m.contains("^INFO$") && m.contains("ERROR | FATAL")));
}

#[test]
fn the_mall_go_example_is_clean() {
    let report = monctl::check(&support::example("mall-go"));
    // Notes aside (M006: catalog metrics nothing reads yet), nothing at all.
    let findings: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity != monctl::Severity::Info)
        .collect();
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn bad_logs_input_gets_positioned_errors_not_panics() {
    let text = "logs:\n  schema:\n    fields:\n      - {name: a, type: keyword}\n      - {name: a, type: strng}\n  elasticsearch:\n    version: '9.0'\n    index_templates:\n      - {name: t, index_patterns: [], composed_of: [nope]}\n  pipeline:\n    route:\n      - match: {pattern: 'a.{b', \"@type\": stdout, \"@label\": X}\n";
    let report = monctl::check(&[monctl::SourceFile::new("spec.yml", text)]);
    assert!(report.has_errors());
    for d in &report.diagnostics {
        assert!(d.location.is_some(), "{d:#?}");
    }
    let fixed = text.replace("strng", "keyword");
    let report = monctl::check(&[monctl::SourceFile::new("spec.yml", fixed)]);
    let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code).collect();
    for code in ["S010", "S005", "S011"] {
        assert!(codes.contains(&code), "{code} not in {codes:?}");
    }
    for d in &report.diagnostics {
        assert!(d.location.is_some(), "{d:#?}");
    }
}
