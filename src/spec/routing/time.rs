//! Named time intervals that routes mute or activate notifications by: times of day, weekdays,
//! days of the month, months and years, in a time zone (UTC by default). Values are written as
//! Alertmanager takes them (`monday:friday`, `-7:-1`, `january:march`, `2024:2025`) and parsed
//! at load by [`parse_interval`] so that a bad range is reported where it is written.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TimeInterval {
    pub name: String,
    /// The interval applies when any of these matches.
    pub time_intervals: Vec<TimeSpec>,
}

/// One recurring period: every given field must match (an absent field matches always); within a
/// field, any one entry.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TimeSpec {
    /// Times of day, start inclusive, end exclusive (`00:00`..`24:00`).
    #[serde(default)]
    pub times: Vec<TimeRange>,
    /// `monday`, `monday:friday` (case-insensitive).
    #[serde(default)]
    pub weekdays: Vec<String>,
    /// `1`, `1:5`, `-1` (last day), `-7:-1`.
    #[serde(default)]
    pub days_of_month: Vec<String>,
    /// `january`, `1`, `january:march`, `1:3`.
    #[serde(default)]
    pub months: Vec<String>,
    /// `2024`, `2024:2026`.
    #[serde(default)]
    pub years: Vec<String>,
    /// An IANA time zone (`Asia/Shanghai`); default UTC.
    #[serde(default)]
    pub location: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TimeRange {
    /// `HH:MM`, inclusive.
    pub start_time: String,
    /// `HH:MM`, exclusive; `24:00` is the end of the day.
    pub end_time: String,
}

/// Which field of a [`TimeSpec`] a range belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeKind {
    Weekday,
    DayOfMonth,
    Month,
    Year,
}

const WEEKDAYS: [&str; 7] = [
    "sunday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
];
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn member(kind: RangeKind, text: &str) -> Result<i64, String> {
    match kind {
        RangeKind::Weekday => WEEKDAYS
            .iter()
            .position(|d| *d == text)
            .map(|i| i as i64)
            .ok_or_else(|| format!("{text} is not a valid weekday")),
        RangeKind::Month => MONTHS
            .iter()
            .position(|m| *m == text)
            .map(|i| i as i64 + 1)
            .or_else(|| text.parse::<i64>().ok())
            .ok_or_else(|| format!("{text} is not a valid month")),
        RangeKind::DayOfMonth | RangeKind::Year => text
            .parse::<i64>()
            .map_err(|_| format!("{text} is not a number")),
    }
}

/// Parses one range entry into an inclusive (begin, end) pair, with Alertmanager's checks.
pub fn parse_interval(kind: RangeKind, input: &str) -> Result<(i64, i64), String> {
    let text = input.to_lowercase();
    let (begin, end) = match text.split_once(':') {
        Some((a, b)) => {
            if b.contains(':') {
                return Err(format!("couldn't parse range {input}, invalid format"));
            }
            (member(kind, a)?, member(kind, b)?)
        }
        None => {
            let v = member(kind, &text)?;
            (v, v)
        }
    };
    match kind {
        RangeKind::Weekday => {
            if begin > end {
                return Err("start day cannot be after end day".into());
            }
            if !(0..=6).contains(&begin) || !(0..=6).contains(&end) {
                return Err(format!(
                    "{input} is not a valid day of the week: out of range"
                ));
            }
        }
        RangeKind::DayOfMonth => {
            for v in [begin, end] {
                if v == 0 || !(-31..=31).contains(&v) {
                    return Err(format!("{v} is not a valid day of the month: out of range"));
                }
            }
            if begin < 0 && end > 0 {
                return Err("end day must be negative if start day is negative".into());
            }
            let check = |v: i64| if v < 0 { 28 + v } else { v };
            if check(begin) > check(end) {
                return Err(format!("end day {end} is always before start day {begin}"));
            }
        }
        RangeKind::Month => {
            if begin > end {
                return Err(format!("end month {end} is before start month {begin}"));
            }
            if !(1..=12).contains(&begin) || !(1..=12).contains(&end) {
                return Err(format!("{input} is not a valid month: out of range"));
            }
        }
        RangeKind::Year => {
            if begin > end {
                return Err(format!("end year {end} is before start year {begin}"));
            }
        }
    }
    Ok((begin, end))
}

/// Parses `HH:MM` (`00:00`..`23:59`, or `24:00`) into minutes since midnight.
pub fn parse_time_of_day(text: &str) -> Result<u32, String> {
    let invalid = || format!("couldn't parse timestamp {text}, invalid format (want HH:MM)");
    if text == "24:00" {
        return Ok(24 * 60);
    }
    let (h, m) = text.split_once(':').ok_or_else(invalid)?;
    if h.len() != 2 || m.len() != 2 || !h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
        return Err(invalid());
    }
    let (h, m): (u32, u32) = (
        h.parse().map_err(|_| invalid())?,
        m.parse().map_err(|_| invalid())?,
    );
    if h > 23 || m > 59 {
        return Err(invalid());
    }
    Ok(h * 60 + m)
}

/// Parses a time range into (start, end) minutes, start before end.
pub fn parse_time_range(range: &TimeRange) -> Result<(u32, u32), String> {
    let start = parse_time_of_day(&range.start_time)?;
    let end = parse_time_of_day(&range.end_time)?;
    if start >= end {
        return Err("start time cannot be equal or greater than end time".into());
    }
    Ok((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_ranges_like_alertmanager() {
        assert_eq!(
            parse_interval(RangeKind::Weekday, "Monday:friday"),
            Ok((1, 5))
        );
        assert_eq!(parse_interval(RangeKind::Weekday, "sunday"), Ok((0, 0)));
        assert!(parse_interval(RangeKind::Weekday, "friday:monday").is_err());
        assert!(parse_interval(RangeKind::Weekday, "funday").is_err());
        assert_eq!(parse_interval(RangeKind::DayOfMonth, "-7:-1"), Ok((-7, -1)));
        assert!(parse_interval(RangeKind::DayOfMonth, "-3:5").is_err());
        assert!(parse_interval(RangeKind::DayOfMonth, "0").is_err());
        assert!(parse_interval(RangeKind::DayOfMonth, "32").is_err());
        assert_eq!(parse_interval(RangeKind::Month, "january:3"), Ok((1, 3)));
        assert!(parse_interval(RangeKind::Month, "march:january").is_err());
        assert_eq!(
            parse_interval(RangeKind::Year, "2024:2025"),
            Ok((2024, 2025))
        );
        assert!(parse_interval(RangeKind::Year, "2025:2024").is_err());
        assert!(parse_interval(RangeKind::Year, "1:2:3").is_err());
    }

    #[test]
    fn parses_times_of_day() {
        assert_eq!(parse_time_of_day("00:00"), Ok(0));
        assert_eq!(parse_time_of_day("23:59"), Ok(1439));
        assert_eq!(parse_time_of_day("24:00"), Ok(1440));
        for bad in ["24:01", "9:00", "12:60", "noon", "12-00"] {
            assert!(parse_time_of_day(bad).is_err(), "{bad}");
        }
        let r = TimeRange {
            start_time: "18:00".into(),
            end_time: "09:00".into(),
        };
        assert!(parse_time_range(&r).is_err());
    }
}
