//! Time intervals evaluated at an instant (timeinterval/timeinterval.go): an interval contains
//! the instant when any of its periods does; a period when every field given matches, in the
//! period's time zone (UTC by default). The instant is passed in — the core reads no clock.

use crate::spec::routing::time::{parse_interval, parse_time_range, RangeKind, TimeSpec};
use crate::spec::routing::TimeInterval;
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, TimeZone, Timelike, Utc};
use serde::{Serialize, Serializer};
use std::fmt;

/// A point in time, in seconds since the Unix epoch, with the offset it was written with (kept
/// for display only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Instant {
    pub time: DateTime<FixedOffset>,
}

impl Instant {
    /// Parses an RFC 3339 timestamp such as `2024-05-06T09:30:00+08:00` or `...Z`.
    pub fn parse_rfc3339(text: &str) -> Result<Instant, String> {
        DateTime::parse_from_rfc3339(text.trim())
            .map(|time| Instant { time })
            .map_err(|e| {
                format!("`{text}` is not an RFC 3339 time (like 2024-05-06T09:30:00Z): {e}")
            })
    }

    pub fn from_unix(seconds: i64) -> Option<Instant> {
        Utc.timestamp_opt(seconds, 0).single().map(|t| Instant {
            time: t.fixed_offset(),
        })
    }

    pub fn unix_seconds(&self) -> i64 {
        self.time.timestamp()
    }
}

impl fmt::Display for Instant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.time.to_rfc3339())
    }
}

impl Serialize for Instant {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The calendar fields of an instant in some zone.
struct Civil {
    year: i32,
    month: u32,
    day: u32,
    weekday: u32,
    minute_of_day: u32,
    days_in_month: u32,
}

fn civil<Tz: TimeZone>(t: DateTime<Tz>) -> Civil {
    let (year, month) = (t.year(), t.month());
    let first = NaiveDate::from_ymd_opt(year, month, 1);
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    };
    let days_in_month = match (first, next) {
        (Some(a), Some(b)) => (b - a).num_days() as u32,
        _ => 31,
    };
    Civil {
        year,
        month,
        day: t.day(),
        weekday: t.weekday().num_days_from_sunday(),
        minute_of_day: t.hour() * 60 + t.minute(),
        days_in_month,
    }
}

fn civil_in(location: Option<&str>, at: Instant) -> Civil {
    let utc = at.time.with_timezone(&Utc);
    match location {
        Some(name) if !matches!(name, "" | "UTC" | "Local") => {
            match name.parse::<chrono_tz::Tz>() {
                Ok(tz) => civil(utc.with_timezone(&tz)),
                Err(_) => civil(utc),
            }
        }
        _ => civil(utc),
    }
}

fn any_range(kind: RangeKind, values: &[String], test: impl Fn(i64, i64) -> bool) -> bool {
    values.is_empty()
        || values
            .iter()
            .filter_map(|v| parse_interval(kind, v).ok())
            .any(|(begin, end)| test(begin, end))
}

/// Whether one period contains the instant.
pub fn period_contains(spec: &TimeSpec, at: Instant) -> bool {
    let c = civil_in(spec.location.as_deref(), at);
    let times = spec.times.is_empty()
        || spec
            .times
            .iter()
            .filter_map(|r| parse_time_range(r).ok())
            .any(|(start, end)| c.minute_of_day >= start && c.minute_of_day < end);
    let days = any_range(RangeKind::DayOfMonth, &spec.days_of_month, |begin, end| {
        let dim = c.days_in_month as i64;
        let begin = if begin < 0 { dim + begin + 1 } else { begin };
        let end = if end < 0 { dim + end + 1 } else { end };
        if begin > dim {
            return false;
        }
        let (begin, end) = (begin.clamp(-dim, dim), end.clamp(-dim, dim));
        (begin..=end).contains(&(c.day as i64))
    });
    let months = any_range(RangeKind::Month, &spec.months, |b, e| {
        (b..=e).contains(&(c.month as i64))
    });
    let weekdays = any_range(RangeKind::Weekday, &spec.weekdays, |b, e| {
        (b..=e).contains(&(c.weekday as i64))
    });
    let years = any_range(RangeKind::Year, &spec.years, |b, e| {
        (b..=e).contains(&(c.year as i64))
    });
    times && days && months && weekdays && years
}

/// Whether a named interval contains the instant: any of its periods does.
pub fn interval_contains(interval: &TimeInterval, at: Instant) -> bool {
    interval
        .time_intervals
        .iter()
        .any(|spec| period_contains(spec, at))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::routing::time::TimeRange;

    fn at(text: &str) -> Instant {
        Instant::parse_rfc3339(text).unwrap()
    }

    fn business_hours(location: Option<&str>) -> TimeSpec {
        TimeSpec {
            times: vec![TimeRange {
                start_time: "09:00".into(),
                end_time: "17:00".into(),
            }],
            weekdays: vec!["monday:friday".into()],
            location: location.map(String::from),
            ..Default::default()
        }
    }

    #[test]
    fn evaluates_times_and_weekdays_in_utc_by_default() {
        let spec = business_hours(None);
        // 2024-05-06 is a Monday.
        assert!(period_contains(&spec, at("2024-05-06T09:00:00Z")));
        assert!(!period_contains(&spec, at("2024-05-06T17:00:00Z")));
        assert!(!period_contains(&spec, at("2024-05-05T10:00:00Z")));
        // Offsets in the instant do not change the zone the period is evaluated in.
        assert!(!period_contains(&spec, at("2024-05-06T09:30:00+08:00")));
    }

    #[test]
    fn evaluates_in_the_period_location() {
        let spec = business_hours(Some("Asia/Shanghai"));
        assert!(period_contains(&spec, at("2024-05-06T01:30:00Z")));
        assert!(!period_contains(&spec, at("2024-05-06T10:00:00Z")));
    }

    #[test]
    fn counts_negative_days_from_the_end_of_the_month() {
        let spec = TimeSpec {
            days_of_month: vec!["-1".into()],
            ..Default::default()
        };
        assert!(period_contains(&spec, at("2024-02-29T12:00:00Z")));
        assert!(!period_contains(&spec, at("2024-02-28T12:00:00Z")));
        let late = TimeSpec {
            days_of_month: vec!["31".into()],
            ..Default::default()
        };
        assert!(!period_contains(&late, at("2024-04-30T12:00:00Z")));
    }

    #[test]
    fn rejects_bad_timestamps() {
        assert!(Instant::parse_rfc3339("2024-05-06 09:00").is_err());
        assert!(Instant::parse_rfc3339("yesterday").is_err());
    }
}
