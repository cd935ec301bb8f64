//! .env.example: every environment variable the generated files reference (`{env: NAME}` anywhere
//! in the spec: service environments, Alertmanager secrets), with no value, each under a comment
//! saying where it is used. Copy it to `.env` and fill it in; never commit the filled file.

use super::super::yaml::HEADER;
use super::Artifact;
use crate::model::Model;
use serde_json::Value;
use std::collections::BTreeMap;

pub fn env_example(model: &Model) -> Option<Artifact> {
    model.spec.stack.as_ref()?;
    let mut uses: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for service in &model.stack.services {
        for (key, value) in &service.environment {
            if let crate::spec::stack::EnvValue::Text(crate::spec::routing::Secret::Env(e)) = value
            {
                uses.entry(e.env.clone())
                    .or_default()
                    .push(format!("stack.services.{}.environment.{key}", service.name));
            }
        }
    }
    let mut spec = serde_json::to_value(&model.spec).unwrap_or(Value::Null);
    if let Value::Object(o) = &mut spec {
        o.remove("stack");
    }
    walk(&spec, &mut String::new(), &mut uses);
    let mut text = String::from(HEADER);
    text.push_str("# The environment variables the generated files reference. Copy this file to .env,\n# set every value, and keep .env out of version control.\n");
    for (name, places) in &uses {
        text.push_str(&format!("\n# {}\n{name}=\n", places.join(", ")));
    }
    Some(Artifact {
        path: ".env.example".into(),
        content: text,
    })
}

fn walk(value: &Value, path: &mut String, uses: &mut BTreeMap<String, Vec<String>>) {
    match value {
        Value::Object(o) => {
            if let (1, Some(Value::String(name))) = (o.len(), o.get("env")) {
                uses.entry(name.clone()).or_default().push(path.clone());
                return;
            }
            for (k, v) in o {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
                walk(v, path, uses);
                path.truncate(len);
            }
        }
        Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                walk(v, path, uses);
                path.truncate(len);
            }
        }
        _ => {}
    }
}
