//! The one way into promql-parser. Every expression is measured before it is parsed — its length,
//! how deeply brackets nest, how many binary operators it chains — so that a hostile or generated
//! expression gets a clear error instead of overflowing the stack (the parser, the analysis and
//! dropping the syntax tree all recurse on its depth; the browser's stack is 1 MiB) or running for
//! seconds. The bounds are ten times what real rule sets use (the public collections and Sloth's
//! generated rules nest at most 6 deep and chain at most 23 operators) and keep the deepest tree
//! well within a 1 MiB stack in a release build.

use super::regex_matchers;
use promql_parser::parser::{self, Expr};

/// Longest expression accepted, in bytes.
pub const MAX_EXPR_BYTES: usize = 128 * 1024;
/// Deepest nesting of `(`, `[` and `{` (function calls and aggregations nest through `(`).
pub const MAX_NESTING: usize = 64;
/// Most binary operators in one expression (each one deepens the syntax tree by one).
pub const MAX_BINARY_OPERATORS: usize = 500;

/// Parses an expression, after checking it is within the bounds above. Regex matchers take their
/// regexes from the shared cache (see [`regex_matchers`]): promql-parser's tree and errors, without
/// compiling a pattern seen before.
pub fn parse(expr: &str) -> Result<Expr, String> {
    measure(expr)?;
    if let Some((marked, count)) = regex_matchers::mark(expr) {
        if let Ok(mut ast) = parser::parse(&marked) {
            let mut restored = 0;
            if regex_matchers::restore(&mut ast, &mut restored).is_some() && restored == count {
                return Ok(ast);
            }
        }
    }
    parser::parse(expr)
}

/// Checks the bounds without parsing: a scan that skips string literals and comments.
fn measure(expr: &str) -> Result<(), String> {
    if expr.len() > MAX_EXPR_BYTES {
        return Err(format!(
            "expression is {} bytes long; monctl accepts at most {MAX_EXPR_BYTES}: split it into recording rules",
            expr.len()
        ));
    }
    let bytes = expr.as_bytes();
    let (mut depth, mut operators) = (0usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            quote @ (b'"' | b'\'' | b'`') => {
                i += 1;
                while i < bytes.len() && bytes[i] != quote {
                    if bytes[i] == b'\\' && quote != b'`' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(format!(
                        "brackets nest more than {MAX_NESTING} deep; simplify the expression or split it into recording rules"
                    ));
                }
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            b'+' | b'-' | b'*' | b'/' | b'%' | b'^' | b'<' | b'>' | b'=' | b'!' => {
                // `==`, `!=`, `<=`, `>=`, `=~`, `!~` are one operator; `=~` inside braces is a
                // matcher, counted too (an upper bound is all the guard needs).
                if matches!(bytes.get(i + 1), Some(b'=' | b'~')) {
                    i += 1;
                }
                operators += 1;
            }
            c if c.is_ascii_alphabetic() => {
                let start = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                if matches!(&expr[start..i], "and" | "or" | "unless" | "atan2") {
                    operators += 1;
                }
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    if operators > MAX_BINARY_OPERATORS {
        return Err(format!(
            "expression has more than {MAX_BINARY_OPERATORS} operators; split it into recording rules"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_real_expressions() {
        for expr in [
            "sum by (job) (rate(http_requests_total{code=~\"5..\", path!=\"/x\"}[5m])) / on (job) group_left sum(rate(http_requests_total[5m])) > 0.01",
            "histogram_quantile(0.99, sum(rate(x_bucket[5m])) by (le)) >= 2 and absent(y) unless z",
            "label_replace(up, \"a\", \"$1\", \"b\", \"(((((((((x)))))))))\") # ((((( comment",
        ] {
            assert!(parse(expr).is_ok(), "{expr}");
        }
    }

    #[test]
    fn refuses_what_would_overflow_or_take_long() {
        let deep = format!(
            "{}up{}",
            "(".repeat(MAX_NESTING + 1),
            ")".repeat(MAX_NESTING + 1)
        );
        assert!(parse(&deep).unwrap_err().contains("nest more than"));
        let chain = vec!["up"; MAX_BINARY_OPERATORS + 2].join(" + ");
        assert!(parse(&chain).unwrap_err().contains("operators"));
        let keywords = vec!["up"; MAX_BINARY_OPERATORS + 2].join(" or ");
        assert!(parse(&keywords).unwrap_err().contains("operators"));
        let long = format!("up{{a=\"{}\"}}", "x".repeat(MAX_EXPR_BYTES));
        assert!(parse(&long).unwrap_err().contains("bytes long"));
    }

    #[test]
    fn brackets_in_strings_do_not_count() {
        let expr = format!("up{{a=\"{}\"}}", "(".repeat(MAX_NESTING * 2));
        assert!(parse(&expr).is_ok());
    }

    #[test]
    fn the_largest_accepted_expression_fits_a_small_stack() {
        // The browser gives WebAssembly about 1 MiB of stack: parse, analyse and drop the deepest
        // tree the bounds allow on a thread with that much (an unoptimised build's frames are
        // about three times larger, so a test build gets three times the stack).
        let nested = format!(
            "{}up{}",
            "abs(".repeat(MAX_NESTING - 1),
            ")".repeat(MAX_NESTING - 1)
        );
        let chain = format!(
            "{nested} + {}",
            vec!["up"; MAX_BINARY_OPERATORS].join(" * ")
        );
        std::thread::Builder::new()
            .stack_size(if cfg!(debug_assertions) {
                3 << 20
            } else {
                1 << 20
            })
            .spawn(move || {
                let ast = parse(&chain).expect("within bounds");
                struct NoCatalog;
                impl crate::promql::SeriesResolver for NoCatalog {
                    fn resolve(&self, _: &str) -> crate::promql::SeriesInfo {
                        crate::promql::SeriesInfo {
                            kind: None,
                            family: None,
                            labels: crate::promql::LabelFlow::open(),
                            source: crate::promql::SeriesSource::Unknown,
                            scrape_interval: None,
                            bounds: None,
                        }
                    }
                }
                let analysis = crate::promql::analyze_ast(&ast, &NoCatalog);
                assert!(!analysis.events.is_empty());
                drop(ast);
            })
            .unwrap()
            .join()
            .expect("no stack overflow");
    }
}
