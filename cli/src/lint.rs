//! `monctl lint`: native files (prometheus.yml, rule files, alertmanager.yml, folders of them)
//! imported in memory and checked with every rule, with diagnostics at the native files' lines,
//! in every output format (issue #9). Metric facts come from the packs the jobs are matched to
//! (by job name or target port, or `--pack job=pack`) and from any spec file given beside.

use crate::Format;
use clap::Args;
use monctl::import::prometheus::{import_with, ImportOptions, NativeKind};
use monctl::SourceFile;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct LintArgs {
    /// Native files or folders (their .yml/.yaml/.json/.conf files); monctl spec files (a metrics catalog)
    /// may be given beside them.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Read every file as this kind: prometheus, rules, alertmanager, sloth, fluentd,
    /// elasticsearch, compose, grafana or spec (default: detected).
    #[arg(long)]
    kind: Option<String>,
    /// The metric pack a job's targets expose, `JOB=PACK` (repeatable).
    #[arg(long = "pack", value_name = "JOB=PACK")]
    packs: Vec<String>,
    /// The prometheus.yml is for Prometheus in agent mode (`prometheus --agent`): alerting,
    /// rule_files and remote_read are refused, as Prometheus does.
    #[arg(long)]
    agent: bool,
    /// Exit 1 on warnings too.
    #[arg(long)]
    deny_warnings: bool,
}

/// Reads the files named, folders expanded into their .yml/.yaml/.json/.conf files in name
/// order. A file found in a folder whose kind is none monctl reads (a dashboard, a package.json)
/// is left out with a warning; a file named on the command line is always read.
pub(crate) fn read_native(paths: &[PathBuf]) -> Result<Vec<SourceFile>, String> {
    let mut all = Vec::new();
    for p in paths {
        let files = crate::sources::read_native(p)?;
        if !p.is_dir() {
            all.extend(files);
            continue;
        }
        for f in files {
            if monctl::import::prometheus::detect_file(&f).is_some() {
                all.push(f);
            } else {
                eprintln!(
                    "warning: {} left out: not a prometheus.yml, rule file, alertmanager.yml, Sloth spec, fluent.conf, Elasticsearch body, compose file or Grafana dashboard (name it, with --kind, to read it)",
                    f.name
                );
            }
        }
    }
    Ok(all)
}

/// The import options from `--kind`, `--pack` and `--agent`.
pub(crate) fn options(
    kind: Option<&str>,
    packs: &[String],
    agent: bool,
    count: usize,
) -> Result<ImportOptions, String> {
    let kind = match kind {
        Some(k) => Some(NativeKind::parse(k).ok_or_else(|| {
            format!("--kind {k}: expected prometheus, rules, alertmanager, sloth, fluentd, elasticsearch, compose, grafana or spec")
        })?),
        None => None,
    };
    let packs = packs
        .iter()
        .map(|p| {
            p.split_once('=')
                .map(|(j, k)| (j.to_string(), k.to_string()))
                .ok_or_else(|| format!("--pack {p}: expected JOB=PACK"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ImportOptions {
        kinds: vec![kind; count],
        packs,
        match_packs: true,
        agent,
    })
}

pub fn run(args: LintArgs) -> ExitCode {
    let files = match read_native(&args.paths) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let options = match options(args.kind.as_deref(), &args.packs, args.agent, files.len()) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let imported = import_with(&files, &options);
    crate::render::print(&imported.diagnostics, &files, args.format);
    let warnings = imported
        .diagnostics
        .iter()
        .any(|d| d.severity == monctl::Severity::Warning);
    if imported.has_errors() || (args.deny_warnings && warnings) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
