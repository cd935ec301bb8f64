//! Helpers shared by the integration tests: reading example specs from disk and finding the real
//! validators (promtool, amtool, docker-compose) on PATH.

#![allow(dead_code)]

use monctl::SourceFile;
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every .yml/.yaml/.json file under `dir`, sorted, named relative to the repository root.
pub fn read_spec_dir(dir: &Path) -> Vec<SourceFile> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
            } else if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("yml" | "yaml" | "json")
            ) {
                out.push(path);
            }
        }
    }
    let mut paths = Vec::new();
    walk(dir, &mut paths);
    let root = repo_root();
    paths
        .into_iter()
        .map(|p| {
            let name = p.strip_prefix(&root).unwrap_or(&p).display().to_string();
            SourceFile::new(name, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

pub fn example(name: &str) -> Vec<SourceFile> {
    read_spec_dir(&repo_root().join("examples").join(name))
}

/// The path of a real validator, or a failure that says how to install it. Outside CI, setting
/// MONCTL_SKIP_REAL_TOOLS=1 skips the check with a loud warning (and returns None); in CI
/// (CI=true) a missing validator always fails.
pub fn real_tool(name: &str, package: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join(name))
            .find(|p| p.is_file())
    });
    if found.is_some() {
        return found;
    }
    let in_ci = std::env::var("CI").is_ok_and(|v| v == "true");
    let skip = std::env::var("MONCTL_SKIP_REAL_TOOLS").is_ok_and(|v| v == "1");
    if skip && !in_ci {
        eprintln!("\n!!!!!!!! WARNING: {name} is not installed; this conformance check was SKIPPED (MONCTL_SKIP_REAL_TOOLS=1). Install it: apt-get install -y {package} !!!!!!!!\n");
        return None;
    }
    panic!("{name} is not installed: apt-get install -y {package} (or set MONCTL_SKIP_REAL_TOOLS=1 outside CI to skip loudly)");
}

/// Runs a command, returning (success, combined output).
pub fn run(command: &mut Command) -> (bool, String) {
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("cannot run {command:?}: {e}"));
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.success(), text)
}

/// A fresh empty folder under the target dir, removed first if it exists.
pub fn scratch_dir(name: &str) -> PathBuf {
    let dir = repo_root().join("target").join("test-scratch").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A small deterministic generator (xorshift64*), so a failing random case can be reproduced.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// A folder of ../shared/corpus (real configs written by others), or None with a loud warning
/// when the corpus is absent outside CI; in CI (CI=true) its absence is a failure. MONCTL_CORPUS
/// names another location.
pub fn corpus(sub: &str) -> Option<PathBuf> {
    let base = std::env::var_os("MONCTL_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("..").join("shared").join("corpus"));
    let dir = base.join(sub);
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!(
            "the corpus folder {} is missing (CI=true): these tests read real configs from it",
            dir.display()
        );
    }
    eprintln!("\n!!!!!!!! WARNING: the corpus folder {} is missing; the tests over real configs in it were SKIPPED (set MONCTL_CORPUS to its location) !!!!!!!!\n", dir.display());
    None
}

/// Every file under `dir` (recursively) whose name ends with one of `extensions`, sorted.
pub fn files_under(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    fn walk(dir: &Path, extensions: &[&str], out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, extensions, out);
            } else if path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| extensions.iter().any(|e| n.ends_with(e)))
            {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, extensions, &mut out);
    out.sort();
    out
}
