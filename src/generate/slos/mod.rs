//! Generators of the `slos` section(s): the SLO rule files (burn-rate recording rules, meta rules, alerts) and promtool rule unit tests (issue #13). One file per artifact kind in this folder.

use super::Artifact;
use crate::model::Model;

/// Every artifact of the section, in any order (the caller sorts).
pub fn artifacts(_model: &Model) -> Vec<Artifact> {
    Vec::new()
}

/// The paths of the SLO rule files, relative to the output folder, for prometheus.yml's
/// `rule_files`.
pub fn rule_file_paths(_model: &Model) -> Vec<String> {
    Vec::new()
}
