//! The route tree: which receiver an alert goes to, how alerts are grouped, and how often
//! notifications repeat. A child route inherits receiver, grouping and timings from its parent.

use super::matcher::{MatchOp, Matcher, MatcherText};
use crate::spec::types::Duration;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A node of the route tree. The root (`routing.route`) must name a receiver and has no matchers.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Route {
    /// Receiver of the alerts this route takes; inherited from the parent when absent.
    #[serde(default)]
    pub receiver: Option<String>,
    /// Labels that group alerts into one notification; `...` groups by all labels. Inherited when
    /// absent.
    #[serde(default)]
    pub group_by: Option<Vec<String>>,
    /// How long to wait before the first notification of a new group (Alertmanager: 30s).
    #[serde(default)]
    pub group_wait: Option<Duration>,
    /// How long to wait before notifying about new alerts in a group already notified (5m).
    #[serde(default)]
    pub group_interval: Option<Duration>,
    /// How long to wait before repeating a notification (4h).
    #[serde(default)]
    pub repeat_interval: Option<Duration>,
    /// Label matchers an alert must satisfy, all of them: `severity="critical"`, `team=~"a|b"`.
    #[serde(default)]
    pub matchers: Vec<MatcherText>,
    /// Deprecated: equality matchers as a map. Converted to `matchers` (with a warning).
    #[serde(default, rename = "match")]
    pub match_: BTreeMap<String, String>,
    /// Deprecated: regex matchers as a map. Converted to `matchers` (with a warning).
    #[serde(default)]
    pub match_re: BTreeMap<String, String>,
    /// Whether an alert matching this route goes on to be matched against its next siblings.
    #[serde(default, rename = "continue")]
    pub continue_: bool,
    /// Names of time intervals during which this route's notifications are muted.
    #[serde(default)]
    pub mute_time_intervals: Vec<String>,
    /// Names of time intervals outside of which this route's notifications are muted.
    #[serde(default)]
    pub active_time_intervals: Vec<String>,
    /// Labels attached to the alert groups of this route and its children (a child's own override
    /// its parent's), rendered per group and shown to templates as `routeLabels` (Alertmanager
    /// main). Values are templates.
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    /// Child routes, tried in order.
    #[serde(default)]
    pub routes: Vec<Route>,
    /// Check-rule findings about this route (and its children) not to report, each with a reason.
    /// monctl's own; not written to alertmanager.yml.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lint_ignore: Vec<crate::spec::LintIgnore>,
}

impl Route {
    /// All matchers of the route: the deprecated `match` and `match_re` maps converted, then the
    /// `matchers` strings, in that order.
    pub fn all_matchers(&self) -> Vec<Matcher> {
        let mut out: Vec<Matcher> = self
            .match_
            .iter()
            .map(|(k, v)| Matcher::new(k.clone(), MatchOp::Equal, v.clone()))
            .collect();
        out.extend(
            self.match_re
                .iter()
                .map(|(k, v)| Matcher::new(k.clone(), MatchOp::Regex, v.clone())),
        );
        for text in &self.matchers {
            out.extend(text.matchers().iter().cloned());
        }
        out
    }

    /// Whether `group_by` is `['...']`: group by all labels.
    pub fn groups_by_all(&self) -> bool {
        self.group_by
            .as_ref()
            .is_some_and(|g| g.iter().any(|l| l == "..."))
    }
}
