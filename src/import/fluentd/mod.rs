//! Import of Fluentd v1 config syntax: the parser (for import and tests), the tree it produces, and
//! fluent.conf into `logs.pipeline` (issue #11).

mod import;
mod parse;
mod to_spec;
mod tree;

pub use import::{looks_like_fluentd, to_fragment};
pub use parse::{parse, ParseError};
pub use to_spec::{env_ref, pipeline_from_tree};
pub use tree::{Element, ParamEntry, Piece, Pos, Value};

/// Text escaped for a double-quoted Fluentd string (without the quotes): backslash, quote,
/// control characters and `#{` (which would start embedded Ruby).
pub fn escape_double_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '#' if chars.peek() == Some(&'{') => out.push_str("\\#"),
            c => out.push(c),
        }
    }
    out
}
