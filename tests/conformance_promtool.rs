//! Conformance with the real Prometheus: every prometheus.yml and rule file monctl generates from
//! the bundled examples and feature fixtures must pass `promtool check config` / `check rules`.
//!
//! Debian's promtool is built without Kubernetes service discovery, so it rejects any
//! `kubernetes_sd_configs`. For those jobs this test (1) checks each kubernetes_sd_configs entry
//! against the fields Prometheus documents for it (role values, namespaces, selectors...), then
//! (2) swaps the block for an equivalent static target and lets promtool check everything else in
//! the job (relabeling, TLS, authorization) for real.

mod support;

use serde_json::Value;
use std::path::Path;
use std::process::Command;

const K8S_SD_FIELDS: &[&str] = &[
    "role",
    "api_server",
    "kubeconfig_file",
    "namespaces",
    "selectors",
    "attach_metadata",
    "basic_auth",
    "authorization",
    "oauth2",
    "tls_config",
    "proxy_url",
    "follow_redirects",
    "enable_http2",
];
const K8S_ROLES: &[&str] = &[
    "node",
    "service",
    "pod",
    "endpoints",
    "endpointslice",
    "ingress",
];

/// Checks kubernetes_sd_configs against the documented schema and replaces them with a static
/// target. Returns how many were replaced.
fn replace_kubernetes_sd(config: &mut Value) -> usize {
    let mut replaced = 0;
    for job in config["scrape_configs"]
        .as_array_mut()
        .into_iter()
        .flatten()
    {
        let Some(object) = job.as_object_mut() else {
            continue;
        };
        let Some(sd) = object.shift_remove("kubernetes_sd_configs") else {
            continue;
        };
        for entry in sd.as_array().expect("kubernetes_sd_configs is a list") {
            let entry = entry
                .as_object()
                .expect("a kubernetes_sd_config is a mapping");
            for key in entry.keys() {
                assert!(
                    K8S_SD_FIELDS.contains(&key.as_str()),
                    "kubernetes_sd_config has undocumented field {key}"
                );
            }
            let role = entry["role"].as_str().expect("role is a string");
            assert!(
                K8S_ROLES.contains(&role),
                "unknown kubernetes_sd_config role {role}"
            );
            if let Some(ns) = entry.get("namespaces") {
                for key in ns.as_object().unwrap().keys() {
                    assert!(
                        ["own_namespace", "names"].contains(&key.as_str()),
                        "namespaces.{key}"
                    );
                }
            }
            for selector in entry
                .get("selectors")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                for key in selector.as_object().unwrap().keys() {
                    assert!(
                        ["role", "label", "field"].contains(&key.as_str()),
                        "selectors[].{key}"
                    );
                }
            }
        }
        object.insert(
            "static_configs".into(),
            serde_json::json!([{"targets": ["kubernetes-sd.invalid:443"]}]),
        );
        replaced += 1;
    }
    replaced
}

fn check_generated(name: &str, files: &[monctl::SourceFile]) {
    let Some(promtool) = support::real_tool("promtool", "prometheus") else {
        return;
    };
    let (artifacts, _) =
        monctl::generate(files).unwrap_or_else(|d| panic!("{name} has errors: {d:#?}"));
    let dir = support::scratch_dir(&format!("promtool-{name}"));
    for artifact in &artifacts {
        let path = dir.join(&artifact.path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let mut content = artifact.content.clone();
        if artifact.path == "prometheus.yml" {
            let mut config = monctl::source::load_value(
                &content,
                monctl::source::FileId(0),
                &Default::default(),
            )
            .unwrap();
            if replace_kubernetes_sd(&mut config) > 0 {
                content = serde_saphyr::to_string(&config).unwrap();
            }
        }
        std::fs::write(&path, content).unwrap();
    }
    let rule_files: Vec<&str> = artifacts
        .iter()
        .filter(|a| a.path.starts_with("rules/"))
        .map(|a| a.path.as_str())
        .collect();
    if !rule_files.is_empty() {
        let (ok, out) = support::run(
            Command::new(&promtool)
                .current_dir(&dir)
                .args(["check", "rules", "--lint=all", "--lint-fatal"])
                .args(&rule_files),
        );
        assert!(ok, "promtool check rules rejected {name}:\n{out}");
    }
    // --syntax-only: the credential and CA files the config references do not exist here.
    let (ok, out) = support::run(Command::new(&promtool).current_dir(&dir).args([
        "check",
        "config",
        "--syntax-only",
        "prometheus.yml",
    ]));
    assert!(ok, "promtool check config rejected {name}:\n{out}");
    assert!(out.contains("SUCCESS"), "{out}");
}

#[test]
fn mall_go_passes_promtool() {
    check_generated("mall-go", &support::example("mall-go"));
}

#[test]
fn every_prometheus_feature_passes_promtool() {
    let dir = support::repo_root().join("tests/fixtures/prometheus-features");
    check_generated(
        "prometheus-features",
        &support::read_spec_dir(Path::new(&dir)),
    );
}

#[test]
fn kubernetes_sd_replacement_checks_fields() {
    let mut config = serde_json::json!({"scrape_configs": [{"job_name": "k", "kubernetes_sd_configs": [{"role": "pod", "namespaces": {"names": ["a"]}}]}]});
    assert_eq!(replace_kubernetes_sd(&mut config), 1);
    assert_eq!(
        config["scrape_configs"][0]["static_configs"][0]["targets"][0],
        "kubernetes-sd.invalid:443"
    );
    let bad = std::panic::catch_unwind(|| {
        let mut config = serde_json::json!({"scrape_configs": [{"job_name": "k", "kubernetes_sd_configs": [{"role": "pods"}]}]});
        replace_kubernetes_sd(&mut config);
    });
    assert!(bad.is_err(), "an unknown role must fail");
}
