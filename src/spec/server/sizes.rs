//! Byte sizes as Prometheus reads them (`body_size_limit`, `storage.tsdb.retention.size`): one or
//! more numbers each with a unit (B, KB..EB, KiB..EiB), or a bare 0.

use crate::codes::INVALID_VALUE;
use crate::diagnostic::{Diagnostic, SpecPath};

const UNITS: &[&str] = &[
    "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "KB", "MB", "GB", "TB", "PB", "EB", "B",
];

/// Whether the size is written with a leading minus.
pub fn size_is_negative(size: &str) -> bool {
    size.trim_start().starts_with('-')
}

/// The unit Prometheus would not know in `size` (`Some("")` for a number without one), or
/// `None` when the size reads.
pub fn unknown_unit(size: &str) -> Option<String> {
    if size == "0" {
        return None;
    }
    let mut rest = size;
    if rest.is_empty() {
        return Some(String::new());
    }
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        if digits == 0 || rest[..digits].matches('.').count() > 1 {
            return Some(rest.to_string());
        }
        rest = &rest[digits..];
        let unit_len = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let unit = &rest[..unit_len];
        if !UNITS.contains(&unit) {
            return Some(unit.to_string());
        }
        rest = &rest[unit_len..];
    }
    None
}

/// The diagnostic for a size Prometheus refuses, in its words (`units: unknown unit X in S`).
pub fn check_size(size: &str, path: &SpecPath) -> Option<Diagnostic> {
    let unit = unknown_unit(size)?;
    Some(
        Diagnostic::error(
            INVALID_VALUE,
            path.clone(),
            format!("units: unknown unit {unit} in {size}"),
        )
        .with_help("write a number with a unit: B, KB, MB, GB, TB (or KiB, MiB, GiB...), e.g. 10MB; 0 for no limit"),
    )
}

#[cfg(test)]
mod tests {
    use super::unknown_unit;

    #[test]
    fn reads_sizes_like_prometheus() {
        for good in ["0", "100MB", "1.5GiB", "1GB512MB", "10B", "3EB"] {
            assert_eq!(unknown_unit(good), None, "{good}");
        }
        assert_eq!(unknown_unit("100").as_deref(), Some(""));
        assert_eq!(unknown_unit("10mb").as_deref(), Some("mb"));
        assert_eq!(unknown_unit("MB").as_deref(), Some("MB"));
        assert_eq!(unknown_unit("").as_deref(), Some(""));
    }
}
