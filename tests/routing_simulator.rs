//! The routing simulator through the library API: `monctl::route` on a loaded model, time
//! intervals muting routes at a given instant, the Mall-Go cases file, and a spec without routing.

mod support;

use monctl::routing::{cases, Instant, LabelSet, Simulator};

fn labels(pairs: &[(&str, &str)]) -> LabelSet {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn model(dir: &str) -> monctl::model::Model {
    let files = support::read_spec_dir(&support::repo_root().join(dir));
    monctl::load_model(&files).0.expect("the spec loads")
}

#[test]
fn route_api_answers_for_a_loaded_model() {
    let model = model("examples/mall-go");
    let result = monctl::route(
        &model,
        &labels(&[("alertname", "DiskSpaceLow"), ("severity", "critical")]),
        None,
    )
    .unwrap();
    assert_eq!(result.receivers, ["critical-alerts"]);
    assert_eq!(result.routes[0].route.opts.group_wait.to_string(), "0s");
    // Inherited from the root: group_interval and group_by.
    assert_eq!(
        result.routes[0].route.opts.group_interval.to_string(),
        "10s"
    );
    assert_eq!(
        result.routes[0].route.opts.group_by,
        ["alertname", "cluster", "service"]
    );
    let inhibited = monctl::route_with_firing(
        &model,
        &labels(&[
            ("alertname", "X"),
            ("severity", "warning"),
            ("service", "api"),
        ]),
        None,
        &[labels(&[("alertname", "ServiceDown"), ("service", "api")])],
    )
    .unwrap();
    assert!(inhibited.inhibited);
    assert_eq!(inhibited.inhibited_by[0].rule, 1);
}

#[test]
fn a_spec_without_routing_cannot_be_routed() {
    let files = [monctl::SourceFile::new("spec.yml", "rules: {groups: []}\n")];
    let model = monctl::load_model(&files).0.unwrap();
    assert_eq!(
        monctl::route(&model, &LabelSet::new(), None),
        Err(monctl::routing::RouteError::NoRouting)
    );
}

#[test]
fn time_intervals_mute_routes_at_the_instant() {
    let model = model("tests/fixtures/routing/features");
    let sim = Simulator::new(model.spec.routing.as_ref().unwrap());
    let warning = labels(&[
        ("alertname", "SlowQueries"),
        ("team", "db"),
        ("severity", "warning"),
    ]);
    // offhours: 18:00-24:00 and 00:00-08:00 on weekdays in Europe/Berlin, or weekends.
    let monday_noon_berlin = Instant::parse_rfc3339("2024-05-06T10:00:00Z").unwrap();
    let monday_night_berlin = Instant::parse_rfc3339("2024-05-06T20:30:00Z").unwrap();
    let day = sim.route(&warning, Some(monday_noon_berlin), &[]);
    assert_eq!(day.receivers, ["db-chat"]);
    assert_eq!(day.notified, ["db-chat"]);
    let night = sim.route(&warning, Some(monday_night_berlin), &[]);
    assert_eq!(night.receivers, ["db-chat"]);
    assert!(night.routes[0].muted);
    assert_eq!(
        night.routes[0].muted_by.as_deref(),
        Some("mute_time_intervals: offhours")
    );
    assert!(night.notified.is_empty());
    // holidays: the first and last day of January and December.
    let new_year = Instant::parse_rfc3339("2025-01-01T12:00:00Z").unwrap();
    let holiday = sim.route(&warning, Some(new_year), &[]);
    assert_eq!(
        holiday.routes[0].muted_by.as_deref(),
        Some("mute_time_intervals: holidays")
    );
    // Without an instant nothing is muted.
    assert_eq!(sim.route(&warning, None, &[]).notified, ["db-chat"]);
}

#[test]
fn the_mall_go_cases_hold() {
    let model = model("examples/mall-go");
    let sim = Simulator::new(model.spec.routing.as_ref().unwrap());
    let text =
        std::fs::read_to_string(support::repo_root().join("examples/mall-go-routing-cases.yml"))
            .unwrap();
    let parsed = cases::parse(&text).unwrap();
    assert!(parsed.len() >= 10);
    let outcomes = cases::run_cases(&sim, &parsed);
    let failed: Vec<_> = outcomes.iter().filter(|o| !o.passed).collect();
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn show_lists_alert_rules_with_templated_labels_apart() {
    let model = model("tests/fixtures/routing/features");
    let report = monctl::routing::show::show(&model.spec).unwrap();
    let slow = report
        .alerts
        .iter()
        .find(|a| a.alert == "SlowQueries")
        .unwrap();
    assert_eq!(slow.templated_labels, ["level"]);
    assert!(!slow.labels.contains_key("level"));
    assert_eq!(slow.labels["cluster"], "test");
    let text = monctl::routing::show::render(&report);
    assert!(text.contains("templated: level"), "{text}");
    assert!(text.contains("continue"), "{text}");
}

#[test]
fn show_of_the_mall_go_example() {
    let model = model("examples/mall-go");
    let report = monctl::routing::show::show(&model.spec).unwrap();
    insta::assert_snapshot!(
        "routing_show_mall_go",
        monctl::routing::show::render(&report)
    );
}
