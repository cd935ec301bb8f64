//! Human output is bounded whatever the input: a 1 MB one-line spec with thousands of findings
//! prints a window of its line per snippet and at most a few findings per code, then a count.

use std::path::PathBuf;
use std::process::Command;

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("target")
        .join("cli-scratch")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_megabyte_line_with_thousands_of_findings_prints_little() {
    // 20,000 counters without `_total` (M002) and never scraped (M005), all on one line.
    let metrics: Vec<String> = (0..20_000)
        .map(|i| format!("{{\"name\":\"shop_orders_{i:05}\",\"type\":\"counter\",\"help\":\"x\"}}"))
        .collect();
    let spec = format!("{{\"metrics\":[{}]}}", metrics.join(","));
    assert!(spec.len() > 1_000_000);
    let dir = scratch("bounded-output");
    let path = dir.join("spec.json");
    std::fs::write(&path, &spec).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_monctl"))
        .args(["check", path.to_str().unwrap()])
        .env("NO_COLOR", "1")
        .output()
        .expect("monctl runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.stderr.len() < 100_000,
        "{} bytes of human output",
        out.stderr.len()
    );
    assert!(
        stderr.contains("... and 19980 more M002 findings in"),
        "{}",
        &stderr[stderr.len().saturating_sub(2000)..]
    );
    assert!(stderr.lines().all(|l| l.chars().count() < 400));
    // JSON still lists every finding.
    let json = Command::new(env!("CARGO_BIN_EXE_monctl"))
        .args(["check", path.to_str().unwrap(), "--format", "json"])
        .output()
        .expect("monctl runs");
    let items: Vec<serde_json::Value> = serde_json::from_slice(&json.stdout).unwrap();
    assert!(items.iter().filter(|d| d["code"] == "M002").count() == 20_000);
}
