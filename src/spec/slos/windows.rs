//! Alert windows: the multiwindow multi-burn-rate table of the Google SRE workbook (chapter 5,
//! "Alerting on SLOs"), in the vocabulary of Sloth's `AlertWindows`: per alert (page, ticket) a
//! quick and a slow pair of windows, each with the share of the error budget that burning at the
//! alert's rate for the long window spends. The burn-rate factor follows:
//! `error_budget_percent / 100 * period / long_window` (2% of 30d in 1h: 14.4).

use crate::spec::types::Duration;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The four window pairs of an SLO's alerts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AlertWindows {
    pub page: WindowPair,
    pub ticket: WindowPair,
}

/// The quick (high burn rate, short windows) and slow pair of one alert.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WindowPair {
    pub quick: BurnWindow,
    pub slow: BurnWindow,
}

/// One multiwindow condition: both windows' error ratio above `factor * budget`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BurnWindow {
    /// Percentage of the period's error budget spent when burning for `long_window`.
    pub error_budget_percent: f64,
    pub short_window: Duration,
    pub long_window: Duration,
}

const MINUTE: u64 = 60 * 1000;
const THIRTY_DAYS: u64 = 30 * 24 * 60 * MINUTE;

impl BurnWindow {
    /// The burn-rate factor over `period`.
    pub fn factor(&self, period: Duration) -> f64 {
        if self.long_window.millis == 0 {
            return 0.0;
        }
        self.error_budget_percent / 100.0 * period.millis as f64 / self.long_window.millis as f64
    }
}

impl AlertWindows {
    /// The workbook's table for 30d (Sloth's defaults): page 5m/1h at 2% (x14.4) and 30m/6h at
    /// 5% (x6), ticket 2h/1d at 10% (x3) and 6h/3d at 10% (x1). For another period the windows
    /// scale with it (rounded to whole minutes) and the budget shares stay, so the factors stay.
    pub fn default_for(period: Duration) -> AlertWindows {
        let scale = |minutes: u64| {
            let millis = (minutes * MINUTE) as u128 * period.millis as u128 / THIRTY_DAYS as u128;
            let rounded = ((millis + MINUTE as u128 / 2) / MINUTE as u128).max(1) as u64;
            Duration {
                millis: rounded * MINUTE,
            }
        };
        let window = |percent: f64, short: u64, long: u64| BurnWindow {
            error_budget_percent: percent,
            short_window: scale(short),
            long_window: scale(long),
        };
        AlertWindows {
            page: WindowPair {
                quick: window(2.0, 5, 60),
                slow: window(5.0, 30, 6 * 60),
            },
            ticket: WindowPair {
                quick: window(10.0, 2 * 60, 24 * 60),
                slow: window(10.0, 6 * 60, 3 * 24 * 60),
            },
        }
    }

    /// The four conditions: page quick, page slow, ticket quick, ticket slow.
    pub fn all(&self) -> [&BurnWindow; 4] {
        [
            &self.page.quick,
            &self.page.slow,
            &self.ticket.quick,
            &self.ticket.slow,
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thirty_days_is_the_workbook_table() {
        let period = Duration::parse("30d").unwrap();
        let w = AlertWindows::default_for(period);
        let got: Vec<(String, String, f64)> = w
            .all()
            .iter()
            .map(|b| {
                let f = (b.factor(period) * 100.0).round() / 100.0;
                (b.short_window.to_string(), b.long_window.to_string(), f)
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("5m".into(), "1h".into(), 14.4),
                ("30m".into(), "6h".into(), 6.0),
                ("2h".into(), "1d".into(), 3.0),
                ("6h".into(), "3d".into(), 1.0),
            ]
        );
    }

    #[test]
    fn other_periods_scale_the_windows_and_keep_the_factors() {
        let period = Duration::parse("7d").unwrap();
        let w = AlertWindows::default_for(period);
        assert_eq!(w.page.quick.long_window.to_string(), "14m");
        assert_eq!(w.ticket.slow.long_window.to_string(), "16h48m");
        assert!((w.ticket.slow.factor(period) - 1.0).abs() < 1e-9);
    }
}
