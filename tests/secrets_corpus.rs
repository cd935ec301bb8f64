//! The credential detector over real configurations nobody wrote for monctl
//! (../shared/corpus): Prometheus's and Alertmanager's own good test configs, the rule corpora
//! and docker-elk's compose files, read as plain YAML and scanned as a spec is. The rules hold
//! no credentials, so any finding there is a false alarm; in the configs every finding is
//! printed (file, path, kind — never the value) so that a reader can judge it, and their number
//! is bounded so that a detector that floods real configs fails.

mod support;

use monctl::secrets::scan;
use monctl::source::{load_value, FileId};
use monctl::Limits;
use support::{corpus, files_under};

fn findings(sub: &str, extensions: &[&str]) -> Option<(usize, Vec<String>)> {
    let dir = corpus(sub)?;
    let files = files_under(&dir, extensions);
    let mut out = Vec::new();
    for file in &files {
        let Ok(text) = std::fs::read_to_string(file) else {
            continue;
        };
        let Ok(value) = load_value(&text, FileId(0), &Limits::default()) else {
            continue;
        };
        let name = file
            .strip_prefix(&dir)
            .unwrap_or(file)
            .display()
            .to_string();
        for s in scan(&value) {
            out.push(format!(
                "{sub}/{name}: {} ({})",
                s.path,
                s.kind().describe()
            ));
        }
    }
    Some((files.len(), out))
}

fn report(sub: &str, files: usize, found: &[String]) {
    println!("{sub}: {files} files, {} credential findings", found.len());
    for f in found {
        println!("  {f}");
    }
}

#[test]
fn rule_corpora_hold_no_credentials() {
    let Some((files, found)) = findings("rules/good", &[".yml", ".yaml"]) else {
        return;
    };
    report("rules/good", files, &found);
    assert!(files > 10);
    assert!(
        found.is_empty(),
        "false alarms in rule files:\n{}",
        found.join("\n")
    );
}

#[test]
fn configs_findings_are_few_and_listed() {
    let mut total = 0;
    for (sub, bound) in [
        ("prometheus/good", 30),
        ("alertmanager/good", 30),
        ("compose", 10),
    ] {
        let Some((files, found)) = findings(sub, &[".yml", ".yaml"]) else {
            continue;
        };
        report(sub, files, &found);
        assert!(
            found.len() <= bound,
            "{sub}: {} findings (more than {bound}): the detector floods real configs",
            found.len()
        );
        total += found.len();
    }
    println!("total: {total}");
}
