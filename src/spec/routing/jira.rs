//! Jira issues (Alertmanager 0.28+): one issue per alert group, reopened or resolved through
//! transitions. `summary`, `description` and `labels` take a plain value or, in newer versions,
//! an object that says whether updates rewrite them.

use super::receiver::HttpConfig;
use crate::spec::types::Duration;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A templated issue field: a template, or `{template, enable_update}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum JiraField {
    Template(String),
    Detailed(JiraFieldDetail),
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JiraFieldDetail {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    /// Whether an update of an existing issue rewrites this field (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_update: Option<bool>,
}

/// The issue's labels: a list, or `{values, enable_update}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum JiraLabels {
    List(Vec<String>),
    Detailed(JiraLabelsDetail),
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JiraLabelsDetail {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_update: Option<bool>,
}

/// Which Jira REST API to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum JiraApiType {
    /// Cloud when the host is `*.atlassian.net`, else Data Center (the default).
    Auto,
    Cloud,
    Datacenter,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JiraConfig {
    /// Default true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send_resolved: Option<bool>,
    /// The Jira credentials (`basic_auth` with an API token, or `authorization`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_config: Option<HttpConfig>,
    /// The Jira REST API URL, e.g. `https://example.atlassian.net/rest/api/2`; default
    /// `global.jira_api_url`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_url: Option<String>,
    /// Default `auto` (Alertmanager 0.29+).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_type: Option<JiraApiType>,
    /// The project key. Required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<JiraField>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<JiraField>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labels: Option<JiraLabels>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<String>,
    /// The issue type, e.g. `Bug`. Required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue_type: Option<String>,
    /// The transition that reopens a closed issue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reopen_transition: Option<String>,
    /// The transition that closes the issue when the alerts resolve.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolve_transition: Option<String>,
    /// Issues with this resolution are not reopened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wont_fix_resolution: Option<String>,
    /// How long after resolution an issue is reopened instead of a new one created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reopen_duration: Option<Duration>,
    /// Other issue fields, e.g. `customfield_10000: value`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, serde_json::Value>,
}
