//! alertmanager.yml. (Stub: the routing issue fills this in.)

use super::Artifact;
use crate::model::Model;

/// alertmanager.yml, when the spec has a routing section.
pub fn alertmanager_files(_model: &Model) -> Vec<Artifact> {
    Vec::new()
}
