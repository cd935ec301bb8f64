//! What the discovery mechanisms share: API filters, closed value sets that fail with Prometheus'
//! own message, the null-free native rendering, and the load-time checks' wording and paths.

use crate::codes::{INVALID_FIELD_COMBINATION, INVALID_VALUE};
use crate::diagnostic::{Diagnostic, SpecPath};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;

/// A filter of an API's listing (EC2 DescribeInstances, Docker container list...): a filter
/// name and the values it matches.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Filter {
    pub name: String,
    #[serde(default)]
    pub values: Vec<String>,
}

/// Defines an enum of a closed value set, spelled as Prometheus spells it (aliases: other
/// spellings Prometheus also reads), whose unknown values fail with the message Prometheus gives
/// (`{}`: the value as written).
macro_rules! closed_set {
    ($(#[$doc:meta])* $name:ident, $message:literal, { $($(#[$vdoc:meta])* $variant:ident = $text:literal $(| $alias:literal)*),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vdoc])* $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value as Prometheus spells it.
            pub fn as_str(&self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            fn parse(text: &str) -> Option<Self> {
                match text {
                    $($text $(| $alias)* => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = String::deserialize(d)?;
                $name::parse(&text).ok_or_else(|| {
                    serde::de::Error::custom(format!($message, text))
                })
            }
        }

        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                // The values as `examples` (editors offer them) rather than an `enum`, so that
                // an unknown value is refused by the deserializer in Prometheus' own words.
                let values = [$($text),+];
                schemars::json_schema!({
                    "type": "string",
                    "examples": values,
                    "description": format!("One of: {}.", values.join(", "))
                })
            }
        }
    };
}
pub(crate) use closed_set;

/// Serializes a mechanism's list as Prometheus reads it: unset options (nulls, at any depth, such
/// as those of the shared HTTP client settings) are left out.
pub fn native<T: Serialize, S: Serializer>(value: &T, s: S) -> Result<S::Ok, S::Error> {
    let mut v = serde_json::to_value(value).map_err(serde::ser::Error::custom)?;
    drop_nulls(&mut v);
    v.serialize(s)
}

fn drop_nulls(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|_, v| !v.is_null());
            map.values_mut().for_each(drop_nulls);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_nulls),
        _ => {}
    }
}

/// The load-time checks of one mechanism's config: where it is and what was found.
pub struct Checks<'a> {
    pub path: SpecPath,
    pub out: &'a mut Vec<Diagnostic>,
}

impl Checks<'_> {
    /// A field Prometheus requires is missing or empty (`message`: Prometheus' wording).
    pub fn required(&mut self, field: &str, value: Option<&str>, message: &str) {
        if value.is_none_or(|v| v.trim().is_empty()) {
            self.out.push(
                Diagnostic::error(INVALID_VALUE, self.path.key(field), message).with_help(format!(
                    "Prometheus refuses this config at load; set `{field}`"
                )),
            );
        }
    }

    /// A list Prometheus requires to have an entry is empty.
    pub fn non_empty<T>(&mut self, field: &str, list: &[T], message: &str) {
        if list.is_empty() {
            self.out.push(
                Diagnostic::error(INVALID_VALUE, self.path.key(field), message).with_help(format!(
                    "Prometheus refuses this config at load; list at least one in `{field}`"
                )),
            );
        }
    }

    /// A value Prometheus refuses.
    pub fn invalid(&mut self, field: &str, message: impl Into<String>, help: &str) {
        self.invalid_at(self.path.key(field), message, help);
    }

    /// A value Prometheus refuses, deeper in the config (`path` from [`Checks::path`]).
    pub fn invalid_at(&mut self, path: SpecPath, message: impl Into<String>, help: &str) {
        self.out
            .push(Diagnostic::error(INVALID_VALUE, path, message).with_help(help));
    }

    /// Options Prometheus refuses together (or, when none is set, one of which it requires).
    pub fn combination(&mut self, field: &str, message: impl Into<String>, help: &str) {
        self.out.push(
            Diagnostic::error(INVALID_FIELD_COMBINATION, self.path.key(field), message)
                .with_help(help),
        );
    }

    /// An HTTP(S) URL as Prometheus' http and PuppetDB discovery check it.
    pub fn http_url(&mut self, field: &str, url: Option<&str>) {
        let Some(url) = url.filter(|u| !u.trim().is_empty()) else {
            self.invalid(
                field,
                "URL is missing",
                "set the URL of the endpoint to query",
            );
            return;
        };
        let help = "write an absolute URL such as https://host:port/path";
        match url.split_once("://") {
            Some((scheme, rest)) if scheme == "http" || scheme == "https" => {
                let host = rest.split(['/', '?', '#']).next().unwrap_or("");
                let host = host.rsplit('@').next().unwrap_or("");
                if host.is_empty() {
                    self.invalid(field, "host is missing in URL", help);
                }
            }
            _ => self.invalid(field, "URL scheme must be 'http' or 'https'", help),
        }
    }

    /// A URL with a scheme and a host (Eureka's server, Kuma's server, STACKIT's endpoint).
    pub fn absolute_url(&mut self, field: &str, url: &str, message: &str) {
        let ok = url
            .split_once("://")
            .is_some_and(|(scheme, rest)| is_scheme(scheme) && !rest.is_empty());
        if !ok {
            self.invalid(
                field,
                message,
                "write an absolute URL such as https://host:port",
            );
        }
    }
}

fn is_scheme(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url_errors(url: Option<&str>) -> Vec<String> {
        let mut out = Vec::new();
        let mut checks = Checks {
            path: SpecPath::root(),
            out: &mut out,
        };
        checks.http_url("url", url);
        out.into_iter().map(|d| d.message).collect()
    }

    #[test]
    fn http_urls_are_checked_as_prometheus_does() {
        assert!(url_errors(Some("https://user@sd.example.com:8080/x?y")).is_empty());
        assert_eq!(url_errors(None), ["URL is missing"]);
        assert_eq!(url_errors(Some(" ")), ["URL is missing"]);
        assert_eq!(
            url_errors(Some("ftp://example.com")),
            ["URL scheme must be 'http' or 'https'"]
        );
        assert_eq!(
            url_errors(Some("example.com")),
            ["URL scheme must be 'http' or 'https'"]
        );
        assert_eq!(url_errors(Some("http://")), ["host is missing in URL"]);
        assert_eq!(
            url_errors(Some("http://user@/x")),
            ["host is missing in URL"]
        );
    }

    #[test]
    fn unset_options_are_left_out_at_every_depth() {
        let mut v = serde_json::json!({"a": null, "b": [{"c": null, "d": 1}], "e": {"f": null}});
        drop_nulls(&mut v);
        assert_eq!(v, serde_json::json!({"b": [{"d": 1}], "e": {}}));
    }
}
