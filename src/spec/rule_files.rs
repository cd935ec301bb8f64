//! The rule files groups are written to (`rules/<stem>.yml`): the stem made from a group's `file`
//! or name — portable and stable (ASCII letters, digits, `-` and `_`; other ASCII characters
//! become `-`, every other character its code point, `日本` -> `u65e5u672c`) — and the load-time
//! checks that every stem can be a file name on every system and that no two groups meant for
//! different files end up in one.

use super::{RuleGroup, Spec};
use crate::codes::{DUPLICATE_DEFINITION, INVALID_VALUE};
use crate::diagnostic::{Diagnostic, SpecPath};
use std::collections::HashMap;

/// The longest stem: a file name is at most 255 bytes on the common file systems, and the stem
/// gets `.yml`.
pub const MAX_STEM_BYTES: usize = 250;

/// Names Windows reserves for devices, whatever the extension.
const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// The file stem for a group's `file` or name.
pub fn stem(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
            out.push(c);
        } else if c.is_ascii() {
            out.push('-');
        } else {
            out.push_str(&format!("u{:04x}", c as u32));
        }
    }
    out
}

/// What the group's file is named from, and where in the spec.
fn source(group: &RuleGroup, path: &SpecPath) -> (String, SpecPath) {
    match &group.file {
        Some(file) => (file.clone(), path.key("file")),
        None => (group.name.clone(), path.key("name")),
    }
}

fn shown(text: &str) -> String {
    if text.chars().count() > 40 {
        format!("{}…", text.chars().take(40).collect::<String>())
    } else {
        text.to_string()
    }
}

/// Stems that cannot be file names, and groups of different names or files sharing one.
pub fn check(spec: &Spec) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // Per stem, case folded (macOS and Windows do not tell `API` from `api`): the first
    // group's raw name or file, its name and path.
    let mut seen: HashMap<String, (String, String, SpecPath)> = HashMap::new();
    for (g, group) in spec.rules.groups.iter().enumerate() {
        let gpath = SpecPath::root().key("rules").key("groups").index(g);
        let (raw, at) = source(group, &gpath);
        let stem = stem(&raw);
        if stem.is_empty() && group.file.is_some() {
            out.push(
                Diagnostic::error(INVALID_VALUE, at, "the rule file name is empty").with_help(
                    "name the file (`file: api`) or remove `file` to use the group's name",
                ),
            );
            continue;
        }
        if stem.len() > MAX_STEM_BYTES {
            out.push(
                Diagnostic::error(
                    INVALID_VALUE,
                    at,
                    format!(
                        "`{}` cannot be a file name: rules/<name>.yml would be {} bytes long, at most {} fit",
                        shown(&raw),
                        stem.len() + 4,
                        MAX_STEM_BYTES + 4
                    ),
                )
                .with_help("give the group a shorter name, or `file: <short name>` for its rule file"),
            );
            continue;
        }
        if RESERVED.contains(&stem.to_ascii_lowercase().as_str()) {
            out.push(
                Diagnostic::error(
                    INVALID_VALUE,
                    at,
                    format!(
                        "`{raw}` cannot be a file name: Windows reserves `{stem}` for a device"
                    ),
                )
                .with_help("give the group's rule file another name with `file:`"),
            );
            continue;
        }
        let key = stem.to_ascii_lowercase();
        match seen.get(&key) {
            Some((first_raw, first_name, first_path)) if *first_raw != raw => {
                let mut d = Diagnostic::error(
                    DUPLICATE_DEFINITION,
                    at,
                    format!(
                        "rule groups `{}` and `{}` would both be written to rules/{stem}.yml",
                        shown(first_name),
                        shown(&group.name)
                    ),
                )
                .with_help("give one of them `file: <another name>` (groups meant to share a file name the same `file`)");
                d.related_paths.push(first_path.clone());
                out.push(d);
            }
            Some(_) => {}
            None => {
                seen.insert(key, (raw, group.name.clone(), at));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::stem;

    #[test]
    fn stems_are_portable_and_distinct() {
        assert_eq!(stem("api-alerts_v2"), "api-alerts_v2");
        assert_eq!(stem("api alerts/v2"), "api-alerts-v2");
        assert_eq!(stem("日本"), "u65e5u672c");
        assert_ne!(stem("日本"), stem("中国"));
        assert_eq!(stem("café"), "cafu00e9");
    }
}
