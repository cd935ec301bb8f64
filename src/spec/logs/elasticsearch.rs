//! `logs.elasticsearch`: the target Elasticsearch (version 7 or 8), composable index templates,
//! component templates and ILM policies, as the bodies of `PUT _index_template/NAME`,
//! `PUT _component_template/NAME` and `PUT _ilm/policy/NAME`. An index template's mappings are
//! derived from `logs.schema` unless `from_schema: false`; its own `properties` override or extend
//! the derived ones. Mapping parameters and settings monctl does not read pass through as written.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// The Elasticsearch side of the logging stack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Elasticsearch {
    /// The server version the bodies are written for (`8.8.0`); major 7 or 8.
    pub version: String,
    /// Where `apply.sh` sends the bodies unless `ES_URL` is set (`http://localhost:9200`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ilm_policies: Vec<IlmPolicy>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub component_templates: Vec<ComponentTemplate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub index_templates: Vec<IndexTemplate>,
}

impl Elasticsearch {
    /// The major version, when `version` starts with one.
    pub fn major(&self) -> Option<u32> {
        self.version.split('.').next()?.parse().ok()
    }
}

/// A composable index template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndexTemplate {
    pub name: String,
    /// Index name patterns (`mall-go-*`).
    pub index_patterns: Vec<String>,
    /// Component templates merged in, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub composed_of: Vec<String>,
    /// The highest-priority matching template applies (ties are refused by Elasticsearch).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<u64>,
    /// Matching names become data streams.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_stream: Option<DataStream>,
    /// Derive the mappings' properties from `logs.schema` (default true).
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub from_schema: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<TemplateBody>,
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Value>,
}

/// A component template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ComponentTemplate {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<u64>,
    pub template: TemplateBody,
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Value>,
}

/// `data_stream` of an index template.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataStream {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hidden: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_custom_routing: Option<bool>,
}

/// The `template` of an index or component template.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TemplateBody {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<Settings>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mappings: Option<Mappings>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub aliases: BTreeMap<String, Value>,
}

/// Index settings. Flat dotted names (`index.refresh_interval`) and nested objects are both
/// Elasticsearch's forms; the ILM ones are read from either.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Settings {
    #[serde(flatten)]
    pub values: BTreeMap<String, Value>,
}

impl Settings {
    /// A setting by its dotted name, with or without the `index.` prefix, flat or nested.
    pub fn get(&self, dotted: &str) -> Option<&Value> {
        let bare = dotted.strip_prefix("index.").unwrap_or(dotted);
        for name in [format!("index.{bare}"), bare.to_string()] {
            if let Some(v) = self.values.get(&name) {
                return Some(v);
            }
            let mut parts = name.split('.');
            let mut node = parts.next().and_then(|p| self.values.get(p));
            for p in parts {
                node = node.and_then(|n| n.get(p));
            }
            if let Some(v) = node {
                return Some(v);
            }
        }
        None
    }

    /// The name of the ILM policy the settings attach (`index.lifecycle.name`).
    pub fn lifecycle_name(&self) -> Option<&str> {
        self.get("index.lifecycle.name").and_then(Value::as_str)
    }

    pub fn rollover_alias(&self) -> Option<&str> {
        self.get("index.lifecycle.rollover_alias")
            .and_then(Value::as_str)
    }
}

/// Index mappings.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Mappings {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub properties: BTreeMap<String, Property>,
    /// `dynamic`, `dynamic_templates`, `date_detection`, `_source`, `_meta`, ... as written.
    #[serde(flatten)]
    pub other: BTreeMap<String, Value>,
}

/// A mapped field.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Property {
    /// keyword, text, date, long, ip, object, nested, ... (absent on an object with properties).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub field_type: Option<String>,
    /// Whether the field is searchable (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<bool>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, Property>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub properties: BTreeMap<String, Property>,
    /// `format`, `analyzer`, `ignore_above`, `doc_values`, `scaling_factor`, ... as written.
    #[serde(flatten)]
    pub other: BTreeMap<String, Value>,
}

impl Property {
    /// The effective type: `object` when only `properties` are given.
    pub fn effective_type(&self) -> &str {
        self.field_type.as_deref().unwrap_or("object")
    }
}

/// An ILM policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IlmPolicy {
    pub name: String,
    pub phases: Phases,
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Value>,
}

/// The phases an index moves through.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Phases {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hot: Option<Phase>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warm: Option<Phase>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cold: Option<Phase>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frozen: Option<Phase>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delete: Option<Phase>,
}

/// One phase: when it starts and what it does.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    /// Age (since rollover, or creation) at which the phase starts (`7d`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_age: Option<String>,
    #[serde(default)]
    pub actions: Actions,
}

/// ILM actions (each phase allows a subset).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Actions {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rollover: Option<Rollover>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub set_priority: Option<SetPriority>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forcemerge: Option<Forcemerge>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shrink: Option<Shrink>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub readonly: Option<Empty>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allocate: Option<Allocate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub migrate: Option<Migrate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub searchable_snapshot: Option<SearchableSnapshot>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delete: Option<Delete>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Empty {}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rollover {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_age: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_primary_shard_size: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_size: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_docs: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SetPriority {
    pub priority: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Forcemerge {
    pub max_num_segments: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Shrink {
    pub number_of_shards: u32,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Allocate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number_of_replicas: Option<u32>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub include: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub exclude: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub require: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Migrate {
    pub enabled: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SearchableSnapshot {
    pub snapshot_repository: String,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Delete {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delete_searchable_snapshot: Option<bool>,
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}
