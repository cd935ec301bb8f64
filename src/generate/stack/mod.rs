//! Generators of the `stack` section(s): docker-compose.yml, .env.example, grafana/ provisioning
//! and dashboards, jaeger/config.yaml and jaeger/sampling.json, the DingTalk bridge's targets and
//! the Fluentd image's Dockerfile (issue #12). One file per artifact kind in this folder.

mod compose;
mod dingtalk;
mod env_example;
mod fluentd_image;
mod grafana_dashboard;
mod grafana_provisioning;
mod jaeger;
mod jaeger_config;

use super::Artifact;
use crate::model::Model;

/// Every artifact of the section, in any order (the caller sorts).
pub fn artifacts(model: &Model) -> Vec<Artifact> {
    let mut out = Vec::new();
    out.extend(compose::docker_compose(model));
    out.extend(dingtalk::config(model));
    out.extend(env_example::env_example(model));
    out.extend(fluentd_image::dockerfile(model));
    out.extend(grafana_provisioning::provisioning(model));
    out.extend(grafana_dashboard::dashboards(model));
    out.extend(jaeger::sampling(model));
    out.extend(jaeger_config::config(model));
    out
}
