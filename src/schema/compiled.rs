//! The spec's JSON Schema compiled for validation: every subschema a node of one arena, `$ref`s
//! resolved to node indices, patterns compiled once. Compiling refuses any keyword this validator
//! does not evaluate, so a schema change that needs more (a new spec field schemars renders with
//! another keyword) fails loudly instead of being validated less strictly than it says.

use super::violation::{JsonType, TypeKind};
use regex::Regex;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// Keywords that only describe (annotations): no effect on validity. `format` is one too: draft
/// 2020-12 makes it an annotation unless a format-assertion vocabulary is asked for, and the
/// formats schemars writes (`uint32`, `double`) are not standard ones.
const ANNOTATIONS: &[&str] = &[
    "$schema",
    "$id",
    "$comment",
    "title",
    "description",
    "default",
    "examples",
    "deprecated",
    "readOnly",
    "writeOnly",
    "format",
];

/// The index of a node in [`Compiled::nodes`].
pub(crate) type NodeId = usize;

/// One subschema, with its canonical location (a JSON pointer into the schema document).
#[derive(Debug)]
pub(crate) struct Node {
    pub location: String,
    pub rule: Rule,
}

#[derive(Debug)]
pub(crate) enum Rule {
    /// `true` or `false`.
    Always(bool),
    Keywords(Box<Keywords>),
}

/// The assertions and applicators of one schema object; absent ones are `None`/empty.
#[derive(Debug, Default)]
pub(crate) struct Keywords {
    pub types: Option<TypeKind>,
    pub reference: Option<NodeId>,
    /// Checked in schema order, so errors come in a stable order.
    pub property_order: Vec<(String, NodeId)>,
    /// The same, by name, for objects with many properties (few are searched faster in order).
    pub property_index: Option<HashMap<String, NodeId>>,
    pub pattern_properties: Vec<(Pattern, NodeId)>,
    pub additional_properties: Option<NodeId>,
    /// `additionalProperties: false`: reported as unexpected keys, not as a false schema.
    pub no_additional_properties: bool,
    pub required: Vec<String>,
    pub items: Option<NodeId>,
    pub min_items: Option<u64>,
    pub max_items: Option<u64>,
    pub unique_items: bool,
    pub min_length: Option<u64>,
    pub max_length: Option<u64>,
    pub pattern: Option<(Pattern, String)>,
    pub minimum: Option<Value>,
    pub maximum: Option<Value>,
    pub exclusive_minimum: Option<Value>,
    pub exclusive_maximum: Option<Value>,
    pub enumeration: Option<Value>,
    pub constant: Option<Value>,
    pub any_of: Vec<NodeId>,
    pub one_of: Vec<NodeId>,
    pub all_of: Vec<NodeId>,
}

/// A compiled schema; node 0 is the root.
#[derive(Debug)]
pub struct Compiled {
    pub(crate) nodes: Vec<Node>,
}

/// Why a schema could not be compiled: where in the schema, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaError {
    pub location: String,
    pub message: String,
}

impl std::fmt::Display for SchemaError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let at = if self.location.is_empty() {
            "the schema's root"
        } else {
            &self.location
        };
        write!(f, "at {at}: {}", self.message)
    }
}

impl std::error::Error for SchemaError {}

fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

struct Compiler<'s> {
    root: &'s Value,
    nodes: Vec<Option<Node>>,
    /// Nodes by canonical location, so a `$ref`ed subschema is compiled once (and recursion ends).
    by_location: HashMap<String, NodeId>,
}

impl Compiled {
    /// Compiles a draft 2020-12 schema whose `$ref`s point into the same document (`#`,
    /// `#/$defs/Name`, any `#/...` pointer).
    pub fn new(schema: &Value) -> Result<Compiled, SchemaError> {
        let mut compiler = Compiler {
            root: schema,
            nodes: Vec::new(),
            by_location: HashMap::new(),
        };
        compiler.node(schema, String::new())?;
        let nodes = compiler
            .nodes
            .into_iter()
            .map(|n| n.expect("every reserved node is compiled before `new` returns"))
            .collect();
        Ok(Compiled { nodes })
    }
}

impl<'s> Compiler<'s> {
    fn node(&mut self, schema: &'s Value, location: String) -> Result<NodeId, SchemaError> {
        if let Some(&id) = self.by_location.get(&location) {
            return Ok(id);
        }
        let id = self.nodes.len();
        self.nodes.push(None);
        self.by_location.insert(location.clone(), id);
        let rule = match schema {
            Value::Bool(b) => Rule::Always(*b),
            Value::Object(map) => Rule::Keywords(Box::new(self.keywords(map, &location)?)),
            other => {
                return Err(SchemaError {
                    location,
                    message: format!("a schema is an object or a boolean, not {other}"),
                })
            }
        };
        self.nodes[id] = Some(Node { location, rule });
        Ok(id)
    }

    fn keywords(
        &mut self,
        map: &'s Map<String, Value>,
        location: &str,
    ) -> Result<Keywords, SchemaError> {
        let mut k = Keywords::default();
        let at = |keyword: &str| format!("{location}/{}", escape(keyword));
        let bad = |keyword: &str, what: &str| SchemaError {
            location: at(keyword),
            message: format!("`{keyword}` must be {what}"),
        };
        for (keyword, value) in map {
            let count = || {
                value
                    .as_u64()
                    .ok_or_else(|| bad(keyword, "a non-negative integer"))
            };
            let number = || {
                value
                    .is_number()
                    .then(|| value.clone())
                    .ok_or_else(|| bad(keyword, "a number"))
            };
            let list = || {
                value
                    .as_array()
                    .ok_or_else(|| bad(keyword, "an array of schemas"))
            };
            match keyword.as_str() {
                k if ANNOTATIONS.contains(&k) => {}
                "$defs" => {
                    let defs = value.as_object().ok_or_else(|| bad(keyword, "an object"))?;
                    for (name, def) in defs {
                        self.node(def, format!("{}/{}", at(keyword), escape(name)))?;
                    }
                }
                "type" => k.types = Some(types(value).ok_or_else(|| bad(keyword, "a type name or a list of them"))?),
                "$ref" => {
                    let target = value.as_str().ok_or_else(|| bad(keyword, "a string"))?;
                    k.reference = Some(self.reference(target, &at(keyword))?);
                }
                "properties" => {
                    let props = value.as_object().ok_or_else(|| bad(keyword, "an object"))?;
                    for (name, sub) in props {
                        let id = self.node(sub, format!("{}/{}", at(keyword), escape(name)))?;
                        k.property_order.push((name.clone(), id));
                    }
                }
                "patternProperties" => {
                    let props = value.as_object().ok_or_else(|| bad(keyword, "an object"))?;
                    for (pattern, sub) in props {
                        let sub_at = format!("{}/{}", at(keyword), escape(pattern));
                        let regex = compile_pattern(pattern, &sub_at)?;
                        let id = self.node(sub, sub_at)?;
                        k.pattern_properties.push((regex, id));
                    }
                }
                "additionalProperties" => match value {
                    Value::Bool(false) => k.no_additional_properties = true,
                    Value::Bool(true) => {}
                    sub => k.additional_properties = Some(self.node(sub, at(keyword))?),
                },
                "required" => {
                    let names = value.as_array().ok_or_else(|| bad(keyword, "an array of strings"))?;
                    for name in names {
                        let name = name.as_str().ok_or_else(|| bad(keyword, "an array of strings"))?;
                        k.required.push(name.to_string());
                    }
                }
                "items" => k.items = Some(self.node(value, at(keyword))?),
                "minItems" => k.min_items = Some(count()?),
                "maxItems" => k.max_items = Some(count()?),
                "uniqueItems" => {
                    k.unique_items = value.as_bool().ok_or_else(|| bad(keyword, "a boolean"))?
                }
                "minLength" => k.min_length = Some(count()?),
                "maxLength" => k.max_length = Some(count()?),
                "pattern" => {
                    let source = value.as_str().ok_or_else(|| bad(keyword, "a string"))?;
                    k.pattern = Some((compile_pattern(source, &at(keyword))?, source.to_string()));
                }
                "minimum" => k.minimum = Some(number()?),
                "maximum" => k.maximum = Some(number()?),
                "exclusiveMinimum" => k.exclusive_minimum = Some(number()?),
                "exclusiveMaximum" => k.exclusive_maximum = Some(number()?),
                "enum" => {
                    list().map_err(|_| bad(keyword, "an array"))?;
                    k.enumeration = Some(value.clone());
                }
                "const" => k.constant = Some(value.clone()),
                "anyOf" | "oneOf" | "allOf" => {
                    let mut ids = Vec::new();
                    for (i, sub) in list()?.iter().enumerate() {
                        ids.push(self.node(sub, format!("{}/{i}", at(keyword)))?);
                    }
                    match keyword.as_str() {
                        "anyOf" => k.any_of = ids,
                        "oneOf" => k.one_of = ids,
                        _ => k.all_of = ids,
                    }
                }
                other => {
                    return Err(SchemaError {
                        location: at(other),
                        message: format!(
                            "the keyword `{other}` is not implemented by monctl's schema validator: implement it in src/schema/ (and its oracle test) before the schema uses it"
                        ),
                    })
                }
            }
        }
        if k.property_order.len() > 16 {
            k.property_index = Some(k.property_order.iter().cloned().collect());
        }
        Ok(k)
    }

    fn reference(&mut self, target: &str, at: &str) -> Result<NodeId, SchemaError> {
        let unsupported = || SchemaError {
            location: at.to_string(),
            message: format!(
                "only references into the same schema (`#/...`) are supported, not `{target}`"
            ),
        };
        let pointer = target.strip_prefix('#').ok_or_else(unsupported)?;
        if !pointer.is_empty() && !pointer.starts_with('/') {
            return Err(unsupported());
        }
        let sub = self.root.pointer(pointer).ok_or_else(|| SchemaError {
            location: at.to_string(),
            message: format!("`{target}` points at nothing in the schema"),
        })?;
        self.node(sub, pointer.to_string())
    }
}

fn types(value: &Value) -> Option<TypeKind> {
    match value {
        Value::String(name) => Some(TypeKind::Single(JsonType::parse(name)?)),
        Value::Array(names) if names.len() == 1 => types(&names[0]),
        Value::Array(names) => {
            let mut types: Vec<JsonType> = names
                .iter()
                .map(|n| n.as_str().and_then(JsonType::parse))
                .collect::<Option<_>>()?;
            types.sort();
            types.dedup();
            Some(TypeKind::Multiple(types))
        }
        _ => None,
    }
}

/// A compiled `pattern`: names (`^[a-zA-Z_][a-zA-Z0-9_]*$`, the form of label and metric names)
/// are matched by two ASCII sets, a tenth of a regex search's time; anything else by the regex.
#[derive(Debug)]
pub(crate) enum Pattern {
    Name { first: u128, rest: u128 },
    Regex(Regex),
}

impl Pattern {
    pub fn is_match(&self, text: &str) -> bool {
        match self {
            Pattern::Name { first, rest } => {
                let mut bytes = text.bytes();
                let is = |set: &u128, b: u8| b < 128 && set >> b & 1 == 1;
                bytes.next().is_some_and(|b| is(first, b)) && bytes.all(|b| is(rest, b))
            }
            Pattern::Regex(regex) => regex.is_match(text),
        }
    }

    /// `^[...][...]*$` with classes of ASCII letters, digits, `_` and `:` (single or ranges).
    fn name(source: &str) -> Option<Pattern> {
        let body = source.strip_prefix("^[")?.strip_suffix("]*$")?;
        let (first, rest) = body.split_once("][")?;
        Some(Pattern::Name {
            first: ascii_class(first)?,
            rest: ascii_class(rest)?,
        })
    }
}

fn ascii_class(class: &str) -> Option<u128> {
    let plain = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == ':';
    let chars: Vec<char> = class.chars().collect();
    if chars.is_empty() || !chars.iter().all(|&c| plain(c) || c == '-') {
        return None;
    }
    let mut set = 0u128;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '-' {
            return None;
        }
        if chars.get(i + 1) == Some(&'-') {
            let end = *chars.get(i + 2)?;
            if end == '-' || end < c {
                return None;
            }
            for b in c as u8..=end as u8 {
                set |= 1 << b;
            }
            i += 3;
        } else {
            set |= 1 << c as u8;
            i += 1;
        }
    }
    Some(set)
}

/// A `pattern` is an ECMA-262 regular expression; Rust's `regex` reads the same text the same way
/// except for escapes (`\d`, `\w`, `\s`, `\b` are Unicode-aware here and ASCII there),
/// lookaround and backreferences, which are refused so that no pattern means something else.
fn compile_pattern(source: &str, at: &str) -> Result<Pattern, SchemaError> {
    let refuse = |why: &str| SchemaError {
        location: at.to_string(),
        message: format!("the pattern `{source}` {why}"),
    };
    let mut chars = source.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some(e) if e.is_ascii_punctuation() => {}
                _ => return Err(refuse("uses an escape other than an escaped punctuation character, whose meaning differs between ECMA-262 and Rust regexes")),
            }
        }
    }
    if source.contains("(?") {
        return Err(refuse("uses a group modifier or lookaround"));
    }
    let regex = Regex::new(source).map_err(|e| refuse(&format!("does not compile: {e}")))?;
    Ok(Pattern::name(source).unwrap_or(Pattern::Regex(regex)))
}
