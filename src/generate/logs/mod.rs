//! Generators of the `logs` section(s): fluentd/fluent.conf, elasticsearch/{index-templates,component-templates,ilm-policies}/*.json and elasticsearch/apply.sh (issue #11). One file per artifact kind in this folder.

use super::Artifact;
use crate::model::Model;

/// Every artifact of the section, in any order (the caller sorts).
pub fn artifacts(_model: &Model) -> Vec<Artifact> {
    Vec::new()
}
