//! The finding for a label name the spec cannot take (`foo-bar`, `é`, `1st` as a rule label):
//! reported as an invalid label name, with the character set monctl keeps and why.

use crate::codes::INVALID_VALUE;
use crate::diagnostic::{Diagnostic, SpecPath};

/// `name` (at `path`) is not a label name.
pub fn invalid(name: &str, path: SpecPath) -> Diagnostic {
    let suggestion = legacy_spelling(name);
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

/// Whether `name` is a label name of the legacy set (`[a-zA-Z_][a-zA-Z0-9_]*`), which every
/// Prometheus and Alertmanager version reads.
pub fn is_legacy(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The legacy spelling closest to `name`.
fn legacy_spelling(name: &str) -> String {
    let spelled: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    if spelled.chars().all(|c| c == '_') {
        "my_label".to_string()
    } else if spelled.starts_with(|c: char| c.is_ascii_digit()) {
        format!("_{spelled}")
    } else {
        spelled
    }
}

/// Findings for the label or annotation names of a rule (`what`: "label" or "annotation"),
/// as the rule files' readers judge them: Prometheus 3 reads any non-empty UTF-8 name
/// (`metric_name_validation_scheme: utf8`, its default); with `legacy` it refuses the others
/// ("invalid annotation name: ins-tance"), and so do Prometheus 2 and promtool 2, which is what
/// a spec that does not say its scheme is warned of.
pub fn rule_names<'a>(
    names: impl Iterator<Item = &'a String>,
    path: &SpecPath,
    what: &str,
    scheme: Option<crate::spec::scrape::NameValidation>,
) -> Vec<Diagnostic> {
    use crate::spec::scrape::NameValidation;
    let mut out = Vec::new();
    for name in names {
        if is_legacy(name) {
            continue;
        }
        let at = path.key(name);
        let spelled = legacy_spelling(name);
        let finding = if name.is_empty() {
            Diagnostic::error(
                INVALID_VALUE,
                at,
                format!("invalid {what} name: the name is empty"),
            )
            .with_help(format!("name the {what}, e.g. `{spelled}`"))
        } else {
            match scheme {
                Some(NameValidation::Utf8) => continue,
                Some(NameValidation::Legacy) => Diagnostic::error(
                    INVALID_VALUE,
                    at,
                    format!("invalid {what} name: {name}"),
                )
                .with_help(format!(
                    "scrape.global.metric_name_validation_scheme is legacy, which allows ASCII letters, digits and _ only: rename it `{spelled}`"
                )),
                None => Diagnostic::warning(
                    INVALID_VALUE,
                    at,
                    format!("`{name}` is a UTF-8 {what} name: Prometheus 3 reads it, Prometheus 2 and promtool 2 refuse the rule file (\"invalid {what} name: {name}\")"),
                )
                .with_help(format!(
                    "rename it `{spelled}` for every version, or set scrape.global.metric_name_validation_scheme: utf8 to say the setup is Prometheus 3"
                )),
            }
        };
        out.push(finding.on_key());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::scrape::NameValidation;

    fn findings(names: &[&str], scheme: Option<NameValidation>) -> Vec<(bool, String)> {
        let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        rule_names(names.iter(), &SpecPath::root(), "annotation", scheme)
            .into_iter()
            .map(|d| (d.is_error(), d.message))
            .collect()
    }

    #[test]
    fn utf8_names_follow_the_validation_scheme() {
        let names = ["summary", "_x1", "ins-tance", "région"];
        assert!(findings(&names, Some(NameValidation::Utf8)).is_empty());
        let legacy = findings(&names, Some(NameValidation::Legacy));
        assert_eq!(
            legacy,
            vec![
                (true, "invalid annotation name: ins-tance".to_string()),
                (true, "invalid annotation name: région".to_string()),
            ]
        );
        let unsaid = findings(&names, None);
        assert_eq!(unsaid.len(), 2);
        assert!(unsaid
            .iter()
            .all(|(error, m)| !error && m.contains("Prometheus 3 reads it")));
    }

    #[test]
    fn an_empty_name_is_an_error_whatever_the_scheme() {
        for scheme in [
            None,
            Some(NameValidation::Utf8),
            Some(NameValidation::Legacy),
        ] {
            assert_eq!(findings(&[""], scheme).len(), 1);
            assert!(findings(&[""], scheme)[0].0);
        }
    }

    #[test]
    fn legacy_names() {
        assert!(is_legacy("a") && is_legacy("_") && is_legacy("a_1"));
        assert!(!is_legacy("") && !is_legacy("1a") && !is_legacy("a-b") && !is_legacy("é"));
    }
}
