//! jaeger/config.yaml: the configuration of Jaeger v2 (one binary on the OpenTelemetry Collector),
//! for each Jaeger service running the v2 image: OTLP (4317 gRPC, 4318 HTTP) and the legacy Jaeger
//! receivers (gRPC 14250, thrift_http 14268, thrift_compact 6831/udp for the Jaeger client
//! libraries' agent protocol), in-memory trace storage, the query service and UI on 16686, the
//! health check on 13133, and the `remote_sampling` extension serving jaeger/sampling.json on
//! 5778 (HTTP `/sampling`) and 5779 (gRPC) when the spec has a `tracing` section. Every endpoint
//! listens on all interfaces: the Collector's components default to localhost, which other
//! containers cannot reach.

use super::super::yaml::document;
use super::Artifact;
use crate::model::Model;
use crate::spec::stack::Preset;
use serde_json::{json, Map, Value};

/// Where the sampling strategies file is read (jaeger/sampling.json mounted with its folder).
const SAMPLING_FILE: &str = "/etc/jaeger/sampling.json";

fn endpoint(port: u16) -> Value {
    json!({ "endpoint": format!("0.0.0.0:{port}") })
}

pub fn config(model: &Model) -> Option<Artifact> {
    let runs_v2 = model.stack.with_role(Preset::Jaeger).any(|s| {
        s.image
            .as_deref()
            .is_some_and(crate::model::StackModel::is_jaeger_v2)
    });
    if !runs_v2 {
        return None;
    }
    let sampling = model.spec.tracing.is_some();
    let mut extensions = vec!["jaeger_storage", "jaeger_query"];
    if sampling {
        extensions.push("remote_sampling");
    }
    extensions.push("healthcheckv2");
    let mut ext = Map::new();
    ext.insert(
        "healthcheckv2".into(),
        json!({"use_v2": true, "http": endpoint(13133)}),
    );
    ext.insert(
        "jaeger_query".into(),
        json!({"storage": {"traces": "memstore"}, "http": endpoint(16686), "grpc": endpoint(16685)}),
    );
    ext.insert(
        "jaeger_storage".into(),
        json!({"backends": {"memstore": {"memory": {"max_traces": 100000}}}}),
    );
    if sampling {
        ext.insert(
            "remote_sampling".into(),
            json!({
                "file": {"path": SAMPLING_FILE, "reload_interval": "30s"},
                "http": endpoint(5778),
                "grpc": endpoint(5779),
            }),
        );
    }
    let body = json!({
        "service": {
            "extensions": extensions,
            "pipelines": {
                "traces": {
                    "receivers": ["otlp", "jaeger"],
                    "processors": ["batch"],
                    "exporters": ["jaeger_storage_exporter"],
                }
            }
        },
        "extensions": Value::Object(ext),
        "receivers": {
            "otlp": {"protocols": {"grpc": endpoint(4317), "http": endpoint(4318)}},
            "jaeger": {"protocols": {
                "grpc": endpoint(14250),
                "thrift_http": endpoint(14268),
                "thrift_compact": endpoint(6831),
            }},
        },
        "processors": {"batch": {}},
        "exporters": {"jaeger_storage_exporter": {"trace_storage": "memstore"}},
    });
    Some(Artifact {
        path: "jaeger/config.yaml".into(),
        content: document(&body),
    })
}
