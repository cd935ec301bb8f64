//! Rendering diagnostics for people (rustc-style: code, message, file:line:col, the source line
//! with a marker, help) and for programs (`--format json`).

use crate::Format;
use monctl::{Diagnostic, Location, Severity, SourceFile};
use std::io::IsTerminal;

pub fn print(diagnostics: &[Diagnostic], files: &[SourceFile], format: Format) {
    match format {
        Format::Json => println!("{}", json(diagnostics)),
        Format::Human => {
            let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            for d in diagnostics {
                eprint!("{}", human(d, files, color));
            }
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

fn paint(text: &str, code: &str, color: bool) -> String {
    if color {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

fn source_line<'a>(files: &'a [SourceFile], location: &Location) -> Option<&'a str> {
    let file = files.iter().find(|f| f.name == location.file)?;
    file.text
        .lines()
        .nth(location.start.line.checked_sub(1)? as usize)
}

/// One diagnostic in rustc's layout.
pub fn human(d: &Diagnostic, files: &[SourceFile], color: bool) -> String {
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
            if let Some(text) = source_line(files, location) {
                let bar = paint("|", "1;34", color);
                let start = location.start.column.saturating_sub(1) as usize;
                let width = text.chars().count();
                let end = if location.end.line == location.start.line {
                    (location.end.column.saturating_sub(1) as usize).max(start + 1)
                } else {
                    width.max(start + 1)
                };
                let marker = format!(
                    "{}{}",
                    " ".repeat(start),
                    "^".repeat(end.min(width.max(start + 1)) - start)
                );
                out.push_str(&format!(
                    "{pad} {bar}\n{} {bar} {text}\n{pad} {bar} {}\n",
                    paint(&line_no, "1;34", color),
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
