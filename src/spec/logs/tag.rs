//! Fluentd's tag patterns: `a.*` (exactly one part), `a.**` (zero or more parts: matches `a`
//! too), `{a,b}` (either), several patterns separated by spaces (any of them). Compiled once into
//! an anchored regular expression, the way Fluentd's GlobMatchPattern does.

use regex::Regex;

/// A compiled `<match>`/`<filter>` pattern.
#[derive(Debug, Clone)]
pub struct TagPattern {
    pub text: String,
    regex: Option<Regex>,
}

impl TagPattern {
    /// A pattern; an empty one is `**`, as Fluentd reads `<match>` and `<filter>` with none.
    pub fn new(text: &str) -> Self {
        let effective = if text.trim().is_empty() { "**" } else { text };
        let alternatives: Vec<String> = effective.split_whitespace().map(glob).collect();
        let regex = crate::regexes::matcher(&alternatives.join("|")).ok();
        TagPattern {
            text: text.to_string(),
            regex,
        }
    }

    pub fn matches(&self, tag: &str) -> bool {
        self.regex.as_ref().is_some_and(|r| r.is_match(tag))
    }

    /// Representative tags this pattern matches: `*` as one part, `**` as none and as two parts,
    /// every `{a,b}` alternative. Used to decide whether another pattern covers this one.
    pub fn samples(&self) -> Vec<String> {
        let mut out = Vec::new();
        let effective = if self.text.trim().is_empty() {
            "**"
        } else {
            &self.text
        };
        for alt in effective.split_whitespace() {
            for expanded in expand_braces(alt) {
                for fill in ["", "x1.x2"] {
                    let t = expanded
                        .replace(
                            ".**",
                            &if fill.is_empty() {
                                String::new()
                            } else {
                                format!(".{fill}")
                            },
                        )
                        .replace(
                            "**.",
                            &if fill.is_empty() {
                                String::new()
                            } else {
                                format!("{fill}.")
                            },
                        )
                        .replace("**", if fill.is_empty() { "x0" } else { fill })
                        .replace('*', "x3");
                    if !out.contains(&t) {
                        out.push(t);
                    }
                }
            }
        }
        out
    }

    /// Whether every tag `other` matches is matched by this pattern (judged on `other`'s samples).
    pub fn covers(&self, other: &TagPattern) -> bool {
        self.text.trim().is_empty()
            || self.text.split_whitespace().any(|a| a == "**")
            || other.samples().iter().all(|t| self.matches(t))
    }
}

fn expand_braces(text: &str) -> Vec<String> {
    let Some(open) = text.find('{') else {
        return vec![text.to_string()];
    };
    let Some(close) = text[open..].find('}').map(|c| open + c) else {
        return vec![text.to_string()];
    };
    let mut out = Vec::new();
    for choice in text[open + 1..close].split(',') {
        for rest in expand_braces(&text[close + 1..]) {
            out.push(format!("{}{choice}{rest}", &text[..open]));
        }
    }
    out
}

fn glob(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '*' && chars.get(i + 1) == Some(&'*') {
            // `.**` at the end or `**.`: the dot is optional with the parts.
            if chars.get(i + 2) == Some(&'.') {
                out.push_str("(?:.*\\.)?");
                i += 3;
            } else {
                out.push_str(".*");
                i += 2;
            }
            continue;
        }
        if c == '.'
            && chars.get(i + 1) == Some(&'*')
            && chars.get(i + 2) == Some(&'*')
            && i + 3 == chars.len()
        {
            out.push_str("(?:\\..*)?");
            i += 3;
            continue;
        }
        match c {
            '*' => out.push_str("[^.]*"),
            '{' => out.push_str("(?:"),
            '}' => out.push(')'),
            ',' => out.push('|'),
            c => out.push_str(&regex::escape(&c.to_string())),
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_like_fluentd() {
        let p = TagPattern::new("a.**");
        assert!(p.matches("a") && p.matches("a.b") && p.matches("a.b.c") && !p.matches("ab"));
        let p = TagPattern::new("a.*");
        assert!(p.matches("a.b") && !p.matches("a") && !p.matches("a.b.c"));
        let p = TagPattern::new("{x,y}.z b");
        assert!(p.matches("x.z") && p.matches("y.z") && p.matches("b") && !p.matches("z.z"));
        let p = TagPattern::new("**.err");
        assert!(p.matches("err") && p.matches("a.b.err") && !p.matches("a.b"));
    }

    #[test]
    fn an_empty_pattern_is_fluentds_double_star() {
        let empty = TagPattern::new("");
        assert!(empty.matches("a") && empty.matches("a.b.c"));
        assert!(!TagPattern::new("a").covers(&empty));
        assert!(empty.covers(&TagPattern::new("a.**")));
    }

    #[test]
    fn covers_is_judged_on_samples() {
        assert!(TagPattern::new("mall-go.**").covers(&TagPattern::new("mall-go.app")));
        assert!(TagPattern::new("**").covers(&TagPattern::new("x.*")));
        assert!(!TagPattern::new("mall-go.app").covers(&TagPattern::new("mall-go.**")));
    }
}
