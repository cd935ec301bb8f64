//! Credentials recognisable by their shape alone, wherever they stand in a string: vendors' token
//! formats (Slack `xoxb-`, GitHub `ghp_` / `github_pat_`, GitLab `glpat-`, AWS `AKIA`, Google
//! `AIza`, Stripe `sk_live_`, SendGrid `SG.`, npm `npm_`, Telegram bot tokens), JSON Web Tokens,
//! PEM private-key blocks, and a whole value that is an HTTP authorization (`Bearer ...`).

use super::Kind;

/// A credential found in a text: what it is and its byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
}

fn is_token_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// The end of the run of bytes from `from` that satisfy `ok`.
fn run_end(bytes: &[u8], from: usize, ok: impl Fn(u8) -> bool) -> usize {
    let mut i = from;
    while i < bytes.len() && ok(bytes[i]) {
        i += 1;
    }
    i
}

/// A vendor token prefix, the characters its body takes and the body's least length.
struct Prefix {
    prefix: &'static str,
    vendor: &'static str,
    min_body: usize,
    body: fn(u8) -> bool,
    /// The body has both letters and digits (fewer false alarms on words).
    mixed: bool,
}

fn alnum(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}
fn upper_alnum(b: u8) -> bool {
    b.is_ascii_uppercase() || b.is_ascii_digit()
}

const PREFIXES: &[Prefix] = &[
    Prefix {
        prefix: "xoxb-",
        vendor: "Slack",
        min_body: 10,
        body: is_token_char,
        mixed: false,
    },
    Prefix {
        prefix: "xoxp-",
        vendor: "Slack",
        min_body: 10,
        body: is_token_char,
        mixed: false,
    },
    Prefix {
        prefix: "xoxa-",
        vendor: "Slack",
        min_body: 10,
        body: is_token_char,
        mixed: false,
    },
    Prefix {
        prefix: "xoxo-",
        vendor: "Slack",
        min_body: 10,
        body: is_token_char,
        mixed: false,
    },
    Prefix {
        prefix: "xoxs-",
        vendor: "Slack",
        min_body: 10,
        body: is_token_char,
        mixed: false,
    },
    Prefix {
        prefix: "xoxr-",
        vendor: "Slack",
        min_body: 10,
        body: is_token_char,
        mixed: false,
    },
    Prefix {
        prefix: "xapp-",
        vendor: "Slack",
        min_body: 10,
        body: is_token_char,
        mixed: false,
    },
    Prefix {
        prefix: "ghp_",
        vendor: "GitHub",
        min_body: 30,
        body: alnum,
        mixed: false,
    },
    Prefix {
        prefix: "gho_",
        vendor: "GitHub",
        min_body: 30,
        body: alnum,
        mixed: false,
    },
    Prefix {
        prefix: "ghu_",
        vendor: "GitHub",
        min_body: 30,
        body: alnum,
        mixed: false,
    },
    Prefix {
        prefix: "ghs_",
        vendor: "GitHub",
        min_body: 30,
        body: alnum,
        mixed: false,
    },
    Prefix {
        prefix: "ghr_",
        vendor: "GitHub",
        min_body: 30,
        body: alnum,
        mixed: false,
    },
    Prefix {
        prefix: "github_pat_",
        vendor: "GitHub",
        min_body: 20,
        body: is_token_char,
        mixed: false,
    },
    Prefix {
        prefix: "glpat-",
        vendor: "GitLab",
        min_body: 20,
        body: is_token_char,
        mixed: false,
    },
    Prefix {
        prefix: "AKIA",
        vendor: "AWS",
        min_body: 16,
        body: upper_alnum,
        mixed: false,
    },
    Prefix {
        prefix: "ASIA",
        vendor: "AWS",
        min_body: 16,
        body: upper_alnum,
        mixed: false,
    },
    Prefix {
        prefix: "AIza",
        vendor: "Google",
        min_body: 35,
        body: is_token_char,
        mixed: false,
    },
    Prefix {
        prefix: "sk_live_",
        vendor: "Stripe",
        min_body: 16,
        body: alnum,
        mixed: false,
    },
    Prefix {
        prefix: "rk_live_",
        vendor: "Stripe",
        min_body: 16,
        body: alnum,
        mixed: false,
    },
    Prefix {
        prefix: "sk_test_",
        vendor: "Stripe",
        min_body: 16,
        body: alnum,
        mixed: false,
    },
    Prefix {
        prefix: "whsec_",
        vendor: "Stripe",
        min_body: 24,
        body: alnum,
        mixed: false,
    },
    Prefix {
        prefix: "npm_",
        vendor: "npm",
        min_body: 36,
        body: alnum,
        mixed: false,
    },
    Prefix {
        prefix: "sk-proj-",
        vendor: "OpenAI",
        min_body: 32,
        body: is_token_char,
        mixed: true,
    },
    Prefix {
        prefix: "sk-ant-",
        vendor: "Anthropic",
        min_body: 32,
        body: is_token_char,
        mixed: true,
    },
    Prefix {
        prefix: "hvs.",
        vendor: "Vault",
        min_body: 24,
        body: is_token_char,
        mixed: true,
    },
    Prefix {
        prefix: "dop_v1_",
        vendor: "DigitalOcean",
        min_body: 32,
        body: alnum,
        mixed: false,
    },
    Prefix {
        prefix: "pypi-",
        vendor: "PyPI",
        min_body: 32,
        body: is_token_char,
        mixed: false,
    },
];

fn mixed(body: &[u8]) -> bool {
    body.iter().any(u8::is_ascii_digit) && body.iter().any(u8::is_ascii_alphabetic)
}

/// The bytes some vendor prefix starts with: every other token start is passed over at once.
const PREFIX_FIRST_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < PREFIXES.len() {
        table[PREFIXES[i].prefix.as_bytes()[0] as usize] = true;
        i += 1;
    }
    table
};

fn boundary_before(bytes: &[u8], i: usize) -> bool {
    i == 0 || !is_token_char(bytes[i - 1])
}

/// Vendor tokens in `text`: one pass over the text, trying the prefixes only where a token can
/// start (a hit's own body is not searched again; `find` keeps the first of overlapping hits).
fn vendor_tokens(text: &str, out: &mut Vec<Hit>) {
    let bytes = text.as_bytes();
    let mut start = 0;
    while start < bytes.len() {
        let mut next = start + 1;
        if PREFIX_FIRST_BYTES[bytes[start] as usize] && boundary_before(bytes, start) {
            let rest = &bytes[start..];
            for p in PREFIXES {
                if !rest.starts_with(p.prefix.as_bytes()) {
                    continue;
                }
                let body_start = start + p.prefix.len();
                let end = run_end(bytes, body_start, p.body);
                let body = &bytes[body_start..end];
                if body.len() >= p.min_body && (!p.mixed || mixed(body)) {
                    out.push(Hit {
                        kind: Kind::VendorToken(p.vendor),
                        start,
                        end,
                    });
                    next = end;
                    break;
                }
            }
        }
        start = next;
    }
    sendgrid(text, out);
    telegram(text, out);
}

/// SendGrid: `SG.` + 22 + `.` + 43 characters.
fn sendgrid(text: &str, out: &mut Vec<Hit>) {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(found) = text[from..].find("SG.") {
        let start = from + found;
        from = start + 3;
        let a_end = run_end(bytes, start + 3, is_token_char);
        if a_end - (start + 3) >= 16 && bytes.get(a_end) == Some(&b'.') {
            let b_end = run_end(bytes, a_end + 1, is_token_char);
            if b_end - (a_end + 1) >= 30 && boundary_before(bytes, start) {
                out.push(Hit {
                    kind: Kind::VendorToken("SendGrid"),
                    start,
                    end: b_end,
                });
                from = b_end;
            }
        }
    }
}

/// Telegram bot tokens: 8-10 digits, `:`, 35 token characters.
fn telegram(text: &str, out: &mut Vec<Hit>) {
    let bytes = text.as_bytes();
    for (colon, _) in text.match_indices(':') {
        let mut start = colon;
        while start > 0 && bytes[start - 1].is_ascii_digit() {
            start -= 1;
        }
        let digits = colon - start;
        let end = run_end(bytes, colon + 1, is_token_char);
        if (8..=10).contains(&digits)
            && end - colon > 30
            && boundary_before(bytes, start)
            && mixed(&bytes[colon + 1..end])
        {
            out.push(Hit {
                kind: Kind::VendorToken("Telegram"),
                start,
                end,
            });
        }
    }
}

/// JSON Web Tokens: `eyJ<header>.eyJ<payload>.<signature>` (base64url, JSON objects).
fn jwts(text: &str, out: &mut Vec<Hit>) {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(found) = text[from..].find("eyJ") {
        let start = from + found;
        from = start + 3;
        let h_end = run_end(bytes, start, is_token_char);
        if h_end - start < 10 || bytes.get(h_end) != Some(&b'.') {
            continue;
        }
        if !text[h_end + 1..].starts_with("eyJ") {
            continue;
        }
        let p_end = run_end(bytes, h_end + 1, is_token_char);
        if p_end - h_end - 1 < 10 || bytes.get(p_end) != Some(&b'.') {
            continue;
        }
        let s_end = run_end(bytes, p_end + 1, is_token_char);
        if s_end - p_end > 10 && boundary_before(bytes, start) {
            out.push(Hit {
                kind: Kind::Jwt,
                start,
                end: s_end,
            });
            from = s_end;
        }
    }
}

/// PEM private keys: from `-----BEGIN ... PRIVATE KEY-----` to its END line (or the text's end).
fn pem_private_keys(text: &str, out: &mut Vec<Hit>) {
    let mut from = 0;
    while let Some(found) = text[from..].find("-----BEGIN ") {
        let start = from + found;
        let header_end = match text[start + 11..].find("-----") {
            Some(e) => start + 11 + e,
            None => break,
        };
        let label = &text[start + 11..header_end];
        from = header_end + 5;
        if !label.contains("PRIVATE KEY") {
            continue;
        }
        let end_marker = format!("-----END {label}-----");
        let end = text[from..]
            .find(&end_marker)
            .map(|e| from + e + end_marker.len())
            .unwrap_or(text.len());
        out.push(Hit {
            kind: Kind::PrivateKey,
            start,
            end,
        });
        from = end;
    }
}

/// A whole value that is an HTTP authorization: a scheme and one credential word.
pub fn authorization_value(value: &str) -> Option<Hit> {
    let v = value.trim();
    let (scheme, credential) = v.split_once(' ')?;
    let scheme_ok = [
        "bearer", "basic", "token", "bot", "apikey", "key", "sso-key", "splunk", "genieKey",
    ]
    .iter()
    .any(|s| scheme.eq_ignore_ascii_case(s));
    let credential = credential.trim();
    if !scheme_ok
        || credential.len() < 8
        || credential.contains(char::is_whitespace)
        || super::reference::starts_reference(credential)
    {
        return None;
    }
    let start = value.len() - value.trim_start().len() + v.len() - credential.len();
    Some(Hit {
        kind: Kind::Authorization,
        start,
        end: start + credential.len(),
    })
}

/// Every credential recognisable by its shape in `text`, in order, not overlapping.
pub fn find(text: &str) -> Vec<Hit> {
    let mut out = Vec::new();
    pem_private_keys(text, &mut out);
    jwts(text, &mut out);
    vendor_tokens(text, &mut out);
    out.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
    let mut kept: Vec<Hit> = Vec::new();
    for h in out {
        if kept.last().is_none_or(|k| h.start >= k.end) {
            kept.push(h);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Kind> {
        find(text).into_iter().map(|h| h.kind).collect()
    }

    #[test]
    fn vendor_tokens_jwts_and_keys() {
        assert_eq!(kinds("token xoxb-1234567890-abcdefghij here").len(), 1);
        assert_eq!(kinds("ghp_abcdefghijklmnopqrstuvwxyz0123456789").len(), 1);
        assert_eq!(kinds("AKIAIOSFODNN7EXAMPLE").len(), 1);
        assert_eq!(kinds("AIzaSyA1234567890abcdefghijklmnopqrstuv").len(), 1);
        assert_eq!(
            kinds("123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawq").len(),
            1
        );
        assert_eq!(
            kinds("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"),
            vec![Kind::Jwt]
        );
        let pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----\n";
        assert_eq!(kinds(pem), vec![Kind::PrivateKey]);
        assert!(kinds("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----").is_empty());
        // Words and identifiers are not tokens.
        assert!(kinds("sum(rate(http_requests_total[5m])) by (job)").is_empty());
        assert!(kinds("AKIA is a prefix").is_empty());
        assert!(kinds("time 12:30:00 and 2024-01-01T10:00:00Z").is_empty());
    }

    #[test]
    fn every_token_of_a_text_is_found_once() {
        let ghp = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";
        let slack = "xoxb-1234567890-abcdefghij";
        // A too-short candidate before a real token, two vendors, a prefix inside a word.
        let text =
            format!("ghp_short {ghp}, then {slack}; xghp_abcdefghijklmnopqrstuvwxyz0123456789");
        let hits = find(&text);
        let found: Vec<&str> = hits.iter().map(|h| &text[h.start..h.end]).collect();
        assert_eq!(found, vec![ghp, slack]);
        assert_eq!(
            kinds(&format!("{ghp}{ghp}")),
            vec![Kind::VendorToken("GitHub")]
        );
    }

    #[test]
    fn authorization_values() {
        assert!(authorization_value("Bearer abcdefgh12345").is_some());
        assert!(authorization_value("Basic dXNlcjpwYXNzd29yZA==").is_some());
        assert!(authorization_value("Bearer ${TOKEN}").is_none());
        assert!(authorization_value("Bearer authentication failed").is_none());
    }
}
