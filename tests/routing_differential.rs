//! The routing simulator against the real thing: on many label sets, the receivers monctl's
//! simulator gives must equal what `amtool config routes test` (Debian's Alertmanager 0.25) prints
//! for the generated alertmanager.yml — same receivers, same order, duplicates included.
//!
//! Label sets: every alerting rule's static labels (alertname, rule labels, external labels), and
//! pseudo-random sets (fixed seed, so failures reproduce) drawn from the label names and values
//! that appear in the tree's matchers — each matcher's own value, the alternatives of a regex like
//! `a|b`, strings a regex does or does not match, an unrelated value, or the label left out.

mod support;

use support::Rng;

use monctl::routing::{alert_rule_labels, label_set_string, LabelSet, Simulator};
use monctl::spec::routing::{MatchOp, Route};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

/// Random label sets per spec, on top of the alert rules' own.
const RANDOM_SETS: usize = 120;

fn collect_matchers(route: &Route, out: &mut Vec<monctl::spec::routing::Matcher>) {
    out.extend(route.all_matchers());
    for child in &route.routes {
        collect_matchers(child, out);
    }
}

/// Candidate values per label name, from the matchers that mention it.
fn candidate_values(route: &Route) -> BTreeMap<String, BTreeSet<String>> {
    let mut matchers = Vec::new();
    collect_matchers(route, &mut matchers);
    let mut values: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for m in matchers {
        let set = values.entry(m.name.clone()).or_default();
        set.insert("unrelated-value".into());
        match m.op {
            MatchOp::Equal | MatchOp::NotEqual => {
                if !m.value.is_empty() {
                    set.insert(m.value.clone());
                }
            }
            MatchOp::Regex | MatchOp::NotRegex => {
                // Literal alternatives, and strings shaped by the regex's common pieces.
                for part in m.value.split('|') {
                    if part
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                    {
                        set.insert(part.to_string());
                    }
                    let filled = part
                        .replace(".*", "x")
                        .replace("[0-9]+", "7")
                        .replace("[A-Z][a-z]+", "Node");
                    if filled
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                    {
                        set.insert(filled.clone());
                        set.insert(format!("{filled}-suffix"));
                    }
                }
            }
        }
    }
    values
}

fn random_sets(route: &Route, seed: u64, count: usize) -> Vec<LabelSet> {
    let values = candidate_values(route);
    let names: Vec<&String> = values.keys().collect();
    let mut rng = Rng(seed);
    (0..count)
        .map(|_| {
            let mut labels = LabelSet::new();
            for name in &names {
                // Leave about a third of the labels out.
                if rng.below(3) == 0 {
                    continue;
                }
                let options: Vec<&String> = values[*name].iter().collect();
                labels.insert((*name).clone(), options[rng.below(options.len())].clone());
            }
            labels
        })
        .collect()
}

fn substitute_env(text: &str) -> String {
    let re = regex::Regex::new(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}").unwrap();
    re.replace_all(text, "https://${1}.env.invalid/")
        .into_owned()
}

/// `name="value"` as amtool's label parser reads it.
fn amtool_label(name: &str, value: &str) -> String {
    let escaped = value
        .replace('\\', "\\\\")
        .replace('\n', "\\n")
        .replace('"', "\\\"");
    format!("{name}=\"{escaped}\"")
}

fn amtool_receivers(amtool: &Path, config: &Path, labels: &LabelSet) -> Vec<String> {
    let output = Command::new(amtool)
        .args(["config", "routes", "test"])
        .arg(format!("--config.file={}", config.display()))
        .args(labels.iter().map(|(k, v)| amtool_label(k, v)))
        .output()
        .expect("amtool runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "amtool failed on {}: {stdout}{}",
        label_set_string(labels),
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
        .lines()
        .next()
        .unwrap_or_default()
        .split(',')
        .filter(|r| !r.is_empty())
        .map(String::from)
        .collect()
}

/// Compares simulator and amtool on every set; returns how many sets were compared.
fn differential(name: &str, dir: &str, seed: u64) -> usize {
    let Some(amtool) = support::real_tool("amtool", "prometheus-alertmanager") else {
        return 0;
    };
    let files = support::read_spec_dir(&support::repo_root().join(dir));
    let (model, diagnostics) = monctl::load_model(&files);
    let model = model.unwrap_or_else(|| panic!("{name}: {diagnostics:#?}"));
    let (artifacts, _) = monctl::generate(&files).unwrap_or_else(|d| panic!("{name}: {d:#?}"));
    let out = support::scratch_dir(&format!("differential-{name}"));
    let config = out.join("alertmanager.yml");
    let am = artifacts
        .iter()
        .find(|a| a.path == "alertmanager.yml")
        .unwrap();
    std::fs::write(&config, substitute_env(&am.content)).unwrap();

    let routing = model.spec.routing.as_ref().unwrap();
    let sim = Simulator::new(routing);
    let mut sets: Vec<LabelSet> = alert_rule_labels(&model.spec)
        .into_iter()
        .map(|a| a.labels)
        .collect();
    sets.extend(random_sets(&routing.route, seed, RANDOM_SETS));
    sets.push(LabelSet::new());

    // Two workers: amtool takes ~25 ms a call.
    let mismatches: Vec<String> = std::thread::scope(|scope| {
        let chunks: Vec<&[LabelSet]> = sets.chunks(sets.len().div_ceil(2)).collect();
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                let (sim, amtool, config) = (&sim, &amtool, &config);
                scope.spawn(move || {
                    chunk
                        .iter()
                        .filter_map(|labels| {
                            let expected = amtool_receivers(amtool, config, labels);
                            let got = sim.route(labels, None, &[]).receivers;
                            (expected != got).then(|| {
                                format!(
                                    "{}: amtool {expected:?}, simulator {got:?}",
                                    label_set_string(labels)
                                )
                            })
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("worker"))
            .collect()
    });
    assert!(
        mismatches.is_empty(),
        "{name}: {} of {} label sets differ:\n{}",
        mismatches.len(),
        sets.len(),
        mismatches.join("\n")
    );
    eprintln!("{name}: simulator = amtool on {} label sets", sets.len());
    sets.len()
}

#[test]
fn mall_go_routes_as_amtool_does() {
    differential("mall-go", "examples/mall-go", 0x5eed_0001);
}

#[test]
fn every_feature_routes_as_amtool_does() {
    differential("features", "tests/fixtures/routing/features", 0x5eed_0002);
}

#[test]
fn a_tricky_tree_routes_as_amtool_does() {
    let compared = differential("tricky", "tests/fixtures/routing/differential", 0x5eed_0003);
    if compared > 0 {
        assert!(compared > RANDOM_SETS);
    }
}

#[test]
fn random_sets_cover_the_tree_values() {
    let files =
        support::read_spec_dir(&support::repo_root().join("tests/fixtures/routing/differential"));
    let (model, _) = monctl::load_model(&files);
    let routing = model.unwrap().spec.routing.unwrap();
    let values = candidate_values(&routing.route);
    assert!(values["team"].contains("storage") && values["team"].contains("db"));
    assert!(values["service"].contains("shop-x"));
    let sets = random_sets(&routing.route, 1, 50);
    assert_eq!(sets, random_sets(&routing.route, 1, 50), "deterministic");
    let sim = Simulator::new(&routing);
    let reached: BTreeSet<String> = sets
        .iter()
        .flat_map(|s| sim.route(s, None, &[]).receivers)
        .collect();
    // The random sets reach most of the tree, not just the root.
    assert!(reached.len() >= 8, "{reached:?}");
}
