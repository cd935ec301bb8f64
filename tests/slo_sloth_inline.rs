//! The `slos.sloth` form: a Sloth `prometheus/v1` spec inline in the spec is checked and
//! generated like monctl's own objectives, and every finding inside it points into the spec file
//! (line and column); `monctl import` of a Sloth file reports into the Sloth file.

mod support;

use monctl::import::prometheus::{import, NativeKind};
use monctl::SourceFile;

fn at(d: &monctl::Diagnostic) -> (String, u32) {
    let l = d
        .location
        .as_ref()
        .unwrap_or_else(|| panic!("no location: {d:?}"));
    (d.code.to_string(), l.start.line)
}

#[test]
fn the_inline_form_generates_its_slos_beside_the_objectives() {
    let files =
        support::read_spec_dir(&support::repo_root().join("tests/fixtures/slos/sloth-inline"));
    let (artifacts, diagnostics) =
        monctl::generate(&files).unwrap_or_else(|d| panic!("errors: {d:#?}"));
    assert!(
        diagnostics
            .iter()
            .all(|d| d.severity == monctl::Severity::Info),
        "{diagnostics:#?}"
    );
    let rules = artifacts
        .iter()
        .find(|a| a.path == "rules/slo-myservice.yml")
        .expect("the service's rule file");
    for id in ["myservice-latency", "myservice-requests-availability"] {
        assert!(
            rules
                .content
                .contains(&format!("name: sloth-slo-alerts-{id}")),
            "{id} missing:\n{}",
            rules.content
        );
    }
    // Sloth's spec-wide labels (a number here, as Sloth allows) reach the SLO's series.
    assert!(rules.content.contains("tier: \"2\""), "{}", rules.content);
    assert!(rules.content.contains("alert: MyServiceHighErrorRate"));
}

const BAD: &str = r#"slos:
  sloth:
    - version: prometheus/v2
      service: my service
      slos:
        - name: ok
          objective: 99.9
          sli:
            events:
              error_query: sum(rate(x_total{code=~"5.."}[{{.window}}]))
              total_query: sum(rate(x_total[{{.window}}])
          alerting:
            page_alert:
              bogus: 1
        - name: plug
          objective: 99
          sli:
            plugin: {id: sloth-common/kubernetes/apiserver/availability}
        - name: ok
          objective: 100
          sli:
            raw:
              error_ratio_query: sum(rate(x_total[5m]))
"#;

#[test]
fn findings_inside_the_inline_form_point_into_the_spec_file() {
    let report = monctl::check(&[SourceFile::new("spec.yml", BAD)]);
    let mut found: Vec<(String, u32)> = report.diagnostics.iter().map(at).collect();
    found.sort();
    for d in &report.diagnostics {
        assert_eq!(d.location.as_ref().unwrap().file, "spec.yml", "{d:?}");
    }
    let expect = [
        ("S004", 14), // unknown field `bogus` of page_alert
        ("S005", 3),  // version prometheus/v2
        ("S005", 4),  // the service is no usable name
        ("S005", 18), // an SLI plugin
        ("S005", 23), // no {{.window}} in the raw query
        ("S007", 11), // the total query does not parse
        ("O001", 20), // objective 100
        ("O004", 19), // the SLO id is used twice
    ];
    for (code, line) in expect {
        assert!(
            found.contains(&(code.to_string(), line)),
            "{code} at line {line} not reported: {found:?}"
        );
    }
}

#[test]
fn importing_a_sloth_file_reports_into_that_file() {
    let plugin = "version: prometheus/v1\nservice: s\nslos:\n  - name: a\n    objective: 99\n    sli:\n      plugin:\n        id: x\n";
    // prometheus/v1 is snake_case: the Kubernetes resource's name is an unknown field here.
    let unknown = "version: prometheus/v1\nservice: s\nslos:\n  - name: b\n    objective: 99\n    sli:\n      raw:\n        errorRatioQuery: q\n";
    for (text, code, line) in [(plugin, "S005", 7), (unknown, "S004", 8)] {
        let imported = import(&[SourceFile::new("sloth.yml", text)], &[None]);
        assert_eq!(imported.kinds, vec![NativeKind::Sloth]);
        let found: Vec<(String, u32)> = imported.diagnostics.iter().map(at).collect();
        assert!(found.contains(&(code.into(), line)), "{found:?}");
        for d in &imported.diagnostics {
            assert_eq!(d.location.as_ref().unwrap().file, "sloth.yml", "{d:?}");
        }
    }
}

#[test]
fn sloths_kubernetes_resource_imports_with_its_camel_case_fields() {
    let text = r#"apiVersion: sloth.slok.dev/v1
kind: PrometheusServiceLevel
metadata: {name: s}
spec:
  service: s
  slos:
    - name: a
      objective: 99
      sli:
        events:
          errorQuery: sum(rate(x_total{code="500"}[{{.window}}]))
          totalQuery: sum(rate(x_total[{{.window}}]))
      alerting:
        name: A
        pageAlert: {labels: {severity: page}}
        ticketAlert: {disable: true}
"#;
    let imported = import(&[SourceFile::new("k8s.yml", text)], &[None]);
    assert_eq!(imported.kinds, vec![NativeKind::Sloth]);
    assert!(!imported.has_errors(), "{:#?}", imported.diagnostics);
    let sloth = &imported.value["slos"]["sloth"][0];
    assert_eq!(sloth["version"], "prometheus/v1");
    assert_eq!(
        sloth["slos"][0]["alerting"]["ticket_alert"]["disable"],
        true
    );
}
