//! Rendering diagnostics for people (rustc-style: code, message, file:line:col, the source line
//! with a marker, help) and for programs (`--format json`). Human output is bounded: a snippet is
//! a window of its line, and at most [`PER_CODE_AND_FILE`] findings of one code in one file are
//! printed before a count of the rest.

use crate::snippet::Snippets;
use crate::Format;
use monctl::{Diagnostic, Severity, SourceFile};
use std::collections::HashMap;
use std::io::IsTerminal;

/// The most findings of one code in one file that human output prints in full.
pub const PER_CODE_AND_FILE: usize = 20;

pub fn print(diagnostics: &[Diagnostic], files: &[SourceFile], format: Format) {
    match format {
        Format::Json => crate::stdout(&format!("{}\n", json(diagnostics))),
        Format::Sarif => crate::stdout(&format!("{}\n", sarif(diagnostics))),
        Format::Github => crate::stdout(&github(diagnostics)),
        Format::Human => {
            let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            eprint!("{}", human_all(diagnostics, files, color));
            let errors = diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            let warnings = diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Warning)
                .count();
            if errors + warnings > 0 {
                eprintln!("{errors} error(s), {warnings} warning(s)");
            }
        }
    }
}

/// The JSON array of `--format json`.
pub fn json(diagnostics: &[Diagnostic]) -> String {
    let items: Vec<serde_json::Value> = diagnostics
        .iter()
        .map(|d| {
            let loc = d.location.as_ref();
            serde_json::json!({
                "code": d.code,
                "severity": d.severity,
                "message": d.message,
                "file": loc.map(|l| l.file.clone()),
                "line": loc.map(|l| l.start.line),
                "column": loc.map(|l| l.start.column),
                "end_line": loc.map(|l| l.end.line),
                "end_column": loc.map(|l| l.end.column),
                "path": d.path.to_string(),
                "help": d.help,
                "related": d.related.iter().map(|r| r.to_string()).collect::<Vec<_>>(),
            })
        })
        .collect();
    serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".into())
}

fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A SARIF 2.1.0 log: one run of monctl, its rules, and one result per diagnostic.
pub fn sarif(diagnostics: &[Diagnostic]) -> String {
    let codes = monctl::docs::all_codes();
    let rules: Vec<serde_json::Value> = codes
        .iter()
        .map(|c| {
            serde_json::json!({
                "id": c.code,
                "name": c.name,
                "shortDescription": {"text": c.summary},
                "fullDescription": {"text": c.summary},
                "help": {"text": c.explanation, "markdown": c.explanation},
                "defaultConfiguration": {"level": sarif_level(c.severity)},
                "properties": {"tags": [c.family]},
            })
        })
        .collect();
    let results: Vec<serde_json::Value> = diagnostics
        .iter()
        .map(|d| {
            let mut text = d.message.clone();
            if let Some(help) = &d.help {
                text.push_str(&format!("\nhelp: {help}"));
            }
            let mut result = serde_json::json!({
                "ruleId": d.code,
                "level": sarif_level(d.severity),
                "message": {"text": text},
            });
            if let Some(index) = codes.iter().position(|c| c.code == d.code) {
                result["ruleIndex"] = index.into();
            }
            let logical = serde_json::json!([{"fullyQualifiedName": d.path.to_string(), "kind": "member"}]);
            result["locations"] = match &d.location {
                Some(l) => serde_json::json!([{
                    "physicalLocation": {
                        "artifactLocation": {"uri": l.file.trim_start_matches("./")},
                        "region": {
                            "startLine": l.start.line,
                            "startColumn": l.start.column,
                            "endLine": l.end.line.max(l.start.line),
                            "endColumn": if l.end.line > l.start.line { l.end.column } else { l.end.column.max(l.start.column + 1) },
                        },
                    },
                    "logicalLocations": logical,
                }]),
                None => serde_json::json!([{"logicalLocations": logical}]),
            };
            if !d.related.is_empty() {
                result["relatedLocations"] = d
                    .related
                    .iter()
                    .enumerate()
                    .map(|(i, r)| {
                        serde_json::json!({
                            "id": i,
                            "physicalLocation": {
                                "artifactLocation": {"uri": r.file.trim_start_matches("./")},
                                "region": {"startLine": r.start.line, "startColumn": r.start.column},
                            },
                        })
                    })
                    .collect();
            }
            result
        })
        .collect();
    let log = serde_json::json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "monctl",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/monctl/monctl",
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&log).unwrap_or_default()
}

fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// GitHub Actions workflow commands (`::error file=...,line=...::message`).
pub fn github(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut properties = vec![format!(
            "title={}",
            escape_property(&format!(
                "{} {}",
                d.code,
                monctl::docs::explain(d.code).map(|c| c.name).unwrap_or("")
            ))
        )];
        if let Some(l) = &d.location {
            properties.insert(
                0,
                format!("file={}", escape_property(l.file.trim_start_matches("./"))),
            );
            properties.insert(1, format!("line={}", l.start.line));
            properties.insert(2, format!("col={}", l.start.column));
            properties.insert(3, format!("endLine={}", l.end.line.max(l.start.line)));
            if l.end.line == l.start.line {
                properties.insert(4, format!("endColumn={}", l.end.column));
            }
        }
        let mut message = format!("{} ({})", d.message, d.path);
        if let Some(help) = &d.help {
            message.push_str(&format!("\nhelp: {help}"));
        }
        out.push_str(&format!(
            "::{command} {}::{}\n",
            properties.join(","),
            escape_data(&message)
        ));
    }
    out
}

fn paint(text: &str, code: &str, color: bool) -> String {
    if color {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

/// Every diagnostic in rustc's layout, at most [`PER_CODE_AND_FILE`] of a code in a file, then a
/// line counting the rest.
pub fn human_all(diagnostics: &[Diagnostic], files: &[SourceFile], color: bool) -> String {
    let snippets = Snippets::new(files, diagnostics);
    let mut shown: HashMap<(&str, &str), usize> = HashMap::new();
    let mut out = String::new();
    for d in diagnostics {
        let file = d.location.as_ref().map(|l| l.file.as_str()).unwrap_or("");
        let count = shown.entry((d.code, file)).or_default();
        *count += 1;
        if *count <= PER_CODE_AND_FILE {
            out.push_str(&human(d, &snippets, color));
        }
    }
    let mut hidden: Vec<(&(&str, &str), &usize)> = shown
        .iter()
        .filter(|(_, n)| **n > PER_CODE_AND_FILE)
        .collect();
    hidden.sort();
    for ((code, file), n) in hidden {
        let place = if file.is_empty() {
            String::new()
        } else {
            format!(" in {file}")
        };
        out.push_str(&format!(
            "... and {} more {code} findings{place} (`--format json` lists them all)\n",
            n - PER_CODE_AND_FILE
        ));
    }
    out
}

/// One diagnostic in rustc's layout.
pub fn human(d: &Diagnostic, snippets: &Snippets, color: bool) -> String {
    let (word, code) = match d.severity {
        Severity::Error => ("error", "1;31"),
        Severity::Warning => ("warning", "1;33"),
        Severity::Info => ("info", "1;36"),
    };
    let mut out = format!(
        "{}{} {}\n",
        paint(&format!("{word}[{}]", d.code), code, color),
        paint(":", "1", color),
        d.message
    );
    match &d.location {
        Some(location) => {
            let line_no = location.start.line.to_string();
            let pad = " ".repeat(line_no.len());
            out.push_str(&format!(
                "{pad}{} {location}\n",
                paint("-->", "1;34", color)
            ));
            if let Some(shown) = snippets.show(location) {
                let bar = paint("|", "1;34", color);
                let marker = format!(
                    "{}{}",
                    " ".repeat(shown.marker_start),
                    "^".repeat(shown.marker_width)
                );
                out.push_str(&format!(
                    "{pad} {bar}\n{} {bar} {}\n{pad} {bar} {}\n",
                    paint(&line_no, "1;34", color),
                    shown.text,
                    paint(&marker, code, color)
                ));
            }
        }
        None if !d.path.0.is_empty() => {
            out.push_str(&format!("  {} {}\n", paint("-->", "1;34", color), d.path))
        }
        None => {}
    }
    for related in &d.related {
        out.push_str(&format!(
            "  {} also at {related}\n",
            paint("=", "1;34", color)
        ));
    }
    if let Some(help) = &d.help {
        out.push_str(&format!("  {} {help}\n", paint("= help:", "1", color)));
    }
    out.push('\n');
    out
}
