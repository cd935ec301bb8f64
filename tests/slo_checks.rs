//! The SLO checks on the seed as written: its SLA (slos.yml) states objectives that only the
//! chapter's threshold alerts guard, and `monctl check` reports them with both numbers.

mod support;

#[test]
fn seed_as_written_reports_unprotected_objectives_with_both_numbers() {
    let files =
        support::read_spec_dir(&support::repo_root().join("tests/fixtures/seed-as-written"));
    let report = monctl::check(&files);
    let o003: Vec<&str> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "O003")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(o003.len(), 2, "{o003:#?}");
    assert!(
        o003.iter().any(|m| m.contains("mall-go-latency-p95")
            && m.contains("HighHTTPLatency")
            && m.contains("p95 > 2s")
            && m.contains("within 0.5s")),
        "{o003:#?}"
    );
    assert!(
        o003.iter().any(|m| m.contains("mall-go-http-errors")
            && m.contains("HighHTTPErrorRate")
            && m.contains("above 5%")
            && m.contains("at most 0.1% bad events")),
        "{o003:#?}"
    );
    // ServiceDown (`up == 0` for 1m) guards the availability objective.
    assert!(!o003.iter().any(|m| m.contains("mall-go-availability")));
}

#[test]
fn the_seeds_threshold_alerts_are_reported_at_the_alert_with_both_numbers() {
    let files =
        support::read_spec_dir(&support::repo_root().join("tests/fixtures/seed-as-written"));
    let report = monctl::check(&files);
    let o006: Vec<(&str, String, monctl::Severity)> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "O006")
        .map(|d| {
            let l = d.location.as_ref().expect("a position");
            (
                d.message.as_str(),
                format!("{}:{}", l.file, l.start.line),
                d.severity,
            )
        })
        .collect();
    assert_eq!(o006.len(), 2, "{o006:#?}");
    let latency = o006
        .iter()
        .find(|(m, _, _)| m.contains("`HighHTTPLatency`"))
        .expect("the latency alert");
    assert!(
        latency.0.contains("p95 > 2s") && latency.0.contains("95% of events within 0.5s"),
        "{latency:?}"
    );
    let errors = o006
        .iter()
        .find(|(m, _, _)| m.contains("`HighHTTPErrorRate`"))
        .expect("the error-rate alert");
    assert!(
        errors.0.contains("above 5%")
            && errors.0.contains("at most 0.1% bad events")
            && errors.0.contains("50x")
            && errors.0.contains("gone in 14h24m"),
        "{errors:?}"
    );
    // Both at the alert's expression in the alert file, as warnings (the SLOs' alerts are off).
    for (_, at, severity) in &o006 {
        assert!(
            at.ends_with("alerts/application.yml:10") || at.ends_with("alerts/application.yml:25"),
            "{at}"
        );
        assert_eq!(*severity, monctl::Severity::Warning);
    }
}

#[test]
fn mall_go_slos_are_protected_by_their_burn_rate_alerts() {
    let report = monctl::check(&support::example("mall-go"));
    // The chapter's threshold alerts are kept and measured against the objectives: notes only,
    // since the burn-rate alerts guard the SLOs.
    let notes: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "O006")
        .collect();
    assert_eq!(notes.len(), 2, "{notes:#?}");
    assert!(notes.iter().all(|d| d.severity == monctl::Severity::Info));
    let slo_findings: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code.starts_with('O') && d.code != "O006")
        .collect();
    assert!(slo_findings.is_empty(), "{slo_findings:#?}");
}
