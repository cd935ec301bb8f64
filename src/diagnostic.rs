//! Diagnostics: what every stage of monctl reports about a spec — a stable code, a severity, a
//! message, where in the spec it is (a [`SpecPath`] and, once resolved, a file position) and a
//! help line saying what to do. Rendering (terminal, JSON, SARIF) belongs to the shells.

use serde::Serialize;
use std::fmt;

/// How bad a finding is. Errors make `check` fail and stop `generate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        })
    }
}

/// One step of a path into the spec: a mapping key or a sequence index.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PathSegment {
    Key(String),
    Index(usize),
}

/// A path into the spec, written as users read it: `rules.groups[1].rules[0].expr`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SpecPath(pub Vec<PathSegment>);

impl SpecPath {
    pub fn root() -> Self {
        SpecPath(Vec::new())
    }

    /// This path extended by a mapping key.
    pub fn key(&self, key: impl Into<String>) -> Self {
        let mut segments = self.0.clone();
        segments.push(PathSegment::Key(key.into()));
        SpecPath(segments)
    }

    /// This path extended by a sequence index.
    pub fn index(&self, index: usize) -> Self {
        let mut segments = self.0.clone();
        segments.push(PathSegment::Index(index));
        SpecPath(segments)
    }

    /// Parses the dotted form produced by `Display` (`a.b[1]["x-y"]`). Returns None when malformed.
    pub fn parse(text: &str) -> Option<Self> {
        let mut segments = Vec::new();
        let mut rest = text;
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix("[\"") {
                let end = after.find("\"]")?;
                segments.push(PathSegment::Key(after[..end].replace("\\\"", "\"")));
                rest = &after[end + 2..];
            } else if let Some(after) = rest.strip_prefix('[') {
                let end = after.find(']')?;
                segments.push(PathSegment::Index(after[..end].parse().ok()?));
                rest = &after[end + 1..];
            } else {
                let body = rest.strip_prefix('.').unwrap_or(rest);
                let end = body.find(['.', '[']).unwrap_or(body.len());
                if end == 0 {
                    return None;
                }
                segments.push(PathSegment::Key(body[..end].to_string()));
                rest = &body[end..];
            }
        }
        Some(SpecPath(segments))
    }
}

fn is_plain_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

impl fmt::Display for SpecPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("(root)");
        }
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                PathSegment::Key(key) if is_plain_key(key) => {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(key)?;
                }
                PathSegment::Key(key) => write!(f, "[\"{}\"]", key.replace('"', "\\\""))?,
                PathSegment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

impl Serialize for SpecPath {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A position in a source file: 1-based line, 1-based column counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

/// A range in one source file.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Location {
    pub file: String,
    pub start: Position,
    pub end: Position,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.start.line, self.start.column)
    }
}

/// A finding about the spec.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    /// Stable code, e.g. `S001`; `monctl explain CODE` documents it.
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    /// Where in the spec; the root path when the finding is about a whole file.
    pub path: SpecPath,
    /// Where in the source, when known.
    pub location: Option<Location>,
    /// Other places that take part (the first definition of a duplicate, say).
    pub related: Vec<Location>,
    /// Spec paths of the related places, until the loader resolves them into `related`.
    #[serde(skip)]
    pub related_paths: Vec<SpecPath>,
    /// A byte range inside the string value at `path` (a token in a PromQL expression), so the
    /// position points into the value rather than at its start.
    #[serde(skip)]
    pub value_span: Option<(usize, usize)>,
    /// What to do about it.
    pub help: Option<String>,
    /// The finding is about a mapping key (an invalid label name), so its position is the key's.
    #[serde(skip)]
    pub at_key: bool,
}

impl Diagnostic {
    pub fn new(
        code: &'static str,
        severity: Severity,
        path: SpecPath,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            code,
            severity,
            message: message.into(),
            path,
            location: None,
            related: Vec::new(),
            related_paths: Vec::new(),
            value_span: None,
            help: None,
            at_key: false,
        }
    }

    /// Places the finding at the key of its path rather than at the value.
    pub fn on_key(mut self) -> Self {
        self.at_key = true;
        self
    }

    pub fn error(code: &'static str, path: SpecPath, message: impl Into<String>) -> Self {
        Self::new(code, Severity::Error, path, message)
    }

    pub fn warning(code: &'static str, path: SpecPath, message: impl Into<String>) -> Self {
        Self::new(code, Severity::Warning, path, message)
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn at(mut self, location: Option<Location>) -> Self {
        self.location = location;
        self
    }

    pub fn with_related(mut self, location: Option<Location>) -> Self {
        self.related.extend(location);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Sorts diagnostics by file position (unlocated last), then code, for stable output.
pub fn sort_diagnostics(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        let key = |d: &Diagnostic| {
            d.location
                .as_ref()
                .map(|l| (0, l.file.clone(), l.start))
                .unwrap_or((1, String::new(), Position { line: 0, column: 0 }))
        };
        key(a)
            .cmp(&key(b))
            .then_with(|| a.code.cmp(b.code))
            .then_with(|| a.path.cmp(&b.path))
            .then_with(|| a.message.cmp(&b.message))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_path_round_trips_through_display() {
        let path = SpecPath::root()
            .key("rules")
            .key("groups")
            .index(1)
            .key("labels")
            .key("team-name");
        let text = path.to_string();
        assert_eq!(text, "rules.groups[1].labels[\"team-name\"]");
        assert_eq!(SpecPath::parse(&text), Some(path));
    }

    #[test]
    fn root_path_displays_as_root() {
        assert_eq!(SpecPath::root().to_string(), "(root)");
    }
}
