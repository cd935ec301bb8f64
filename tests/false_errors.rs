//! The classes of false errors found on real rule sets (issue #10), each as a fixture shaped like
//! the real case: the finding it must not produce, and where a quieter finding is right, that one.

mod support;

use monctl::{Diagnostic, Severity, SourceFile};

fn check(spec: &str) -> Vec<Diagnostic> {
    monctl::check(&[SourceFile::new("spec.yml", spec.to_string())]).diagnostics
}

fn errors(diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| format!("{} {}: {}", d.code, d.path, d.message))
        .collect()
}

const STATIC_JOB: &str = "scrape:
  jobs:
    - job_name: shop
      static_configs: [{targets: ['shop:8080']}]
metrics:
  - {name: shop_http_requests_total, type: counter, help: Requests., labels: [code, handler], jobs: [shop]}
";

#[test]
fn grouping_by_an_absent_label_nobody_reads_is_a_note() {
    // Portable rule sets group by `cluster` everywhere; here nothing downstream reads it.
    let spec = format!(
        "{STATIC_JOB}rules:
  groups:
    - name: g
      rules:
        - alert: ShopErrors
          expr: sum by (cluster, job) (rate(shop_http_requests_total{{code=~'5..'}}[5m])) > 1
          for: 5m
          annotations: {{summary: s, description: 'errors on {{{{ $labels.job }}}}'}}
"
    );
    let found = check(&spec);
    assert_eq!(errors(&found), Vec::<String>::new());
    let note = found
        .iter()
        .find(|d| d.code == "P003")
        .expect("a P003 note");
    assert_eq!(note.severity, Severity::Info);
    assert!(note
        .help
        .as_deref()
        .unwrap()
        .contains("nothing downstream reads `cluster`"));
}

#[test]
fn grouping_by_an_absent_label_a_route_reads_is_an_error_naming_the_route() {
    let spec = format!(
        "{STATIC_JOB}rules:
  groups:
    - name: g
      rules:
        - alert: ShopErrors
          expr: sum by (service) (rate(shop_http_requests_total[5m])) > 1
          for: 5m
          annotations: {{summary: s, description: d}}
routing:
  route:
    receiver: team
    group_by: [alertname, service]
  receivers:
    - name: team
"
    );
    let found = check(&spec);
    let p003: Vec<&Diagnostic> = found.iter().filter(|d| d.code == "P003").collect();
    assert_eq!(p003.len(), 1, "{found:#?}");
    assert_eq!(p003[0].severity, Severity::Error);
    assert!(
        p003[0].message.contains("group_by reads it"),
        "{}",
        p003[0].message
    );
    // The use is a related location: the route's group_by line.
    assert_eq!(p003[0].related.len(), 1, "{:#?}", p003[0]);
    assert_eq!(p003[0].related[0].start.line, 18);
}

#[test]
fn a_job_whose_discovery_the_spec_does_not_state_may_carry_any_label() {
    // kube-prometheus' rules, with jobs run by the Prometheus Operator (ServiceMonitors add
    // namespace, service, pod, container, endpoint): nothing is known about their labels.
    let spec = "scrape:
  jobs:
    - {job_name: alertmanager-main, packs: [alertmanager-self]}
rules:
  groups:
    - name: alertmanager.rules
      rules:
        - alert: AlertmanagerMembersInconsistent
          expr: |
            max_over_time(alertmanager_cluster_members{job=\"alertmanager-main\",namespace=\"monitoring\"}[5m])
            < on (namespace,service) group_left
            count by (namespace,service) (max_over_time(alertmanager_cluster_members{job=\"alertmanager-main\",namespace=\"monitoring\"}[5m]))
          for: 15m
          labels: {severity: critical}
          annotations: {summary: s, description: 'Alertmanager {{ $labels.namespace }}/{{ $labels.pod}} has only found {{ $value }} members of the {{$labels.job}} cluster.'}
";
    let found = check(spec);
    assert_eq!(errors(&found), Vec::<String>::new());
    assert!(
        !found
            .iter()
            .any(|d| ["P002", "P003", "T002"].contains(&d.code)),
        "{found:#?}"
    );
}

#[test]
fn recording_rules_split_by_a_label_value_are_not_duplicates() {
    // kube-apiserver's code_verb:apiserver_request_total:increase1h, recorded once per code class.
    let mut rules = String::new();
    for class in ["2", "3", "4", "5"] {
        rules.push_str(&format!(
            "        - record: code_verb:apiserver_request_total:increase1h\n          expr: sum by (cluster, code, verb) (increase(apiserver_request_total{{job=\"apiserver\",code=~\"{class}..\"}}[1h]))\n"
        ));
    }
    let spec = format!(
        "rules:\n  groups:\n    - name: kube-apiserver-availability.rules\n      rules:\n{rules}"
    );
    let found = check(&spec);
    assert!(!found.iter().any(|d| d.code == "P010"), "{found:#?}");
}

#[test]
fn duplicates_an_identical_copy_warns_and_different_expressions_are_an_error() {
    let spec = "rules:
  groups:
    - name: g
      rules:
        - {record: 'job:x:sum', expr: 'sum by (job) (x)', labels: {job: a}}
        - {record: 'job:x:sum', expr: 'sum   by (job) (x)', labels: {job: a}}
        - {record: 'job:y:sum', expr: 'sum by (job) (y)'}
        - {record: 'job:y:sum', expr: 'sum by (job) (z)'}
";
    let found: Vec<(String, Severity)> = check(spec)
        .into_iter()
        .filter(|d| d.code == "P010")
        .map(|d| (d.path.to_string(), d.severity))
        .collect();
    assert_eq!(
        found,
        vec![
            ("rules.groups[0].rules[1]".to_string(), Severity::Warning),
            ("rules.groups[0].rules[3]".to_string(), Severity::Error),
        ]
    );
}

#[test]
fn unquoted_numbers_are_read_as_the_strings_prometheus_reads() {
    let spec = "rules:
  groups:
    - name: g
      rules:
        - alert: Always
          expr: 1
          labels: {severity: 1, code: 500}
          annotations: {summary: 2, description: true}
";
    let found = check(spec);
    assert_eq!(errors(&found), Vec::<String>::new());
    let (model, _) = monctl::load_model(&[SourceFile::new("spec.yml", spec.to_string())]);
    let rule = &model.unwrap().spec.rules.groups[0].rules[0];
    assert_eq!(rule.expr.as_str(), "1");
    assert_eq!(rule.annotations["description"], "true");
}

#[test]
fn a_literal_closing_brace_pair_in_an_annotation_is_text() {
    let spec = "rules:
  groups:
    - name: g
      rules:
        - alert: Braces
          expr: up == 0
          for: 5m
          annotations: {summary: 'down }}', description: 'a map literal: {a: {b: 1}}'}
";
    let found = check(spec);
    assert!(!found.iter().any(|d| d.code == "T001"), "{found:#?}");
}

#[test]
fn a_group_with_null_rules_is_an_empty_group() {
    let found = check("rules:\n  groups:\n    - name: empty\n      rules:\n");
    assert_eq!(errors(&found), Vec::<String>::new());
}

#[test]
fn the_seeds_inhibit_rules_are_reported_where_they_are() {
    let files =
        support::read_spec_dir(&support::repo_root().join("tests/fixtures/seed-as-written"));
    let report = monctl::check(&files);
    let at = |code: &str| -> Vec<(String, u32)> {
        report
            .diagnostics
            .iter()
            .filter(|d| d.code == code)
            .map(|d| {
                let l = d.location.as_ref().expect("positioned");
                (l.file.clone(), l.start.line)
            })
            .collect()
    };
    let routing = "tests/fixtures/seed-as-written/routing.yml".to_string();
    // equal: [alertname, service, instance] between critical and warning: no alert name has both.
    assert_eq!(at("R006"), vec![(routing.clone(), 51)]);
    // ServiceDown (up == 0) never carries `service`, so it mutes every alert without one.
    assert_eq!(at("R007"), vec![(routing, 61)]);
    // The chapter's LowProductViews alert reads product views, which NewMallGoMetrics never creates.
    assert_eq!(
        at("M007"),
        vec![(
            "tests/fixtures/seed-as-written/metrics.yml".to_string(),
            157
        )]
    );
    // Everything reported before is still reported.
    for code in ["P002", "P003", "R002", "S011", "T002", "P013"] {
        assert!(!at(code).is_empty(), "{code} is still reported");
    }
}

#[test]
fn utf8_rule_label_and_annotation_names_follow_the_name_validation_scheme() {
    // Prometheus 3 reads UTF-8 label and annotation names (rulefmt's utf-8_annotation.good.yaml);
    // with `metric_name_validation_scheme: legacy` it refuses them, as Prometheus 2 always did.
    let rules = "rules:
  groups:
    - name: g
      rules:
        - alert: ShopDown
          expr: up{job='shop'} == 0
          labels: {team.name: shop, severity: page}
          annotations: {summary: s, description: d, ins-tance: localhost}
";
    let with_scheme = |scheme: &str| {
        let spec = STATIC_JOB.replace(
            "scrape:\n",
            &format!("scrape:\n  global: {{metric_name_validation_scheme: {scheme}}}\n"),
        );
        check(&format!("{spec}{rules}"))
    };
    let utf8 = with_scheme("utf8");
    assert_eq!(errors(&utf8), Vec::<String>::new());
    assert!(!utf8.iter().any(|d| d.code == "S005"), "{utf8:?}");

    let legacy = errors(&with_scheme("legacy"));
    assert_eq!(
        legacy,
        vec![
            "S005 rules.groups[0].rules[0].labels[\"team.name\"]: invalid label name: team.name",
            "S005 rules.groups[0].rules[0].annotations[\"ins-tance\"]: invalid annotation name: ins-tance",
        ]
    );

    let unsaid = check(&format!("{STATIC_JOB}{rules}"));
    assert_eq!(errors(&unsaid), Vec::<String>::new());
    let warned: Vec<&str> = unsaid
        .iter()
        .filter(|d| d.code == "S005")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(warned.len(), 2, "{warned:?}");
    assert!(warned[0].contains("Prometheus 2 and promtool 2 refuse"));
}

#[test]
fn a_series_no_job_scrapes_has_unknown_target_labels() {
    // A rule file linted alone (no prometheus.yml): `up` and a catalog metric without a job get
    // their target labels from jobs nobody described, so matching on `job` or `cluster` is no
    // finding about absent labels.
    let spec = "metrics:
  - {name: shop_orders_total, type: counter, help: Orders., labels: [status]}
rules:
  groups:
    - name: g
      rules:
        - alert: SchedulerDown
          expr: up{job=\"kube-scheduler\", cluster=\"eu\"} == 0
          for: 5m
          annotations: {summary: s, description: d}
        - alert: NoOrders
          expr: sum by (job) (rate(shop_orders_total{job=\"shop\", status=\"ok\"}[5m])) == 0
          for: 5m
          annotations: {summary: s, description: d}
";
    let found = check(spec);
    let absent: Vec<String> = errors(&found)
        .into_iter()
        .filter(|e| e.starts_with("P002") || e.contains("never has label"))
        .collect();
    assert_eq!(absent, Vec::<String>::new());
}
