//! Checks of an alertmanager.yml that only its native form can fail, in Alertmanager's words:
//! empty integration entries (`slack_configs: [ ]` with a bare `-`), receivers and time intervals
//! without a name, and duplicate mute time intervals. The
//! entries Alertmanager fills with an empty config (Slack, OpsGenie, WeChat, Rocket.Chat) become
//! empty mappings, so the spec's own checks say what they lack.

use super::super::prometheus::tree::{location, map};
use crate::codes::INVALID_VALUE;
use crate::diagnostic::{Diagnostic, SpecPath};
use crate::source::{Node, NodeKind, Span};
use std::collections::HashSet;

/// Integrations whose empty entry Alertmanager reads as an empty config.
const EMPTY_IS_DEFAULT: &[&str] = &[
    "slack_configs",
    "opsgenie_configs",
    "wechat_configs",
    "rocketchat_configs",
];

struct Checks<'a> {
    names: &'a [String],
    out: &'a mut Vec<Diagnostic>,
}

impl Checks<'_> {
    fn error(&mut self, path: SpecPath, span: Span, message: String, help: &str) {
        self.out.push(
            Diagnostic::error(INVALID_VALUE, path, message)
                .at(Some(location(span, self.names)))
                .with_help(help),
        );
    }
}

/// Slack's Web API method that bot tokens post to (`slack_app_url`'s default).
const SLACK_POST_MESSAGE: &str = "https://slack.com/api/chat.postMessage";

fn text<'a>(node: &'a Node, key: &str) -> Option<&'a str> {
    match node.get(key).map(|n| &n.kind) {
        Some(NodeKind::Str(s)) => Some(s),
        _ => None,
    }
}

fn is_true(node: &Node, key: &str) -> bool {
    matches!(node.get(key).map(|n| &n.kind), Some(NodeKind::Bool(true)))
}

/// The global Slack settings: an app token with `slack_api_url` set to the app URL is the old
/// bot-token workaround; that URL is dropped (the token posts there anyway), any other is refused.
fn slack_global(c: &mut Checks, global: &mut Node, path: &SpecPath) {
    let token =
        global.get("slack_app_token").is_some() || global.get("slack_app_token_file").is_some();
    let api = global.get("slack_api_url").is_some() || global.get("slack_api_url_file").is_some();
    if !token || !api {
        return;
    }
    let app = text(global, "slack_app_url")
        .unwrap_or(SLACK_POST_MESSAGE)
        .to_string();
    let span = global
        .get("slack_api_url")
        .or(global.get("slack_api_url_file"))
        .map_or(global.span, |n| n.span);
    if text(global, "slack_api_url") == Some(app.as_str()) {
        if let NodeKind::Map(entries) = &mut global.kind {
            entries.retain(|(k, _)| k.name != "slack_api_url");
        }
        c.out.push(
            Diagnostic::warning(
                crate::codes::DEPRECATED_FIELD,
                path.key("slack_api_url"),
                "slack_api_url is the app URL that slack_app_token posts to; it is not imported",
            )
            .at(Some(location(span, c.names)))
            .with_help("the app token alone posts to slack_app_url"),
        );
    } else {
        c.error(
            path.key("slack_app_token"),
            span,
            "at most one of slack_app_token/slack_app_token_file & slack_api_url/slack_api_url_file must be configured".into(),
            "a bot token posts to slack_app_url; keep slack_api_url only for incoming webhooks",
        );
    }
}

/// `update_message` and `post_updates_to_thread` need api_url to be Slack's Web API method.
fn slack_updates(c: &mut Checks, config: &Node, path: &SpecPath) {
    for field in ["update_message", "post_updates_to_thread"] {
        if is_true(config, field) && text(config, "api_url") != Some(SLACK_POST_MESSAGE) {
            let span = config.get(field).map_or(config.span, |n| n.span);
            c.error(
                path.key(field),
                span,
                format!("{field} can only be used with bot tokens. api_url must be set to {SLACK_POST_MESSAGE}"),
                "give this config api_url: https://slack.com/api/chat.postMessage and a bot token in http_config.authorization",
            );
        }
    }
}

/// Runs the checks on the top-level `key: value` of alertmanager.yml.
pub fn check(key: &str, value: &mut Node, names: &[String], out: &mut Vec<Diagnostic>) {
    let mut c = Checks { names, out };
    let root = SpecPath::root().key("routing");
    match key {
        "global" => slack_global(&mut c, value, &root.key("global")),
        "receivers" => receivers(&mut c, value, &root.key("receivers")),
        "mute_time_intervals" => intervals(
            &mut c,
            value,
            &root.key("time_intervals"),
            "mute time interval",
        ),
        "time_intervals" => intervals(&mut c, value, &root.key("time_intervals"), "time interval"),
        _ => {}
    }
}

fn entries_mut(node: &mut Node) -> Vec<(&str, &mut Node)> {
    match &mut node.kind {
        NodeKind::Map(entries) => entries
            .iter_mut()
            .map(|(k, v)| (k.name.as_str(), v))
            .collect(),
        _ => Vec::new(),
    }
}

fn name_of(node: &Node) -> Option<&str> {
    match node.get("name").map(|n| &n.kind) {
        Some(NodeKind::Str(s)) if !s.is_empty() => Some(s),
        _ => None,
    }
}

fn receivers(c: &mut Checks, node: &mut Node, path: &SpecPath) {
    let NodeKind::Seq(items) = &mut node.kind else {
        return;
    };
    for (i, receiver) in items.iter_mut().enumerate() {
        let rpath = path.index(i);
        if matches!(receiver.kind, NodeKind::Map(_)) && name_of(receiver).is_none() {
            c.error(
                rpath.key("name"),
                receiver.span,
                "missing name in receiver".into(),
                "give the receiver a name that routes can refer to",
            );
        }
        for (key, configs) in entries_mut(receiver) {
            let Some(kind) = key.strip_suffix("_configs") else {
                continue;
            };
            let NodeKind::Seq(list) = &mut configs.kind else {
                continue;
            };
            let default = EMPTY_IS_DEFAULT.contains(&key);
            let mut kept = Vec::new();
            for (j, item) in std::mem::take(list).into_iter().enumerate() {
                if !matches!(item.kind, NodeKind::Null) {
                    kept.push(item);
                } else if default {
                    kept.push(map(item.span, Vec::new()));
                } else {
                    c.error(
                        rpath.key(key).index(j),
                        item.span,
                        format!("missing {kind} config"),
                        "an empty `-` entry configures nothing: fill it in or remove it",
                    );
                }
            }
            *list = kept;
            if key == "slack_configs" {
                for (j, config) in list.iter().enumerate() {
                    slack_updates(c, config, &rpath.key(key).index(j));
                }
            }
        }
    }
}

fn intervals(c: &mut Checks, node: &mut Node, path: &SpecPath, what: &str) {
    let NodeKind::Seq(items) = &node.kind else {
        return;
    };
    let mut seen = HashSet::new();
    let mut found = Vec::new();
    for (i, interval) in items.iter().enumerate() {
        match name_of(interval) {
            None => found.push((
                path.index(i).key("name"),
                interval.span,
                format!("missing name in {what}"),
            )),
            Some(name) if !seen.insert(name.to_string()) && what.starts_with("mute") => {
                found.push((
                    path.index(i).key("name"),
                    interval.span,
                    format!("{what} \"{name}\" is not unique"),
                ))
            }
            Some(_) => {}
        }
    }
    for (p, span, message) in found {
        c.error(
            p,
            span,
            message,
            "give each time interval a unique name that routes can refer to",
        );
    }
}
