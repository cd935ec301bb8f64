//! The finding for a label name the spec cannot take (`foo-bar`, `é`, `1st` as a rule label):
//! reported as an invalid label name, with the character set monctl keeps and why.

use crate::codes::INVALID_VALUE;
use crate::diagnostic::{Diagnostic, SpecPath};

/// `name` (at `path`) is not a label name.
pub fn invalid(name: &str, path: SpecPath) -> Diagnostic {
    let suggestion: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let suggestion = if suggestion.chars().all(|c| c == '_') {
        "my_label".to_string()
    } else if suggestion.starts_with(|c: char| c.is_ascii_digit()) {
        format!("_{suggestion}")
    } else {
        suggestion
    };
    Diagnostic::error(
        INVALID_VALUE,
        path,
        format!("`{name}` is not a valid label name"),
    )
    .with_help(format!(
        "label names use ASCII letters, digits and _, not starting with a digit (e.g. `{suggestion}`): the names every Prometheus and Alertmanager version reads (Prometheus 3 also takes other UTF-8 names, Prometheus 2 and promtool 2 refuse them)"
    ))
    .on_key()
}
