//! Redaction: the credentials a spec holds replaced by [`MASK`] in any text shown to a person or
//! a program — diagnostic messages and help lines (all output formats, CLI and browser), and the
//! source lines of snippets, which are redacted from their own content so that a line shows no
//! secret whichever finding displays it and whatever the lint settings.

use super::{in_named, in_text, NameKind};
use crate::diagnostic::Diagnostic;

/// What a credential is replaced with.
pub const MASK: &str = "****";

/// Secrets shorter than this are not searched for in free text (they would mask ordinary words);
/// they are masked where the spec holds them, by position.
const SHORTEST: usize = 4;

fn mask_ranges(text: &str, mut ranges: Vec<(usize, usize)>) -> String {
    ranges.sort();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (start, end) in ranges {
        if start < at || end <= start || end > text.len() {
            continue;
        }
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        out.push_str(&text[at..start]);
        out.push_str(MASK);
        at = end;
    }
    out.push_str(&text[at..]);
    out
}

/// `text` with the given secrets and every credential it visibly carries (URL credentials,
/// shaped tokens) masked.
pub fn redact(text: &str, secrets: &[String]) -> String {
    let mut ranges = Vec::new();
    for s in secrets.iter().filter(|s| s.len() >= SHORTEST) {
        for (i, _) in text.match_indices(s.as_str()) {
            ranges.push((i, i + s.len()));
        }
    }
    ranges.extend(in_text(text).into_iter().map(|f| (f.start, f.end)));
    merge(&mut ranges);
    if ranges.is_empty() {
        return text.to_string();
    }
    mask_ranges(text, ranges)
}

fn merge(ranges: &mut Vec<(usize, usize)>) {
    ranges.sort();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in ranges.drain(..) {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    *ranges = merged;
}

/// Every message and help line of `diagnostics` redacted.
pub fn redact_diagnostics(diagnostics: &mut [Diagnostic], secrets: &[String]) {
    for d in diagnostics {
        d.message = redact(&d.message, secrets);
        if let Some(help) = &d.help {
            d.help = Some(redact(help, secrets));
        }
    }
}

/// The end of a YAML/JSON scalar that starts at `from` on a line (a quoted string's closing
/// quote, or the next `,` `}` `]` ` #` of a flow collection, or the line's end).
fn scalar_end(line: &str, from: usize) -> usize {
    let rest = &line[from..];
    if let Some(q) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') {
        return rest[1..]
            .find(q)
            .map(|i| from + i + 2)
            .unwrap_or(line.len());
    }
    let end = rest.find([',', '}', ']']).unwrap_or(rest.len());
    let end = rest[..end].find(" #").unwrap_or(end);
    from + rest[..end].trim_end().len()
}

fn unquote(v: &str) -> (&str, usize) {
    let b = v.as_bytes();
    if v.len() >= 2 && (b[0] == b'"' || b[0] == b'\'') && b[v.len() - 1] == b[0] {
        (&v[1..v.len() - 1], 1)
    } else {
        (v, 0)
    }
}

/// A source line with its credentials masked (see [`line_secrets`]).
pub fn redact_line(line: &str) -> String {
    let ranges = line_secrets(line);
    if ranges.is_empty() {
        return line.to_string();
    }
    mask_ranges(line, ranges)
}

/// The byte ranges of a source line's credentials, sorted and disjoint: values of `name: value`
/// pairs whose name is a credential's (block or flow style, YAML or JSON), credentials the line
/// visibly carries, and long base64 runs (the body lines of a PEM block).
pub fn line_secrets(line: &str) -> Vec<(usize, usize)> {
    let mut ranges: Vec<(usize, usize)> = in_text(line)
        .into_iter()
        .map(|f| (f.start, f.end))
        .collect();
    // `name: value` pairs.
    for (colon, _) in line.match_indices(':') {
        let before = &line[..colon];
        let name_start = before
            .rfind(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '"' | '\'')))
            .map(|i| i + 1)
            .unwrap_or(0);
        let name = before[name_start..].trim_matches(['"', '\'']);
        if name.is_empty() || !line[colon + 1..].starts_with([' ', '\t']) {
            continue;
        }
        let value_start =
            colon + 1 + (line[colon + 1..].len() - line[colon + 1..].trim_start().len());
        if value_start >= line.len() {
            continue;
        }
        let value_end = scalar_end(line, value_start);
        let (value, quote) = unquote(&line[value_start..value_end]);
        for kind in [NameKind::Field, NameKind::Header, NameKind::EnvVar] {
            if let Some(f) = in_named(name, kind, value).first() {
                let base = value_start + quote;
                ranges.push((base + f.start, base + f.end));
                break;
            }
        }
    }
    // Base64 runs of 40 characters or more.
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b64 = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=');
        if b64(bytes[i]) {
            let start = i;
            while i < bytes.len() && b64(bytes[i]) {
                i += 1;
            }
            let run = &bytes[start..i];
            if run.len() >= 40
                && run.iter().any(u8::is_ascii_digit)
                && run.iter().any(u8::is_ascii_uppercase)
                && run.iter().any(u8::is_ascii_lowercase)
            {
                ranges.push((start, i));
            }
        } else {
            i += 1;
        }
    }
    merge(&mut ranges);
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_lose_their_credentials() {
        assert_eq!(
            redact_line("  smtp_auth_password: hunter2"),
            "  smtp_auth_password: ****"
        );
        assert_eq!(
            redact_line("basic_auth: {username: u, password: 'p4ss'}"),
            "basic_auth: {username: u, password: '****'}"
        );
        assert_eq!(
            redact_line("    url: https://admin:s3cr3t@es:9200"),
            "    url: https://admin:****@es:9200"
        );
        assert_eq!(
            redact_line("  \"password\": \"hunter2\","),
            "  \"password\": \"****\","
        );
        assert_eq!(
            redact_line("    password_file: /etc/pw"),
            "    password_file: /etc/pw"
        );
        assert_eq!(
            redact_line("  MYSQL_ROOT_PASSWORD: root"),
            "  MYSQL_ROOT_PASSWORD: ****"
        );
        assert_eq!(redact_line("  job_name: api"), "  job_name: api");
    }

    #[test]
    fn texts_lose_known_secrets() {
        let secrets = vec!["hunter22".to_string()];
        assert_eq!(
            redact("`hunter22` is not valid", &secrets),
            "`****` is not valid"
        );
        assert_eq!(redact("a b", &secrets), "a b");
    }
}
