//! Import of a docker-compose file into `stack`: its services in the spec's vocabulary.

use super::prometheus::tree::map;
use crate::diagnostic::Diagnostic;
use crate::source::Node;

/// A compose file's tree as the spec's `stack` section (the native spans kept).
pub fn to_spec(root: Node, _names: &[String], _out: &mut Vec<Diagnostic>) -> Node {
    let span = root.span;
    map(span, vec![("stack".into(), span, root)])
}
