//! Receivers: where notifications go. Each receiver has a unique name and any number of
//! integrations, with Alertmanager's field names: email, webhook, Slack, PagerDuty, OpsGenie,
//! WeChat, Microsoft Teams and Telegram here; Discord, Webex, Teams Workflows, Mattermost and
//! Rocket.Chat in `chat`; VictorOps, Pushover and incident.io in `oncall`; SNS and Jira in their own
//! modules — plus DingTalk, which Alertmanager lacks and monctl renders as a webhook to a DingTalk
//! bridge. Secrets are [`Secret`] references.

use super::chat::{
    DiscordConfig, MattermostConfig, MsteamsV2Config, RocketchatConfig, WebexConfig,
};
use super::jira::JiraConfig;
use super::oncall::{IncidentioConfig, PushoverConfig, VictoropsConfig};
use super::secret::Secret;
use super::sns::SnsConfig;
use crate::spec::scrape::TlsConfig;
use crate::spec::types::Duration;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Receiver {
    /// Unique name that routes refer to.
    pub name: String,
    /// Labels of the receiver, shown to templates and the API (Alertmanager main); a `name`
    /// label must equal the receiver's name.
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    #[serde(default)]
    pub discord_configs: Vec<DiscordConfig>,
    #[serde(default)]
    pub email_configs: Vec<EmailConfig>,
    #[serde(default)]
    pub webhook_configs: Vec<WebhookConfig>,
    #[serde(default)]
    pub slack_configs: Vec<SlackConfig>,
    /// incident.io (Alertmanager 0.29+).
    #[serde(default)]
    pub incidentio_configs: Vec<IncidentioConfig>,
    #[serde(default)]
    pub pagerduty_configs: Vec<PagerdutyConfig>,
    #[serde(default)]
    pub opsgenie_configs: Vec<OpsgenieConfig>,
    #[serde(default)]
    pub wechat_configs: Vec<WechatConfig>,
    #[serde(default)]
    pub pushover_configs: Vec<PushoverConfig>,
    /// Splunk On-Call (VictorOps).
    #[serde(default)]
    pub victorops_configs: Vec<VictoropsConfig>,
    /// Amazon SNS.
    #[serde(default)]
    pub sns_configs: Vec<SnsConfig>,
    #[serde(default)]
    pub telegram_configs: Vec<TelegramConfig>,
    /// Cisco Webex.
    #[serde(default)]
    pub webex_configs: Vec<WebexConfig>,
    /// Microsoft Teams connectors (Alertmanager 0.26 and later; retired by Microsoft).
    #[serde(default)]
    pub msteams_configs: Vec<MsteamsConfig>,
    /// Microsoft Teams through Workflows (Alertmanager 0.28 and later).
    #[serde(default)]
    pub msteamsv2_configs: Vec<MsteamsV2Config>,
    /// Jira issues (Alertmanager 0.28 and later).
    #[serde(default)]
    pub jira_configs: Vec<JiraConfig>,
    /// Rocket.Chat (Alertmanager 0.28 and later).
    #[serde(default)]
    pub rocketchat_configs: Vec<RocketchatConfig>,
    /// Mattermost (Alertmanager 0.29 and later).
    #[serde(default)]
    pub mattermost_configs: Vec<MattermostConfig>,
    /// DingTalk robots, reached through the DingTalk bridge (`routing.dingtalk_bridge`).
    #[serde(default)]
    pub dingtalk_configs: Vec<DingtalkConfig>,
}

impl Receiver {
    /// How many integrations the receiver has; a receiver with none drops its notifications.
    pub fn integration_count(&self) -> usize {
        self.discord_configs.len()
            + self.email_configs.len()
            + self.incidentio_configs.len()
            + self.pushover_configs.len()
            + self.victorops_configs.len()
            + self.sns_configs.len()
            + self.webex_configs.len()
            + self.msteamsv2_configs.len()
            + self.jira_configs.len()
            + self.rocketchat_configs.len()
            + self.mattermost_configs.len()
            + self.webhook_configs.len()
            + self.slack_configs.len()
            + self.pagerduty_configs.len()
            + self.opsgenie_configs.len()
            + self.wechat_configs.len()
            + self.msteams_configs.len()
            + self.telegram_configs.len()
            + self.dingtalk_configs.len()
    }
}

/// HTTP basic authentication.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BasicAuth {
    pub username: String,
    pub password: Secret,
}

/// The Authorization header.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Authorization {
    /// Default `Bearer`.
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    pub credentials: Secret,
}

/// How Alertmanager's HTTP client authenticates and connects (global or per integration).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HttpConfig {
    #[serde(default)]
    pub basic_auth: Option<BasicAuth>,
    #[serde(default)]
    pub authorization: Option<Authorization>,
    /// OAuth 2.0 (client credentials or JWT bearer), as in prometheus.yml.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oauth2: Option<crate::spec::scrape::OAuth2>,
    #[serde(default)]
    pub tls_config: Option<TlsConfig>,
    #[serde(default)]
    pub proxy_url: Option<String>,
    /// Comma-separated hosts, IPs and CIDRs reached without the proxy (needs `proxy_url`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_proxy: Option<String>,
    /// Take the proxy from HTTP_PROXY, HTTPS_PROXY and NO_PROXY.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proxy_from_environment: Option<bool>,
    #[serde(default)]
    pub follow_redirects: Option<bool>,
    #[serde(default)]
    pub enable_http2: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EmailConfig {
    /// Whether to notify about resolved alerts (default false).
    #[serde(default)]
    pub send_resolved: Option<bool>,
    /// Recipients, comma-separated.
    pub to: String,
    /// Default `global.smtp_from`.
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub hello: Option<String>,
    /// `host:port`; default `global.smtp_smarthost`.
    #[serde(default)]
    pub smarthost: Option<String>,
    #[serde(default)]
    pub auth_username: Option<String>,
    #[serde(default)]
    pub auth_password: Option<Secret>,
    #[serde(default)]
    pub auth_secret: Option<Secret>,
    #[serde(default)]
    pub auth_identity: Option<String>,
    /// Mail headers, e.g. `Subject` (a template).
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    /// HTML body template (default Alertmanager's `email.default.html`).
    #[serde(default)]
    pub html: Option<String>,
    /// Plain-text body template.
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub require_tls: Option<bool>,
    #[serde(default)]
    pub tls_config: Option<TlsConfig>,
    /// Implicit TLS (a TLS connection from the start) when true, STARTTLS when false; by port
    /// (465 implicit) when absent (Alertmanager 0.29+).
    #[serde(default)]
    pub force_implicit_tls: Option<bool>,
    /// Mail threading of a group's notifications (Alertmanager main).
    #[serde(default)]
    pub threading: Option<EmailThreading>,
}

/// How an email config threads the notifications of one alert group.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EmailThreading {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// `none` or `daily` (a new thread each day).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thread_by_date: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WebhookConfig {
    /// Default true.
    #[serde(default)]
    pub send_resolved: Option<bool>,
    /// The endpoint: a URL, or a secret reference when it carries a token (`{file: ...}` renders
    /// as `url_file`, Alertmanager 0.26 and later).
    pub url: Secret,
    #[serde(default)]
    pub http_config: Option<HttpConfig>,
    /// Most alerts per message; 0 (default) sends all.
    #[serde(default)]
    pub max_alerts: Option<u64>,
    /// Longest time a request may take; 0 (default) sets no limit (Alertmanager 0.28+).
    #[serde(default)]
    pub timeout: Option<Duration>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SlackField {
    pub title: String,
    pub value: String,
    #[serde(default)]
    pub short: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SlackConfirm {
    pub text: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub ok_text: Option<String>,
    #[serde(default)]
    pub dismiss_text: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SlackAction {
    #[serde(rename = "type")]
    pub kind: String,
    pub text: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub style: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub value: Option<String>,
    #[serde(default)]
    pub confirm: Option<SlackConfirm>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SlackConfig {
    /// Default false.
    #[serde(default)]
    pub send_resolved: Option<bool>,
    /// The incoming-webhook URL (a secret); default `global.slack_api_url`.
    #[serde(default)]
    pub api_url: Option<Secret>,
    /// A Slack app's bot token (a secret; `{file: ...}` renders as `app_token_file`), posted to
    /// `app_url`; default `global.slack_app_token` (Alertmanager 0.29+). At most one of api_url
    /// and app_token.
    #[serde(default)]
    pub app_token: Option<Secret>,
    /// The Web API method app tokens post to; default `global.slack_app_url`.
    #[serde(default)]
    pub app_url: Option<String>,
    #[serde(default)]
    pub http_config: Option<HttpConfig>,
    #[serde(default)]
    pub channel: Option<String>,
    #[serde(default)]
    pub username: Option<String>,
    #[serde(default)]
    pub color: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub title_link: Option<String>,
    #[serde(default)]
    pub pretext: Option<String>,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub fields: Vec<SlackField>,
    #[serde(default)]
    pub short_fields: Option<bool>,
    #[serde(default)]
    pub footer: Option<String>,
    #[serde(default)]
    pub fallback: Option<String>,
    #[serde(default)]
    pub callback_id: Option<String>,
    #[serde(default)]
    pub icon_emoji: Option<String>,
    #[serde(default)]
    pub icon_url: Option<String>,
    #[serde(default)]
    pub image_url: Option<String>,
    #[serde(default)]
    pub thumb_url: Option<String>,
    #[serde(default)]
    pub link_names: Option<bool>,
    #[serde(default)]
    pub mrkdwn_in: Vec<String>,
    #[serde(default)]
    pub actions: Vec<SlackAction>,
    /// Message text outside the attachment (Alertmanager main).
    #[serde(default)]
    pub message_text: Option<String>,
    /// Update the group's first message instead of posting new ones (bot tokens only,
    /// api_url `https://slack.com/api/chat.postMessage`).
    #[serde(default)]
    pub update_message: Option<bool>,
    /// Post later notifications as replies in the first message's thread (bot tokens only).
    #[serde(default)]
    pub post_updates_to_thread: Option<bool>,
    /// Longest time a request may take; 0 (default) sets no limit.
    #[serde(default)]
    pub timeout: Option<Duration>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PagerdutyImage {
    pub src: String,
    #[serde(default)]
    pub alt: Option<String>,
    #[serde(default)]
    pub href: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PagerdutyLink {
    pub href: String,
    #[serde(default)]
    pub text: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PagerdutyConfig {
    /// Default true.
    #[serde(default)]
    pub send_resolved: Option<bool>,
    /// Events API v2 integration key (one of routing_key and service_key is required).
    #[serde(default)]
    pub routing_key: Option<Secret>,
    /// Events API v1 integration key.
    #[serde(default)]
    pub service_key: Option<Secret>,
    /// Default `global.pagerduty_url`.
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub http_config: Option<HttpConfig>,
    #[serde(default)]
    pub client: Option<String>,
    #[serde(default)]
    pub client_url: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub details: BTreeMap<String, String>,
    #[serde(default)]
    pub images: Vec<PagerdutyImage>,
    #[serde(default)]
    pub links: Vec<PagerdutyLink>,
    #[serde(default)]
    pub source: Option<String>,
    /// `critical`, `error`, `warning` or `info`, or a template.
    #[serde(default)]
    pub severity: Option<String>,
    #[serde(default)]
    pub class: Option<String>,
    #[serde(default)]
    pub component: Option<String>,
    #[serde(default)]
    pub group: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OpsgenieResponder {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub username: Option<String>,
    /// `team`, `teams`, `user`, `escalation` or `schedule` (or a template).
    #[serde(rename = "type")]
    pub kind: String,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OpsgenieConfig {
    /// Default true.
    #[serde(default)]
    pub send_resolved: Option<bool>,
    /// Default `global.opsgenie_api_key`.
    #[serde(default)]
    pub api_key: Option<Secret>,
    /// Default `global.opsgenie_api_url`.
    #[serde(default)]
    pub api_url: Option<String>,
    #[serde(default)]
    pub http_config: Option<HttpConfig>,
    #[serde(default)]
    pub message: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub details: BTreeMap<String, String>,
    #[serde(default)]
    pub entity: Option<String>,
    #[serde(default)]
    pub responders: Vec<OpsgenieResponder>,
    #[serde(default)]
    pub actions: Option<String>,
    #[serde(default)]
    pub tags: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub priority: Option<String>,
    #[serde(default)]
    pub update_alerts: Option<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum WechatMessageType {
    Text,
    Markdown,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WechatConfig {
    /// Default false.
    #[serde(default)]
    pub send_resolved: Option<bool>,
    /// Default `global.wechat_api_secret` (`{file: ...}` renders as `api_secret_file`,
    /// Alertmanager 0.29+).
    #[serde(default)]
    pub api_secret: Option<Secret>,
    /// Default `global.wechat_api_url`.
    #[serde(default)]
    pub api_url: Option<String>,
    /// Default `global.wechat_api_corp_id`.
    #[serde(default)]
    pub corp_id: Option<String>,
    #[serde(default)]
    pub http_config: Option<HttpConfig>,
    #[serde(default)]
    pub message: Option<String>,
    #[serde(default)]
    pub message_type: Option<WechatMessageType>,
    #[serde(default)]
    pub agent_id: Option<String>,
    #[serde(default)]
    pub to_user: Option<String>,
    #[serde(default)]
    pub to_party: Option<String>,
    #[serde(default)]
    pub to_tag: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MsteamsConfig {
    /// Default true.
    #[serde(default)]
    pub send_resolved: Option<bool>,
    /// The incoming-webhook URL (a secret; `{file: ...}` renders as `webhook_url_file`).
    pub webhook_url: Secret,
    #[serde(default)]
    pub http_config: Option<HttpConfig>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub text: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum TelegramParseMode {
    Markdown,
    MarkdownV2,
    #[serde(rename = "HTML")]
    Html,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TelegramConfig {
    /// Default true.
    #[serde(default)]
    pub send_resolved: Option<bool>,
    /// Default `global.telegram_api_url`.
    #[serde(default)]
    pub api_url: Option<String>,
    /// The bot's token (a secret; `{file: ...}` renders as `bot_token_file`, Alertmanager 0.26+);
    /// default `global.telegram_bot_token`.
    #[serde(default)]
    pub bot_token: Option<Secret>,
    /// The chat to post to (non-zero); or `chat_id_file`.
    #[serde(default)]
    pub chat_id: Option<i64>,
    /// A file holding the chat id (Alertmanager main).
    #[serde(default)]
    pub chat_id_file: Option<String>,
    /// The topic of a forum supergroup.
    #[serde(default)]
    pub message_thread_id: Option<i64>,
    #[serde(default)]
    pub message: Option<String>,
    #[serde(default)]
    pub disable_notifications: Option<bool>,
    /// Default `HTML`.
    #[serde(default)]
    pub parse_mode: Option<TelegramParseMode>,
    #[serde(default)]
    pub http_config: Option<HttpConfig>,
    /// Longest time a request may take; 0 (default) sets no limit.
    #[serde(default)]
    pub timeout: Option<Duration>,
}

/// A DingTalk robot. Alertmanager has no DingTalk integration: monctl renders this as a webhook
/// to the DingTalk bridge (prometheus-webhook-dingtalk) at `routing.dingtalk_bridge.url`, target
/// `<receiver>` (or `<receiver>-<n>` for the n-th config after the first); the robot's URL, signing
/// secret and message template are the bridge's configuration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DingtalkConfig {
    /// Default true.
    #[serde(default)]
    pub send_resolved: Option<bool>,
    /// The robot's webhook URL with its access_token (a secret, for the bridge). Required.
    #[serde(default)]
    pub robot_url: Option<Secret>,
    /// The robot's signing secret, when it has one (for the bridge).
    #[serde(default)]
    pub secret: Option<Secret>,
    /// Message template (Markdown), rendered by the bridge.
    #[serde(default)]
    pub message: Option<String>,
    /// Message title template, rendered by the bridge.
    #[serde(default)]
    pub title: Option<String>,
    /// Most alerts per message; 0 (default) sends all.
    #[serde(default)]
    pub max_alerts: Option<u64>,
}

/// The DingTalk bridge service that `dingtalk_configs` post to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DingtalkBridge {
    /// The bridge's base URL as Alertmanager reaches it, e.g. `http://dingtalk-bridge:8060`.
    pub url: String,
}

impl DingtalkBridge {
    /// The bridge's per-target endpoint (prometheus-webhook-dingtalk's `/dingtalk/<target>/send`).
    pub fn target_url(&self, target: &str) -> String {
        format!("{}/dingtalk/{target}/send", self.url.trim_end_matches('/'))
    }
}

/// The bridge target name of a receiver's `index`-th DingTalk config.
pub fn dingtalk_target(receiver: &str, index: usize) -> String {
    let base: String = receiver
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if index == 0 {
        base
    } else {
        format!("{base}-{}", index + 1)
    }
}
