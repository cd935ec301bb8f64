//! Generators of the `stack` section(s): docker-compose.yml, .env.example, grafana/ provisioning and dashboards, jaeger/sampling.json (issue #12). One file per artifact kind in this folder.

use super::Artifact;
use crate::model::Model;

/// Every artifact of the section, in any order (the caller sorts).
pub fn artifacts(_model: &Model) -> Vec<Artifact> {
    Vec::new()
}
