//! The `logs` section: the structured log entry's schema, the Fluentd pipeline and the
//! Elasticsearch index templates and lifecycle policies (issue #11). Types and their load-time
//! validation live in this folder.

pub mod elasticsearch;
pub mod param;
pub mod pipeline;
pub mod schema;
pub mod tag;
mod validate;

pub use elasticsearch::{Elasticsearch, IlmPolicy, IndexTemplate, Mappings, Property, Settings};
pub use param::{Embedded, EnvRef, Param};
pub use pipeline::{Filter, Label, Output, Pipeline, Section, Source, Step};
pub use schema::{FieldType, LogField, LogSchema};
pub use tag::TagPattern;
pub use validate::validate;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Logs: the log schema, the Fluentd pipeline and Elasticsearch.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Logs {
    /// The structured log entry the service writes.
    #[serde(default)]
    pub schema: LogSchema,
    /// The Fluentd configuration (fluentd/fluent.conf).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pipeline: Option<Pipeline>,
    /// Elasticsearch templates and lifecycle policies (elasticsearch/).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elasticsearch: Option<Elasticsearch>,
}
