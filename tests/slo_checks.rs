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
fn mall_go_slos_are_protected_by_their_burn_rate_alerts() {
    let report = monctl::check(&support::example("mall-go"));
    let slo_findings: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code.starts_with('O'))
        .collect();
    assert!(slo_findings.is_empty(), "{slo_findings:#?}");
}
