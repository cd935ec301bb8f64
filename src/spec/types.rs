//! Value types shared by the spec sections: Prometheus durations, metric and label names, PromQL
//! expressions and RE2 regexes. Their JSON Schema carries the syntax (so editors flag a bad value
//! as you type); PromQL and regexes, which a pattern cannot check, are parsed at load time.

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;

/// Prometheus duration syntax: units y, w, d, h, m, s, ms in that order, each at most once.
pub const DURATION_PATTERN: &str =
    "^(0|([0-9]+y)?([0-9]+w)?([0-9]+d)?([0-9]+h)?([0-9]+m)?([0-9]+s)?([0-9]+ms)?)$";
pub const METRIC_NAME_PATTERN: &str = "^[a-zA-Z_:][a-zA-Z0-9_:]*$";
pub const LABEL_NAME_PATTERN: &str = "^[a-zA-Z_][a-zA-Z0-9_]*$";

const UNITS: [(&str, u64); 7] = [
    ("y", 365 * 24 * 3600 * 1000),
    ("w", 7 * 24 * 3600 * 1000),
    ("d", 24 * 3600 * 1000),
    ("h", 3600 * 1000),
    ("m", 60 * 1000),
    ("s", 1000),
    ("ms", 1),
];

/// A Prometheus duration such as `1m30s`, held in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Duration {
    pub millis: u64,
}

/// The longest duration Go's time.Duration holds, in milliseconds.
const GO_MAX_MILLIS: u64 = i64::MAX as u64 / 1_000_000;

impl Duration {
    pub const fn from_secs(secs: u64) -> Self {
        Duration {
            millis: secs * 1000,
        }
    }

    /// Parses Prometheus' duration syntax; `None` when it is not one.
    pub fn parse(text: &str) -> Option<Self> {
        if text == "0" {
            return Some(Duration { millis: 0 });
        }
        if text.is_empty() {
            return None;
        }
        let mut rest = text;
        let mut millis: u64 = 0;
        let mut next_unit = 0;
        while !rest.is_empty() {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 {
                return None;
            }
            let value: u64 = rest[..digits].parse().ok()?;
            rest = &rest[digits..];
            // "ms" must be tried before "m".
            let unit = UNITS
                .iter()
                .enumerate()
                .skip(next_unit)
                .filter(|(_, (name, _))| rest.starts_with(name))
                .max_by_key(|(_, (name, _))| name.len())?;
            let (index, (name, factor)) = unit;
            rest = &rest[name.len()..];
            next_unit = index + 1;
            millis = millis.checked_add(value.checked_mul(*factor)?)?;
        }
        // Prometheus and Alertmanager hold durations in Go's time.Duration (int64 nanoseconds,
        // about 292 years): anything longer fails to load there.
        (millis <= GO_MAX_MILLIS).then_some(Duration { millis })
    }

    pub fn as_secs_f64(&self) -> f64 {
        self.millis as f64 / 1000.0
    }
}

impl fmt::Display for Duration {
    /// Formats as Prometheus does (`model.Duration.String`): largest units first, `0s` for zero.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.millis == 0 {
            return f.write_str("0s");
        }
        let mut rest = self.millis;
        for (name, factor) in UNITS {
            if rest >= factor {
                write!(f, "{}{}", rest / factor, name)?;
                rest %= factor;
            }
        }
        Ok(())
    }
}

impl Serialize for Duration {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Duration {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Duration::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{text}` is not a Prometheus duration (like 30s, 5m, 1h30m)"
            ))
        })
    }
}

impl JsonSchema for Duration {
    fn schema_name() -> Cow<'static, str> {
        "Duration".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "minLength": 1,
            "pattern": DURATION_PATTERN,
            "description": "A Prometheus duration: a number and unit (ms, s, m, h, d, w, y), largest first, e.g. 30s, 5m, 1h30m."
        })
    }
}

macro_rules! string_type {
    ($(#[$doc:meta])* $name:ident, $schema_name:literal, $schema:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                $schema_name.into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                $schema
            }
        }
    };
}

string_type!(
    /// A metric name (`[a-zA-Z_:][a-zA-Z0-9_:]*`).
    MetricName,
    "MetricName",
    json_schema!({
        "type": "string",
        "pattern": METRIC_NAME_PATTERN,
        "description": "A Prometheus metric name: letters, digits, _ and :, not starting with a digit."
    })
);

string_type!(
    /// A label name (`[a-zA-Z_][a-zA-Z0-9_]*`).
    LabelName,
    "LabelName",
    json_schema!({
        "type": "string",
        "pattern": LABEL_NAME_PATTERN,
        "description": "A Prometheus label name: letters, digits and _, not starting with a digit."
    })
);

string_type!(
    /// A PromQL expression, parsed when the spec is loaded.
    PromQl,
    "PromQl",
    json_schema!({
        "type": "string",
        "minLength": 1,
        "description": "A PromQL expression."
    })
);

string_type!(
    /// An RE2 regular expression as relabeling uses it (implicitly anchored at both ends).
    RelabelRegex,
    "RelabelRegex",
    json_schema!({
        "type": "string",
        "description": "An RE2 regular expression, anchored at both ends as Prometheus applies it."
    })
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_durations_beyond_gos_range() {
        assert!(Duration::parse("292y").is_some());
        assert!(Duration::parse("300y").is_none());
        assert!(Duration::parse("106751d").is_some());
        assert!(Duration::parse("106752d").is_none());
    }

    #[test]
    fn parses_and_formats_durations_like_prometheus() {
        for (text, millis, canonical) in [
            ("0", 0, "0s"),
            ("0m", 0, "0s"),
            ("15s", 15_000, "15s"),
            ("90s", 90_000, "1m30s"),
            ("1h30m", 5_400_000, "1h30m"),
            ("500ms", 500, "500ms"),
            ("1d", 86_400_000, "1d"),
            ("2w", 1_209_600_000, "2w"),
            ("1m500ms", 60_500, "1m500ms"),
        ] {
            let d = Duration::parse(text).unwrap_or_else(|| panic!("{text} parses"));
            assert_eq!(d.millis, millis, "{text}");
            assert_eq!(d.to_string(), canonical, "{text}");
        }
    }

    #[test]
    fn rejects_what_prometheus_rejects() {
        for text in [
            "",
            "5 minutes",
            "5",
            "1s1m",
            "1m1m",
            "-1s",
            "1.5s",
            "5M",
            "ms",
        ] {
            assert_eq!(Duration::parse(text), None, "{text}");
        }
    }

    #[test]
    fn duration_pattern_agrees_with_parser() {
        let re = regex::Regex::new(DURATION_PATTERN).unwrap();
        for text in [
            "0",
            "15s",
            "1h30m",
            "500ms",
            "1s1m",
            "5 minutes",
            "",
            "1m500ms",
        ] {
            assert_eq!(
                re.is_match(text) && !text.is_empty(),
                Duration::parse(text).is_some(),
                "{text}"
            );
        }
    }
}
