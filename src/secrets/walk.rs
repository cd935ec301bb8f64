//! The detector walked over a whole spec (as its JSON value): every string is judged by the name
//! it stands under, with the context that changes the name's meaning — a `headers` map holds HTTP
//! headers, a scrape job's `params` are URL query parameters, a relabel rule writing
//! `__param_<name>` sets one, a service's `environment` holds environment variables, and a
//! Fluentd `{env: ..., default: ...}` default stands for its field.

use super::{in_named, Finding, NameKind};
use crate::diagnostic::{PathSegment, SpecPath};
use serde_json::Value;

/// Where a credential sits, which decides the rule that reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// A service's environment (docker-compose): K002.
    Environment,
    /// Anywhere else in the spec: X001.
    Spec,
}

/// A credential found in the spec: where, in which placement, and its range in the value
/// (None when the value is a number).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecSecret {
    pub path: SpecPath,
    pub placement: Placement,
    pub finding: Finding,
    /// The credential's own text (for redaction only; never put in a message).
    pub secret: String,
}

/// Keys whose value a name stands in for: Fluentd's env default, embedded Ruby, a list of values.
const INHERIT: &[&str] = &["default", "embedded", "value", "values", "literal"];

/// Fields named like credentials that a tool types as plain names: (the config list, the field).
const NOT_SECRETS: &[(&str, &str)] = &[
    // VictorOps' routing key names a team's route; its API key is the secret.
    ("victorops_configs", "routing_key"),
];

/// One step of the path being walked, borrowed from the value (a `SpecPath` is made only for a
/// finding, not for every node).
#[derive(Clone, Copy)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

type Path<'a> = [Step<'a>];

fn spec_path(path: &Path) -> SpecPath {
    SpecPath(
        path.iter()
            .map(|s| match s {
                Step::Key(k) => PathSegment::Key(k.to_string()),
                Step::Index(i) => PathSegment::Index(*i),
            })
            .collect(),
    )
}

fn not_a_secret(path: &Path, key: &str) -> bool {
    NOT_SECRETS.iter().any(|(list, field)| {
        *field == key && path.iter().any(|s| matches!(s, Step::Key(k) if k == list))
    })
}

/// Keys under which nothing is a credential: lint settings and ignores (reasons), file paths.
fn skipped(key: &str) -> bool {
    key == "lint_ignore"
        || key == "file"
        || key == "files"
        || key.ends_with("_file")
        || key.ends_with("_files")
}

struct Walker<'a> {
    out: Vec<SpecSecret>,
    path: Vec<Step<'a>>,
}

fn key_at<'a>(path: &Path<'a>, from_end: usize) -> Option<&'a str> {
    let n = path.len();
    match path.get(n.checked_sub(from_end + 1)?)? {
        Step::Key(k) => Some(k),
        Step::Index(_) => None,
    }
}

fn in_scrape_job(path: &Path) -> bool {
    matches!(path, [Step::Key("scrape"), Step::Key("jobs"), ..])
}

fn in_environment(path: &Path) -> bool {
    matches!(
        path,
        [
            Step::Key("stack"),
            Step::Key("services"),
            Step::Key(_),
            Step::Key("environment"),
            ..
        ]
    )
}

/// A label's value judged by its name only when it looks generated (eight or more characters,
/// letters and digits, no spaces): label names are routing hints (Sloth's `routing_key: myteam`)
/// more often than credentials.
fn looks_generated(text: &str) -> bool {
    text.len() >= 8
        && !text.contains(char::is_whitespace)
        && text.chars().any(|c| c.is_ascii_digit())
        && text.chars().any(|c| c.is_ascii_alphabetic())
}

fn in_label_map(path: &Path) -> bool {
    key_at(path, 1).is_some_and(|k| k == "labels" || k.ends_with("_labels"))
}

impl<'a> Walker<'a> {
    fn string(&mut self, name: &str, kind: NameKind, text: &str, number: bool) {
        let findings = in_named(name, kind, text);
        if findings.is_empty() {
            return;
        }
        let path = &self.path;
        let label = in_label_map(path);
        let placement = if in_environment(path) {
            Placement::Environment
        } else {
            Placement::Spec
        };
        for finding in findings {
            if label && finding.kind == super::Kind::Named && !looks_generated(text) {
                continue;
            }
            self.out.push(SpecSecret {
                path: spec_path(path),
                placement,
                finding: if number {
                    Finding {
                        start: 0,
                        end: text.len(),
                        ..finding
                    }
                } else {
                    finding
                },
                secret: text
                    .get(finding.start..finding.end)
                    .unwrap_or(text)
                    .to_string(),
            });
        }
    }

    fn value(&mut self, value: &'a Value, name: &str, kind: NameKind) {
        match value {
            Value::String(s) => self.string(name, kind, s, false),
            Value::Number(n) if super::is_secret_name(name, kind) => {
                self.string(name, kind, &n.to_string(), true)
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.path.push(Step::Index(i));
                    self.value(item, name, kind);
                    self.path.pop();
                }
            }
            Value::Object(map) => self.object(map, name, kind),
            _ => {}
        }
    }

    fn object(&mut self, map: &'a serde_json::Map<String, Value>, name: &str, kind: NameKind) {
        // A relabel rule that sets a scrape parameter: its replacement is that parameter's value.
        let param_target = map
            .get("target_label")
            .and_then(Value::as_str)
            .and_then(|t| t.strip_prefix("__param_"));
        let parent = key_at(&self.path, 0).unwrap_or("");
        let at_root = self.path.is_empty();
        let in_env = in_environment(&self.path);
        let in_job = in_scrape_job(&self.path);
        for (key, child) in map {
            if skipped(key) || (at_root && key == "lint") || not_a_secret(&self.path, key) {
                continue;
            }
            self.path.push(Step::Key(key));
            let (child_name, child_kind) = if INHERIT.contains(&key.as_str()) && !name.is_empty() {
                (name, kind)
            } else if key == "replacement" && param_target.is_some() {
                (param_target.unwrap_or(""), NameKind::Query)
            } else if parent == "headers" || parent == "http_headers" {
                (key.as_str(), NameKind::Header)
            } else if parent == "params" && in_job {
                (key.as_str(), NameKind::Query)
            } else if parent == "environment" && in_environment(&self.path) {
                (key.as_str(), NameKind::EnvVar)
            } else if in_env && (key == "env" || key == "file") {
                // `{env: NAME}` / `{file: PATH}`: references.
                self.path.pop();
                continue;
            } else {
                (key.as_str(), NameKind::Field)
            };
            self.value(child, child_name, child_kind);
            self.path.pop();
        }
    }
}

/// Every credential written in a spec (its JSON value), in document order.
pub fn scan(spec: &Value) -> Vec<SpecSecret> {
    let mut walker = Walker {
        out: Vec::new(),
        path: Vec::new(),
    };
    walker.value(spec, "", NameKind::Field);
    walker.out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn paths(spec: Value) -> Vec<String> {
        scan(&spec).iter().map(|s| s.path.to_string()).collect()
    }

    #[test]
    fn names_take_their_context() {
        let spec = json!({
            "scrape": {"jobs": [{
                "job_name": "api",
                "params": {"apikey": ["k-123456"], "module": ["http_2xx"]},
                "relabel_configs": [
                    {"target_label": "__param_token", "replacement": "t-98765"},
                    {"target_label": "instance", "replacement": "$1"}
                ]
            }]},
            "routing": {"receivers": [{"name": "r", "email_configs": [{"headers": {"Authorization": "Bearer abcdefgh1"}, "auth_password": {"file": "/run/pw"}}]}]},
            "stack": {"services": {"db": {"environment": {"MYSQL_ROOT_PASSWORD": "root", "MYSQL_DATABASE": "app", "API_TOKEN": {"env": "API_TOKEN"}}}}},
            "logs": {"pipeline": {"route": [{"password": {"env": "ES_PASSWORD", "default": "changeme"}}]}},
            "lint": {"test_secrets": [{"path": "x", "reason": "password hunter2"}]}
        });
        assert_eq!(
            paths(spec),
            vec![
                "scrape.jobs[0].params.apikey[0]",
                "scrape.jobs[0].relabel_configs[0].replacement",
                "routing.receivers[0].email_configs[0].headers.Authorization",
                "stack.services.db.environment.MYSQL_ROOT_PASSWORD",
                "logs.pipeline.route[0].password.default",
            ]
        );
    }
}
