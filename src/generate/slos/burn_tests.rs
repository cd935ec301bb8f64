//! Burn tests generated per SLO (promtool rule unit tests): for each window pair of the page and
//! ticket alerts, an error ratio at twice the pair's factor fires the alert once its windows have
//! filled enough and not before; a ratio just below the alert's lowest factor never fires it.
//!
//! The tests feed the SLO's recorded inputs as series: the error ratio of each window computed
//! from raw series (the SLI's own queries are not evaluated: their input series are unknown), and
//! the 5m bad and total event rates the long windows are derived from, so that the derivation,
//! the meta rules and the alert expressions run for real in promtool. A burn starting at `t0`
//! ramps each raw window's ratio linearly over the window, as a rate over constant traffic does.
//! When each alert fires is found by evaluating the same conditions here, step by step (under
//! both range conventions, `[t-w, t]` of Prometheus 2 and `(t-w, t]` of Prometheus 3); the
//! expected alerts list every alert of the name (page and ticket alerts share it, as in Sloth).

use super::rules::{
    alert_labels, alert_settings, factor_text, ratio_series, windows, ERROR_EVENTS_5M, RAW_UP_TO,
    TOTAL_EVENTS_5M,
};
use crate::model::{ResolvedSlo, SliQueries};
use crate::spec::slos::{
    AlertTestCase, BurnWindow, ExpectedAlert, InputSeries, RuleTestGroup, Slo,
};
use crate::spec::Duration;
use std::collections::BTreeMap;

/// The step of the page tests' series and evaluations; the ticket tests' (windows of hours and
/// days) is 15m.
pub const PAGE_STEP: Duration = Duration::from_secs(60);
pub const TICKET_STEP: Duration = Duration::from_secs(900);
/// Total traffic of the fed event rates (events per second).
const TRAFFIC: f64 = 10.0;
const FIVE_MINUTES: u64 = 300_000;
/// The burns tried per window pair, as multiples of its factor: the first whose test is decidable
/// (no window's ratio on any threshold of the alerts sharing the name) is written.
const BURN_MULTIPLES: [f64; 4] = [2.0, 1.5, 2.5, 1.25];

/// The samples (with the expected alerts) just before and once `condition`'s alert fires under
/// `burn`; None when some sample the test needs is undecidable.
#[allow(clippy::type_complexity)]
fn timeline(
    burn: &Burn,
    conditions: &[&BurnWindow],
    condition: &BurnWindow,
    resolved: &ResolvedSlo,
    expected_at: &dyn Fn(&Burn, u64) -> Option<Vec<ExpectedAlert>>,
) -> Option<(u64, Vec<ExpectedAlert>, u64, Vec<ExpectedAlert>)> {
    let horizon = condition.long_window.millis / burn.step + 4;
    let fire = (0..=horizon).find(|k| burn.fires(conditions, resolved, *k) == Some(true))?;
    let (before, before_alerts) = (0..fire).rev().find_map(|k| {
        let alerts = expected_at(burn, k)?;
        (burn.fires(conditions, resolved, k) == Some(false)).then_some((k, alerts))
    })?;
    let (after, alerts) = (fire..=horizon).find_map(|k| {
        let alerts = expected_at(burn, k)?;
        (burn.fires(conditions, resolved, k) == Some(true)).then_some((k, alerts))
    })?;
    Some((before, before_alerts, after, alerts))
}

/// A burn fed from `t0` at `ratio`, sampled every `step`.
#[derive(Clone, Copy)]
struct Burn {
    ratio: f64,
    t0: u64,
    step: u64,
}

impl Burn {
    /// The fed value at sample `k` of a series ramping to `value` over `ramp`.
    fn ramp_at(&self, k: u64, ramp: u64, value: f64) -> f64 {
        let steps = (ramp / self.step).max(1);
        let z = self.t0 / self.step;
        if k <= z {
            return 0.0;
        }
        let j = (k - z).min(steps);
        if j == steps {
            value
        } else {
            let a = value / steps as f64;
            a + (j - 1) as f64 * a
        }
    }

    /// A window's error ratio at sample `k`; `open` for Prometheus 3's left-open ranges.
    fn ratio_at(&self, window: Duration, k: u64, open: bool) -> f64 {
        if window <= RAW_UP_TO {
            return self.ramp_at(k, window.millis, self.ratio);
        }
        let n = window.millis / self.step;
        let first = if open {
            k.saturating_sub(n - 1)
        } else {
            k.saturating_sub(n)
        };
        let (mut sum, mut count) = (0.0, 0.0);
        for s in first..=k {
            sum += self.ramp_at(s, FIVE_MINUTES, self.ratio);
            count += 1.0;
        }
        sum / count
    }

    /// Whether an alert with these conditions fires at sample `k`: Some(state) when both range
    /// conventions agree and no ratio is within rounding of a threshold.
    fn fires(&self, conditions: &[&BurnWindow], r: &ResolvedSlo, k: u64) -> Option<bool> {
        let mut states = [false, false];
        for (i, open) in [false, true].into_iter().enumerate() {
            for c in conditions {
                let factor: f64 = factor_text(c.factor(r.period)).parse().unwrap_or(f64::NAN);
                let threshold = factor * r.error_budget;
                let mut holds = true;
                for w in [c.short_window, c.long_window] {
                    let v = self.ratio_at(w, k, open);
                    if (v - threshold).abs() <= threshold * 1e-9 {
                        return None;
                    }
                    holds &= v > threshold;
                }
                states[i] |= holds;
            }
        }
        (states[0] == states[1]).then_some(states[0])
    }
}

fn pair_of(resolved: &ResolvedSlo, which: usize) -> [&BurnWindow; 2] {
    let pair = if which == 0 {
        &resolved.windows.page
    } else {
        &resolved.windows.ticket
    };
    [&pair.quick, &pair.slow]
}

/// The test groups of one SLO's page (`which` 0) or ticket (1) alert.
pub fn groups(resolved: &ResolvedSlo, which: usize) -> Vec<RuleTestGroup> {
    let slo = resolved.slo();
    let mut out = Vec::new();
    let Some((_, name)) = alert_settings(slo, which) else {
        return out;
    };
    let step = [PAGE_STEP, TICKET_STEP][which].millis;
    let conditions = pair_of(resolved, which);
    let severity = ["page", "ticket"][which];
    // The alerts sharing the name, which promtool lists together.
    let same_name: Vec<usize> = [0, 1]
        .into_iter()
        .filter(|w| alert_settings(slo, *w).is_some_and(|(_, n)| n == name))
        .collect();
    let expected_at = |burn: &Burn, k: u64| -> Option<Vec<ExpectedAlert>> {
        let mut alerts = Vec::new();
        for w in &same_name {
            if burn.fires(&pair_of(resolved, *w), resolved, k)? {
                alerts.push(expected(slo, *w));
            }
        }
        Some(alerts)
    };
    for (kind, condition) in ["quick", "slow"].iter().zip(conditions) {
        // The burn starts with the test: a long window derived from the 5m series then rises
        // faster than a real one after a clean history would (a 3d history costs minutes of
        // promtool time), so the short window decides when the alert fires. A burn whose ratio
        // sits on another alert's threshold (the ticket's 2h/1d pair at 2x is the page's 30m/6h
        // factor) cannot say what that alert does: the next multiple is tried. With the
        // workbook's ticket windows, the quick pair never fires alone (a 6h window holds at least
        // a third of its 2h window's ratio, a 3d window a third of its 1d one), so its test shows
        // the alert firing when the quick pair says, which the slow pair then says too.
        let found = BURN_MULTIPLES.iter().find_map(|m| {
            let burn = Burn {
                ratio: m * condition.factor(resolved.period) * resolved.error_budget,
                t0: 0,
                step,
            };
            timeline(&burn, &conditions, condition, resolved, &expected_at).map(|t| (m, burn, t))
        });
        let Some((multiple, burn, (before, before_alerts, after, alerts))) = found else {
            continue;
        };
        out.push(group(
            slo,
            resolved,
            format!(
                "{}: {severity} alert, {kind} windows {}/{} at {multiple}x their factor: fires {} into the burn, not at {}",
                slo.id(),
                condition.short_window,
                condition.long_window,
                Duration { millis: after * step },
                Duration { millis: before * step }
            ),
            burn,
            after * step,
            vec![
                case(before * step, &name, before_alerts),
                case(after * step, &name, alerts),
            ],
        ));
    }
    // Just below the lowest factor, from a start without history (the fastest a derived ratio
    // can rise), until every window of the alert has filled.
    let lowest = conditions
        .iter()
        .map(|c| c.factor(resolved.period))
        .fold(f64::INFINITY, f64::min);
    let burn = Burn {
        ratio: 0.9 * lowest * resolved.error_budget,
        t0: 0,
        step,
    };
    let longest = conditions
        .iter()
        .map(|c| c.long_window.millis)
        .max()
        .unwrap_or(0);
    let end = longest / step + 2;
    if let Some(alerts) = expected_at(&burn, end) {
        if !alerts
            .iter()
            .any(|a| a.exp_labels.get("sloth_severity").map(String::as_str) == Some(severity))
        {
            out.push(group(
                slo,
                resolved,
                format!(
                    "{}: {severity} alert stays quiet at 0.9x its lowest factor",
                    slo.id()
                ),
                burn,
                end * step,
                vec![case(end * step, &name, alerts)],
            ));
        }
    }
    out
}

fn case(at: u64, name: &str, exp_alerts: Vec<ExpectedAlert>) -> AlertTestCase {
    AlertTestCase {
        eval_time: Duration { millis: at },
        alertname: name.to_string(),
        exp_alerts,
    }
}

fn expected(slo: &Slo, which: usize) -> ExpectedAlert {
    let mut labels: BTreeMap<String, String> = slo
        .labels
        .iter()
        .map(|(k, v)| (k.0.clone(), v.clone()))
        .collect();
    labels.insert("sloth_id".into(), slo.id());
    labels.insert("sloth_service".into(), slo.service.clone());
    labels.insert("sloth_slo".into(), slo.name.clone());
    labels.extend(alert_labels(slo, which));
    ExpectedAlert {
        exp_labels: labels,
        exp_annotations: super::rules::alert_annotations(slo, which)
            .into_iter()
            .map(|(k, v)| {
                let v = v
                    .replace("{{$labels.sloth_service}}", &slo.service)
                    .replace("{{$labels.sloth_slo}}", &slo.name);
                (k, v)
            })
            .collect(),
    }
}

fn series_labels(slo: &Slo, window: Duration) -> String {
    let mut labels: BTreeMap<String, String> = slo
        .labels
        .iter()
        .map(|(k, v)| (k.0.clone(), v.clone()))
        .collect();
    labels.insert("sloth_id".into(), slo.id());
    labels.insert("sloth_service".into(), slo.service.clone());
    labels.insert("sloth_slo".into(), slo.name.clone());
    labels.insert("sloth_window".into(), super::rules::window_name(window));
    let inner: Vec<String> = labels
        .iter()
        .map(|(k, v)| format!("{k}={}", serde_json::Value::String(v.clone())))
        .collect();
    format!("{{{}}}", inner.join(", "))
}

/// The values of a series ramping to `value` over `ramp` from the burn's start, in expanding
/// notation, for samples 0..=`end` (exactly the values [`Burn::ramp_at`] computes).
fn ramp_values(burn: &Burn, ramp: u64, value: f64, end: u64) -> String {
    let z = burn.t0 / burn.step;
    let steps = (ramp / burn.step).max(1);
    let mut out = format!("0x{z}");
    let mut written = z + 1;
    if steps > 1 {
        let a = value / steps as f64;
        out.push_str(&format!(" {a}+{a}x{}", steps - 2));
        written += steps - 1;
    }
    let total = end / burn.step + 1;
    let rest = total.saturating_sub(written).max(1);
    out.push_str(&format!(" {value}x{}", rest - 1));
    out
}

/// A test group feeding `burn` up to `end`.
fn group(
    slo: &Slo,
    resolved: &ResolvedSlo,
    name: String,
    burn: Burn,
    end: u64,
    cases: Vec<AlertTestCase>,
) -> RuleTestGroup {
    let five = Duration::from_secs(300);
    let mut input = Vec::new();
    for window in windows(resolved, true) {
        if window <= RAW_UP_TO {
            input.push(InputSeries {
                series: format!("{}{}", ratio_series(window), series_labels(slo, window)),
                values: ramp_values(&burn, window.millis, burn.ratio, end),
            });
        }
    }
    if let SliQueries::Events { .. } = resolved.queries {
        input.push(InputSeries {
            series: format!("{ERROR_EVENTS_5M}{}", series_labels(slo, five)),
            values: ramp_values(&burn, FIVE_MINUTES, burn.ratio * TRAFFIC, end),
        });
        input.push(InputSeries {
            series: format!("{TOTAL_EVENTS_5M}{}", series_labels(slo, five)),
            values: format!("{TRAFFIC}x{}", end / burn.step),
        });
    }
    RuleTestGroup {
        name: Some(name),
        interval: Some(Duration { millis: burn.step }),
        input_series: input,
        alert_rule_test: cases,
        promql_expr_test: Vec::new(),
        external_labels: BTreeMap::new(),
        external_url: None,
    }
}
