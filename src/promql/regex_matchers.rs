//! Regex label matchers compiled once per distinct pattern. promql-parser compiles the regex of
//! every `=~` / `!~` matcher it meets, and compiling is most of what parsing costs on real rule
//! sets, which repeat the same patterns (`fstype!~"tmpfs|overlay"`, `code=~"5.."`) across many
//! rules. So before parsing, each regex matcher is rewritten as an equality matcher whose value
//! carries a mark (`=~"5.."` becomes `= "5..\u{F8FF}"`); after parsing, the marked matchers get
//! their regex back from the shared cache of compiled patterns (src/regexes.rs).
//! Whatever the rewriting could change (an invalid regex, a selector whose every matcher matches
//! the empty string) is decided by parsing the expression as written, so the result and every
//! error are exactly promql-parser's.

use promql_parser::label::{MatchOp, Matcher, Matchers};
use promql_parser::parser::token::T_EQL_REGEX;
use promql_parser::parser::{Expr, VectorSelector};
use regex::Regex;

/// Appended to a rewritten matcher's value; a private-use character no expression needs (an
/// expression that has one is parsed as written).
const MARK: char = '\u{F8FF}';

/// The regex promql-parser builds for a matcher's `pattern` (anchored), or None when it does not
/// compile. Most patterns compile as written and come from the shared cache; the few that only
/// compile after promql-parser's escaping of `{` are built by promql-parser itself.
fn compiled(pattern: &str) -> Option<Regex> {
    if let Ok(re) = crate::regexes::matcher(pattern) {
        return Some(re);
    }
    match Matcher::new_matcher(T_EQL_REGEX, String::new(), pattern.to_string())
        .ok()?
        .op
    {
        MatchOp::Re(re) => Some(re),
        _ => None,
    }
}

/// `expr` with every regex matcher rewritten as a marked equality matcher, and how many were; None
/// when it has none, or holds the mark itself, or a matcher is not followed by a string (a syntax
/// error to report from the expression as written).
pub fn mark(expr: &str) -> Option<(String, usize)> {
    if expr.contains(MARK) || !(expr.contains("=~") || expr.contains("!~")) {
        return None;
    }
    let bytes = expr.as_bytes();
    let mut out = String::with_capacity(expr.len() + 16);
    let mut copied = 0;
    let mut i = 0;
    let mut marked = 0;
    while i < bytes.len() {
        match bytes[i] {
            quote @ (b'"' | b'\'' | b'`') => i = string_end(bytes, i, quote)?,
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'=' | b'!' if bytes.get(i + 1) == Some(&b'~') => {
                // `=~` -> `= `, `!~` -> `!=`: the operator keeps its length. Glued to another
                // operator character (`!=~`), it is not a matcher: left to the parser as written.
                if i > 0 && matches!(bytes[i - 1], b'!' | b'=' | b'<' | b'>' | b'~') {
                    return None;
                }
                out.push_str(&expr[copied..i]);
                out.push_str(if bytes[i] == b'=' { "= " } else { "!=" });
                let mut j = i + 2;
                while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                    j += 1;
                }
                let quote = *bytes.get(j).filter(|b| matches!(b, b'"' | b'\'' | b'`'))?;
                let close = string_end(bytes, j, quote)? - 1;
                out.push_str(&expr[i + 2..close]);
                out.push(MARK);
                copied = close;
                i = close + 1;
                marked += 1;
            }
            _ => i += 1,
        }
    }
    out.push_str(&expr[copied..]);
    (marked > 0).then_some((out, marked))
}

/// The index just past the string literal opening at `start`; None when it is not closed.
fn string_end(bytes: &[u8], start: usize, quote: u8) -> Option<usize> {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if quote != b'`' => i += 2,
            b if b == quote => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

/// Gives the marked matchers of a tree parsed from [`mark`]'s output their regexes back, counting
/// them in `restored`. None when a pattern does not compile or a selector would be refused as
/// written (a selector without a metric name whose matchers all match the empty string): the
/// caller then parses the original.
pub fn restore(expr: &mut Expr, restored: &mut usize) -> Option<()> {
    match expr {
        Expr::Aggregate(e) => {
            restore(&mut e.expr, restored)?;
            if let Some(param) = &mut e.param {
                restore(param, restored)?;
            }
        }
        Expr::Unary(e) => restore(&mut e.expr, restored)?,
        Expr::Binary(e) => {
            restore(&mut e.lhs, restored)?;
            restore(&mut e.rhs, restored)?;
        }
        Expr::Paren(e) => restore(&mut e.expr, restored)?,
        Expr::Subquery(e) => restore(&mut e.expr, restored)?,
        Expr::VectorSelector(vs) => restore_selector(vs, restored)?,
        Expr::MatrixSelector(ms) => restore_selector(&mut ms.vs, restored)?,
        Expr::Call(call) => {
            for arg in &mut call.args.args {
                restore(arg, restored)?;
            }
        }
        Expr::NumberLiteral(_) | Expr::StringLiteral(_) | Expr::Extension(_) => {}
    }
    Some(())
}

fn restore_selector(vs: &mut VectorSelector, restored: &mut usize) -> Option<()> {
    let Matchers {
        matchers,
        or_matchers,
    } = &mut vs.matchers;
    let mut any = false;
    for m in matchers.iter_mut().chain(or_matchers.iter_mut().flatten()) {
        let Some(pattern) = m.value.strip_suffix(MARK) else {
            continue;
        };
        let re = compiled(pattern)?;
        m.op = match m.op {
            MatchOp::Equal => MatchOp::Re(re),
            _ => MatchOp::NotRe(re),
        };
        m.value.truncate(m.value.len() - MARK.len_utf8());
        any = true;
        *restored += 1;
    }
    if any && vs.name.is_none() && vs.matchers.is_empty_matchers() {
        return None;
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_only_regex_matchers_outside_strings_and_comments() {
        assert_eq!(
            mark(r#"up{a=~"x|y", b!~'z', c="=~\"q\""} # =~"c""#),
            Some((
                "up{a= \"x|y\u{F8FF}\", b!='z\u{F8FF}', c=\"=~\\\"q\\\"\"} # =~\"c\"".to_string(),
                2
            ))
        );
        assert_eq!(mark(r#"up{a="x"}"#), None);
        assert_eq!(mark("up{a=~b}"), None);
        assert_eq!(mark("up{a=~\"x\u{F8FF}\"}"), None);
        assert_eq!(mark("up{a=~\"x"), None);
    }

    #[test]
    fn a_pattern_compiles_as_promql_parser_compiles_it() {
        assert_eq!(
            compiled("5..").map(|r| r.as_str().to_string()).as_deref(),
            Some("^(?:5..)$")
        );
        // `{` that starts no repetition is a literal to RE2; promql-parser escapes it.
        assert!(compiled("a{x}").is_some_and(|r| r.is_match("a{x}")));
        assert!(compiled("(").is_none());
    }
}
