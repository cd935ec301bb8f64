//! Alertmanager: global settings, the route tree, receivers, inhibition rules, time intervals and
//! notification templates, plus Alertmanager's own tracing and event recorder, in
//! alertmanager.yml's vocabulary with typed durations, matchers parsed at load and secrets only
//! by reference. `validate` holds what Alertmanager rejects at load.

pub mod chat;
pub mod inhibit;
pub mod jira;
pub mod matcher;
pub mod oncall;
pub mod receiver;
pub mod route;
pub mod secret;
pub mod sns;
pub mod time;
pub mod tracing;
mod validate;

pub use inhibit::InhibitRule;
pub use matcher::{MatchOp, Matcher, MatcherText};
pub use receiver::{DingtalkBridge, HttpConfig, Receiver};
pub use route::Route;
pub use secret::Secret;
pub use time::{TimeInterval, TimeSpec};
pub use validate::{validate, validate_routing};

use super::types::Duration;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The Alertmanager side of the stack.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Routing {
    #[serde(default)]
    pub global: RoutingGlobal,
    /// The root of the route tree: names the default receiver; no matchers.
    pub route: Route,
    #[serde(default)]
    pub receivers: Vec<Receiver>,
    #[serde(default)]
    pub inhibit_rules: Vec<InhibitRule>,
    #[serde(default)]
    pub time_intervals: Vec<TimeInterval>,
    /// Notification template files (globs, as Alertmanager reads them), or inline templates that
    /// monctl writes to `templates/<name>` beside alertmanager.yml.
    #[serde(default)]
    pub templates: Vec<Template>,
    /// The DingTalk bridge that `dingtalk_configs` are sent through.
    #[serde(default)]
    pub dingtalk_bridge: Option<DingtalkBridge>,
    /// OpenTelemetry tracing of Alertmanager's notifications (0.27+).
    #[serde(default)]
    pub tracing: Option<tracing::TracingConfig>,
    /// Alert events streamed to webhooks (Alertmanager main).
    #[serde(default)]
    pub event_recorder: Option<tracing::EventRecorder>,
}

/// Defaults for every receiver, and the resolve timeout.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoutingGlobal {
    /// How long after its last update an alert without an end time counts as resolved (5m).
    #[serde(default)]
    pub resolve_timeout: Option<Duration>,
    /// Default SMTP server, `host:port`.
    #[serde(default)]
    pub smtp_smarthost: Option<String>,
    #[serde(default)]
    pub smtp_from: Option<String>,
    #[serde(default)]
    pub smtp_hello: Option<String>,
    #[serde(default)]
    pub smtp_auth_username: Option<String>,
    #[serde(default)]
    pub smtp_auth_password: Option<Secret>,
    #[serde(default)]
    pub smtp_auth_identity: Option<String>,
    #[serde(default)]
    pub smtp_auth_secret: Option<Secret>,
    /// Default true.
    #[serde(default)]
    pub smtp_require_tls: Option<bool>,
    /// TLS settings of every email config without its own `tls_config` (0.29+).
    #[serde(default)]
    pub smtp_tls_config: Option<crate::spec::scrape::TlsConfig>,
    /// Default of the email configs' `force_implicit_tls` (0.29+).
    #[serde(default)]
    pub smtp_force_implicit_tls: Option<bool>,
    #[serde(default)]
    pub slack_api_url: Option<Secret>,
    /// Default Slack app bot token (`{file: ...}` renders as `slack_app_token_file`, 0.29+).
    #[serde(default)]
    pub slack_app_token: Option<Secret>,
    /// The Web API method app tokens post to (default `https://slack.com/api/chat.postMessage`).
    #[serde(default)]
    pub slack_app_url: Option<String>,
    /// Default Splunk On-Call (VictorOps) API key (`{file: ...}` renders as `victorops_api_key_file`).
    #[serde(default)]
    pub victorops_api_key: Option<Secret>,
    /// Default `https://alert.victorops.com/integrations/generic/20131114/alert/`.
    #[serde(default)]
    pub victorops_api_url: Option<String>,
    #[serde(default)]
    pub pagerduty_url: Option<String>,
    #[serde(default)]
    pub opsgenie_api_url: Option<String>,
    #[serde(default)]
    pub opsgenie_api_key: Option<Secret>,
    #[serde(default)]
    pub wechat_api_url: Option<String>,
    #[serde(default)]
    pub wechat_api_secret: Option<Secret>,
    #[serde(default)]
    pub wechat_api_corp_id: Option<String>,
    #[serde(default)]
    pub telegram_api_url: Option<String>,
    /// Default Telegram bot token (`{file: ...}` renders as `telegram_bot_token_file`, 0.29+).
    #[serde(default)]
    pub telegram_bot_token: Option<Secret>,
    /// Default `https://webexapis.com/v1/messages`.
    #[serde(default)]
    pub webex_api_url: Option<String>,
    /// Default Jira API URL (0.28+).
    #[serde(default)]
    pub jira_api_url: Option<String>,
    /// Default `https://open.rocket.chat/`.
    #[serde(default)]
    pub rocketchat_api_url: Option<String>,
    /// Default Rocket.Chat token (`{file: ...}` renders as `rocketchat_token_file`).
    #[serde(default)]
    pub rocketchat_token: Option<Secret>,
    /// Default Rocket.Chat token id (`{file: ...}` renders as `rocketchat_token_id_file`).
    #[serde(default)]
    pub rocketchat_token_id: Option<Secret>,
    /// Default Mattermost webhook URL (`{file: ...}` renders as `mattermost_webhook_url_file`).
    #[serde(default)]
    pub mattermost_webhook_url: Option<Secret>,
    /// The HTTP client settings every HTTP-based integration uses unless it sets its own.
    #[serde(default)]
    pub http_config: Option<HttpConfig>,
}

/// A template source: a file glob, or an inline template written beside alertmanager.yml.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Template {
    /// A path or glob, e.g. `/etc/alertmanager/templates/*.tmpl`.
    Files(String),
    /// Go template definitions (`{{ define "name" }}...{{ end }}`) written to `templates/<name>`.
    Inline(InlineTemplate),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InlineTemplate {
    /// File name, e.g. `mall-go.tmpl`.
    pub name: String,
    pub text: String,
}

impl Routing {
    /// Every DingTalk config with its bridge target name (`<receiver>`, `<receiver>-2`, ...), in
    /// spec order: what the DingTalk bridge's own configuration needs.
    pub fn dingtalk_targets(&self) -> Vec<(String, &receiver::DingtalkConfig)> {
        self.receivers
            .iter()
            .flat_map(|r| {
                r.dingtalk_configs
                    .iter()
                    .enumerate()
                    .map(move |(i, d)| (receiver::dingtalk_target(&r.name, i), d))
            })
            .collect()
    }
}
