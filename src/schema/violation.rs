//! One way a value breaks the spec's JSON Schema: where in the value, which schema keyword, and
//! what it wanted. Worded like the JSON Schema error messages people already know (the wording of
//! the `jsonschema` crate, which the oracle test holds this validator to).

use serde_json::Value;
use std::fmt;

/// The JSON types of the `type` keyword, in the order messages list them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum JsonType {
    Null,
    Boolean,
    Integer,
    Number,
    String,
    Array,
    Object,
}

impl JsonType {
    pub(crate) fn parse(name: &str) -> Option<JsonType> {
        Some(match name {
            "null" => JsonType::Null,
            "boolean" => JsonType::Boolean,
            "integer" => JsonType::Integer,
            "number" => JsonType::Number,
            "string" => JsonType::String,
            "array" => JsonType::Array,
            "object" => JsonType::Object,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            JsonType::Null => "null",
            JsonType::Boolean => "boolean",
            JsonType::Integer => "integer",
            JsonType::Number => "number",
            JsonType::String => "string",
            JsonType::Array => "array",
            JsonType::Object => "object",
        }
    }
}

impl fmt::Display for JsonType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What `type` asked for: one type (`"type": "string"`) or several (`"type": [...]`).
#[derive(Debug, Clone, PartialEq)]
pub enum TypeKind {
    Single(JsonType),
    Multiple(Vec<JsonType>),
}

/// Which keyword failed, with what it wanted.
#[derive(Debug, Clone, PartialEq)]
pub enum ViolationKind<'a> {
    /// `additionalProperties: false` (or a pattern-keyed map) and these keys are not allowed.
    AdditionalProperties {
        unexpected: Vec<String>,
    },
    /// No alternative of `anyOf` holds; each alternative's violations, in order.
    AnyOf {
        context: Vec<Vec<Violation<'a>>>,
    },
    /// No alternative of `oneOf` holds; each alternative's violations, in order.
    OneOfNotValid {
        context: Vec<Vec<Violation<'a>>>,
    },
    /// More than one alternative of `oneOf` holds.
    OneOfMultipleValid,
    Constant {
        expected: &'a Value,
    },
    Enum {
        options: &'a Value,
    },
    /// A `false` schema: nothing is allowed here.
    FalseSchema,
    Minimum {
        limit: &'a Value,
    },
    Maximum {
        limit: &'a Value,
    },
    ExclusiveMinimum {
        limit: &'a Value,
    },
    ExclusiveMaximum {
        limit: &'a Value,
    },
    MinLength {
        limit: u64,
    },
    MaxLength {
        limit: u64,
    },
    MinItems {
        limit: u64,
    },
    MaxItems {
        limit: u64,
    },
    UniqueItems,
    Pattern {
        pattern: &'a str,
    },
    Required {
        property: &'a str,
    },
    Type {
        kind: TypeKind,
    },
}

/// A schema violation: the value found, its JSON pointer, the keyword's location in the schema
/// (canonical: `/$defs/Duration/pattern`, not through `$ref`) and what the keyword wanted.
#[derive(Debug, Clone, PartialEq)]
pub struct Violation<'a> {
    pub instance: &'a Value,
    pub instance_path: String,
    pub schema_path: String,
    pub kind: ViolationKind<'a>,
}

fn plural(n: u64, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

fn write_enum(f: &mut fmt::Formatter<'_>, value: &Value, options: &Value) -> fmt::Result {
    const SHOWN: usize = 3;
    let options: &[Value] = options.as_array().map(Vec::as_slice).unwrap_or_default();
    write!(f, "{value} is not one of ")?;
    let total = options.len();
    let shown = if total <= SHOWN { total } else { SHOWN - 1 };
    for (i, option) in options.iter().take(shown).enumerate() {
        match i {
            0 => write!(f, "{option}")?,
            _ if total <= SHOWN && i == total - 1 => write!(f, " or {option}")?,
            _ => write!(f, ", {option}")?,
        }
    }
    if total > SHOWN {
        write!(f, " or {} other candidates", total - shown)?;
    }
    Ok(())
}

impl fmt::Display for Violation<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let value = self.instance;
        match &self.kind {
            ViolationKind::AdditionalProperties { unexpected } => {
                f.write_str("Additional properties are not allowed (")?;
                let quoted: Vec<String> = unexpected.iter().map(|k| format!("'{k}'")).collect();
                f.write_str(&quoted.join(", "))?;
                let verb = if unexpected.len() == 1 { "was" } else { "were" };
                write!(f, " {verb} unexpected)")
            }
            ViolationKind::AnyOf { .. } => write!(
                f,
                "{value} is not valid under any of the schemas listed in the 'anyOf' keyword"
            ),
            ViolationKind::OneOfNotValid { .. } => write!(
                f,
                "{value} is not valid under any of the schemas listed in the 'oneOf' keyword"
            ),
            ViolationKind::OneOfMultipleValid => write!(
                f,
                "{value} is valid under more than one of the schemas listed in the 'oneOf' keyword"
            ),
            ViolationKind::Constant { expected } => write!(f, "{expected} was expected"),
            ViolationKind::Enum { options } => write_enum(f, value, options),
            ViolationKind::FalseSchema => write!(f, "False schema does not allow {value}"),
            ViolationKind::Minimum { limit } => {
                write!(f, "{value} is less than the minimum of {limit}")
            }
            ViolationKind::Maximum { limit } => {
                write!(f, "{value} is greater than the maximum of {limit}")
            }
            ViolationKind::ExclusiveMinimum { limit } => {
                write!(f, "{value} is less than or equal to the minimum of {limit}")
            }
            ViolationKind::ExclusiveMaximum { limit } => write!(
                f,
                "{value} is greater than or equal to the maximum of {limit}"
            ),
            ViolationKind::MinLength { limit } => write!(
                f,
                "{value} is shorter than {limit} character{}",
                plural(*limit, "", "s")
            ),
            ViolationKind::MaxLength { limit } => write!(
                f,
                "{value} is longer than {limit} character{}",
                plural(*limit, "", "s")
            ),
            ViolationKind::MinItems { limit } => write!(
                f,
                "{value} has less than {limit} item{}",
                plural(*limit, "", "s")
            ),
            ViolationKind::MaxItems { limit } => write!(
                f,
                "{value} has more than {limit} item{}",
                plural(*limit, "", "s")
            ),
            ViolationKind::UniqueItems => write!(f, "{value} has non-unique elements"),
            ViolationKind::Pattern { pattern } => {
                write!(f, r#"{value} does not match "{pattern}""#)
            }
            ViolationKind::Required { property } => {
                write!(f, "{} is a required property", Value::from(*property))
            }
            ViolationKind::Type {
                kind: TypeKind::Single(t),
            } => write!(f, r#"{value} is not of type "{t}""#),
            ViolationKind::Type {
                kind: TypeKind::Multiple(types),
            } => {
                let quoted: Vec<String> = types.iter().map(|t| format!("\"{t}\"")).collect();
                write!(f, "{value} is not of types {}", quoted.join(", "))
            }
        }
    }
}
