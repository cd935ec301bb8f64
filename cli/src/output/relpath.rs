//! Relative paths inside the output folder: what an artifact, a manifest entry or a journal entry
//! may name. Only plain `/`-separated names, never `..`, an absolute path or monctl's own files.

use std::path::{Component, Path};

/// Names starting with this are monctl's own bookkeeping (manifest, transaction folder, temporary
/// files); no artifact may use one.
pub const RESERVED_PREFIX: &str = ".monctl-";

/// Checks that `rel` names a file strictly inside the output folder.
pub fn check(rel: &str) -> Result<(), String> {
    let bad = |why: &str| {
        Err(format!(
            "`{rel}` is not a path inside the output folder ({why})"
        ))
    };
    if rel.is_empty() {
        return bad("empty");
    }
    if rel.contains('\\') || rel.contains('\0') {
        return bad("it holds a backslash or a NUL byte");
    }
    for part in rel.split('/') {
        let mut components = Path::new(part).components();
        let single_normal =
            matches!(components.next(), Some(Component::Normal(_))) && components.next().is_none();
        if part.is_empty() || part == "." || part == ".." || !single_normal {
            return bad("only plain names separated by `/` are allowed");
        }
    }
    Ok(())
}

/// Checks `rel` like [`check`] and also that no part of it is one of monctl's reserved names.
pub fn check_artifact(rel: &str) -> Result<(), String> {
    check(rel)?;
    if rel.split('/').any(|p| p.starts_with(RESERVED_PREFIX)) {
        return Err(format!(
            "`{rel}` uses a name starting with `{RESERVED_PREFIX}`, which monctl keeps for itself"
        ));
    }
    Ok(())
}

/// The folders above `rel`, outermost first: `a/b/c.yml` -> `a`, `a/b`.
pub fn ancestors(rel: &str) -> Vec<&str> {
    rel.match_indices('/').map(|(i, _)| &rel[..i]).collect()
}

/// The folder holding `rel` (`""` for the output folder itself).
pub fn parent(rel: &str) -> &str {
    rel.rfind('/').map_or("", |i| &rel[..i])
}

/// `dir/name`, or `name` when `dir` is the output folder itself.
pub fn join(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        name.to_string()
    } else {
        format!("{dir}/{name}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_relative_names_pass() {
        for ok in [
            "prometheus.yml",
            "rules/a.yml",
            "templates/x.tmpl",
            ".hidden/x",
        ] {
            assert!(check(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "/etc/passwd",
            "../x",
            "a/../../x",
            "a//b",
            "a/./b",
            "a\\b",
            "a/",
        ] {
            assert!(check(bad).is_err(), "{bad}");
        }
        assert!(check_artifact(".monctl-manifest.json").is_err());
        assert!(check_artifact("rules/.monctl-new-1").is_err());
    }

    #[test]
    fn ancestors_and_parent() {
        assert_eq!(ancestors("a/b/c.yml"), vec!["a", "a/b"]);
        assert!(ancestors("c.yml").is_empty());
        assert_eq!(parent("a/b/c.yml"), "a/b");
        assert_eq!(parent("c.yml"), "");
        assert_eq!(join("", "x"), "x");
        assert_eq!(join("a", "x"), "a/x");
    }
}
