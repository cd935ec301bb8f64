//! Fluentd parameter values: plain scalars, JSON arrays/hashes, and `"#{ENV['NAME'] || 'default'}"`
//! written as a typed environment reference (`{env: NAME, default: ...}`) rather than Ruby text.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A parameter's value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Param {
    /// An environment variable Fluentd reads when it loads the config.
    #[serde(deserialize_with = "env_from_map")]
    #[schemars(with = "EnvRef")]
    Env(EnvRef),
    /// A double-quoted Fluentd string with other embedded Ruby, as written between the quotes
    /// (`#{Socket.gethostname}`).
    #[serde(deserialize_with = "embedded_from_map")]
    #[schemars(with = "Embedded")]
    Embedded(Embedded),
    Bool(bool),
    Number(serde_json::Number),
    Text(String),
    /// A JSON array or hash (Fluentd's `array`/`hash` parameter types).
    Json(serde_json::Value),
}

/// `"#{ENV['NAME']}"`, or `"#{ENV['NAME'] || 'default'}"` with a default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EnvRef {
    /// The environment variable.
    pub env: String,
    /// The value when the variable is unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<String>,
}

/// Ruby code Fluentd evaluates when it loads the config.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Embedded {
    /// The double-quoted string's content, escapes and `#{...}` as written.
    pub embedded: String,
}

/// The fields of a mapping, and only of a mapping: a derived struct would also read a JSON array
/// (`["a"]` as `{env: "a"}`), taking a Fluentd array parameter for an env reference.
fn string_map<'de, D: serde::Deserializer<'de>>(
    d: D,
    allowed: &[&str],
) -> Result<std::collections::BTreeMap<String, String>, D::Error> {
    let map = std::collections::BTreeMap::<String, String>::deserialize(d)?;
    match map.keys().find(|k| !allowed.contains(&k.as_str())) {
        Some(k) => Err(serde::de::Error::unknown_field(k, &[])),
        None => Ok(map),
    }
}

fn env_from_map<'de, D: serde::Deserializer<'de>>(d: D) -> Result<EnvRef, D::Error> {
    let mut map = string_map(d, &["env", "default"])?;
    Ok(EnvRef {
        env: map
            .remove("env")
            .ok_or_else(|| serde::de::Error::missing_field("env"))?,
        default: map.remove("default"),
    })
}

fn embedded_from_map<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Embedded, D::Error> {
    let mut map = string_map(d, &["embedded"])?;
    Ok(Embedded {
        embedded: map
            .remove("embedded")
            .ok_or_else(|| serde::de::Error::missing_field("embedded"))?,
    })
}

impl Param {
    /// The value as Fluentd sees it, when it is known before deployment (not an env reference).
    pub fn literal(&self) -> Option<String> {
        match self {
            Param::Env(_) | Param::Embedded(_) => None,
            Param::Bool(b) => Some(b.to_string()),
            Param::Number(n) => Some(n.to_string()),
            Param::Text(s) => Some(s.clone()),
            Param::Json(v) => Some(v.to_string()),
        }
    }

    /// The value with env references replaced by their defaults.
    pub fn with_defaults(&self) -> Option<String> {
        match self {
            Param::Env(e) => e.default.clone(),
            other => other.literal(),
        }
    }

    /// Fluentd's boolean reading of the value.
    pub fn is_true(&self) -> bool {
        self.with_defaults().as_deref() == Some("true")
    }
}

impl From<&str> for Param {
    fn from(s: &str) -> Self {
        Param::Text(s.to_string())
    }
}
