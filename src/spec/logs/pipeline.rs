//! `logs.pipeline`: a Fluentd v1 configuration as typed data. `sources` are the `<source>`
//! directives; `route` holds the top-level `<filter>` and `<match>` directives in file order (the
//! order Fluentd applies them: filters in turn, the first matching `<match>` takes the event);
//! `labels` are `<label @NAME>` sections with routes of their own. The parameters monctl reads are
//! typed fields; any other parameter of any plugin goes under `params`, any other sub-section under
//! `sections`.

use super::param::Param;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The Fluentd configuration.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Pipeline {
    /// `<system>`: process-wide settings (workers, root_dir, log_level).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub system: BTreeMap<String, Param>,
    /// `<source>` directives: where events come from and the tag they get.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Top-level `<filter>` and `<match>` directives, in the order Fluentd applies them.
    #[serde(default)]
    pub route: Vec<Step>,
    /// `<label @NAME>` sections.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<Label>,
}

/// One directive of a route.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[allow(clippy::large_enum_variant)] // a handful per config; boxing would only add noise
pub enum Step {
    /// `<filter PATTERN>`: modifies or drops the events whose tag matches.
    Filter(Filter),
    /// `<match PATTERN>`: the output; the first one whose pattern matches takes the event.
    Match(Output),
}

/// `<label @NAME>`: a route that events reach only through `@label` (or `relabel`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Label {
    /// The label, with its `@` (`@ERROR` gets Fluentd's error stream).
    pub name: String,
    #[serde(default)]
    pub route: Vec<Step>,
}

/// A generic sub-section (`<entry>`, `<metric>`, ...) of a plugin monctl does not type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// The section's name (`entry`, `metric`).
    pub name: String,
    /// The argument after the name (`<buffer time,tag>`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arg: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, Param>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
}

/// `<source>`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The input plugin: tail, forward, http, systemd, syslog, tcp, udp, sample, prometheus, ...
    #[serde(rename = "@type")]
    pub plugin: String,
    #[serde(rename = "@id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Sends the events to `<label NAME>` instead of the top-level route.
    #[serde(rename = "@label", default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The tag of the events (tail: `*` takes the file path).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    /// tail: the files; systemd: the journal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pos_file: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_from_head: Option<bool>,
    /// forward/http/tcp/udp/prometheus: listen address and port.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<u16>,
    /// `<parse>`: how lines become records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parse: Option<Parse>,
    /// `<storage>`: where the plugin keeps its state (systemd's cursor).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storage: Option<Storage>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, Param>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
}

/// `<parse>`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Parse {
    /// The parser plugin: json, regexp, none, nginx, apache2, syslog, multiline, ...
    #[serde(rename = "@type")]
    pub plugin: String,
    /// regexp: the pattern, with named captures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expression: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_key: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_format: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keep_time_key: Option<bool>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, Param>,
}

/// `<storage>`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Storage {
    #[serde(rename = "@type")]
    pub plugin: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persistent: Option<bool>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, Param>,
}

/// `<filter PATTERN>`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Filter {
    /// Tag pattern(s), space-separated: `*` one part, `**` zero or more parts, `{a,b}` either.
    pub pattern: String,
    /// record_transformer, record_modifier, grep, parser, sampling, stdout, ...
    #[serde(rename = "@type")]
    pub plugin: String,
    #[serde(rename = "@id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// grep: `<regexp>` sections; an event must match every one (by default).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regexp: Vec<GrepRule>,
    /// grep: `<exclude>` sections; an event matching any one is dropped.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude: Vec<GrepRule>,
    /// record_transformer / record_modifier: `<record>` keys set on every event.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub record: BTreeMap<String, Param>,
    /// record_transformer: keep only these keys (with `renew_record true`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keep_keys: Vec<String>,
    /// record_transformer / record_modifier: keys removed from every event.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remove_keys: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renew_record: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_ruby: Option<bool>,
    /// parser: the key holding the text to parse.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reserve_data: Option<bool>,
    /// parser: `<parse>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parse: Option<Parse>,
    /// sampling: pass 1 event in `interval` (Fluentd's filter_sampling).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<u32>,
    /// sampling: per-value rules (`<rule>` sections: key, pattern, sample_rate in percent), as the
    /// seed's chapter writes them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<SamplingRule>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, Param>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
}

/// grep's `<regexp>` / `<exclude>`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GrepRule {
    /// The record key, or a record accessor (`$.kubernetes.pod_name`).
    pub key: String,
    /// Ruby regular expression (`/^(ERROR|FATAL)$/` or without slashes).
    pub pattern: String,
}

/// A `<rule>` of the sampling filter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SamplingRule {
    pub key: String,
    pub pattern: String,
    /// Percent of the matching events kept.
    pub sample_rate: u32,
}

/// `<match PATTERN>`, `<store>` of copy, or `<secondary>`: an output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Output {
    /// Tag pattern(s) (`<match>` only; `<store>` and `<secondary>` have none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// elasticsearch, file, stdout, copy, relabel, forward, null, prometheus, ...
    #[serde(rename = "@type")]
    pub plugin: String,
    #[serde(rename = "@id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// relabel (and any output): re-emits the events into `<label NAME>`.
    #[serde(rename = "@label", default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// elasticsearch: host, port, scheme, user, password.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<Param>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<Param>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheme: Option<Param>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<Param>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<Param>,
    /// elasticsearch: the index written to (unless `logstash_format`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index_name: Option<String>,
    /// elasticsearch: write to daily indices `<logstash_prefix>-<logstash_dateformat>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logstash_format: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logstash_prefix: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logstash_dateformat: Option<String>,
    /// elasticsearch_data_stream: the data stream written to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_stream_name: Option<String>,
    /// elasticsearch: mapping type (removed in Elasticsearch 8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub type_name: Option<String>,
    /// file: the output path.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// `<buffer CHUNK_KEYS>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buffer: Option<Buffer>,
    /// `<secondary>`: where chunks go when the output keeps failing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secondary: Option<Box<Output>>,
    /// copy: `<store>` outputs, each getting every event.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub store: Vec<Output>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, Param>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
}

/// `<buffer>`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Buffer {
    /// Chunk keys: `time`, `tag`, record keys (`<buffer time,tag>`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chunk_keys: Vec<String>,
    /// memory or file.
    #[serde(rename = "@type", default, skip_serializing_if = "Option::is_none")]
    pub plugin: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timekey: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flush_interval: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chunk_limit_size: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_limit_size: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, Param>,
}
