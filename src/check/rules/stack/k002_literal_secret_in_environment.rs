//! K002: a password, token or key written literally in a service's environment.

use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::Severity;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "K002",
        name: "literal-secret-in-environment",
        family: Family::Stack,
        severity: Severity::Error,
        summary: "A secret is written literally in a service's environment.",
        explanation: "A literal password in the stack ends up in docker-compose.yml, in version control and in `docker inspect`; a default one (`admin`) is the first thing an attacker tries. Variables named like secrets (`MYSQL_PWD`, `*_PASS`, `*PASSWORD*`, `*TOKEN*`...) and connection strings with a password (`user:pass@(host)/`, as mysqld-exporter's DATA_SOURCE_NAME) must be references. (Names ending in a secret word, `*_PASSWORD`, and URLs with credentials are reported by X001 already.)\n\nBad:\n```yaml\nenvironment:\n  GF_SECURITY_ADMIN_PASSWORD: admin\n  DATA_SOURCE_NAME: root:rootpassword@(mysql:3306)/\n```\nGood:\n```yaml\nenvironment:\n  GF_SECURITY_ADMIN_PASSWORD: {env: GRAFANA_ADMIN_PASSWORD}   # listed in .env.example\n  MYSQL_ROOT_PASSWORD: {file: ./secrets/mysql_root_password}  # a Compose secret\n```",
    },
    run,
};

const SECRET_WORDS: &[&str] = &[
    "PASSWORD",
    "PASSWD",
    "PWD",
    "PASS",
    "SECRET",
    "TOKEN",
    "API_KEY",
    "APIKEY",
    "PRIVATE_KEY",
    "CREDENTIAL",
];

/// Names X001 (embedded-secret) already reports: a secret word as the whole name or its suffix.
const X001_WORDS: &[&str] = &[
    "password",
    "secret",
    "token",
    "api_key",
    "apikey",
    "credentials",
];

fn reported_by_x001(key: &str, value: &str) -> bool {
    let key = key.to_ascii_lowercase();
    let named = X001_WORDS
        .iter()
        .any(|w| key == *w || key.ends_with(&format!("_{w}")));
    named || (value.contains("://") && has_userinfo_password(value))
}

/// True when a connection string carries a password (`user:password@`).
fn has_userinfo_password(value: &str) -> bool {
    let rest = value.split_once("://").map_or(value, |(_, r)| r);
    match rest.split_once('@') {
        Some((userinfo, _)) => userinfo
            .split_once(':')
            .is_some_and(|(_, pass)| !pass.is_empty() && !pass.starts_with("${")),
        None => false,
    }
}

fn run(ctx: &Context, out: &mut Findings) {
    let Some(stack) = &ctx.model.spec.stack else {
        return;
    };
    for (name, service) in &stack.services {
        for (key, value) in &service.environment {
            let Some(text) = value.literal() else {
                continue;
            };
            let upper = key.to_ascii_uppercase();
            let named = SECRET_WORDS
                .iter()
                .any(|w| upper.split('_').any(|part| part == *w) || upper.contains(w))
                && !upper.ends_with("_FILE");
            if reported_by_x001(key, &text) {
                continue;
            }
            let secret = (named && !text.is_empty() && !text.starts_with("${"))
                || has_userinfo_password(&text);
            if secret {
                let d = out.report(
                    crate::diagnostic::SpecPath::root()
                        .key("stack")
                        .key("services")
                        .key(name.as_str())
                        .key("environment")
                        .key(key.as_str()),
                    format!("service `{name}`: `{key}` holds a literal secret"),
                );
                d.help = Some(format!(
                    "write `{key}: {{env: NAME}}` (set NAME in .env, listed in .env.example) or `{{file: PATH}}` (a Compose secret)"
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn finds_passwords_in_connection_strings() {
        assert!(super::has_userinfo_password(
            "root:rootpassword@(mysql:3306)/"
        ));
        assert!(super::has_userinfo_password("redis://u:p@redis:6379"));
        assert!(!super::has_userinfo_password("redis://redis:6379"));
        assert!(!super::has_userinfo_password("u:${PASS}@h"));
    }
}
