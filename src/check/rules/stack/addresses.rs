//! What the address rules (K007, K008) share: reading `host[:port]` out of a URL or an address
//! as the tools write them, and telling a Compose service name from an external host.

/// A host and its port, when the text names one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    pub host: String,
    pub port: Option<u16>,
    /// `http`, `https`, `redis`, ... when written as a URL.
    pub scheme: Option<String>,
}

impl Address {
    /// The port, or the scheme's default one.
    pub fn port_or_default(&self) -> Option<u16> {
        self.port.or(match self.scheme.as_deref() {
            Some("http") => Some(80),
            Some("https") => Some(443),
            Some("redis") => Some(6379),
            _ => None,
        })
    }
}

fn host_port(text: &str) -> Option<(String, Option<u16>)> {
    let (host, port) = match text.rsplit_once(':') {
        Some((h, p)) => (h, Some(p.parse::<u16>().ok().filter(|p| *p > 0)?)),
        None => (text, None),
    };
    let valid = !host.is_empty()
        && host.len() <= 253
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
        && !host.starts_with(['-', '.'])
        && host.chars().any(|c| c.is_ascii_alphabetic());
    valid.then(|| (host.to_ascii_lowercase(), port))
}

/// `scheme://[user[:password]@]host[:port][/path]`.
pub fn from_url(text: &str) -> Option<Address> {
    let (scheme, rest) = text.trim().split_once("://")?;
    if scheme.is_empty()
        || !scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    let authority = authority.rsplit_once('@').map_or(authority, |(_, a)| a);
    let (host, port) = host_port(authority)?;
    Some(Address {
        host,
        port,
        scheme: Some(scheme.to_ascii_lowercase()),
    })
}

/// A URL, or `host:port` with a port (a bare word is not taken for a host).
pub fn parse(text: &str) -> Option<Address> {
    if text.contains("://") {
        return from_url(text);
    }
    let (host, port) = host_port(text.trim())?;
    port?;
    Some(Address {
        host,
        port,
        scheme: None,
    })
}

/// The addresses in a value: the whole value, each `,`-separated item, and the `(host:port)`
/// of a MySQL DSN (`user:pass@tcp(host:port)/db`).
pub fn in_value(text: &str) -> Vec<Address> {
    if let Some(a) = parse(text) {
        return vec![a];
    }
    let mut out: Vec<Address> = text
        .split(',')
        .filter_map(|item| parse(item.trim()))
        .collect();
    if out.is_empty() {
        if let Some(inner) = text.split_once('(').and_then(|(_, r)| r.split_once(')')) {
            out.extend(parse(inner.0));
        }
    }
    out
}

/// Inside a container `localhost` is the container itself.
pub fn is_loopback(host: &str) -> bool {
    matches!(
        host,
        "localhost" | "127.0.0.1" | "::1" | "[::1]" | "0.0.0.0"
    )
}

/// A one-label name (no dot): on the Compose network, a service's name; with dots, a host
/// outside the stack (`es.example.com`, `host.docker.internal`), which monctl does not judge.
pub fn is_service_like(host: &str) -> bool {
    !host.contains('.') && !is_loopback(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_urls_addresses_and_dsns() {
        let a = from_url("http://user:pw@elasticsearch:9200/_bulk").unwrap();
        assert_eq!((a.host.as_str(), a.port), ("elasticsearch", Some(9200)));
        assert_eq!(
            from_url("https://es.example.com")
                .unwrap()
                .port_or_default(),
            Some(443)
        );
        assert_eq!(parse("mysql:3306").unwrap().host, "mysql");
        assert_eq!(parse("production"), None);
        assert_eq!(parse("-Xms512m"), None);
        assert_eq!(parse("12:30"), None);
        let dsn = in_value("root:pw@tcp(mysql:3306)/");
        assert_eq!(dsn.len(), 1);
        assert_eq!(dsn[0].host, "mysql");
        assert_eq!(in_value("es1:9200,es2:9200").len(), 2);
        assert!(is_service_like("alertmanger"));
        assert!(!is_service_like("api.example.com"));
        assert!(!is_service_like("localhost"));
    }
}
