//! Each service of `stack.services` with its preset applied: the preset's fields first, the
//! spec's on top (environment, volumes, expose and depends_on add to the preset's), the
//! tracing environment of the services `tracing.services` names, and, for the Fluentd service,
//! the environment variables fluent.conf reads without a default (passed from `.env`).

use super::presets;
use crate::diagnostic::SpecPath;
use crate::spec::stack::{Build, EnvValue, Healthcheck, PortMapping, Preset, Resources};
use crate::spec::Spec;
use std::collections::BTreeMap;

/// A service as it runs.
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceModel {
    pub name: String,
    /// Its standard role: the preset, else what its image (or name) says.
    pub role: Option<Preset>,
    pub image: Option<String>,
    /// True when the spec wrote the image (not the preset).
    pub image_written: bool,
    pub build: Option<Build>,
    pub command: Vec<String>,
    pub ports: Vec<PortMapping>,
    pub expose: Vec<u16>,
    pub environment: BTreeMap<String, EnvValue>,
    pub volumes: Vec<String>,
    pub resources: Option<Resources>,
    pub healthcheck: Option<Healthcheck>,
    pub depends_on: Vec<String>,
    pub restart: Option<String>,
    pub labels: BTreeMap<String, String>,
}

impl ServiceModel {
    pub fn path(&self) -> SpecPath {
        SpecPath::root()
            .key("stack")
            .key("services")
            .key(self.name.as_str())
    }

    /// Where a finding about the service's image goes: its `image` when the spec writes one, the
    /// service otherwise (a preset's image).
    pub fn image_path(&self) -> SpecPath {
        if self.image_written {
            self.path().key("image")
        } else {
            self.path()
        }
    }

    /// True when other services reach it on `port` (a published or exposed container port).
    pub fn listens_on(&self, port: u16) -> bool {
        self.ports.iter().any(|p| p.container == port) || self.expose.contains(&port)
    }

    /// Every container port it listens on, sorted.
    pub fn container_ports(&self) -> Vec<u16> {
        let mut ports: Vec<u16> = self.ports.iter().map(|p| p.container).collect();
        ports.extend(&self.expose);
        ports.sort_unstable();
        ports.dedup();
        ports
    }

    /// The volumes as (source, target, read-only).
    pub fn mounts(&self) -> impl Iterator<Item = (&str, &str)> {
        self.volumes.iter().filter_map(|v| {
            let mut parts = v.splitn(3, ':');
            let source = parts.next()?;
            let target = parts.next()?;
            Some((source, target))
        })
    }

    /// A `--flag=value` of its command.
    pub fn flag(&self, flag: &str) -> Option<&str> {
        self.command
            .iter()
            .find_map(|c| c.strip_prefix(flag).and_then(|r| r.strip_prefix('=')))
    }
}

/// The tracing environment of an application service sending spans to `jaeger`.
fn tracing_env(service: &str, jaeger: &str) -> Vec<(String, EnvValue)> {
    [
        ("JAEGER_SERVICE_NAME", service.to_string()),
        ("JAEGER_AGENT_HOST", jaeger.to_string()),
        ("JAEGER_AGENT_PORT", "6831".to_string()),
        ("JAEGER_SAMPLER_TYPE", "remote".to_string()),
        (
            "JAEGER_SAMPLING_ENDPOINT",
            format!("http://{jaeger}:5778/sampling"),
        ),
        ("OTEL_SERVICE_NAME", service.to_string()),
        (
            "OTEL_EXPORTER_OTLP_ENDPOINT",
            format!("http://{jaeger}:4318"),
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), EnvValue::text(v)))
    .collect()
}

/// The environment variables `logs.pipeline` reads with no default (`{env: NAME}`), sorted:
/// Fluentd evaluates `"#{ENV['NAME']}"` in its own container, so the service must pass them.
fn pipeline_env(spec: &Spec) -> Vec<String> {
    fn walk(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(o) => {
                if let (1, Some(serde_json::Value::String(name))) = (o.len(), o.get("env")) {
                    out.push(name.clone());
                    return;
                }
                o.values().for_each(|v| walk(v, out));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    if let Some(p) = spec.logs.as_ref().and_then(|l| l.pipeline.as_ref()) {
        walk(&serde_json::to_value(p).unwrap_or_default(), &mut out);
    }
    out.sort();
    out.dedup();
    out
}

pub fn resolve(spec: &Spec) -> Vec<ServiceModel> {
    let Some(stack) = &spec.stack else {
        return Vec::new();
    };
    let tracing = spec.tracing.as_ref();
    let jaeger = tracing
        .and_then(|t| t.jaeger.as_deref())
        .unwrap_or("jaeger");
    let fluentd_env = pipeline_env(spec);
    stack
        .services
        .iter()
        .map(|(name, s)| {
            let base = s
                .preset
                .map(|p| presets::defaults(p, spec))
                .unwrap_or_default();
            let image = s
                .image
                .clone()
                .or_else(|| base.image.map(str::to_string))
                .filter(|_| s.build.is_none() || s.image.is_some());
            let build = s
                .build
                .clone()
                .or(if image.is_none() { base.build } else { None });
            let role = s
                .preset
                .or_else(|| presets::infer(s.image.as_deref(), name));
            let mut environment = base.environment;
            if tracing.is_some_and(|t| t.services.iter().any(|t| t == name)) {
                environment.extend(tracing_env(name, jaeger));
            }
            if role == Some(Preset::Fluentd) {
                for var in &fluentd_env {
                    environment.insert(var.clone(), EnvValue::env_ref(var.clone()));
                }
            }
            environment.extend(s.environment.clone());
            let mut volumes: Vec<String> = Vec::new();
            let target = |v: &str| v.split(':').nth(1).map(str::to_string);
            let written: Vec<Option<String>> = s.volumes.iter().map(|v| target(v)).collect();
            for v in base.volumes {
                if !written.contains(&target(&v)) {
                    volumes.push(v);
                }
            }
            volumes.extend(s.volumes.iter().cloned());
            let mut expose = base.expose;
            expose.extend(&s.expose);
            expose.sort_unstable();
            expose.dedup();
            let mut depends_on = s.depends_on.clone();
            depends_on.sort();
            depends_on.dedup();
            ServiceModel {
                name: name.clone(),
                role,
                image,
                image_written: s.image.is_some(),
                build,
                command: s.command.clone().unwrap_or(base.command),
                ports: s.ports.clone().unwrap_or(base.ports),
                expose,
                environment,
                volumes,
                resources: s.resources.clone(),
                healthcheck: s.healthcheck.clone().or(base.healthcheck),
                depends_on,
                restart: s.restart.clone(),
                labels: s.labels.clone(),
            }
        })
        .collect()
}
