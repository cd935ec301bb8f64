//! The regex-matcher cache (src/promql/regex_matchers.rs) rewrites expressions before
//! promql-parser sees them; this proves it changes nothing: for every expression of the real rule
//! files in ../shared/corpus/rules (good and bad), hand-written edge cases, and mutations of them
//! that break strings, quotes and operators, monctl's parse gives the same tree and the same error
//! as promql-parser on the expression as written.

mod support;

use monctl::promql::parse;
use serde_json::Value;

fn expressions(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v) {
                    ("expr", Value::String(s)) => out.push(s.clone()),
                    _ => expressions(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| expressions(v, out)),
        _ => {}
    }
}

const EDGE_CASES: &[&str] = &[
    r#"up{job=~"api|web", code!~"5.."}"#,
    r#"up{job=~'a\'b', x!~`c\d`}"#,
    r#"{__name__=~"node_.+", job="x"}"#,
    r#"{job=~".*"}"#,
    r#"{job=~".*", x!~"y"}"#,
    r#"{job=~".+"}"#,
    r#"up{job=~"("}"#,
    r#"up{job=~"a{1,2}b{x}"}"#,
    r#"up{job =~ "a" , b !~"c"} # =~"x" in a comment"#,
    r#"label_replace(up{a=~"x"}, "dst", "$1", "src", "(=~.*)")"#,
    r#"up{a="=~\"q\""}"#,
    r#"up !~ "x""#,
    r#"up =~ "x""#,
    r#"up{a=~b}"#,
    r#"up{a=~"unclosed}"#,
    r#"rate(http_requests_total{code=~"5.."}[5m] offset 1m) / on(job) group_left sum(rate(http_requests_total[5m])) by (job)"#,
    r#"topk(scalar(count(up{a=~"x"})), up{b!~"y"}) or absent(up{c=~"z"})"#,
    r#"max_over_time(up{a=~"x"}[5m:1m])"#,
    r#"up{a=~"x" or b=~"y"}"#,
    r#"up{"utf8.name"=~"x"}"#,
    "up{a=~\"x\u{F8FF}\"}",
    r#"foo{__name__=~"bar"}"#,
];

fn same(expr: &str) -> Result<(), String> {
    let ours = parse(expr);
    if matches!(&ours, Err(e) if e.contains("monctl accepts at most") || e.contains("nest more than") || e.contains("operators; split"))
    {
        return Ok(());
    }
    let theirs = promql_parser::parser::parse(expr);
    let (a, b) = (format!("{ours:?}"), format!("{theirs:?}"));
    if a == b {
        Ok(())
    } else {
        Err(format!(
            "{expr}\n  monctl:        {a}\n  promql-parser: {b}"
        ))
    }
}

/// A few deterministic edits of `expr` around the characters the rewriting looks at.
fn mutations(expr: &str, rng: &mut support::Rng) -> Vec<String> {
    let chars: Vec<char> = expr.chars().collect();
    let mut out = Vec::new();
    for _ in 0..4 {
        if chars.is_empty() {
            break;
        }
        let at = rng.below(chars.len());
        let mut m = chars.clone();
        match rng.below(4) {
            0 => {
                m.remove(at);
            }
            1 => m.insert(at, ['"', '\'', '`', '~', '\\', '{', '}'][rng.below(7)]),
            2 => m.insert(at, '='),
            _ => m.truncate(at),
        }
        out.push(m.into_iter().collect());
    }
    out
}

#[test]
fn parsing_through_the_regex_cache_changes_no_tree_and_no_error() {
    let mut exprs: Vec<String> = EDGE_CASES.iter().map(|s| s.to_string()).collect();
    if let Some(dir) = support::corpus("rules") {
        for file in support::files_under(&dir, &["yml", "yaml"]) {
            let Ok(text) = std::fs::read_to_string(&file) else {
                continue;
            };
            let limits = monctl::Limits::default();
            if let Ok(value) = monctl::source::load_value(&text, monctl::source::FileId(0), &limits)
            {
                expressions(&value, &mut exprs);
            }
        }
        assert!(
            exprs.len() > 1000,
            "the corpus rules hold {} expressions",
            exprs.len()
        );
    }
    let mut rng = support::Rng(0x5eed_cafe);
    let mut mutated = Vec::new();
    for expr in exprs.iter().filter(|e| e.contains('~')) {
        mutated.extend(mutations(expr, &mut rng));
    }
    let failures: Vec<String> = exprs
        .iter()
        .chain(&mutated)
        .filter_map(|e| same(e).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} expressions differ:\n{}",
        failures.len(),
        exprs.len() + mutated.len(),
        failures[..failures.len().min(10)].join("\n")
    );
}
