//! What is not a secret even where one is expected: references the deploy step or the tool
//! resolves (`${NAME}`, Fluentd's `#{ENV['NAME']}`, Go templates), placeholders a reader
//! recognises (`<token>`, `****`, `xxxx`, `REPLACE_ME`), and empty values.

/// True when `value` as a whole is a reference or a placeholder, not a secret.
pub fn is_reference(value: &str) -> bool {
    let v = value.trim();
    if v.is_empty() {
        return true;
    }
    let enclosed = |open: &str, close: &str| {
        v.starts_with(open) && v.ends_with(close) && v.len() >= open.len() + close.len()
    };
    if enclosed("${", "}") {
        // Compose's `${NAME:-default}` / `${NAME-default}`: the default is written literally.
        let inner = &v[2..v.len() - 1];
        return match inner.find('-') {
            Some(i) => inner[i + 1..].is_empty(),
            None => true,
        };
    }
    if enclosed("$(", ")") || enclosed("{{", "}}") || enclosed("<", ">") {
        return true;
    }
    if enclosed("%{", "}") || enclosed("#{ENV[", "]}") || enclosed("#{ENV.fetch(", ")}") {
        return true;
    }
    if is_env_name_reference(v) {
        return true;
    }
    is_placeholder(v)
}

/// `$NAME` (a shell-style variable as envsubst expands it, named in capitals by convention).
fn is_env_name_reference(v: &str) -> bool {
    v.strip_prefix('$').is_some_and(|name| {
        !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
            && !name.starts_with(|c: char| c.is_ascii_digit())
    })
}

/// A masked or obviously fake value: all `*`, `x`, `X`, `.` or `-`; Alertmanager's `<secret>`;
/// words that say "put the real one here".
pub fn is_placeholder(v: &str) -> bool {
    if v.chars()
        .all(|c| matches!(c, '*' | 'x' | 'X' | '.' | '-' | '•'))
    {
        return true;
    }
    let lower = v.to_ascii_lowercase();
    const WORDS: &[&str] = &[
        "replace_me",
        "replaceme",
        "replace-me",
        "changeit_in_production",
        "your_token",
        "your-token",
        "your_api_key",
        "your-api-key",
        "your_password",
        "your-password",
        "redacted",
        "<redacted>",
        "<secret>",
        "secret_placeholder",
    ];
    WORDS.contains(&lower.as_str())
}

/// True when a fragment inside a larger value (a query parameter, a URL password) is a
/// reference: it starts one (`${`, `{{`, `$NAME`, `<`, `%{`, `#{`) or is a placeholder.
pub fn starts_reference(fragment: &str) -> bool {
    let f = fragment.trim();
    f.is_empty()
        || ["${", "{{", "<", "%{", "#{", "%7B%7B", "%7b%7b", "$("]
            .iter()
            .any(|p| f.starts_with(p))
        || is_env_name_reference(f.split(['&', '/', '#', '@']).next().unwrap_or(f))
        || is_placeholder(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_and_placeholders() {
        for v in [
            "",
            "${SMTP_PASSWORD}",
            "$SMTP_PASSWORD",
            "{{ .Values.token }}",
            "<secret>",
            "<your token>",
            "****",
            "xxxxxxxx",
            "#{ENV['ES_PASSWORD']}",
            "%{password}",
            "REPLACE_ME",
        ] {
            assert!(is_reference(v), "{v}");
        }
        assert!(is_reference("${ELASTIC_PASSWORD:-}"));
        for v in [
            "hunter2",
            "changeme",
            "$ecret1",
            "admin",
            "${A}x",
            "${PW:-changeme}",
        ] {
            assert!(!is_reference(v), "{v}");
        }
    }
}
