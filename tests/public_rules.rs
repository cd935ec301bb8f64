//! Real public rule collections (tests/fixtures/public-rules/, sources in its README) checked with
//! the bundled catalog packs: they must load, and their findings are snapshot-reviewed, so a change
//! in the analysis that floods them with false findings shows up as a diff to read.

mod support;

#[test]
fn public_rule_collections_are_not_flooded() {
    let root = support::repo_root().join("tests/fixtures/public-rules");
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    assert!(
        dirs.len() >= 10,
        "expected the public collections in {}",
        root.display()
    );
    let mut summary = String::new();
    for dir in dirs {
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        let files = support::read_spec_dir(&dir);
        let report = monctl::check(&files);
        let load_errors: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.code.starts_with('S'))
            .collect();
        assert!(
            load_errors.is_empty(),
            "{name} does not load: {load_errors:#?}"
        );
        let rules: usize = monctl::load_model(&files)
            .0
            .map(|m| m.rules.len())
            .unwrap_or(0);
        summary.push_str(&format!(
            "## {name} ({rules} rules, {} findings)\n",
            report.diagnostics.len()
        ));
        for d in &report.diagnostics {
            let line = d.location.as_ref().map(|l| l.start.line).unwrap_or(0);
            summary.push_str(&format!(
                "{} {} L{line}: {}\n",
                d.code, d.severity, d.message
            ));
        }
    }
    insta::assert_snapshot!("public_rule_findings", summary);
}
