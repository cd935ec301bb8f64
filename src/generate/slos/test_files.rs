//! promtool rule unit test files: the spec's `tests` suites (`tests/<suite>.test.yml`) and the burn
//! tests generated per SLO service (`tests/slo-<service>.test.yml`), each reading every rule file
//! monctl writes (`../rules/...`), as `promtool test rules` expects beside the rule files.

use super::super::yaml::{document, Fields};
use super::super::Artifact;
use super::{burn_tests, by_service, rule_file_paths, rules};
use crate::model::Model;
use crate::spec::slos::RuleTestGroup;
use crate::spec::Duration;
use std::collections::BTreeSet;

/// Every rule file monctl writes, as seen from `tests/`.
pub fn all_rule_files(model: &Model) -> Vec<String> {
    let mut files: BTreeSet<String> = model
        .spec
        .rules
        .groups
        .iter()
        .map(|g| format!("rules/{}.yml", g.file_stem()))
        .collect();
    files.extend(rule_file_paths(model));
    files.into_iter().map(|f| format!("../{f}")).collect()
}

fn file(
    model: &Model,
    path: String,
    evaluation_interval: Option<Duration>,
    order: &[String],
    groups: &[RuleTestGroup],
) -> Artifact {
    Artifact {
        path,
        content: document(
            &Fields::new()
                .set("rule_files", all_rule_files(model))
                .set("evaluation_interval", evaluation_interval)
                .set("group_eval_order", order)
                .set("tests", groups)
                .build(),
        ),
    }
}

pub fn artifacts(model: &Model) -> Vec<Artifact> {
    let mut out = Vec::new();
    if let Some(tests) = &model.spec.tests {
        for suite in &tests.suites {
            out.push(file(
                model,
                format!("tests/{}.test.yml", suite.name),
                suite.evaluation_interval,
                &suite.group_eval_order,
                &suite.tests,
            ));
        }
    }
    for (service, slos) in by_service(model) {
        for (which, kind, step) in [
            (0, "page", burn_tests::PAGE_STEP),
            (1, "ticket", burn_tests::TICKET_STEP),
        ] {
            // Recordings before alerts at each evaluation: at a 15m interval an alert evaluated
            // first would read the previous evaluation's series, beyond the 5m lookback.
            let order: Vec<String> = slos
                .iter()
                .flat_map(|r| rules::groups(r))
                .filter_map(|g| g["name"].as_str().map(str::to_string))
                .collect();
            let groups: Vec<RuleTestGroup> = slos
                .iter()
                .flat_map(|r| burn_tests::groups(r, which))
                .collect();
            if !groups.is_empty() {
                out.push(file(
                    model,
                    format!("tests/slo-{service}-{kind}.test.yml"),
                    Some(step),
                    &order,
                    &groups,
                ));
            }
        }
    }
    out
}
