//! The real promtool accepts the discovery configs monctl generates, for the mechanisms and fields
//! Debian's promtool 2.42 knows (`promtool check config --syntax-only`). The others are listed with
//! the reason they are left out: that build lacks them, so its refusal says nothing about us.

mod support;

use monctl::SourceFile;
use serde_json::Value;

/// Mechanisms Debian's promtool 2.42 cannot load, and why.
const NOT_IN_PROMTOOL_242: &[(&str, &str)] = &[
    (
        "aws_sd_configs",
        "the unified AWS discovery is newer than 2.42",
    ),
    (
        "consul_sd_configs",
        "Debian builds Prometheus without Consul discovery",
    ),
    (
        "kuma_sd_configs",
        "Debian builds Prometheus without Kuma discovery",
    ),
    (
        "linode_sd_configs",
        "Debian builds Prometheus without Linode discovery",
    ),
    (
        "nomad_sd_configs",
        "Debian builds Prometheus without Nomad discovery",
    ),
    ("ecs_sd_configs", "ECS discovery is newer than 2.42"),
    ("rds_sd_configs", "RDS discovery is newer than 2.42"),
    ("msk_sd_configs", "MSK discovery is newer than 2.42"),
    (
        "elasticache_sd_configs",
        "ElastiCache discovery is newer than 2.42",
    ),
    ("oci_sd_configs", "OCI discovery is newer than 2.42"),
    (
        "outscale_sd_configs",
        "OUTSCALE discovery is newer than 2.42",
    ),
    ("stackit_sd_configs", "STACKIT discovery is newer than 2.42"),
];

/// Fields newer than 2.42 of mechanisms it has: (mechanism, field).
const FIELDS_AFTER_242: &[(&str, &str)] = &[
    ("docker_sd_configs", "match_first_network"),
    ("hetzner_sd_configs", "label_selector"),
];

fn generated_prometheus_yml() -> String {
    let path = support::repo_root().join("tests/fixtures/discovery/every_mechanism.yml");
    let text = std::fs::read_to_string(path).unwrap();
    let (artifacts, _) = monctl::generate(&[SourceFile::new("spec.yml", text)])
        .unwrap_or_else(|d| panic!("the fixture has errors: {d:#?}"));
    artifacts
        .into_iter()
        .find(|a| a.path.ends_with("prometheus.yml"))
        .expect("a prometheus.yml")
        .content
}

/// The generated config without what promtool 2.42 cannot know; returns it and how many jobs
/// stay.
fn for_promtool_242(content: &str) -> (Value, usize) {
    let mut config = monctl::source::load_value(
        content,
        monctl::source::FileId(0),
        &monctl::Limits::default(),
    )
    .unwrap();
    let jobs = config["scrape_configs"].as_array_mut().unwrap();
    jobs.retain(|job| {
        !NOT_IN_PROMTOOL_242
            .iter()
            .any(|(mechanism, _)| job.get(mechanism).is_some())
    });
    for job in jobs.iter_mut() {
        for (mechanism, field) in FIELDS_AFTER_242 {
            if let Some(Value::Array(configs)) = job.get_mut(*mechanism) {
                for c in configs {
                    c.as_object_mut().unwrap().remove(*field);
                }
            }
        }
    }
    let kept = jobs.len();
    (config, kept)
}

#[test]
fn promtool_accepts_every_mechanism_it_knows() {
    let Some(promtool) = support::real_tool("promtool", "prometheus") else {
        return;
    };
    let (config, kept) = for_promtool_242(&generated_prometheus_yml());
    assert!(kept >= 22, "only {kept} jobs left for promtool");
    let dir = support::scratch_dir("discovery_promtool");
    let file = dir.join("prometheus.yml");
    std::fs::write(&file, serde_json::to_string_pretty(&config).unwrap()).unwrap();
    let (ok, output) = support::run(
        std::process::Command::new(promtool)
            .args(["check", "config", "--syntax-only"])
            .arg(&file),
    );
    assert!(
        ok,
        "promtool refuses the generated discovery configs:\n{output}"
    );
}

#[test]
fn promtool_refuses_a_dns_a_query_without_port_as_monctl_does() {
    let Some(promtool) = support::real_tool("promtool", "prometheus") else {
        return;
    };
    let native = "scrape_configs:\n  - job_name: dns\n    dns_sd_configs: [{names: [node.example.com], type: A}]\n";
    let dir = support::scratch_dir("discovery_promtool_dns");
    let file = dir.join("prometheus.yml");
    std::fs::write(&file, native).unwrap();
    let (ok, output) = support::run(
        std::process::Command::new(promtool)
            .args(["check", "config", "--syntax-only"])
            .arg(&file),
    );
    assert!(!ok, "promtool accepted an A query without a port");
    let spec = "scrape:\n  jobs:\n    - job_name: dns\n      dns_sd_configs: [{names: [node.example.com], type: A}]\n";
    let report = monctl::check(&[SourceFile::new("spec.yml", spec)]);
    let ours: Vec<&str> = report
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        ours.iter().any(|m| output.contains(m)),
        "monctl says {ours:?}, promtool says {output}"
    );
}
