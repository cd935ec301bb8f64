//! prometheus.yml's `otlp` section: how the OTLP receiver turns OpenTelemetry metrics into series
//! (resource attribute promotion, name translation, NHCB conversion, label sanitization), in
//! Prometheus' field names; with the load checks Prometheus makes on them.

use crate::codes::{INVALID_FIELD_COMBINATION, INVALID_VALUE};
use crate::diagnostic::{Diagnostic, SpecPath};
use crate::spec::scrape::NameValidation;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The translation strategies Prometheus knows, in its spelling.
pub const TRANSLATION_STRATEGIES: &[&str] = &[
    "UnderscoreEscapingWithSuffixes",
    "UnderscoreEscapingWithoutSuffixes",
    "NoUTF8EscapingWithSuffixes",
    "NoTranslation",
];

/// `otlp`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OtlpConfig {
    /// Promote every resource attribute to a label (except `ignore_resource_attributes`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promote_all_resource_attributes: Option<bool>,
    /// Resource attributes promoted to labels (not with `promote_all_resource_attributes`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub promote_resource_attributes: Vec<String>,
    /// Resource attributes not promoted (only with `promote_all_resource_attributes`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ignore_resource_attributes: Vec<String>,
    /// How OTLP metric and label names become Prometheus names:
    /// `UnderscoreEscapingWithSuffixes` (default), `UnderscoreEscapingWithoutSuffixes`,
    /// `NoUTF8EscapingWithSuffixes` or `NoTranslation` (the last two need UTF-8 names).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translation_strategy: Option<String>,
    /// Keep `service.instance.id`, `service.name` and `service.namespace` on `target_info` too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keep_identifying_resource_attributes: Option<bool>,
    /// Convert OTLP explicit-bucket histograms to native histograms with custom buckets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub convert_histograms_to_nhcb: Option<bool>,
    /// Promote the OTel scope's name, version, schema URL and attributes to labels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promote_scope_metadata: Option<bool>,
    /// Prefix `key_` to label names starting with `_` (default true; with underscore escaping).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_name_underscore_sanitization: Option<bool>,
    /// Keep runs of underscores in label names (default true; with underscore escaping).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_name_preserve_multiple_underscores: Option<bool>,
}

/// What Prometheus refuses in `otlp` (`path`: the `otlp` key; `validation`: the global name
/// validation scheme).
pub fn validate(
    otlp: &OtlpConfig,
    validation: Option<NameValidation>,
    path: &SpecPath,
    out: &mut Vec<Diagnostic>,
) {
    if otlp.promote_all_resource_attributes == Some(true) {
        if !otlp.promote_resource_attributes.is_empty() {
            out.push(
                Diagnostic::error(
                    INVALID_FIELD_COMBINATION,
                    path.key("promote_resource_attributes"),
                    "'promote_all_resource_attributes' and 'promote_resource_attributes' cannot be configured simultaneously",
                )
                .with_help("keep one: list the attributes to promote, or promote all and list those to ignore"),
            );
        }
        attributes(
            &otlp.ignore_resource_attributes,
            "ignored",
            "ignore_resource_attributes",
            path,
            out,
        );
    } else {
        if !otlp.ignore_resource_attributes.is_empty() {
            out.push(
                Diagnostic::error(
                    INVALID_FIELD_COMBINATION,
                    path.key("ignore_resource_attributes"),
                    "'ignore_resource_attributes' cannot be configured unless 'promote_all_resource_attributes' is true",
                )
                .with_help("set promote_all_resource_attributes: true, or remove ignore_resource_attributes"),
            );
        }
        attributes(
            &otlp.promote_resource_attributes,
            "promoted",
            "promote_resource_attributes",
            path,
            out,
        );
    }
    if let Some(strategy) = &otlp.translation_strategy {
        let spath = path.key("translation_strategy");
        if !TRANSLATION_STRATEGIES.contains(&strategy.as_str()) {
            out.push(
                Diagnostic::error(
                    INVALID_VALUE,
                    spath,
                    format!("unsupported OTLP translation strategy {strategy:?}"),
                )
                .with_help(format!("use one of: {}", TRANSLATION_STRATEGIES.join(", "))),
            );
        } else if validation == Some(NameValidation::Legacy)
            && matches!(
                strategy.as_str(),
                "NoUTF8EscapingWithSuffixes" | "NoTranslation"
            )
        {
            out.push(
                Diagnostic::error(
                    INVALID_FIELD_COMBINATION,
                    spath,
                    format!("OTLP translation strategy {strategy:?} is not allowed when UTF8 is disabled"),
                )
                .with_help("global.metric_name_validation_scheme is legacy: use UnderscoreEscapingWithSuffixes or UnderscoreEscapingWithoutSuffixes"),
            );
        }
    }
}

/// Prometheus' check of an attribute list: no empty and no repeated names (after trimming).
fn attributes(
    list: &[String],
    adjective: &str,
    field: &str,
    path: &SpecPath,
    out: &mut Vec<Diagnostic>,
) {
    let mut seen = std::collections::HashSet::new();
    for (i, attribute) in list.iter().enumerate() {
        let name = attribute.trim();
        let problem = if name.is_empty() {
            format!("empty {adjective} OTel resource attribute")
        } else if !seen.insert(name) {
            format!("duplicated {adjective} OTel resource attribute {name:?}")
        } else {
            continue;
        };
        out.push(
            Diagnostic::error(
                INVALID_VALUE,
                path.key(field).index(i),
                format!("invalid '{field}': {problem}"),
            )
            .with_help("list each attribute once, by its name"),
        );
    }
}
