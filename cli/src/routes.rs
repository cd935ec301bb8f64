//! `monctl routes`: test and show Alertmanager routing. `test` routes one label set (or a file of
//! cases) through the spec's route tree with inhibition and time intervals, and checks the result
//! against expectations; `show` prints the tree and where every alert rule's alerts go. Reading
//! files and printing live here; the simulation is the core's (`monctl::routing`).

use clap::{Args, Subcommand, ValueEnum};
use monctl::routing::{self, cases, show, Instant, LabelSet, RouteResult, Simulator};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RoutesFormat {
    /// Text for people.
    Human,
    /// JSON for programs.
    Json,
}

#[derive(Subcommand)]
pub enum RoutesCommand {
    /// Route alerts through the spec's route tree and check the receivers they reach.
    #[command(
        after_help = "With --labels, routes one alert (with --firing alerts that may inhibit it, and --at for time intervals) and, with --expect, checks its receivers. With --cases, runs a YAML file of cases, each with labels, optional firing alerts and instant, and expectations (receivers, inhibited, notified).\n\nExit status: 0 when every expectation holds, 1 when one fails or the spec has errors, 2 on usage or I/O failure.\n\nExamples:\n  monctl routes test examples/mall-go --labels alertname=ServiceDown,severity=critical\n  monctl routes test examples/mall-go --labels severity=warning --expect warning-alerts\n  monctl routes test examples/mall-go --labels alertname=HighCPUUsage,severity=warning --firing alertname=HighCPUUsage,severity=critical\n  monctl routes test examples/mall-go --cases examples/mall-go-routing-cases.yml\n  monctl routes test examples/mall-go --labels severity=critical --format json"
    )]
    Test(TestArgs),
    /// Print the route tree, and each alert rule's static labels and the receivers they reach.
    #[command(
        after_help = "Examples:\n  monctl routes show examples/mall-go\n  monctl routes show examples/mall-go --format json"
    )]
    Show {
        /// Spec file or folder.
        #[arg(default_value = ".")]
        path: PathBuf,
        #[arg(long, value_enum, default_value_t = RoutesFormat::Human)]
        format: RoutesFormat,
    },
}

#[derive(Args)]
pub struct TestArgs {
    /// Spec file or folder.
    #[arg(default_value = ".")]
    path: PathBuf,
    /// The alert's labels: name=value pairs, comma-separated (quote values holding commas: a="x,y").
    #[arg(long, conflicts_with = "cases", required_unless_present = "cases")]
    labels: Option<String>,
    /// Another alert firing at the same time (for inhibition); repeat for several.
    #[arg(long, conflicts_with = "cases")]
    firing: Vec<String>,
    /// The instant time intervals are evaluated at (RFC 3339, e.g. 2024-05-06T09:30:00Z).
    #[arg(long, conflicts_with = "cases")]
    at: Option<String>,
    /// The receivers the alert must reach, in order, comma-separated.
    #[arg(long, conflicts_with = "cases")]
    expect: Option<String>,
    /// A YAML file of test cases.
    #[arg(long)]
    cases: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = RoutesFormat::Human)]
    format: RoutesFormat,
}

pub fn run(command: RoutesCommand) -> ExitCode {
    match command {
        RoutesCommand::Test(args) => test(args),
        RoutesCommand::Show { path, format } => show_command(&path, format),
    }
}

/// Standard output that a closed pipe ends quietly.
fn out(text: String) {
    crate::stdout(&text);
}

fn usage(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}

/// Loads the spec; prints its errors (not its warnings: `monctl check` shows those).
fn load(path: &Path) -> Result<(monctl::model::Model, Vec<monctl::SourceFile>), ExitCode> {
    let files = crate::sources::read_spec(path).map_err(usage)?;
    let (model, diagnostics) = monctl::load_model(&files);
    let errors: Vec<monctl::Diagnostic> =
        diagnostics.into_iter().filter(|d| d.is_error()).collect();
    match model {
        Some(model) if errors.is_empty() => {
            if model.spec.routing.is_none() {
                return Err(usage(format!(
                    "{} has no `routing` section to test",
                    path.display()
                )));
            }
            Ok((model, files))
        }
        _ => {
            crate::render::print(&errors, &files, crate::Format::Human);
            eprintln!("error: the spec has errors; fix them first (`monctl check`)");
            Err(ExitCode::from(1))
        }
    }
}

/// `a=b,c="d,e"` into a label set; every pair must be name=value.
fn parse_labels(text: &str) -> Result<LabelSet, String> {
    monctl::routing::parse_label_set(text)
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        "(none)".to_string()
    } else {
        items.join(", ")
    }
}

fn human_result(result: &RouteResult) -> String {
    let mut out = format!("labels:    {}\n", routing::label_set_string(&result.labels));
    if let Some(at) = &result.at {
        out.push_str(&format!("at:        {at}\n"));
    }
    out.push_str(&format!("receivers: {}\n", list(&result.receivers)));
    for r in &result.routes {
        let m = &r.route;
        let o = &m.opts;
        let group_by = if o.group_by_all {
            "...".to_string()
        } else {
            o.group_by.join(", ")
        };
        out.push_str(&format!(
            "  {}  receiver: {}  group_by: [{}]  group_wait: {}  group_interval: {}  repeat_interval: {}{}\n",
            m.spec_path,
            o.receiver,
            group_by,
            o.group_wait,
            o.group_interval,
            o.repeat_interval,
            r.muted_by
                .as_ref()
                .map(|why| format!("  MUTED ({why})"))
                .unwrap_or_default()
        ));
        out.push_str(&format!("    group key: {}\n", m.group_key));
    }
    if result.inhibited {
        for i in &result.inhibited_by {
            out.push_str(&format!(
                "inhibited: yes, by {} while {} fires\n",
                i.rule_path,
                routing::label_set_string(&i.source)
            ));
        }
    } else {
        out.push_str("inhibited: no\n");
    }
    out.push_str(&format!("notified:  {}\n", list(&result.notified)));
    out
}

fn test(args: TestArgs) -> ExitCode {
    let (model, _) = match load(&args.path) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let Some(routing_section) = model.spec.routing.as_ref() else {
        return usage("the spec has no routing section");
    };
    let sim = Simulator::new(routing_section);
    match &args.cases {
        Some(file) => run_cases(&sim, file, args.format),
        None => single(&sim, &args),
    }
}

fn single(sim: &Simulator<'_>, args: &TestArgs) -> ExitCode {
    let labels = match parse_labels(args.labels.as_deref().unwrap_or_default()) {
        Ok(l) => l,
        Err(e) => return usage(e),
    };
    let mut firing = Vec::new();
    for f in &args.firing {
        match parse_labels(f) {
            Ok(l) => firing.push(l),
            Err(e) => return usage(format!("--firing: {e}")),
        }
    }
    let at = match args.at.as_deref().map(Instant::parse_rfc3339).transpose() {
        Ok(at) => at,
        Err(e) => return usage(format!("--at: {e}")),
    };
    let result = sim.route(&labels, at, &firing);
    let expected: Option<Vec<String>> = args.expect.as_ref().map(|e| {
        e.split(',')
            .map(|r| r.trim().to_string())
            .filter(|r| !r.is_empty())
            .collect()
    });
    let failures = expected
        .as_ref()
        .map(|receivers| {
            cases::compare(
                &cases::Expectation {
                    receivers: Some(receivers.clone()),
                    ..Default::default()
                },
                &result,
            )
        })
        .unwrap_or_default();
    match args.format {
        RoutesFormat::Json => {
            let mut value = serde_json::to_value(&result).unwrap_or_default();
            if let (Some(receivers), Some(map)) = (&expected, value.as_object_mut()) {
                map.insert("expected_receivers".into(), serde_json::json!(receivers));
                map.insert("passed".into(), serde_json::json!(failures.is_empty()));
                map.insert("failures".into(), serde_json::json!(failures));
            }
            out(format!(
                "{}\n",
                serde_json::to_string_pretty(&value).unwrap_or_default()
            ));
        }
        RoutesFormat::Human => {
            out(human_result(&result));
            if expected.is_some() {
                if failures.is_empty() {
                    out("ok: receivers as expected\n".into());
                } else {
                    for f in &failures {
                        out(format!("FAIL: {f}\n"));
                    }
                }
            }
        }
    }
    if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn run_cases(sim: &Simulator<'_>, file: &Path, format: RoutesFormat) -> ExitCode {
    // A cases file is bounded like a spec file, and refused before it is read whole.
    let limit = monctl::Limits::default().max_file_bytes;
    match std::fs::metadata(file) {
        Ok(m) if m.len() > limit as u64 => {
            return usage(format!(
                "{} is {} bytes; a cases file may have at most {limit}",
                file.display(),
                m.len()
            ))
        }
        Ok(_) => {}
        Err(e) => return usage(format!("cannot read {}: {e}", file.display())),
    }
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) => return usage(format!("cannot read {}: {e}", file.display())),
    };
    let parsed = match cases::parse(&text) {
        Ok(c) => c,
        Err(e) => return usage(format!("{}: {e}", file.display())),
    };
    let outcomes = cases::run_cases(sim, &parsed);
    let failed = outcomes.iter().filter(|o| !o.passed).count();
    let passed = outcomes.len() - failed;
    match format {
        RoutesFormat::Json => {
            let value = serde_json::json!({
                "cases": outcomes,
                "passed": passed,
                "failed": failed,
            });
            out(format!(
                "{}\n",
                serde_json::to_string_pretty(&value).unwrap_or_default()
            ));
        }
        RoutesFormat::Human => {
            for o in &outcomes {
                let name = o
                    .name
                    .clone()
                    .unwrap_or_else(|| routing::label_set_string(&o.result.labels));
                out(format!(
                    "{} cases[{}] {name}\n",
                    if o.passed { "ok  " } else { "FAIL" },
                    o.index
                ));
                for f in &o.failures {
                    out(format!("       {f}\n"));
                }
            }
            out(format!("{passed} passed, {failed} failed\n"));
        }
    }
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn show_command(path: &Path, format: RoutesFormat) -> ExitCode {
    let (model, _) = match load(path) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let Some(report) = show::show(&model.spec) else {
        return usage("the spec has no routing section");
    };
    match format {
        RoutesFormat::Json => out(format!(
            "{}\n",
            serde_json::to_string_pretty(&report).unwrap_or_default()
        )),
        RoutesFormat::Human => out(show::render(&report)),
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_label_lists() {
        let l = parse_labels(r#"alertname=A, severity="critical",note="a,b""#).unwrap();
        assert_eq!(l["severity"], "critical");
        assert_eq!(l["note"], "a,b");
        assert!(parse_labels("severity=~crit.*").is_err());
        assert!(parse_labels("a=b,a=c").is_err());
        // UTF-8 names, as Alertmanager 0.27+ accepts them.
        assert_eq!(parse_labels("é=x").unwrap()["é"], "x");
    }
}
