//! Every service discovery mechanism round-trips: a spec whose jobs use each `<name>_sd_configs`
//! list generates a prometheus.yml whose scrape configs are exactly the jobs as written, and the
//! fixture covers every mechanism the spec's schema knows.

mod support;

use monctl::SourceFile;
use serde_json::Value;
use std::collections::BTreeSet;

const FIXTURE: &str = "tests/fixtures/discovery/every_mechanism.yml";

fn fixture() -> (String, Value) {
    let text = std::fs::read_to_string(support::repo_root().join(FIXTURE)).unwrap();
    let value: Value = serde_yaml_value(&text);
    (text, value)
}

fn serde_yaml_value(text: &str) -> Value {
    monctl::source::load_value(text, monctl::source::FileId(0), &monctl::Limits::default())
        .unwrap_or_else(|e| panic!("not YAML: {e:?}"))
}

/// The generated prometheus.yml of a spec text, parsed.
fn generated(text: &str) -> Value {
    let files = [SourceFile::new("spec.yml", text.to_string())];
    let (artifacts, _) = monctl::generate(&files).unwrap_or_else(|d| {
        panic!(
            "the fixture has errors: {:#?}",
            d.iter().filter(|d| d.is_error()).collect::<Vec<_>>()
        )
    });
    let prometheus = artifacts
        .iter()
        .find(|a| a.path.ends_with("prometheus.yml"))
        .expect("a prometheus.yml");
    serde_yaml_value(&prometheus.content)
}

#[test]
fn every_mechanism_generates_exactly_its_native_config() {
    let (text, spec) = fixture();
    let written = spec["scrape"]["jobs"].as_array().unwrap();
    let out = generated(&text);
    let scrape_configs = out["scrape_configs"].as_array().unwrap();
    assert_eq!(scrape_configs.len(), written.len());
    for job in written {
        let name = &job["job_name"];
        let native = scrape_configs
            .iter()
            .find(|c| &c["job_name"] == name)
            .unwrap_or_else(|| panic!("job {name} not generated"));
        assert_eq!(
            native, job,
            "job {name} changed on its way to prometheus.yml"
        );
    }
}

#[test]
fn the_fixture_covers_every_mechanism_of_the_schema() {
    let schema = monctl::schema::schema();
    let job = &schema["$defs"]["ScrapeJob"]["properties"];
    let known: BTreeSet<&str> = job
        .as_object()
        .expect("ScrapeJob's properties")
        .keys()
        .map(String::as_str)
        .filter(|k| k.ends_with("_sd_configs"))
        .filter(|k| !matches!(*k, "file_sd_configs" | "kubernetes_sd_configs"))
        .collect();
    assert!(known.len() >= 34, "{known:?}");
    let (_, spec) = fixture();
    let used: BTreeSet<&str> = spec["scrape"]["jobs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|j| j.as_object().unwrap().keys())
        .map(String::as_str)
        .filter(|k| k.ends_with("_sd_configs"))
        .collect();
    assert_eq!(used, known);
}

#[test]
fn an_alertmanager_found_by_dns_is_written_natively() {
    let text = "scrape:\n  alertmanagers:\n    - api_version: v2\n      dns_sd_configs: [{names: [alertmanager.example.com], type: A, port: 9093}]\n";
    let out = generated(text);
    assert_eq!(
        out["alerting"]["alertmanagers"][0]["dns_sd_configs"],
        serde_yaml_value("[{names: [alertmanager.example.com], type: A, port: 9093}]")
    );
}
