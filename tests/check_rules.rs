//! Every check rule has fixtures under tests/fixtures/rules/<CODE>/: `bad.yml` must trigger the
//! rule (its rendered diagnostics are snapshot-tested) and `good.yml` must not.

mod support;

use monctl::{Diagnostic, SourceFile};

fn load(code: &str, which: &str) -> (Vec<SourceFile>, Vec<Diagnostic>) {
    let path = support::repo_root()
        .join("tests/fixtures/rules")
        .join(code)
        .join(format!("{which}.yml"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let files = vec![SourceFile::new(
        format!("tests/fixtures/rules/{code}/{which}.yml"),
        text,
    )];
    let report = monctl::check(&files);
    (files, report.diagnostics)
}

/// Diagnostics as a reviewer reads them: code, level, place, message, the source line with a
/// marker under the span, help.
fn render(files: &[SourceFile], diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let place = d
            .location
            .as_ref()
            .map(|l| l.to_string())
            .unwrap_or_else(|| "(no position)".into());
        out.push_str(&format!(
            "{} {} at {place} ({})\n  {}\n",
            d.code, d.severity, d.path, d.message
        ));
        if let Some(l) = &d.location {
            if let Some(line) = files[0].text.lines().nth(l.start.line as usize - 1) {
                let start = l.start.column as usize - 1;
                let width = if l.end.line == l.start.line {
                    (l.end.column as usize)
                        .saturating_sub(l.start.column as usize)
                        .max(1)
                } else {
                    1
                };
                out.push_str(&format!(
                    "  | {line}\n  | {}{}\n",
                    " ".repeat(start),
                    "^".repeat(width)
                ));
            }
        }
        if let Some(help) = &d.help {
            out.push_str(&format!("  help: {help}\n"));
        }
    }
    out
}

#[test]
fn every_rule_has_fixtures_that_trigger_it_and_that_do_not() {
    let mut missing = Vec::new();
    for rule in monctl::check::registry() {
        let code = rule.meta.code;
        let dir = support::repo_root().join("tests/fixtures/rules").join(code);
        if !dir.join("bad.yml").is_file() || !dir.join("good.yml").is_file() {
            missing.push(code);
            continue;
        }
        let (files, bad) = load(code, "bad");
        let ours: Vec<Diagnostic> = bad.iter().filter(|d| d.code == code).cloned().collect();
        assert!(
            !ours.is_empty(),
            "{code}/bad.yml does not trigger {code}: {bad:#?}"
        );
        // A fixture may name codes it triggers by design with a first line `# also: R004 (why)`.
        let also: Vec<String> = files[0]
            .text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# also:"))
            .map(|l| {
                l.split_whitespace()
                    .take_while(|w| !w.starts_with('('))
                    .map(|c| c.trim_matches(',').to_string())
                    .collect()
            })
            .unwrap_or_default();
        let others: Vec<&str> = bad
            .iter()
            // Notes of other rules (an unread metric) are not the fixture's business.
            .filter(|d| d.severity != monctl::Severity::Info || d.code == code)
            .filter(|d| d.code != code && !also.iter().any(|a| a == d.code))
            .map(|d| d.code)
            .collect();
        assert!(
            others.is_empty(),
            "{code}/bad.yml triggers other codes too: {others:?}"
        );
        insta::assert_snapshot!(format!("rule_{code}"), render(&files, &ours));

        let (_, good) = load(code, "good");
        let good: Vec<&Diagnostic> = good
            .iter()
            .filter(|d| d.code == code || d.severity != monctl::Severity::Info)
            .collect();
        assert!(good.is_empty(), "{code}/good.yml must be clean: {good:#?}");
    }
    assert!(
        missing.is_empty(),
        "rules without bad.yml/good.yml fixtures: {missing:?}"
    );
}

#[test]
fn lint_settings_change_levels_and_turn_rules_off() {
    let (_, bad) = load("P003", "bad");
    let bad: Vec<Diagnostic> = bad.into_iter().filter(|d| d.code == "P003").collect();
    assert_eq!(bad[0].severity, monctl::Severity::Error);
    let path = support::repo_root().join("tests/fixtures/rules/P003/bad.yml");
    let text = std::fs::read_to_string(path).unwrap();
    let warn = format!("{text}lint:\n  rules:\n    grouping-on-absent-label: warning\n");
    let p003 = |report: monctl::CheckReport| -> Vec<Diagnostic> {
        report
            .diagnostics
            .into_iter()
            .filter(|d| d.code == "P003")
            .collect()
    };
    let found = p003(monctl::check(&[SourceFile::new("spec.yml", warn)]));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, monctl::Severity::Warning);
    let off = format!("{text}lint:\n  rules:\n    P003: off\n");
    assert!(p003(monctl::check(&[SourceFile::new("spec.yml", off)])).is_empty());
    let unknown = format!("{text}lint:\n  rules:\n    P999: off\n");
    let report = monctl::check(&[SourceFile::new("spec.yml", unknown)]);
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.code == "S011" && d.message.contains("P999")),
        "{:#?}",
        report.diagnostics
    );
}

#[test]
fn inline_ignore_needs_a_reason_and_silences_only_its_object() {
    let path = support::repo_root().join("tests/fixtures/rules/M003/bad.yml");
    let text = std::fs::read_to_string(path).unwrap();
    let ignored = text.replacen(
        "labels: [user_id], jobs: [shop]}",
        "labels: [user_id], jobs: [shop], lint_ignore: [{rule: M003, reason: service accounts only}]}",
        1,
    );
    let report = monctl::check(&[SourceFile::new("spec.yml", ignored)]);
    let m003: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "M003")
        .collect();
    assert_eq!(
        m003.len(),
        1,
        "only the other metric's finding remains: {m003:#?}"
    );
    let no_reason = text.replacen(
        "labels: [user_id], jobs: [shop]}",
        "labels: [user_id], jobs: [shop], lint_ignore: [{rule: M003}]}",
        1,
    );
    let report = monctl::check(&[SourceFile::new("spec.yml", no_reason)]);
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.code == "S005" && d.message.contains("reason")),
        "{:#?}",
        report.diagnostics
    );
}
