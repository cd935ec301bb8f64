//! prometheus.yml's `tracing` section: where Prometheus sends its own OpenTelemetry traces
//! (OTLP over gRPC or HTTP), in Prometheus' field names; with the load checks Prometheus makes.

use crate::codes::INVALID_VALUE;
use crate::diagnostic::{Diagnostic, SpecPath};
use crate::spec::scrape::TlsConfig;
use crate::spec::types::Duration;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The OTLP transport.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum TracingClientType {
    Grpc,
    Http,
}

/// `tracing`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TracingConfig {
    /// `grpc` (default) or `http`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_type: Option<TracingClientType>,
    /// The collector's `host:port` (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<String>,
    /// Share of traces sampled, 0 to 1 (default 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sampling_fraction: Option<f64>,
    /// Send without TLS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insecure: Option<bool>,
    /// Headers sent with each export (not Authorization nor reserved ones).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub headers: BTreeMap<String, String>,
    /// `gzip`, or none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compression: Option<String>,
    /// Most time an export may take (default 10s).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<Duration>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tls_config: Option<TlsConfig>,
}

/// What Prometheus refuses in `tracing` (`path`: the `tracing` key).
pub fn validate(tracing: &TracingConfig, path: &SpecPath, out: &mut Vec<Diagnostic>) {
    for header in tracing.headers.keys() {
        let lower = header.to_ascii_lowercase();
        let message = if lower == "authorization" {
            "custom authorization header configuration is not yet supported".to_string()
        } else if crate::spec::validate::RESERVED_HEADERS.contains(&lower.as_str()) {
            format!("{lower} is a reserved header. It must not be changed")
        } else {
            continue;
        };
        out.push(
            Diagnostic::error(INVALID_VALUE, path.key("headers").key(header), message)
                .with_help("remove the header; Prometheus sets it itself or cannot send it here"),
        );
    }
    if tracing.endpoint.as_deref().is_none_or(str::is_empty) {
        out.push(
            Diagnostic::error(
                INVALID_VALUE,
                path.key("endpoint"),
                "tracing endpoint must be set",
            )
            .with_help("give the OTLP collector's host:port, e.g. endpoint: localhost:4317"),
        );
    }
    if let Some(c) = &tracing.compression {
        if !c.is_empty() && c != "gzip" {
            out.push(
                Diagnostic::error(
                    INVALID_VALUE,
                    path.key("compression"),
                    format!("invalid compression type {c} provided, valid options: gzip"),
                )
                .with_help("use compression: gzip, or leave it out"),
            );
        }
    }
}
