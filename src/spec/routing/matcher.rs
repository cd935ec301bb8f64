//! Label matchers in Alertmanager's syntax (`severity="critical"`, `team=~"db|web"`, `env!="dev"`,
//! `service!~"test-.*"`). One string may hold several matchers separated by commas, optionally in
//! braces (`{a="b", c!="d"}`), as Alertmanager's classic matcher parser reads them. Each string is
//! parsed when the spec is loaded; a string that does not parse is kept with its error, which
//! load-time validation reports at the string's place.

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;

/// The four match operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchOp {
    Equal,
    NotEqual,
    Regex,
    NotRegex,
}

impl MatchOp {
    pub fn as_str(self) -> &'static str {
        match self {
            MatchOp::Equal => "=",
            MatchOp::NotEqual => "!=",
            MatchOp::Regex => "=~",
            MatchOp::NotRegex => "!~",
        }
    }

    pub fn is_regex(self) -> bool {
        matches!(self, MatchOp::Regex | MatchOp::NotRegex)
    }
}

/// One label matcher. Regex values are anchored at both ends when matched (`^(?:value)$`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Matcher {
    pub name: String,
    pub op: MatchOp,
    pub value: String,
}

impl Matcher {
    pub fn new(name: impl Into<String>, op: MatchOp, value: impl Into<String>) -> Self {
        Matcher {
            name: name.into(),
            op,
            value: value.into(),
        }
    }

    /// The anchored regex a `=~`/`!~` matcher applies, as Alertmanager compiles it.
    pub fn anchored_regex(&self) -> String {
        format!("^(?:{})$", self.value)
    }
}

impl fmt::Display for Matcher {
    /// Alertmanager's canonical form: `name op "value"`, the value with OpenMetrics escapes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let escaped = self
            .value
            .replace('\\', "\\\\")
            .replace('\n', "\\n")
            .replace('"', "\\\"");
        write!(f, "{}{}\"{}\"", self.name, self.op.as_str(), escaped)
    }
}

/// A matcher string as written in the spec, with what it parsed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatcherText {
    pub text: String,
    /// The matchers, or why the text is not valid matcher syntax.
    pub parsed: Result<Vec<Matcher>, String>,
}

impl MatcherText {
    pub fn new(text: impl Into<String>) -> Self {
        let text = text.into();
        let parsed = parse_matchers(&text);
        MatcherText { text, parsed }
    }

    /// The matchers (none when the text did not parse; validation reports that).
    pub fn matchers(&self) -> &[Matcher] {
        self.parsed.as_deref().unwrap_or(&[])
    }
}

impl Serialize for MatcherText {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for MatcherText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(MatcherText::new(String::deserialize(d)?))
    }
}

impl JsonSchema for MatcherText {
    fn schema_name() -> Cow<'static, str> {
        "Matcher".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "An Alertmanager label matcher: a label name, one of = != =~ !~, and a value, usually quoted: severity=\"critical\", team=~\"db|web\". Several may be given comma-separated."
        })
    }
}

/// Parses a comma-separated list of matchers the way Alertmanager's classic parser does: an
/// optional leading `{` and trailing `}`, commas inside double quotes not separating, a trailing
/// comma allowed, an empty string meaning no matchers.
pub fn parse_matchers(input: &str) -> Result<Vec<Matcher>, String> {
    let s = input.strip_prefix('{').unwrap_or(input);
    let s = s.strip_suffix('}').unwrap_or(s);
    let mut tokens = Vec::new();
    let mut token = String::new();
    let mut inside_quotes = false;
    let mut escaped = false;
    for c in s.chars() {
        match c {
            ',' if !inside_quotes => {
                tokens.push(std::mem::take(&mut token));
                continue;
            }
            ',' => {}
            '"' => {
                if escaped {
                    escaped = false;
                } else {
                    inside_quotes = !inside_quotes;
                }
            }
            '\\' => escaped = !escaped,
            _ => escaped = false,
        }
        token.push(c);
    }
    let last = token.trim();
    if !last.is_empty() {
        tokens.push(last.to_string());
    }
    tokens.iter().map(|t| parse_matcher(t)).collect()
}

fn is_name_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_' || c == ':'
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == ':'
}

/// Parses one matcher: a label name, an operator and a value that may be double-quoted (with
/// `\"`, `\n` and `\\` escapes); whitespace around each part is ignored.
pub fn parse_matcher(input: &str) -> Result<Matcher, String> {
    let bad = || format!("bad matcher format: {input}");
    let s = input.trim_start();
    let name_len = s
        .char_indices()
        .find(|&(i, c)| {
            if i == 0 {
                !is_name_start(c)
            } else {
                !is_name_char(c)
            }
        })
        .map(|(i, _)| i)
        .unwrap_or(s.len());
    if name_len == 0 {
        return Err(bad());
    }
    let name = &s[..name_len];
    let rest = s[name_len..].trim_start();
    // `=~` before `=`, as Alertmanager tries them.
    let (op, rest) = if let Some(r) = rest.strip_prefix("=~") {
        (MatchOp::Regex, r)
    } else if let Some(r) = rest.strip_prefix("!=") {
        (MatchOp::NotEqual, r)
    } else if let Some(r) = rest.strip_prefix("!~") {
        (MatchOp::NotRegex, r)
    } else if let Some(r) = rest.strip_prefix('=') {
        (MatchOp::Equal, r)
    } else {
        return Err(bad());
    };
    let raw = rest.trim();
    let (raw, mut expect_trailing_quote) = match raw.strip_prefix('"') {
        Some(r) => (r, true),
        None => (raw, false),
    };
    let unescaped_quote = || {
        format!(
            "matcher value contains unescaped double quote: {}",
            rest.trim()
        )
    };
    let mut value = String::new();
    let mut escaped = false;
    let chars: Vec<char> = raw.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if escaped {
            escaped = false;
            match c {
                'n' => value.push('\n'),
                '"' | '\\' => value.push(c),
                _ => {
                    value.push('\\');
                    value.push(c);
                }
            }
            continue;
        }
        match c {
            '\\' if i + 1 < chars.len() => escaped = true,
            '\\' => value.push('\\'),
            '"' => {
                if !expect_trailing_quote || i + 1 < chars.len() {
                    return Err(unescaped_quote());
                }
                expect_trailing_quote = false;
            }
            _ => value.push(c),
        }
    }
    if expect_trailing_quote {
        return Err(unescaped_quote());
    }
    if op.is_regex() {
        if let Err(e) = crate::regexes::matcher(&value) {
            let message = e.to_string();
            let first = message
                .lines()
                .rev()
                .find(|l| l.trim_start().starts_with("error:"))
                .or_else(|| message.lines().next())
                .unwrap_or_default()
                .trim();
            return Err(format!("regex `{value}` does not compile: {first}"));
        }
    }
    Ok(Matcher::new(name, op, value))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Vec<String> {
        parse_matchers(text)
            .unwrap_or_else(|e| panic!("{text}: {e}"))
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn parses_alertmanager_matcher_syntax() {
        assert_eq!(ok(r#"severity="critical""#), vec![r#"severity="critical""#]);
        assert_eq!(ok("severity=critical"), vec![r#"severity="critical""#]);
        assert_eq!(ok(r#"team =~ "db|web""#), vec![r#"team=~"db|web""#]);
        assert_eq!(ok(r#"env!="dev""#), vec![r#"env!="dev""#]);
        assert_eq!(ok(r#"svc!~"test-.*""#), vec![r#"svc!~"test-.*""#]);
        assert_eq!(
            ok(r#"{foo = "bar", dings != "bums", }"#),
            vec![r#"foo="bar""#, r#"dings!="bums""#]
        );
        assert_eq!(
            ok("foo=bar,dings!=bums"),
            vec![r#"foo="bar""#, r#"dings!="bums""#]
        );
        assert_eq!(ok(r#"quote="a \"b, c\"""#), vec![r#"quote="a \"b, c\"""#]);
        assert_eq!(ok("a="), vec![r#"a="""#]);
        assert_eq!(ok("a:b=c"), vec![r#"a:b="c""#]);
        assert!(ok("").is_empty());
        // The rest after the operator is the value, as in Alertmanager.
        assert_eq!(ok("a==b"), vec![r#"a="=b""#]);
    }

    #[test]
    fn unescapes_values() {
        let m = parse_matcher(r#"a="x\ny\\z\q""#).unwrap();
        assert_eq!(m.value, "x\ny\\z\\q");
    }

    #[test]
    fn rejects_what_alertmanager_rejects() {
        for bad in [
            "1a=b",
            "a",
            r#"a=b"c"#,
            r#"a="b"#,
            ",a=b",
            "a=b,,c=d",
            r#"a=~"(""#,
        ] {
            assert!(parse_matchers(bad).is_err(), "{bad} should not parse");
        }
    }
}
