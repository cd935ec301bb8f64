//! The `monctl` command line: argument parsing and the commands. Files, the terminal and exit codes
//! live here; everything else is the core library's.

mod import;
mod lint;
mod output;
mod render;
mod routes;
mod rule_tests;
mod snippet;
mod sources;
mod threads;

// The check allocates many small strings and trees and frees them together; mimalloc does that
// about a fifth faster than the system allocator (see bench/).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
pub(crate) enum Format {
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
    #[command(after_help = "Nothing is written when the spec has errors.\n\n\
Safe on disk:\n\
  - Everything monctl writes or deletes is inside --out. A symbolic link inside --out on the way to an output file (the file itself, or a folder such as rules/) is refused, never followed, and nothing is written.\n\
  - .monctl-manifest.json in --out lists every file monctl generated there with its SHA-256 (commit it with the files). A file the spec no longer produces is deleted only when the manifest lists it and it is unchanged; files you added or edited are kept and named in a warning. Without a manifest (a folder from an older monctl) nothing is deleted.\n\
  - A generated file you edited since (or a file of yours where monctl now writes one) is not overwritten: the run stops with an error naming it and writes nothing. Revert the edit, or pass --force to overwrite it.\n\
  - All or nothing: the new files are written and fsynced under temporary names (in --out/.monctl-txn) and a journal records the run before any output file is touched; then each file is renamed into place, so no file is ever seen half-written. A failure before or during that switch (a full disk, a permission, a file in the way) puts the earlier files back exactly, and the error says so. If monctl is killed before the switch, the earlier files are intact; if it is killed during the switch (a few renames), the folder holds some new and some old files until the next `monctl generate` on it, which first completes that switch (or undoes it) and deletes the temporary files of any interrupted run. Only one run may write a folder at a time.\n\n\
--check writes nothing and exits 1 listing each file that is `changed`, `missing` or `stale` (listed in the manifest, no longer produced); files that are not monctl's are not stale, only named in a warning. It exits 2 while an interrupted run is part-way through its switch.\n\n\
Examples:\n  monctl generate examples/mall-go --out build/monitoring\n  monctl generate examples/mall-go --out build/monitoring --check   # CI drift check\n  monctl generate examples/mall-go --out build/monitoring --force   # overwrite hand edits")]
    Generate {
        /// Spec file or folder.
        #[arg(default_value = ".")]
        path: PathBuf,
        /// Output folder (created when missing).
        #[arg(long)]
        out: PathBuf,
        /// Write nothing; exit 1 listing the files that are changed, missing or stale.
        #[arg(long)]
        check: bool,
        /// Overwrite generated files that were edited since monctl wrote them, and files that
        /// are not monctl's where the spec now produces a file (the edits are lost).
        #[arg(long, conflicts_with = "check")]
        force: bool,
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
    /// Import native files (prometheus.yml, rule files, alertmanager.yml, ...) into a spec folder.
    Import(import::ImportArgs),
    /// Lint native files in place (prometheus.yml, rule files, alertmanager.yml, ...) with every check.
    Lint(lint::LintArgs),
    /// Run the spec's rule unit tests (and the generated SLO tests) with promtool.
    Test(rule_tests::TestArgs),
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
            force,
            format,
        } => generate(&path, &out, check, force, format),
        Command::Schema => {
            stdout(&monctl::schema::schema_text());
            ExitCode::SUCCESS
        }
        Command::Routes(command) => routes::run(command),
        Command::Import(args) => import::run(args),
        Command::Lint(args) => lint::run(args),
        Command::Test(args) => rule_tests::run(args),
    }
}

/// Writes to standard output; a closed pipe (`monctl rules | head`) ends output quietly.
pub fn stdout(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|_| out.flush());
}

pub(crate) fn read(path: &std::path::Path) -> Result<Vec<monctl::SourceFile>, ExitCode> {
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
    let report = monctl::check_with(&files, &threads::Threads::from_environment());
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
    force: bool,
    format: Format,
) -> ExitCode {
    if let Err(e) = output::check_out_folder(path, out) {
        eprintln!("error: {e}");
        return ExitCode::from(2);
    }
    let files = match read(path) {
        Ok(files) => files,
        Err(code) => return code,
    };
    let (artifacts, diagnostics) =
        match monctl::generate_with(&files, &threads::Threads::from_environment()) {
            Ok(generated) => generated,
            Err(diagnostics) => {
                render::print(&diagnostics, &files, format);
                eprintln!("error: the spec has errors; nothing was written");
                return ExitCode::from(1);
            }
        };
    render::print(&diagnostics, &files, format);
    if check_only {
        let drift = match output::drift(out, &artifacts) {
            Ok(drift) => drift,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        };
        for warning in &drift.warnings {
            eprintln!("warning: {warning}");
        }
        if drift.drift.is_empty() {
            eprintln!(
                "{} files in {} are up to date",
                artifacts.len(),
                out.display()
            );
            return ExitCode::SUCCESS;
        }
        for (status, file) in &drift.drift {
            stdout(&format!("{status}: {}\n", out.join(file).display()));
        }
        eprintln!(
            "error: {} generated files differ; run `monctl generate` and commit the result",
            drift.drift.len()
        );
        return ExitCode::from(1);
    }
    match output::write_all(out, &artifacts, force) {
        Ok(written) => {
            for note in &written.notes {
                eprintln!("note: {note}");
            }
            for warning in &written.warnings {
                eprintln!("warning: {warning}");
            }
            let mut summary = format!(
                "{}: {} generated files, {} written, {} already up to date",
                out.display(),
                artifacts.len(),
                written.written,
                written.unchanged
            );
            if written.removed > 0 {
                summary.push_str(&format!(
                    ", {} stale generated files removed",
                    written.removed
                ));
            }
            eprintln!("{summary}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
