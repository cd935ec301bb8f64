//! A reader of Go text/template as Prometheus uses it in alert labels and annotations: splits the
//! text into actions, checks delimiters, block structure and function names, and lists the labels
//! referenced through `$labels.x`, `.Labels.x` and `index $labels "x"`.

/// Functions available in Prometheus alert templates: Go's builtins plus Prometheus' own.
const FUNCTIONS: &[&str] = &[
    "and",
    "or",
    "not",
    "len",
    "index",
    "slice",
    "print",
    "printf",
    "println",
    "eq",
    "ne",
    "lt",
    "le",
    "gt",
    "ge",
    "html",
    "js",
    "urlquery",
    "call",
    "query",
    "first",
    "label",
    "value",
    "sortByLabel",
    "strvalue",
    "args",
    "reReplaceAll",
    "safeHtml",
    "match",
    "title",
    "toUpper",
    "toLower",
    "stripPort",
    "stripDomain",
    "humanize",
    "humanize1024",
    "humanizeDuration",
    "humanizePercentage",
    "humanizeTimestamp",
    "toTime",
    "toDuration",
    "parseDuration",
    "now",
    "pathPrefix",
    "externalURL",
    "tmpl",
    "graphLink",
    "tableLink",
    "urlQueryEscape",
];

const KEYWORDS: &[&str] = &[
    "if", "else", "end", "range", "with", "define", "template", "block", "break", "continue",
    "nil", "true", "false",
];

/// A template problem, with the byte offset where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct TemplateError {
    pub offset: usize,
    pub message: String,
}

/// What a template references.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct TemplateInfo {
    /// (label name, byte offset of the name)
    pub labels: Vec<(String, usize)>,
}

fn action_words(body: &str) -> Vec<(usize, &str)> {
    let mut words = Vec::new();
    let bytes = body.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'"' || c == b'`' {
            let quote = c;
            i += 1;
            while i < bytes.len() && bytes[i] != quote {
                if bytes[i] == b'\\' && quote == b'"' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            continue;
        }
        if c.is_ascii_alphanumeric() || c == b'_' || c == b'.' || c == b'$' {
            let start = i;
            while i < bytes.len()
                && (bytes[i].is_ascii_alphanumeric()
                    || bytes[i] == b'_'
                    || bytes[i] == b'.'
                    || bytes[i] == b'$')
            {
                i += 1;
            }
            words.push((start, &body[start..i]));
            continue;
        }
        i += 1;
    }
    words
}

/// Parses a template; Ok with what it references, or the first problem.
pub fn read(text: &str) -> Result<TemplateInfo, TemplateError> {
    let mut info = TemplateInfo::default();
    let mut stack: Vec<(&str, usize)> = Vec::new();
    let mut rest = 0;
    while let Some(open) = text[rest..].find("{{") {
        let start = rest + open;
        let Some(close_rel) = text[start + 2..].find("}}") else {
            return Err(TemplateError {
                offset: start,
                message: "unclosed action: `{{` without `}}`".into(),
            });
        };
        let body_start = start + 2;
        let body_end = body_start + close_rel;
        rest = body_end + 2;
        let mut body = &text[body_start..body_end];
        let mut offset = body_start;
        if let Some(b) = body.strip_prefix('-') {
            body = b;
            offset += 1;
        }
        let body = body.strip_suffix('-').unwrap_or(body);
        let trimmed = body.trim_start();
        offset += body.len() - trimmed.len();
        let body = trimmed.trim_end();
        if body.starts_with("/*") {
            if !body.ends_with("*/") {
                return Err(TemplateError {
                    offset,
                    message: "unterminated comment".into(),
                });
            }
            continue;
        }
        if body.is_empty() {
            return Err(TemplateError {
                offset: start,
                message: "empty action `{{ }}`".into(),
            });
        }
        if !body.matches('"').count().is_multiple_of(2) {
            return Err(TemplateError {
                offset,
                message: "unterminated string in action".into(),
            });
        }
        if body.matches('(').count() != body.matches(')').count() {
            return Err(TemplateError {
                offset,
                message: "unbalanced parentheses in action".into(),
            });
        }
        let words = action_words(body);
        match words.first().map(|(_, w)| *w) {
            Some(kw @ ("if" | "range" | "with" | "define" | "block")) => stack.push((kw, offset)),
            Some("end") if stack.pop().is_none() => {
                return Err(TemplateError {
                    offset,
                    message: "`{{ end }}` without an open if/range/with".into(),
                });
            }
            Some("else") if stack.is_empty() => {
                return Err(TemplateError {
                    offset,
                    message: "`{{ else }}` outside if/range/with".into(),
                });
            }
            _ => {}
        }
        for (i, (at, word)) in words.iter().enumerate() {
            let at = offset + at;
            if let Some(label) = word
                .strip_prefix("$labels.")
                .or_else(|| word.strip_prefix(".Labels."))
            {
                info.labels
                    .push((label.to_string(), at + word.len() - label.len()));
            } else if *word == "index" {
                // index $labels "x"
                if let Some((_, next)) = words.get(i + 1) {
                    if *next == "$labels" || *next == ".Labels" {
                        let after = &body[(at - offset + word.len())..];
                        if let Some(q) = after.find('"') {
                            let name: String =
                                after[q + 1..].chars().take_while(|c| *c != '"').collect();
                            info.labels.push((name, at + word.len() + q + 1));
                        }
                    }
                }
            } else if !word.starts_with('.')
                && !word.starts_with('$')
                && !word.chars().next().is_some_and(|c| c.is_ascii_digit())
                && !KEYWORDS.contains(word)
                && !FUNCTIONS.contains(word)
            {
                return Err(TemplateError {
                    offset: at,
                    message: format!("function `{word}` is not defined in Prometheus templates"),
                });
            }
        }
    }
    // A `}}` outside an action is text to Go's text/template, as any other characters are.
    if let Some((kw, offset)) = stack.pop() {
        return Err(TemplateError {
            offset,
            message: format!("`{{{{ {kw} }}}}` is never closed with `{{{{ end }}}}`"),
        });
    }
    Ok(info)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_label_references() {
        let info = read("{{ $labels.job }} on {{ .Labels.instance }} {{ index $labels \"pod\" }} = {{ $value | humanize }}").unwrap();
        let names: Vec<&str> = info.labels.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, vec!["job", "instance", "pod"]);
        assert_eq!(
            &"{{ $labels.job }}"[info.labels[0].1..info.labels[0].1 + 3],
            "job"
        );
    }

    #[test]
    fn reports_structure_and_unknown_functions() {
        assert!(read("{{ if gt $value 1.0 }}high{{ end }}").is_ok());
        assert!(read("{{ range .Alerts }}{{ .Labels.x }}{{ end }}").is_ok());
        assert!(read("{{ $labels.job ").is_err());
        assert!(read("{{ if $value }}x").is_err());
        assert!(read("{{ end }}").is_err());
        assert_eq!(
            read("{{ $value | humanise }}").unwrap_err().message,
            "function `humanise` is not defined in Prometheus templates"
        );
        assert!(read("plain text").is_ok());
    }
}
