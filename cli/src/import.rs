//! `monctl import`: native files (prometheus.yml, rule files, alertmanager.yml, Sloth specs,
//! fluent.conf, Elasticsearch bodies, compose files) into a spec
//! folder, one file per section, refusing to overwrite; literal secrets are moved to file
//! references and listed for the user to act on (issue #9).

use clap::Args;
use monctl::import::prometheus::import_with;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct ImportArgs {
    /// Native files or folders (their .yml/.yaml/.json/.conf files), optionally after their kind:
    /// `monctl import sloth slos.yml --out D` is `--kind sloth`.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The spec folder to write (its section files must not exist yet).
    #[arg(long)]
    out: PathBuf,
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
}

pub fn run(mut args: ImportArgs) -> ExitCode {
    // `monctl import sloth FILE`: a leading kind name that is no file is the kind.
    if args.kind.is_none() && args.paths.len() > 1 && !args.paths[0].exists() {
        let first = args.paths[0].display().to_string();
        if monctl::import::prometheus::NativeKind::parse(&first).is_some() {
            args.kind = Some(first);
            args.paths.remove(0);
        }
    }
    let files = match crate::lint::read_native(&args.paths) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let options =
        match crate::lint::options(args.kind.as_deref(), &args.packs, args.agent, files.len()) {
            Ok(o) => o,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        };
    let mut imported = import_with(&files, &options);
    crate::render::print(&imported.diagnostics, &files, crate::Format::Human);
    if imported.spec.is_none() {
        eprintln!("error: the files could not be read into a spec; nothing was written");
        return ExitCode::from(1);
    }
    let dropped = imported.drop_reported();
    let sections = imported.section_files();
    for (name, _) in &sections {
        let target = args.out.join(name);
        if target.exists() {
            eprintln!(
                "error: {} exists; monctl import does not overwrite (choose another --out)",
                target.display()
            );
            return ExitCode::from(2);
        }
    }
    if let Err(e) = std::fs::create_dir_all(&args.out) {
        eprintln!("error: {}: {e}", args.out.display());
        return ExitCode::from(2);
    }
    for (name, text) in &sections {
        let target = args.out.join(name);
        if let Err(e) = std::fs::write(&target, text) {
            eprintln!("error: {}: {e}", target.display());
            return ExitCode::from(2);
        }
        eprintln!("wrote {}", target.display());
    }
    if !imported.secrets.is_empty() {
        eprintln!(
            "\n{} literal secret(s) were moved out of the spec; write each one into its file:",
            imported.secrets.len()
        );
        for s in &imported.secrets {
            eprintln!("  {}  `{}` -> {}", s.location, s.field, s.file);
        }
    }
    if !dropped.is_empty() {
        eprintln!("\nleft out of the spec (reported above):");
        for path in &dropped {
            eprintln!("  {path}");
        }
    }
    let load_errors = imported
        .diagnostics
        .iter()
        .any(|d| d.is_error() && d.code.starts_with('S'));
    if load_errors {
        eprintln!("error: some fields could not be imported (see above); the spec lacks them");
        return ExitCode::from(1);
    }
    if imported.has_errors() {
        eprintln!(
            "error: the imported configuration has the errors reported above; the spec is written as it was: fix them there"
        );
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
