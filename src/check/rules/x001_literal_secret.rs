//! X001: a password, token or key embedded anywhere in the spec (a field named like a secret, a URL
//! carrying credentials or a token, a string shaped like a well-known key).

use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::{Severity, SpecPath};
use serde_json::Value;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "X001",
        name: "embedded-secret",
        family: Family::Secrets,
        severity: Severity::Error,
        summary: "A password, token or API key embedded in a spec value.",
        explanation: "The spec is committed to version control and the generated files are deployed widely; a secret written into either leaks. monctl takes secrets by reference: a `*_file` path, or an environment placeholder.\n\nFlagged: values of fields named like secrets (password, secret, token, api_key, credentials...), URLs with embedded credentials (`https://user:pass@host`) or token parameters (`?access_token=...`), and strings shaped like well-known keys (Slack `xox?-`, AWS `AKIA...`).\n\nBad:\n```yaml\nurl: https://oapi.dingtalk.com/robot/send?access_token=abc123\n```\nGood:\n```yaml\nurl_file: /etc/alertmanager/secrets/dingtalk-url\n```",
    },
    run,
};

const SECRET_KEYS: &[&str] = &[
    "password",
    "secret",
    "token",
    "api_key",
    "apikey",
    "credentials",
    "auth_secret",
    "routing_key",
    "service_key",
    "bot_token",
];
const TOKEN_PARAMS: &[&str] = &[
    "access_token=",
    "token=",
    "key=",
    "secret=",
    "sig=",
    "signature=",
];

fn looks_like_reference(value: &str) -> bool {
    value.is_empty()
        || (value.starts_with("${") && value.ends_with('}'))
        || value.starts_with('/')
        || value.starts_with("<")
}

fn secret_in_string(key: &str, value: &str) -> Option<&'static str> {
    let key = key.to_ascii_lowercase();
    let secret_field = SECRET_KEYS
        .iter()
        .any(|k| key == *k || key.ends_with(&format!("_{k}")))
        && !key.ends_with("_file")
        && !key.ends_with("_url");
    if secret_field && !looks_like_reference(value) {
        return Some("a secret written as a literal");
    }
    let lower = value.to_ascii_lowercase();
    if let Some(rest) = lower
        .strip_prefix("http://")
        .or_else(|| lower.strip_prefix("https://"))
    {
        let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
        if authority.contains('@') && authority.split('@').next().is_some_and(|u| u.contains(':')) {
            return Some("a URL with an embedded password");
        }
        if let Some(query) = rest.split_once('?').map(|(_, q)| q) {
            if query.split('&').any(|p| {
                TOKEN_PARAMS.iter().any(|t| {
                    p.starts_with(t) && p.len() > t.len() && !p[t.len()..].starts_with("${")
                })
            }) {
                return Some("a URL carrying a token");
            }
        }
        if rest.starts_with("hooks.slack.com/services/") {
            return Some("a Slack webhook URL (the URL is the secret)");
        }
    }
    if ["xoxb-", "xoxp-", "xoxa-"]
        .iter()
        .any(|p| value.starts_with(p))
        || (value.starts_with("AKIA") && value.len() == 20)
    {
        return Some("a string shaped like an API key");
    }
    None
}

fn walk(value: &Value, key: &str, path: SpecPath, out: &mut Findings) {
    match value {
        Value::String(s) => {
            if let Some(what) = secret_in_string(key, s) {
                out.report(path, format!("{what} at `{key}`"))
                    .help = Some("reference the secret instead: a `*_file` path, or an environment placeholder such as ${SECRET}".into());
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(item, key, path.index(i), out);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                walk(v, k, path.key(k), out);
            }
        }
        _ => {}
    }
}

fn run(ctx: &Context, out: &mut Findings) {
    // Rule expressions and templates are code, not configuration: skip them.
    let Ok(mut spec) = serde_json::to_value(&ctx.model.spec) else {
        return;
    };
    if let Some(rules) = spec.get_mut("rules") {
        *rules = Value::Null;
    }
    if let Some(metrics) = spec.get_mut("metrics") {
        *metrics = Value::Null;
    }
    walk(&spec, "", SpecPath::root(), out);
}

#[cfg(test)]
mod tests {
    use super::secret_in_string;

    #[test]
    fn finds_secrets_and_spares_references() {
        assert!(secret_in_string("password", "hunter2").is_some());
        assert!(secret_in_string("password_file", "/etc/secret").is_none());
        assert!(secret_in_string("password", "${SMTP_PASSWORD}").is_none());
        assert!(secret_in_string(
            "url",
            "https://oapi.dingtalk.com/robot/send?access_token=abc"
        )
        .is_some());
        assert!(secret_in_string("url", "https://u:p@host/x").is_some());
        assert!(secret_in_string("url", "https://example.com/api/v1/write").is_none());
        assert!(
            secret_in_string("api_url", "https://hooks.slack.com/services/T0/B0/xyz").is_some()
        );
        assert!(secret_in_string("username", "alerts@example.com").is_none());
    }
}
