//! Facts of the `slos` section that checks and generators read: each SLO resolved — its id, period,
//! error budget, alert windows with their burn-rate factors, its SLI as error/total (or ratio)
//! query templates (latency and availability SLIs expanded into events), and the analysis of
//! those queries against the catalog (issue #13).

use super::Resolver;
use crate::diagnostic::{Diagnostic, SpecPath};
use crate::promql::{self, analyze_ast, Analysis};
use crate::spec::slos::{AlertWindows, Slo};
use crate::spec::{Duration, Spec};

/// The placeholder for a window's range in SLI queries (Sloth's).
pub const WINDOW: &str = "{{.window}}";

/// The resolved `slos` facts.
#[derive(Debug, Clone, Default)]
pub struct SlosModel {
    /// Every SLO with a usable SLI, in spec order.
    pub slos: Vec<ResolvedSlo>,
}

/// An SLO's SLI as query templates with `{{.window}}`.
#[derive(Debug, Clone, PartialEq)]
pub enum SliQueries {
    /// Bad and total event rates.
    Events { error: String, total: String },
    /// The error ratio itself.
    Ratio { error_ratio: String },
}

/// One analysed SLI query: which field of the spec it comes from and what it reads.
#[derive(Debug, Clone)]
pub struct SliAnalysis {
    pub path: SpecPath,
    pub query: String,
    pub analysis: Analysis,
}

/// One SLO with what follows from it.
#[derive(Debug, Clone)]
pub struct ResolvedSlo {
    /// Where the SLO is written: `slos.objectives[i]`, or `slos.sloth[i].slos[j]` for an SLO of
    /// an inline Sloth spec.
    pub path: SpecPath,
    /// The SLO in monctl's form (converted from Sloth's for the inline form).
    pub slo: Slo,
    pub id: String,
    pub period: Duration,
    /// The objective as a ratio and the error budget as Sloth computes them.
    pub objective_ratio: f64,
    pub error_budget: f64,
    pub windows: AlertWindows,
    pub queries: SliQueries,
    /// The SLI's queries analysed at the 5m window.
    pub analyses: Vec<SliAnalysis>,
}

impl ResolvedSlo {
    pub fn path(&self) -> SpecPath {
        self.path.clone()
    }

    /// The SLO.
    pub fn slo(&self) -> &Slo {
        &self.slo
    }
}

/// Every SLO of the section with its path: the objectives, then the SLOs of the inline Sloth
/// specs converted (what cannot be converted is reported by the section's validation).
pub fn all_slos(section: &crate::spec::slos::Slos) -> Vec<(SpecPath, Slo)> {
    let root = SpecPath::root().key("slos");
    let mut out: Vec<(SpecPath, Slo)> = section
        .objectives
        .iter()
        .enumerate()
        .map(|(i, slo)| (root.key("objectives").index(i), slo.clone()))
        .collect();
    for (i, sloth) in section.sloth.iter().enumerate() {
        let (converted, _) = crate::import::sloth::convert(sloth, &root.key("sloth").index(i));
        out.extend(converted.into_iter().map(|c| (c.path, c.slo)));
    }
    out
}

impl SlosModel {
    /// Resolves the section against the spec and the series resolver (catalog, jobs and recorded
    /// series); unresolvable references are reported.
    pub fn resolve(
        spec: &Spec,
        resolver: &mut Resolver,
        _diagnostics: &mut Vec<Diagnostic>,
    ) -> Self {
        let Some(section) = &spec.slos else {
            return SlosModel::default();
        };
        let mut slos = Vec::new();
        for (slo_path, slo) in all_slos(section) {
            let path = slo_path.key("sli");
            let Some((queries, sources)) = sli_queries(&slo, &path) else {
                continue;
            };
            let analyses = sources
                .into_iter()
                .filter_map(|(path, query)| {
                    let ast = promql::parse(&query.replace(WINDOW, "5m")).ok()?;
                    Some(SliAnalysis {
                        path,
                        analysis: analyze_ast(&ast, &*resolver),
                        query,
                    })
                })
                .collect();
            let period = slo.period();
            let windows = slo
                .windows
                .clone()
                .or_else(|| section.windows.clone())
                .unwrap_or_else(|| AlertWindows::default_for(period));
            slos.push(ResolvedSlo {
                path: slo_path,
                id: slo.id(),
                period,
                objective_ratio: slo.objective / 100.0,
                error_budget: slo.error_budget_ratio(),
                windows,
                queries,
                analyses,
                slo,
            });
        }
        SlosModel { slos }
    }
}

/// The `le` matcher of a bucket bound: Prometheus 3 writes whole bounds as `1.0` where client
/// libraries wrote `1`, so whole bounds match both.
pub fn le_matcher(bound: f64) -> String {
    if bound.fract() == 0.0 && bound.abs() < 1e15 {
        format!("le=~\"{bound}|{bound}\\\\.0\"")
    } else {
        format!("le=\"{bound}\"")
    }
}

fn with_matchers(matchers: Option<&str>, extra: &str) -> String {
    match (matchers.map(str::trim).filter(|m| !m.is_empty()), extra) {
        (None, "") => String::new(),
        (None, e) => format!("{{{e}}}"),
        (Some(m), "") => format!("{{{m}}}"),
        (Some(m), e) => format!("{{{m}, {e}}}"),
    }
}

/// The SLI's query templates, and the spec field each query stands for.
#[allow(clippy::type_complexity)]
fn sli_queries(slo: &Slo, path: &SpecPath) -> Option<(SliQueries, Vec<(SpecPath, String)>)> {
    let sli = &slo.sli;
    if let Some(e) = &sli.events {
        let p = path.key("events");
        let queries = SliQueries::Events {
            error: e.error_query.trim().to_string(),
            total: e.total_query.trim().to_string(),
        };
        return Some((
            queries,
            vec![
                (p.key("error_query"), e.error_query.clone()),
                (p.key("total_query"), e.total_query.clone()),
            ],
        ));
    }
    if let Some(r) = &sli.raw {
        let q = r.error_ratio_query.trim().to_string();
        return Some((
            SliQueries::Ratio {
                error_ratio: q.clone(),
            },
            vec![(path.key("raw").key("error_ratio_query"), q)],
        ));
    }
    if let Some(l) = &sli.latency {
        let m = &l.metric.0;
        let sel = with_matchers(l.matchers.as_deref(), "");
        let bucket = with_matchers(
            l.matchers.as_deref(),
            &le_matcher(l.threshold.as_secs_f64()),
        );
        let total = format!("sum(rate({m}_count{sel}[{WINDOW}]))");
        let error = format!("({total} - sum(rate({m}_bucket{bucket}[{WINDOW}])))");
        let p = path.key("latency");
        return Some((
            SliQueries::Events {
                error: error.clone(),
                total: total.clone(),
            },
            vec![(p.key("metric"), error), (p.key("metric"), total)],
        ));
    }
    if let Some(a) = &sli.availability {
        let sel = with_matchers(Some(&a.matchers), "");
        let error =
            format!("sum(count_over_time(up{sel}[{WINDOW}]) - sum_over_time(up{sel}[{WINDOW}]))");
        let total = format!("sum(count_over_time(up{sel}[{WINDOW}]))");
        let p = path.key("availability").key("matchers");
        return Some((
            SliQueries::Events {
                error: error.clone(),
                total: total.clone(),
            },
            vec![(p.clone(), error), (p, total)],
        ));
    }
    None
}

impl super::Model {
    /// A copy of the model whose Grafana dashboards are exactly `dashboards` (each marked
    /// generated, at its spec path): how the SLO dashboards go through the stack's Grafana
    /// dashboard generator without a second renderer.
    pub fn with_generated_dashboards(
        &self,
        dashboards: Vec<(crate::spec::stack::Dashboard, SpecPath)>,
    ) -> Self {
        let mut model = self.clone();
        // Files generated from the original would not show these dashboards.
        model.artifacts = std::sync::OnceLock::new();
        model.stack.dashboards = dashboards
            .into_iter()
            .map(|(dashboard, path)| super::stack::DashboardModel {
                dashboard,
                path,
                generated: true,
            })
            .collect();
        model
    }
}
