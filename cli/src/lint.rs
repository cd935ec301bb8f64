//! `monctl lint`: native files imported in memory and checked, with diagnostics at the native files' lines (issue #9).

use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct LintArgs {
    /// Inputs.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

pub fn run(args: LintArgs) -> ExitCode {
    let _ = args.paths;
    eprintln!("error: not implemented yet");
    ExitCode::from(2)
}
