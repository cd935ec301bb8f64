//! monctl's own JSON Schema validator (src/schema/) against the `jsonschema` crate, its oracle:
//! on every example and fixture spec file, and on thousands of seeded mutations of them, both must
//! give the same verdict and the same violations (value pointer, schema location, keyword, message,
//! and for anyOf/oneOf each alternative's violations), since the loader's diagnostics are made
//! from exactly these. Also: a schema using a keyword the validator does not implement is refused.

mod support;

use jsonschema::error::ValidationErrorKind;
use monctl::schema::{Compiled, Violation, ViolationKind};
use serde_json::{json, Value};
use std::path::Path;

/// A violation reduced to what the diagnostics read, comparable across the two validators.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Clone)]
struct Seen {
    instance_path: String,
    schema_path: String,
    keyword: String,
    message: String,
    context: Vec<Vec<Seen>>,
}

fn ours(violations: &[Violation<'_>]) -> Vec<Seen> {
    let mut out: Vec<Seen> = violations
        .iter()
        .map(|v| {
            let (keyword, context) = match &v.kind {
                ViolationKind::AnyOf { context } => {
                    ("anyOf", context.iter().map(|c| ours(c)).collect())
                }
                ViolationKind::OneOfNotValid { context } => {
                    ("oneOf", context.iter().map(|c| ours(c)).collect())
                }
                ViolationKind::OneOfMultipleValid => ("oneOf", Vec::new()),
                ViolationKind::AdditionalProperties { .. } => ("additionalProperties", Vec::new()),
                ViolationKind::Constant { .. } => ("const", Vec::new()),
                ViolationKind::Enum { .. } => ("enum", Vec::new()),
                ViolationKind::FalseSchema => ("falseSchema", Vec::new()),
                ViolationKind::Minimum { .. } => ("minimum", Vec::new()),
                ViolationKind::Maximum { .. } => ("maximum", Vec::new()),
                ViolationKind::ExclusiveMinimum { .. } => ("exclusiveMinimum", Vec::new()),
                ViolationKind::ExclusiveMaximum { .. } => ("exclusiveMaximum", Vec::new()),
                ViolationKind::MinLength { .. } => ("minLength", Vec::new()),
                ViolationKind::MaxLength { .. } => ("maxLength", Vec::new()),
                ViolationKind::MinItems { .. } => ("minItems", Vec::new()),
                ViolationKind::MaxItems { .. } => ("maxItems", Vec::new()),
                ViolationKind::UniqueItems => ("uniqueItems", Vec::new()),
                ViolationKind::Pattern { .. } => ("pattern", Vec::new()),
                ViolationKind::Required { .. } => ("required", Vec::new()),
                ViolationKind::Type { .. } => ("type", Vec::new()),
            };
            Seen {
                instance_path: v.instance_path.clone(),
                schema_path: v.schema_path.clone(),
                keyword: keyword.to_string(),
                message: v.to_string(),
                context,
            }
        })
        .collect();
    out.sort();
    out
}

fn theirs<'a, 'b: 'a>(
    errors: impl Iterator<Item = &'a jsonschema::ValidationError<'b>>,
) -> Vec<Seen> {
    let mut out: Vec<Seen> = errors
        .map(|e| {
            let context = match e.kind() {
                ValidationErrorKind::AnyOf { context }
                | ValidationErrorKind::OneOfNotValid { context } => {
                    context.iter().map(|c| theirs(c.iter())).collect()
                }
                _ => Vec::new(),
            };
            Seen {
                instance_path: e.instance_path().as_str().to_string(),
                schema_path: e.schema_path().as_str().to_string(),
                keyword: e.kind().keyword().to_string(),
                message: e.to_string(),
                context,
            }
        })
        .collect();
    out.sort();
    out
}

struct Both {
    ours: Compiled,
    theirs: jsonschema::Validator,
}

impl Both {
    fn new(schema: &Value) -> Both {
        Both {
            ours: Compiled::new(schema).unwrap_or_else(|e| panic!("ours refuses the schema: {e}")),
            theirs: jsonschema::options()
                .with_draft(jsonschema::Draft::Draft202012)
                .build(schema)
                .expect("jsonschema compiles the schema"),
        }
    }

    /// Panics, naming the value, where the validators disagree; returns whether it was valid.
    fn agree(&self, value: &Value, what: &str) -> bool {
        let mine = ours(&self.ours.violations(value));
        let errors: Vec<_> = self.theirs.iter_errors(value).collect();
        let oracle = theirs(errors.iter());
        assert_eq!(
            mine.is_empty(),
            self.theirs.is_valid(value),
            "verdicts differ on {what}: {value}"
        );
        assert_eq!(mine, oracle, "violations differ on {what}: {value}");
        mine.is_empty()
    }
}

/// Every example and fixture spec file, as the loader reads it (one file's part of the spec).
fn spec_values() -> Vec<(String, Value)> {
    fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut entries: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
            } else if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("yml" | "yaml")
            ) {
                out.push(path);
            }
        }
    }
    let root = support::repo_root();
    let mut paths = Vec::new();
    walk(&root.join("examples"), &mut paths);
    walk(&root.join("tests/fixtures"), &mut paths);
    let limits = monctl::Limits::default();
    paths
        .into_iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(&p).ok()?;
            let value =
                monctl::source::load_value(&text, monctl::source::FileId(0), &limits).ok()?;
            value
                .is_object()
                .then(|| (p.strip_prefix(&root).unwrap().display().to_string(), value))
        })
        .collect()
}

/// A small deterministic generator (xorshift64*), so every run tries the same mutations.
struct Seeded(u64);

impl Seeded {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Pointers of every node of a value.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                pointers(
                    v,
                    format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                pointers(v, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

/// Values that break the schema's keywords in different ways.
const REPLACEMENTS: &[&str] = &[
    "null",
    "true",
    "0",
    "-1",
    "1.5",
    "70000",
    "1e300",
    "\"\"",
    "\"x\"",
    "\"5 minutes\"",
    "\"1h30m\"",
    "\"0\"",
    "\"9abc\"",
    "\"a-b\"",
    "\"up == 1\"",
    "[]",
    "[1]",
    "[\"x\", {}]",
    "{}",
    "{\"bogus\": 1}",
    "{\"env\": \"X\"}",
    "{\"file\": \"\"}",
    "\"counter\"",
    "\"info\"",
    "\"red\"",
    "4294967296",
    "256",
    "-0.0",
    "\"ümlaut\"",
];

fn mutate(value: &mut Value, rng: &mut Seeded) {
    let mut all = Vec::new();
    pointers(value, String::new(), &mut all);
    let target = all[rng.below(all.len())].clone();
    let Some(slot) = value.pointer_mut(&target) else {
        return;
    };
    match rng.below(6) {
        // Another value in place.
        0..=2 => *slot = serde_json::from_str(REPLACEMENTS[rng.below(REPLACEMENTS.len())]).unwrap(),
        // An unknown or a misspelt key.
        3 => {
            if let Value::Object(map) = slot {
                let key = match map.keys().nth(rng.below(map.len())) {
                    Some(k) if rng.below(2) == 0 => format!("{k}s"),
                    _ => "bogus_field".to_string(),
                };
                map.insert(key, json!("x"));
            } else {
                *slot = json!({"unexpected": true});
            }
        }
        // A key removed (a required one, sometimes).
        4 => {
            if let Value::Object(map) = slot {
                if let Some(k) = map.keys().nth(rng.below(map.len())).cloned() {
                    map.shift_remove(&k);
                }
            }
        }
        // A list emptied, or an item duplicated.
        _ => {
            if let Value::Array(items) = slot {
                if items.is_empty() || rng.below(2) == 0 {
                    items.clear();
                } else {
                    let item = items[rng.below(items.len())].clone();
                    items.push(item);
                }
            } else if let Value::String(s) = slot {
                s.push_str(" !");
            }
        }
    }
}

#[test]
fn same_verdicts_and_violations_on_specs_and_their_mutations() {
    let both = Both::new(monctl::schema::schema());
    let specs = spec_values();
    assert!(
        specs.len() >= 20,
        "too few spec files found: {}",
        specs.len()
    );
    for (name, value) in &specs {
        both.agree(value, name);
    }
    let mut rng = Seeded(0x5EED_CAFE_F00D_D00D);
    let (mut tried, mut invalid) = (0, 0);
    for round in 0..4000 {
        let (name, original) = &specs[round % specs.len()];
        let mut value = original.clone();
        for _ in 0..=rng.below(3) {
            mutate(&mut value, &mut rng);
        }
        tried += 1;
        if !both.agree(&value, &format!("mutation {round} of {name}")) {
            invalid += 1;
        }
    }
    // The mutations must mostly break the schema, or they would prove little.
    assert!(
        invalid * 2 > tried,
        "only {invalid} of {tried} mutations were invalid"
    );
}

#[test]
fn keywords_the_spec_schema_does_not_use_yet_agree_too() {
    let schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "properties": {
            "set": {"type": "array", "uniqueItems": true, "minItems": 1, "maxItems": 3, "items": {"type": ["string", "integer"]}},
            "short": {"type": "string", "maxLength": 3, "minLength": 1},
            "ratio": {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1},
            "both": {"allOf": [{"type": "integer"}, {"minimum": 2}]},
            "nothing": false,
            "either": {"oneOf": [{"type": "integer"}, {"type": "number"}]},
            "tree": {"$ref": "#"},
            "level": {"enum": ["a", "b", "c", "d", "e"]},
            "nullable": {"type": ["null", "boolean"]},
            "names": {"type": "object", "additionalProperties": false, "patternProperties": {"^[a-zA-Z_][a-zA-Z0-9_]*$": {"type": "string"}}},
            "metric": {"type": "string", "pattern": "^[a-zA-Z_:][a-zA-Z0-9_:]*$"}
        },
        "patternProperties": {"^x-": {"type": "string"}},
        "additionalProperties": {"type": "integer"}
    });
    let both = Both::new(&schema);
    let cases = [
        json!({"set": [1, 1.0]}),
        json!({"set": []}),
        json!({"set": ["a", "b", "c", "d"]}),
        json!({"set": [true, 1.5]}),
        json!({"short": "abcd"}),
        json!({"short": ""}),
        json!({"short": "äöü"}),
        json!({"ratio": 0}),
        json!({"ratio": 1.0}),
        json!({"ratio": 0.5}),
        json!({"both": 1}),
        json!({"both": 2.5}),
        json!({"nothing": 1}),
        json!({"either": 1}),
        json!({"either": 1.5}),
        json!({"either": "x"}),
        json!({"tree": {"tree": {"short": "toolong"}}}),
        json!({"level": "z"}),
        json!({"level": 1}),
        json!({"nullable": 0}),
        json!({"x-a": 1, "other": "s", "x-b": "ok", "n": 3}),
        json!([]),
        json!({"names": {"ok_1": "v", "a-b": "v", "9x": "v", "ü": "v", "": "v", "_": 1}}),
        json!({"metric": "a:b_1"}),
        json!({"metric": "9abc"}),
        json!({"metric": ""}),
        json!({"metric": "abc\n"}),
        json!({"metric": "äbc"}),
    ];
    for case in &cases {
        both.agree(case, "a synthetic case");
    }
}

#[test]
fn a_schema_keyword_the_validator_does_not_implement_is_refused() {
    for keyword in [
        "dependentRequired",
        "if",
        "unevaluatedProperties",
        "prefixItems",
        "contains",
    ] {
        let schema = json!({"$defs": {"Job": {"type": "object", keyword: {}}}});
        let err = Compiled::new(&schema).expect_err("an unknown keyword must be refused");
        assert_eq!(err.location, format!("/$defs/Job/{keyword}"));
        assert!(err.message.contains("not implemented"), "{}", err.message);
    }
    // A pattern whose meaning differs between ECMA-262 and Rust regexes is refused too.
    let err = Compiled::new(&json!({"pattern": "^\\d+$"})).unwrap_err();
    assert_eq!(err.location, "/pattern");
    // The spec's own schema compiles (what the loader relies on).
    Compiled::new(monctl::schema::schema()).unwrap();
}
