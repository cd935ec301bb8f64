//! The stable codes of the findings monctl reports while loading a spec (family S: the spec's
//! syntax and structure), with a name, a summary and an explanation each. `monctl explain CODE`
//! prints them; the check engine's rule families register beside these.

/// Documentation of one diagnostic code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeDoc {
    pub code: &'static str,
    pub name: &'static str,
    pub summary: &'static str,
    pub explanation: &'static str,
}

pub const YAML_SYNTAX: &str = "S001";
pub const INPUT_LIMIT: &str = "S002";
pub const DUPLICATE_KEY: &str = "S003";
pub const UNKNOWN_FIELD: &str = "S004";
pub const INVALID_VALUE: &str = "S005";
pub const MERGE_CONFLICT: &str = "S006";
pub const INVALID_PROMQL: &str = "S007";
pub const INVALID_REGEX: &str = "S008";
pub const INVALID_FIELD_COMBINATION: &str = "S009";
pub const DUPLICATE_DEFINITION: &str = "S010";
pub const UNKNOWN_REFERENCE: &str = "S011";
pub const INVALID_MATCHER: &str = "S012";
pub const DEPRECATED_FIELD: &str = "S013";
pub const LITERAL_SECRET: &str = "S014";
pub const IO: &str = "S000";

pub const LOAD_CODES: &[CodeDoc] = &[
    CodeDoc {
        code: IO,
        name: "unreadable-source",
        summary: "A spec file could not be read.",
        explanation: "The path does not exist, is not readable, or is not UTF-8 text.\n\nFix: check the path and the file's encoding.",
    },
    CodeDoc {
        code: YAML_SYNTAX,
        name: "yaml-syntax",
        summary: "The file is not valid YAML or JSON.",
        explanation: "monctl reads YAML 1.2 (JSON is a subset). A syntax error stops the file from being read at all.\n\nBad:\n```yaml\njobs: [api, web\n```\nGood:\n```yaml\njobs: [api, web]\n```",
    },
    CodeDoc {
        code: INPUT_LIMIT,
        name: "input-limit",
        summary: "The input exceeds a size, nesting or alias-expansion limit.",
        explanation: "Specs are bounded (4 MiB a file, 64 levels of nesting, one million values after alias expansion) so that a broken or hostile file cannot exhaust memory, in the CLI or in the browser.\n\nFix: split the spec into several files, or remove recursive anchors/aliases.",
    },
    CodeDoc {
        code: DUPLICATE_KEY,
        name: "duplicate-key",
        summary: "A mapping has the same key twice.",
        explanation: "YAML forbids duplicate keys; many parsers silently keep the last one, so half of what you wrote is ignored.\n\nFix: remove or merge one of the two entries.",
    },
    CodeDoc {
        code: UNKNOWN_FIELD,
        name: "unknown-field",
        summary: "A field the spec does not have (often a typo).",
        explanation: "Every section of the spec is typed; an unknown field would otherwise be silently dropped from the generated configuration.\n\nBad:\n```yaml\nscrape:\n  jobs:\n    - job_name: api\n      scrape_intervall: 10s\n```\nGood:\n```yaml\n      scrape_interval: 10s\n```",
    },
    CodeDoc {
        code: INVALID_VALUE,
        name: "invalid-value",
        summary: "A value has the wrong type or format (a duration, a name, an enum...).",
        explanation: "Values are checked against the spec's JSON Schema: durations use Prometheus' syntax (30s, 5m, 1h30m), metric and label names their character sets, enums their listed values.\n\nBad:\n```yaml\nfor: 5 minutes\n```\nGood:\n```yaml\nfor: 5m\n```",
    },
    CodeDoc {
        code: MERGE_CONFLICT,
        name: "merge-conflict",
        summary: "Two spec files set the same value.",
        explanation: "A folder of spec files is merged into one spec: lists are concatenated and mappings merged, but a single value may be set in only one file.\n\nFix: keep the value in one file.",
    },
    CodeDoc {
        code: INVALID_PROMQL,
        name: "invalid-promql",
        summary: "A PromQL expression does not parse.",
        explanation: "Rule expressions are parsed when the spec is loaded, so a typo fails here and not when Prometheus loads the rule file.\n\nBad:\n```yaml\nexpr: sum(rate(http_requests_total[5m]) > 1\n```\nGood:\n```yaml\nexpr: sum(rate(http_requests_total[5m])) > 1\n```",
    },
    CodeDoc {
        code: INVALID_REGEX,
        name: "invalid-regex",
        summary: "A regular expression does not compile.",
        explanation: "Relabel regexes are RE2 expressions that Prometheus anchors at both ends (`^(?:regex)$`).\n\nBad:\n```yaml\nregex: ([^:]+:(.*)\n```\nGood:\n```yaml\nregex: ([^:]+):(.*)\n```",
    },
    CodeDoc {
        code: INVALID_FIELD_COMBINATION,
        name: "invalid-field-combination",
        summary: "Fields that the target tool rejects together, or a required one missing.",
        explanation: "Some fields depend on each other: a `hashmod` relabel needs `modulus` and `target_label`, `labeldrop` takes only `regex`, a rule is either an alert or a recording rule, a scrape timeout may not exceed its interval. Prometheus rejects such configurations at load.\n\nFix: follow the message; it names the fields involved.",
    },
    CodeDoc {
        code: DUPLICATE_DEFINITION,
        name: "duplicate-definition",
        summary: "Two definitions share a name that must be unique.",
        explanation: "Scrape job names, metric names and rule group names (within a rule file) identify what they define; a second definition would clash in the generated configuration.\n\nFix: rename or remove one of them; the message names both places.",
    },
    CodeDoc {
        code: UNKNOWN_REFERENCE,
        name: "unknown-reference",
        summary: "A name that refers to nothing defined (a catalog pack, a job).",
        explanation: "Names used as references must resolve: a scrape job's `packs` must name bundled catalog packs, a metric's `jobs` must name scrape jobs.\n\nFix: correct the name; the help line suggests the closest defined one.",
    },
    CodeDoc {
        code: INVALID_MATCHER,
        name: "invalid-matcher",
        summary: "An Alertmanager label matcher does not parse.",
        explanation: "Route and inhibition matchers use Alertmanager's syntax: a label name, one of `=`, `!=`, `=~`, `!~`, and a value, usually double-quoted. Regex values must compile (they are anchored at both ends). Alertmanager refuses to load a configuration with a bad matcher.\n\nBad:\n```yaml\nmatchers: ['severity=\"critical']\n```\nGood:\n```yaml\nmatchers: ['severity=\"critical\"', 'team=~\"db|web\"']\n```",
    },
    CodeDoc {
        code: DEPRECATED_FIELD,
        name: "deprecated-field",
        summary: "A field Alertmanager has deprecated (match, match_re, source_match, ...).",
        explanation: "`match` and `match_re` on routes, and `source_match`, `source_match_re`, `target_match`, `target_match_re` on inhibition rules, are deprecated in Alertmanager in favour of matcher lists. monctl accepts them and writes the equivalent `matchers` / `source_matchers` / `target_matchers`.\n\nBad:\n```yaml\nmatch: {severity: critical}\n```\nGood:\n```yaml\nmatchers: ['severity=\"critical\"']\n```",
    },
    CodeDoc {
        code: LITERAL_SECRET,
        name: "literal-secret",
        summary: "A secret (password, API key, token URL) is written literally in the spec.",
        explanation: "A literal secret ends up in the generated alertmanager.yml and in version control, so it is an error and `generate` does not write it. Reference it instead: `{file: PATH}` renders as the field's `*_file` form, read by Alertmanager at run time; `{env: NAME}` renders as `${NAME}`, substituted when the configuration is deployed. A throwaway value of a test setup can be kept with a `lint.test_secrets` entry naming its path and a reason (see `monctl explain X001`); the value is never shown in a message.\n\nBad:\n```yaml\nsmtp_auth_password: hunter2\n```\nGood:\n```yaml\nsmtp_auth_password: {file: /etc/alertmanager/secrets/smtp-password}\n```",
    },
];

/// The help line of a load-stage finding that has no more specific one: what to do, and where
/// to read more.
pub fn default_help(code: &str) -> String {
    let what = match code {
        YAML_SYNTAX => "check the indentation (spaces, not tabs), a space after each `:`, and quotes around values that start with `*`, `&`, `!`, `{`, `[`, `%`, `@` or a backtick",
        INPUT_LIMIT => "split the spec into smaller files, or remove deep nesting and recursive aliases",
        DUPLICATE_KEY => "remove or merge one of the two entries",
        UNKNOWN_FIELD => "remove the field or correct its name; `monctl schema` lists the fields of every section",
        INVALID_VALUE => "give the field a value of the type it takes; `monctl schema` shows what every field takes",
        MERGE_CONFLICT => "set the value in one spec file only",
        INVALID_PROMQL => "fix the expression; `promtool check rules` would reject it too",
        INVALID_REGEX => "fix the regular expression (RE2 syntax, as Prometheus and Alertmanager use)",
        INVALID_FIELD_COMBINATION => "remove one of the conflicting fields",
        DUPLICATE_DEFINITION => "rename or remove one of the two definitions",
        UNKNOWN_REFERENCE => "define what is referenced, or correct the name",
        INVALID_MATCHER => "write the matcher as Alertmanager does: name=\"value\", name!=\"value\", name=~\"regex\" or name!~\"regex\"",
        DEPRECATED_FIELD => "write the current form the message names",
        LITERAL_SECRET => "reference the secret instead: `{file: PATH}` or `{env: NAME}`",
        IO => "check the path, its permissions and its encoding (UTF-8)",
        _ => "see `monctl explain` for this code",
    };
    format!("{what} (`monctl explain {code}` says more)")
}

/// Documentation of a load-stage code.
pub fn load_code_doc(code: &str) -> Option<&'static CodeDoc> {
    LOAD_CODES
        .iter()
        .find(|doc| doc.code.eq_ignore_ascii_case(code) || doc.name == code)
}

pub use crate::suggest::did_you_mean;
