//! Inline ignores and lint settings: dropping the findings an object's `lint_ignore` covers, and
//! reporting settings or ignores that name no rule.

use super::registry::find_rule;
use crate::codes::{did_you_mean, load_code_doc, UNKNOWN_REFERENCE};
use crate::diagnostic::{Diagnostic, SpecPath};
use crate::spec::{LintIgnore, Spec};

/// Every object carrying ignores: its path and its ignores.
fn ignore_sites(spec: &Spec) -> Vec<(SpecPath, &[LintIgnore])> {
    let mut sites = Vec::new();
    for (i, m) in spec.metrics.iter().enumerate() {
        sites.push((
            SpecPath::root().key("metrics").index(i),
            m.lint_ignore.as_slice(),
        ));
    }
    for (i, j) in spec.scrape.jobs.iter().enumerate() {
        sites.push((
            SpecPath::root().key("scrape").key("jobs").index(i),
            j.lint_ignore.as_slice(),
        ));
    }
    for (g, group) in spec.rules.groups.iter().enumerate() {
        let gpath = SpecPath::root().key("rules").key("groups").index(g);
        sites.push((gpath.clone(), group.lint_ignore.as_slice()));
        for (r, rule) in group.rules.iter().enumerate() {
            sites.push((gpath.key("rules").index(r), rule.lint_ignore.as_slice()));
        }
    }
    if let Some(routing) = &spec.routing {
        fn routes<'a>(
            route: &'a crate::spec::routing::Route,
            path: SpecPath,
            sites: &mut Vec<(SpecPath, &'a [LintIgnore])>,
        ) {
            sites.push((path.clone(), route.lint_ignore.as_slice()));
            for (i, child) in route.routes.iter().enumerate() {
                routes(child, path.key("routes").index(i), sites);
            }
        }
        routes(
            &routing.route,
            SpecPath::root().key("routing").key("route"),
            &mut sites,
        );
    }
    sites.retain(|(_, ignores)| !ignores.is_empty());
    sites
}

fn is_within(path: &SpecPath, prefix: &SpecPath) -> bool {
    path.0.starts_with(&prefix.0)
}

fn known_names() -> Vec<&'static str> {
    super::registry()
        .flat_map(|r| [r.meta.code, r.meta.name])
        .collect()
}

fn unknown_rule(name: &str, path: SpecPath) -> Diagnostic {
    let names = known_names();
    let help = match did_you_mean(name, names.iter().copied()) {
        Some(s) => format!("did you mean `{s}`? `monctl rules` lists them all"),
        None => "`monctl rules` lists the rule codes and names".to_string(),
    };
    Diagnostic::error(
        UNKNOWN_REFERENCE,
        path,
        format!("there is no check rule `{name}`"),
    )
    .with_help(help)
}

fn resolves(name: &str) -> bool {
    find_rule(name).is_some()
}

/// Settings naming rules that do not exist.
pub fn unknown_rules_in_settings(spec: &Spec) -> Vec<Diagnostic> {
    spec.lint
        .rules
        .keys()
        .filter(|k| !resolves(k) && load_code_doc(k).is_none())
        .map(|k| unknown_rule(k, SpecPath::root().key("lint").key("rules").key(k)))
        .collect()
}

/// Drops ignored findings; reports ignores that name no rule.
pub fn apply(spec: &Spec, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let sites = ignore_sites(spec);
    let mut out: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter(|d| {
            !sites.iter().any(|(path, ignores)| {
                is_within(&d.path, path)
                    && ignores
                        .iter()
                        .any(|i| find_rule(&i.rule).is_some_and(|r| r.meta.code == d.code))
            })
        })
        .collect();
    for (path, ignores) in sites {
        for (k, ignore) in ignores.iter().enumerate() {
            if !resolves(&ignore.rule) {
                out.push(unknown_rule(
                    &ignore.rule,
                    path.key("lint_ignore").index(k).key("rule"),
                ));
            }
        }
    }
    out
}
