//! The `monctl` command line: argument parsing and the commands. Files, the terminal and exit codes
//! live here; everything else is the core library's.

mod output;
mod render;
mod routes;
mod sources;

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "monctl",
    version,
    about = "Monitoring as code: check a monitoring spec and generate the real configuration files",
    after_help = "Examples:\n  monctl check examples/mall-go\n  monctl generate examples/mall-go --out build/monitoring\n  monctl generate examples/mall-go --out build/monitoring --check\n  monctl schema > monctl.schema.json"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Check a spec (a file, or a folder whose .yml/.yaml/.json files are merged) and report problems.
    #[command(
        after_help = "Exit status: 0 when no errors were found, 1 when there were errors, 2 on usage or I/O failure.\n\nExamples:\n  monctl check examples/mall-go\n  monctl check spec.yml --format json"
    )]
    Check {
        /// Spec file or folder.
        #[arg(default_value = ".")]
        path: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Generate prometheus.yml and the rule files from a spec into a folder.
    #[command(
        after_help = "Nothing is written when the spec has errors. Files are written to temporary names and renamed into place only once all are written; earlier monctl-generated files no longer produced are removed.\n\nExamples:\n  monctl generate examples/mall-go --out build/monitoring\n  monctl generate examples/mall-go --out build/monitoring --check   # CI drift check"
    )]
    Generate {
        /// Spec file or folder.
        #[arg(default_value = ".")]
        path: PathBuf,
        /// Output folder (created when missing).
        #[arg(long)]
        out: PathBuf,
        /// Write nothing; exit 1 listing the files that differ from what would be generated.
        #[arg(long)]
        check: bool,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Print the spec's JSON Schema (draft 2020-12).
    #[command(after_help = "Example:\n  monctl schema > monctl.schema.json")]
    Schema,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { path, format } => check(&path, format),
        Command::Generate {
            path,
            out,
            check,
            format,
        } => generate(&path, &out, check, format),
        Command::Schema => {
            print!("{}", monctl::schema::schema_text());
            ExitCode::SUCCESS
        }
    }
}

fn read(path: &std::path::Path) -> Result<Vec<monctl::SourceFile>, ExitCode> {
    sources::read_spec(path).map_err(|e| {
        eprintln!("error: {e}");
        ExitCode::from(2)
    })
}

fn check(path: &std::path::Path, format: Format) -> ExitCode {
    let files = match read(path) {
        Ok(files) => files,
        Err(code) => return code,
    };
    let report = monctl::check(&files);
    render::print(&report.diagnostics, &files, format);
    if report.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn generate(
    path: &std::path::Path,
    out: &std::path::Path,
    check_only: bool,
    format: Format,
) -> ExitCode {
    let files = match read(path) {
        Ok(files) => files,
        Err(code) => return code,
    };
    match monctl::generate(&files) {
        Err(diagnostics) => {
            render::print(&diagnostics, &files, format);
            eprintln!("error: the spec has errors; nothing was written");
            ExitCode::from(1)
        }
        Ok((artifacts, diagnostics)) => {
            render::print(&diagnostics, &files, format);
            if check_only {
                match output::drift(out, &artifacts) {
                    Ok(drift) if drift.is_empty() => {
                        eprintln!(
                            "{} files in {} are up to date",
                            artifacts.len(),
                            out.display()
                        );
                        ExitCode::SUCCESS
                    }
                    Ok(drift) => {
                        for (status, file) in &drift {
                            println!("{status}: {}", out.join(file).display());
                        }
                        eprintln!("error: {} generated files differ; run `monctl generate` and commit the result", drift.len());
                        ExitCode::from(1)
                    }
                    Err(e) => {
                        eprintln!("error: {e}");
                        ExitCode::from(2)
                    }
                }
            } else {
                match output::write_all(out, &artifacts) {
                    Ok(summary) => {
                        eprintln!(
                            "wrote {} files to {}{}",
                            artifacts.len(),
                            out.display(),
                            summary
                        );
                        ExitCode::SUCCESS
                    }
                    Err(e) => {
                        eprintln!("error: {e}");
                        ExitCode::from(2)
                    }
                }
            }
        }
    }
}
