//! grafana/dashboards/<service>-slos.json: one Grafana dashboard per SLO service, reading only
//! the series the SLO rules record under Sloth's names (`slo:sli_error:ratio_rate<w>`,
//! `slo:objective:ratio`, `slo:error_budget:ratio`, `slo:period_error_budget_remaining:ratio`,
//! `slo:current_burn_rate:ratio`), so Sloth's own dashboards and these agree. A row per SLO: the
//! SLI over the period against the objective, the error budget remaining, the SLI over time, and
//! the burn rate of every alert window against the page and ticket factors. The dashboards are
//! built with the `dashboards` section's types and rendered by the stack's Grafana generator;
//! they exist when Grafana does (a Grafana service in the stack, or a `dashboards` section).

use super::rules::{ratio_series, slo_selector, window_name, windows};
use super::Artifact;
use crate::model::{Model, ResolvedSlo};
use crate::spec::stack::{Dashboard, Panel, PanelType, Preset, Row, Target, ThresholdStep};

/// The dashboard's uid for a service (Grafana allows 40 characters).
pub fn uid(service: &str) -> String {
    let mut uid = format!("{service}-slos");
    if uid.len() > 40 {
        uid = format!("{}-slos", service.chars().take(35).collect::<String>());
    }
    uid
}

fn stat(title: &str, description: String, expr: String, steps: Vec<ThresholdStep>) -> Panel {
    Panel {
        title: title.into(),
        kind: PanelType::Stat,
        description: Some(description),
        targets: vec![Target {
            expr,
            legend: None,
            instant: true,
        }],
        unit: Some("percentunit".into()),
        thresholds: steps,
        width: Some(6),
        ..Panel::default()
    }
}

fn step(value: Option<f64>, color: &str) -> ThresholdStep {
    ThresholdStep {
        value,
        color: color.into(),
    }
}

fn row(resolved: &ResolvedSlo) -> Row {
    let slo = resolved.slo();
    let sel = slo_selector(slo);
    let period = window_name(resolved.period);
    let objective = resolved.objective_ratio;
    let on = "on(sloth_id, sloth_slo, sloth_service)";
    let sli = stat(
        &format!("SLI ({period})"),
        format!(
            "Good events over the last {period}; the objective is {}%.",
            slo.objective
        ),
        format!("1 - {}{sel}", ratio_series(resolved.period)),
        vec![step(None, "red"), step(Some(round(objective)), "green")],
    );
    let budget = stat(
        &format!("Error budget remaining ({period})"),
        format!(
            "The share of the {period} error budget ({}% of events) not yet spent.",
            round(resolved.error_budget * 100.0)
        ),
        format!("slo:period_error_budget_remaining:ratio{sel}"),
        vec![
            step(None, "red"),
            step(Some(0.0), "orange"),
            step(Some(0.25), "green"),
        ],
    );
    let sli_over_time = Panel {
        title: "SLI".into(),
        kind: PanelType::Timeseries,
        description: Some("Good events per 5m window, and the objective.".into()),
        targets: vec![
            Target {
                expr: format!(
                    "1 - {}{sel}",
                    ratio_series(crate::spec::Duration::from_secs(300))
                ),
                legend: Some("SLI (5m)".into()),
                instant: false,
            },
            Target {
                expr: format!("slo:objective:ratio{sel}"),
                legend: Some("objective".into()),
                instant: false,
            },
        ],
        unit: Some("percentunit".into()),
        max: Some(1.0),
        width: Some(12),
        ..Panel::default()
    };
    let mut burn_targets = vec![Target {
        expr: format!("slo:current_burn_rate:ratio{sel}"),
        legend: Some("5m".into()),
        instant: false,
    }];
    for window in windows(resolved, true).into_iter().skip(1) {
        if window == resolved.period {
            continue;
        }
        burn_targets.push(Target {
            expr: format!(
                "{}{sel}\n/ {on} group_left\nslo:error_budget:ratio{sel}",
                ratio_series(window)
            ),
            legend: Some(window_name(window)),
            instant: false,
        });
    }
    let mut factors: Vec<f64> = resolved
        .windows
        .all()
        .iter()
        .map(|w| round(w.factor(resolved.period)))
        .collect();
    factors.sort_by(f64::total_cmp);
    factors.dedup();
    let mut steps = vec![step(None, "green")];
    let colours = ["yellow", "orange", "red", "dark-red"];
    for (f, colour) in factors.iter().zip(colours) {
        steps.push(step(Some(*f), colour));
    }
    let burn = Panel {
        title: "Burn rate".into(),
        kind: PanelType::Timeseries,
        description: Some(format!(
            "How fast each window spends the error budget (1 = exactly the budget over {period}); the alerts' factors are the thresholds: {}.",
            factors.iter().map(|f| format!("{f}x")).collect::<Vec<_>>().join(", ")
        )),
        targets: burn_targets,
        unit: Some("none".into()),
        thresholds: steps,
        width: Some(24),
        ..Panel::default()
    };
    let title = match &slo.description {
        Some(d) => format!("{} — {d}", slo.name),
        None => format!("{} ({}%)", slo.name, slo.objective),
    };
    Row {
        title,
        collapsed: false,
        panels: vec![sli, budget, sli_over_time, burn],
    }
}

fn round(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

/// The SLO dashboards, one per service (none without Grafana, or when a dashboard of the spec
/// has the uid already: the spec's wins).
pub fn dashboards(model: &Model) -> Vec<Artifact> {
    let has_grafana = model.stack.with_role(Preset::Grafana).next().is_some();
    if !has_grafana && model.spec.dashboards.is_none() {
        return Vec::new();
    }
    let taken: Vec<&str> = model
        .stack
        .dashboards
        .iter()
        .map(|d| d.dashboard.uid.as_str())
        .collect();
    let mut built = Vec::new();
    for (service, slos) in super::by_service(model) {
        let uid = uid(service);
        if taken.contains(&uid.as_str()) {
            continue;
        }
        let dashboard = Dashboard {
            uid,
            title: format!("{service} SLOs"),
            description: Some(format!(
                "Service level objectives of {service}: SLIs, error budgets and burn rates from the SLO rules (Sloth's series)."
            )),
            tags: vec!["slo".into(), service.to_string(), "monctl".into()],
            refresh: Some("1m".into()),
            time_from: Some("now-7d".into()),
            variables: Vec::new(),
            rows: slos.iter().map(|r| row(r)).collect(),
        };
        built.push((dashboard, slos[0].path()));
    }
    if built.is_empty() {
        return Vec::new();
    }
    let paths: Vec<String> = built
        .iter()
        .map(|(d, _)| format!("grafana/dashboards/{}.json", d.uid))
        .collect();
    super::super::stack::artifacts(&model.with_generated_dashboards(built))
        .into_iter()
        .filter(|a| paths.contains(&a.path))
        .collect()
}
