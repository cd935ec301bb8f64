//! `stack`: the services of the stack in docker-compose's vocabulary (image, build, ports,
//! environment, volumes, healthcheck, depends_on, resources), each optionally starting from a
//! preset (a standard service with a pinned image and the mounts of the files monctl generates).

use crate::spec::routing::Secret;
use crate::spec::Duration;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The services of the stack.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Stack {
    /// The Compose project name (top-level `name:`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The services by name (the name is the host name other services reach it by).
    #[serde(default)]
    pub services: BTreeMap<String, Service>,
}

/// A standard service monctl knows: a pinned image, its ports, and the mounts of the generated
/// files it reads.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Preset {
    Prometheus,
    Alertmanager,
    Grafana,
    NodeExporter,
    MysqldExporter,
    RedisExporter,
    ElasticsearchExporter,
    Elasticsearch,
    Kibana,
    Fluentd,
    Jaeger,
    DingtalkBridge,
}

impl Preset {
    pub const ALL: [Preset; 12] = [
        Preset::Prometheus,
        Preset::Alertmanager,
        Preset::Grafana,
        Preset::NodeExporter,
        Preset::MysqldExporter,
        Preset::RedisExporter,
        Preset::ElasticsearchExporter,
        Preset::Elasticsearch,
        Preset::Kibana,
        Preset::Fluentd,
        Preset::Jaeger,
        Preset::DingtalkBridge,
    ];
}

/// One service (a Compose `services.<name>` entry).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// Start from a standard service: its pinned image, ports, command, mounts and healthcheck.
    /// Fields given here override the preset's (environment, volumes and depends_on add to it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preset: Option<Preset>,
    /// `repository[:tag][@digest]`; the tag must be pinned (not `latest`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// Build the image from a folder of the output instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub build: Option<Build>,
    /// The container's command (arguments to its entrypoint).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub command: Option<Vec<String>>,
    /// Published ports: `HOST:CONTAINER`, `CONTAINER`, with `/udp` or `/tcp`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ports: Option<Vec<PortMapping>>,
    /// Ports open to the other services only (not published on the host).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub expose: Vec<u16>,
    /// Environment variables; secrets as `{env: NAME}` (from `.env`) or `{file: PATH}` (a Compose
    /// secret, passed as `NAME_FILE`), never literally.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub environment: BTreeMap<String, EnvValue>,
    /// Volumes: `SOURCE:TARGET[:ro]`; a SOURCE without `/` or `.` is a named volume.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub volumes: Vec<String>,
    /// CPU and memory limits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resources: Option<Resources>,
    /// How Compose checks that the service is healthy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub healthcheck: Option<Healthcheck>,
    /// Services started before this one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub depends_on: Vec<String>,
    /// `no`, `always`, `on-failure`, `unless-stopped`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restart: Option<String>,
    /// Container labels.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, String>,
}

/// A build context (a folder, relative to the output folder) and its Dockerfile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Build {
    pub context: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dockerfile: Option<String>,
}

/// An environment variable's value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum EnvValue {
    /// `{env: NAME}`, `{file: PATH}` or a string.
    Text(Secret),
    Flag(bool),
    Integer(i64),
    Number(f64),
}

impl EnvValue {
    /// A literal value as text (None for references).
    pub fn literal(&self) -> Option<String> {
        match self {
            EnvValue::Text(Secret::Literal(s)) => Some(s.clone()),
            EnvValue::Text(_) => None,
            EnvValue::Flag(b) => Some(b.to_string()),
            EnvValue::Integer(i) => Some(i.to_string()),
            EnvValue::Number(n) => Some(n.to_string()),
        }
    }

    pub fn text(value: impl Into<String>) -> Self {
        EnvValue::Text(Secret::Literal(value.into()))
    }

    pub fn env_ref(name: impl Into<String>) -> Self {
        EnvValue::Text(Secret::Env(crate::spec::routing::secret::SecretEnv {
            env: name.into(),
        }))
    }
}

/// Transport protocol of a port.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Protocol {
    Tcp,
    Udp,
}

/// A port mapping, written `HOST:CONTAINER[/PROTO]` or `CONTAINER[/PROTO]` (Compose short syntax).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct PortMapping {
    pub host_ip: Option<String>,
    pub host: Option<u16>,
    pub container: u16,
    pub protocol: Protocol,
}

impl PortMapping {
    pub fn tcp(host: u16, container: u16) -> Self {
        PortMapping {
            host_ip: None,
            host: Some(host),
            container,
            protocol: Protocol::Tcp,
        }
    }

    pub fn parse(text: &str) -> Result<Self, String> {
        let (addr, protocol) = match text.rsplit_once('/') {
            Some((a, "tcp")) => (a, Protocol::Tcp),
            Some((a, "udp")) => (a, Protocol::Udp),
            Some((_, p)) => return Err(format!("unknown protocol `{p}` (tcp or udp)")),
            None => (text, Protocol::Tcp),
        };
        let port = |s: &str| -> Result<u16, String> {
            s.parse::<u16>()
                .ok()
                .filter(|p| *p > 0)
                .ok_or_else(|| format!("`{s}` is not a port number (1-65535)"))
        };
        let parts: Vec<&str> = addr.split(':').collect();
        let (host_ip, host, container) = match parts.as_slice() {
            [c] => (None, None, port(c)?),
            [h, c] => (None, Some(port(h)?), port(c)?),
            [ip, h, c] => (Some(ip.to_string()), Some(port(h)?), port(c)?),
            _ => return Err(format!("`{text}` is not HOST:CONTAINER or CONTAINER")),
        };
        Ok(PortMapping {
            host_ip,
            host,
            container,
            protocol,
        })
    }
}

impl std::fmt::Display for PortMapping {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(ip) = &self.host_ip {
            write!(f, "{ip}:")?;
        }
        if let Some(h) = self.host {
            write!(f, "{h}:")?;
        }
        write!(f, "{}", self.container)?;
        if self.protocol == Protocol::Udp {
            write!(f, "/udp")?;
        }
        Ok(())
    }
}

impl Serialize for PortMapping {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for PortMapping {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Number(u16),
            Text(String),
        }
        match Raw::deserialize(d)? {
            Raw::Number(n) => PortMapping::parse(&n.to_string()),
            Raw::Text(t) => PortMapping::parse(&t),
        }
        .map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for PortMapping {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PortMapping".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A port: `HOST:CONTAINER`, `IP:HOST:CONTAINER` or `CONTAINER`, optionally with `/tcp` or `/udp`.",
            "anyOf": [
                {"type": "string", "pattern": "^([0-9.]+:)?([0-9]{1,5}:)?[0-9]{1,5}(/(tcp|udp))?$"},
                {"type": "integer", "minimum": 1, "maximum": 65535}
            ]
        })
    }
}

/// CPU and memory limits (`deploy.resources.limits`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Resources {
    /// CPUs, e.g. `0.5`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpus: Option<f64>,
    /// Memory with a unit: `512m`, `2g`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<String>,
}

/// A Compose healthcheck.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Healthcheck {
    /// `["CMD", ...]` or `["CMD-SHELL", "..."]`.
    pub test: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<Duration>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<Duration>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retries: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_period: Option<Duration>,
}
