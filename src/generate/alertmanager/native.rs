//! Alertmanager's shape for integrations whose spec types already carry Alertmanager's field
//! names: the type is serialized, absent and empty fields dropped, secret references written as
//! the field's `*_file` form (`{file: P}`) or `${NAME}` (`{env: NAME}`), and `http_config` and
//! `tls_config` blocks written as the rest of alertmanager.yml writes them.

use super::http_config;
use crate::generate::prometheus::tls_config;
use crate::spec::routing::HttpConfig;
use crate::spec::scrape::TlsConfig;
use serde::Serialize;
use serde_json::{Map, Value};

/// `value` (an integration config) in alertmanager.yml's shape.
pub fn native(value: &impl Serialize) -> Value {
    let mut out = serde_json::to_value(value).unwrap_or(Value::Null);
    reshape(&mut out);
    out
}

fn reshape(value: &mut Value) {
    match value {
        Value::Object(map) => {
            let taken = std::mem::take(map);
            let mut out = Map::new();
            for (key, mut child) in taken {
                if let Some((name, rendered)) = secret(&key, &child) {
                    out.insert(name, rendered);
                    continue;
                }
                match key.as_str() {
                    "http_config" => {
                        if let Ok(http) = serde_json::from_value::<HttpConfig>(child.clone()) {
                            child = http_config(&http);
                        }
                    }
                    "tls_config" => {
                        if let Ok(tls) = serde_json::from_value::<TlsConfig>(child.clone()) {
                            child = tls_config(&tls);
                        }
                    }
                    _ => reshape(&mut child),
                }
                if !is_empty(&child) {
                    out.insert(key, child);
                }
            }
            *map = out;
        }
        Value::Array(items) => items.iter_mut().for_each(reshape),
        _ => {}
    }
}

/// A secret reference (`{file: P}` or `{env: NAME}`) under `key`, rendered.
fn secret(key: &str, value: &Value) -> Option<(String, Value)> {
    let Value::Object(map) = value else {
        return None;
    };
    if map.len() != 1 {
        return None;
    }
    match map.iter().next() {
        Some((k, Value::String(path))) if k == "file" => {
            Some((format!("{key}_file"), Value::from(path.clone())))
        }
        Some((k, Value::String(name))) if k == "env" => Some((
            key.to_string(),
            Value::from(crate::spec::routing::Secret::env_placeholder(name)),
        )),
        _ => None,
    }
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    }
}
