//! `logs.schema`: the fields of the structured log entry a service writes (the seed's
//! MallGoLogEntry), in Elasticsearch's field-type vocabulary. The index mapping is derived from it
//! unless a template overrides a field.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The structured log entry.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LogSchema {
    /// The entry's fields, in the order the application writes them.
    #[serde(default)]
    pub fields: Vec<LogField>,
}

/// One field of the log entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LogField {
    /// The JSON key (`@timestamp`, `level`, `request_id`).
    pub name: String,
    /// Elasticsearch field type the mapping gives it.
    #[serde(rename = "type")]
    pub field_type: FieldType,
    /// Every entry carries it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub required: bool,
    /// The only values it takes (`level`: DEBUG, INFO, WARN, ERROR, FATAL).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
    /// Personal data or a secret: never indexed as written (mask, hash or drop it in the pipeline,
    /// or map it with `index: false`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub sensitive: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Date format(s) of a `date` field (`strict_date_optional_time||epoch_millis`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// Analyzer of a `text` field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub analyzer: Option<String>,
    /// Longest `keyword` value indexed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ignore_above: Option<u32>,
    /// Multi-fields: the same value indexed another way (`message.keyword`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, MultiField>,
    /// Sub-fields of an `object` or `nested` field.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub properties: Vec<LogField>,
    /// `object` fields: whether unknown sub-fields are mapped dynamically.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dynamic: Option<bool>,
}

/// A multi-field of a schema field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MultiField {
    #[serde(rename = "type")]
    pub field_type: FieldType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub analyzer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ignore_above: Option<u32>,
}

/// Elasticsearch field types a log entry uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FieldType {
    Keyword,
    Text,
    Date,
    Long,
    Integer,
    Short,
    Float,
    Double,
    Boolean,
    Ip,
    Object,
    Nested,
    Flattened,
}

impl FieldType {
    pub fn as_str(&self) -> &'static str {
        match self {
            FieldType::Keyword => "keyword",
            FieldType::Text => "text",
            FieldType::Date => "date",
            FieldType::Long => "long",
            FieldType::Integer => "integer",
            FieldType::Short => "short",
            FieldType::Float => "float",
            FieldType::Double => "double",
            FieldType::Boolean => "boolean",
            FieldType::Ip => "ip",
            FieldType::Object => "object",
            FieldType::Nested => "nested",
            FieldType::Flattened => "flattened",
        }
    }

    /// Object-like types hold `properties`.
    pub fn has_properties(&self) -> bool {
        matches!(self, FieldType::Object | FieldType::Nested)
    }
}

impl LogSchema {
    /// The field at a dotted path (`extra.order_id`), looking into object sub-fields.
    pub fn field(&self, dotted: &str) -> Option<&LogField> {
        let mut fields = &self.fields;
        let mut found = None;
        // A field name may itself contain dots or start with `@`: try the whole name first.
        if let Some(f) = fields.iter().find(|f| f.name == dotted) {
            return Some(f);
        }
        for part in dotted.split('.') {
            let f = fields.iter().find(|f| f.name == part)?;
            found = Some(f);
            fields = &f.properties;
        }
        found
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}
