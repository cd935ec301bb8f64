//! The tree a Fluentd v1 config parses into: elements (`<source>`, `<match a.**>`, nested
//! sections) holding parameters in file order. Values keep embedded Ruby (`"#{ENV['X']}"`) apart
//! from literal text. Positions are kept for error reporting but ignored by equality, so that a
//! rendered and re-parsed tree compares equal to the one it came from.

/// A position in the config text: 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, Default)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

impl PartialEq for Pos {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// A section of the config; the root has an empty name.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Element {
    pub name: String,
    /// The argument after the name: the tag pattern of `<match>`, the label of `<label>`.
    pub arg: String,
    pub params: Vec<ParamEntry>,
    pub children: Vec<Element>,
    pub pos: Pos,
}

/// `key value` inside an element.
#[derive(Debug, Clone, PartialEq)]
pub struct ParamEntry {
    pub key: String,
    pub value: Value,
    pub pos: Pos,
}

/// A parameter's value after unquoting.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Plain text (JSON values are kept as compact JSON text).
    Text(String),
    /// A double-quoted string with `#{...}` Ruby code evaluated when Fluentd loads the file.
    Embedded(Vec<Piece>),
}

/// Part of a double-quoted string with embedded code.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    Text(String),
    Code(String),
}

impl Element {
    pub fn new(name: &str, arg: &str) -> Self {
        Element {
            name: name.to_string(),
            arg: arg.to_string(),
            ..Default::default()
        }
    }

    /// Adds a parameter.
    pub fn param(&mut self, key: &str, value: Value) {
        self.params.push(ParamEntry {
            key: key.to_string(),
            value,
            pos: Pos::default(),
        });
    }

    /// The last value given for a key (Fluentd keeps the last of duplicates).
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.params
            .iter()
            .rev()
            .find(|p| p.key == key)
            .map(|p| &p.value)
    }
}

impl Value {
    pub fn text(s: impl Into<String>) -> Self {
        Value::Text(s.into())
    }

    /// The text when the value has no embedded code.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Value::Text(s) => Some(s),
            Value::Embedded(_) => None,
        }
    }
}
