//! jaeger/sampling.json: Jaeger's file-based sampling strategies (service_strategies with their
//! operation_strategies, default_strategy), served to the tracers on port 5778. Without a default
//! in the spec, Jaeger's own default (probabilistic 0.001) is written out.

use super::Artifact;
use crate::model::Model;
use crate::spec::stack::{OperationStrategy, SamplingType};
use serde_json::{json, Value};

fn kind(k: SamplingType) -> &'static str {
    match k {
        SamplingType::Probabilistic => "probabilistic",
        SamplingType::RateLimiting => "ratelimiting",
    }
}

fn operations(ops: &[OperationStrategy]) -> Option<Value> {
    (!ops.is_empty()).then(|| {
        ops.iter()
            .map(|o| json!({"operation": o.operation, "type": kind(o.kind), "param": o.param}))
            .collect()
    })
}

fn strategy(mut base: serde_json::Map<String, Value>, ops: &[OperationStrategy]) -> Value {
    if let Some(ops) = operations(ops) {
        base.insert("operation_strategies".into(), ops);
    }
    Value::Object(base)
}

pub fn sampling(model: &Model) -> Option<Artifact> {
    let tracing = model.spec.tracing.as_ref()?;
    let services: Vec<Value> = tracing
        .service_strategies
        .iter()
        .map(|s| {
            let mut m = serde_json::Map::new();
            m.insert("service".into(), json!(s.service));
            m.insert("type".into(), json!(kind(s.kind)));
            m.insert("param".into(), json!(s.param));
            strategy(m, &s.operation_strategies)
        })
        .collect();
    let default = match &tracing.default_strategy {
        Some(d) => {
            let mut m = serde_json::Map::new();
            m.insert("type".into(), json!(kind(d.kind)));
            m.insert("param".into(), json!(d.param));
            strategy(m, &d.operation_strategies)
        }
        None => json!({"type": "probabilistic", "param": 0.001}),
    };
    let body = json!({"service_strategies": services, "default_strategy": default});
    let mut content = serde_json::to_string_pretty(&body).unwrap_or_default();
    content.push('\n');
    Some(Artifact {
        path: "jaeger/sampling.json".into(),
        content,
    })
}
