//! Load-time validation of the routing section: everything Alertmanager (and so `amtool
//! check-config`) rejects when it loads a configuration — undefined receivers and time intervals,
//! bad matchers, regexes and label names, invalid URLs and host:port pairs, missing required
//! fields and their global defaults, duplicate names — plus warnings for deprecated matcher forms
//! and literal secrets.

use super::matcher::MatcherText;
use super::receiver::{HttpConfig, Receiver};
use super::secret::Secret;
use super::time::{parse_interval, parse_time_range, RangeKind};
use super::{Route, Routing, Template};
use crate::codes::{
    did_you_mean, DEPRECATED_FIELD, DUPLICATE_DEFINITION, INVALID_FIELD_COMBINATION,
    INVALID_MATCHER, INVALID_REGEX, INVALID_VALUE, LITERAL_SECRET, UNKNOWN_REFERENCE,
};
use crate::diagnostic::{Diagnostic, SpecPath};
use crate::spec::types::LABEL_NAME_PATTERN;
use regex::Regex;
use std::collections::{BTreeMap, HashMap};

mod notifiers;

/// Diagnostics (paths only) for the spec's routing section, if it has one.
pub fn validate(spec: &crate::spec::Spec) -> Vec<Diagnostic> {
    spec.routing
        .as_ref()
        .map(validate_routing)
        .unwrap_or_default()
}

/// Diagnostics (paths only) for a routing section.
pub fn validate_routing(routing: &Routing) -> Vec<Diagnostic> {
    let mut v = Validator {
        out: Vec::new(),
        label_name: crate::regexes::compile(LABEL_NAME_PATTERN).expect("static pattern"),
        receivers: routing.receivers.iter().map(|r| r.name.clone()).collect(),
        intervals: routing
            .time_intervals
            .iter()
            .map(|t| t.name.clone())
            .collect(),
    };
    let root = SpecPath::root().key("routing");
    v.global(routing, &root.key("global"));
    v.root_route(&routing.route, &root.key("route"));
    v.receivers(routing, &root.key("receivers"));
    v.inhibit_rules(routing, &root.key("inhibit_rules"));
    v.time_intervals(routing, &root.key("time_intervals"));
    v.templates(&routing.templates, &root.key("templates"));
    if let Some(recorder) = &routing.event_recorder {
        v.event_recorder(recorder, &root.key("event_recorder"));
    }
    if let Some(bridge) = &routing.dingtalk_bridge {
        v.url(&bridge.url, &root.key("dingtalk_bridge").key("url"));
    }
    v.out
}

struct Validator {
    out: Vec<Diagnostic>,
    label_name: Regex,
    receivers: Vec<String>,
    intervals: Vec<String>,
}

/// Where Alertmanager can read a secret from a file, and the field it uses for it.
#[derive(Clone, Copy)]
enum FileForm {
    /// `<field>_file` (or the named field) exists.
    Supported,
    /// Alertmanager reads this secret only inline: a file reference is an error.
    Unsupported,
}

impl Validator {
    fn error(&mut self, code: &'static str, path: SpecPath, message: String, help: &str) {
        self.out
            .push(Diagnostic::error(code, path, message).with_help(help));
    }

    fn combination(&mut self, path: SpecPath, message: impl Into<String>, help: &str) {
        self.error(INVALID_FIELD_COMBINATION, path, message.into(), help);
    }

    fn label(&mut self, name: &str, path: SpecPath, what: &str) {
        if !self.label_name.is_match(name) {
            let message = match what {
                "group_by" => format!("invalid label name \"{name}\" in group_by list"),
                "equal" => format!("invalid label name \"{name}\" in equal list"),
                _ => format!("invalid label name \"{name}\" in {what}"),
            };
            self.error(
                INVALID_VALUE,
                path,
                message,
                "label names use letters, digits and _, and do not start with a digit",
            );
        }
    }

    fn url(&mut self, url: &str, path: &SpecPath) {
        if let Err(problem) = check_url(url) {
            self.error(
                INVALID_VALUE,
                path.clone(),
                format!("`{url}` is not a valid URL: {problem}"),
                "Alertmanager takes http:// or https:// URLs with a host",
            );
        }
    }

    fn host_port(&mut self, value: &str, path: SpecPath) {
        let ok = match value.rsplit_once(':') {
            Some((host, port)) => {
                !port.is_empty()
                    && (!host.contains(':') || (host.starts_with('[') && host.ends_with(']')))
            }
            None => false,
        };
        if !ok {
            self.error(
                INVALID_VALUE,
                path,
                format!("`{value}` is not host:port"),
                "give the SMTP server as host:port, e.g. smtp.example.com:587",
            );
        }
    }

    fn secret(&mut self, secret: &Secret, path: SpecPath, what: &str, form: FileForm) {
        match secret {
            Secret::Literal(_) => self.out.push(
                Diagnostic::error(
                    LITERAL_SECRET,
                    path,
                    format!("{what} is written literally; it would be copied into alertmanager.yml"),
                )
                .with_help(match form {
                    FileForm::Supported => "reference it instead: `{file: /path/to/secret}` (read by Alertmanager) or `{env: NAME}` (substituted at deploy time)",
                    FileForm::Unsupported => "reference it instead: `{env: NAME}` (substituted at deploy time; Alertmanager has no file form for this field)",
                }),
            ),
            Secret::File(f) => {
                if matches!(form, FileForm::Unsupported) {
                    self.combination(
                        path,
                        format!("Alertmanager cannot read {what} from a file"),
                        "use `{env: NAME}` for this field",
                    );
                } else if f.file.trim().is_empty() {
                    self.error(INVALID_VALUE, path, "the secret's file path is empty".into(), "give the path of the file holding the secret");
                }
            }
            Secret::Env(e) => {
                let valid = e.env.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                    && e.env.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                if !valid {
                    self.error(
                        INVALID_VALUE,
                        path.key("env"),
                        format!("`{}` is not an environment variable name", e.env),
                        "use letters, digits and _, not starting with a digit, e.g. SMTP_PASSWORD",
                    );
                }
            }
        }
    }

    /// A URL that may be a secret reference: literal URLs are validated (and warned about when
    /// `always_secret` or when they carry credentials).
    fn secret_url(&mut self, secret: &Secret, path: SpecPath, what: &str, always_secret: bool) {
        match secret {
            Secret::Literal(url) => {
                self.url(url, &path);
                if always_secret || url_has_credentials(url) {
                    self.secret(secret, path, what, FileForm::Supported);
                }
            }
            other => self.secret(other, path, what, FileForm::Supported),
        }
    }

    fn http_config(&mut self, http: &Option<HttpConfig>, path: SpecPath) {
        let Some(http) = http else { return };
        if let Some(basic) = &http.basic_auth {
            self.secret(
                &basic.password,
                path.key("basic_auth").key("password"),
                "the basic-auth password",
                FileForm::Supported,
            );
        }
        if let Some(auth) = &http.authorization {
            self.secret(
                &auth.credentials,
                path.key("authorization").key("credentials"),
                "the authorization credentials",
                FileForm::Supported,
            );
        }
        if http.basic_auth.is_some() && http.authorization.is_some() {
            self.combination(
                path.clone(),
                "basic_auth and authorization are both set",
                "an HTTP client uses one authentication method; keep one",
            );
        }
        if http.oauth2.is_some() && (http.basic_auth.is_some() || http.authorization.is_some()) {
            self.combination(
                path.clone(),
                "at most one of basic_auth, oauth2 & authorization must be configured",
                "an HTTP client uses one authentication method; keep one",
            );
        }
        if http.no_proxy.is_some() && http.proxy_url.is_none() {
            self.combination(
                path.clone(),
                "if no_proxy is configured, proxy_url must also be configured",
                "set proxy_url, or remove no_proxy",
            );
        }
        if http.proxy_from_environment == Some(true)
            && (http.proxy_url.is_some() || http.no_proxy.is_some())
        {
            self.combination(
                path.clone(),
                "if proxy_from_environment is configured, proxy_url and no_proxy must not be configured",
                "keep proxy_from_environment, or the explicit proxy settings",
            );
        }
        // Go's url.Parse takes almost any text (`foo` is a relative URL): only white space fails.
        if let Some(proxy) = &http.proxy_url {
            if proxy.chars().any(|c| c.is_whitespace() || c.is_control()) {
                self.url(proxy, &path.key("proxy_url"));
            }
        }
    }

    fn matcher_texts(&mut self, texts: &[MatcherText], path: SpecPath) {
        for (i, text) in texts.iter().enumerate() {
            if let Err(message) = &text.parsed {
                self.error(
                    INVALID_MATCHER,
                    path.index(i),
                    format!("`{}` is not a valid matcher: {message}", text.text),
                    "write label, operator (= != =~ !~) and a double-quoted value, e.g. severity=\"critical\"",
                );
            }
        }
    }

    fn deprecated_maps(
        &mut self,
        maps: &[(&str, &BTreeMap<String, String>, bool)],
        path: &SpecPath,
        replacement: &str,
    ) {
        for (field, map, is_regex) in maps {
            if map.is_empty() {
                continue;
            }
            let field_path = path.key(*field);
            let converted: Vec<String> = map
                .iter()
                .map(|(k, v)| {
                    let op = if *is_regex {
                        super::MatchOp::Regex
                    } else {
                        super::MatchOp::Equal
                    };
                    format!("'{}'", super::Matcher::new(k.clone(), op, v.clone()))
                })
                .collect();
            self.out.push(
                Diagnostic::warning(
                    DEPRECATED_FIELD,
                    field_path.clone(),
                    format!("`{field}` is deprecated in Alertmanager"),
                )
                .with_help(format!(
                    "write `{replacement}: [{}]`; monctl generates that form",
                    converted.join(", ")
                )),
            );
            for (key, value) in map.iter() {
                self.label(key, field_path.key(key), field);
                if *is_regex {
                    if let Err(e) = crate::regexes::matcher(value) {
                        self.error(
                            INVALID_REGEX,
                            field_path.key(key),
                            format!(
                                "regex does not compile: {}",
                                first_error_line(&e.to_string())
                            ),
                            "Alertmanager anchors matcher regexes at both ends (RE2 syntax)",
                        );
                    }
                }
            }
        }
    }

    fn global(&mut self, routing: &Routing, path: &SpecPath) {
        let g = &routing.global;
        if let Some(host) = &g.smtp_smarthost {
            self.host_port(host, path.key("smtp_smarthost"));
        }
        if let Some(s) = &g.smtp_auth_password {
            self.secret(
                s,
                path.key("smtp_auth_password"),
                "the SMTP password",
                FileForm::Supported,
            );
        }
        if let Some(s) = &g.smtp_auth_secret {
            self.secret(
                s,
                path.key("smtp_auth_secret"),
                "the SMTP CRAM-MD5 secret",
                FileForm::Supported,
            );
        }
        if let Some(s) = &g.slack_api_url {
            self.secret_url(s, path.key("slack_api_url"), "the Slack webhook URL", true);
        }
        if let Some(s) = &g.opsgenie_api_key {
            self.secret(
                s,
                path.key("opsgenie_api_key"),
                "the OpsGenie API key",
                FileForm::Supported,
            );
        }
        if let Some(s) = &g.wechat_api_secret {
            self.secret(
                s,
                path.key("wechat_api_secret"),
                "the WeChat API secret",
                FileForm::Supported,
            );
        }
        for (field, value) in [
            ("pagerduty_url", &g.pagerduty_url),
            ("opsgenie_api_url", &g.opsgenie_api_url),
            ("wechat_api_url", &g.wechat_api_url),
            ("telegram_api_url", &g.telegram_api_url),
        ] {
            if let Some(url) = value {
                self.url(url, &path.key(field));
            }
        }
        self.http_config(&g.http_config, path.key("http_config"));
        self.global_notifiers(g, path);
    }

    fn root_route(&mut self, route: &Route, path: &SpecPath) {
        if route.receiver.as_deref().unwrap_or("").is_empty() {
            self.combination(
                path.clone(),
                "root route must specify a default receiver",
                "the root route is the fallback for every alert: set `receiver:` to a defined receiver",
            );
        }
        if !route.matchers.is_empty() || !route.match_.is_empty() || !route.match_re.is_empty() {
            self.combination(
                path.key("matchers"),
                "root route must not have any matchers",
                "the root route must match every alert; move the matchers to a child route",
            );
        }
        for (field, set) in [
            ("mute_time_intervals", !route.mute_time_intervals.is_empty()),
            (
                "active_time_intervals",
                !route.active_time_intervals.is_empty(),
            ),
        ] {
            if set {
                self.combination(
                    path.key(field),
                    format!(
                        "root route must not have any {} time intervals",
                        field.trim_end_matches("_time_intervals")
                    ),
                    "set time intervals on child routes",
                );
            }
        }
        if route.continue_ {
            self.combination(
                path.key("continue"),
                "cannot have continue in root route",
                "remove `continue` from the root route",
            );
        }
        self.route(route, path);
    }

    fn route(&mut self, route: &Route, path: &SpecPath) {
        if let Some(receiver) = &route.receiver {
            if !receiver.is_empty() && !self.receivers.contains(receiver) {
                let help = match did_you_mean(receiver, self.receivers.iter().map(String::as_str)) {
                    Some(s) => format!("did you mean `{s}`? Define it under routing.receivers or name a defined one"),
                    None => format!(
                        "define it under routing.receivers (defined: {})",
                        if self.receivers.is_empty() { "none".to_string() } else { self.receivers.join(", ") }
                    ),
                };
                self.out.push(
                    Diagnostic::error(
                        UNKNOWN_REFERENCE,
                        path.key("receiver"),
                        format!("receiver `{receiver}` is not defined (Alertmanager: undefined receiver \"{receiver}\" used in route)"),
                    )
                    .with_help(help),
                );
            }
        }
        if let Some(group_by) = &route.group_by {
            let mut seen: HashMap<&str, usize> = HashMap::new();
            let all = group_by.iter().any(|l| l == "...");
            for (i, label) in group_by.iter().enumerate() {
                let label_path = path.key("group_by").index(i);
                if label == "..." {
                    continue;
                }
                self.label(label, label_path.clone(), "group_by");
                if seen.insert(label, i).is_some() {
                    self.error(
                        INVALID_VALUE,
                        label_path,
                        format!("duplicated label \"{label}\" in group_by"),
                        "list each label once",
                    );
                }
            }
            if all && group_by.len() > 1 {
                self.combination(
                    path.key("group_by"),
                    "cannot have wildcard group_by (`...`) and other labels at the same time",
                    "`...` groups by all labels on its own; remove the other labels or the `...`",
                );
            }
        }
        for (field, value) in [
            ("group_interval", route.group_interval),
            ("repeat_interval", route.repeat_interval),
        ] {
            if value.is_some_and(|d| d.millis == 0) {
                self.error(
                    INVALID_VALUE,
                    path.key(field),
                    format!("{field} cannot be zero"),
                    "give a positive duration",
                );
            }
        }
        for (name, value) in &route.labels {
            self.label(name, path.key("labels").key(name), "route labels");
            self.template(value, path.key("labels").key(name));
        }
        self.matcher_texts(&route.matchers, path.key("matchers"));
        self.deprecated_maps(
            &[
                ("match", &route.match_, false),
                ("match_re", &route.match_re, true),
            ],
            path,
            "matchers",
        );
        for field in ["mute_time_intervals", "active_time_intervals"] {
            let names = if field == "mute_time_intervals" {
                &route.mute_time_intervals
            } else {
                &route.active_time_intervals
            };
            for (i, name) in names.iter().enumerate() {
                if !self.intervals.contains(name) {
                    let help = match did_you_mean(name, self.intervals.iter().map(String::as_str)) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => "define it under routing.time_intervals".to_string(),
                    };
                    self.out.push(
                        Diagnostic::error(
                            UNKNOWN_REFERENCE,
                            path.key(field).index(i),
                            format!("time interval `{name}` is not defined (Alertmanager: undefined time interval \"{name}\" used in route)"),
                        )
                        .with_help(help),
                    );
                }
            }
        }
        for (i, child) in route.routes.iter().enumerate() {
            self.route(child, &path.key("routes").index(i));
        }
    }

    fn receivers(&mut self, routing: &Routing, path: &SpecPath) {
        let mut seen: HashMap<&str, SpecPath> = HashMap::new();
        let g = &routing.global;
        for (i, receiver) in routing.receivers.iter().enumerate() {
            let rpath = path.index(i);
            if receiver.name.is_empty() {
                self.error(
                    INVALID_VALUE,
                    rpath.key("name"),
                    "missing name in receiver".into(),
                    "give the receiver a name that routes can refer to",
                );
            }
            if let Some(first) = seen.get(receiver.name.as_str()) {
                let mut d = Diagnostic::error(
                    DUPLICATE_DEFINITION,
                    rpath.key("name"),
                    format!(
                        "notification config name \"{}\" is not unique (first at {first})",
                        receiver.name
                    ),
                )
                .with_help("receiver names must be unique; rename or merge them");
                d.related_paths.push(first.clone());
                self.out.push(d);
            } else {
                seen.insert(&receiver.name, rpath.clone());
            }
            for (name, value) in &receiver.labels {
                self.label(name, rpath.key("labels").key(name), "receiver labels");
                if name == "name" && value != &receiver.name {
                    self.error(
                        INVALID_VALUE,
                        rpath.key("labels").key(name),
                        format!(
                            "receiver label \"name\" must match receiver name \"{}\", got \"{value}\"",
                            receiver.name
                        ),
                        "drop the `name` label (Alertmanager sets it) or give it the receiver's name",
                    );
                }
            }
            self.receiver(routing, receiver, &rpath, g);
            self.notifiers(receiver, &rpath, g);
        }
    }

    fn receiver(
        &mut self,
        routing: &Routing,
        receiver: &Receiver,
        path: &SpecPath,
        g: &super::RoutingGlobal,
    ) {
        for (j, email) in receiver.email_configs.iter().enumerate() {
            let p = path.key("email_configs").index(j);
            if email.to.trim().is_empty() {
                self.error(
                    INVALID_VALUE,
                    p.key("to"),
                    "missing to address in email config".into(),
                    "give one or more addresses, comma-separated",
                );
            }
            match (&email.smarthost, &g.smtp_smarthost) {
                (Some(host), _) => self.host_port(host, p.key("smarthost")),
                (None, None) => self.combination(
                    p.clone(),
                    "no global SMTP smarthost set: the email config has no smarthost",
                    "set routing.global.smtp_smarthost (host:port) or smarthost here",
                ),
                (None, Some(_)) => {}
            }
            if email.from.is_none() && g.smtp_from.is_none() {
                self.combination(
                    p.clone(),
                    "no global SMTP from set: the email config has no `from`",
                    "set routing.global.smtp_from or from here",
                );
            }
            if let Some(s) = &email.auth_password {
                self.secret(
                    s,
                    p.key("auth_password"),
                    "the SMTP password",
                    FileForm::Supported,
                );
            }
            if let Some(s) = &email.auth_secret {
                self.secret(
                    s,
                    p.key("auth_secret"),
                    "the SMTP CRAM-MD5 secret",
                    FileForm::Supported,
                );
            }
            let mut headers: HashMap<String, &str> = HashMap::new();
            for key in email.headers.keys() {
                let canonical = canonical_header(key);
                if let Some(first) = headers.insert(canonical.clone(), key) {
                    self.error(
                        DUPLICATE_DEFINITION,
                        p.key("headers").key(key),
                        format!("header `{key}` duplicates `{first}` (header names are case-insensitive)"),
                        "keep one of them",
                    );
                }
            }
        }
        for (j, hook) in receiver.webhook_configs.iter().enumerate() {
            let p = path.key("webhook_configs").index(j);
            self.secret_url(&hook.url, p.key("url"), "the webhook URL", false);
            self.http_config(&hook.http_config, p.key("http_config"));
        }
        for (j, slack) in receiver.slack_configs.iter().enumerate() {
            let p = path.key("slack_configs").index(j);
            match &slack.api_url {
                Some(url) => self.secret_url(url, p.key("api_url"), "the Slack webhook URL", true),
                None if g.slack_api_url.is_none()
                    && slack.app_token.is_none()
                    && g.slack_app_token.is_none() =>
                {
                    self.combination(
                        p.clone(),
                        "no Slack API URL nor App token set either inline or in a file",
                        "set api_url (an incoming webhook) or app_token (a bot token) here, or routing.global.slack_api_url or slack_app_token",
                    )
                }
                None => {}
            }
            self.slack_app(slack, &p);
            for (k, action) in slack.actions.iter().enumerate() {
                if action.url.is_none() && action.name.is_none() {
                    self.combination(
                        p.key("actions").index(k),
                        "a Slack action needs url or name",
                        "give the button's url, or a name for a message action",
                    );
                }
            }
            self.http_config(&slack.http_config, p.key("http_config"));
        }
        for (j, pd) in receiver.pagerduty_configs.iter().enumerate() {
            let p = path.key("pagerduty_configs").index(j);
            if pd.routing_key.is_none() && pd.service_key.is_none() {
                self.combination(
                    p.clone(),
                    "missing service or routing key in PagerDuty config",
                    "set routing_key (Events API v2) as a secret reference",
                );
            }
            if let Some(s) = &pd.routing_key {
                self.secret(
                    s,
                    p.key("routing_key"),
                    "the PagerDuty routing key",
                    FileForm::Supported,
                );
            }
            if let Some(s) = &pd.service_key {
                self.secret(
                    s,
                    p.key("service_key"),
                    "the PagerDuty service key",
                    FileForm::Supported,
                );
            }
            if let Some(url) = &pd.url {
                self.url(url, &p.key("url"));
            }
            self.http_config(&pd.http_config, p.key("http_config"));
        }
        for (j, og) in receiver.opsgenie_configs.iter().enumerate() {
            let p = path.key("opsgenie_configs").index(j);
            match &og.api_key {
                Some(s) => self.secret(
                    s,
                    p.key("api_key"),
                    "the OpsGenie API key",
                    FileForm::Supported,
                ),
                None if g.opsgenie_api_key.is_none() => self.combination(
                    p.clone(),
                    "no global OpsGenie API Key set either inline or in a file",
                    "set api_key here or routing.global.opsgenie_api_key",
                ),
                None => {}
            }
            if let Some(url) = &og.api_url {
                self.url(url, &p.key("api_url"));
            }
            for (k, r) in og.responders.iter().enumerate() {
                let rp = p.key("responders").index(k);
                if r.id.is_none() && r.name.is_none() && r.username.is_none() {
                    self.combination(
                        rp.clone(),
                        "an OpsGenie responder needs id, name or username",
                        "identify the responder",
                    );
                }
                let kind = r.kind.to_lowercase();
                if !r.kind.contains("{{")
                    && !["team", "teams", "user", "escalation", "schedule"].contains(&kind.as_str())
                {
                    self.error(
                        INVALID_VALUE,
                        rp.key("type"),
                        format!("`{}` is not an OpsGenie responder type", r.kind),
                        "use team, teams, user, escalation or schedule",
                    );
                }
            }
            self.http_config(&og.http_config, p.key("http_config"));
        }
        for (j, wc) in receiver.wechat_configs.iter().enumerate() {
            let p = path.key("wechat_configs").index(j);
            match &wc.api_secret {
                Some(s) => self.secret(
                    s,
                    p.key("api_secret"),
                    "the WeChat API secret",
                    FileForm::Supported,
                ),
                None if g.wechat_api_secret.is_none() => self.combination(
                    p.clone(),
                    "no global Wechat Api Secret set either inline or in a file",
                    "set api_secret here or routing.global.wechat_api_secret",
                ),
                None => {}
            }
            if wc.corp_id.is_none() && g.wechat_api_corp_id.is_none() {
                self.combination(
                    p.clone(),
                    "no global Wechat CorpID set",
                    "set corp_id here or routing.global.wechat_api_corp_id",
                );
            }
            if let Some(url) = &wc.api_url {
                self.url(url, &p.key("api_url"));
            }
            self.http_config(&wc.http_config, p.key("http_config"));
        }
        for (j, teams) in receiver.msteams_configs.iter().enumerate() {
            let p = path.key("msteams_configs").index(j);
            self.secret_url(
                &teams.webhook_url,
                p.key("webhook_url"),
                "the Teams webhook URL",
                true,
            );
            self.http_config(&teams.http_config, p.key("http_config"));
        }
        for (j, tg) in receiver.telegram_configs.iter().enumerate() {
            let p = path.key("telegram_configs").index(j);
            match &tg.bot_token {
                Some(token) => self.secret(
                    token,
                    p.key("bot_token"),
                    "the Telegram bot token",
                    FileForm::Supported,
                ),
                None if g.telegram_bot_token.is_none() => self.combination(
                    p.clone(),
                    "missing bot_token or bot_token_file on telegram_config",
                    "set bot_token here or routing.global.telegram_bot_token, as a secret reference",
                ),
                None => {}
            }
            match (tg.chat_id, &tg.chat_id_file) {
                (Some(_), Some(_)) => self.combination(
                    p.key("chat_id"),
                    "at most one of chat_id & chat_id_file must be configured",
                    "keep one of the two",
                ),
                (Some(0), None) | (None, None) => self.error(
                    INVALID_VALUE,
                    p.key("chat_id"),
                    "missing chat_id or chat_id_file on telegram_config".into(),
                    "give the chat's id (non-zero)",
                ),
                _ => {}
            }
            if let Some(url) = &tg.api_url {
                self.url(url, &p.key("api_url"));
            }
            self.http_config(&tg.http_config, p.key("http_config"));
        }
        for (j, dt) in receiver.dingtalk_configs.iter().enumerate() {
            let p = path.key("dingtalk_configs").index(j);
            if routing.dingtalk_bridge.is_none() {
                self.combination(
                    p.clone(),
                    "DingTalk configs need the DingTalk bridge, and routing.dingtalk_bridge is not set",
                    "Alertmanager has no DingTalk integration; monctl sends through a bridge: set routing.dingtalk_bridge.url (e.g. http://dingtalk-bridge:8060)",
                );
            }
            match &dt.robot_url {
                Some(url) => {
                    self.secret_url(url, p.key("robot_url"), "the DingTalk robot URL", true)
                }
                None => self.combination(
                    p.clone(),
                    "a DingTalk config needs robot_url",
                    "give the robot's webhook URL (with its access_token) as a reference: robot_url: {env: NAME}",
                ),
            }
            if let Some(s) = &dt.secret {
                self.secret(
                    s,
                    p.key("secret"),
                    "the DingTalk signing secret",
                    FileForm::Supported,
                );
            }
        }
    }

    fn inhibit_rules(&mut self, routing: &Routing, path: &SpecPath) {
        for (i, rule) in routing.inhibit_rules.iter().enumerate() {
            let p = path.index(i);
            self.matcher_texts(&rule.source_matchers, p.key("source_matchers"));
            self.matcher_texts(&rule.target_matchers, p.key("target_matchers"));
            self.deprecated_maps(
                &[
                    ("source_match", &rule.source_match, false),
                    ("source_match_re", &rule.source_match_re, true),
                ],
                &p,
                "source_matchers",
            );
            self.deprecated_maps(
                &[
                    ("target_match", &rule.target_match, false),
                    ("target_match_re", &rule.target_match_re, true),
                ],
                &p,
                "target_matchers",
            );
            for (side, old, new) in [
                (
                    "source",
                    !rule.source_match.is_empty() || !rule.source_match_re.is_empty(),
                    !rule.source_matchers.is_empty(),
                ),
                (
                    "target",
                    !rule.target_match.is_empty() || !rule.target_match_re.is_empty(),
                    !rule.target_matchers.is_empty(),
                ),
            ] {
                if old && new {
                    self.out.push(
                        Diagnostic::warning(
                            DEPRECATED_FIELD,
                            p.key(format!("{side}_matchers")),
                            format!("the {side} side mixes {side}_match/{side}_match_re with {side}_matchers"),
                        )
                        .with_help(format!(
                            "Alertmanager requires all of them to match; write them all in {side}_matchers"
                        )),
                    );
                }
            }
            for (j, label) in rule.equal.iter().enumerate() {
                self.label(label, p.key("equal").index(j), "equal");
            }
        }
    }

    fn time_intervals(&mut self, routing: &Routing, path: &SpecPath) {
        let mut seen: HashMap<&str, SpecPath> = HashMap::new();
        for (i, interval) in routing.time_intervals.iter().enumerate() {
            let p = path.index(i);
            if interval.name.is_empty() {
                self.error(
                    INVALID_VALUE,
                    p.key("name"),
                    "missing name in time interval".into(),
                    "give it a name routes can refer to",
                );
            }
            if let Some(first) = seen.get(interval.name.as_str()) {
                let mut d = Diagnostic::error(
                    DUPLICATE_DEFINITION,
                    p.key("name"),
                    format!(
                        "time interval \"{}\" is not unique (first at {first})",
                        interval.name
                    ),
                )
                .with_help("time interval names must be unique");
                d.related_paths.push(first.clone());
                self.out.push(d);
            } else {
                seen.insert(&interval.name, p.clone());
            }
            for (j, spec) in interval.time_intervals.iter().enumerate() {
                let sp = p.key("time_intervals").index(j);
                for (k, range) in spec.times.iter().enumerate() {
                    if let Err(e) = parse_time_range(range) {
                        self.error(
                            INVALID_VALUE,
                            sp.key("times").index(k),
                            e,
                            "times are HH:MM, start before end, end at most 24:00",
                        );
                    }
                }
                for (field, kind, values) in [
                    ("weekdays", RangeKind::Weekday, &spec.weekdays),
                    ("days_of_month", RangeKind::DayOfMonth, &spec.days_of_month),
                    ("months", RangeKind::Month, &spec.months),
                    ("years", RangeKind::Year, &spec.years),
                ] {
                    for (k, value) in values.iter().enumerate() {
                        if let Err(e) = parse_interval(kind, value) {
                            self.error(INVALID_VALUE, sp.key(field).index(k), e, range_help(kind));
                        }
                    }
                }
                if let Some(location) = &spec.location {
                    match location.as_str() {
                        "" | "UTC" => {}
                        "Local" => self.out.push(
                            Diagnostic::warning(
                                INVALID_VALUE,
                                sp.key("location"),
                                "`Local` is the Alertmanager host's time zone, which the spec cannot know",
                            )
                            .with_help("name the IANA time zone (e.g. Asia/Shanghai); `monctl routes` evaluates Local as UTC"),
                        ),
                        name if name.parse::<chrono_tz::Tz>().is_err() => {
                            let help = match did_you_mean(name, chrono_tz::TZ_VARIANTS.iter().map(|t| t.name())) {
                                Some(s) => format!("did you mean `{s}`? Use an IANA time zone name"),
                                None => "use an IANA time zone name such as Asia/Shanghai or Europe/Berlin".into(),
                            };
                            self.error(
                                INVALID_VALUE,
                                sp.key("location"),
                                format!("`{name}` is not a known time zone"),
                                &help,
                            );
                        }
                        _ => {}
                    }
                }
            }
        }
    }

    fn templates(&mut self, templates: &[Template], path: &SpecPath) {
        let mut seen: HashMap<&str, SpecPath> = HashMap::new();
        for (i, template) in templates.iter().enumerate() {
            let p = path.index(i);
            match template {
                Template::Files(glob) if glob.trim().is_empty() => {
                    self.error(
                        INVALID_VALUE,
                        p,
                        "template path is empty".into(),
                        "give a file path or glob",
                    );
                }
                Template::Files(_) => {}
                Template::Inline(t) => {
                    let safe = !t.name.is_empty()
                        && t.name != "."
                        && t.name != ".."
                        && t.name
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
                    if !safe {
                        self.error(
                            INVALID_VALUE,
                            p.key("name"),
                            format!("`{}` is not a plain file name", t.name),
                            "inline templates are written to templates/<name>: use letters, digits, -, _ and .",
                        );
                    }
                    if let Some(first) = seen.get(t.name.as_str()) {
                        let mut d = Diagnostic::error(
                            DUPLICATE_DEFINITION,
                            p.key("name"),
                            format!("template `{}` is defined twice (first at {first})", t.name),
                        )
                        .with_help("rename one of them");
                        d.related_paths.push(first.clone());
                        self.out.push(d);
                    } else {
                        seen.insert(&t.name, p.clone());
                    }
                    let opens = t.text.matches("{{").count();
                    let closes = t.text.matches("}}").count();
                    if opens != closes {
                        self.error(
                            INVALID_VALUE,
                            p.key("text"),
                            format!("template has {opens} `{{{{` but {closes} `}}}}`"),
                            "every action opens with {{ and closes with }}",
                        );
                    }
                }
            }
        }
    }
}

fn range_help(kind: RangeKind) -> &'static str {
    match kind {
        RangeKind::Weekday => "weekdays are names (monday) or ranges (monday:friday)",
        RangeKind::DayOfMonth => {
            "days are 1..31 or -31..-1 (from the month's end), or ranges like 1:5 or -7:-1"
        }
        RangeKind::Month => {
            "months are names (january) or numbers (1), or ranges like january:march"
        }
        RangeKind::Year => "years are numbers (2024) or ranges (2024:2026)",
    }
}

fn first_error_line(message: &str) -> &str {
    message
        .lines()
        .rev()
        .find(|l| l.trim_start().starts_with("error:"))
        .or_else(|| message.lines().next())
        .unwrap_or(message)
        .trim()
}

/// Go's `textproto.CanonicalMIMEHeaderKey` for ASCII header names: `x-custom-id` -> `X-Custom-Id`.
fn canonical_header(key: &str) -> String {
    let mut upper = true;
    key.chars()
        .map(|c| {
            let out = if upper {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            };
            upper = c == '-';
            out
        })
        .collect()
}

/// Alertmanager's URL rule: an http or https scheme and a host.
pub(crate) fn check_url(url: &str) -> Result<(), &'static str> {
    let rest = if let Some(r) = url.strip_prefix("http://") {
        r
    } else if let Some(r) = url.strip_prefix("https://") {
        r
    } else {
        return Err("the scheme must be http or https");
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    if host.is_empty() || host.starts_with(':') {
        return Err("the host is missing");
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("it contains whitespace");
    }
    Ok(())
}

/// Whether a URL carries a credential: a password in its user info, or a query parameter named
/// like a token or key.
pub(crate) fn url_has_credentials(url: &str) -> bool {
    let after_scheme = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = after_scheme
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default();
    authority.contains('@') || crate::secrets::url_carries_credentials(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_urls_with_credentials() {
        assert!(url_has_credentials(
            "https://oapi.dingtalk.com/robot/send?access_token=abc"
        ));
        assert!(url_has_credentials("http://user:pw@host/x"));
        assert!(!url_has_credentials(
            "http://mall-go-alerting:8080/webhook/critical"
        ));
        assert!(!url_has_credentials("http://host/x?team=ops"));
    }

    #[test]
    fn checks_urls_like_alertmanager() {
        assert!(check_url("http://a:8080/x").is_ok());
        assert!(check_url("https://a").is_ok());
        assert!(check_url("ftp://a").is_err());
        assert!(check_url("${URL}").is_err());
        assert!(check_url("http://").is_err());
        assert!(check_url("http:///x").is_err());
    }

    #[test]
    fn canonicalises_header_names() {
        assert_eq!(canonical_header("subject"), "Subject");
        assert_eq!(canonical_header("x-CUSTOM-id"), "X-Custom-Id");
    }
}
