//! Import of alertmanager.yml into the `routing` section (issue #9): global settings, the route
//! tree, receivers, inhibitions, time intervals and templates keep their native vocabulary and
//! positions; `mute_time_intervals` is read as `time_intervals`; what the spec cannot say is
//! reported at its key. SNS's SigV4 secret key, which Alertmanager reads only inline, becomes an
//! environment reference, listed with the other moved secrets.

mod native_checks;

use super::prometheus::pipeline::unsupported;
use super::prometheus::schema_walk::MovedSecret;
use super::prometheus::tree::{entries, map, string, Entry};
use crate::diagnostic::{Diagnostic, SpecPath};
use crate::source::{Node, NodeKind};

/// Reshapes an alertmanager.yml tree into `{routing: ...}`.
pub fn to_spec(
    root: Node,
    names: &[String],
    out: &mut Vec<Diagnostic>,
    moved: &mut Vec<MovedSecret>,
) -> Node {
    let span = root.span;
    let mut routing: Vec<Entry> = Vec::new();
    let mut intervals: Option<(usize, Node)> = None;
    for (name, key_span, mut value) in entries(root) {
        native_checks::check(&name, &mut value, names, out);
        if name == "receivers" {
            sigv4_secrets_to_env(&mut value, moved);
        }
        match name.as_str() {
            "global" | "route" | "receivers" | "inhibit_rules" | "templates" | "tracing"
            | "event_recorder" => routing.push((name, key_span, value)),
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

/// `receivers[i].sns_configs[j].sigv4.secret_key: literal` -> `{env: MONCTL_...}`, recorded as a
/// moved secret whose "file" is the environment variable to set: SigV4 has no `secret_key_file`.
fn sigv4_secrets_to_env(receivers: &mut Node, moved: &mut Vec<MovedSecret>) {
    let NodeKind::Seq(items) = &mut receivers.kind else {
        return;
    };
    for (i, receiver) in items.iter_mut().enumerate() {
        let Some(NodeKind::Seq(configs)) = child(receiver, "sns_configs").map(|n| &mut n.kind)
        else {
            continue;
        };
        for (j, config) in configs.iter_mut().enumerate() {
            let Some(key) = child(config, "sigv4").and_then(|s| child(s, "secret_key")) else {
                continue;
            };
            if let NodeKind::Str(_) = key.kind {
                let span = key.span;
                let var = format!("MONCTL_ROUTING_RECEIVERS_{i}_SNS_CONFIGS_{j}_SIGV4_SECRET_KEY");
                *key = map(span, vec![("env".into(), span, string(var.clone(), span))]);
                moved.push(MovedSecret {
                    path: SpecPath::root()
                        .key("routing")
                        .key("receivers")
                        .index(i)
                        .key("sns_configs")
                        .index(j)
                        .key("sigv4")
                        .key("secret_key"),
                    field: "secret_key".into(),
                    file: format!("${var}"),
                    span,
                });
            }
        }
    }
}

fn child<'a>(node: &'a mut Node, key: &str) -> Option<&'a mut Node> {
    match &mut node.kind {
        NodeKind::Map(entries) => entries
            .iter_mut()
            .find(|(k, _)| k.name == key)
            .map(|(_, v)| v),
        _ => None,
    }
}
