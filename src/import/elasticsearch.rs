//! Import of Elasticsearch bodies into `logs.elasticsearch` (stub).

use crate::diagnostic::Diagnostic;
use crate::source::Node;

pub fn is_elasticsearch(_root: &Node) -> bool {
    false
}

pub fn to_spec(root: Node, _file: &str, _names: &[String], _out: &mut Vec<Diagnostic>) -> Node {
    root
}
