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
    after_help = "Examples:\n  monctl check examples/mall-go\n  monctl generate examples/mall-go --out build/monitoring\n  monctl generate examples/mall-go --out build/monitoring --check\n  monctl explain P003\n  monctl schema > monctl.schema.json"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// rustc-style diagnostics with source snippets (on stderr).
    Human,
    /// A JSON array of diagnostics.
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands that annotate a pull request's diff.
    Github,
}

#[derive(Subcommand)]
enum Command {
    /// Check a spec (a file, or a folder whose .yml/.yaml/.json files are merged) and report problems.
    #[command(
        after_help = "Exit status: 0 when no errors were found, 1 when there were errors (or warnings, with --deny-warnings), 2 on usage or I/O failure.\n\nExamples:\n  monctl check examples/mall-go\n  monctl check spec.yml --format json\n  monctl check monitoring/ --format sarif > monctl.sarif\n  monctl check monitoring/ --format github --deny-warnings   # in a GitHub Actions step"
    )]
    Check {
        /// Spec file or folder.
        #[arg(default_value = ".")]
        path: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Exit 1 on warnings too.
        #[arg(long)]
        deny_warnings: bool,
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
    /// Explain a diagnostic code: why it matters, a bad and a good example, the fix.
    #[command(
        after_help = "Examples:\n  monctl explain P003\n  monctl explain grouping-on-absent-label"
    )]
    Explain {
        /// A code such as P003, or a rule name.
        code: String,
    },
    /// List every diagnostic code with its name, default level and summary.
    #[command(after_help = "Examples:\n  monctl rules\n  monctl rules --markdown > docs/rules.md")]
    Rules {
        /// Print the full reference as Markdown (docs/rules.md).
        #[arg(long)]
        markdown: bool,
    },
    /// Print the spec's JSON Schema (draft 2020-12).
    #[command(after_help = "Example:\n  monctl schema > monctl.schema.json")]
    Schema,
    /// Test and show Alertmanager routing: which receivers alerts reach, inhibition, time intervals.
    #[command(subcommand)]
    Routes(routes::RoutesCommand),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check {
            path,
            format,
            deny_warnings,
        } => check(&path, format, deny_warnings),
        Command::Explain { code } => {
            match monctl::docs::explain(&code) {
                Some(info) => {
                    stdout(&monctl::docs::explain_text(&info));
                    ExitCode::SUCCESS
                }
                None => {
                    eprintln!("error: no diagnostic code or rule named `{code}`; `monctl rules` lists them");
                    ExitCode::from(2)
                }
            }
        }
        Command::Rules { markdown } => {
            if markdown {
                stdout(&monctl::docs::rules_markdown());
            } else {
                for c in monctl::docs::all_codes() {
                    stdout(&format!(
                        "{:<5} {:<32} {:<8} {}\n",
                        c.code,
                        c.name,
                        c.severity.to_string(),
                        c.summary
                    ));
                }
            }
            ExitCode::SUCCESS
        }
        Command::Generate {
            path,
            out,
            check,
            format,
        } => generate(&path, &out, check, format),
        Command::Schema => {
            stdout(&monctl::schema::schema_text());
            ExitCode::SUCCESS
        }
        Command::Routes(command) => routes::run(command),
    }
}

/// Writes to standard output; a closed pipe (`monctl rules | head`) ends output quietly.
pub fn stdout(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|_| out.flush());
}

fn read(path: &std::path::Path) -> Result<Vec<monctl::SourceFile>, ExitCode> {
    sources::read_spec(path).map_err(|e| {
        eprintln!("error: {e}");
        ExitCode::from(2)
    })
}

fn check(path: &std::path::Path, format: Format, deny_warnings: bool) -> ExitCode {
    let files = match read(path) {
        Ok(files) => files,
        Err(code) => return code,
    };
    let report = monctl::check(&files);
    render::print(&report.diagnostics, &files, format);
    let warnings = report
        .diagnostics
        .iter()
        .any(|d| d.severity == monctl::Severity::Warning);
    if report.has_errors() || (deny_warnings && warnings) {
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
                            stdout(&format!("{status}: {}\n", out.join(file).display()));
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
