//! `monctl test`: the spec's rule unit tests and the generated SLO tests, run with promtool (issue #13).

use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct TestArgs {
    /// Inputs.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

pub fn run(args: TestArgs) -> ExitCode {
    let _ = args.paths;
    eprintln!("error: not implemented yet");
    ExitCode::from(2)
}
