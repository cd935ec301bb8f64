//! A parser of Fluentd's v1 config syntax, following its V1Parser and LiteralParser: sections
//! `<name arg>` ... `</name>` each on their own line, `key value` parameters, `#` comments,
//! unquoted values running to the end of the line, single-quoted strings (only `\'` and `\\`
//! escapes, one line), double-quoted strings (backslash escapes, line continuations, `#{...}`
//! embedded Ruby) and JSON arrays and hashes. `@`-prefixed parameters other than @type, @id,
//! @label and @log_level are refused in source, match, filter and system sections and at the top.

use super::tree::{Element, ParamEntry, Piece, Pos, Value};
use std::fmt;

/// A syntax error with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub line: u32,
    pub column: u32,
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

const RESERVED: &[&str] = &["@type", "@id", "@label", "@log_level"];
const DIRECTIVES: &[&str] = &["match", "source", "filter", "system"];
/// Nesting bound: a hostile file cannot exhaust the stack.
const MAX_DEPTH: usize = 64;

/// Parses a whole config into its root element.
pub fn parse(text: &str) -> Result<Element, ParseError> {
    let mut p = Parser {
        s: text.as_bytes(),
        text,
        i: 0,
    };
    let mut root = Element::default();
    p.element(&mut root, true, 0)?;
    Ok(root)
}

struct Parser<'a> {
    s: &'a [u8],
    text: &'a str,
    i: usize,
}

type R<T> = Result<T, ParseError>;

impl Parser<'_> {
    fn pos_at(&self, at: usize) -> Pos {
        let before = &self.text[..at.min(self.text.len())];
        let line = before.matches('\n').count() as u32 + 1;
        let start = before.rfind('\n').map(|n| n + 1).unwrap_or(0);
        Pos {
            line,
            column: before[start..].chars().count() as u32 + 1,
        }
    }

    fn error<T>(&self, message: impl Into<String>) -> R<T> {
        let pos = self.pos_at(self.i);
        Err(ParseError {
            line: pos.line,
            column: pos.column,
            message: message.into(),
        })
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn at(&self, lit: &str) -> bool {
        self.s[self.i..].starts_with(lit.as_bytes())
    }

    fn eof(&self) -> bool {
        self.i >= self.s.len()
    }

    /// Whitespace, newlines and comments.
    fn spacing(&mut self) {
        while let Some(c) = self.peek() {
            match c {
                b' ' | b'\t' | b'\r' | b'\n' => self.i += 1,
                b'#' => self.skip_comment(),
                _ => break,
            }
        }
    }

    fn skip_comment(&mut self) {
        while let Some(c) = self.peek() {
            if c == b'\n' {
                break;
            }
            self.i += 1;
        }
    }

    /// Whitespace without comments; true when it crossed a newline.
    fn spacing_without_comment(&mut self) -> bool {
        let mut newline = false;
        while let Some(c) = self.peek() {
            match c {
                b' ' | b'\t' | b'\r' => self.i += 1,
                b'\n' => {
                    newline = true;
                    self.i += 1
                }
                _ => break,
            }
        }
        newline
    }

    /// Does a line end (spaces, an optional comment, then a newline or the end) start at `at`?
    fn line_end_at(&self, mut at: usize) -> bool {
        while matches!(self.s.get(at), Some(b' ' | b'\t')) {
            at += 1;
        }
        if self.s.get(at) == Some(&b'#') {
            return true;
        }
        matches!(self.s.get(at), None | Some(b'\r' | b'\n'))
    }

    /// Consumes one or more line ends; false when none starts here.
    fn line_end(&mut self) -> bool {
        if !self.line_end_at(self.i) {
            return false;
        }
        while self.line_end_at(self.i) && !self.eof() {
            while matches!(self.peek(), Some(b' ' | b'\t')) {
                self.i += 1;
            }
            if self.peek() == Some(b'#') {
                self.skip_comment();
            }
            if matches!(self.peek(), Some(b'\r')) {
                self.i += 1;
            }
            if matches!(self.peek(), Some(b'\n')) {
                self.i += 1;
            } else {
                break;
            }
        }
        true
    }

    fn name(&mut self) -> String {
        let start = self.i;
        while matches!(self.peek(), Some(c) if c.is_ascii_alphanumeric() || c == b'_') {
            self.i += 1;
        }
        self.text[start..self.i].to_string()
    }

    fn element(&mut self, e: &mut Element, root: bool, depth: usize) -> R<()> {
        if depth > MAX_DEPTH {
            return self.error(format!("sections nested deeper than {MAX_DEPTH} levels"));
        }
        loop {
            self.spacing();
            if self.eof() {
                if root {
                    return Ok(());
                }
                return self.error(format!(
                    "expected end tag '</{}>' but got end of file",
                    e.name
                ));
            }
            if self.at("</") {
                self.i += 2;
                let name = self.name();
                self.spacing();
                if self.peek() != Some(b'>') {
                    return self.error("expected character in tag name");
                }
                self.i += 1;
                if !self.line_end() {
                    return self.error("expected end of line after end tag");
                }
                if root || name != e.name {
                    return self.error(format!("unmatched end tag '</{name}>'"));
                }
                return Ok(());
            }
            if self.at("<") {
                let pos = self.pos_at(self.i);
                self.i += 1;
                let name = self.name();
                if name.is_empty() {
                    return self.error("expected a section name after '<'");
                }
                self.spacing();
                let arg = self.string(Boundary::TagEnd)?;
                self.spacing();
                if self.peek() != Some(b'>') {
                    return self.error("expected '>'");
                }
                self.i += 1;
                if !self.line_end() {
                    return self.error("expected end of line after tag");
                }
                let mut child = Element {
                    name,
                    arg: arg.into_text(),
                    pos,
                    ..Default::default()
                };
                self.element(&mut child, false, depth + 1)?;
                e.children.push(child);
                continue;
            }
            let pos = self.pos_at(self.i);
            let key = self.string(Boundary::Spacing)?.into_text();
            if key.is_empty() {
                return self.error("expected a parameter name");
            }
            if self.spacing_without_comment() || self.eof() {
                e.params.push(ParamEntry {
                    key,
                    value: Value::text(""),
                    pos,
                });
                continue;
            }
            if key.starts_with('@')
                && !RESERVED.contains(&key.as_str())
                && !(root && key == "@include")
                && (root || DIRECTIVES.contains(&e.name.as_str()))
            {
                return Err(ParseError {
                    line: pos.line,
                    column: pos.column,
                    message: format!(
                        "'@' is the system reserved prefix. Don't use '@' prefix parameter in the configuration: {key}"
                    ),
                });
            }
            let value = self.literal()?;
            if !self.line_end() {
                return self.error("expected end of line");
            }
            e.params.push(ParamEntry { key, value, pos });
        }
    }

    fn literal(&mut self) -> R<Value> {
        match self.peek() {
            Some(b'[') => self.json(b'[', b']'),
            Some(b'{') => self.json(b'{', b'}'),
            _ => self.string(Boundary::LineEnd),
        }
    }

    fn string(&mut self, boundary: Boundary) -> R<Value> {
        match self.peek() {
            Some(b'"') => {
                self.i += 1;
                self.double_quoted()
            }
            Some(b'\'') => {
                self.i += 1;
                self.single_quoted().map(Value::Text)
            }
            _ => Ok(Value::Text(self.unquoted(boundary))),
        }
    }

    fn unquoted(&mut self, boundary: Boundary) -> String {
        let start = self.i;
        while let Some(c) = self.peek() {
            if c != b'#' {
                let stop = match boundary {
                    Boundary::LineEnd => self.line_end_at(self.i),
                    Boundary::Spacing => matches!(c, b' ' | b'\t' | b'\r' | b'\n'),
                    Boundary::TagEnd => {
                        let mut j = self.i;
                        while matches!(self.s.get(j), Some(b' ' | b'\t' | b'\r' | b'\n')) {
                            j += 1;
                        }
                        self.s.get(j) == Some(&b'>')
                    }
                };
                if stop {
                    break;
                }
            }
            self.i += 1;
        }
        // Boundaries are ASCII, so the slice is on character boundaries.
        self.text[start..self.i].to_string()
    }

    fn single_quoted(&mut self) -> R<String> {
        let mut out = String::new();
        loop {
            match self.peek() {
                Some(b'\'') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') if self.s.get(self.i + 1) == Some(&b'\'') => {
                    out.push('\'');
                    self.i += 2;
                }
                Some(b'\\') if self.s.get(self.i + 1) == Some(&b'\\') => {
                    out.push('\\');
                    self.i += 2;
                }
                None | Some(b'\n') => {
                    return self.error("unexpected end of line in a single-quoted string")
                }
                Some(_) => self.push_char(&mut out),
            }
        }
    }

    fn push_char(&mut self, out: &mut String) {
        let rest = &self.text[self.i..];
        if let Some(c) = rest.chars().next() {
            out.push(c);
            self.i += c.len_utf8();
        } else {
            self.i += 1;
        }
    }

    fn double_quoted(&mut self) -> R<Value> {
        let mut pieces: Vec<Piece> = Vec::new();
        let mut text = String::new();
        loop {
            match self.peek() {
                None => return self.error("unexpected end of file in a double-quoted string"),
                Some(b'"') => {
                    self.i += 1;
                    if pieces.is_empty() {
                        return Ok(Value::Text(text));
                    }
                    if !text.is_empty() {
                        pieces.push(Piece::Text(text));
                    }
                    return Ok(Value::Embedded(pieces));
                }
                Some(b'\\') => match self.s.get(self.i + 1).copied() {
                    Some(b'\n') => self.i += 2,
                    Some(b'\r') if self.s.get(self.i + 2) == Some(&b'\n') => self.i += 3,
                    None => {
                        self.i += 1;
                        return self.error("unexpected end of file in a double-quoted string");
                    }
                    Some(c) => {
                        let ch = match c {
                            b'"' => '"',
                            b'\'' => '\'',
                            b'r' => '\r',
                            b'n' => '\n',
                            b't' => '\t',
                            b'f' => '\x0c',
                            b'b' => '\x08',
                            b'v' => '\x0b',
                            b'a' => '\x07',
                            b'e' => '\x1b',
                            b's' => ' ',
                            c if c.is_ascii_alphanumeric() => {
                                self.i += 1;
                                return self.error(format!(
                                    "unexpected back-slash escape character '{}'",
                                    c as char
                                ));
                            }
                            _ => {
                                self.i += 1;
                                self.push_char(&mut text);
                                continue;
                            }
                        };
                        text.push(ch);
                        self.i += 2;
                    }
                },
                Some(b'#') if self.s.get(self.i + 1) == Some(&b'{') => {
                    self.i += 2;
                    let code = self.embedded_code()?;
                    if !text.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut text)));
                    }
                    pieces.push(Piece::Code(code));
                }
                Some(_) => self.push_char(&mut text),
            }
        }
    }

    /// Ruby code up to the `}` that closes `#{`, skipping braces inside Ruby strings.
    fn embedded_code(&mut self) -> R<String> {
        let start = self.i;
        let mut depth = 0usize;
        while let Some(c) = self.peek() {
            match c {
                b'{' => depth += 1,
                b'}' if depth == 0 => {
                    let code = self.text[start..self.i].to_string();
                    self.i += 1;
                    return Ok(code);
                }
                b'}' => depth -= 1,
                b'\'' | b'"' => {
                    self.i += 1;
                    while let Some(d) = self.peek() {
                        if d == b'\\' {
                            self.i += 1;
                        } else if d == c {
                            break;
                        }
                        self.i += 1;
                    }
                }
                _ => {}
            }
            self.i += 1;
        }
        self.error("unterminated embedded code: expected '}'")
    }

    /// A JSON array or hash, possibly over several lines, with `#` comments outside strings.
    fn json(&mut self, open: u8, close: u8) -> R<Value> {
        let start_pos = self.i;
        let mut buf = String::new();
        let mut depth = 0usize;
        loop {
            let Some(c) = self.peek() else {
                self.i = start_pos;
                return self.error(format!(
                    "got incomplete JSON {} configuration",
                    if open == b'[' { "array" } else { "hash" }
                ));
            };
            match c {
                b'"' => {
                    let from = self.i;
                    self.i += 1;
                    while let Some(d) = self.peek() {
                        if d == b'\\' {
                            self.i += 1;
                        } else if d == b'"' || d == b'\n' {
                            break;
                        }
                        self.i += 1;
                    }
                    self.i = (self.i + 1).min(self.s.len());
                    buf.push_str(&self.text[from..self.i]);
                    continue;
                }
                b'#' => {
                    self.skip_comment();
                    continue;
                }
                b'[' | b'{' => depth += 1,
                b']' | b'}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        buf.push(c as char);
                        self.i += 1;
                        break;
                    }
                }
                _ => {}
            }
            self.push_char(&mut buf);
        }
        let _ = close;
        match serde_json::from_str::<serde_json::Value>(&buf) {
            Ok(v) => Ok(Value::Text(v.to_string())),
            Err(e) => {
                self.i = start_pos;
                self.error(format!("invalid JSON value: {e}"))
            }
        }
    }
}

#[derive(Clone, Copy)]
enum Boundary {
    LineEnd,
    Spacing,
    TagEnd,
}

impl Value {
    fn into_text(self) -> String {
        match self {
            Value::Text(s) => s,
            Value::Embedded(pieces) => pieces
                .into_iter()
                .map(|p| match p {
                    Piece::Text(t) => t,
                    Piece::Code(c) => format!("#{{{c}}}"),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(src: &str) -> Result<Value, ParseError> {
        parse(src).map(|e| e.params[0].value.clone())
    }

    #[test]
    fn literals_follow_fluentd() {
        assert_eq!(value("k a b # c\n").unwrap(), Value::text("a b"));
        assert_eq!(value("k a#b\n").unwrap(), Value::text("a#b"));
        assert_eq!(value("k '\\''\n").unwrap(), Value::text("'"));
        assert_eq!(value("k '\\t'\n").unwrap(), Value::text("\\t"));
        assert_eq!(value("k \"\\t\\[\"\n").unwrap(), Value::text("\t["));
        assert_eq!(value("k \"\\#{x}\"\n").unwrap(), Value::text("#{x}"));
        assert_eq!(
            value("k \"#{ENV['A']}:b\"\n").unwrap(),
            Value::Embedded(vec![
                Piece::Code("ENV['A']".into()),
                Piece::Text(":b".into())
            ])
        );
        assert_eq!(value("k [1, 2]\n").unwrap(), Value::text("[1,2]"));
    }

    #[test]
    fn errors_have_positions() {
        let e = parse("<source>\n  k 'a' 1\n</source>\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 8));
        let e = parse("<match>\n  @k v\n</match>\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 3));
        assert!(parse("<a>\n</b>\n").is_err());
        assert!(parse("<a>\n").is_err());
        assert!(parse("k \"x\\\n").is_err());
    }

    #[test]
    fn sections_nest_with_arguments() {
        let root = parse("<match a.** b>\n  @type stdout\n  <buffer tag>\n  </buffer>\n</match>\n")
            .unwrap();
        assert_eq!(root.children[0].arg, "a.** b");
        assert_eq!(root.children[0].children[0].arg, "tag");
    }
}
