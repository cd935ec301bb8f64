//! docker-compose.yml in the Compose Specification (no `version:` key): every service of the
//! stack with its preset applied, environment references as `${NAME:?...}` (from `.env`), file
//! references as Compose secrets passed by path, resource limits under `deploy`, and the named
//! volumes the services use.

use super::super::yaml::{document, Fields};
use super::Artifact;
use crate::model::Model;
use crate::spec::routing::Secret;
use crate::spec::stack::{EnvValue, Healthcheck, Preset};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// docker-compose.yml, when the spec has a stack.
pub fn docker_compose(model: &Model) -> Option<Artifact> {
    let stack = model.spec.stack.as_ref()?;
    let mut secrets: BTreeMap<String, String> = BTreeMap::new();
    let mut named_volumes: Vec<String> = Vec::new();
    let mut services = Map::new();
    for service in &model.stack.services {
        let mut s = Fields::new();
        s.set("image", &service.image);
        if let Some(build) = &service.build {
            let mut b = Fields::new();
            b.set("context", &build.context)
                .set("dockerfile", &build.dockerfile);
            s.set("build", b.build());
        }
        s.set("command", escape_all(&service.command));
        let mut environment = Map::new();
        let mut service_secrets = Vec::new();
        for (name, value) in &service.environment {
            match value {
                EnvValue::Text(Secret::File(f)) => {
                    let secret = name.to_ascii_lowercase();
                    let suffix = if name.starts_with("GF_") {
                        "__FILE"
                    } else {
                        "_FILE"
                    };
                    environment.insert(
                        format!("{name}{suffix}"),
                        Value::String(format!("/run/secrets/{secret}")),
                    );
                    secrets.insert(secret.clone(), f.file.clone());
                    service_secrets.push(secret);
                }
                EnvValue::Text(Secret::Env(e)) => {
                    environment.insert(
                        name.clone(),
                        Value::String(format!("${{{0}:?set {0} in .env}}", e.env)),
                    );
                }
                other => {
                    let text = other.literal().unwrap_or_default();
                    environment.insert(name.clone(), Value::String(escape(&text)));
                }
            }
        }
        s.set("environment", Value::Object(environment));
        s.set("secrets", service_secrets);
        s.set(
            "ports",
            service
                .ports
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>(),
        );
        s.set(
            "expose",
            service
                .expose
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>(),
        );
        for (source, _) in service.mounts() {
            if !source.starts_with(['.', '/', '~', '$'])
                && !named_volumes.iter().any(|v| v == source)
            {
                named_volumes.push(source.to_string());
            }
        }
        s.set("volumes", &service.volumes);
        s.set("depends_on", &service.depends_on);
        if let Some(h) = &service.healthcheck {
            s.set("healthcheck", healthcheck(h));
        }
        if let Some(r) = &service.resources {
            let mut limits = Fields::new();
            limits
                .set("cpus", r.cpus.map(|c| c.to_string()))
                .set("memory", &r.memory);
            s.set(
                "deploy",
                serde_json::json!({"resources": {"limits": limits.build()}}),
            );
        }
        s.set(
            "restart",
            service
                .restart
                .as_deref()
                .unwrap_or(if service.role == Some(Preset::Fluentd) {
                    "always"
                } else {
                    "unless-stopped"
                }),
        );
        s.set("labels", &service.labels);
        services.insert(service.name.clone(), s.build());
    }
    named_volumes.sort();
    let mut root = Fields::new();
    root.set("services", Value::Object(services));
    root.set(
        "secrets",
        secrets
            .into_iter()
            .map(|(name, file)| (name, serde_json::json!({"file": file})))
            .collect::<Map<_, _>>(),
    );
    root.set(
        "volumes",
        named_volumes
            .into_iter()
            .map(|v| (v, Value::Object(Map::new())))
            .collect::<Map<_, _>>(),
    );
    // The project name goes on the command line (`-p`): Compose 1.x, still what Debian ships,
    // rejects the newer top-level `name:` key.
    let mut content = document(&root.build());
    if let Some(name) = &stack.name {
        let at = content.find('\n').map_or(0, |i| i + 1);
        content.insert_str(
            at,
            &format!("# Project: {name} (docker compose -p {name} up -d)\n"),
        );
    }
    Some(Artifact {
        path: "docker-compose.yml".into(),
        content,
    })
}

/// Compose interpolates `$` in values; a literal `$` is written `$$`.
fn escape(text: &str) -> String {
    text.replace('$', "$$")
}

fn escape_all(items: &[String]) -> Vec<String> {
    items.iter().map(|s| escape(s)).collect()
}

fn healthcheck(h: &Healthcheck) -> Value {
    let mut f = Fields::new();
    f.set("test", escape_all(&h.test))
        .set("interval", h.interval.map(|d| d.to_string()))
        .set("timeout", h.timeout.map(|d| d.to_string()))
        .set("retries", h.retries)
        .set("start_period", h.start_period.map(|d| d.to_string()));
    f.build()
}
