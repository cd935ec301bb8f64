//! Import of alertmanager.yml into the `routing` section (issue #9): global settings, the route
//! tree, receivers, inhibitions, time intervals and templates keep their native vocabulary and
//! positions; `mute_time_intervals` is read as `time_intervals`; what the spec cannot say is
//! reported at its key.

use super::prometheus::pipeline::unsupported;
use super::prometheus::tree::{entries, map, Entry};
use crate::diagnostic::Diagnostic;
use crate::source::Node;

/// Reshapes an alertmanager.yml tree into `{routing: ...}`.
pub fn to_spec(root: Node, names: &[String], out: &mut Vec<Diagnostic>) -> Node {
    let span = root.span;
    let mut routing: Vec<Entry> = Vec::new();
    let mut intervals: Option<(usize, Node)> = None;
    for (name, key_span, value) in entries(root) {
        match name.as_str() {
            "global" | "route" | "receivers" | "inhibit_rules" | "templates" => {
                routing.push((name, key_span, value))
            }
            "time_intervals" | "mute_time_intervals" => match &mut intervals {
                Some((_, existing)) => super::prometheus::tree::merge(existing, value),
                None => {
                    routing.push(("time_intervals".into(), key_span, value.clone()));
                    intervals = Some((routing.len() - 1, value));
                }
            },
            _ => out.push(unsupported(
                &name,
                "alertmanager.yml field",
                key_span,
                names,
            )),
        }
    }
    if let Some((index, merged)) = intervals {
        routing[index].2 = merged;
    }
    let routing_node = map(span, routing);
    map(span, vec![("routing".into(), span, routing_node)])
}
