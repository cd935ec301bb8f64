//! The route tree as Alertmanager builds and walks it (dispatch/route.go): each node's options
//! inherited from its parent (receiver, group_by, timings; not the time intervals), matchers
//! sorted, a depth-first left-to-right search where the first matching child ends the search on
//! its level unless it has `continue`, and a node matching when none of its children does.

use super::LabelSet;
use crate::diagnostic::SpecPath;
use crate::spec::routing::{MatchOp, Matcher, Route};
use crate::spec::Duration;
use regex::Regex;
use serde::Serialize;

/// Alertmanager's defaults for the root route.
pub const DEFAULT_GROUP_WAIT: Duration = Duration::from_secs(30);
pub const DEFAULT_GROUP_INTERVAL: Duration = Duration::from_secs(5 * 60);
pub const DEFAULT_REPEAT_INTERVAL: Duration = Duration::from_secs(4 * 3600);

/// A matcher ready to test label values.
#[derive(Debug, Clone)]
pub struct CompiledMatcher {
    pub matcher: Matcher,
    regex: Option<Regex>,
}

impl CompiledMatcher {
    pub fn new(matcher: Matcher) -> Self {
        let regex = matcher
            .op
            .is_regex()
            .then(|| crate::regexes::compile(&matcher.anchored_regex()).ok())
            .flatten();
        CompiledMatcher { matcher, regex }
    }

    /// Whether the value (empty for an absent label, as in Alertmanager) satisfies the matcher.
    /// A regex that does not compile (the spec has an error then) matches nothing.
    pub fn matches_value(&self, value: &str) -> bool {
        match self.matcher.op {
            MatchOp::Equal => value == self.matcher.value,
            MatchOp::NotEqual => value != self.matcher.value,
            MatchOp::Regex => self.regex.as_ref().is_some_and(|r| r.is_match(value)),
            MatchOp::NotRegex => self.regex.as_ref().is_some_and(|r| !r.is_match(value)),
        }
    }

    pub fn matches(&self, labels: &LabelSet) -> bool {
        self.matches_value(labels.get(&self.matcher.name).map_or("", String::as_str))
    }
}

/// Whether every matcher is satisfied.
pub fn all_match(matchers: &[CompiledMatcher], labels: &LabelSet) -> bool {
    matchers.iter().all(|m| m.matches(labels))
}

/// Sorts matchers as Alertmanager does (name, then value, then operator).
pub fn sort_matchers(matchers: &mut [Matcher]) {
    matchers.sort_by(|a, b| {
        a.name
            .cmp(&b.name)
            .then_with(|| a.value.cmp(&b.value))
            .then_with(|| a.op.cmp(&b.op))
    });
}

/// `{a="b",c=~"d"}`: Alertmanager's rendering of a matcher list, part of route and group keys.
pub fn matchers_string(matchers: &[Matcher]) -> String {
    let parts: Vec<String> = matchers.iter().map(ToString::to_string).collect();
    format!("{{{}}}", parts.join(","))
}

/// The options a route applies to the alerts it takes, after inheritance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RouteOpts {
    pub receiver: String,
    /// Sorted label names; empty with `group_by_all`.
    pub group_by: Vec<String>,
    /// `group_by: ['...']`: every label groups.
    pub group_by_all: bool,
    pub group_wait: Duration,
    pub group_interval: Duration,
    pub repeat_interval: Duration,
}

impl Default for RouteOpts {
    fn default() -> Self {
        RouteOpts {
            receiver: String::new(),
            group_by: Vec::new(),
            group_by_all: false,
            group_wait: DEFAULT_GROUP_WAIT,
            group_interval: DEFAULT_GROUP_INTERVAL,
            repeat_interval: DEFAULT_REPEAT_INTERVAL,
        }
    }
}

/// One node of the resolved tree.
#[derive(Debug, Clone)]
pub struct RouteNode {
    /// Child indices from the root (`[]` is the root, `[2, 0]` is `routes[2].routes[0]`).
    pub path: Vec<usize>,
    pub matchers: Vec<CompiledMatcher>,
    pub continue_: bool,
    pub opts: RouteOpts,
    /// Alertmanager's route key: the parent's key, `/`, this node's sorted matchers.
    pub key: String,
    pub mute_time_intervals: Vec<String>,
    pub active_time_intervals: Vec<String>,
    pub children: Vec<RouteNode>,
}

impl RouteNode {
    fn build(route: &Route, parent: Option<&RouteNode>, path: Vec<usize>) -> RouteNode {
        let mut opts = parent.map(|p| p.opts.clone()).unwrap_or_default();
        if let Some(receiver) = route.receiver.as_ref().filter(|r| !r.is_empty()) {
            opts.receiver = receiver.clone();
        }
        if let Some(group_by) = &route.group_by {
            let mut labels: Vec<String> =
                group_by.iter().filter(|l| *l != "...").cloned().collect();
            if !labels.is_empty() {
                labels.sort();
                labels.dedup();
                opts.group_by = labels;
                opts.group_by_all = false;
            } else if group_by.iter().any(|l| l == "...") {
                opts.group_by_all = true;
            }
        }
        if let Some(d) = route.group_wait {
            opts.group_wait = d;
        }
        if let Some(d) = route.group_interval {
            opts.group_interval = d;
        }
        if let Some(d) = route.repeat_interval {
            opts.repeat_interval = d;
        }
        let mut matchers = route.all_matchers();
        sort_matchers(&mut matchers);
        let own = matchers_string(&matchers);
        let key = match parent {
            Some(p) => format!("{}/{own}", p.key),
            None => own,
        };
        let mut node = RouteNode {
            path,
            matchers: matchers.into_iter().map(CompiledMatcher::new).collect(),
            continue_: route.continue_,
            opts,
            key,
            mute_time_intervals: route.mute_time_intervals.clone(),
            active_time_intervals: route.active_time_intervals.clone(),
            children: Vec::new(),
        };
        node.children = route
            .routes
            .iter()
            .enumerate()
            .map(|(i, child)| {
                let mut child_path = node.path.clone();
                child_path.push(i);
                RouteNode::build(child, Some(&node), child_path)
            })
            .collect();
        node
    }

    /// The spec path of this node (`routing.route.routes[2].routes[0]`).
    pub fn spec_path(&self) -> SpecPath {
        route_spec_path(&self.path)
    }

    /// The matchers as written canonically (`severity="critical"`).
    pub fn matcher_strings(&self) -> Vec<String> {
        self.matchers
            .iter()
            .map(|m| m.matcher.to_string())
            .collect()
    }

    /// Alertmanager's `Match`: the nodes that take the alert, in order; empty when this node's
    /// matchers fail.
    fn match_labels<'a>(&'a self, labels: &LabelSet, out: &mut Vec<&'a RouteNode>) -> bool {
        if !all_match(&self.matchers, labels) {
            return false;
        }
        let before = out.len();
        for child in &self.children {
            if child.match_labels(labels, out) && !child.continue_ {
                break;
            }
        }
        if out.len() == before {
            out.push(self);
        }
        true
    }

    /// Depth-first pre-order walk.
    pub fn walk<'a>(&'a self, visit: &mut dyn FnMut(&'a RouteNode)) {
        visit(self);
        for child in &self.children {
            child.walk(visit);
        }
    }
}

/// The spec path of the route at `path` (child indices from the root).
pub fn route_spec_path(path: &[usize]) -> SpecPath {
    let mut p = SpecPath::root().key("routing").key("route");
    for i in path {
        p = p.key("routes").index(*i);
    }
    p
}

/// A route an alert is matched to, with everything that decides its notifications.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RouteMatch {
    /// Child indices from the root.
    pub path: Vec<usize>,
    /// `routing.route.routes[0]`.
    pub spec_path: String,
    /// Receiver, grouping and timings, as the route applies them after inheritance.
    #[serde(flatten)]
    pub opts: RouteOpts,
    /// The labels that form the alert's group on this route.
    pub group_labels: LabelSet,
    /// Alertmanager's group key: `<route key>:<group labels>`.
    pub group_key: String,
    pub mute_time_intervals: Vec<String>,
    pub active_time_intervals: Vec<String>,
}

/// The resolved route tree of a routing section.
#[derive(Debug, Clone)]
pub struct RouteTree {
    pub root: RouteNode,
}

impl RouteTree {
    pub fn new(routing: &crate::spec::routing::Routing) -> Self {
        RouteTree {
            root: RouteNode::build(&routing.route, None, Vec::new()),
        }
    }

    /// The routes that take an alert with these labels, in Alertmanager's order; never empty
    /// (the root takes what no child does).
    pub fn matching_routes(&self, labels: &LabelSet) -> Vec<RouteMatch> {
        let labels: LabelSet = labels
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let mut nodes = Vec::new();
        self.root.match_labels(&labels, &mut nodes);
        nodes
            .into_iter()
            .map(|node| {
                let group_labels: LabelSet = labels
                    .iter()
                    .filter(|(k, _)| node.opts.group_by_all || node.opts.group_by.contains(k))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                RouteMatch {
                    path: node.path.clone(),
                    spec_path: node.spec_path().to_string(),
                    opts: node.opts.clone(),
                    group_key: format!("{}:{}", node.key, label_set_string(&group_labels)),
                    group_labels,
                    mute_time_intervals: node.mute_time_intervals.clone(),
                    active_time_intervals: node.active_time_intervals.clone(),
                }
            })
            .collect()
    }

    /// The node at `path`, if any.
    pub fn node(&self, path: &[usize]) -> Option<&RouteNode> {
        let mut node = &self.root;
        for i in path {
            node = node.children.get(*i)?;
        }
        Some(node)
    }
}

/// Prometheus' `LabelSet.String()`: `{a="b", c="d"}`, names sorted, values Go-quoted.
pub fn label_set_string(labels: &LabelSet) -> String {
    let parts: Vec<String> = labels
        .iter()
        .map(|(k, v)| format!("{k}={}", go_quote(v)))
        .collect();
    format!("{{{}}}", parts.join(", "))
}

/// Go's `%q` for the strings label values hold.
fn go_quote(value: &str) -> String {
    let mut out = String::from("\"");
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::routing::Routing;

    fn routing(yaml: &str) -> Routing {
        let value = crate::source::load_value(yaml, crate::source::FileId(0), &Default::default())
            .expect("test YAML parses");
        serde_json::from_value(value).expect("test routing has the right shape")
    }

    fn labels(pairs: &[(&str, &str)]) -> LabelSet {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn receivers(tree: &RouteTree, pairs: &[(&str, &str)]) -> Vec<String> {
        tree.matching_routes(&labels(pairs))
            .into_iter()
            .map(|m| m.opts.receiver)
            .collect()
    }

    const TREE: &str = r#"
route:
  receiver: default
  group_by: [alertname]
  routes:
    - matchers: ['severity="critical"']
      receiver: crit
      continue: true
    - matchers: ['severity=~"critical|warning"']
      receiver: warn
      group_by: ['...']
      routes:
        - matchers: ['team="a"']
          receiver: team-a
          group_wait: 1s
    - matchers: ['severity="info"']
"#;

    #[test]
    fn walks_depth_first_with_continue_and_fallback() {
        let tree = RouteTree::new(&routing(TREE));
        assert_eq!(
            receivers(&tree, &[("severity", "critical"), ("team", "a")]),
            ["crit", "team-a"]
        );
        assert_eq!(
            receivers(&tree, &[("severity", "critical")]),
            ["crit", "warn"]
        );
        assert_eq!(receivers(&tree, &[("severity", "warning")]), ["warn"]);
        assert_eq!(receivers(&tree, &[("foo", "bar")]), ["default"]);
        // A route without a receiver inherits its parent's.
        assert_eq!(receivers(&tree, &[("severity", "info")]), ["default"]);
    }

    #[test]
    fn inherits_options_and_builds_group_keys() {
        let tree = RouteTree::new(&routing(TREE));
        let m = tree.matching_routes(&labels(&[
            ("severity", "warning"),
            ("team", "a"),
            ("alertname", "X"),
        ]));
        assert_eq!(m.len(), 1);
        let m = &m[0];
        assert_eq!(m.spec_path, "routing.route.routes[1].routes[0]");
        assert!(m.opts.group_by_all);
        assert_eq!(m.opts.group_wait, Duration::from_secs(1));
        assert_eq!(m.opts.group_interval, DEFAULT_GROUP_INTERVAL);
        assert_eq!(
            m.group_key,
            r#"{}/{severity=~"critical|warning"}/{team="a"}:{alertname="X", severity="warning", team="a"}"#
        );
        let root = tree.matching_routes(&labels(&[("alertname", "Y"), ("x", "1")]));
        assert_eq!(root[0].group_key, r#"{}:{alertname="Y"}"#);
    }

    #[test]
    fn absent_labels_match_as_empty() {
        let tree = RouteTree::new(&routing(
            "route:\n  receiver: d\n  routes:\n    - {matchers: ['env!=\"prod\"'], receiver: nonprod}\n    - {matchers: ['team=\"\"'], receiver: noteam}\n",
        ));
        assert_eq!(receivers(&tree, &[("team", "x")]), ["nonprod"]);
        assert_eq!(receivers(&tree, &[("env", "prod")]), ["noteam"]);
        assert_eq!(receivers(&tree, &[("env", "prod"), ("team", "x")]), ["d"]);
    }
}
