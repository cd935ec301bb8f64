//! A fluent.conf as an import fragment: parsed, read into `logs.pipeline`, and placed in the
//! native file (each source, route step and label at its element's line), with an error for each
//! top-level part the spec has no place for.

use super::tree::{Element, Pos};
use crate::diagnostic::{Diagnostic, SpecPath};
use crate::import::prometheus::pipeline::unsupported;
use crate::import::prometheus::tree::{from_value, location, map, respan};
use crate::source::{FileId, Node, NodeKind, Span};
use crate::{Limits, Position, SourceFile};

/// Whether a file's text reads as a Fluentd config rather than YAML: its first line that is not
/// blank or a comment opens a section (`<source>`) or is a root directive (`@include`).
pub fn looks_like_fluentd(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .is_some_and(|l| {
            (l.starts_with('<') && l.ends_with('>') && !l.starts_with("<<"))
                || l.starts_with("@include ")
        })
}

/// The `{logs: {pipeline: ...}}` fragment of a fluent.conf, and what the import found; `Err` when
/// the file does not parse (with the parser's position).
pub fn to_fragment(
    file: &SourceFile,
    id: FileId,
    names: &[String],
    limits: &Limits,
) -> Result<(Node, Vec<Diagnostic>), Box<Diagnostic>> {
    let at = |pos: Pos| span(id, pos);
    if file.text.len() > limits.max_file_bytes {
        return Err(Box::new(
            Diagnostic::error(
                crate::codes::INPUT_LIMIT,
                SpecPath::root(),
                format!(
                    "{} is {} bytes, over the limit of {} bytes",
                    file.name,
                    file.text.len(),
                    limits.max_file_bytes
                ),
            )
            .at(Some(location(at(Pos { line: 1, column: 1 }), names))),
        ));
    }
    let root = super::parse(&file.text).map_err(|e| {
        Box::new(
            Diagnostic::error(crate::codes::YAML_SYNTAX, SpecPath::root(), e.message)
                .at(Some(location(
                    at(Pos {
                        line: e.line,
                        column: e.column,
                    }),
                    names,
                )))
                .with_help("fix the Fluentd syntax: Fluentd refuses this file as well"),
        )
    })?;
    let mut found = Vec::new();
    for p in &root.params {
        let what = if p.key == "@include" {
            "an include of other config files, which import does not follow: import them too"
        } else {
            "a top-level parameter"
        };
        found.push(unsupported(&p.key, what, at(p.pos), names));
    }
    let (pipeline, skipped) = super::pipeline_from_tree(&root);
    for (name, pos) in skipped {
        found.push(unsupported(
            &format!("<{name}>"),
            "a top-level Fluentd section",
            at(pos),
            names,
        ));
    }
    // The pipeline as the spec would write it, read back as a tree placed in the native file.
    let file_span = at(Pos { line: 1, column: 1 });
    let mut node = from_value(&pipeline, file_span).ok_or_else(|| {
        Box::new(Diagnostic::error(
            crate::codes::INPUT_LIMIT,
            SpecPath::root(),
            format!(
                "{}: the pipeline read from it is over the input limits",
                file.name
            ),
        ))
    })?;
    place_items(&mut node, &root, id);
    let logs = map(file_span, vec![("pipeline".into(), file_span, node)]);
    Ok((
        map(file_span, vec![("logs".into(), file_span, logs)]),
        found,
    ))
}

/// Gives each source, top-level step and label (and what it holds) its element's position.
fn place_items(pipeline: &mut Node, root: &Element, id: FileId) {
    let mut by_list: [(&str, Vec<Pos>); 3] =
        [("sources", vec![]), ("route", vec![]), ("labels", vec![])];
    for e in &root.children {
        let list = match e.name.as_str() {
            "source" => 0,
            "filter" | "match" => 1,
            "label" => 2,
            _ => continue,
        };
        by_list[list].1.push(e.pos);
    }
    let NodeKind::Map(entries) = &mut pipeline.kind else {
        return;
    };
    for (key, value) in entries.iter_mut() {
        let Some((_, positions)) = by_list.iter().find(|(name, _)| *name == key.name) else {
            continue;
        };
        if let NodeKind::Seq(items) = &mut value.kind {
            for (item, pos) in items.iter_mut().zip(positions) {
                respan(item, span(id, *pos));
            }
        }
    }
}

fn span(file: FileId, pos: Pos) -> Span {
    let start = Position {
        line: pos.line.max(1),
        column: pos.column.max(1),
    };
    Span {
        file,
        start,
        end: start,
    }
}
