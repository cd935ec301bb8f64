//! Credentials carried by URLs: a password in the userinfo (`https://user:pass@host`, also
//! without a scheme as in scrape targets and DSNs: `user:pass@host:9100`), a token in the query
//! (`?apikey=`, `?access_token=`, `?sig=`), or a webhook whose path is its token (Slack, Discord,
//! Telegram, Microsoft Teams, Feishu, Mattermost-style `/hooks/<key>`).

use super::names::{is_secret_name, NameKind};
use super::reference::starts_reference;
use super::shapes::Hit;
use super::Kind;

/// Webhook services whose URL path holds the secret: host (suffix), path prefix, and how many
/// path segments after the prefix are the secret.
const PATH_TOKENS: &[(&str, &str, &str)] = &[
    ("hooks.slack.com", "/services/", "Slack"),
    ("hooks.slack.com", "/workflows/", "Slack"),
    ("hooks.slack.com", "/triggers/", "Slack"),
    ("discord.com", "/api/webhooks/", "Discord"),
    ("discordapp.com", "/api/webhooks/", "Discord"),
    ("api.telegram.org", "/bot", "Telegram"),
    ("webhook.office.com", "/webhookb2/", "Microsoft Teams"),
    ("open.feishu.cn", "/open-apis/bot/v2/hook/", "Feishu"),
    ("open.larksuite.com", "/open-apis/bot/v2/hook/", "Lark"),
    ("events.pagerduty.com", "/integration/", "PagerDuty"),
];

fn url_char(c: char) -> bool {
    !c.is_whitespace() && !matches!(c, '"' | '\'' | '<' | '>' | '`' | '|' | '\\')
}

/// The URLs in `text`: byte ranges starting at their scheme.
fn urls(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = text[from..].find("://") {
        let sep = from + found;
        let start = text[..sep]
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
            .last()
            .map(|(i, _)| i)
            .unwrap_or(sep);
        let end = text[sep..]
            .char_indices()
            .find(|(_, c)| !url_char(*c))
            .map(|(i, _)| sep + i)
            .unwrap_or(text.len());
        if start < sep {
            out.push((start, end));
        }
        from = end.max(sep + 3);
    }
    out
}

/// The password of a `user:password@host` authority, as a range inside `authority`.
fn userinfo_password(authority: &str) -> Option<(usize, usize)> {
    let at = authority.rfind('@')?;
    let userinfo = &authority[..at];
    let (user, password) = userinfo.split_once(':')?;
    let host = &authority[at + 1..];
    if password.is_empty()
        || host.is_empty()
        || starts_reference(password)
        || user.contains(char::is_whitespace)
        || host.starts_with("sha256:")
        || user.eq_ignore_ascii_case("mailto")
    {
        return None;
    }
    let start = user.len() + 1;
    Some((start, start + password.len()))
}

/// Credentials in one URL (`url` is the URL's text, `base` its offset in the value).
fn in_url(url: &str, base: usize, out: &mut Vec<Hit>) {
    let Some((_, rest)) = url.split_once("://") else {
        return;
    };
    let rest_at = url.len() - rest.len();
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    if let Some((s, e)) = userinfo_password(authority) {
        out.push(Hit {
            kind: Kind::UrlPassword,
            start: base + rest_at + s,
            end: base + rest_at + e,
        });
    }
    let host = authority
        .rsplit('@')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let host = host.split(':').next().unwrap_or("");
    let path_and_query = &rest[authority_end..];
    let path_end = path_and_query
        .find(['?', '#'])
        .unwrap_or(path_and_query.len());
    let path = &path_and_query[..path_end];
    for (service_host, prefix, service) in PATH_TOKENS {
        let host_ok = host == *service_host || host.ends_with(&format!(".{service_host}"));
        if let (true, Some(tail)) = (host_ok, path.strip_prefix(prefix)) {
            if !tail.is_empty() && !starts_reference(tail) {
                let start = base + rest_at + authority_end + prefix.len();
                out.push(Hit {
                    kind: Kind::WebhookPath(service),
                    start,
                    end: start + tail.len(),
                });
            }
        }
    }
    // Generic incoming-webhook keys (Mattermost, Rocket.Chat): `/hooks/<long key>`.
    if let Some(i) = path.find("/hooks/") {
        let tail = &path[i + 7..];
        let key = tail.split('/').next().unwrap_or("");
        let long_key = key.len() >= 20
            && key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
            && key.bytes().any(|b| b.is_ascii_digit())
            && key.bytes().any(|b| b.is_ascii_alphabetic());
        if long_key && !out.iter().any(|h| matches!(h.kind, Kind::WebhookPath(_))) {
            let start = base + rest_at + authority_end + i + 7;
            out.push(Hit {
                kind: Kind::WebhookPath("incoming webhook"),
                start,
                end: start + tail.len(),
            });
        }
    }
    if path_end < path_and_query.len() && path_and_query[path_end..].starts_with('?') {
        let query_at = base + rest_at + authority_end + path_end + 1;
        let query = &path_and_query[path_end + 1..];
        let query = &query[..query.find('#').unwrap_or(query.len())];
        query_tokens(query, query_at, out);
    }
}

/// Token parameters of a query string (`a=1&apikey=...`), `at` its offset in the value.
pub fn query_tokens(query: &str, at: usize, out: &mut Vec<Hit>) {
    let mut offset = 0;
    for pair in query.split('&') {
        if let Some((name, value)) = pair.split_once('=') {
            if is_secret_name(name, NameKind::Query) && !starts_reference(value) {
                let start = at + offset + name.len() + 1;
                out.push(Hit {
                    kind: Kind::UrlQuery,
                    start,
                    end: start + value.len(),
                });
            }
        }
        offset += pair.len() + 1;
    }
}

/// Token parameters of a value that is a path with a query (`/metrics?token=...`, as a scrape
/// job's `metrics_path` or an Alertmanager endpoint's `path_prefix`).
pub fn path_query(value: &str) -> Vec<Hit> {
    let mut out = Vec::new();
    if value.starts_with('/') && !value.contains(char::is_whitespace) {
        if let Some(q) = value.find('?') {
            let query = &value[q + 1..];
            let query = &query[..query.find('#').unwrap_or(query.len())];
            query_tokens(query, q + 1, &mut out);
        }
    }
    out
}

/// Credentials in the URLs written anywhere in `text`.
pub fn find(text: &str) -> Vec<Hit> {
    let mut out = Vec::new();
    for (start, end) in urls(text) {
        in_url(&text[start..end], start, &mut out);
    }
    out
}

/// A value that is, as a whole, an authority or DSN with a password and no scheme:
/// `user:pass@host:9100` (a scrape target), `root:pw@(mysql:3306)/` (a Go MySQL DSN).
pub fn bare_userinfo(value: &str) -> Option<Hit> {
    if value.contains("://") || value.contains(char::is_whitespace) {
        return None;
    }
    let authority_end = value.find(['/', '?', '#']).unwrap_or(value.len());
    // A DSN's host may be in parentheses, with a path after: keep the `@` in the first part.
    let at = value.rfind('@')?;
    let cut = if at < authority_end {
        authority_end
    } else {
        value.len()
    };
    let (s, e) = userinfo_password(&value[..cut])?;
    if value[..s].contains('/') {
        return None;
    }
    Some(Hit {
        kind: Kind::UrlPassword,
        start: s,
        end: e,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Kind> {
        find(text).into_iter().map(|h| h.kind).collect()
    }

    #[test]
    fn urls_with_credentials() {
        let text = "see https://user:s3cret@grafana.example.com/d/x now";
        let hits = find(text);
        assert_eq!(hits.len(), 1);
        assert_eq!(&text[hits[0].start..hits[0].end], "s3cret");
        let text = "https://oapi.dingtalk.com/robot/send?access_token=abc123";
        assert_eq!(&text[find(text)[0].start..], "abc123");
        assert_eq!(
            kinds("https://api.example.com/v1?apikey=k1&x=2"),
            vec![Kind::UrlQuery]
        );
        assert_eq!(kinds("https://hooks.slack.com/services/T0/B0/XYZ").len(), 1);
        assert_eq!(
            kinds("https://discord.com/api/webhooks/123/abcDEF").len(),
            1
        );
        assert_eq!(
            kinds("https://api.telegram.org/bot123:ABC/sendMessage").len(),
            1
        );
        assert_eq!(
            kinds("http://mm.example.com/hooks/xk7f3q9a2b4c6d8e0f1g2h3i4j").len(),
            1
        );
    }

    #[test]
    fn normal_urls_are_not_credentials() {
        for text in [
            "https://example.com/api/v1/write",
            "http://alertmanager:9093/api/v2/alerts",
            "https://grafana.example.com/d/abc?var-instance={{ $labels.instance }}&orgId=1",
            "https://api.example.com/v1?apikey=${API_KEY}",
            "https://user@example.com/",
            "https://hooks.slack.com/services/${SLACK_PATH}",
            "http://localhost:5001/hooks/alerts",
            "https://runbooks.example.com/alerts/HighLatency#token-expiry",
        ] {
            assert!(kinds(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn bare_userinfo_in_targets_and_dsns() {
        assert!(bare_userinfo("admin:hunter2@node1:9100").is_some());
        assert!(bare_userinfo("root:rootpassword@(mysql:3306)/").is_some());
        assert!(bare_userinfo("node1:9100").is_none());
        assert!(bare_userinfo("alerts@example.com").is_none());
        assert!(bare_userinfo("nginx:1.25@sha256:abcdef").is_none());
        assert!(bare_userinfo("u:${PASS}@h").is_none());
    }
}
