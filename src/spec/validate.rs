//! Load-time validation of the typed spec: what its JSON Schema cannot express and the target tools
//! reject at load — PromQL that does not parse, regexes that do not compile, relabel and rule field
//! combinations, invalid names in maps, scrape timeouts above intervals, duplicate names.

use super::relabel::{RelabelAction, RelabelRule};
use super::types::METRIC_NAME_PATTERN;
use super::Spec;
use crate::codes::{DUPLICATE_DEFINITION, INVALID_FIELD_COMBINATION, INVALID_REGEX, INVALID_VALUE};
use crate::diagnostic::{Diagnostic, SpecPath};
use regex::Regex;
use std::collections::HashMap;

/// Diagnostics (paths only; the loader adds file positions) for everything wrong in `spec`.
pub fn validate(spec: &Spec) -> Vec<Diagnostic> {
    let mut v = Validator {
        out: Vec::new(),
        metric_name: crate::regexes::compile(METRIC_NAME_PATTERN).expect("static pattern"),
        // Prometheus' relabelTarget: label names with $1 / ${name} references.
        relabel_target: crate::regexes::compile(r"^(?:(?:[a-zA-Z_]|\$(?:\{\w+\}|\w+))+\w*)+$")
            .expect("static pattern"),
    };
    v.metrics(spec);
    v.scrape(spec);
    v.rules(spec);
    v.out.extend(super::rule_files::check(spec));
    v.out.extend(super::routing::validate(spec));
    v.out.extend(super::logs::validate(spec));
    v.out.extend(super::slos::validate(spec));
    v.out.extend(super::stack::validate(spec));
    v.out
}

struct Validator {
    out: Vec<Diagnostic>,
    metric_name: Regex,
    relabel_target: Regex,
}

fn first_seen(
    seen: &mut HashMap<String, SpecPath>,
    name: &str,
    path: &SpecPath,
) -> Option<SpecPath> {
    match seen.get(name) {
        Some(first) => Some(first.clone()),
        None => {
            seen.insert(name.to_string(), path.clone());
            None
        }
    }
}

impl Validator {
    fn combination(&mut self, path: SpecPath, message: impl Into<String>, help: &str) {
        self.out
            .push(Diagnostic::error(INVALID_FIELD_COMBINATION, path, message).with_help(help));
    }

    fn duplicate(&mut self, what: &str, name: &str, path: SpecPath, first: SpecPath) {
        let mut d = Diagnostic::error(
            DUPLICATE_DEFINITION,
            path,
            format!("{what} `{name}` is defined twice (first at {first})"),
        )
        .with_help(format!(
            "each {what} needs a unique name; rename or remove one of them"
        ));
        d.related_paths.push(first);
        self.out.push(d);
    }

    fn label_keys<'a>(
        &mut self,
        keys: impl Iterator<Item = &'a String>,
        path: &SpecPath,
        what: &str,
    ) {
        for key in keys {
            if !super::label_names::is_legacy(key) {
                self.out.push(
                    Diagnostic::error(
                        INVALID_VALUE,
                        path.key(key),
                        format!("`{key}` is not a valid {what} name"),
                    )
                    .with_help(
                        "label names use letters, digits and _, and do not start with a digit",
                    ),
                );
            }
        }
    }

    fn metrics(&mut self, spec: &Spec) {
        let mut seen = HashMap::new();
        for (i, metric) in spec.metrics.iter().enumerate() {
            let path = SpecPath::root().key("metrics").index(i);
            let full = metric.full_name();
            if !self.metric_name.is_match(&full) {
                self.out.push(Diagnostic::error(
                    INVALID_VALUE,
                    path.key("name"),
                    format!("`{full}` is not a valid metric name"),
                ));
            }
            if let Some(first) = first_seen(&mut seen, &full, &path) {
                self.duplicate("metric", &full, path.clone(), first);
            }
            let mut labels = HashMap::new();
            for (j, label) in metric.labels.iter().enumerate() {
                let label_path = path.key("labels").index(j);
                if let Some(first) = first_seen(&mut labels, label.name().as_str(), &label_path) {
                    self.duplicate("label", label.name().as_str(), label_path.clone(), first);
                }
                if let super::LabelSpec::Detailed(d) = label {
                    let set = [
                        d.values.is_some(),
                        d.cardinality.is_some(),
                        d.unbounded.is_some(),
                    ];
                    if set.iter().filter(|s| **s).count() > 1 {
                        self.combination(
                            label_path.clone(),
                            format!("label `{}` gives more than one of values, cardinality and unbounded", d.name),
                            "keep the one that describes the label's values: a closed list, an estimated count, or unbounded: true",
                        );
                    }
                }
                if matches!(label.name().as_str(), "le" | "quantile") {
                    self.combination(
                        label_path,
                        format!("`{}` is added by Prometheus client libraries for histograms and summaries", label.name()),
                        "remove it from labels; monctl derives it from the metric's type",
                    );
                }
            }
            use super::MetricType::*;
            if metric.buckets.is_some() && metric.kind != Histogram {
                self.combination(
                    path.key("buckets"),
                    "only histograms have buckets",
                    "remove buckets, or set type: histogram",
                );
            }
            if metric.objectives.is_some() && metric.kind != Summary {
                self.combination(
                    path.key("objectives"),
                    "only summaries have objectives",
                    "remove objectives, or set type: summary",
                );
            }
            if let Some(buckets) = &metric.buckets {
                if buckets.windows(2).any(|w| w[0] >= w[1]) {
                    self.out.push(
                        Diagnostic::error(INVALID_VALUE, path.key("buckets"), "histogram buckets must be strictly increasing")
                            .with_help("list each upper bound once, smallest first (client libraries panic otherwise)"),
                    );
                }
            }
            if let Some(objectives) = &metric.objectives {
                for (j, o) in objectives.iter().enumerate() {
                    if !(0.0..=1.0).contains(&o.quantile()) {
                        self.out.push(Diagnostic::error(
                            INVALID_VALUE,
                            path.key("objectives").index(j),
                            format!("quantile {} is outside 0..1", o.quantile()),
                        ));
                    }
                }
            }
        }
    }

    fn scrape(&mut self, spec: &Spec) {
        let scrape = &spec.scrape;
        let root = SpecPath::root().key("scrape");
        let global = &scrape.global;
        self.out.extend(super::server::validate(
            &scrape.server,
            global.tuning.metric_name_validation_scheme,
            &root,
        ));
        self.label_keys(
            global.external_labels.keys(),
            &root.key("global").key("external_labels"),
            "label",
        );
        let global_timeout = global
            .scrape_timeout
            .unwrap_or(super::Duration::from_secs(10));
        let global_interval = global.effective_scrape_interval();
        if global_timeout > global_interval {
            self.combination(
                root.key("global").key("scrape_timeout"),
                format!("global scrape_timeout {global_timeout} is greater than scrape_interval {global_interval}"),
                "Prometheus rejects this; make the timeout at most the interval",
            );
        }
        self.relabels(
            &scrape.alert_relabel_configs,
            &root.key("alert_relabel_configs"),
        );
        self.tuning(&global.tuning, &root.key("global"), None);
        for (i, am) in scrape.alertmanagers.iter().enumerate() {
            let path = root.key("alertmanagers").index(i);
            if am.api_version == Some(super::scrape::AlertmanagerApi::V1) {
                self.out.push(
                    Diagnostic::error(
                        INVALID_VALUE,
                        path.key("api_version"),
                        "expected Alertmanager api version to be one of [v2] but got v1",
                    )
                    .with_help("Prometheus 3 speaks only the v2 API (Alertmanager 0.27 removed v1): write api_version: v2 or leave it out"),
                );
            }
            self.relabels(&am.relabel_configs, &path.key("relabel_configs"));
            self.relabels(
                &am.alert_relabel_configs,
                &path.key("alert_relabel_configs"),
            );
            self.static_labels(
                &am.static_configs,
                &path,
                keeps_static_address(&am.relabel_configs),
            );
            self.http_client(&am.http, &path);
            let http_auth = am.http.basic_auth.is_some()
                || am.http.authorization.is_some()
                || am.http.oauth2.is_some();
            if http_auth && am.sigv4.is_some() {
                self.combination(
                    path.key("sigv4"),
                    "at most one of basic_auth, authorization, oauth2, & sigv4 must be configured",
                    "keep one way of authenticating to the Alertmanagers",
                );
            }
            self.out
                .extend(super::discovery::validate(&am.discovery, &path));
        }
        let mut seen = HashMap::new();
        for (i, job) in scrape.jobs.iter().enumerate() {
            let path = root.key("jobs").index(i);
            if let Some(first) = first_seen(&mut seen, &job.job_name, &path) {
                self.duplicate("scrape job", &job.job_name, path.key("job_name"), first);
            }
            if job.job_name.is_empty() {
                self.out.push(Diagnostic::error(
                    INVALID_VALUE,
                    path.key("job_name"),
                    "job_name is empty",
                ));
            }
            let interval = job.scrape_interval.unwrap_or(global_interval);
            if let Some(timeout) = job.scrape_timeout {
                if timeout > interval {
                    self.combination(
                        path.key("scrape_timeout"),
                        format!(
                            "scrape_timeout {timeout} is greater than scrape_interval {interval}"
                        ),
                        "Prometheus rejects this; make the timeout at most the interval",
                    );
                }
            }
            self.http_client(&job.http, &path);
            self.tuning(&job.tuning, &path, Some(&job.job_name));
            for (k, sd) in job.kubernetes_sd_configs.iter().enumerate() {
                self.kubernetes_sd(sd, &path.key("kubernetes_sd_configs").index(k));
            }
            self.out
                .extend(super::discovery::validate(&job.discovery, &path));
            self.static_labels(
                &job.static_configs,
                &path,
                keeps_static_address(&job.relabel_configs),
            );
            self.relabels(&job.relabel_configs, &path.key("relabel_configs"));
            self.relabels(
                &job.metric_relabel_configs,
                &path.key("metric_relabel_configs"),
            );
        }
        let mut names = HashMap::new();
        for (i, rw) in scrape.remote_write.iter().enumerate() {
            let path = root.key("remote_write").index(i);
            self.relabels(
                &rw.write_relabel_configs,
                &path.key("write_relabel_configs"),
            );
            self.remote_endpoint("write", rw.name.as_deref(), &rw.headers, &path, &mut names);
            if rw.url.as_deref().is_none_or(str::is_empty) {
                self.out.push(
                    Diagnostic::error(INVALID_VALUE, path.key("url"), "url for remote_write is empty")
                        .with_help("give the endpoint's URL, e.g. url: https://metrics.example.com/api/v1/write"),
                );
            }
            self.http_client(&rw.http, &path);
            let configured: Vec<&str> = [
                ("basic_auth", rw.http.basic_auth.is_some()),
                (
                    "authorization",
                    rw.http.authorization.is_some() || rw.http.bearer_token_file.is_some(),
                ),
                ("oauth2", rw.http.oauth2.is_some()),
                ("sigv4", rw.sigv4.is_some()),
                ("azuread", rw.azuread.is_some()),
                ("google_iam", rw.google_iam.is_some()),
            ]
            .into_iter()
            .filter_map(|(name, set)| set.then_some(name))
            .collect();
            if configured.len() > 1 {
                self.combination(
                    path.clone(),
                    format!("at most one of basic_auth, authorization, oauth2, sigv4, azuread or google_iam must be configured. Currently configured: [{}]", configured.join(" ")),
                    "keep one way of authenticating to the endpoint",
                );
            }
            if let Some(azure) = &rw.azuread {
                let ways = [
                    azure.managed_identity.is_some(),
                    azure.sdk.is_some(),
                    azure.workload_identity.is_some(),
                ]
                .iter()
                .filter(|s| **s)
                .count();
                if ways != 1 {
                    self.combination(
                        path.key("azuread"),
                        "azuread needs exactly one of managed_identity, sdk or workload_identity",
                        "choose how Prometheus gets its Azure AD token (oauth needs a literal client secret, which the spec does not hold)",
                    );
                }
            }
            if let Some(q) = &rw.queue_config {
                let qpath = path.key("queue_config");
                for (field, value) in [
                    ("min_shards", q.min_shards),
                    ("max_shards", q.max_shards),
                    ("capacity", q.capacity),
                    ("max_samples_per_send", q.max_samples_per_send),
                ] {
                    if value == Some(0) {
                        self.out.push(Diagnostic::error(
                            INVALID_VALUE,
                            qpath.key(field),
                            format!("remote write queue {field} must be positive"),
                        ));
                    }
                }
                if let (Some(min), Some(max)) = (q.min_shards, q.max_shards) {
                    if min > max {
                        self.combination(
                            qpath.key("min_shards"),
                            format!("remote write queue min_shards must not be greater than max_shards (min_shards {min} is greater than max_shards {max})"),
                            "make min_shards at most max_shards",
                        );
                    }
                }
                if let (Some(min), Some(max)) = (q.min_backoff, q.max_backoff) {
                    if min > max {
                        self.combination(
                            qpath.key("min_backoff"),
                            format!("remote write queue max_backoff must not be less than min_backoff (min_backoff {min} is greater than max_backoff {max})"),
                            "make min_backoff at most max_backoff",
                        );
                    }
                }
            }
        }
        let mut names = HashMap::new();
        for (i, rr) in scrape.remote_read.iter().enumerate() {
            let path = root.key("remote_read").index(i);
            self.remote_endpoint("read", rr.name.as_deref(), &rr.headers, &path, &mut names);
            if rr.url.as_deref().is_none_or(str::is_empty) {
                self.out.push(
                    Diagnostic::error(INVALID_VALUE, path.key("url"), "url for remote_read is empty")
                        .with_help("give the endpoint's URL, e.g. url: https://metrics.example.com/api/v1/read"),
                );
            }
            self.http_client(&rr.http, &path);
        }
    }

    /// What Prometheus refuses in a Kubernetes SD config: api_server, kubeconfig_file and
    /// own_namespace together, selectors of roles the discovery role does not list, a selector
    /// role given twice.
    fn kubernetes_sd(&mut self, sd: &super::scrape::KubernetesSdConfig, path: &SpecPath) {
        use super::scrape::KubernetesRole::{
            EndpointSlice, Endpoints, Ingress, Node, Pod, Service,
        };
        let own = sd
            .namespaces
            .as_ref()
            .and_then(|n| n.own_namespace)
            .unwrap_or(false);
        let help = "Prometheus rejects these together; keep one";
        if sd.kubeconfig_file.is_some() && sd.api_server.is_some() {
            self.combination(
                path.key("kubeconfig_file"),
                "cannot use 'kubeconfig_file' and 'api_server' simultaneously",
                help,
            );
        }
        if sd.kubeconfig_file.is_some() && own {
            self.combination(
                path.key("kubeconfig_file"),
                "cannot use 'kubeconfig_file' and 'namespaces.own_namespace' simultaneously",
                help,
            );
        }
        if sd.api_server.is_some() && own {
            self.combination(
                path.key("api_server"),
                "cannot use 'api_server' and 'namespaces.own_namespace' simultaneously",
                help,
            );
        }
        // Prometheus compares with its default client (redirects followed, HTTP/2 on).
        let mut bare = sd.http.clone();
        bare.follow_redirects = None;
        bare.enable_http2 = None;
        let custom_http = bare != super::scrape::HttpClient::default()
            || sd.http.follow_redirects == Some(false)
            || sd.http.enable_http2 == Some(false);
        if custom_http && sd.kubeconfig_file.is_some() {
            self.combination(
                path.key("kubeconfig_file"),
                "cannot use a custom HTTP client configuration together with 'kubeconfig_file'",
                "the kubeconfig file says how to reach the cluster; remove the HTTP client settings",
            );
        } else if custom_http && sd.api_server.as_deref().is_none_or(str::is_empty) {
            self.combination(
                path.clone(),
                "to use custom HTTP client configuration please provide the 'api_server' URL explicitly",
                "in-cluster access authenticates itself; set api_server to use these settings",
            );
        }
        self.http_client(&sd.http, path);
        let (allowed, words): (&[_], &str) = match sd.role {
            Endpoints => (&[Pod, Service, Endpoints], "pod, service, endpoints"),
            EndpointSlice => (
                &[Pod, Service, EndpointSlice],
                "pod, service, endpointslice",
            ),
            Ingress => (&[Ingress], "ingress"),
            Node => (&[Node], "node"),
            Pod => (&[Pod, Node], "pod, node"),
            Service => (&[Service], "service"),
        };
        let role_word = |r: super::scrape::KubernetesRole| {
            serde_json::to_value(r)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default()
        };
        let mut seen = Vec::new();
        for (i, selector) in sd.selectors.iter().enumerate() {
            let spath = path.key("selectors").index(i).key("role");
            if seen.contains(&selector.role) {
                self.combination(
                    spath.clone(),
                    format!("duplicated selector role: {}", role_word(selector.role)),
                    "give each selector role once",
                );
            }
            seen.push(selector.role);
            if let Some(field) = &selector.field {
                if let Some(term) = field_selector_unreadable(field) {
                    self.out.push(
                        Diagnostic::error(
                            INVALID_VALUE,
                            path.key("selectors").index(i).key("field"),
                            format!("invalid selector: '{field}'; can't understand '{term}'"),
                        )
                        .with_help("a field selector is key=value, key==value or key!=value terms, comma-separated"),
                    );
                }
            }
            if !allowed.contains(&selector.role) {
                self.combination(
                    spath,
                    format!(
                        "{} role supports only {words} selectors",
                        role_word(sd.role)
                    ),
                    "select on the objects this role discovers",
                );
            }
        }
    }

    /// What Prometheus refuses in a remote write/read endpoint: a name used twice, a reserved
    /// header or an Authorization header.
    fn remote_endpoint(
        &mut self,
        kind: &str,
        name: Option<&str>,
        headers: &std::collections::BTreeMap<String, String>,
        path: &SpecPath,
        names: &mut HashMap<String, SpecPath>,
    ) {
        if let Some(name) = name {
            if let Some(first) = first_seen(names, name, path) {
                let mut d = Diagnostic::error(
                    DUPLICATE_DEFINITION,
                    path.key("name"),
                    format!("found multiple remote {kind} configs with job name \"{name}\""),
                )
                .with_help("give each endpoint its own name");
                d.related_paths.push(first);
                self.out.push(d);
            }
        }
        for header in headers.keys() {
            let lower = header.to_ascii_lowercase();
            let (message, help) = if lower == "authorization" {
                (
                    "authorization header must be changed via the basic_auth, authorization, oauth2, sigv4, azuread or google_iam parameter".to_string(),
                    "use the endpoint's basic_auth or authorization settings",
                )
            } else if RESERVED_HEADERS.contains(&lower.as_str()) {
                (
                    format!("{lower} is a reserved header. It must not be changed"),
                    "remove the header; Prometheus sets it itself",
                )
            } else {
                continue;
            };
            self.out.push(
                Diagnostic::error(INVALID_VALUE, path.key("headers").key(header), message)
                    .with_help(help),
            );
        }
    }

    /// Label names of static target groups, and (when no relabeling could rewrite them, as
    /// Prometheus checks) targets that are URLs rather than `host:port`.
    fn static_labels(
        &mut self,
        configs: &[super::scrape::StaticConfig],
        path: &SpecPath,
        check_targets: bool,
    ) {
        for (j, sc) in configs.iter().enumerate() {
            let sc_path = path.key("static_configs").index(j);
            self.label_keys(sc.labels.keys(), &sc_path.key("labels"), "label");
            for (k, target) in sc.targets.iter().enumerate() {
                if check_targets && target.contains('/') {
                    self.out.push(
                        Diagnostic::error(
                            INVALID_VALUE,
                            sc_path.key("targets").index(k),
                            format!("instance {k} in group {j}: {target:?} is not a valid hostname (target `{target}` is not host:port)"),
                        )
                        .with_help("targets are host:port; set scheme and metrics_path on the job"),
                    );
                }
            }
        }
    }

    /// What Prometheus' HTTP client configuration refuses (prometheus/common's checks), in its
    /// words: competing authentication methods, OAuth 2.0 without its client or token URL, an
    /// Authorization of type Basic, contradicting proxy settings.
    fn http_client(&mut self, http: &super::scrape::HttpClient, path: &SpecPath) {
        let bearer = http.bearer_token_file.is_some();
        if bearer && (http.basic_auth.is_some() || http.oauth2.is_some()) {
            self.combination(
                path.key("bearer_token_file"),
                "at most one of basic_auth, oauth2, bearer_token & bearer_token_file must be configured",
                "keep one authentication method",
            );
        }
        if let Some(basic) = &http.basic_auth {
            if basic.username.is_some() && basic.username_file.is_some() {
                self.combination(
                    path.key("basic_auth").key("username_file"),
                    "at most one of basic_auth username, username_file & username_ref must be configured",
                    "give the user name once",
                );
            }
        }
        if let Some(auth) = &http.authorization {
            let apath = path.key("authorization");
            if bearer {
                self.combination(
                    path.key("bearer_token_file"),
                    "authorization is not compatible with bearer_token & bearer_token_file",
                    "use authorization.credentials_file alone",
                );
            }
            if auth
                .kind
                .as_deref()
                .is_some_and(|k| k.trim().eq_ignore_ascii_case("basic"))
            {
                self.out.push(
                    Diagnostic::error(
                        INVALID_VALUE,
                        apath.key("type"),
                        "authorization type cannot be set to \"basic\", use \"basic_auth\" instead",
                    )
                    .with_help("write basic_auth: {username: ..., password_file: ...}"),
                );
            }
            if http.basic_auth.is_some() || http.oauth2.is_some() {
                self.combination(
                    apath,
                    "at most one of basic_auth, oauth2 & authorization must be configured",
                    "keep one authentication method",
                );
            }
        }
        if let Some(oauth2) = &http.oauth2 {
            let opath = path.key("oauth2");
            if http.basic_auth.is_some() && http.authorization.is_none() {
                self.combination(
                    opath.clone(),
                    "at most one of basic_auth, oauth2 & authorization must be configured",
                    "keep one authentication method",
                );
            }
            if oauth2.client_id.is_empty() {
                self.out.push(Diagnostic::error(
                    INVALID_VALUE,
                    opath.key("client_id"),
                    "oauth2 client_id must be configured",
                ));
            }
            if oauth2.token_url.is_empty() {
                self.out.push(Diagnostic::error(
                    INVALID_VALUE,
                    opath.key("token_url"),
                    "oauth2 token_url must be configured",
                ));
            }
            self.proxy(&oauth2.proxy, &opath);
        }
        self.proxy(&http.proxy(), path);
    }

    /// Prometheus' proxy checks.
    fn proxy(&mut self, proxy: &super::scrape::Proxy, path: &SpecPath) {
        let url = proxy.proxy_url.as_deref().is_some_and(|u| !u.is_empty());
        let no_proxy = proxy.no_proxy.as_deref().is_some_and(|n| !n.is_empty());
        let env = proxy.proxy_from_environment == Some(true);
        let help = "use proxy_url (with no_proxy) or proxy_from_environment";
        if env && url {
            self.combination(
                path.key("proxy_url"),
                "if proxy_from_environment is configured, proxy_url must not be configured",
                help,
            );
        }
        if env && no_proxy {
            self.combination(
                path.key("no_proxy"),
                "if proxy_from_environment is configured, no_proxy must not be configured",
                help,
            );
        }
        if !url && no_proxy && !env {
            self.combination(
                path.key("no_proxy"),
                "if no_proxy is configured, proxy_url must also be configured",
                help,
            );
        }
    }

    /// Scrape tuning set globally or on a job (`job`: its name, for Prometheus' wording).
    fn tuning(&mut self, tuning: &super::scrape::ScrapeTuning, path: &SpecPath, job: Option<&str>) {
        let whose = match job {
            Some(name) => format!("for scrape config with job name {name:?}"),
            None => "for global config".to_string(),
        };
        if let Some(protocols) = &tuning.scrape_protocols {
            let mut seen = Vec::new();
            let names: Vec<String> = protocols.iter().map(|p| p.as_str().to_string()).collect();
            if protocols.is_empty() {
                self.out.push(
                    Diagnostic::error(
                        INVALID_VALUE,
                        path.key("scrape_protocols"),
                        format!("scrape_protocols cannot be empty {whose}"),
                    )
                    .with_help("list the protocols to offer, or leave scrape_protocols out"),
                );
            }
            for p in protocols {
                if seen.contains(p) {
                    self.out.push(
                        Diagnostic::error(
                            INVALID_VALUE,
                            path.key("scrape_protocols"),
                            format!(
                                "duplicated protocol in scrape_protocols, got [{}] {whose}",
                                names.join(" ")
                            ),
                        )
                        .with_help("give each protocol once"),
                    );
                    break;
                }
                seen.push(*p);
            }
        }
        if let Some(limit) = &tuning.body_size_limit {
            if let Some(d) = super::server::sizes::check_size(limit, &path.key("body_size_limit")) {
                self.out.push(d);
            }
        }
        if let (
            Some(super::scrape::NameValidation::Legacy),
            Some(super::scrape::NameEscaping::AllowUtf8),
        ) = (
            tuning.metric_name_validation_scheme,
            tuning.metric_name_escaping_scheme,
        ) {
            self.combination(
                path.key("metric_name_escaping_scheme"),
                "utf8 metric names requested but validation scheme is not set to UTF8",
                "with legacy name validation, escape names: underscores, dots or values",
            );
        }
    }

    fn relabels(&mut self, rules: &[RelabelRule], path: &SpecPath) {
        for (i, rule) in rules.iter().enumerate() {
            self.relabel(rule, &path.index(i));
        }
    }

    /// Prometheus' own relabel validation (model/relabel), field by field.
    fn relabel(&mut self, rule: &RelabelRule, path: &SpecPath) {
        use RelabelAction::*;
        if let Some(regex) = &rule.regex {
            if let Err(e) = crate::regexes::relabel(&regex.0) {
                self.out.push(
                    Diagnostic::error(
                        INVALID_REGEX,
                        path.key("regex"),
                        format!(
                            "error parsing regexp: regex does not compile: {}",
                            first_line(&e.to_string())
                        ),
                    )
                    .with_help("relabel regexes are RE2; Prometheus anchors them at both ends"),
                );
            }
        }
        let action = rule.action();
        let name = action.as_str();
        let target = rule.target_label.as_deref();
        let replacement_default = rule.replacement.as_deref().is_none_or(|r| r == "$1");
        if action == HashMod && rule.modulus.unwrap_or(0) == 0 {
            self.combination(
                path.key("modulus"),
                "relabel configuration for hashmod requires non-zero modulus (the hashmod action needs a non-zero modulus)",
                "set modulus: N",
            );
        }
        let needs_target = matches!(
            action,
            Replace | HashMod | Lowercase | Uppercase | KeepEqual | DropEqual
        );
        match target {
            None | Some("") if needs_target => self.combination(
                path.clone(),
                format!("relabel configuration for {name} action requires 'target_label' value (the {name} action needs target_label)"),
                "set target_label to the label to write",
            ),
            Some(t) if matches!(action, Replace) && !self.relabel_target.is_match(t) => {
                self.out.push(
                    Diagnostic::error(
                        INVALID_VALUE,
                        path.key("target_label"),
                        format!("{t:?} is invalid 'target_label' for replace action (`{t}` is not a label name, even with capture references)"),
                    )
                    .with_help("use a label name, optionally with capture references like ${1}"),
                )
            }
            Some(t)
                if matches!(
                    action,
                    HashMod | Lowercase | Uppercase | KeepEqual | DropEqual
                ) && !super::label_names::is_legacy(t) =>
            {
                self.out.push(Diagnostic::error(
                    INVALID_VALUE,
                    path.key("target_label"),
                    format!("{t:?} is invalid 'target_label' for {name} action (`{t}` is not a valid label name)"),
                ))
            }
            _ => {}
        }
        if matches!(action, Lowercase | Uppercase) && !replacement_default {
            self.combination(
                path.key("replacement"),
                format!("'replacement' can not be set for {name} action (the {name} action takes no replacement)"),
                "remove replacement",
            );
        }
        if action == LabelMap {
            let replacement = rule.replacement.as_deref().unwrap_or("$1");
            if !self.relabel_target.is_match(replacement) {
                self.out.push(Diagnostic::error(
                    INVALID_VALUE,
                    path.key("replacement"),
                    format!("{replacement:?} is invalid 'replacement' for labelmap action (`{replacement}` is not a label name, even with capture references)"),
                ));
            }
        }
        if matches!(action, KeepEqual | DropEqual)
            && (rule.regex.as_ref().is_some_and(|r| r.0 != "(.*)")
                || rule.modulus.is_some_and(|m| m != 0)
                || rule.separator.as_deref().is_some_and(|s| s != ";")
                || !replacement_default)
        {
            self.combination(
                path.clone(),
                format!("{name} action requires only 'source_labels' and `target_label`, and no other fields (the {name} action takes only source_labels and target_label)"),
                "remove regex, modulus, separator and replacement",
            );
        }
        if matches!(action, LabelDrop | LabelKeep)
            && (rule.source_labels.is_some()
                || target.is_some()
                || rule.modulus.is_some_and(|m| m != 0)
                || rule.separator.as_deref().is_some_and(|s| s != ";")
                || !replacement_default)
        {
            self.combination(
                path.clone(),
                format!("{name} action requires only 'regex', and no other fields (the {name} action takes only regex, matched against label names)"),
                "remove source_labels, target_label, modulus, separator and replacement",
            );
        }
    }

    fn rules(&mut self, spec: &Spec) {
        let mut groups_per_file: HashMap<String, SpecPath> = HashMap::new();
        for (g, group) in spec.rules.groups.iter().enumerate() {
            let gpath = SpecPath::root().key("rules").key("groups").index(g);
            let key = format!("{}\u{0}{}", group.file_stem(), group.name);
            if let Some(first) = first_seen(&mut groups_per_file, &key, &gpath) {
                self.duplicate("rule group", &group.name, gpath.key("name"), first);
            }
            if group.name.trim().is_empty() {
                self.out.push(Diagnostic::error(
                    INVALID_VALUE,
                    gpath.key("name"),
                    "rule group name is empty",
                ));
            }
            if group.rules.is_empty() {
                self.out.push(
                    Diagnostic::warning(
                        INVALID_VALUE,
                        gpath.key("rules"),
                        format!("rule group `{}` has no rules", group.name),
                    )
                    .with_help("add rules or remove the group"),
                );
            }
            for (r, rule) in group.rules.iter().enumerate() {
                let path = gpath.key("rules").index(r);
                match (&rule.alert, &rule.record) {
                    (Some(_), Some(_)) => self.combination(
                        path.clone(),
                        "a rule has both alert and record",
                        "a rule is either an alerting rule (alert) or a recording rule (record); split it in two",
                    ),
                    (None, None) => self.combination(
                        path.clone(),
                        "a rule needs alert or record",
                        "name the alert (alert: Name) or the recorded series (record: level:metric:operation)",
                    ),
                    (Some(alert), None) if alert.is_empty() => self.out.push(
                        Diagnostic::error(INVALID_VALUE, path.key("alert"), "the alert name is empty")
                            .with_help("name the alert, e.g. HighErrorRate"),
                    ),
                    (None, Some(_)) => {
                        for field in [
                            ("for", rule.for_.is_some()),
                            ("keep_firing_for", rule.keep_firing_for.is_some()),
                            ("annotations", !rule.annotations.is_empty()),
                        ] {
                            if field.1 {
                                self.combination(
                                    path.key(field.0),
                                    format!("recording rules have no `{}`", field.0),
                                    "remove it, or make this an alerting rule",
                                );
                            }
                        }
                    }
                    _ => {}
                }
                let scheme = spec.scrape.global.tuning.metric_name_validation_scheme;
                self.out.extend(super::label_names::rule_names(
                    rule.labels.keys(),
                    &path.key("labels"),
                    "label",
                    scheme,
                ));
                if rule.labels.keys().any(|k| k == "__name__") {
                    self.out.push(
                        Diagnostic::error(
                            INVALID_VALUE,
                            path.key("labels").key("__name__"),
                            "invalid label name: __name__",
                        )
                        .with_help("a rule may not set the metric name as a label; remove it"),
                    );
                }
                self.out.extend(super::label_names::rule_names(
                    rule.annotations.keys(),
                    &path.key("annotations"),
                    "annotation",
                    scheme,
                ));
            }
        }
    }
}

/// Headers Prometheus sets on remote write/read and tracing requests itself (lower case).
pub(crate) const RESERVED_HEADERS: &[&str] = &[
    "host",
    "content-encoding",
    "content-length",
    "content-type",
    "user-agent",
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "www-authenticate",
    "accept-encoding",
    "x-prometheus-remote-write-version",
    "x-prometheus-remote-read-version",
    // Added by SigV4.
    "x-amz-date",
    "x-amz-security-token",
    "x-amz-content-sha256",
];

/// The first term of a Kubernetes field selector the API machinery cannot read (one without
/// `=`, `==` or `!=`), if any.
fn field_selector_unreadable(selector: &str) -> Option<&str> {
    if selector.trim().is_empty() {
        return None;
    }
    // Terms are split at commas not escaped with a backslash.
    let mut start = 0;
    let mut escaped = false;
    for (i, c) in selector.char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            ',' if !escaped => {
                let term = &selector[start..i];
                if !term.contains('=') {
                    return Some(term);
                }
                start = i + 1;
            }
            _ => escaped = false,
        }
    }
    let last = &selector[start..];
    (!last.contains('=')).then_some(last)
}

/// Whether relabeling surely leaves every static target, and its `__address__`, as written (as
/// Prometheus checks a job's static targets without relabel_configs at load, and promtool every
/// target after relabeling): no rule writes `__address__` or a templated label, none filters.
fn keeps_static_address(rules: &[RelabelRule]) -> bool {
    use RelabelAction::*;
    rules.iter().all(|rule| match rule.action() {
        Replace | Lowercase | Uppercase | HashMod => rule
            .target_label
            .as_deref()
            .is_some_and(|t| t != "__address__" && !t.contains('$')),
        LabelMap => false,
        Keep | Drop | KeepEqual | DropEqual => false,
        LabelDrop | LabelKeep => true,
    })
}

fn first_line(message: &str) -> &str {
    message.lines().next().unwrap_or(message).trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(value: serde_json::Value) -> Spec {
        serde_json::from_value(value).expect("valid spec shape")
    }

    fn codes(spec: &Spec) -> Vec<(String, &'static str)> {
        validate(spec)
            .into_iter()
            .map(|d| (d.path.to_string(), d.code))
            .collect()
    }

    #[test]
    fn applies_prometheus_relabel_rules() {
        let s = spec(
            serde_json::json!({"scrape": {"jobs": [{"job_name": "j", "relabel_configs": [
                {"action": "hashmod", "source_labels": ["__address__"], "target_label": "shard"},
                {"action": "labeldrop", "regex": "x", "source_labels": ["a"]},
                {"source_labels": ["a"], "regex": "(", "target_label": "b"},
                {"action": "keep", "regex": "x"},
                {"source_labels": ["__address__"], "target_label": "instance"}
            ]}]}}),
        );
        assert_eq!(
            codes(&s),
            vec![
                (
                    "scrape.jobs[0].relabel_configs[0].modulus".into(),
                    INVALID_FIELD_COMBINATION
                ),
                (
                    "scrape.jobs[0].relabel_configs[1]".into(),
                    INVALID_FIELD_COMBINATION
                ),
                (
                    "scrape.jobs[0].relabel_configs[2].regex".into(),
                    INVALID_REGEX
                ),
            ]
        );
    }

    #[test]
    fn reports_duplicate_jobs_naming_the_first() {
        let s =
            spec(serde_json::json!({"scrape": {"jobs": [{"job_name": "a"}, {"job_name": "a"}]}}));
        let d = validate(&s);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].code, DUPLICATE_DEFINITION);
        assert_eq!(d[0].related_paths[0].to_string(), "scrape.jobs[0]");
    }

    #[test]
    fn a_clean_spec_has_no_findings() {
        let s = spec(serde_json::json!({
            "metrics": [{"name": "http_requests_total", "type": "counter", "labels": ["code"]}],
            "scrape": {"global": {"scrape_interval": "15s"}, "jobs": [{"job_name": "api", "static_configs": [{"targets": ["api:8080"]}]}]},
            "rules": {"groups": [{"name": "g", "rules": [
                {"alert": "HighErrors", "expr": "sum(rate(http_requests_total{code=~\"5..\"}[5m])) > 1", "for": "5m"},
                {"record": "job:http_requests:rate5m", "expr": "sum by (job) (rate(http_requests_total[5m]))"}
            ]}]}
        }));
        assert_eq!(codes(&s), vec![]);
    }
}
