//! The credential detector: one place that decides whether a string of the spec is, or carries,
//! a password, token or key. Every section uses it — the X001 rule over the whole spec, K002 over
//! service environments, the routing section's typed secret fields (S014), `generate`'s refusal,
//! and the redaction of every diagnostic and snippet (`****`).
//!
//! A value is judged by its name (a field, header, query parameter or environment variable named
//! like a credential, see [`names`]), by URLs inside it ([`url`]: userinfo, query, webhook paths)
//! by its shape ([`shapes`]: vendor tokens, JWTs, PEM private keys, `Bearer ...`), and by the
//! assignments inside it (`--db.password=...`, `PGPASSWORD=...`).
//! References and placeholders (`${NAME}`, `{file: ...}`, `<token>`, see [`reference`]) never are.
//! Findings say what was found and where in the value (a byte range), never the value itself.

mod assignments;
mod gate;
pub mod names;
mod redact;
pub mod reference;
pub mod shapes;
pub mod url;
mod walk;

pub use gate::{opt_outs, refuse_leaks, without_opt_outs};
// The scan itself: callers go through `Model::spec_secrets`, which keeps its result.
pub(crate) use gate::spec_secrets;
pub use names::{is_secret_name, NameKind};
pub use redact::{line_secrets, redact, redact_diagnostics, redact_line, MASK};
pub use reference::is_reference;
pub use walk::{scan, Placement, SpecSecret};

use shapes::Hit;

/// What kind of credential a value holds or carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A value whose name says it is a credential (`password`, `bot_token`, `Authorization`).
    Named,
    /// A whole value that is an HTTP authorization (`Bearer ...`, `Basic ...`).
    Authorization,
    /// A URL's or DSN's userinfo password (`user:pass@host`).
    UrlPassword,
    /// A token in a URL's query (`?apikey=...`).
    UrlQuery,
    /// A webhook URL whose path is its secret (the service named).
    WebhookPath(&'static str),
    /// A vendor's token format (the vendor named).
    VendorToken(&'static str),
    /// A JSON Web Token.
    Jwt,
    /// A PEM private key block.
    PrivateKey,
}

impl Kind {
    /// A phrase for messages (never the value).
    pub fn describe(&self) -> String {
        match self {
            Kind::Named => "a credential written as a literal".into(),
            Kind::Authorization => "an HTTP authorization credential".into(),
            Kind::UrlPassword => "a password in a URL's userinfo (user:password@host)".into(),
            Kind::UrlQuery => "a token in a URL's query string".into(),
            Kind::WebhookPath(service) => {
                format!("a {service} webhook URL (its path is the secret)")
            }
            Kind::VendorToken(vendor) => format!("a {vendor} token"),
            Kind::Jwt => "a JSON Web Token".into(),
            Kind::PrivateKey => "a PEM private key".into(),
        }
    }
}

/// A credential inside a value: its kind and byte range in the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Finding {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
}

impl From<Hit> for Finding {
    fn from(h: Hit) -> Self {
        Finding {
            kind: h.kind,
            start: h.start,
            end: h.end,
        }
    }
}

/// Credentials carried inside free text (an annotation, a template, a URL, a replacement):
/// URLs with credentials and shaped tokens.
pub fn in_text(text: &str) -> Vec<Finding> {
    let mut hits = url::find(text);
    hits.extend(shapes::find(text));
    hits.extend(assignments::find(text));
    hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
    let mut out: Vec<Finding> = Vec::new();
    for h in hits {
        if out.last().is_none_or(|k| h.start >= k.end) {
            out.push(h.into());
        }
    }
    out
}

/// Credentials in a value named `name` (used as `kind`): the whole value when the name says it
/// is one, else what the value carries (including a scheme-less `user:pass@host`).
pub fn in_named(name: &str, kind: NameKind, value: &str) -> Vec<Finding> {
    if reference::is_reference(value) {
        return Vec::new();
    }
    if is_secret_name(name, kind) {
        // A URL under a credential's name: point at the credential inside it when there is one.
        let inside = in_text(value);
        if !inside.is_empty() {
            return inside;
        }
        if let Some(h) = shapes::authorization_value(value) {
            return vec![h.into()];
        }
        let start = value.len() - value.trim_start().len();
        return vec![Finding {
            kind: Kind::Named,
            start,
            end: start + value.trim().len(),
        }];
    }
    let mut out = in_text(value);
    if out.is_empty() {
        if let Some(h) = shapes::authorization_value(value).or_else(|| url::bare_userinfo(value)) {
            out.push(h.into());
        }
    }
    if out.is_empty() {
        out.extend(url::path_query(value).into_iter().map(Finding::from));
    }
    out
}

/// Credentials in a spec field `name: value`.
pub fn in_field(name: &str, value: &str) -> Vec<Finding> {
    in_named(name, NameKind::Field, value)
}

/// True when a URL carries a credential (userinfo password, query token, webhook path, token).
pub fn url_carries_credentials(url: &str) -> bool {
    !in_text(url).is_empty() || url::bare_userinfo(url).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_by_name_and_by_content() {
        assert_eq!(in_field("smtp_auth_password", "hunter2").len(), 1);
        assert!(in_field("smtp_auth_password", "${SMTP_PASSWORD}").is_empty());
        assert!(in_field("password_file", "/etc/secret").is_empty());
        assert!(in_field("username", "alerts@example.com").is_empty());
        assert_eq!(in_field("url", "https://u:p@host/x").len(), 1);
        assert!(in_field("url", "https://example.com/api/v1/write").is_empty());
        let f = in_field("targets", "admin:hunter2@node:9100");
        assert_eq!((f[0].start, f[0].end), (6, 13));
        assert_eq!(
            in_named("Authorization", NameKind::Header, "Bearer abc123def").len(),
            1
        );
        assert_eq!(
            in_field("summary", "key ghp_abcdefghijklmnopqrstuvwxyz0123456789").len(),
            1
        );
        assert!(in_field("summary", "{{ $labels.instance }} is down").is_empty());
    }
}
