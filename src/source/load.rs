//! The loader: source files in, typed spec and every problem found on the way out. Each stage
//! reports all it finds (not only the first error) and every diagnostic gets a file position.

use super::convert::to_json;
use super::limits::Limits;
use super::lines::LineIndex;
use super::merge::merge_into;
use super::node::{locate, FileId, Node, NodeKind, Span};
use super::schema_errors::{describe, prune};
use super::yaml::{parse, YamlErrorKind};
use crate::codes::{DUPLICATE_KEY, INPUT_LIMIT, INVALID_VALUE, MERGE_CONFLICT, YAML_SYNTAX};
use crate::diagnostic::{sort_diagnostics, Diagnostic, Location, PathSegment, Position, SpecPath};
use crate::spec::{validate, Spec};
use crate::workers::{self, InOrder, Workers};
use serde_json::Value;

/// One spec source: its display name (a path, for diagnostics) and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        SourceFile {
            name: name.into(),
            text: text.into(),
        }
    }
}

/// What loading produced.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The typed spec, when the sources were well-formed enough to build one. It may still have
    /// errors in `diagnostics` (then nothing may be generated from it).
    pub spec: Option<Spec>,
    /// The merged positioned tree: the source map from spec paths to file positions.
    pub tree: Node,
    pub file_names: Vec<String>,
    /// The sources' texts, to place positions inside scalar values, with their line indexes.
    pub texts: Vec<String>,
    lines: Vec<LineIndex>,
    pub diagnostics: Vec<Diagnostic>,
    /// The credentials written in the sources (by the detector in `crate::secrets`), so that
    /// every message can be redacted; never shown.
    pub secrets: Vec<String>,
}

impl Loaded {
    /// A load that stopped before any typed spec could be built.
    fn failed(tree: Node, file_names: Vec<String>, diagnostics: Vec<Diagnostic>) -> Self {
        Loaded {
            spec: None,
            tree,
            file_names,
            texts: Vec::new(),
            lines: Vec::new(),
            diagnostics,
            secrets: Vec::new(),
        }
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The source position of a spec path: the value's span for scalars, the introducing key's
    /// span for lists and mappings, the nearest existing ancestor when the path is missing.
    pub fn locate(&self, path: &SpecPath) -> Option<Location> {
        let (node, found) = self.tree.lookup(path);
        let span = match (&node.kind, found) {
            (NodeKind::Seq(_) | NodeKind::Map(_), true) => {
                self.tree.lookup_key_span(path).unwrap_or(node.span)
            }
            (_, true) => node.span,
            (_, false) => {
                // Point at the key of the nearest existing ancestor.
                let mut ancestor = path.clone();
                loop {
                    if ancestor.0.pop().is_none() {
                        break node.span;
                    }
                    if self.tree.lookup(&ancestor).1 {
                        break self.tree.lookup_key_span(&ancestor).unwrap_or(node.span);
                    }
                }
            }
        };
        if self.file_names.is_empty() {
            return None;
        }
        Some(locate(span, &self.file_names))
    }

    /// The position of bytes `offset..offset+len` of the string value at `path`: exact for
    /// single-line scalars and literal blocks (`|`), the value's start otherwise.
    pub fn locate_in_value(&self, path: &SpecPath, offset: usize, len: usize) -> Option<Location> {
        let (node, found) = self.tree.lookup(path);
        let NodeKind::Str(value) = &node.kind else {
            return self.locate(path);
        };
        if !found || offset > value.len() || !value.is_char_boundary(offset) {
            return self.locate(path);
        }
        let text = self.texts.get(node.span.file.0 as usize)?;
        let lines = self.lines.get(node.span.file.0 as usize)?;
        let start_line = node.span.start.line as usize;
        let first = lines.char_at(text, start_line, node.span.start.column as usize);
        let end_offset = (offset + len).min(value.len());
        let token = value.get(offset..end_offset).unwrap_or("");
        let width = token.chars().count() as u32;
        let (line, column) = if value.contains('\n') || node.span.start.line != node.span.end.line {
            // A block scalar: saphyr's span starts at the content. Line k of the value is source
            // line start+k at the content's indentation, as long as the source says so (literal
            // blocks); folded ones are placed at their start.
            let before = &value[..offset];
            let k = before.matches('\n').count();
            let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
            let value_line = value[line_start..].split('\n').next().unwrap_or("");
            let indent = node.span.start.column.saturating_sub(1) as usize;
            let source_line = lines.line(text, start_line + k)?;
            if source_line.get(indent..) != Some(value_line) {
                return self.locate(path);
            }
            (
                start_line + k,
                indent + value[line_start..offset].chars().count() + 1,
            )
        } else {
            let quote = usize::from(matches!(first, Some('"' | '\'')));
            if first == Some('"') && value.contains('\\') {
                return self.locate(path);
            }
            (
                start_line,
                node.span.start.column as usize + quote + value[..offset].chars().count(),
            )
        };
        let start = Position {
            line: line as u32,
            column: column as u32,
        };
        // A token spanning lines of a block (a PEM key) ends on its own last line.
        let end = match token.rfind('\n') {
            Some(last) if value.contains('\n') => Position {
                line: (line + token.matches('\n').count()) as u32,
                column: (node.span.start.column as usize + token[last + 1..].chars().count())
                    as u32,
            },
            _ => Position {
                line: line as u32,
                column: column as u32 + width,
            },
        };
        Some(Location {
            file: locate(node.span, &self.file_names).file,
            start,
            end,
        })
    }

    /// Fills in the file positions of diagnostics that carry only a spec path.
    pub fn resolve(&self, diagnostics: &mut [Diagnostic]) {
        for d in diagnostics.iter_mut() {
            if let (None, Some((offset, len))) = (&d.location, d.value_span) {
                d.location = self.locate_in_value(&d.path, offset, len);
            }
            if d.location.is_none() && !d.path.0.is_empty() {
                // An unknown field is best shown at its key, not at its value.
                let key = (d.code == crate::codes::UNKNOWN_FIELD || d.at_key)
                    .then(|| self.tree.lookup_key_span(&d.path))
                    .flatten();
                d.location = match key {
                    Some(span) if !self.file_names.is_empty() => {
                        Some(locate(span, &self.file_names))
                    }
                    _ => self.locate(&d.path),
                };
            }
            for related in std::mem::take(&mut d.related_paths) {
                if let Some(location) = self.locate(&related) {
                    d.related.push(location);
                }
            }
        }
    }
}

/// Parses one YAML/JSON text into a plain JSON value (for bundled data such as catalog packs).
pub fn load_value(text: &str, file: FileId, limits: &Limits) -> Result<serde_json::Value, String> {
    let mut node = parse(text, file, limits).map_err(|e| {
        format!(
            "{}:{}: {}",
            e.span.start.line, e.span.start.column, e.message
        )
    })?;
    drop_nulls(&mut node, &mut SpecPath::root(), &mut Vec::new());
    let mut bad = Vec::new();
    let value = to_json(&node, &mut SpecPath::root(), &mut bad);
    match bad.first() {
        Some((path, _)) => Err(format!("{path}: NaN and infinite numbers are not allowed")),
        None => Ok(value),
    }
}

fn file_start(file: FileId) -> Span {
    let start = Position { line: 1, column: 1 };
    Span {
        file,
        start,
        end: start,
    }
}

/// Drops `key: null` entries: an optional field given as null is the same as an absent one (as in
/// Go's YAML decoder). The dropped keys are remembered, so that an unknown key with no value
/// (`recevier:`) is still reported.
///
/// `path` is the node's path, used as a stack (a path is only built for a dropped key).
fn drop_nulls(node: &mut Node, path: &mut SpecPath, dropped: &mut Vec<(SpecPath, Span)>) {
    match &mut node.kind {
        NodeKind::Map(entries) => {
            entries.retain(|(k, v)| {
                let null = v.kind == NodeKind::Null;
                if null {
                    dropped.push((path.key(&k.name), k.span));
                }
                !null
            });
            for (k, v) in entries.iter_mut() {
                if matches!(v.kind, NodeKind::Map(_) | NodeKind::Seq(_)) {
                    path.0.push(PathSegment::Key(k.name.clone()));
                    drop_nulls(v, path, dropped);
                    path.0.pop();
                }
            }
        }
        NodeKind::Seq(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                if matches!(item.kind, NodeKind::Map(_) | NodeKind::Seq(_)) {
                    path.0.push(PathSegment::Index(i));
                    drop_nulls(item, path, dropped);
                    path.0.pop();
                }
            }
        }
        _ => {}
    }
}

/// A key no spec mapping declares: put beside the dropped nulls, it tells which of their
/// mappings take any key (labels, annotations, matchers, headers) from those that do not.
const OPEN_MAP_PROBE: &str = "\u{1}monctl-null-probe";

/// The maps of regular expressions (Alertmanager's deprecated matcher maps), where a null value
/// is refused ("invalid regexp value"), not read as the empty string.
const REGEX_MAPS: &[&str] = &["match_re", "source_match_re", "target_match_re"];

/// What the keys given as null turn out to be, once the schema is asked.
#[derive(Default)]
struct NullKeys {
    /// Keys the spec does not have at their place, with the schema's unknown-field error.
    unknown: Vec<(Diagnostic, Span)>,
    /// Entries of a free-form mapping of strings (`labels: {team: }`): Go's YAML decoder reads
    /// them as the empty string, so they are put back as `""`.
    restored: Vec<SpecPath>,
    /// A null regular expression in a `match_re`-style map.
    refused: Vec<(Diagnostic, Span)>,
}

fn slot<'v>(value: &'v mut Value, path: &[PathSegment]) -> Option<&'v mut Value> {
    let mut slot = Some(value);
    for segment in path {
        slot = slot.and_then(|v| match segment {
            PathSegment::Key(k) => v.get_mut(k.as_str()),
            PathSegment::Index(i) => v.get_mut(*i),
        });
    }
    slot
}

fn insert_empty(value: &mut Value, parent: &[PathSegment], key: &str) {
    if let Some(Value::Object(map)) = slot(value, parent) {
        map.entry(key.to_string())
            .or_insert_with(|| Value::String(String::new()));
    }
}

fn pointer(path: &[PathSegment]) -> String {
    let mut out = String::new();
    for segment in path {
        out.push('/');
        match segment {
            PathSegment::Key(k) => out.push_str(&k.replace('~', "~0").replace('/', "~1")),
            PathSegment::Index(i) => out.push_str(&i.to_string()),
        }
    }
    out
}

/// Sorts the keys given as null: each is put back with a placeholder value, beside a probe key
/// in its mapping; the schema's unknown-field errors then tell unknown keys (reported) from the
/// entries of mappings that take any key (restored as `""`, when the mapping takes strings).
fn null_keys(value: &Value, dropped: &[(SpecPath, Span)]) -> NullKeys {
    let mut found = NullKeys::default();
    let mut probe = value.clone();
    let mut parents: Vec<&[PathSegment]> = Vec::new();
    for (path, _) in dropped {
        let Some((PathSegment::Key(key), parent)) = path.0.split_last() else {
            continue;
        };
        insert_empty(&mut probe, parent, key);
        if !parents.contains(&parent) {
            insert_empty(&mut probe, parent, OPEN_MAP_PROBE);
            parents.push(parent);
        }
    }
    let schema = crate::schema::schema();
    let mut closed: Vec<String> = Vec::new();
    for error in crate::schema::validator().violations(&probe) {
        if let crate::schema::ViolationKind::AdditionalProperties { unexpected } = &error.kind {
            if unexpected.iter().any(|k| k == OPEN_MAP_PROBE) {
                closed.push(error.instance_path.clone());
            }
            let (described, _) = describe(&error, &probe, schema);
            for d in described {
                if let Some((_, span)) = dropped.iter().find(|(p, _)| *p == d.path) {
                    found.unknown.push((d, *span));
                }
            }
        }
    }
    let open: Vec<&[PathSegment]> = parents
        .into_iter()
        .filter(|p| !closed.contains(&pointer(p)))
        .collect();
    let mut candidates: Vec<&SpecPath> = Vec::new();
    for (path, span) in dropped {
        let Some((PathSegment::Key(key), parent)) = path.0.split_last() else {
            continue;
        };
        if !open.contains(&parent) {
            continue;
        }
        let regex_map = matches!(parent.last(), Some(PathSegment::Key(k)) if REGEX_MAPS.contains(&k.as_str()))
            && matches!(parent.first(), Some(PathSegment::Key(k)) if k == "routing");
        if regex_map {
            found.refused.push((
                Diagnostic::error(
                    INVALID_VALUE,
                    path.clone(),
                    format!("invalid regexp value for {key:?}"),
                )
                .with_help("give the regular expression the label must match, or remove the key"),
                *span,
            ));
        } else {
            candidates.push(path);
        }
    }
    // Restored only where the mapping takes strings: what else it holds must still validate.
    let baseline = crate::schema::validator().violations(value).len();
    let restores = |paths: &[&SpecPath]| {
        let mut trial = value.clone();
        for path in paths {
            if let Some((PathSegment::Key(key), parent)) = path.0.split_last() {
                insert_empty(&mut trial, parent, key);
            }
        }
        crate::schema::validator().violations(&trial).len() <= baseline
    };
    if candidates.is_empty() {
    } else if restores(&candidates) {
        found.restored = candidates.into_iter().cloned().collect();
    } else {
        // One mapping at a time, for the few a spec could hold.
        for path in candidates.into_iter().take(32) {
            if restores(&[path]) {
                found.restored.push(path.clone());
            }
        }
    }
    found
}

/// Loads a spec from one or more sources (a folder's files, in a stable order).
pub fn load(files: &[SourceFile], limits: &Limits) -> Loaded {
    load_with(files, limits, &InOrder)
}

/// [`load`], with the files parsed by `workers` (each file on its own; merged in order after).
pub fn load_with(files: &[SourceFile], limits: &Limits, workers: &dyn Workers) -> Loaded {
    let file_names: Vec<String> = files.iter().map(|f| f.name.clone()).collect();
    let mut diagnostics = Vec::new();
    let at = |span: Span| Some(locate(span, &file_names));
    let mut tree = Node {
        kind: NodeKind::Map(Vec::new()),
        span: file_start(FileId(0)),
    };

    if files.len() > limits.max_files {
        diagnostics.push(
            Diagnostic::error(
                INPUT_LIMIT,
                SpecPath::root(),
                format!(
                    "{} spec files; at most {} are read",
                    files.len(),
                    limits.max_files
                ),
            )
            .with_help("point monctl at the folder that holds only the spec"),
        );
        return Loaded::failed(tree, file_names, diagnostics);
    }
    let total: usize = files.iter().map(|f| f.text.len()).sum();
    if total > limits.max_total_bytes {
        diagnostics.push(Diagnostic::error(
            INPUT_LIMIT,
            SpecPath::root(),
            format!(
                "the spec files hold {total} bytes; at most {} are read",
                limits.max_total_bytes
            ),
        ));
        return Loaded::failed(tree, file_names, diagnostics);
    }

    let mut conflicts = Vec::new();
    let mut dropped_nulls = Vec::new();
    let mut parsed_any = false;
    let mut failed_any = false;
    let parsed = workers::map(workers, files.len(), |i| {
        let text = &files[i].text;
        (text.len() <= limits.max_file_bytes).then(|| {
            let mut dropped = Vec::new();
            let node = parse(text, FileId(i as u32), limits).map(|mut node| {
                drop_nulls(&mut node, &mut SpecPath::root(), &mut dropped);
                node
            });
            (node, dropped)
        })
    });
    for (i, (file, parsed)) in files.iter().zip(parsed).enumerate() {
        let id = FileId(i as u32);
        let Some((parsed, dropped)) = parsed else {
            failed_any = true;
            diagnostics.push(
                Diagnostic::error(
                    INPUT_LIMIT,
                    SpecPath::root(),
                    format!(
                        "{} is {} bytes; a spec file may have at most {}",
                        file.name,
                        file.text.len(),
                        limits.max_file_bytes
                    ),
                )
                .at(at(file_start(id)))
                .with_help("split the spec into several files in one folder"),
            );
            continue;
        };
        dropped_nulls.extend(dropped);
        match parsed {
            Ok(node) => {
                if !matches!(node.kind, NodeKind::Map(_)) {
                    failed_any = true;
                    diagnostics.push(
                        Diagnostic::error(INVALID_VALUE, SpecPath::root(), format!("a spec file holds a mapping, found {}", node.type_name()))
                            .at(at(node.span))
                            .with_help("start the file with a section such as `metrics:`, `scrape:` or `rules:`"),
                    );
                    continue;
                }
                if parsed_any {
                    merge_into(&mut tree, node, &SpecPath::root(), &mut conflicts);
                } else {
                    tree = node;
                    parsed_any = true;
                }
            }
            Err(e) => {
                failed_any = true;
                let code = match e.kind {
                    YamlErrorKind::Syntax => YAML_SYNTAX,
                    YamlErrorKind::Limit => INPUT_LIMIT,
                    YamlErrorKind::DuplicateKey => DUPLICATE_KEY,
                };
                let mut d = Diagnostic::error(code, SpecPath::root(), e.message).at(at(e.span));
                if let Some(related) = e.related {
                    d = d
                        .with_related(at(related))
                        .with_help("remove one of the two entries");
                }
                diagnostics.push(d);
            }
        }
    }
    for c in conflicts {
        diagnostics.push(
            Diagnostic::error(
                MERGE_CONFLICT,
                c.path.clone(),
                format!("`{}` is set in two files", c.path),
            )
            .at(at(c.second))
            .with_related(at(c.first))
            .with_help("a value may be set in one spec file only; remove one of them"),
        );
    }

    let mut loaded = Loaded {
        spec: None,
        tree,
        file_names,
        texts: files.iter().map(|f| f.text.clone()).collect(),
        lines: files.iter().map(|f| LineIndex::new(&f.text)).collect(),
        diagnostics: Vec::new(),
        secrets: Vec::new(),
    };
    let mut bad_numbers = Vec::new();
    let mut value = to_json(&loaded.tree, &mut SpecPath::root(), &mut bad_numbers);
    // Every credential as written, unknown fields included, so no message can show one.
    loaded.secrets = crate::secrets::scan(&value)
        .into_iter()
        .map(|s| s.secret)
        .collect();
    for (path, _) in bad_numbers {
        diagnostics.push(
            Diagnostic::error(
                INVALID_VALUE,
                path,
                "NaN and infinite numbers are not allowed here",
            )
            .with_help("write a finite number"),
        );
    }

    let schema = crate::schema::schema();
    let mut prunes = Vec::new();
    let mut schema_errors = 0;
    // Unquoted scalars where a string is expected are read as their text, as Go's YAML decoder
    // does; a second pass validates the corrected value (only when there was something to fix).
    let (positions, first_errors) =
        super::coerce::string_positions(crate::schema::validator().violations(&value));
    let errors = if positions.is_empty() {
        first_errors
    } else {
        drop(first_errors);
        super::coerce::to_strings(&mut value, &positions);
        crate::schema::validator().violations(&value)
    };
    for error in &errors {
        let (found, prune_paths) = describe(error, &value, schema);
        schema_errors += found.len();
        diagnostics.extend(found);
        prunes.extend(prune_paths);
    }
    for path in &prunes {
        prune(&mut value, path);
    }
    if !dropped_nulls.is_empty() {
        let found = null_keys(&value, &dropped_nulls);
        for (d, span) in found.unknown.into_iter().chain(found.refused) {
            schema_errors += 1;
            diagnostics.push(d.at(Some(locate(span, &loaded.file_names))));
        }
        for path in &found.restored {
            if let Some((PathSegment::Key(key), parent)) = path.0.split_last() {
                insert_empty(&mut value, parent, key);
            }
        }
    }

    if !failed_any {
        match serde_path_to_error::deserialize::<_, Spec>(value) {
            Ok(spec) => {
                diagnostics.extend(validate(&spec));
                loaded.spec = Some(spec);
            }
            Err(e) if schema_errors == 0 => {
                let path = SpecPath::parse(&e.path().to_string()).unwrap_or_default();
                diagnostics.push(Diagnostic::error(
                    INVALID_VALUE,
                    path,
                    e.inner().to_string(),
                ));
            }
            // The schema errors already say what is wrong; the rest could not be read past them.
            Err(_) => {}
        }
    }

    loaded.resolve(&mut diagnostics);
    // Every finding of the loader says what to do.
    for d in diagnostics.iter_mut().filter(|d| d.help.is_none()) {
        d.help = Some(crate::codes::default_help(d.code));
    }
    crate::secrets::redact_diagnostics(&mut diagnostics, &loaded.secrets);
    sort_diagnostics(&mut diagnostics);
    diagnostics.dedup();
    loaded.diagnostics = diagnostics;
    loaded
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::{INVALID_PROMQL, UNKNOWN_FIELD};

    fn load_one(text: &str) -> Loaded {
        load(&[SourceFile::new("spec.yml", text)], &Limits::default())
    }

    fn summary(loaded: &Loaded) -> Vec<String> {
        summarize(&loaded.diagnostics)
    }

    fn summarize(diagnostics: &[crate::Diagnostic]) -> Vec<String> {
        diagnostics
            .iter()
            .map(|d| {
                let at = d
                    .location
                    .as_ref()
                    .map(|l| l.to_string())
                    .unwrap_or_default();
                format!("{} {} {}", d.code, at, d.message)
            })
            .collect()
    }

    #[test]
    fn reports_bad_duration_unknown_field_and_promql_together() {
        // The expression is parsed once, by the model (which reports S007), after loading.
        let (_, diagnostics) = crate::load_model(&[SourceFile::new(
            "spec.yml",
            "scrape:\n  jobs:\n    - job_name: api\n      scrape_intervall: 10s\nrules:\n  groups:\n    - name: g\n      rules:\n        - alert: A\n          expr: sum(rate(x[5m])\n          for: 5 minutes\n",
        )]);
        let load_stage: Vec<_> = diagnostics
            .into_iter()
            .filter(|d| d.code.starts_with('S'))
            .collect();
        assert_eq!(
            summarize(&load_stage),
            vec![
                "S004 spec.yml:4:7 unknown field `scrape_intervall`",
                "S007 spec.yml:10:20 PromQL does not parse: unclosed left parenthesis",
                "S005 spec.yml:11:16 `5 minutes` is not a Prometheus duration",
            ]
        );
        assert_eq!(
            load_stage[0].help.as_deref(),
            Some("did you mean `scrape_interval`?")
        );
    }

    #[test]
    fn literal_secrets_are_refused_with_help() {
        let loaded = load_one("scrape:\n  remote_write:\n    - url: http://x/api\n      basic_auth: {username: u, password: p}\n");
        assert_eq!(loaded.diagnostics.len(), 2, "{:?}", summary(&loaded));
        let unknown = loaded
            .diagnostics
            .iter()
            .find(|d| d.code == UNKNOWN_FIELD)
            .unwrap();
        assert!(unknown.help.as_deref().unwrap().contains("password_file"));
    }

    #[test]
    fn merges_files_and_names_both_places_of_a_conflict() {
        let loaded = load(
            &[
                SourceFile::new("a.yml", "scrape:\n  global:\n    scrape_interval: 15s\n"),
                SourceFile::new("b.yml", "scrape:\n  global:\n    scrape_interval: 30s\n"),
            ],
            &Limits::default(),
        );
        assert_eq!(loaded.diagnostics.len(), 1);
        let d = &loaded.diagnostics[0];
        assert_eq!(d.location.as_ref().unwrap().to_string(), "b.yml:3:22");
        assert_eq!(d.related[0].to_string(), "a.yml:3:22");
    }

    #[test]
    fn duplicate_jobs_across_files_name_both_files() {
        let loaded = load(
            &[
                SourceFile::new("a.yml", "scrape:\n  jobs:\n    - job_name: api\n"),
                SourceFile::new("b.yml", "scrape:\n  jobs:\n    - job_name: api\n"),
            ],
            &Limits::default(),
        );
        let d = &loaded.diagnostics[0];
        assert_eq!(d.location.as_ref().unwrap().file, "b.yml");
        assert_eq!(d.related[0].file, "a.yml");
    }

    #[test]
    fn a_syntax_error_in_one_file_still_reports_the_others() {
        let loaded = load(
            &[
                SourceFile::new("a.yml", "rules: [\n"),
                SourceFile::new("b.yml", "rules:\n  groups:\n    - name: g\n      rules:\n        - alert: A\n          expr: up ==\n"),
            ],
            &Limits::default(),
        );
        let codes: Vec<_> = loaded.diagnostics.iter().map(|d| d.code).collect();
        assert!(codes.contains(&YAML_SYNTAX), "{:?}", summary(&loaded));
        assert!(loaded.spec.is_none());
        let _ = INVALID_PROMQL;
    }

    #[test]
    fn places_positions_inside_literal_blocks_and_single_line_values() {
        let loaded = load_one("rules:\n  groups:\n    - name: g\n      rules:\n        - record: a\n          expr: |\n            sum(x)\n              by (service)\n        - record: b\n          expr: \"sum(y) by (job)\"\n");
        let block = SpecPath::parse("rules.groups[0].rules[0].expr").unwrap();
        let at = loaded.locate_in_value(&block, 13, 7).unwrap();
        assert_eq!((at.start.line, at.start.column, at.end.column), (8, 19, 26));
        let quoted = SpecPath::parse("rules.groups[0].rules[1].expr").unwrap();
        let at = loaded.locate_in_value(&quoted, 11, 3).unwrap();
        assert_eq!((at.start.line, at.start.column), (10, 29));
    }

    #[test]
    fn an_unknown_key_with_no_value_is_reported_and_a_known_one_is_absent() {
        let loaded = load_one("scrape:\n  global:\n    scrape_intervall:\n    scrape_timeout:\n");
        assert_eq!(
            summary(&loaded),
            vec!["S004 spec.yml:3:5 unknown field `scrape_intervall`".to_string()]
        );
    }

    #[test]
    fn every_load_finding_has_a_help_line() {
        for text in [
            "jobs: [api, web\n",
            "scrape:\n  global: {scrape_interval: 5}\n",
            "a: 1\na: 2\n",
            "scrape: {jobs: [{job_name: x, scrape_intervall: 1s}]}\n",
        ] {
            let loaded = load_one(text);
            assert!(!loaded.diagnostics.is_empty(), "{text}");
            for d in &loaded.diagnostics {
                assert!(d.help.as_deref().is_some_and(|h| !h.is_empty()), "{d:?}");
            }
        }
    }

    #[test]
    fn empty_input_is_an_empty_spec() {
        let loaded = load_one("");
        assert!(loaded.diagnostics.is_empty());
        assert_eq!(loaded.spec, Some(Spec::default()));
    }
}
