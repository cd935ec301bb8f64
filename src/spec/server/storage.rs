//! prometheus.yml's `storage` section: the TSDB's runtime-reloadable settings (out-of-order
//! window, retention by time, size or share of the disk, float chunk encoding) and the exemplar
//! buffer, in Prometheus' field names; with the load checks Prometheus makes on them.

use super::sizes::{check_size, size_is_negative};
use crate::codes::INVALID_VALUE;
use crate::diagnostic::{Diagnostic, SpecPath};
use crate::spec::types::Duration;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `storage`: the TSDB and exemplar storage.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StorageConfig {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tsdb: Option<TsdbConfig>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exemplars: Option<ExemplarsConfig>,
}

/// `storage.tsdb`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TsdbConfig {
    /// How far back in time an out-of-order sample may still be ingested (default 0s: none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub out_of_order_time_window: Option<Duration>,
    /// Retention settings; they take precedence over the `--storage.tsdb.retention.*` flags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention: Option<TsdbRetention>,
    /// Experimental: the share of stale series in the head block (0 to 1) past which they are
    /// compacted out of memory early (Prometheus 3.10+).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stale_series_compaction_threshold: Option<f64>,
    /// The encoding of new chunks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chunk_encoding: Option<ChunkEncoding>,
}

/// `storage.tsdb.retention`: blocks are deleted once any limit is exceeded.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TsdbRetention {
    /// How long samples are kept: a Prometheus duration such as `15d`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// Most bytes the blocks may take, with a unit: `512MB`, `1GiB` (0: no limit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<String>,
    /// Most of the disk the blocks may take, in percent (0 to 100; 0: no limit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percentage: Option<f64>,
}

/// `storage.tsdb.chunk_encoding`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChunkEncoding {
    /// `xor` (default) or `xor2` (needs the `xor2-encoding` feature flag).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub floats: Option<String>,
}

/// `storage.exemplars`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExemplarsConfig {
    /// Size of the circular exemplar buffer (default 100000; 0 or less disables exemplar storage).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_exemplars: Option<i64>,
}

/// What Prometheus refuses in `storage` (`path`: the `storage` key).
pub fn validate(storage: &StorageConfig, path: &SpecPath, out: &mut Vec<Diagnostic>) {
    let Some(tsdb) = &storage.tsdb else {
        return;
    };
    let tpath = path.key("tsdb");
    if let Some(retention) = &tsdb.retention {
        let rpath = tpath.key("retention");
        if let Some(time) = &retention.time {
            if Duration::parse(time).is_none() {
                out.push(
                    Diagnostic::error(
                        INVALID_VALUE,
                        rpath.key("time"),
                        format!("not a valid duration string: {time:?}"),
                    )
                    .with_help("write a number and a unit, largest unit first: 15d, 12h, 1w (units: ms, s, m, h, d, w, y)"),
                );
            }
        }
        if let Some(size) = &retention.size {
            if size_is_negative(size) {
                out.push(
                    Diagnostic::error(
                        INVALID_VALUE,
                        rpath.key("size"),
                        "'storage.tsdb.retention.size' must be greater than or equal to 0",
                    )
                    .with_help("give the most bytes the blocks may take, like 512MB or 1GiB"),
                );
            } else if let Some(d) = check_size(size, &rpath.key("size")) {
                out.push(d);
            }
        }
        if let Some(p) = retention.percentage {
            if !(0.0..=100.0).contains(&p) {
                out.push(
                    Diagnostic::error(
                        INVALID_VALUE,
                        rpath.key("percentage"),
                        "'storage.tsdb.retention.percentage' must be in the range [0, 100]",
                    )
                    .with_help("give the share of the disk in percent, 0 for no limit"),
                );
            }
        }
    }
    if let Some(floats) = tsdb.chunk_encoding.as_ref().and_then(|c| c.floats.as_ref()) {
        if floats != "xor" && floats != "xor2" {
            out.push(
                Diagnostic::error(
                    INVALID_VALUE,
                    tpath.key("chunk_encoding").key("floats"),
                    format!("'storage.tsdb.chunk_encoding.floats' must be 'xor' or 'xor2', or the field must be omitted entirely, got {floats:?}"),
                )
                .with_help("use xor (the default) or xor2, in lower case"),
            );
        }
    }
}
