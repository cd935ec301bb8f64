//! The positioned tree every source file becomes: YAML's data model (null, bool, number, string,
//! sequence, mapping) with the file and range each node came from. It is the source map: a spec
//! path is resolved to a file position by walking it.

use crate::diagnostic::{Location, PathSegment, Position, SpecPath};

/// Index of a source file in the list given to [`crate::source::load`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub u32);

/// Where a node came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub file: FileId,
    pub start: Position,
    pub end: Position,
}

#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    /// Entries in source order; keys are unique (duplicates are rejected while parsing).
    Map(Vec<(Key, Node)>),
}

/// A mapping key and where it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    pub name: String,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub kind: NodeKind,
    pub span: Span,
}

impl Node {
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.kind {
            NodeKind::Map(entries) => entries.iter().find(|(k, _)| k.name == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Node> {
        match &mut self.kind {
            NodeKind::Map(entries) => entries
                .iter_mut()
                .find(|(k, _)| k.name == key)
                .map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn key_span(&self, key: &str) -> Option<Span> {
        match &self.kind {
            NodeKind::Map(entries) => entries
                .iter()
                .find(|(k, _)| k.name == key)
                .map(|(k, _)| k.span),
            _ => None,
        }
    }

    /// The node at `path`, or the deepest node on the way when the path leaves the tree.
    pub fn lookup(&self, path: &SpecPath) -> (&Node, bool) {
        let mut node = self;
        for segment in &path.0 {
            let next = match (segment, &node.kind) {
                (PathSegment::Key(key), NodeKind::Map(_)) => node.get(key),
                (PathSegment::Index(i), NodeKind::Seq(items)) => items.get(*i),
                _ => None,
            };
            match next {
                Some(child) => node = child,
                None => return (node, false),
            }
        }
        (node, true)
    }

    /// Span of the key that introduces `path`'s last segment, when it is a mapping key.
    pub fn lookup_key_span(&self, path: &SpecPath) -> Option<Span> {
        let (last, parent) = path.0.split_last()?;
        let (parent_node, found) = self.lookup(&SpecPath(parent.to_vec()));
        match (found, last) {
            (true, PathSegment::Key(key)) => parent_node.key_span(key),
            _ => None,
        }
    }

    pub fn type_name(&self) -> &'static str {
        match self.kind {
            NodeKind::Null => "null",
            NodeKind::Bool(_) => "a boolean",
            NodeKind::Int(_) | NodeKind::Float(_) => "a number",
            NodeKind::Str(_) => "a string",
            NodeKind::Seq(_) => "a list",
            NodeKind::Map(_) => "a mapping",
        }
    }
}

/// Resolves a node span to a user-facing location using the file names.
pub fn locate(span: Span, file_names: &[String]) -> Location {
    Location {
        file: file_names
            .get(span.file.0 as usize)
            .cloned()
            .unwrap_or_else(|| "<input>".to_string()),
        start: span.start,
        end: span.end,
    }
}
