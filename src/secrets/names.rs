//! Names that say their value is a credential: configuration fields (`smtp_auth_password`,
//! `bot_token`, `routing_key`), HTTP headers (`Authorization`, `X-API-Key`), URL query and
//! scrape parameters (`apikey`, `access_token`, `sig`) and environment variables
//! (`MYSQL_ROOT_PASSWORD`, `GF_SECURITY_SECRET_KEY`).

/// Where a name is used; the sets differ a little (a bare `key` is a credential as a query
/// parameter, a field name elsewhere, as in Fluentd's grep `key`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    /// A configuration field or a map key in the spec.
    Field,
    /// An HTTP header.
    Header,
    /// A URL query parameter or a scrape `params` entry.
    Query,
    /// An environment variable of a service.
    EnvVar,
}

/// Words that make a name a credential's wherever they stand in it (split at `_`, `-`, `.`).
const WORDS: &[&str] = &[
    "password",
    "passwd",
    "pwd",
    "pass",
    "passphrase",
    "secret",
    "token",
    "credential",
    "credentials",
    "apikey",
    "authtoken",
    "accesstoken",
    "apitoken",
    "bottoken",
    "privatekey",
];

/// Two-word names that are credentials (`api_key`, `routing_key`), checked on adjacent words.
/// (`access_key` is not one: it names the key's id, as Prometheus' EC2 and Scaleway SD type it;
/// an AWS id's `AKIA` shape is caught by [`super::shapes`].)
const PAIRS: &[(&str, &str)] = &[
    ("api", "key"),
    ("routing", "key"),
    ("service", "key"),
    ("shared", "key"),
    ("private", "key"),
    ("secret", "key"),
    ("auth", "key"),
    ("license", "key"),
    ("integration", "key"),
    ("client", "secret"),
    ("webhook", "secret"),
    ("signing", "key"),
    ("sec", "key"),
];

/// A last word that makes the name about something else: the file holding the secret, its
/// URL, its length or policy, the header carrying it.
const NOT_THE_VALUE: &[&str] = &[
    "file", "files", "path", "dir", "url", "uri", "endpoint", "type", "name", "names", "id",
    "length", "policy", "header", "field", "fields", "label", "labels", "ref", "env", "expiry",
    "ttl", "lifetime", "rotation", "required", "enabled", "hash", "user", "username", "mode",
    "count", "limit", "size", "max", "min", "format", "prefix",
];

/// Headers that carry credentials.
const HEADERS: &[&str] = &[
    "authorization",
    "proxy-authorization",
    "x-api-key",
    "api-key",
    "apikey",
    "x-auth-token",
    "x-access-token",
    "private-token",
    "x-vault-token",
    "x-gitlab-token",
    "x-scope-orgid-token",
    "x-goog-api-key",
    "x-amz-security-token",
    "cookie",
    "x-csrf-token",
    "x-hub-signature",
    "x-splunk-token",
    "dd-api-key",
    "x-honeycomb-team",
    "x-sf-token",
];

/// Query parameters that carry credentials, beyond the field words.
const QUERY: &[&str] = &[
    "key",
    "sig",
    "signature",
    "auth",
    "access_token",
    "auth_token",
    "api_key",
    "apikey",
    "token",
    "code",
    "x-amz-signature",
    "x-amz-credential",
    "x-goog-signature",
    "private_token",
];

fn words(name: &str) -> Vec<String> {
    // camelCase splits too: `apiKey` -> api, key.
    let mut out = Vec::new();
    let mut current = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if matches!(c, '_' | '-' | '.' | ' ') {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            prev_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && prev_lower && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        current.push(c.to_ascii_lowercase());
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// True when a value named `name` (used as `kind`) is a credential.
pub fn is_secret_name(name: &str, kind: NameKind) -> bool {
    let lower = name.to_ascii_lowercase();
    match kind {
        NameKind::Header if HEADERS.contains(&lower.as_str()) => return true,
        NameKind::Query if QUERY.contains(&lower.as_str()) => return true,
        _ => {}
    }
    let words = words(name);
    let Some(last) = words.last() else {
        return false;
    };
    if NOT_THE_VALUE.contains(&last.as_str()) {
        return false;
    }
    // `PASS` and `PWD` alone are credentials only in environment variables (`DB_PASS`); as spec
    // fields they are too often something else.
    let word_hit = words.iter().any(|w| match w.as_str() {
        "pass" | "pwd" => kind == NameKind::EnvVar,
        other => WORDS.contains(&other),
    });
    let pair_hit = words
        .windows(2)
        .any(|p| PAIRS.contains(&(p[0].as_str(), p[1].as_str())));
    // Joined spellings: `adminpassword`, `MYSQLPASSWORD`.
    let joined = ["password", "passwd", "secret"]
        .iter()
        .any(|w| words.iter().any(|x| x.len() > w.len() && x.ends_with(w)));
    word_hit || pair_hit || joined
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credential_names() {
        use NameKind::*;
        for (name, kind) in [
            ("smtp_auth_password", Field),
            ("password", Field),
            ("auth_secret", Field),
            ("bot_token", Field),
            ("routing_key", Field),
            ("service_key", Field),
            ("api_key", Field),
            ("apiKey", Field),
            ("credentials", Field),
            ("secret", Field),
            ("Authorization", Header),
            ("X-API-Key", Header),
            ("apikey", Query),
            ("key", Query),
            ("sig", Query),
            ("MYSQL_ROOT_PASSWORD", EnvVar),
            ("DB_PASS", EnvVar),
            ("GF_SECURITY_SECRET_KEY", EnvVar),
            ("AWS_SECRET_ACCESS_KEY", EnvVar),
            ("ADMINPASSWORD", EnvVar),
        ] {
            assert!(is_secret_name(name, kind), "{name}");
        }
        for (name, kind) in [
            ("password_file", Field),
            ("credentials_file", Field),
            ("token_url", Field),
            ("auth_username", Field),
            ("key", Field),
            ("key_name", Field),
            ("tokenizer", Field),
            ("passthrough", Field),
            ("pass", Field),
            ("Content-Type", Header),
            ("module", Query),
            ("PASSWORD_FILE", EnvVar),
            ("GF_AUTH_ANONYMOUS_ENABLED", EnvVar),
            ("send_resolved", Field),
        ] {
            assert!(!is_secret_name(name, kind), "{name}");
        }
    }
}
