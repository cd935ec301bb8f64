//! Load checks of the integrations added after Alertmanager 0.25 (Discord, Webex, Teams
//! Workflows, Jira, Rocket.Chat, Mattermost, incident.io) and of VictorOps, Pushover and SNS,
//! with the globals that feed them: what Alertmanager refuses at load, in its own words.

use super::{FileForm, Validator};
use crate::codes::{INVALID_FIELD_COMBINATION, INVALID_VALUE};
use crate::diagnostic::SpecPath;
use crate::spec::routing::receiver::{Receiver, SlackConfig};
use crate::spec::routing::tracing::EventRecorder;
use crate::spec::routing::{HttpConfig, RoutingGlobal, Secret};

/// Slack's Web API method that bot tokens post to.
const SLACK_POST_MESSAGE: &str = "https://slack.com/api/chat.postMessage";

/// Fields of a VictorOps incident that `custom_fields` cannot override.
const VICTOROPS_RESERVED: &[&str] = &[
    "routing_key",
    "message_type",
    "state_message",
    "entity_display_name",
    "monitoring_tool",
    "entity_id",
    "entity_state",
];

impl Validator {
    fn must(&mut self, path: SpecPath, message: &str, help: &str) {
        self.error(INVALID_FIELD_COMBINATION, path, message.into(), help);
    }

    fn opt_secret(&mut self, secret: &Option<Secret>, path: SpecPath, what: &str) {
        if let Some(s) = secret {
            self.secret(s, path, what, FileForm::Supported);
        }
    }

    fn opt_url(&mut self, url: &Option<String>, path: SpecPath) {
        if let Some(u) = url {
            self.url(u, &path);
        }
    }

    /// A URL that may be a secret and may be a template (incident.io, event webhooks).
    fn opt_secret_url(&mut self, url: &Option<Secret>, path: SpecPath, what: &str) {
        match url {
            Some(Secret::Literal(u)) if u.contains("{{") => self.template(u, path),
            Some(s) => self.secret_url(s, path, what, false),
            None => {}
        }
    }

    /// A Go template's actions open and close in pairs.
    pub(super) fn template(&mut self, text: &str, path: SpecPath) {
        let opens = text.matches("{{").count();
        let closes = text.matches("}}").count();
        if opens != closes {
            self.error(
                INVALID_VALUE,
                path,
                format!("template has {opens} `{{{{` but {closes} `}}}}`"),
                "every action opens with {{ and closes with }}",
            );
        }
    }

    pub(super) fn event_recorder(&mut self, recorder: &EventRecorder, path: &SpecPath) {
        for (i, hook) in recorder.webhook_outputs.iter().enumerate() {
            let p = path.key("webhook_outputs").index(i);
            match &hook.url {
                Some(url) => self.url(url, &p.key("url")),
                None => self.must(
                    p.clone(),
                    "an event webhook needs url",
                    "give the endpoint's URL",
                ),
            }
            self.http_config(&hook.http_config, p.key("http_config"));
        }
    }

    pub(super) fn global_notifiers(&mut self, g: &RoutingGlobal, path: &SpecPath) {
        let secrets = [
            ("slack_app_token", &g.slack_app_token, "the Slack app token"),
            (
                "victorops_api_key",
                &g.victorops_api_key,
                "the VictorOps API key",
            ),
            (
                "telegram_bot_token",
                &g.telegram_bot_token,
                "the Telegram bot token",
            ),
            (
                "rocketchat_token",
                &g.rocketchat_token,
                "the Rocket.Chat token",
            ),
            (
                "rocketchat_token_id",
                &g.rocketchat_token_id,
                "the Rocket.Chat token id",
            ),
        ];
        for (field, value, what) in secrets {
            self.opt_secret(value, path.key(field), what);
        }
        if let Some(url) = &g.mattermost_webhook_url {
            self.secret_url(
                url,
                path.key("mattermost_webhook_url"),
                "the Mattermost webhook URL",
                true,
            );
        }
        for (field, value) in [
            ("slack_app_url", &g.slack_app_url),
            ("victorops_api_url", &g.victorops_api_url),
            ("webex_api_url", &g.webex_api_url),
            ("jira_api_url", &g.jira_api_url),
            ("rocketchat_api_url", &g.rocketchat_api_url),
        ] {
            self.opt_url(value, path.key(field));
        }
        // A bot token posts to the app URL: an api_url that is that URL is the old workaround.
        if g.slack_app_token.is_some() {
            if let Some(api) = &g.slack_api_url {
                let app = g.slack_app_url.as_deref().unwrap_or(SLACK_POST_MESSAGE);
                // Alertmanager compares the inline URL with the app URL (a file's is not read
                // then); an environment reference's value is unknown here.
                let differs = match api {
                    Secret::Literal(url) => url != app,
                    Secret::File(_) => true,
                    Secret::Env(_) => false,
                };
                if differs {
                    self.must(
                        path.key("slack_app_token"),
                        "at most one of slack_app_token/slack_app_token_file & slack_api_url/slack_api_url_file must be configured",
                        "a bot token posts to slack_app_url; keep slack_api_url only for incoming webhooks",
                    );
                }
            }
        }
    }

    pub(super) fn slack_app(&mut self, slack: &SlackConfig, p: &SpecPath) {
        self.opt_secret(&slack.app_token, p.key("app_token"), "the Slack app token");
        self.opt_url(&slack.app_url, p.key("app_url"));
        if slack.api_url.is_some() && slack.app_token.is_some() {
            self.must(
                p.clone(),
                "at most one of api_url/api_url_file & app_token/app_token_file must be configured",
                "use api_url for an incoming webhook, or app_token for a bot",
            );
        }
        if slack.app_token.is_some()
            && slack
                .http_config
                .as_ref()
                .is_some_and(|h| h.authorization.is_some())
        {
            self.must(
                p.key("http_config").key("authorization"),
                "http authorization can't be set when using Slack App tokens",
                "the app token is sent as the Authorization header; remove one of them",
            );
        }
        // A reference's value is unknown here (the import checks the native literal).
        let posts_to_web_api = match &slack.api_url {
            Some(Secret::Literal(url)) => url == SLACK_POST_MESSAGE,
            Some(_) => true,
            None => false,
        };
        for (field, set) in [
            ("update_message", slack.update_message == Some(true)),
            (
                "post_updates_to_thread",
                slack.post_updates_to_thread == Some(true),
            ),
        ] {
            if set && !posts_to_web_api {
                self.must(
                    p.key(field),
                    &format!("{field} can only be used with bot tokens. api_url must be set to {SLACK_POST_MESSAGE}"),
                    "give this config api_url: https://slack.com/api/chat.postMessage and a bot token in http_config.authorization",
                );
            }
        }
    }

    pub(super) fn notifiers(&mut self, r: &Receiver, path: &SpecPath, g: &RoutingGlobal) {
        for (j, d) in r.discord_configs.iter().enumerate() {
            let p = path.key("discord_configs").index(j);
            match &d.webhook_url {
                Some(url) => {
                    self.secret_url(url, p.key("webhook_url"), "the Discord webhook URL", true)
                }
                None => self.must(
                    p.clone(),
                    "one of webhook_url or webhook_url_file must be configured",
                    "give the Discord webhook URL as a reference: webhook_url: {file: PATH}",
                ),
            }
            self.http_config(&d.http_config, p.key("http_config"));
        }
        for (j, w) in r.webex_configs.iter().enumerate() {
            let p = path.key("webex_configs").index(j);
            if w.room_id.as_deref().unwrap_or("").is_empty() {
                self.must(
                    p.key("room_id"),
                    "missing room_id on webex_config",
                    "give the Webex room's id",
                );
            }
            if w.http_config
                .as_ref()
                .is_none_or(|h| h.authorization.is_none())
            {
                self.must(
                    p.key("http_config"),
                    "missing webex_configs.http_config.authorization",
                    "give the bot's access token: http_config: {authorization: {credentials: {file: PATH}}}",
                );
            }
            self.opt_url(&w.api_url, p.key("api_url"));
            self.http_config(&w.http_config, p.key("http_config"));
        }
        for (j, t) in r.msteamsv2_configs.iter().enumerate() {
            let p = path.key("msteamsv2_configs").index(j);
            match &t.webhook_url {
                Some(url) => self.secret_url(
                    url,
                    p.key("webhook_url"),
                    "the Teams Workflows webhook URL",
                    true,
                ),
                None => self.must(
                    p.clone(),
                    "no msteamsv2 webhook URL or URLFile provided",
                    "give the Workflows webhook URL as a reference: webhook_url: {file: PATH}",
                ),
            }
            self.http_config(&t.http_config, p.key("http_config"));
        }
        for (j, m) in r.mattermost_configs.iter().enumerate() {
            let p = path.key("mattermost_configs").index(j);
            match &m.webhook_url {
                Some(url) => self.secret_url(url, p.key("webhook_url"), "the Mattermost webhook URL", true),
                None if g.mattermost_webhook_url.is_none() => self.must(
                    p.clone(),
                    "missing webhook_url or webhook_url_file on mattermost_config",
                    "set webhook_url here or routing.global.mattermost_webhook_url, as a secret reference",
                ),
                None => {}
            }
            let fields = m
                .fields
                .iter()
                .chain(m.attachments.iter().flat_map(|a| a.fields.iter()));
            for (k, f) in fields.enumerate() {
                if f.title.is_empty() || f.value.is_empty() {
                    self.must(
                        p.key("fields").index(k),
                        if f.title.is_empty() {
                            "missing title in Mattermost field configuration"
                        } else {
                            "missing value in Mattermost field configuration"
                        },
                        "a field needs a title and a value",
                    );
                }
            }
            self.http_config(&m.http_config, p.key("http_config"));
        }
        for (j, rc) in r.rocketchat_configs.iter().enumerate() {
            let p = path.key("rocketchat_configs").index(j);
            match &rc.token_id {
                Some(s) => self.secret(s, p.key("token_id"), "the Rocket.Chat token id", FileForm::Supported),
                None if g.rocketchat_token_id.is_none() => self.must(
                    p.clone(),
                    "no global Rocketchat TokenID set either inline or in a file",
                    "set token_id here or routing.global.rocketchat_token_id, as a secret reference",
                ),
                None => {}
            }
            match &rc.token {
                Some(s) => self.secret(
                    s,
                    p.key("token"),
                    "the Rocket.Chat token",
                    FileForm::Supported,
                ),
                None if g.rocketchat_token.is_none() => self.must(
                    p.clone(),
                    "no global Rocketchat Token set either inline or in a file",
                    "set token here or routing.global.rocketchat_token, as a secret reference",
                ),
                None => {}
            }
            self.opt_url(&rc.api_url, p.key("api_url"));
            self.http_config(&rc.http_config, p.key("http_config"));
        }
        for (j, jc) in r.jira_configs.iter().enumerate() {
            let p = path.key("jira_configs").index(j);
            if jc.project.as_deref().unwrap_or("").is_empty() {
                self.must(
                    p.key("project"),
                    "missing project in jira_config",
                    "give the project key, e.g. OPS",
                );
            }
            if jc.issue_type.as_deref().unwrap_or("").is_empty() {
                self.must(
                    p.key("issue_type"),
                    "missing issue_type in jira_config",
                    "give the issue type, e.g. Bug",
                );
            }
            match &jc.api_url {
                Some(u) => self.url(u, &p.key("api_url")),
                None if g.jira_api_url.is_none() => self.must(
                    p.clone(),
                    "no global Jira Cloud URL set",
                    "set api_url here or routing.global.jira_api_url, e.g. https://example.atlassian.net/rest/api/2",
                ),
                None => {}
            }
            self.http_config(&jc.http_config, p.key("http_config"));
        }
        for (j, v) in r.victorops_configs.iter().enumerate() {
            let p = path.key("victorops_configs").index(j);
            if v.routing_key.as_deref().unwrap_or("").is_empty() {
                self.must(
                    p.key("routing_key"),
                    "missing Routing key in VictorOps config",
                    "give the routing key of the team",
                );
            }
            match &v.api_key {
                Some(s) => self.secret(
                    s,
                    p.key("api_key"),
                    "the VictorOps API key",
                    FileForm::Supported,
                ),
                None if g.victorops_api_key.is_none() => self.must(
                    p.clone(),
                    "no global VictorOps API Key set",
                    "set api_key here or routing.global.victorops_api_key, as a secret reference",
                ),
                None => {}
            }
            for key in v.custom_fields.keys() {
                if VICTOROPS_RESERVED.contains(&key.as_str()) {
                    self.error(
                        INVALID_VALUE,
                        p.key("custom_fields").key(key),
                        format!("victorOps config contains custom field {key} which cannot be used as it conflicts with the fixed/static fields"),
                        "set it with its own field, or rename the custom field",
                    );
                }
            }
            self.opt_url(&v.api_url, p.key("api_url"));
            self.http_config(&v.http_config, p.key("http_config"));
        }
        for (j, po) in r.pushover_configs.iter().enumerate() {
            let p = path.key("pushover_configs").index(j);
            for (field, value, what) in [
                ("user_key", &po.user_key, "the Pushover user key"),
                ("token", &po.token, "the Pushover token"),
            ] {
                match value {
                    Some(s) => self.secret(s, p.key(field), what, FileForm::Supported),
                    None => self.must(
                        p.clone(),
                        &format!("one of {field} or {field}_file must be configured"),
                        &format!("give {what} as a secret reference: {field}: {{file: PATH}}"),
                    ),
                }
            }
            if po.html == Some(true) && po.monospace == Some(true) {
                self.must(
                    p.clone(),
                    "at most one of monospace & html must be configured",
                    "keep one of them",
                );
            }
            self.http_config(&po.http_config, p.key("http_config"));
        }
        for (j, sns) in r.sns_configs.iter().enumerate() {
            let p = path.key("sns_configs").index(j);
            let set = [&sns.topic_arn, &sns.target_arn, &sns.phone_number]
                .iter()
                .filter(|v| v.as_deref().is_some_and(|s| !s.is_empty()))
                .count();
            if set != 1 {
                self.must(
                    p.clone(),
                    "must provide either a Target ARN, Topic ARN, or Phone Number for SNS config",
                    "set exactly one of topic_arn, target_arn and phone_number",
                );
            }
            if let Some(sigv4) = &sns.sigv4 {
                if let Some(s) = &sigv4.secret_key {
                    self.secret(
                        s,
                        p.key("sigv4").key("secret_key"),
                        "the AWS secret key",
                        FileForm::Unsupported,
                    );
                }
                if sigv4.access_key.is_some() != sigv4.secret_key.is_some() {
                    self.must(
                        p.key("sigv4"),
                        "must provide a AWS SigV4 Access key and Secret Key if credentials are specified in the SigV4 config",
                        "give both access_key and secret_key, or neither (the default AWS credential chain)",
                    );
                }
            }
            if let Some(u) = sns.api_url.as_deref().filter(|u| !u.contains("{{")) {
                self.url(u, &p.key("api_url"));
            }
            self.http_config(&sns.http_config, p.key("http_config"));
        }
        for (j, io) in r.incidentio_configs.iter().enumerate() {
            let p = path.key("incidentio_configs").index(j);
            match &io.url {
                Some(_) => {
                    self.opt_secret_url(&io.url, p.key("url"), "the incident.io alert source URL")
                }
                None => self.must(
                    p.clone(),
                    "one of url or url_file must be configured",
                    "give the alert source's URL",
                ),
            }
            self.opt_secret(
                &io.alert_source_token,
                p.key("alert_source_token"),
                "the incident.io alert source token",
            );
            let authorization = io
                .http_config
                .as_ref()
                .is_some_and(|h: &HttpConfig| h.authorization.is_some());
            if authorization && io.alert_source_token.is_some() {
                self.must(
                    p.clone(),
                    "cannot specify alert_source_token or alert_source_token_file when using http_config.authorization",
                    "keep one of them",
                );
            }
            if io.http_config.is_some() && !authorization && io.alert_source_token.is_none() {
                self.must(
                    p.clone(),
                    "at least one of alert_source_token, alert_source_token_file or http_config.authorization must be configured",
                    "give the alert source token as a secret reference: alert_source_token: {file: PATH}",
                );
            }
            self.http_config(&io.http_config, p.key("http_config"));
        }
    }
}
