//! The SLO dashboards: one per SLO service, rendered by the stack's Grafana generator, reading
//! only the series the SLO rules record (Sloth's names), with a row per SLO.

mod support;

use serde_json::Value;
use std::collections::BTreeSet;

#[test]
fn mall_go_has_an_slo_dashboard_reading_only_the_recorded_series() {
    let (artifacts, _) = monctl::generate(&support::example("mall-go")).expect("generates");
    let dashboard = artifacts
        .iter()
        .find(|a| a.path == "grafana/dashboards/mall-go-slos.json")
        .expect("the SLO dashboard");
    let rules = artifacts
        .iter()
        .find(|a| a.path == "rules/slo-mall-go.yml")
        .expect("the SLO rules");
    let recorded: BTreeSet<String> = rules
        .content
        .lines()
        .filter_map(|l| l.trim().strip_prefix("- record: "))
        .map(str::to_string)
        .collect();
    let json: Value = serde_json::from_str(&dashboard.content).unwrap();
    let rows: Vec<&str> = json["panels"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["type"] == "row")
        .filter_map(|p| p["title"].as_str())
        .collect();
    assert_eq!(rows.len(), 3, "{rows:?}");
    let mut read = BTreeSet::new();
    for panel in json["panels"].as_array().unwrap() {
        for target in panel["targets"].as_array().into_iter().flatten() {
            let expr = target["expr"].as_str().unwrap();
            let ast = promql_parser::parser::parse(expr)
                .unwrap_or_else(|e| panic!("{expr} does not parse: {e}"));
            for name in metric_names(&ast) {
                read.insert(name);
            }
        }
    }
    assert!(!read.is_empty());
    let unknown: Vec<&String> = read.difference(&recorded).collect();
    assert!(unknown.is_empty(), "reads unrecorded series: {unknown:?}");
    for wanted in [
        "slo:period_error_budget_remaining:ratio",
        "slo:current_burn_rate:ratio",
        "slo:sli_error:ratio_rate30d",
        "slo:sli_error:ratio_rate1h",
        "slo:objective:ratio",
    ] {
        assert!(read.contains(wanted), "{wanted} is not shown: {read:?}");
    }
}

fn metric_names(expr: &promql_parser::parser::Expr) -> Vec<String> {
    use promql_parser::parser::Expr;
    match expr {
        Expr::VectorSelector(v) => v.name.clone().into_iter().collect(),
        Expr::MatrixSelector(m) => m.vs.name.clone().into_iter().collect(),
        Expr::Binary(b) => [metric_names(&b.lhs), metric_names(&b.rhs)].concat(),
        Expr::Paren(p) => metric_names(&p.expr),
        Expr::Unary(u) => metric_names(&u.expr),
        Expr::Aggregate(a) => metric_names(&a.expr),
        Expr::Call(c) => c.args.args.iter().flat_map(|a| metric_names(a)).collect(),
        Expr::Subquery(s) => metric_names(&s.expr),
        _ => Vec::new(),
    }
}

#[test]
fn no_grafana_no_slo_dashboard() {
    let files =
        support::read_spec_dir(&support::repo_root().join("tests/fixtures/slos/raw-weekly"));
    let (artifacts, _) = monctl::generate(&files).expect("generates");
    assert!(
        !artifacts.iter().any(|a| a.path.starts_with("grafana/")),
        "{:?}",
        artifacts.iter().map(|a| &a.path).collect::<Vec<_>>()
    );
}
