//! Secrets in the routing section: SMTP passwords, basic-auth passwords, API keys and webhook URLs
//! that carry tokens. A secret is a reference — a file Alertmanager reads (`{file: PATH}`, rendered
//! as the field's `*_file` form) or an environment variable substituted into the generated file
//! before Alertmanager reads it (`{env: NAME}`, rendered as `${NAME}`). A plain string is an error
//! (S014) unless `lint.test_secrets` names it: it would end up verbatim in the generated files.

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// A secret value: by file, by environment variable, or (refused unless opted out) literally.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Secret {
    /// A file holding the secret, read by Alertmanager (`*_file` fields).
    File(SecretFile),
    /// An environment variable substituted into the generated file at deploy time (`${NAME}`).
    Env(SecretEnv),
    /// The secret itself, written into the generated file (an error unless opted out).
    Literal(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecretFile {
    pub file: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecretEnv {
    pub env: String,
}

impl Secret {
    /// The placeholder an environment reference renders as.
    pub fn env_placeholder(name: &str) -> String {
        format!("${{{name}}}")
    }

    /// The value written inline into the generated file (a literal or an env placeholder); `None`
    /// for a file reference.
    pub fn inline_value(&self) -> Option<String> {
        match self {
            Secret::File(_) => None,
            Secret::Env(e) => Some(Self::env_placeholder(&e.env)),
            Secret::Literal(s) => Some(s.clone()),
        }
    }

    pub fn file(&self) -> Option<&str> {
        match self {
            Secret::File(f) => Some(&f.file),
            _ => None,
        }
    }

    pub fn is_literal(&self) -> bool {
        matches!(self, Secret::Literal(_))
    }
}

impl JsonSchema for Secret {
    fn schema_name() -> Cow<'static, str> {
        "Secret".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A secret: `{file: PATH}` (a file Alertmanager reads), `{env: NAME}` (an environment variable substituted into the generated file as ${NAME} at deploy time), or a literal string (an error unless `lint.test_secrets` names it: it would be written into the generated file).",
            "anyOf": [
                {
                    "type": "object",
                    "properties": {"file": {"type": "string", "minLength": 1, "description": "Path of the file holding the secret, as Alertmanager sees it."}},
                    "required": ["file"],
                    "additionalProperties": false
                },
                {
                    "type": "object",
                    "properties": {"env": {"type": "string", "minLength": 1, "description": "Name of the environment variable holding the secret (letters, digits and _, not starting with a digit)."}},
                    "required": ["env"],
                    "additionalProperties": false
                },
                {"type": "string", "description": "The secret itself (an error unless `lint.test_secrets` names this value)."}
            ]
        })
    }
}
