//! Alertmanager's routing semantics, simulated: which routes and receivers an alert reaches
//! (depth-first matching, `continue`, inherited options, the root as fallback, group keys), whether
//! firing alerts inhibit it, and whether a route's time intervals mute it at a given instant. The
//! same answers `amtool config routes test` gives for routing, plus what amtool cannot do:
//! inhibition, time intervals and batches of expectations ([`cases`]).

pub mod cases;
pub mod inhibit;
pub mod labels;
pub mod show;
pub mod time;
mod tree;

pub use inhibit::{inhibited, inhibitions, CompiledInhibitRule, Inhibition};
pub use labels::parse_label_set;
pub use time::{interval_contains, Instant};
pub use tree::{
    label_set_string, matchers_string, route_spec_path, CompiledMatcher, RouteMatch, RouteNode,
    RouteOpts, RouteTree, DEFAULT_GROUP_INTERVAL, DEFAULT_GROUP_WAIT, DEFAULT_REPEAT_INTERVAL,
};

use crate::spec::routing::{Routing, TimeInterval};
use crate::spec::Spec;
use serde::Serialize;
use std::collections::BTreeMap;

/// An alert's labels.
pub type LabelSet = BTreeMap<String, String>;

/// Why routing cannot be simulated.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RouteError {
    #[error("the spec has no routing section")]
    NoRouting,
}

/// A route an alert reaches, and whether its notifications are muted at the instant asked about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoutedTo {
    #[serde(flatten)]
    pub route: RouteMatch,
    /// Muted by a mute interval, or outside all of its active intervals (only with an instant).
    pub muted: bool,
    /// Which interval muted it, e.g. `mute_time_intervals: offhours`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub muted_by: Option<String>,
}

/// Everything the simulator says about one alert.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RouteResult {
    pub labels: LabelSet,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<Instant>,
    /// The receiver of every route the alert reaches, in order (what amtool prints).
    pub receivers: Vec<String>,
    pub routes: Vec<RoutedTo>,
    /// Whether a firing alert inhibits this one.
    pub inhibited: bool,
    pub inhibited_by: Vec<Inhibition>,
    /// The receivers actually notified: none when inhibited, and not those of muted routes.
    pub notified: Vec<String>,
}

/// The simulator for one routing section: the resolved tree, built once.
#[derive(Debug, Clone)]
pub struct Simulator<'a> {
    pub routing: &'a Routing,
    pub tree: RouteTree,
}

impl<'a> Simulator<'a> {
    pub fn new(routing: &'a Routing) -> Self {
        Simulator {
            routing,
            tree: RouteTree::new(routing),
        }
    }

    fn interval(&self, name: &str) -> Option<&TimeInterval> {
        self.routing.time_intervals.iter().find(|t| t.name == name)
    }

    /// Whether a route is muted at `at`, and by what.
    fn muted(&self, route: &RouteMatch, at: Instant) -> Option<String> {
        for name in &route.mute_time_intervals {
            if self
                .interval(name)
                .is_some_and(|i| interval_contains(i, at))
            {
                return Some(format!("mute_time_intervals: {name}"));
            }
        }
        if !route.active_time_intervals.is_empty()
            && !route.active_time_intervals.iter().any(|name| {
                self.interval(name)
                    .is_some_and(|i| interval_contains(i, at))
            })
        {
            return Some(format!(
                "outside active_time_intervals: {}",
                route.active_time_intervals.join(", ")
            ));
        }
        None
    }

    /// Routes the alert; `firing` are the other alerts firing at the same time (for inhibition),
    /// `at` the instant time intervals are evaluated at (none: no route is muted).
    pub fn route(
        &self,
        labels: &LabelSet,
        at: Option<Instant>,
        firing: &[LabelSet],
    ) -> RouteResult {
        let matches = self.tree.matching_routes(labels);
        let routes: Vec<RoutedTo> = matches
            .into_iter()
            .map(|route| {
                let muted_by = at.and_then(|at| self.muted(&route, at));
                RoutedTo {
                    muted: muted_by.is_some(),
                    muted_by,
                    route,
                }
            })
            .collect();
        let inhibited_by = inhibitions(&self.routing.inhibit_rules, labels, firing);
        let inhibited = !inhibited_by.is_empty();
        let notified = if inhibited {
            Vec::new()
        } else {
            routes
                .iter()
                .filter(|r| !r.muted)
                .map(|r| r.route.opts.receiver.clone())
                .collect()
        };
        RouteResult {
            labels: labels.clone(),
            at,
            receivers: routes
                .iter()
                .map(|r| r.route.opts.receiver.clone())
                .collect(),
            routes,
            inhibited,
            inhibited_by,
            notified,
        }
    }
}

/// The labels an alerting rule's alerts certainly carry when they reach Alertmanager:
/// `alertname`, the rule's labels, and Prometheus' external labels (unless the rule sets them).
/// Labels whose value is a template depend on the alert and are listed apart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AlertRuleLabels {
    pub alert: String,
    /// `rules.groups[g].rules[r]`.
    pub path: String,
    pub labels: LabelSet,
    /// Names of labels whose value is a template (`{{ $labels.x }}`), not known statically.
    pub templated_labels: Vec<String>,
}

/// The static labels of every alerting rule in the spec, in spec order.
pub fn alert_rule_labels(spec: &Spec) -> Vec<AlertRuleLabels> {
    let mut out = Vec::new();
    for (g, group) in spec.rules.groups.iter().enumerate() {
        for (r, rule) in group.rules.iter().enumerate() {
            let Some(alert) = &rule.alert else { continue };
            let mut labels = LabelSet::new();
            let mut templated = Vec::new();
            for (name, value) in &spec.scrape.global.external_labels {
                labels.insert(name.clone(), value.clone());
            }
            for (name, value) in &rule.labels {
                if value.contains("{{") {
                    labels.remove(name.as_str());
                    templated.push(name.clone());
                } else {
                    labels.insert(name.clone(), value.clone());
                }
            }
            labels.insert("alertname".into(), alert.clone());
            labels.retain(|_, v| !v.is_empty());
            out.push(AlertRuleLabels {
                alert: alert.clone(),
                path: format!("rules.groups[{g}].rules[{r}]"),
                labels,
                templated_labels: templated,
            });
        }
    }
    out
}
