//! Alert label sets as users write them, with one set of rules for every way in: the CLI's
//! `--labels a=b,c="d,e"` (optionally in braces), the playground, and the label maps of a cases
//! file. A name is any non-empty UTF-8 text (Alertmanager accepts UTF-8 label names since 0.27;
//! quote it when it holds `=`, `,`, `"` or spaces); a name given twice is an error, never "the last
//! one wins".

use super::LabelSet;

/// Why a label set is refused.
pub fn check_name(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("a label name is empty".into());
    }
    if name.chars().any(|c| c.is_control()) {
        return Err(format!("label name {name:?} holds a control character"));
    }
    Ok(())
}

/// Adds a label, refusing an invalid or repeated name.
pub fn insert(labels: &mut LabelSet, name: String, value: String) -> Result<(), String> {
    check_name(&name)?;
    if let Some(first) = labels.get(&name) {
        return Err(format!(
            "label `{name}` is given twice (`{first}` and `{value}`); an alert has one value per label"
        ));
    }
    labels.insert(name, value);
    Ok(())
}

/// Reads a quoted string starting at `chars[*i] == '"'`, with Go's escapes `\"`, `\\`, `\n`.
fn quoted(chars: &[char], i: &mut usize) -> Result<String, String> {
    let mut out = String::new();
    *i += 1;
    while *i < chars.len() {
        match chars[*i] {
            '"' => {
                *i += 1;
                return Ok(out);
            }
            '\\' if *i + 1 < chars.len() => {
                *i += 1;
                out.push(match chars[*i] {
                    'n' => '\n',
                    't' => '\t',
                    c => c,
                });
            }
            c => out.push(c),
        }
        *i += 1;
    }
    Err("a quoted string is not closed".into())
}

/// A bare word up to one of `stops` (spaces around it trimmed).
fn bare(chars: &[char], i: &mut usize, stops: &[char]) -> String {
    let start = *i;
    while *i < chars.len() && !stops.contains(&chars[*i]) {
        *i += 1;
    }
    chars[start..*i]
        .iter()
        .collect::<String>()
        .trim()
        .to_string()
}

fn skip_spaces(chars: &[char], i: &mut usize) {
    while *i < chars.len() && chars[*i].is_whitespace() {
        *i += 1;
    }
}

/// Parses `a=b, c="d,e"` or `{a="b"}` into a label set.
pub fn parse_label_set(text: &str) -> Result<LabelSet, String> {
    let trimmed = text.trim();
    let inner = trimmed
        .strip_prefix('{')
        .and_then(|t| t.strip_suffix('}'))
        .unwrap_or(trimmed);
    let chars: Vec<char> = inner.chars().collect();
    let mut labels = LabelSet::new();
    let mut i = 0;
    let fail = |e: String| format!("labels `{text}`: {e}");
    loop {
        skip_spaces(&chars, &mut i);
        if i >= chars.len() {
            break;
        }
        let name = if chars[i] == '"' {
            quoted(&chars, &mut i).map_err(fail)?
        } else {
            bare(&chars, &mut i, &['=', ',', '!', '~'])
        };
        skip_spaces(&chars, &mut i);
        if i >= chars.len() || chars[i] != '=' || chars.get(i + 1) == Some(&'~') {
            return Err(fail(format!(
                "`{name}` is not a name=value pair (write name=value, quoting values that hold commas)"
            )));
        }
        i += 1;
        skip_spaces(&chars, &mut i);
        let value = if chars.get(i) == Some(&'"') {
            quoted(&chars, &mut i).map_err(fail)?
        } else {
            bare(&chars, &mut i, &[','])
        };
        insert(&mut labels, name, value).map_err(fail)?;
        skip_spaces(&chars, &mut i);
        match chars.get(i) {
            None => break,
            Some(',') => i += 1,
            Some(c) => return Err(fail(format!("unexpected `{c}` after a value"))),
        }
    }
    Ok(labels)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_pairs_quotes_braces_and_utf8_names() {
        let l = parse_label_set(r#"{alertname="A", é=x, "a b"="c,d", n=1}"#).unwrap();
        assert_eq!(l["alertname"], "A");
        assert_eq!(l["é"], "x");
        assert_eq!(l["a b"], "c,d");
        assert_eq!(l["n"], "1");
        assert!(parse_label_set("").unwrap().is_empty());
    }

    #[test]
    fn refuses_duplicates_empty_names_and_matchers() {
        assert!(parse_label_set("a=b,a=c")
            .unwrap_err()
            .contains("given twice"));
        assert!(parse_label_set("=x").unwrap_err().contains("empty"));
        assert!(parse_label_set("a=~b")
            .unwrap_err()
            .contains("not a name=value"));
        assert!(parse_label_set("a!=b")
            .unwrap_err()
            .contains("not a name=value"));
        assert!(parse_label_set(r#"a="b"#)
            .unwrap_err()
            .contains("not closed"));
    }
}
