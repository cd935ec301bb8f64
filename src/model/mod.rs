//! The resolved model shared by check and generate: the spec plus what follows from it — the full
//! metrics catalog (the spec's own metrics, the catalog packs each scrape job opts into, and the
//! series Prometheus itself adds per target), every rule expression analysed once against it, and
//! references between sections resolved.

mod catalog;
mod logs;
mod series;
mod slos;
mod stack;
mod targets;

pub use catalog::{CatalogEntry, Origin};
pub use logs::LogsModel;
pub use series::Resolver;
pub use slos::{ResolvedSlo, SliAnalysis, SliQueries, SlosModel, WINDOW};
pub use stack::StackModel;
pub use targets::{discovered, relabel_step, series_labels, target_labels, LabelSpace};

use crate::codes::{did_you_mean, INVALID_PROMQL, UNKNOWN_REFERENCE};
use crate::diagnostic::{Diagnostic, SpecPath};
use crate::generate::Artifact;
use crate::promql::{self, analyze_ast, Analysis, Event, LabelFlow};
use crate::secrets::SpecSecret;
use crate::spec::Spec;
use crate::workers::{self, InOrder, Workers};
use std::sync::OnceLock;

/// One rule of `rules.groups[group].rules[rule]` and what analysing its expression found.
#[derive(Debug, Clone)]
pub struct RuleAnalysis {
    pub group: usize,
    pub rule: usize,
    /// None when the expression does not parse (already reported at load).
    pub analysis: Option<Analysis>,
}

impl RuleAnalysis {
    pub fn path(&self) -> SpecPath {
        SpecPath::root()
            .key("rules")
            .key("groups")
            .index(self.group)
            .key("rules")
            .index(self.rule)
    }
}

/// A spec with its references resolved.
#[derive(Debug, Clone)]
pub struct Model {
    pub spec: Spec,
    /// Every metric family known to exist, by full name, sorted.
    pub catalog: Vec<CatalogEntry>,
    /// Every rule's analysis, in spec order.
    pub rules: Vec<RuleAnalysis>,
    /// Where each rule group's rules start in `rules`.
    group_starts: Vec<usize>,
    /// The logs section resolved.
    pub logs: LogsModel,
    /// The SLOs resolved.
    pub slos: SlosModel,
    /// The stack, dashboards and tracing resolved.
    pub stack: StackModel,
    /// The generated files, made on first use: a check that needs to know them (K005) and the
    /// generation that follows it share one run of the generators.
    artifacts: OnceLock<Vec<Artifact>>,
    /// Every credential written in the spec, found on first use: the secret checks (X001, K002),
    /// the opt-outs and generate's refusal share one scan of the spec.
    secrets: OnceLock<Vec<SpecSecret>>,
}

impl Model {
    /// Resolves a loaded spec. Unresolvable references are reported and skipped.
    pub fn resolve(spec: Spec) -> (Model, Vec<Diagnostic>) {
        Model::resolve_with(spec, &InOrder)
    }

    /// [`Model::resolve`], with the rules' expressions parsed by `workers`.
    pub fn resolve_with(spec: Spec, workers: &dyn Workers) -> (Model, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let job_names: Vec<&str> = spec
            .scrape
            .jobs
            .iter()
            .map(|j| j.job_name.as_str())
            .collect();
        for (i, job) in spec.scrape.jobs.iter().enumerate() {
            for (j, pack) in job.packs.iter().enumerate() {
                if crate::catalog::pack(pack).is_none() {
                    let ids: Vec<&str> = crate::catalog::pack_ids().collect();
                    let help = match did_you_mean(pack, ids.iter().copied()) {
                        Some(s) => format!("did you mean `{s}`? Bundled packs: {}", ids.join(", ")),
                        None => format!("bundled packs: {}", ids.join(", ")),
                    };
                    diagnostics.push(
                        Diagnostic::error(
                            UNKNOWN_REFERENCE,
                            SpecPath::root()
                                .key("scrape")
                                .key("jobs")
                                .index(i)
                                .key("packs")
                                .index(j),
                            format!("there is no catalog pack `{pack}`"),
                        )
                        .with_help(help),
                    );
                }
            }
        }
        for (i, metric) in spec.metrics.iter().enumerate() {
            for (j, job) in metric.jobs.iter().enumerate() {
                if !job_names.contains(&job.as_str()) {
                    let help = match did_you_mean(job, job_names.iter().copied()) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => "name a scrape job defined under scrape.jobs".to_string(),
                    };
                    diagnostics.push(
                        Diagnostic::error(
                            UNKNOWN_REFERENCE,
                            SpecPath::root()
                                .key("metrics")
                                .index(i)
                                .key("jobs")
                                .index(j),
                            format!(
                                "metric `{}` names scrape job `{job}`, which is not defined",
                                metric.full_name()
                            ),
                        )
                        .with_help(help),
                    );
                }
            }
        }
        let catalog = catalog::build(&spec);
        let mut resolver = Resolver::new(&spec, &catalog);
        let rules = analyse_rules(&spec, &mut resolver, &mut diagnostics, workers);
        let logs = LogsModel::resolve(&spec, &mut resolver, &mut diagnostics);
        let slos = SlosModel::resolve(&spec, &mut resolver, &mut diagnostics);
        let stack = StackModel::resolve(&spec, &mut resolver, &mut diagnostics);
        drop(resolver);
        let group_starts = spec
            .rules
            .groups
            .iter()
            .scan(0, |start, group| {
                let this = *start;
                *start += group.rules.len();
                Some(this)
            })
            .collect();
        (
            Model {
                spec,
                catalog,
                rules,
                group_starts,
                logs,
                slos,
                stack,
                artifacts: OnceLock::new(),
                secrets: OnceLock::new(),
            },
            diagnostics,
        )
    }

    /// The files generated from this model (made on first use, then kept).
    pub fn artifacts(&self) -> &[Artifact] {
        self.artifacts
            .get_or_init(|| crate::generate::generate_all(self))
    }

    /// Every credential written in the typed spec (scanned on first use, then kept).
    pub fn spec_secrets(&self) -> &[SpecSecret] {
        self.secrets
            .get_or_init(|| crate::secrets::spec_secrets(&self.spec))
    }

    /// The generated files, taken out of the model.
    pub fn into_artifacts(mut self) -> Vec<Artifact> {
        match self.artifacts.take() {
            Some(artifacts) => artifacts,
            None => crate::generate::generate_all(&self),
        }
    }

    /// The catalog entry of a metric family by its full name.
    pub fn metric(&self, name: &str) -> Option<&CatalogEntry> {
        self.catalog
            .binary_search_by(|e| e.name.as_str().cmp(name))
            .ok()
            .map(|i| &self.catalog[i])
    }

    /// The analysis of `rules.groups[group].rules[rule]`.
    pub fn rule_analysis(&self, group: usize, rule: usize) -> Option<&Analysis> {
        let start = *self.group_starts.get(group)?;
        let len = self.spec.rules.groups[group].rules.len();
        (rule < len)
            .then(|| self.rules[start + rule].analysis.as_ref())
            .flatten()
    }
}

/// Parses every rule's expression once (reporting those that do not parse) and analyses it;
/// recording rules' outputs become series the later analyses resolve. A rule that reads a recorded
/// series is analysed again once every recording rule is known, so it may use a series recorded
/// further down; the others' analyses cannot change.
fn analyse_rules(
    spec: &Spec,
    resolver: &mut Resolver,
    diagnostics: &mut Vec<Diagnostic>,
    workers: &dyn Workers,
) -> Vec<RuleAnalysis> {
    let exprs: Vec<&str> = spec
        .rules
        .groups
        .iter()
        .flat_map(|group| group.rules.iter().map(|rule| rule.expr.as_str()))
        .collect();
    let mut asts = workers::map(workers, exprs.len(), |i| promql::parse(exprs[i])).into_iter();
    let mut parsed = Vec::new();
    let mut results = Vec::new();
    for (g, group) in spec.rules.groups.iter().enumerate() {
        for (r, rule) in group.rules.iter().enumerate() {
            let Some(ast) = asts.next() else { break };
            let ast = match ast {
                Ok(ast) => Some(ast),
                Err(message) => {
                    diagnostics.push(invalid_promql(g, r, rule.expr.as_str(), &message));
                    None
                }
            };
            let analysis = ast.as_ref().map(|ast| analyze_ast(ast, resolver));
            if let (Some(record), Some(a)) = (&rule.record, &analysis) {
                let mut labels = a.output.clone().without("__name__");
                labels.names.extend(rule.labels.keys().cloned());
                let entry = resolver
                    .recorded
                    .entry(record.0.clone())
                    .or_insert_with(LabelFlow::empty);
                *entry = entry.union(&labels);
            }
            parsed.push(ast);
            results.push(RuleAnalysis {
                group: g,
                rule: r,
                analysis,
            });
        }
    }
    if resolver.recorded.is_empty() {
        return results;
    }
    for (result, ast) in results.iter_mut().zip(&parsed) {
        let (Some(analysis), Some(ast)) = (&mut result.analysis, ast) else {
            continue;
        };
        let reads_recorded = analysis.events.iter().any(
            |e| matches!(e, Event::Selector { metric, .. } if resolver.recorded.contains_key(metric)),
        );
        if reads_recorded {
            *analysis = analyze_ast(ast, resolver);
        }
    }
    results
}

fn invalid_promql(group: usize, rule: usize, expr: &str, message: &str) -> Diagnostic {
    let first_line = message.lines().next().unwrap_or(message).trim();
    let path = RuleAnalysis {
        group,
        rule,
        analysis: None,
    }
    .path()
    .key("expr");
    let mut d = Diagnostic::error(
        INVALID_PROMQL,
        path,
        format!("PromQL does not parse: {first_line}"),
    )
    .with_help("fix the expression; `promtool check rules` would reject this file");
    d.value_span = promql::parse_error_span(expr, message);
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(value: serde_json::Value) -> (Model, Vec<Diagnostic>) {
        Model::resolve(serde_json::from_value(value).expect("valid spec shape"))
    }

    #[test]
    fn reports_unparsable_promql_at_the_expr() {
        let (model, diagnostics) = resolve(
            serde_json::json!({"rules": {"groups": [{"name": "g", "rules": [
                {"alert": "A", "expr": "sum(rate(x[5m])"},
                {"alert": "B", "expr": "up == 0"}
            ]}]}}),
        );
        let found: Vec<(String, &str)> = diagnostics
            .iter()
            .map(|d| (d.path.to_string(), d.code))
            .collect();
        assert_eq!(
            found,
            vec![("rules.groups[0].rules[0].expr".into(), INVALID_PROMQL)]
        );
        assert!(model.rule_analysis(0, 0).is_none());
        assert!(model.rule_analysis(0, 1).is_some());
        assert!(model.rule_analysis(0, 2).is_none());
        assert!(model.rule_analysis(1, 0).is_none());
    }

    #[test]
    fn a_rule_may_read_a_series_recorded_further_down() {
        let (model, _) = resolve(serde_json::json!({"rules": {"groups": [
            {"name": "alerts", "rules": [{"alert": "A", "expr": "job:x:rate5m > 1"}]},
            {"name": "records", "rules": [
                {"record": "job:x:rate5m", "expr": "sum by (job) (rate(x[5m]))"},
                {"record": "job:x:rate5m", "expr": "sum by (job, env) (rate(y[5m]))"}
            ]}
        ]}}));
        let alert = model.rule_analysis(0, 0).expect("analysed");
        let labels = alert.output.clone().without("__name__").names;
        assert_eq!(labels, ["env".to_string(), "job".to_string()].into());
        assert!(alert.events.iter().any(|e| matches!(e,
            Event::Selector { info, .. } if info.source == promql::SeriesSource::Recorded)));
    }
}
