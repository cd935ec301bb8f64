//! Text to spec: parses YAML/JSON source files into positioned node trees, enforces input limits,
//! merges a folder of files into one tree, validates it against the JSON Schema and deserializes it
//! into the typed [`crate::spec::Spec`], keeping a source map from spec paths to file positions.

mod coerce;
mod convert;
mod limits;
mod lines;
mod load;
mod merge;
mod node;
mod schema_errors;
mod yaml;

pub use limits::Limits;
pub use load::{load, load_value, load_with, Loaded, SourceFile};
pub use node::{FileId, Node, NodeKind, Span};
pub(crate) use yaml::parse as parse_yaml;
