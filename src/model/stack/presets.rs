//! The standard services: for each preset its pinned image, ports, command, healthcheck and the
//! mounts of the files monctl generates for it (read-only, where the tool reads them), and the
//! container path where each generated file is read ([`reader`]) — the one table both the
//! compose generator and the mount check use.

use crate::spec::stack::{Build, EnvValue, Healthcheck, PortMapping, Preset};
use crate::spec::{Duration, Spec};
use std::collections::BTreeMap;

/// What a preset contributes to a service.
#[derive(Debug, Clone, Default)]
pub struct PresetDefaults {
    pub image: Option<&'static str>,
    pub build: Option<Build>,
    pub command: Vec<String>,
    pub ports: Vec<PortMapping>,
    pub expose: Vec<u16>,
    pub environment: BTreeMap<String, EnvValue>,
    pub volumes: Vec<String>,
    pub healthcheck: Option<Healthcheck>,
}

/// The pinned image of each preset: the newest stable release of each project, checked against
/// its published tags (docs/stack.md lists the sources). Elasticsearch and Kibana stay on the 8
/// line, which the logs section's bodies, the Fluentd plugin and the type-checks are written for.
pub fn image(preset: Preset) -> Option<&'static str> {
    Some(match preset {
        Preset::Prometheus => "prom/prometheus:v3.15.0",
        Preset::Alertmanager => "prom/alertmanager:v0.34.1",
        Preset::Grafana => "grafana/grafana:13.2.3",
        Preset::NodeExporter => "prom/node-exporter:v1.12.1",
        Preset::MysqldExporter => "prom/mysqld-exporter:v0.20.0",
        Preset::RedisExporter => "oliver006/redis_exporter:v1.93.0",
        Preset::ElasticsearchExporter => "prometheuscommunity/elasticsearch-exporter:v1.11.0",
        Preset::Elasticsearch => "docker.elastic.co/elasticsearch/elasticsearch:8.19.22",
        Preset::Kibana => "docker.elastic.co/kibana/kibana:8.19.22",
        Preset::Fluentd => return None,
        // Jaeger v2 (one binary on the OpenTelemetry Collector, configured by jaeger/config.yaml);
        // v1 (`jaegertracing/all-in-one`) reached its end of life on 2025-12-31.
        Preset::Jaeger => JAEGER_IMAGE,
        // The bridge's last release (the project publishes no newer one).
        Preset::DingtalkBridge => "timonwong/prometheus-webhook-dingtalk:v2.1.0",
    })
}

/// The Jaeger v2 image.
pub const JAEGER_IMAGE: &str = "jaegertracing/jaeger:2.22.0";

/// True when `image` is Jaeger v2 (`jaegertracing/jaeger`, on Docker Hub or Jaeger's registry),
/// which reads the generated jaeger/config.yaml.
pub fn is_jaeger_v2(image: &str) -> bool {
    let image = image.split('@').next().unwrap_or(image);
    let repo = match (image.rfind(':'), image.rfind('/')) {
        (Some(colon), slash) if slash.is_none_or(|s| colon > s) => &image[..colon],
        _ => image,
    };
    matches!(
        repo,
        "jaegertracing/jaeger"
            | "docker.io/jaegertracing/jaeger"
            | "cr.jaegertracing.io/jaegertracing/jaeger"
    )
}

/// The base image of the Fluentd build (fluentd/Dockerfile adds the Elasticsearch plugin).
pub const FLUENTD_BASE_IMAGE: &str = "fluent/fluentd:v1.19.3-debian-2.2";

/// The port each preset serves its HTTP API (or metrics) on.
pub fn main_port(preset: Preset) -> u16 {
    match preset {
        Preset::Prometheus => 9090,
        Preset::Alertmanager => 9093,
        Preset::Grafana => 3000,
        Preset::NodeExporter => 9100,
        Preset::MysqldExporter => 9104,
        Preset::RedisExporter => 9121,
        Preset::ElasticsearchExporter => 9114,
        Preset::Elasticsearch => 9200,
        Preset::Kibana => 5601,
        Preset::Fluentd => 24224,
        Preset::Jaeger => 16686,
        Preset::DingtalkBridge => 8060,
    }
}

/// The preset an image (or, for a build, a service name) stands for.
pub fn infer(image: Option<&str>, name: &str) -> Option<Preset> {
    let repo = image.map(|i| {
        let without_digest = i.split('@').next().unwrap_or(i);
        let last = without_digest.rsplit('/').next().unwrap_or(without_digest);
        last.split(':').next().unwrap_or(last).to_string()
    });
    let key = repo.as_deref().unwrap_or(name);
    Some(match key {
        "prometheus" => Preset::Prometheus,
        "alertmanager" => Preset::Alertmanager,
        "grafana" | "grafana-oss" | "grafana-enterprise" => Preset::Grafana,
        "node-exporter" => Preset::NodeExporter,
        "mysqld-exporter" => Preset::MysqldExporter,
        "redis_exporter" | "redis-exporter" => Preset::RedisExporter,
        "elasticsearch-exporter" | "elasticsearch_exporter" => Preset::ElasticsearchExporter,
        "elasticsearch" => Preset::Elasticsearch,
        "kibana" => Preset::Kibana,
        "fluentd" => Preset::Fluentd,
        "all-in-one" | "jaeger" => Preset::Jaeger,
        "prometheus-webhook-dingtalk" => Preset::DingtalkBridge,
        _ => return None,
    })
}

/// Where a generated file (path relative to the output folder) is read: by which service and at
/// which container path.
pub fn reader(path: &str) -> Option<(Preset, String)> {
    let (preset, dir, rest) = if path == "prometheus.yml" || path.starts_with("rules/") {
        (Preset::Prometheus, "/etc/prometheus", path)
    } else if path == "alertmanager.yml" || path.starts_with("templates/") {
        (Preset::Alertmanager, "/etc/alertmanager", path)
    } else if let Some(rest) = path.strip_prefix("grafana/provisioning/") {
        (Preset::Grafana, "/etc/grafana/provisioning", rest)
    } else if let Some(rest) = path.strip_prefix("grafana/dashboards/") {
        (Preset::Grafana, GRAFANA_DASHBOARDS, rest)
    } else if path == "fluentd/fluent.conf" {
        (Preset::Fluentd, "/fluentd/etc", "fluent.conf")
    } else if let Some(rest) = path.strip_prefix("jaeger/") {
        // config.yaml and sampling.json, mounted as a folder
        (Preset::Jaeger, "/etc/jaeger", rest)
    } else if let Some(rest) = path.strip_prefix("dingtalk/") {
        (
            Preset::DingtalkBridge,
            "/etc/prometheus-webhook-dingtalk",
            rest,
        )
    } else {
        return None;
    };
    Some((preset, format!("{dir}/{rest}")))
}

/// Where the Jaeger preset reads its configuration (jaeger/config.yaml of the output).
pub const JAEGER_CONFIG: &str = "/etc/jaeger/config.yaml";

/// The name of the spec's service playing `role` (by preset, image or name).
pub fn service_with_role(spec: &Spec, role: Preset) -> Option<&str> {
    let stack = spec.stack.as_ref()?;
    stack
        .services
        .iter()
        .find(|(name, s)| s.preset.or_else(|| infer(s.image.as_deref(), name)) == Some(role))
        .map(|(name, _)| name.as_str())
}

/// The name of the spec's service running one of `repositories` (the image's last path segment,
/// or the service's name when it has no image), else `fallback`.
fn host_of<'a>(spec: &'a Spec, repositories: &[&str], fallback: &'a str) -> &'a str {
    let repo = |image: &str| {
        let image = image.split('@').next().unwrap_or(image);
        let last = image.rsplit('/').next().unwrap_or(image);
        last.split(':').next().unwrap_or(last).to_string()
    };
    spec.stack
        .as_ref()
        .and_then(|stack| {
            stack.services.iter().find(|(name, s)| {
                let r = s
                    .image
                    .as_deref()
                    .map(repo)
                    .unwrap_or_else(|| name.to_string());
                s.preset.is_none() && repositories.contains(&r.as_str())
            })
        })
        .map_or(fallback, |(name, _)| name.as_str())
}

/// The stack's Elasticsearch as the other services reach it.
fn elasticsearch_url(spec: &Spec) -> String {
    let host = service_with_role(spec, Preset::Elasticsearch).unwrap_or("elasticsearch");
    format!("http://{host}:{}", main_port(Preset::Elasticsearch))
}

/// The folder Grafana's dashboard provider reads (the dashboards are mounted there).
pub const GRAFANA_DASHBOARDS: &str = "/var/lib/grafana/dashboards";

fn env(pairs: &[(&str, &str)]) -> BTreeMap<String, EnvValue> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), EnvValue::text(*v)))
        .collect()
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn http_check(url: &str) -> Option<Healthcheck> {
    Some(Healthcheck {
        test: strings(&["CMD", "wget", "-q", "--spider", url]),
        interval: Some(Duration::from_secs(30)),
        timeout: Some(Duration::from_secs(5)),
        retries: Some(3),
        start_period: None,
    })
}

/// What `preset` adds to a service of the spec.
pub fn defaults(preset: Preset, spec: &Spec) -> PresetDefaults {
    let mut d = PresetDefaults {
        image: image(preset),
        ..PresetDefaults::default()
    };
    let port = main_port(preset);
    match preset {
        Preset::Prometheus => {
            d.ports = vec![PortMapping::tcp(port, port)];
            d.command = strings(&[
                "--config.file=/etc/prometheus/prometheus.yml",
                "--storage.tsdb.path=/prometheus",
                "--storage.tsdb.retention.time=30d",
                "--web.enable-lifecycle",
            ]);
            d.volumes = vec!["./prometheus.yml:/etc/prometheus/prometheus.yml:ro".into()];
            if !spec.rules.groups.is_empty() || spec.slos.is_some() {
                d.volumes.push("./rules:/etc/prometheus/rules:ro".into());
            }
            d.volumes.push("prometheus_data:/prometheus".into());
            d.healthcheck = http_check("http://localhost:9090/-/healthy");
        }
        Preset::Alertmanager => {
            d.ports = vec![PortMapping::tcp(port, port)];
            d.command = strings(&[
                "--config.file=/etc/alertmanager/alertmanager.yml",
                "--storage.path=/alertmanager",
            ]);
            d.volumes = vec![
                "./alertmanager.yml:/etc/alertmanager/alertmanager.yml:ro".into(),
                "./templates:/etc/alertmanager/templates:ro".into(),
                "alertmanager_data:/alertmanager".into(),
            ];
            d.healthcheck = http_check("http://localhost:9093/-/healthy");
        }
        Preset::Grafana => {
            d.ports = vec![PortMapping::tcp(port, port)];
            d.environment = env(&[("GF_USERS_ALLOW_SIGN_UP", "false")]);
            d.environment.insert(
                "GF_SECURITY_ADMIN_PASSWORD".into(),
                EnvValue::env_ref("GRAFANA_ADMIN_PASSWORD"),
            );
            d.volumes = vec![
                "./grafana/provisioning:/etc/grafana/provisioning:ro".into(),
                format!("./grafana/dashboards:{GRAFANA_DASHBOARDS}:ro"),
                "grafana_data:/var/lib/grafana".into(),
            ];
            d.healthcheck = http_check("http://localhost:3000/api/health");
        }
        Preset::NodeExporter => {
            d.expose = vec![port];
            d.command = strings(&[
                "--path.procfs=/host/proc",
                "--path.sysfs=/host/sys",
                "--path.rootfs=/rootfs",
                "--collector.filesystem.mount-points-exclude=^/(sys|proc|dev|host|etc)($|/)",
            ]);
            d.volumes = strings(&["/proc:/host/proc:ro", "/sys:/host/sys:ro", "/:/rootfs:ro"]);
        }
        Preset::MysqldExporter => {
            d.expose = vec![port];
            let mysql = host_of(
                spec,
                &["mysql", "mariadb", "percona", "percona-server"],
                "mysql",
            );
            d.command = vec![
                format!("--mysqld.address={mysql}:3306"),
                "--mysqld.username=exporter".into(),
            ];
            d.environment.insert(
                "MYSQLD_EXPORTER_PASSWORD".into(),
                EnvValue::env_ref("MYSQLD_EXPORTER_PASSWORD"),
            );
        }
        Preset::RedisExporter => {
            d.expose = vec![port];
            let redis = host_of(spec, &["redis", "valkey", "redis-stack-server"], "redis");
            d.environment = env(&[("REDIS_ADDR", &format!("redis://{redis}:6379"))]);
        }
        Preset::ElasticsearchExporter => {
            d.expose = vec![port];
            d.command = vec![format!("--es.uri={}", elasticsearch_url(spec))];
        }
        Preset::Elasticsearch => {
            d.ports = vec![PortMapping::tcp(port, port)];
            d.environment = env(&[
                ("discovery.type", "single-node"),
                ("ES_JAVA_OPTS", "-Xms512m -Xmx512m"),
                ("xpack.security.enabled", "false"),
            ]);
            d.volumes = vec!["elasticsearch_data:/usr/share/elasticsearch/data".into()];
            d.healthcheck = Some(Healthcheck {
                test: strings(&[
                    "CMD-SHELL",
                    "curl -fs http://localhost:9200/_cluster/health || exit 1",
                ]),
                interval: Some(Duration::from_secs(30)),
                timeout: Some(Duration::from_secs(10)),
                retries: Some(5),
                start_period: Some(Duration::from_secs(60)),
            });
        }
        Preset::Kibana => {
            d.ports = vec![PortMapping::tcp(port, port)];
            d.environment = env(&[("ELASTICSEARCH_HOSTS", &elasticsearch_url(spec))]);
        }
        Preset::Fluentd => {
            d.build = Some(Build {
                context: "./fluentd".into(),
                dockerfile: None,
            });
            d.ports = vec![
                PortMapping::tcp(port, port),
                PortMapping {
                    protocol: crate::spec::stack::Protocol::Udp,
                    ..PortMapping::tcp(port, port)
                },
            ];
            if spec.logs.is_some() {
                d.volumes = vec!["./fluentd/fluent.conf:/fluentd/etc/fluent.conf:ro".into()];
            }
        }
        Preset::Jaeger => {
            // Jaeger v2: the UI and OTLP published; the remote sampling endpoint (HTTP 5778,
            // gRPC 5779), the legacy Jaeger receivers (thrift_http 14268, gRPC 14250) and the
            // health check (13133) reachable by the other services; thrift_compact on 6831/udp
            // for the Jaeger client libraries' agent protocol.
            d.ports = [16686, 4317, 4318]
                .into_iter()
                .map(|p| PortMapping::tcp(p, p))
                .collect();
            d.ports.push(PortMapping {
                protocol: crate::spec::stack::Protocol::Udp,
                ..PortMapping::tcp(6831, 6831)
            });
            d.expose = vec![5778, 5779, 13133, 14250, 14268];
            d.command = vec![format!("--config={JAEGER_CONFIG}")];
            d.volumes = vec!["./jaeger:/etc/jaeger:ro".into()];
        }
        Preset::DingtalkBridge => {
            d.expose = vec![port];
            d.command = strings(&[
                "--config.file=/etc/prometheus-webhook-dingtalk/config.yml",
                "--web.listen-address=:8060",
            ]);
            d.volumes =
                vec!["./dingtalk/config.yml:/etc/prometheus-webhook-dingtalk/config.yml:ro".into()];
        }
    }
    d
}
