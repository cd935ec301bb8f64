//! Credentials passed as assignments inside free text — a command line's `--db.password=...`
//! flag or a shell's `PGPASSWORD=...` variable (compose `command`, healthchecks, Fluentd
//! `exec` commands) — judged by the assigned name; values shorter than four characters are taken
//! for examples (`ES_PASSWORD=p` in a usage line).

use super::names::{is_secret_name, NameKind};
use super::reference::starts_reference;
use super::shapes::Hit;
use super::Kind;

fn name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')
}

/// `--name=value` flags and `NAME=value` variables whose name is a credential's.
pub fn find(text: &str) -> Vec<Hit> {
    let mut out = Vec::new();
    for (eq, _) in text.match_indices('=') {
        let before = &text[..eq];
        let name_start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| name_char(*c))
            .last()
            .map(|(i, _)| i)
            .unwrap_or(eq);
        let name = &text[name_start..eq];
        if name.is_empty() {
            continue;
        }
        let preceded = &text[..name_start];
        let (name, kind) = if let Some(flag) = name.strip_prefix("--") {
            (flag, NameKind::Field)
        } else if name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
            && (preceded.is_empty() || preceded.ends_with([' ', '"', '\'', ';', '(']))
        {
            (name, NameKind::EnvVar)
        } else {
            continue;
        };
        let value_start = eq + 1;
        let rest = &text[value_start..];
        let len = rest
            .find(|c: char| {
                c.is_whitespace() || matches!(c, '"' | '\'' | ',' | ';' | ')' | '}' | ']')
            })
            .unwrap_or(rest.len());
        let value = &rest[..len];
        // Free text is noisier than a field: a one-letter `PASSWORD=p` is a usage line's example.
        if value.len() < 4 || starts_reference(value) || !is_secret_name(name, kind) {
            continue;
        }
        out.push(Hit {
            kind: Kind::Named,
            start: value_start,
            end: value_start + len,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_and_variables() {
        let text = "mysqld_exporter --mysqld.password=hunter2 --web.listen-address=:9104";
        let hits = find(text);
        assert_eq!(hits.len(), 1);
        assert_eq!(&text[hits[0].start..hits[0].end], "hunter2");
        assert_eq!(find("sh -c 'PGPASSWORD=pw1234 psql'").len(), 1);
        assert!(find("--password-file=/run/pw --password=${PW}").is_empty());
        assert!(find("gsub(/password=[^ ]+/, 'password=***')").is_empty());
        assert!(find("rate(x[5m]) > 0 and job=api").is_empty());
    }
}
