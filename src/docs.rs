//! Documentation of every diagnostic code, load-stage (S) and check rules (M, P, T, R, X), in one
//! list: what `monctl explain` and `monctl rules` print and what docs/rules.md is generated from.

use crate::check::registry;
use crate::codes::LOAD_CODES;
use crate::diagnostic::Severity;

/// Where the generated rule reference lives, relative to the repository root.
pub const RULES_DOC_PATH: &str = "docs/rules.md";

/// One code's documentation.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CodeInfo {
    pub code: &'static str,
    pub name: &'static str,
    pub family: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    pub explanation: &'static str,
}

/// Every code, load-stage codes first, then the check rules in registry order.
pub fn all_codes() -> Vec<CodeInfo> {
    let load = LOAD_CODES.iter().map(|c| CodeInfo {
        code: c.code,
        name: c.name,
        family: "Spec syntax and structure (S)",
        // Deprecated forms still load; everything else stops the spec.
        severity: if [crate::codes::DEPRECATED_FIELD].contains(&c.code) {
            Severity::Warning
        } else {
            Severity::Error
        },
        summary: c.summary,
        explanation: c.explanation,
    });
    let rules = registry().map(|r| CodeInfo {
        code: r.meta.code,
        name: r.meta.name,
        family: r.meta.family.title(),
        severity: r.meta.severity,
        summary: r.meta.summary,
        explanation: r.meta.explanation,
    });
    load.chain(rules).collect()
}

/// The documentation of a code (any case) or rule name.
pub fn explain(key: &str) -> Option<CodeInfo> {
    all_codes()
        .into_iter()
        .find(|c| c.code.eq_ignore_ascii_case(key) || c.name == key)
}

/// The explanation as a terminal page.
pub fn explain_text(info: &CodeInfo) -> String {
    format!(
        "{} {} ({}, default {})\n\n{}\n\n{}\n",
        info.code, info.name, info.family, info.severity, info.summary, info.explanation
    )
}

/// docs/rules.md.
pub fn rules_markdown() -> String {
    let codes = all_codes();
    let mut out = String::from(
        "<!-- Generated from the rule registry by `monctl rules --markdown`; do not edit. -->\n# monctl diagnostic codes\n\n\
         Every finding has a stable code. `monctl explain CODE` prints its entry; `lint.rules` in a spec\n\
         changes a rule's level (`off`, `info`, `warning`, `error`), and `lint_ignore` on an object silences\n\
         a rule there, with a reason.\n\n| code | name | default | summary |\n|---|---|---|---|\n",
    );
    for c in &codes {
        out.push_str(&format!(
            "| [{}](#{}) | {} | {} | {} |\n",
            c.code,
            c.code.to_lowercase(),
            c.name,
            c.severity,
            c.summary
        ));
    }
    let mut family = "";
    for c in &codes {
        if c.family != family {
            family = c.family;
            out.push_str(&format!("\n## {family}\n"));
        }
        out.push_str(&format!(
            "\n### {}\n\n`{}` · default: {}\n\n{}\n\n{}\n",
            c.code, c.name, c.severity, c.summary, c.explanation
        ));
    }
    out
}
