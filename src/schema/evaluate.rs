//! Validating a value against a compiled schema: every violation, each with the value's JSON
//! pointer and the failing keyword's schema location. Numbers compare by value (`1` equals `1.0`,
//! and `1.0` is an integer), as JSON Schema says.

use super::compiled::{Compiled, Keywords, NodeId, Rule};
use super::violation::{JsonType, TypeKind, Violation, ViolationKind};
use serde_json::{Number, Value};
use std::cmp::Ordering;

/// A step from a value to one of its children.
#[derive(Clone, Copy)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

struct Walk<'a> {
    compiled: &'a Compiled,
    path: Vec<Step<'a>>,
}

impl Compiled {
    /// Every violation of the schema by `value` (empty: the value is valid).
    pub fn violations<'a>(&'a self, value: &'a Value) -> Vec<Violation<'a>> {
        let mut walk = Walk {
            compiled: self,
            path: Vec::new(),
        };
        let mut out = Vec::new();
        walk.node(0, value, &mut out);
        out
    }

    /// Whether `value` is valid.
    pub fn is_valid(&self, value: &Value) -> bool {
        self.violations(value).is_empty()
    }
}

fn pointer(path: &[Step<'_>]) -> String {
    let mut out = String::new();
    for step in path {
        out.push('/');
        match step {
            Step::Key(k) if k.contains(['~', '/']) => {
                out.push_str(&k.replace('~', "~0").replace('/', "~1"))
            }
            Step::Key(k) => out.push_str(k),
            Step::Index(i) => out.push_str(&i.to_string()),
        }
    }
    out
}

fn json_type_matches(t: JsonType, value: &Value) -> bool {
    match (t, value) {
        (JsonType::Null, Value::Null)
        | (JsonType::Boolean, Value::Bool(_))
        | (JsonType::Number, Value::Number(_))
        | (JsonType::String, Value::String(_))
        | (JsonType::Array, Value::Array(_))
        | (JsonType::Object, Value::Object(_)) => true,
        (JsonType::Integer, Value::Number(n)) => is_integer(n),
        _ => false,
    }
}

fn is_integer(n: &Number) -> bool {
    n.is_i64() || n.is_u64() || n.as_f64().is_some_and(|f| f.fract() == 0.0)
}

fn compare(a: &Number, b: &Number) -> Option<Ordering> {
    let int = |n: &Number| {
        n.as_i64()
            .map(i128::from)
            .or_else(|| n.as_u64().map(i128::from))
    };
    match (int(a), int(b)) {
        (Some(x), Some(y)) => Some(x.cmp(&y)),
        _ => a.as_f64()?.partial_cmp(&b.as_f64()?),
    }
}

/// JSON equality, numbers by value.
pub(crate) fn equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => compare(x, y) == Some(Ordering::Equal),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| equal(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| equal(v, w)))
        }
        _ => a == b,
    }
}

impl<'a> Walk<'a> {
    fn node(&mut self, id: NodeId, value: &'a Value, out: &mut Vec<Violation<'a>>) {
        let node = &self.compiled.nodes[id];
        match &node.rule {
            Rule::Always(true) => {}
            Rule::Always(false) => {
                out.push(self.violation(value, node.location.clone(), ViolationKind::FalseSchema))
            }
            Rule::Keywords(k) => self.keywords(k, &node.location, value, out),
        }
    }

    fn violation(
        &self,
        value: &'a Value,
        schema_path: String,
        kind: ViolationKind<'a>,
    ) -> Violation<'a> {
        Violation {
            instance: value,
            instance_path: pointer(&self.path),
            schema_path,
            kind,
        }
    }

    fn child(
        &mut self,
        step: Step<'a>,
        id: NodeId,
        value: &'a Value,
        out: &mut Vec<Violation<'a>>,
    ) {
        self.path.push(step);
        self.node(id, value, out);
        self.path.pop();
    }

    fn keywords(
        &mut self,
        k: &'a Keywords,
        location: &'a str,
        value: &'a Value,
        out: &mut Vec<Violation<'a>>,
    ) {
        let at = |keyword: &str| format!("{location}/{keyword}");
        if let Some(kind) = &k.types {
            let ok = match kind {
                TypeKind::Single(t) => json_type_matches(*t, value),
                TypeKind::Multiple(ts) => ts.iter().any(|t| json_type_matches(*t, value)),
            };
            if !ok {
                out.push(self.violation(
                    value,
                    at("type"),
                    ViolationKind::Type { kind: kind.clone() },
                ));
            }
        }
        if let Some(id) = k.reference {
            self.node(id, value, out);
        }
        if let Some(options) = &k.enumeration {
            let found = options
                .as_array()
                .is_some_and(|o| o.iter().any(|option| equal(option, value)));
            if !found {
                out.push(self.violation(value, at("enum"), ViolationKind::Enum { options }));
            }
        }
        if let Some(expected) = &k.constant {
            if !equal(expected, value) {
                out.push(self.violation(value, at("const"), ViolationKind::Constant { expected }));
            }
        }
        match value {
            Value::Object(map) => self.object(k, location, map, value, out),
            Value::Array(items) => self.array(k, location, items, value, out),
            Value::String(text) => self.string(k, location, text, value, out),
            Value::Number(n) => self.number(k, location, n, value, out),
            _ => {}
        }
        for &id in &k.all_of {
            self.node(id, value, out);
        }
        if !k.any_of.is_empty() {
            let context = self.alternatives(&k.any_of, value);
            if !context.iter().any(Vec::is_empty) {
                out.push(self.violation(value, at("anyOf"), ViolationKind::AnyOf { context }));
            }
        }
        if !k.one_of.is_empty() {
            let context = self.alternatives(&k.one_of, value);
            match context.iter().filter(|c| c.is_empty()).count() {
                1 => {}
                0 => out.push(self.violation(
                    value,
                    at("oneOf"),
                    ViolationKind::OneOfNotValid { context },
                )),
                _ => {
                    out.push(self.violation(value, at("oneOf"), ViolationKind::OneOfMultipleValid))
                }
            }
        }
    }

    fn alternatives(&mut self, ids: &[NodeId], value: &'a Value) -> Vec<Vec<Violation<'a>>> {
        ids.iter()
            .map(|&id| {
                let mut branch = Vec::new();
                self.node(id, value, &mut branch);
                branch
            })
            .collect()
    }

    fn object(
        &mut self,
        k: &'a Keywords,
        location: &'a str,
        map: &'a serde_json::Map<String, Value>,
        value: &'a Value,
        out: &mut Vec<Violation<'a>>,
    ) {
        for property in &k.required {
            if !map.contains_key(property) {
                out.push(self.violation(
                    value,
                    format!("{location}/required"),
                    ViolationKind::Required { property },
                ));
            }
        }
        let constrained = !k.property_order.is_empty()
            || !k.pattern_properties.is_empty()
            || k.additional_properties.is_some()
            || k.no_additional_properties;
        if !constrained {
            return;
        }
        let mut unexpected = Vec::new();
        for (key, item) in map {
            let mut known = false;
            let id = match &k.property_index {
                Some(index) => index.get(key).copied(),
                None => k
                    .property_order
                    .iter()
                    .find(|(name, _)| name == key)
                    .map(|p| p.1),
            };
            if let Some(id) = id {
                known = true;
                self.child(Step::Key(key), id, item, out);
            }
            for (regex, id) in &k.pattern_properties {
                if regex.is_match(key) {
                    known = true;
                    self.child(Step::Key(key), *id, item, out);
                }
            }
            if known {
                continue;
            }
            if let Some(id) = k.additional_properties {
                self.child(Step::Key(key), id, item, out);
            } else if k.no_additional_properties {
                unexpected.push(key.clone());
            }
        }
        if !unexpected.is_empty() {
            out.push(self.violation(
                value,
                format!("{location}/additionalProperties"),
                ViolationKind::AdditionalProperties { unexpected },
            ));
        }
    }

    fn array(
        &mut self,
        k: &'a Keywords,
        location: &'a str,
        items: &'a [Value],
        value: &'a Value,
        out: &mut Vec<Violation<'a>>,
    ) {
        let at = |keyword: &str| format!("{location}/{keyword}");
        let len = items.len() as u64;
        if let Some(limit) = k.min_items.filter(|&l| len < l) {
            out.push(self.violation(value, at("minItems"), ViolationKind::MinItems { limit }));
        }
        if let Some(limit) = k.max_items.filter(|&l| len > l) {
            out.push(self.violation(value, at("maxItems"), ViolationKind::MaxItems { limit }));
        }
        if k.unique_items
            && items
                .iter()
                .enumerate()
                .any(|(i, a)| items[i + 1..].iter().any(|b| equal(a, b)))
        {
            out.push(self.violation(value, at("uniqueItems"), ViolationKind::UniqueItems));
        }
        if let Some(id) = k.items {
            for (i, item) in items.iter().enumerate() {
                self.child(Step::Index(i), id, item, out);
            }
        }
    }

    fn string(
        &mut self,
        k: &'a Keywords,
        location: &'a str,
        text: &'a str,
        value: &'a Value,
        out: &mut Vec<Violation<'a>>,
    ) {
        let at = |keyword: &str| format!("{location}/{keyword}");
        if k.min_length.is_some() || k.max_length.is_some() {
            let len = text.chars().count() as u64;
            if let Some(limit) = k.min_length.filter(|&l| len < l) {
                out.push(self.violation(
                    value,
                    at("minLength"),
                    ViolationKind::MinLength { limit },
                ));
            }
            if let Some(limit) = k.max_length.filter(|&l| len > l) {
                out.push(self.violation(
                    value,
                    at("maxLength"),
                    ViolationKind::MaxLength { limit },
                ));
            }
        }
        if let Some((regex, pattern)) = &k.pattern {
            if !regex.is_match(text) {
                out.push(self.violation(value, at("pattern"), ViolationKind::Pattern { pattern }));
            }
        }
    }

    fn number(
        &mut self,
        k: &'a Keywords,
        location: &'a str,
        n: &'a Number,
        value: &'a Value,
        out: &mut Vec<Violation<'a>>,
    ) {
        let at = |keyword: &str| format!("{location}/{keyword}");
        let cmp = |limit: &Value| limit.as_number().and_then(|l| compare(n, l));
        if let Some(limit) = &k.minimum {
            if cmp(limit) == Some(Ordering::Less) {
                out.push(self.violation(value, at("minimum"), ViolationKind::Minimum { limit }));
            }
        }
        if let Some(limit) = &k.maximum {
            if cmp(limit) == Some(Ordering::Greater) {
                out.push(self.violation(value, at("maximum"), ViolationKind::Maximum { limit }));
            }
        }
        if let Some(limit) = &k.exclusive_minimum {
            if matches!(cmp(limit), Some(Ordering::Less | Ordering::Equal)) {
                out.push(self.violation(
                    value,
                    at("exclusiveMinimum"),
                    ViolationKind::ExclusiveMinimum { limit },
                ));
            }
        }
        if let Some(limit) = &k.exclusive_maximum {
            if matches!(cmp(limit), Some(Ordering::Greater | Ordering::Equal)) {
                out.push(self.violation(
                    value,
                    at("exclusiveMaximum"),
                    ViolationKind::ExclusiveMaximum { limit },
                ));
            }
        }
    }
}
