//! Import of prometheus.yml into the `scrape` section (issue #9): `global`, the Alertmanager
//! endpoints and alert relabeling, scrape jobs, remote write/read and the server sections
//! (`storage`, `otlp`, `tracing`, `runtime`, `scrape_config_files`) keep their native vocabulary
//! and positions; what the spec cannot say is reported at its key. The shared import pipeline
//! lives beside it.

mod native_checks;
pub mod packs;
pub mod pipeline;
pub mod schema_walk;
pub mod tree;

pub use pipeline::{
    detect, detect_file, import, import_with, ImportOptions, Imported, NativeKind, SecretMove,
};

use crate::diagnostic::Diagnostic;
use crate::source::Node;
use tree::{entries, map, Entry};

/// The top-level fields Prometheus refuses in agent mode (it scrapes and remote-writes only).
const NOT_IN_AGENT_MODE: &[&str] = &["alerting", "rule_files", "remote_read"];

/// Reshapes a prometheus.yml tree into `{scrape: ...}`; `agent`: the file is for agent mode.
pub fn to_spec(mut root: Node, names: &[String], agent: bool, out: &mut Vec<Diagnostic>) -> Node {
    native_checks::check(&mut root, names, out);
    let span = root.span;
    let mut scrape: Vec<Entry> = Vec::new();
    for (name, key_span, value) in entries(root) {
        if agent && NOT_IN_AGENT_MODE.contains(&name.as_str()) {
            out.push(
                Diagnostic::error(
                    crate::codes::INVALID_VALUE,
                    crate::diagnostic::SpecPath::root(),
                    format!("field {name} is not allowed in agent mode"),
                )
                .at(Some(tree::location(key_span, names)))
                .with_help("Prometheus in agent mode only scrapes and remote-writes: remove it, or lint without --agent"),
            );
            continue;
        }
        match name.as_str() {
            "global" => scrape.push(("global".into(), key_span, value)),
            "scrape_configs" => scrape.push(("jobs".into(), key_span, value)),
            "remote_write"
            | "remote_read"
            | "scrape_config_files"
            | "storage"
            | "otlp"
            | "tracing"
            | "runtime" => scrape.push((name, key_span, value)),
            "alerting" => {
                for (aname, akey, avalue) in entries(value) {
                    match aname.as_str() {
                        "alertmanagers" | "alert_relabel_configs" => {
                            scrape.push((aname, akey, avalue))
                        }
                        _ => out.push(pipeline::unsupported(
                            &format!("alerting.{aname}"),
                            "prometheus.yml field",
                            akey,
                            names,
                        )),
                    }
                }
            }
            // The spec writes each rule group to rules/<file>.yml: the rule files themselves
            // are imported (give them to the import), their paths are not kept.
            "rule_files" => {}
            _ => out.push(pipeline::unsupported(
                &name,
                "prometheus.yml field",
                key_span,
                names,
            )),
        }
    }
    let scrape_node = map(span, scrape);
    map(span, vec![("scrape".into(), span, scrape_node)])
}
