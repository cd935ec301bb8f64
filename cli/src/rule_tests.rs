//! `monctl test`: generates the spec's files into a temporary folder and runs
//! `promtool test rules` on every test file there — the spec's `tests` suites and the burn tests
//! generated per SLO (issue #13). promtool missing is an error (exit 2), said loudly.

use clap::Args;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

#[derive(Args)]
pub struct TestArgs {
    /// Spec files or folders, each tested on its own.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The promtool binary.
    #[arg(long, default_value = "promtool")]
    promtool: PathBuf,
}

pub fn run(args: TestArgs) -> ExitCode {
    let mut worst = ExitCode::SUCCESS;
    for path in &args.paths {
        let code = test_one(path, &args.promtool);
        if code != ExitCode::SUCCESS {
            worst = code;
        }
    }
    worst
}

fn test_one(path: &Path, promtool: &Path) -> ExitCode {
    let files = match crate::read(path) {
        Ok(files) => files,
        Err(code) => return code,
    };
    let artifacts = match monctl::generate(&files) {
        Ok((artifacts, diagnostics)) => {
            crate::render::print(&diagnostics, &files, crate::Format::Human);
            artifacts
        }
        Err(diagnostics) => {
            crate::render::print(&diagnostics, &files, crate::Format::Human);
            eprintln!("error: the spec has errors; nothing to test");
            return ExitCode::from(1);
        }
    };
    let tests: Vec<&str> = artifacts
        .iter()
        .filter(|a| a.path.starts_with("tests/") && a.path.ends_with(".test.yml"))
        .map(|a| a.path.as_str())
        .collect();
    if tests.is_empty() {
        eprintln!(
            "{}: no rule tests (no `tests` suites and no SLO alerts)",
            path.display()
        );
        return ExitCode::SUCCESS;
    }
    let dir = std::env::temp_dir().join(format!("monctl-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for artifact in &artifacts {
        let target = dir.join(&artifact.path);
        let written = target
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|_| std::fs::write(&target, &artifact.content));
        if let Err(e) = written {
            eprintln!("error: cannot write {}: {e}", target.display());
            return ExitCode::from(2);
        }
    }
    let result = Command::new(promtool)
        .arg("test")
        .arg("rules")
        .args(&tests)
        .current_dir(&dir)
        .status();
    let _ = std::fs::remove_dir_all(&dir);
    match result {
        Ok(status) if status.success() => {
            eprintln!("{}: {} rule test files passed", path.display(), tests.len());
            ExitCode::SUCCESS
        }
        Ok(_) => {
            eprintln!("error: {}: promtool test rules failed", path.display());
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!(
                "error: PROMTOOL IS MISSING: cannot run `{}` ({e}); the rule tests were NOT run. Install Prometheus' promtool (Debian: apt-get install prometheus) or pass --promtool PATH",
                promtool.display()
            );
            ExitCode::from(2)
        }
    }
}
