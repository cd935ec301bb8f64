//! Who reads each metric: the selectors of every alerting and recording rule, dashboard query and
//! SLI query, by the series they name and by its family (`x_bucket` reads the histogram `x`).
//! Shared by the catalog checks that ask whether a metric is read (M006) and by whom (M007).

use crate::diagnostic::SpecPath;
use crate::model::Model;
use crate::promql::{Analysis, Event};
use std::collections::{HashMap, HashSet};

/// One reader of a metric: what it is, for messages, and where the spec states it.
#[derive(Debug, Clone)]
pub struct Reader {
    pub what: String,
    pub path: SpecPath,
}

/// Every analysed query of the model: rules, dashboard panels, SLIs.
fn analyses(model: &Model) -> impl Iterator<Item = &Analysis> {
    model
        .rules
        .iter()
        .filter_map(|r| r.analysis.as_ref())
        .chain(
            model
                .stack
                .queries
                .iter()
                .filter_map(|q| q.analysis.as_ref()),
        )
        .chain(
            model
                .slos
                .slos
                .iter()
                .flat_map(|s| s.analyses.iter().map(|a| &a.analysis)),
        )
}

/// The names (series and families) some query reads.
pub fn read_names(model: &Model) -> HashSet<&str> {
    let mut read = HashSet::new();
    for analysis in analyses(model) {
        for event in &analysis.events {
            if let Event::Selector { metric, info } = event {
                read.insert(info.family.as_deref().unwrap_or(metric));
                read.insert(metric.as_str());
            }
        }
    }
    read
}

/// The readers of the `wanted` metric names (series or family), in spec order.
pub fn readers<'m>(model: &'m Model, wanted: &HashSet<&str>) -> HashMap<&'m str, Vec<Reader>> {
    let reads_wanted = |analysis: &Analysis| {
        analysis.events.iter().any(|e| match e {
            Event::Selector { metric, info } => {
                wanted.contains(metric.as_str())
                    || info.family.as_deref().is_some_and(|f| wanted.contains(f))
            }
            _ => false,
        })
    };
    let mut sources: Vec<(&Analysis, Reader)> = Vec::new();
    for r in &model.rules {
        let Some(analysis) = r.analysis.as_ref().filter(|a| reads_wanted(a)) else {
            continue;
        };
        let rule = model
            .spec
            .rules
            .groups
            .get(r.group)
            .and_then(|g| g.rules.get(r.rule));
        let what = match rule.map(|rule| (&rule.alert, &rule.record)) {
            Some((Some(alert), _)) => format!("alert `{alert}`"),
            Some((None, Some(record))) => format!("recording rule `{}`", record.0),
            _ => "a rule".to_string(),
        };
        sources.push((
            analysis,
            Reader {
                what,
                path: r.path().key("expr"),
            },
        ));
    }
    for q in &model.stack.queries {
        if let Some(analysis) = q.analysis.as_ref().filter(|a| reads_wanted(a)) {
            sources.push((
                analysis,
                Reader {
                    what: "a dashboard panel".to_string(),
                    path: q.path.clone(),
                },
            ));
        }
    }
    for slo in &model.slos.slos {
        for a in slo.analyses.iter().filter(|a| reads_wanted(&a.analysis)) {
            sources.push((
                &a.analysis,
                Reader {
                    what: format!("SLO `{}`", slo.id),
                    path: a.path.clone(),
                },
            ));
        }
    }
    let mut read: HashMap<&str, Vec<Reader>> = HashMap::new();
    for (analysis, reader) in sources {
        for event in &analysis.events {
            if let Event::Selector { metric, info } = event {
                let family = info.family.as_deref().unwrap_or(metric);
                for name in [metric.as_str(), family] {
                    if !wanted.contains(name) {
                        continue;
                    }
                    let list = read.entry(name).or_default();
                    if !list.iter().any(|r| r.path == reader.path) {
                        list.push(reader.clone());
                    }
                }
            }
        }
    }
    read
}
