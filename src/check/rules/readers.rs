//! Who reads each metric: the selectors of every alerting and recording rule, dashboard query and
//! SLI query, by the series they name and by its family (`x_bucket` reads the histogram `x`).
//! Shared by the catalog checks that ask whether a metric is read (M006) and by whom (M007).

use crate::diagnostic::SpecPath;
use crate::model::Model;
use crate::promql::{Analysis, Event};
use std::collections::HashMap;

/// One reader of a metric: what it is, for messages, and where the spec states it.
#[derive(Debug, Clone)]
pub struct Reader {
    pub what: String,
    pub path: SpecPath,
}

/// Every metric name read (series and family names), with its readers in spec order.
pub fn readers(model: &Model) -> HashMap<&str, Vec<Reader>> {
    let mut sources: Vec<(&Analysis, Reader)> = Vec::new();
    for r in &model.rules {
        let Some(analysis) = &r.analysis else {
            continue;
        };
        let rule = model
            .spec
            .rules
            .groups
            .get(r.group)
            .and_then(|g| g.rules.get(r.rule));
        let what = match rule {
            Some(rule) => match (&rule.alert, &rule.record) {
                (Some(alert), _) => format!("alert `{alert}`"),
                (None, Some(record)) => format!("recording rule `{}`", record.0),
                (None, None) => "a rule".to_string(),
            },
            None => "a rule".to_string(),
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
        if let Some(analysis) = &q.analysis {
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
        for a in &slo.analyses {
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
