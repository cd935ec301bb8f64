//! Label values an expression's output is pinned to: a label that every selector of the
//! expression constrains to one value (`code="500"`) or to values starting with a literal prefix
//! (`code=~"5.."`). Two rules recording the same name are disjoint when some label surviving in
//! both outputs is pinned to values that cannot meet.

use promql_parser::label::MatchOp;
use promql_parser::parser::{Expr, VectorSelector};
use std::collections::BTreeMap;

/// What a selector's matcher says of a label's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pin {
    /// Exactly this value.
    Value(String),
    /// A value starting with this literal prefix (a regex whose first characters are literal).
    Prefix(String),
}

impl Pin {
    /// True when no value can satisfy both pins.
    pub fn disjoint(&self, other: &Pin) -> bool {
        match (self, other) {
            (Pin::Value(a), Pin::Value(b)) => a != b,
            (Pin::Value(v), Pin::Prefix(p)) | (Pin::Prefix(p), Pin::Value(v)) => !v.starts_with(p),
            (Pin::Prefix(a), Pin::Prefix(b)) => !a.starts_with(b) && !b.starts_with(a),
        }
    }
}

fn literal_prefix(regex: &str) -> String {
    let mut prefix = String::new();
    for c in regex.chars() {
        if ".+*?()|[]{}^$\\".contains(c) {
            break;
        }
        prefix.push(c);
    }
    prefix
}

fn selector_pins(vs: &VectorSelector) -> BTreeMap<String, Pin> {
    let mut pins = BTreeMap::new();
    if !vs.matchers.or_matchers.is_empty() {
        return pins;
    }
    for m in &vs.matchers.matchers {
        let pin = match &m.op {
            MatchOp::Equal => Pin::Value(m.value.clone()),
            MatchOp::Re(_) if !m.value.contains('|') => {
                let prefix = literal_prefix(&m.value);
                if prefix.is_empty() {
                    continue;
                }
                Pin::Prefix(prefix)
            }
            _ => continue,
        };
        pins.insert(m.name.clone(), pin);
    }
    pins
}

fn collect<'a>(expr: &'a Expr, out: &mut Vec<&'a VectorSelector>) {
    match expr {
        Expr::VectorSelector(vs) => out.push(vs),
        Expr::MatrixSelector(ms) => out.push(&ms.vs),
        Expr::Paren(p) => collect(&p.expr, out),
        Expr::Unary(u) => collect(&u.expr, out),
        Expr::Subquery(s) => collect(&s.expr, out),
        Expr::Aggregate(a) => collect(&a.expr, out),
        Expr::Binary(b) => {
            collect(&b.lhs, out);
            collect(&b.rhs, out);
        }
        Expr::Call(c) => {
            for arg in &c.args.args {
                collect(arg, out);
            }
        }
        Expr::NumberLiteral(_) | Expr::StringLiteral(_) | Expr::Extension(_) => {}
    }
}

/// The labels every selector of `expr` pins, to the same pin (none when it has no selector).
pub fn output_pins(expr: &Expr) -> BTreeMap<String, Pin> {
    let mut selectors = Vec::new();
    collect(expr, &mut selectors);
    let mut iter = selectors.into_iter();
    let Some(first) = iter.next() else {
        return BTreeMap::new();
    };
    let mut pins = selector_pins(first);
    for vs in iter {
        let other = selector_pins(vs);
        pins.retain(|label, pin| other.get(label) == Some(pin));
    }
    pins
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pins(expr: &str) -> BTreeMap<String, Pin> {
        output_pins(&super::super::parse(expr).unwrap())
    }

    #[test]
    fn pins_follow_every_selector() {
        let p = pins(r#"sum by (code) (increase(x{code=~"2..", job="a"}[1h]))"#);
        assert_eq!(p["code"], Pin::Prefix("2".into()));
        assert_eq!(p["job"], Pin::Value("a".into()));
        let p = pins(r#"rate(x{code="500"}[5m]) / rate(y{code="500", job="b"}[5m])"#);
        assert_eq!(p.len(), 1);
        assert!(pins(r#"x{code=~"4..|5.."}"#).is_empty());
        assert!(pins("vector(1)").is_empty());
    }

    #[test]
    fn disjointness() {
        let v = |s: &str| Pin::Value(s.into());
        let p = |s: &str| Pin::Prefix(s.into());
        assert!(p("2").disjoint(&p("5")));
        assert!(!p("2").disjoint(&p("20")));
        assert!(v("503").disjoint(&p("2")));
        assert!(!v("503").disjoint(&p("5")));
        assert!(!v("a").disjoint(&v("a")));
    }
}
