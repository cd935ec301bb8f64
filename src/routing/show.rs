//! `monctl routes show`: the route tree with every node's effective options, and for every alert
//! rule of the spec its static labels and the receivers they reach — as data (JSON) and as text.
//! Output is deterministic: spec order for routes and rules, sorted labels.

use super::{alert_rule_labels, RouteNode, RouteTree, Simulator};
use crate::spec::Spec;
use serde::Serialize;

/// One node of the tree, with its options after inheritance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TreeView {
    pub path: String,
    pub matchers: Vec<String>,
    pub receiver: String,
    pub group_by: Vec<String>,
    pub group_by_all: bool,
    pub group_wait: String,
    pub group_interval: String,
    pub repeat_interval: String,
    #[serde(rename = "continue")]
    pub continue_: bool,
    pub mute_time_intervals: Vec<String>,
    pub active_time_intervals: Vec<String>,
    pub routes: Vec<TreeView>,
}

fn tree_view(node: &RouteNode) -> TreeView {
    TreeView {
        path: node.spec_path().to_string(),
        matchers: node.matcher_strings(),
        receiver: node.opts.receiver.clone(),
        group_by: node.opts.group_by.clone(),
        group_by_all: node.opts.group_by_all,
        group_wait: node.opts.group_wait.to_string(),
        group_interval: node.opts.group_interval.to_string(),
        repeat_interval: node.opts.repeat_interval.to_string(),
        continue_: node.continue_,
        mute_time_intervals: node.mute_time_intervals.clone(),
        active_time_intervals: node.active_time_intervals.clone(),
        routes: node.children.iter().map(tree_view).collect(),
    }
}

/// An alerting rule and where its alerts go.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AlertView {
    pub alert: String,
    pub path: String,
    pub labels: super::LabelSet,
    pub templated_labels: Vec<String>,
    pub receivers: Vec<String>,
    /// Spec paths of the routes reached.
    pub routes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShowReport {
    pub tree: TreeView,
    pub alerts: Vec<AlertView>,
}

/// The tree and the alert rules' routing, for a spec with a routing section.
pub fn show(spec: &Spec) -> Option<ShowReport> {
    let routing = spec.routing.as_ref()?;
    let sim = Simulator::new(routing);
    let alerts = alert_rule_labels(spec)
        .into_iter()
        .map(|a| {
            let result = sim.route(&a.labels, None, &[]);
            AlertView {
                routes: result
                    .routes
                    .iter()
                    .map(|r| r.route.spec_path.clone())
                    .collect(),
                receivers: result.receivers,
                alert: a.alert,
                path: a.path,
                labels: a.labels,
                templated_labels: a.templated_labels,
            }
        })
        .collect();
    Some(ShowReport {
        tree: tree_view(&sim.tree.root),
        alerts,
    })
}

fn describe(view: &TreeView, parent: Option<&TreeView>) -> String {
    let mut parts = Vec::new();
    if view.matchers.is_empty() {
        parts.push(if parent.is_none() {
            "(root)".to_string()
        } else {
            "{} (matches everything)".to_string()
        });
    } else {
        parts.push(format!("{{{}}}", view.matchers.join(", ")));
    }
    parts.push(format!("receiver: {}", view.receiver));
    // Options shown where they are set or differ from the parent; the root shows all.
    let differs = |f: &dyn Fn(&TreeView) -> String| parent.is_none_or(|p| f(p) != f(view));
    let group = |v: &TreeView| {
        if v.group_by_all {
            "[...]".to_string()
        } else {
            format!("[{}]", v.group_by.join(", "))
        }
    };
    if differs(&group) {
        parts.push(format!("group_by: {}", group(view)));
    }
    for (name, get) in [
        (
            "group_wait",
            (|v: &TreeView| v.group_wait.clone()) as fn(&TreeView) -> String,
        ),
        ("group_interval", |v: &TreeView| v.group_interval.clone()),
        ("repeat_interval", |v: &TreeView| v.repeat_interval.clone()),
    ] {
        if differs(&get) {
            parts.push(format!("{name}: {}", get(view)));
        }
    }
    if view.continue_ {
        parts.push("continue".into());
    }
    if !view.mute_time_intervals.is_empty() {
        parts.push(format!("muted: {}", view.mute_time_intervals.join(", ")));
    }
    if !view.active_time_intervals.is_empty() {
        parts.push(format!("active: {}", view.active_time_intervals.join(", ")));
    }
    parts.join("  ")
}

fn render_children(view: &TreeView, prefix: &str, out: &mut String) {
    let count = view.routes.len();
    for (i, child) in view.routes.iter().enumerate() {
        let last = i + 1 == count;
        out.push_str(&format!(
            "{prefix}{}[{i}] {}\n",
            if last { "└── " } else { "├── " },
            describe(child, Some(view))
        ));
        let deeper = format!("{prefix}{}", if last { "    " } else { "│   " });
        render_children(child, &deeper, out);
    }
}

/// The report as text: the tree, then one block per alert rule.
pub fn render(report: &ShowReport) -> String {
    let mut out = String::from("Routing tree (routing.route):\n");
    out.push_str(&describe(&report.tree, None));
    out.push('\n');
    render_children(&report.tree, "", &mut out);
    out.push_str(&format!("\nAlert rules ({}):\n", report.alerts.len()));
    for alert in &report.alerts {
        let labels: Vec<String> = alert
            .labels
            .iter()
            .map(|(k, v)| format!("{k}={v:?}"))
            .collect();
        out.push_str(&format!("{}  ({})\n", alert.alert, alert.path));
        out.push_str(&format!("    labels:    {}\n", labels.join(", ")));
        if !alert.templated_labels.is_empty() {
            out.push_str(&format!(
                "    templated: {} (value depends on the alert; not used here)\n",
                alert.templated_labels.join(", ")
            ));
        }
        out.push_str(&format!(
            "    receivers: {}  via {}\n",
            alert.receivers.join(", "),
            alert.routes.join(", ")
        ));
    }
    out
}

/// The tree alone as text (for a spec's routing without rules).
pub fn render_tree(tree: &RouteTree) -> String {
    let view = tree_view(&tree.root);
    let mut out = describe(&view, None);
    out.push('\n');
    render_children(&view, "", &mut out);
    out
}
