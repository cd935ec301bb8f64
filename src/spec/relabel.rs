//! Relabeling rules, as Prometheus applies them to targets (`relabel_configs`), to scraped samples
//! (`metric_relabel_configs`) and to remote writes (`write_relabel_configs`).

use super::types::{LabelName, RelabelRegex};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Every relabel action Prometheus has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RelabelAction {
    Replace,
    Keep,
    Drop,
    KeepEqual,
    DropEqual,
    HashMod,
    LabelMap,
    LabelDrop,
    LabelKeep,
    Lowercase,
    Uppercase,
}

impl RelabelAction {
    pub fn as_str(&self) -> &'static str {
        match self {
            RelabelAction::Replace => "replace",
            RelabelAction::Keep => "keep",
            RelabelAction::Drop => "drop",
            RelabelAction::KeepEqual => "keepequal",
            RelabelAction::DropEqual => "dropequal",
            RelabelAction::HashMod => "hashmod",
            RelabelAction::LabelMap => "labelmap",
            RelabelAction::LabelDrop => "labeldrop",
            RelabelAction::LabelKeep => "labelkeep",
            RelabelAction::Lowercase => "lowercase",
            RelabelAction::Uppercase => "uppercase",
        }
    }
}

/// One relabel step. Unset fields take Prometheus' defaults: separator `;`, regex `(.*)`,
/// replacement `$1`, action `replace`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RelabelRule {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_labels: Option<Vec<LabelName>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub separator: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regex: Option<RelabelRegex>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modulus: Option<u64>,
    /// The label written; for `replace` it may use capture groups (`${1}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replacement: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<RelabelAction>,
}

impl RelabelRule {
    pub fn action(&self) -> RelabelAction {
        self.action.unwrap_or(RelabelAction::Replace)
    }
}
