//! `monctl import`: native files (prometheus.yml, rule files, alertmanager.yml; later Fluentd, Elasticsearch, compose, Sloth) into a spec folder, one file per section (issue #9).

use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct ImportArgs {
    /// Inputs.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

pub fn run(args: ImportArgs) -> ExitCode {
    let _ = args.paths;
    eprintln!("error: not implemented yet");
    ExitCode::from(2)
}
