//! SLO rule files: per SLO three groups in Sloth's layout and with Sloth's series names — the
//! SLI's error ratio per window (`slo:sli_error:ratio_rate<window>`), the meta rules (objective,
//! error budget, period, burn rates, remaining budget, `sloth_slo_info`) and the page and ticket
//! multiwindow multi-burn-rate alerts — so that dashboards made for Sloth keep working.
//!
//! Long windows are not recomputed from the raw series (slok/sloth#504: a 3d or 30d `rate()` over
//! raw series is what makes Sloth's rules costly). Windows up to 6h are computed from the raw
//! series, exactly as Sloth does. Longer windows and the period are derived from the 5m series:
//! for an events SLI from the 5m bad and total event rates
//! (`slo:sli_error_events:rate5m`, `slo:sli_total_events:rate5m`), traffic-weighted, which equals
//! the long window's own ratio up to the 5m edges; for a raw-ratio SLI (no event counts exist) as
//! the mean of the 5m ratios, which is what Sloth itself does for the period.

use crate::model::{ResolvedSlo, SliQueries, WINDOW};
use crate::spec::slos::{AlertSettings, Slo};
use crate::spec::Duration;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// Windows longer than this are derived from the 5m series.
pub const RAW_UP_TO: Duration = Duration::from_secs(6 * 3600);
pub const ERROR_EVENTS_5M: &str = "slo:sli_error_events:rate5m";
pub const TOTAL_EVENTS_5M: &str = "slo:sli_total_events:rate5m";

/// The recording rule name of a window's error ratio.
pub fn ratio_series(window: Duration) -> String {
    format!("slo:sli_error:ratio_rate{}", window_name(window))
}

/// A window as Sloth writes it in series names, labels and ranges: in its largest whole unit
/// (`30d`, not Prometheus' `4w2d`).
pub fn window_name(window: Duration) -> String {
    let ms = window.millis;
    for (unit, size) in [
        ("d", 86_400_000),
        ("h", 3_600_000),
        ("m", 60_000),
        ("s", 1000),
    ] {
        if ms >= size && ms.is_multiple_of(size) {
            return format!("{}{unit}", ms / size);
        }
    }
    window.to_string()
}

/// The selector of one SLO's series: `{sloth_id="..", sloth_service="..", sloth_slo=".."}`.
pub fn slo_selector(slo: &Slo) -> String {
    format!(
        "{{sloth_id=\"{}\", sloth_service=\"{}\", sloth_slo=\"{}\"}}",
        slo.id(),
        slo.service,
        slo.name
    )
}

/// A float as Sloth prints it, rid of binary noise beyond 12 decimals for computed factors.
pub fn factor_text(f: f64) -> String {
    let rounded = (f * 1e12).round() / 1e12;
    format!("{rounded}")
}

/// The windows whose ratio the SLO records: every alert window and the period, shortest first.
pub fn windows(resolved: &ResolvedSlo, with_alerts: bool) -> Vec<Duration> {
    let mut windows = vec![Duration::from_secs(300)];
    if with_alerts {
        for w in resolved.windows.all() {
            windows.push(w.short_window);
            windows.push(w.long_window);
        }
    }
    windows.push(resolved.period);
    windows.sort();
    windows.dedup();
    windows
}

fn base_labels(slo: &Slo) -> BTreeMap<String, String> {
    let mut labels: BTreeMap<String, String> = slo
        .labels
        .iter()
        .map(|(k, v)| (k.0.clone(), v.clone()))
        .collect();
    labels.insert("sloth_id".into(), slo.id());
    labels.insert("sloth_service".into(), slo.service.clone());
    labels.insert("sloth_slo".into(), slo.name.clone());
    labels
}

fn record(name: &str, expr: String, labels: &BTreeMap<String, String>) -> Value {
    json!({"record": name, "expr": expr, "labels": labels})
}

fn with_window(labels: &BTreeMap<String, String>, window: Duration) -> BTreeMap<String, String> {
    let mut l = labels.clone();
    l.insert("sloth_window".into(), window_name(window));
    l
}

/// The three rule groups of one SLO.
pub fn groups(resolved: &ResolvedSlo) -> Vec<Value> {
    let slo = resolved.slo();
    let id = slo.id();
    let labels = base_labels(slo);
    let sel = slo_selector(slo);
    let five = Duration::from_secs(300);
    let mut sli = Vec::new();
    if let SliQueries::Events { error, total } = &resolved.queries {
        let at = |q: &str| q.replace(WINDOW, "5m");
        sli.push(record(
            ERROR_EVENTS_5M,
            at(error),
            &with_window(&labels, five),
        ));
        sli.push(record(
            TOTAL_EVENTS_5M,
            at(total),
            &with_window(&labels, five),
        ));
    }
    // Every window is recorded, with alerts or not, as Sloth does: dashboards read them.
    for window in windows(resolved, true) {
        let expr = if window <= RAW_UP_TO {
            let at = |q: &str| q.replace(WINDOW, &window_name(window));
            match &resolved.queries {
                SliQueries::Events { error, total } => {
                    format!("({})\n/\n({})\n", at(error), at(total))
                }
                SliQueries::Ratio { error_ratio } => format!("({})\n", at(error_ratio)),
            }
        } else {
            let window = window_name(window);
            match &resolved.queries {
                SliQueries::Events { .. } => format!(
                    "sum_over_time({ERROR_EVENTS_5M}{sel}[{window}])\n/\nsum_over_time({TOTAL_EVENTS_5M}{sel}[{window}])\n"
                ),
                SliQueries::Ratio { .. } => {
                    let five = ratio_series(five);
                    format!(
                        "sum_over_time({five}{sel}[{window}])\n/ ignoring (sloth_window)\ncount_over_time({five}{sel}[{window}])\n"
                    )
                }
            }
        };
        sli.push(record(
            &ratio_series(window),
            expr,
            &with_window(&labels, window),
        ));
    }
    let objective = resolved.objective_ratio;
    let days = resolved.period.millis / (24 * 3600 * 1000);
    let on = "/ on(sloth_id, sloth_slo, sloth_service) group_left";
    let mut info = labels.clone();
    info.insert("sloth_objective".into(), format!("{}", slo.objective));
    info.insert("sloth_mode".into(), "monctl".into());
    let meta = vec![
        record(
            "slo:objective:ratio",
            format!("vector({objective})"),
            &labels,
        ),
        record(
            "slo:error_budget:ratio",
            format!("vector(1-{objective})"),
            &labels,
        ),
        record("slo:time_period:days", format!("vector({days})"), &labels),
        record(
            "slo:current_burn_rate:ratio",
            format!(
                "{}{sel}\n{on}\nslo:error_budget:ratio{sel}\n",
                ratio_series(five)
            ),
            &labels,
        ),
        record(
            "slo:period_burn_rate:ratio",
            format!(
                "{}{sel}\n{on}\nslo:error_budget:ratio{sel}\n",
                ratio_series(resolved.period)
            ),
            &labels,
        ),
        record(
            "slo:period_error_budget_remaining:ratio",
            format!("1 - slo:period_burn_rate:ratio{sel}"),
            &labels,
        ),
        record("sloth_slo_info", "vector(1)".into(), &info),
    ];
    let mut groups = vec![
        json!({"name": format!("sloth-slo-sli-recordings-{id}"), "rules": sli}),
        json!({"name": format!("sloth-slo-meta-recordings-{id}"), "rules": meta}),
    ];
    let alerts: Vec<Value> = [("page", 0), ("ticket", 1)]
        .into_iter()
        .filter_map(|(_, which)| alert(slo, resolved, which))
        .collect();
    if !alerts.is_empty() {
        groups.push(json!({"name": format!("sloth-slo-alerts-{id}"), "rules": alerts}));
    }
    groups
}

/// The default alert name: the service and SLO names in CamelCase, then `SLOBurnRate`.
pub fn default_alert_name(slo: &Slo) -> String {
    let mut out = String::new();
    for part in format!("{}-{}", slo.service, slo.name).split(|c: char| !c.is_ascii_alphanumeric())
    {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            out.extend(chars);
        }
    }
    out.push_str("SLOBurnRate");
    out
}

/// The settings and name of the page (`which` 0) or ticket (1) alert; None when disabled.
pub fn alert_settings(slo: &Slo, which: usize) -> Option<(&AlertSettings, String)> {
    let a = &slo.alerting;
    let settings = if which == 0 {
        &a.page_alert
    } else {
        &a.ticket_alert
    };
    if settings.disable {
        return None;
    }
    let name = settings
        .name
        .clone()
        .or_else(|| a.name.clone())
        .unwrap_or_else(|| default_alert_name(slo));
    Some((settings, name))
}

/// The labels of the page or ticket alert: the alerting's, the alert's own, and `sloth_severity`.
pub fn alert_labels(slo: &Slo, which: usize) -> BTreeMap<String, String> {
    let mut labels: BTreeMap<String, String> = slo
        .alerting
        .labels
        .iter()
        .map(|(k, v)| (k.0.clone(), v.clone()))
        .collect();
    if let Some((settings, _)) = alert_settings(slo, which) {
        labels.extend(
            settings
                .labels
                .iter()
                .map(|(k, v)| (k.0.clone(), v.clone())),
        );
    }
    labels.insert("sloth_severity".into(), ["page", "ticket"][which].into());
    labels
}

fn alert(slo: &Slo, resolved: &ResolvedSlo, which: usize) -> Option<Value> {
    let (_, name) = alert_settings(slo, which)?;
    let pair = if which == 0 {
        &resolved.windows.page
    } else {
        &resolved.windows.ticket
    };
    let sel = slo_selector(slo);
    let budget = resolved.error_budget;
    let condition = |w: &crate::spec::slos::BurnWindow| {
        let f = factor_text(w.factor(resolved.period));
        let part = |window: Duration| {
            format!(
                "    max({}{sel} > ({f} * {budget})) without (sloth_window)",
                ratio_series(window)
            )
        };
        format!(
            "(\n{}\n    and\n{}\n)",
            part(w.short_window),
            part(w.long_window)
        )
    };
    let expr = format!(
        "{}\nor\n{}\n",
        condition(&pair.quick),
        condition(&pair.slow)
    );
    let annotations = alert_annotations(slo, which);
    Some(json!({
        "alert": name,
        "expr": expr,
        "labels": alert_labels(slo, which),
        "annotations": annotations,
    }))
}

/// The annotations of the page or ticket alert: Sloth's title and summary, then the alerting's
/// and the alert's own.
pub fn alert_annotations(slo: &Slo, which: usize) -> BTreeMap<String, String> {
    let severity = ["page", "ticket"][which];
    let mut annotations: BTreeMap<String, String> = BTreeMap::new();
    annotations.insert(
        "title".into(),
        format!("({severity}) {{{{$labels.sloth_service}}}} {{{{$labels.sloth_slo}}}} SLO error budget burn rate is too fast."),
    );
    annotations.insert(
        "summary".into(),
        "{{$labels.sloth_service}} {{$labels.sloth_slo}} SLO error budget burn rate is over expected.".into(),
    );
    annotations.extend(slo.alerting.annotations.clone());
    if let Some((settings, _)) = alert_settings(slo, which) {
        annotations.extend(settings.annotations.clone());
    }
    annotations
}
