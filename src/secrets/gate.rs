//! What keeps credentials out of the generated files whatever the lint settings: the spec's
//! explicit per-value opt-outs (`lint.test_secrets`, each with a reason), and the refusal that
//! `generate` applies — every credential of the spec not opted out, and any credential found in a
//! generated file's text, stops generation with an error.

use super::walk::{scan, Placement, SpecSecret};
use super::Kind;
use crate::codes::UNKNOWN_REFERENCE;
use crate::diagnostic::{Diagnostic, SpecPath};
use crate::generate::Artifact;
use crate::spec::Spec;

/// Codes that report a literal credential (the ones an opt-out silences).
pub const SECRET_CODES: &[&str] = &[crate::codes::LITERAL_SECRET, "X001", "K002"];

/// Every credential written in the typed spec.
pub fn spec_secrets(spec: &Spec) -> Vec<SpecSecret> {
    serde_json::to_value(spec)
        .map(|v| scan(&v))
        .unwrap_or_default()
}

/// The spec paths opted out by `lint.test_secrets`, and errors for entries that do not parse
/// or name no literal credential (`literal_paths`: the typed fields holding literals, S014's).
pub fn opt_outs(
    spec: &Spec,
    found: &[SpecSecret],
    literal_paths: &[SpecPath],
) -> (Vec<SpecPath>, Vec<Diagnostic>) {
    let mut paths = Vec::new();
    let mut errors = Vec::new();
    for (i, entry) in spec.lint.test_secrets.iter().enumerate() {
        let at = SpecPath::root()
            .key("lint")
            .key("test_secrets")
            .index(i)
            .key("path");
        let Some(path) = SpecPath::parse(entry.path.trim()).filter(|p| !p.0.is_empty()) else {
            errors.push(
                Diagnostic::error(UNKNOWN_REFERENCE, at, format!("`{}` is not a spec path", entry.path))
                    .with_help("write the path as monctl's finding names it, e.g. routing.receivers[0].email_configs[0].auth_password"),
            );
            continue;
        };
        let names_one = found.iter().any(|s| s.path == path) || literal_paths.contains(&path);
        if !names_one {
            errors.push(
                Diagnostic::error(
                    UNKNOWN_REFERENCE,
                    at,
                    format!("`{path}` holds no literal credential"),
                )
                .with_help("a test secret names the exact value a secret finding (S014, X001, K002) points at; remove the entry if that value is now a reference"),
            );
            continue;
        }
        paths.push(path);
    }
    (paths, errors)
}

/// `diagnostics` without the secret findings about opted-out values.
pub fn without_opt_outs(diagnostics: &mut Vec<Diagnostic>, allowed: &[SpecPath]) {
    if allowed.is_empty() {
        return;
    }
    diagnostics.retain(|d| !(SECRET_CODES.contains(&d.code) && allowed.contains(&d.path)));
}

/// The errors that stop `generate`: every credential not opted out, whether or not a lint
/// setting silenced its finding, and every credential visible in a generated file.
pub fn refuse_leaks(
    found: &[SpecSecret],
    allowed: &[SpecPath],
    artifacts: &[Artifact],
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for s in found.iter().filter(|s| !allowed.contains(&s.path)) {
        let code = match s.placement {
            Placement::Environment => "K002",
            Placement::Spec => "X001",
        };
        let mut d = Diagnostic::error(
            code,
            s.path.clone(),
            format!(
                "generate refuses to write {} (`{}`) into the generated files",
                s.finding.kind.describe(),
                s.path
            ),
        )
        .with_help("reference it (`{file: PATH}`, `{env: NAME}` or ${NAME}); lint settings do not change this, only a `lint.test_secrets` entry for a test value does");
        d.value_span = Some((s.finding.start, s.finding.end - s.finding.start));
        out.push(d);
    }
    // Credentials of the spec are reported above (or opted out); the files are searched for others.
    let known: Vec<&str> = found.iter().map(|s| s.secret.as_str()).collect();
    for artifact in artifacts {
        // One search of the whole file (a PEM key spans lines); a hit's line is counted only
        // for the rare hit.
        let content = artifact.content.as_str();
        for f in super::in_text(content) {
            let text = &content[f.start..f.end];
            if known.iter().any(|k| k.contains(text) || text.contains(k)) {
                continue;
            }
            let n = content[..f.start].matches('\n').count();
            out.push(
                    Diagnostic::error(
                        "X001",
                        SpecPath::root(),
                        format!(
                            "generate refuses to write {} into {} (line {})",
                            f.kind.describe(),
                            artifact.path,
                            n + 1
                        ),
                    )
                    .with_help("a value derived from the spec carries a credential; reference it in the spec instead"),
                );
            if out.len() > 1000 {
                return out;
            }
        }
    }
    out
}

impl SpecSecret {
    /// What the finding is, for messages.
    pub fn kind(&self) -> Kind {
        self.finding.kind
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn artifact(path: &str, content: &str) -> Artifact {
        Artifact {
            path: path.into(),
            content: content.into(),
        }
    }

    #[test]
    fn a_credential_in_a_generated_file_is_refused_at_its_line() {
        let key =
            "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----";
        let artifacts = [
            artifact("clean.yml", "a: 1\nb: https://example.com/x\n"),
            artifact(
                "leaky.yml",
                &format!("a: 1\nurl: https://user:s3cret-pw@db.example.com/\nkey: |\n{key}\n"),
            ),
        ];
        let messages: Vec<String> = refuse_leaks(&[], &[], &artifacts)
            .into_iter()
            .map(|d| d.message)
            .collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(
            messages[0].contains("into leaky.yml (line 2)"),
            "{messages:?}"
        );
        assert!(
            messages[1].contains("into leaky.yml (line 4)"),
            "{messages:?}"
        );
    }

    #[test]
    fn a_credential_of_the_spec_is_not_reported_again_in_the_files() {
        let artifacts = [artifact("a.yml", "url: https://user:s3cret-pw@db/\n")];
        let found = scan(&serde_json::json!({"x": {"url": "https://user:s3cret-pw@db/"}}));
        assert_eq!(found.len(), 1);
        let errors = refuse_leaks(&found, &[], &artifacts);
        assert_eq!(errors.len(), 1, "only the spec's own finding: {errors:?}");
        assert_eq!(errors[0].path.to_string(), "x.url");
    }
}
