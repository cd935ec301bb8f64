//! The import pipeline shared by every native format: parse each native file into a positioned
//! tree, reshape it into the spec's sections (keeping the native spans), read values as the tool
//! does and move literal secrets out, then load the result as a spec and check it. Every
//! diagnostic is placed at the native file's line and column.

use super::schema_walk::{walk, MovedSecret, WalkFindings};
use super::tree::{self, location};
use crate::codes::{INPUT_LIMIT, YAML_SYNTAX};
use crate::diagnostic::{sort_diagnostics, Diagnostic, Location, SpecPath};
use crate::source::{FileId, Node, NodeKind};
use crate::spec::Spec;
use crate::{Limits, Loaded, SourceFile};

/// What a native file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NativeKind {
    /// prometheus.yml.
    Prometheus,
    /// A Prometheus rule file (`groups:`).
    Rules,
    /// alertmanager.yml.
    Alertmanager,
    /// A file of monctl's own spec (a metrics catalog, say), taken as it is.
    Spec,
    /// A Sloth `prometheus/v1` SLO spec, taken as the spec's `slos.sloth` form.
    Sloth,
    /// A Fluentd config (fluent.conf), into `logs.pipeline`.
    Fluentd,
    /// An Elasticsearch index or component template or ILM policy body (JSON), into
    /// `logs.elasticsearch`.
    Elasticsearch,
    /// A docker-compose file, into `stack`.
    Compose,
    /// A Grafana dashboard's JSON model, into `dashboards.dashboards`.
    Grafana,
}

impl NativeKind {
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "prometheus" => Some(NativeKind::Prometheus),
            "rules" => Some(NativeKind::Rules),
            "alertmanager" => Some(NativeKind::Alertmanager),
            "spec" => Some(NativeKind::Spec),
            "sloth" => Some(NativeKind::Sloth),
            "fluentd" => Some(NativeKind::Fluentd),
            "elasticsearch" => Some(NativeKind::Elasticsearch),
            "compose" => Some(NativeKind::Compose),
            "grafana" => Some(NativeKind::Grafana),
            _ => None,
        }
    }

    /// The spec section this kind imports into.
    pub fn section(self) -> &'static str {
        match self {
            NativeKind::Prometheus => "scrape",
            NativeKind::Rules => "rules",
            NativeKind::Alertmanager => "routing",
            NativeKind::Spec => "spec",
            NativeKind::Sloth => "slos",
            NativeKind::Fluentd | NativeKind::Elasticsearch => "logs",
            NativeKind::Compose => "stack",
            NativeKind::Grafana => "dashboards",
        }
    }
}

/// A literal secret the import moved to a file reference, with the native place it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct SecretMove {
    pub spec_path: SpecPath,
    /// The native field that held the literal (`password`, `api_url`...).
    pub field: String,
    /// The file the user must create with the secret in it (`$NAME`: the environment variable
    /// to set, for fields the tool reads from no file).
    pub file: String,
    pub location: Location,
}

/// The result of importing native files.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The spec, when the native files could be read into one (it may still have errors).
    pub spec: Option<Spec>,
    /// The spec as a JSON value (sections as keys), what `monctl import` writes out.
    pub value: serde_json::Value,
    /// Every finding, placed in the native files.
    pub diagnostics: Vec<Diagnostic>,
    /// The literal secrets moved out of the spec.
    pub secrets: Vec<SecretMove>,
    /// The kind each file was read as.
    pub kinds: Vec<NativeKind>,
    /// The source map from spec paths to native positions.
    pub loaded: Loaded,
}

impl Imported {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// The kind of a native file from its top-level keys.
pub fn detect(root: &Node) -> Option<NativeKind> {
    let NodeKind::Map(entries) = &root.kind else {
        return None;
    };
    let has = |k: &str| entries.iter().any(|(key, _)| key.name == k);
    if crate::import::sloth::is_sloth(root) {
        Some(NativeKind::Sloth)
    } else if [
        "scrape",
        "metrics",
        "routing",
        "rules",
        "lint",
        "slos",
        "logs",
        "stack",
        "dashboards",
    ]
    .iter()
    .any(|k| has(k))
    {
        Some(NativeKind::Spec)
    } else if has("route") || has("receivers") || has("inhibit_rules") {
        Some(NativeKind::Alertmanager)
    } else if crate::import::elasticsearch::is_elasticsearch(root) {
        Some(NativeKind::Elasticsearch)
    } else if has("services") {
        Some(NativeKind::Compose)
    } else if crate::import::grafana::is_dashboard(root) {
        Some(NativeKind::Grafana)
    } else if has("groups") {
        Some(NativeKind::Rules)
    } else if entries.is_empty()
        || [
            "scrape_configs",
            "global",
            "rule_files",
            "alerting",
            "remote_write",
            "remote_read",
            "scrape_config_files",
            "storage",
            "otlp",
            "tracing",
            "runtime",
        ]
        .iter()
        .any(|k| has(k))
    {
        Some(NativeKind::Prometheus)
    } else {
        None
    }
}

/// The kind of a native file from its text, when it has one monctl reads.
pub fn detect_file(file: &SourceFile) -> Option<NativeKind> {
    if crate::import::fluentd::looks_like_fluentd(&file.text) {
        return Some(NativeKind::Fluentd);
    }
    let limits = Limits::default();
    if file.text.len() > limits.max_file_bytes {
        return None;
    }
    let root = crate::source::parse_yaml(&file.text, FileId(0), &limits).ok()?;
    detect(&root)
}

/// How to import.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The kind of each file (by index); detected from the content where absent.
    pub kinds: Vec<Option<NativeKind>>,
    /// Explicit `job=pack` choices of the metric packs a job's targets expose.
    pub packs: Vec<(String, String)>,
    /// Match the other jobs to packs by their name or their targets' port.
    pub match_packs: bool,
    /// The prometheus.yml is for Prometheus in agent mode (`--agent`): it may not alert, record
    /// or read remotely.
    pub agent: bool,
}

/// Imports native files (each with the kind given, or detected from its content).
pub fn import(files: &[SourceFile], kinds: &[Option<NativeKind>]) -> Imported {
    import_with(
        files,
        &ImportOptions {
            kinds: kinds.to_vec(),
            ..ImportOptions::default()
        },
    )
}

/// [`import`], with packs assigned to the jobs.
pub fn import_with(files: &[SourceFile], options: &ImportOptions) -> Imported {
    let kinds = &options.kinds;
    let names: Vec<String> = files.iter().map(|f| f.name.clone()).collect();
    let mut diagnostics = Vec::new();
    let mut spec_tree: Option<Node> = None;
    let mut env_moved: Vec<MovedSecret> = Vec::new();
    let mut found_kinds = Vec::new();
    let mut readable = true;
    for (i, file) in files.iter().enumerate() {
        // The native tree as written, nulls included (`match_re: {x: }` is Alertmanager's error,
        // `labels: {x: }` an empty label): the spec loader reads them after the reshaping.
        let limits = Limits::default();
        let given = kinds.get(i).copied().flatten();
        if given == Some(NativeKind::Fluentd)
            || (given.is_none() && crate::import::fluentd::looks_like_fluentd(&file.text))
        {
            found_kinds.push(NativeKind::Fluentd);
            match crate::import::fluentd::to_fragment(file, FileId(i as u32), &names, &limits) {
                Ok((fragment, found)) => {
                    diagnostics.extend(found);
                    match &mut spec_tree {
                        Some(t) => tree::merge(t, fragment),
                        None => spec_tree = Some(fragment),
                    }
                }
                Err(fatal) => {
                    readable = false;
                    diagnostics.push(*fatal);
                }
            }
            continue;
        }
        let raw = (file.text.len() <= limits.max_file_bytes)
            .then(|| crate::source::parse_yaml(&file.text, FileId(i as u32), &limits).ok())
            .flatten();
        let mut root = match raw {
            Some(node) => node,
            None => {
                // Only for its positioned message of what stops the parse.
                let one = crate::source::load(std::slice::from_ref(file), &limits);
                let fatal: Vec<Diagnostic> = one
                    .diagnostics
                    .iter()
                    .filter(|d| {
                        [YAML_SYNTAX, INPUT_LIMIT, crate::codes::DUPLICATE_KEY].contains(&d.code)
                    })
                    .cloned()
                    .collect();
                if !fatal.is_empty() {
                    readable = false;
                    diagnostics.extend(fatal);
                    continue;
                }
                one.tree
            }
        };
        tree::set_file(&mut root, FileId(i as u32));
        let kind = kinds.get(i).copied().flatten().or_else(|| detect(&root));
        let Some(kind) = kind else {
            readable = false;
            diagnostics.push(
                Diagnostic::error(
                    crate::codes::INVALID_VALUE,
                    SpecPath::root(),
                    format!(
                        "{} is not a prometheus.yml, rule file, alertmanager.yml, Sloth spec, fluent.conf, Elasticsearch template or policy, compose file or Grafana dashboard",
                        file.name
                    ),
                )
                .at(Some(location(root.span, &names)))
                .with_help("name the kind with --kind prometheus|rules|alertmanager|sloth|fluentd|elasticsearch|compose|grafana"),
            );
            continue;
        };
        found_kinds.push(kind);
        let fragment = match kind {
            NativeKind::Prometheus => super::to_spec(root, &names, options.agent, &mut diagnostics),
            NativeKind::Rules => {
                crate::import::rules::to_spec(root, &file.name, &names, &mut diagnostics)
            }
            NativeKind::Alertmanager => {
                crate::import::alertmanager::to_spec(root, &names, &mut diagnostics, &mut env_moved)
            }
            NativeKind::Spec => root,
            NativeKind::Sloth => crate::import::sloth::to_spec(root),
            NativeKind::Elasticsearch => {
                crate::import::elasticsearch::to_spec(root, &file.name, &names, &mut diagnostics)
            }
            NativeKind::Compose => crate::import::compose::to_spec(root, &names, &mut diagnostics),
            NativeKind::Grafana => crate::import::grafana::to_spec(root, &names, &mut diagnostics),
            // Read above, before the YAML parse.
            NativeKind::Fluentd => continue,
        };
        match &mut spec_tree {
            Some(t) => tree::merge(t, fragment),
            None => spec_tree = Some(fragment),
        }
    }
    let mut spec_tree = spec_tree.unwrap_or_else(|| tree::map(empty_span(), Vec::new()));
    crate::import::elasticsearch::settle_version(&mut spec_tree, &names, &mut diagnostics);

    if options.match_packs || !options.packs.is_empty() {
        super::packs::assign(&mut spec_tree, &options.packs);
    }
    let mut walked = WalkFindings::default();
    walk(
        &mut spec_tree,
        crate::schema::schema(),
        &SpecPath::root(),
        &mut walked,
    );
    for (path, message, span) in walked.both_forms {
        diagnostics.push(
            Diagnostic::error(crate::codes::INVALID_FIELD_COMBINATION, path, message)
                .at(Some(location(span, &names)))
                .with_help("keep one of the two"),
        );
    }
    let mut moved = env_moved;
    moved.extend(walked.moved);
    let value = tree::to_json(&spec_tree);

    // Load the reshaped tree as a spec: the loader's schema messages, types and validation.
    let text = serde_json::to_string_pretty(&value).unwrap_or_default();
    let synthetic = "<import>";
    let spec_load = crate::source::load(&[SourceFile::new(synthetic, text)], &Limits::default());
    let mut found: Vec<Diagnostic> = spec_load
        .diagnostics
        .into_iter()
        .map(|mut d| {
            if d.location.as_ref().is_some_and(|l| l.file == synthetic) {
                d.location = None;
            }
            d.related.retain(|l| l.file != synthetic);
            d
        })
        .collect();
    let spec = if readable { spec_load.spec } else { None };
    let mut native = crate::source::load(files, &Limits::default());
    native.tree = spec_tree;
    native.file_names = names.clone();
    if let Some(spec) = &spec {
        let (model, more) = crate::model::Model::resolve(spec.clone());
        found.extend(more);
        found.extend(crate::check::check(&model));
    }
    native.resolve(&mut found);
    diagnostics.extend(found);
    let secrets: Vec<SecretMove> = moved
        .into_iter()
        .map(|m: MovedSecret| SecretMove {
            location: location(m.span, &names),
            spec_path: m.path,
            field: m.field,
            file: m.file,
        })
        .collect();
    for s in &secrets {
        diagnostics.push(
            Diagnostic::warning(
                crate::codes::LITERAL_SECRET,
                s.spec_path.clone(),
                format!("`{}` holds a literal secret", s.field),
            )
            .at(Some(s.location.clone()))
            .with_help(match s.file.strip_prefix('$') {
                Some(var) => format!(
                    "the imported spec reads it from the environment variable {var} (the tool reads this field from no file): set it where the configs are generated"
                ),
                None => format!(
                    "the imported spec reads it from `{}`: write the secret there",
                    s.file
                ),
            }),
        );
    }
    // A secret reported as moved is not reported again by the literal-credential rule.
    diagnostics.retain(|d| {
        d.code != "X001" || !secrets.iter().any(|s| d.path.0.starts_with(&s.spec_path.0))
    });
    // A literal the tool reads only inline (no `_file` form: a Consul token, an EC2 secret key)
    // is what the native file must hold: a warning here, not a failure to import. `generate`
    // still refuses to write it until the spec references it or opts the value out.
    for d in diagnostics
        .iter_mut()
        .filter(|d| d.code == "X001" && d.is_error())
    {
        d.severity = crate::diagnostic::Severity::Warning;
        d.help = Some(
            "the tool reads this credential only inline; `monctl generate` refuses to write it: keep this file outside monctl, or name the value in lint.test_secrets with a reason".to_string(),
        );
    }
    sort_diagnostics(&mut diagnostics);
    diagnostics.dedup();
    Imported {
        spec,
        value,
        diagnostics,
        secrets,
        kinds: found_kinds,
        loaded: native,
    }
}

fn empty_span() -> crate::source::Span {
    let start = crate::Position { line: 1, column: 1 };
    crate::source::Span {
        file: FileId(0),
        start,
        end: start,
    }
}

/// An error about a native field the spec cannot say, at the field's key.
pub fn unsupported(
    field: &str,
    what: &str,
    key_span: crate::source::Span,
    names: &[String],
) -> Diagnostic {
    Diagnostic::error(
        crate::codes::UNKNOWN_FIELD,
        SpecPath::root(),
        format!("`{field}` ({what}) cannot be expressed in the spec yet; it is not imported"),
    )
    .at(Some(location(key_span, names)))
    .with_help("remove it, or keep this part of the configuration outside monctl")
}

impl Imported {
    /// The spec as files, one per section (`scrape.yml`, `rules.yml`, `routing.yml`, ...), in
    /// the order the sections appear, each under a header naming the native files.
    pub fn section_files(&self) -> Vec<(String, String)> {
        let serde_json::Value::Object(sections) = &self.value else {
            return Vec::new();
        };
        let sources = self.loaded.file_names.join(", ");
        let comments = crate::import::comments::attach(&self.loaded.tree, &self.loaded.texts);
        sections
            .iter()
            .map(|(name, value)| {
                let mut one = serde_json::Map::new();
                one.insert(name.clone(), value.clone());
                let mut options = serde_saphyr::SerializerOptions::default();
                options.compact_list_indent = false;
                options.folded_wrap_chars = usize::MAX / 2;
                let body =
                    serde_saphyr::to_string_with_options(&serde_json::Value::Object(one), options)
                        .unwrap_or_else(|e| format!("# serialization failed: {e}\n"));
                let body = crate::import::comments::insert(&body, name, &comments);
                (
                    format!("{name}.yml"),
                    format!("# Imported by monctl from {sources}.\n{body}"),
                )
            })
            .collect()
    }
}

/// Removes the value at `path` from a JSON tree.
fn remove_json(value: &mut serde_json::Value, path: &SpecPath) {
    use crate::diagnostic::PathSegment;
    let Some((last, parent)) = path.0.split_last() else {
        return;
    };
    let mut at = value;
    for segment in parent {
        let next = match (segment, at) {
            (PathSegment::Key(k), serde_json::Value::Object(m)) => m.get_mut(k),
            (PathSegment::Index(i), serde_json::Value::Array(a)) => a.get_mut(*i),
            _ => None,
        };
        match next {
            Some(n) => at = n,
            None => return,
        }
    }
    match (last, at) {
        (PathSegment::Key(k), serde_json::Value::Object(m)) => {
            m.shift_remove(k);
        }
        (PathSegment::Index(i), serde_json::Value::Array(a)) if *i < a.len() => {
            a.remove(*i);
        }
        _ => {}
    }
}

impl Imported {
    /// Leaves out of the spec what the import reported as a load error (each at its path), so
    /// that what is written loads: the native configuration less what was reported. Findings of
    /// the check rules stay (they are the configuration's mistakes, for the user to fix).
    /// Returns the paths left out.
    pub fn drop_reported(&mut self) -> Vec<SpecPath> {
        let mut dropped = Vec::new();
        let mut errors: Vec<SpecPath> = self
            .diagnostics
            .iter()
            .filter(|d| d.is_error() && d.code.starts_with('S') && !d.path.0.is_empty())
            .map(|d| d.path.clone())
            .collect();
        for _ in 0..4 {
            if errors.is_empty() {
                break;
            }
            // Deepest and last first, so that earlier indexes stay valid.
            errors.sort_by(|a, b| {
                b.0.len()
                    .cmp(&a.0.len())
                    .then(b.to_string().cmp(&a.to_string()))
            });
            errors.dedup();
            for path in &errors {
                remove_json(&mut self.value, path);
                dropped.push(path.clone());
            }
            let text = serde_json::to_string(&self.value).unwrap_or_default();
            let (_, found) = crate::load_model(&[SourceFile::new("<import>", text)]);
            errors = found
                .iter()
                .filter(|d| d.is_error() && d.code.starts_with('S') && !d.path.0.is_empty())
                .map(|d| d.path.clone())
                .collect();
        }
        dropped
    }
}
