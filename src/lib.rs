//! monctl's core: load a monitoring spec, check it, and generate the configuration files of the
//! tools that run it. Pure and deterministic — no file system, clock, environment, threads or
//! network — so the same code runs in the CLI and, compiled to WebAssembly, in the browser.

pub mod catalog;
pub mod check;
pub mod codes;
pub mod diagnostic;
pub mod docs;
pub mod regexes;
pub mod schema;
pub mod secrets;
pub mod source;
pub mod spec;
pub mod suggest;
pub mod workers;

pub use diagnostic::{Diagnostic, Location, Position, Severity, SpecPath};
pub mod generate;
pub mod import;
pub mod model;
pub mod promql;
pub mod routing;

pub use generate::Artifact;
pub use source::{Limits, Loaded, SourceFile};

/// The result of checking a spec: its diagnostics, sorted by position.
#[derive(Debug, Clone)]
pub struct CheckReport {
    pub diagnostics: Vec<Diagnostic>,
}

impl CheckReport {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Loads and checks a spec given as source files (one file, or a folder's files in a stable order).
pub fn check(files: &[SourceFile]) -> CheckReport {
    check_with(files, &workers::InOrder)
}

/// [`check`], with the independent jobs run by `workers` (see [`load_model_with`]).
pub fn check_with(files: &[SourceFile], workers: &dyn workers::Workers) -> CheckReport {
    let (_, diagnostics) = load_model_with(files, workers);
    CheckReport { diagnostics }
}

/// Loads, checks and generates. Generation happens only when there is no error: on errors the
/// diagnostics are returned and no artifact at all. A literal credential stops generation
/// whatever the lint settings (unless `lint.test_secrets` names that value), and so does one
/// found in a generated file's text.
pub fn generate(files: &[SourceFile]) -> Result<(Vec<Artifact>, Vec<Diagnostic>), Vec<Diagnostic>> {
    generate_with(files, &workers::InOrder)
}

/// [`generate`], with the independent jobs run by `workers` (see [`load_model_with`]).
pub fn generate_with(
    files: &[SourceFile],
    workers: &dyn workers::Workers,
) -> Result<(Vec<Artifact>, Vec<Diagnostic>), Vec<Diagnostic>> {
    let (model, mut diagnostics, loaded) = load_model_with_sources(files, workers);
    let Some(model) = model else {
        return Err(diagnostics);
    };
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(diagnostics);
    }
    let found = model.spec_secrets().to_vec();
    let (allowed, _) = secrets::opt_outs(&model.spec, &found, &literal_paths(&diagnostics));
    let artifacts = model.into_artifacts();
    let mut refusals = secrets::refuse_leaks(&found, &allowed, &artifacts);
    if refusals.is_empty() {
        return Ok((artifacts, diagnostics));
    }
    loaded.resolve(&mut refusals);
    secrets::redact_diagnostics(&mut refusals, &loaded.secrets);
    diagnostics.extend(refusals);
    diagnostic::sort_diagnostics(&mut diagnostics);
    Err(diagnostics)
}

/// The paths of typed secret fields holding a literal (S014's findings).
fn literal_paths(diagnostics: &[Diagnostic]) -> Vec<SpecPath> {
    diagnostics
        .iter()
        .filter(|d| d.code == codes::LITERAL_SECRET)
        .map(|d| d.path.clone())
        .collect()
}

/// Loads the sources and resolves the model, with every diagnostic found on the way.
pub fn load_model(files: &[SourceFile]) -> (Option<model::Model>, Vec<Diagnostic>) {
    load_model_with(files, &workers::InOrder)
}

/// [`load_model`], with its independent jobs (parse each file, each rule's expression, run each
/// lint rule) run by `workers`; the result is the same whatever `workers` is.
pub fn load_model_with(
    files: &[SourceFile],
    workers: &dyn workers::Workers,
) -> (Option<model::Model>, Vec<Diagnostic>) {
    let (model, diagnostics, _) = load_model_with_sources(files, workers);
    (model, diagnostics)
}

/// [`load_model_with`], also returning the loaded sources (the source map).
fn load_model_with_sources(
    files: &[SourceFile],
    workers: &dyn workers::Workers,
) -> (Option<model::Model>, Vec<Diagnostic>, source::Loaded) {
    let mut loaded = source::load_with(files, &Limits::default(), workers);
    let mut diagnostics = std::mem::take(&mut loaded.diagnostics);
    let model = loaded.spec.take().map(|spec| {
        let (model, mut found) = model::Model::resolve_with(spec, workers);
        found.extend(check::check_with(&model, workers));
        loaded.resolve(&mut found);
        diagnostics.extend(found);
        model
    });
    // A typed secret field holding a literal is reported once, by the loader (S014).
    let literal_secrets = literal_paths(&diagnostics);
    diagnostics.retain(|d| {
        d.code != "X001" || !literal_secrets.iter().any(|p| d.path.0.starts_with(&p.0))
    });
    if let Some(model) = &model {
        let found = model.spec_secrets();
        let (allowed, mut errors) = secrets::opt_outs(&model.spec, found, &literal_secrets);
        secrets::without_opt_outs(&mut diagnostics, &allowed);
        loaded
            .secrets
            .extend(found.iter().map(|s| s.secret.clone()));
        loaded.resolve(&mut errors);
        diagnostics.extend(errors);
    }
    // No message shows a credential of the spec, in any output format.
    secrets::redact_diagnostics(&mut diagnostics, &loaded.secrets);
    diagnostic::sort_diagnostics(&mut diagnostics);
    (model, diagnostics, loaded)
}

/// Routes an alert with these labels through the spec's Alertmanager route tree, as Alertmanager
/// would; `at` is the instant time intervals are evaluated at (none: no route is muted).
pub fn route(
    model: &model::Model,
    labels: &routing::LabelSet,
    at: Option<routing::Instant>,
) -> Result<routing::RouteResult, routing::RouteError> {
    route_with_firing(model, labels, at, &[])
}

/// [`route`], with the other alerts firing at the same time, which may inhibit this one.
pub fn route_with_firing(
    model: &model::Model,
    labels: &routing::LabelSet,
    at: Option<routing::Instant>,
    firing: &[routing::LabelSet],
) -> Result<routing::RouteResult, routing::RouteError> {
    let routing = model
        .spec
        .routing
        .as_ref()
        .ok_or(routing::RouteError::NoRouting)?;
    Ok(routing::Simulator::new(routing).route(labels, at, firing))
}
