//! Finding tokens in PromQL text: promql-parser's AST carries no positions, so findings are placed
//! by searching the expression for the token (a metric name, a label in a grouping clause or a
//! matcher), skipping string literals and comments. Offsets are in bytes of the expression.

/// Byte ranges of string literals and comments, which a search must skip.
fn masked(expr: &str) -> Vec<bool> {
    let bytes = expr.as_bytes();
    let mut mask = vec![false; bytes.len()];
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            quote @ (b'"' | b'\'' | b'`') => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != quote {
                    if bytes[i] == b'\\' && quote != b'`' {
                        i += 1;
                    }
                    i += 1;
                }
                let end = (i + 1).min(bytes.len());
                mask[start..end].iter_mut().for_each(|m| *m = true);
                i = end;
            }
            b'#' => {
                let start = i;
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                mask[start..i].iter_mut().for_each(|m| *m = true);
            }
            _ => i += 1,
        }
    }
    mask
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b':'
}

/// Offsets of `word` as a whole identifier outside strings and comments.
fn occurrences(expr: &str, word: &str) -> Vec<usize> {
    let mask = masked(expr);
    let bytes = expr.as_bytes();
    expr.match_indices(word)
        .map(|(i, _)| i)
        .filter(|&i| !mask[i])
        .filter(|&i| i == 0 || !is_ident(bytes[i - 1]))
        .filter(|&i| i + word.len() >= bytes.len() || !is_ident(bytes[i + word.len()]))
        .collect()
}

/// The first occurrence of an identifier.
pub fn find_word(expr: &str, word: &str) -> Option<(usize, usize)> {
    occurrences(expr, word).first().map(|&i| (i, word.len()))
}

/// A metric name used as a selector (not inside a label list).
pub fn find_metric(expr: &str, metric: &str) -> Option<(usize, usize)> {
    find_word(expr, metric)
}

/// `label` inside a grouping clause introduced by one of `keywords` (by, without, on, ignoring,
/// group_left, group_right).
pub fn find_grouping_label(expr: &str, keywords: &[&str], label: &str) -> Option<(usize, usize)> {
    find_grouping_label_nth(expr, keywords, label, 0)
}

/// The `nth` (0-based) occurrence of `label` in a grouping clause, or the last one found.
pub fn find_grouping_label_nth(
    expr: &str,
    keywords: &[&str],
    label: &str,
    nth: usize,
) -> Option<(usize, usize)> {
    let mut found_all = Vec::new();
    let bytes = expr.as_bytes();
    for keyword in keywords {
        for start in occurrences(expr, keyword) {
            let mut i = start + keyword.len();
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] != b'(' {
                continue;
            }
            let Some(close) = expr[i..].find(')').map(|c| i + c) else {
                continue;
            };
            if let Some(found) = occurrences(&expr[i..close], label).first() {
                found_all.push(i + found);
            }
        }
    }
    found_all.sort_unstable();
    found_all
        .get(nth)
        .or(found_all.last())
        .map(|&at| (at, label.len()))
}

/// `label` as a matcher name inside the braces following `metric` (or any braces when None).
pub fn find_matcher(expr: &str, metric: Option<&str>, label: &str) -> Option<(usize, usize)> {
    let mask = masked(expr);
    let starts: Vec<usize> = match metric {
        Some(m) => occurrences(expr, m)
            .into_iter()
            .map(|i| i + m.len())
            .collect(),
        None => (0..expr.len())
            .filter(|&i| expr.as_bytes()[i] == b'{' && !mask[i])
            .collect(),
    };
    for start in starts {
        let rest = &expr[start..];
        let open = rest.trim_start();
        if !open.starts_with('{') {
            continue;
        }
        let brace = start + (rest.len() - open.len());
        let close = expr[brace..].find('}').map(|c| brace + c)?;
        if let Some(found) = occurrences(&expr[brace..close], label).first() {
            return Some((brace + found, label.len()));
        }
    }
    None
}

fn unmatched(expr: &str, open: u8, close: u8) -> (Option<usize>, Option<usize>) {
    let mask = masked(expr);
    let mut stack = Vec::new();
    for (i, b) in expr.bytes().enumerate() {
        if mask[i] {
            continue;
        }
        if b == open {
            stack.push(i);
        } else if b == close && stack.pop().is_none() {
            return (None, Some(i));
        }
    }
    (stack.last().copied(), None)
}

/// Where in the expression promql-parser's error message points, when it can be told: an
/// unclosed or unexpected bracket, an unknown function, a bad duration, an unterminated string,
/// an early end. The parser itself reports no positions.
pub fn parse_error_span(expr: &str, message: &str) -> Option<(usize, usize)> {
    let quoted = |m: &str| -> Option<String> {
        let start = m.find(['\'', '"'])?;
        let quote = m.as_bytes()[start] as char;
        let rest = &m[start + 1..];
        Some(rest[..rest.find(quote)?].to_string())
    };
    if message.contains("unclosed left parenthesis") {
        return unmatched(expr, b'(', b')').0.map(|i| (i, 1));
    }
    if message.contains("unexpected right parenthesis") {
        return unmatched(expr, b'(', b')').1.map(|i| (i, 1));
    }
    if message.contains("unclosed left bracket") || message.contains("unexpected right bracket") {
        let (open, close) = unmatched(expr, b'[', b']');
        return open.or(close).map(|i| (i, 1));
    }
    if message.contains("inside braces") || message.contains("unexpected right brace") {
        let (open, close) = unmatched(expr, b'{', b'}');
        return open.or(close).map(|i| (i, 1));
    }
    if message.contains("unknown function") {
        return find_word(expr, &quoted(message)?);
    }
    if let Some(token) = message.strip_prefix("bad number or duration syntax: ") {
        let token = token.trim();
        return expr.find(token).map(|i| (i, token.len()));
    }
    if message.contains("unterminated quoted string") {
        let mask = masked(expr);
        let start = (0..expr.len())
            .rev()
            .find(|&i| mask[i] && (i == 0 || !mask[i - 1]))?;
        return Some((start, expr.len() - start));
    }
    if message.contains("unexpected end of input") {
        let end = expr.trim_end().len();
        return Some((end.saturating_sub(1), 1));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_parse_errors() {
        fn at(expr: &str) -> Option<&str> {
            let message = promql_parser::parser::parse(expr).unwrap_err();
            parse_error_span(expr, &message).map(|(i, n)| &expr[i..i + n])
        }
        assert_eq!(at("sum(rate(x[5m])"), Some("("));
        assert_eq!(at("rate(x[5m]))"), Some(")"));
        assert_eq!(at("foo(x)"), Some("foo"));
        assert_eq!(at("x[5q]"), Some("5q"));
        assert_eq!(at("x{a=\"b\""), Some("{"));
        assert_eq!(at("x offset"), Some("t"));
    }

    #[test]
    fn finds_labels_in_grouping_clauses_not_in_strings() {
        let expr = "sum(rate(x{service=\"a\"}[5m])) by (le, service)";
        assert_eq!(find_grouping_label(expr, &["by"], "service"), Some((38, 7)));
        assert_eq!(find_matcher(expr, Some("x"), "service"), Some((11, 7)));
        assert_eq!(find_metric(expr, "x"), Some((9, 1)));
        assert_eq!(find_word("\"x\" + x", "x"), Some((6, 1)));
    }
}
