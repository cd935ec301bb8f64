//! alertmanager.yml (and `templates/<name>` for inline templates): global settings, templates, the
//! route tree, inhibition rules, receivers and time intervals, in Alertmanager's vocabulary.
//! Deprecated matcher maps are written as matcher lists; secrets as `*_file` fields or `${NAME}`
//! placeholders; DingTalk configs as webhooks to the DingTalk bridge. Integrations whose spec
//! types mirror Alertmanager's field for field are written by `native`.

mod native;

use super::prometheus::tls_config;
use super::yaml::{document, Fields, HEADER};
use super::Artifact;
use crate::model::Model;
use crate::spec::routing::receiver::{
    dingtalk_target, DingtalkConfig, EmailConfig, MsteamsConfig, OpsgenieConfig, PagerdutyConfig,
    SlackConfig, TelegramConfig, WebhookConfig, WechatConfig,
};
use crate::spec::routing::time::TimeSpec;
use crate::spec::routing::{
    HttpConfig, InhibitRule, Matcher, Receiver, Route, Routing, Secret, Template, TimeInterval,
};
use native::native;
use serde_json::Value;

/// alertmanager.yml and the inline template files, when the spec has a routing section.
pub fn alertmanager_files(model: &Model) -> Vec<Artifact> {
    let Some(routing) = &model.spec.routing else {
        return Vec::new();
    };
    let mut artifacts = vec![Artifact {
        path: "alertmanager.yml".into(),
        content: document(&config(routing)),
    }];
    for template in &routing.templates {
        if let Template::Inline(t) = template {
            artifacts.push(Artifact {
                path: inline_template_path(&t.name),
                content: format!(
                    "{{{{/* {} */}}}}\n{}",
                    HEADER.trim_start_matches("# ").trim_end(),
                    t.text
                ),
            });
        }
    }
    artifacts
}

fn inline_template_path(name: &str) -> String {
    format!("templates/{name}")
}

fn config(routing: &Routing) -> Value {
    let mut root = Fields::new();
    root.set("global", global(routing));
    let templates: Vec<String> = routing
        .templates
        .iter()
        .map(|t| match t {
            Template::Files(glob) => glob.clone(),
            Template::Inline(t) => inline_template_path(&t.name),
        })
        .collect();
    root.set("templates", templates)
        .set("route", route(&routing.route))
        .set(
            "inhibit_rules",
            routing
                .inhibit_rules
                .iter()
                .map(inhibit_rule)
                .collect::<Vec<_>>(),
        )
        .set(
            "receivers",
            routing
                .receivers
                .iter()
                .map(|r| receiver(routing, r))
                .collect::<Vec<_>>(),
        )
        .set(
            "time_intervals",
            routing
                .time_intervals
                .iter()
                .map(time_interval)
                .collect::<Vec<_>>(),
        )
        .set("tracing", routing.tracing.as_ref().map(native))
        .set(
            "event_recorder",
            routing.event_recorder.as_ref().map(native),
        );
    root.build()
}

/// Writes a secret as `field` (inline value or `${NAME}`) or `file_field` (a file reference).
fn secret(fields: &mut Fields, field: &str, file_field: &str, value: Option<&Secret>) {
    match value {
        Some(Secret::File(f)) => {
            fields.set(file_field, &f.file);
        }
        Some(other) => {
            fields.set(field, other.inline_value());
        }
        None => {}
    }
}

fn global(routing: &Routing) -> Value {
    let g = &routing.global;
    let mut f = Fields::new();
    f.set("resolve_timeout", g.resolve_timeout)
        .set("smtp_smarthost", &g.smtp_smarthost)
        .set("smtp_from", &g.smtp_from)
        .set("smtp_hello", &g.smtp_hello)
        .set("smtp_auth_username", &g.smtp_auth_username);
    secret(
        &mut f,
        "smtp_auth_password",
        "smtp_auth_password_file",
        g.smtp_auth_password.as_ref(),
    );
    f.set("smtp_auth_identity", &g.smtp_auth_identity);
    secret(
        &mut f,
        "smtp_auth_secret",
        "smtp_auth_secret_file",
        g.smtp_auth_secret.as_ref(),
    );
    f.set("smtp_require_tls", g.smtp_require_tls)
        .set(
            "smtp_tls_config",
            g.smtp_tls_config.as_ref().map(tls_config),
        )
        .set("smtp_force_implicit_tls", g.smtp_force_implicit_tls);
    secret(
        &mut f,
        "slack_api_url",
        "slack_api_url_file",
        g.slack_api_url.as_ref(),
    );
    secret(
        &mut f,
        "slack_app_token",
        "slack_app_token_file",
        g.slack_app_token.as_ref(),
    );
    f.set("slack_app_url", &g.slack_app_url);
    secret(
        &mut f,
        "victorops_api_key",
        "victorops_api_key_file",
        g.victorops_api_key.as_ref(),
    );
    f.set("victorops_api_url", &g.victorops_api_url)
        .set("pagerduty_url", &g.pagerduty_url)
        .set("opsgenie_api_url", &g.opsgenie_api_url);
    secret(
        &mut f,
        "opsgenie_api_key",
        "opsgenie_api_key_file",
        g.opsgenie_api_key.as_ref(),
    );
    f.set("wechat_api_url", &g.wechat_api_url);
    secret(
        &mut f,
        "wechat_api_secret",
        "wechat_api_secret_file",
        g.wechat_api_secret.as_ref(),
    );
    f.set("wechat_api_corp_id", &g.wechat_api_corp_id)
        .set("telegram_api_url", &g.telegram_api_url);
    secret(
        &mut f,
        "telegram_bot_token",
        "telegram_bot_token_file",
        g.telegram_bot_token.as_ref(),
    );
    f.set("webex_api_url", &g.webex_api_url)
        .set("jira_api_url", &g.jira_api_url)
        .set("rocketchat_api_url", &g.rocketchat_api_url);
    secret(
        &mut f,
        "rocketchat_token",
        "rocketchat_token_file",
        g.rocketchat_token.as_ref(),
    );
    secret(
        &mut f,
        "rocketchat_token_id",
        "rocketchat_token_id_file",
        g.rocketchat_token_id.as_ref(),
    );
    secret(
        &mut f,
        "mattermost_webhook_url",
        "mattermost_webhook_url_file",
        g.mattermost_webhook_url.as_ref(),
    );
    f.set("http_config", g.http_config.as_ref().map(http_config));
    f.build()
}

fn http_config(http: &HttpConfig) -> Value {
    let mut f = Fields::new();
    if let Some(basic) = &http.basic_auth {
        let mut b = Fields::new();
        b.set("username", &basic.username);
        secret(&mut b, "password", "password_file", Some(&basic.password));
        f.set("basic_auth", b.build());
    }
    if let Some(auth) = &http.authorization {
        let mut a = Fields::new();
        a.set("type", &auth.kind);
        secret(
            &mut a,
            "credentials",
            "credentials_file",
            Some(&auth.credentials),
        );
        f.set("authorization", a.build());
    }
    f.set(
        "oauth2",
        http.oauth2.as_ref().map(super::prometheus::oauth2),
    )
    .set("tls_config", http.tls_config.as_ref().map(tls_config))
    .set("proxy_url", &http.proxy_url)
    .set("no_proxy", &http.no_proxy)
    .set("proxy_from_environment", http.proxy_from_environment)
    .set("follow_redirects", http.follow_redirects)
    .set("enable_http2", http.enable_http2);
    f.build()
}

fn matcher_strings(matchers: &[Matcher]) -> Vec<String> {
    matchers.iter().map(ToString::to_string).collect()
}

fn route(route: &Route) -> Value {
    let mut f = Fields::new();
    f.set("receiver", &route.receiver)
        .set("group_by", &route.group_by);
    if route.continue_ {
        f.set("continue", true);
    }
    f.set("matchers", matcher_strings(&route.all_matchers()))
        .set("group_wait", route.group_wait)
        .set("group_interval", route.group_interval)
        .set("repeat_interval", route.repeat_interval)
        .set("mute_time_intervals", &route.mute_time_intervals)
        .set("active_time_intervals", &route.active_time_intervals)
        .set("labels", &route.labels)
        .set(
            "routes",
            route.routes.iter().map(self::route).collect::<Vec<_>>(),
        );
    f.build()
}

fn inhibit_rule(rule: &InhibitRule) -> Value {
    Fields::new()
        .set(
            "source_matchers",
            matcher_strings(&rule.all_source_matchers()),
        )
        .set(
            "target_matchers",
            matcher_strings(&rule.all_target_matchers()),
        )
        .set("equal", &rule.equal)
        .build()
}

fn time_interval(interval: &TimeInterval) -> Value {
    Fields::new()
        .set("name", &interval.name)
        .set(
            "time_intervals",
            interval
                .time_intervals
                .iter()
                .map(time_spec)
                .collect::<Vec<_>>(),
        )
        .build()
}

fn time_spec(spec: &TimeSpec) -> Value {
    Fields::new()
        .set(
            "times",
            spec.times
                .iter()
                .map(|t| {
                    Fields::new()
                        .set("start_time", &t.start_time)
                        .set("end_time", &t.end_time)
                        .build()
                })
                .collect::<Vec<_>>(),
        )
        .set("weekdays", &spec.weekdays)
        .set("days_of_month", &spec.days_of_month)
        .set("months", &spec.months)
        .set("years", &spec.years)
        .set("location", &spec.location)
        .build()
}

fn receiver(routing: &Routing, r: &Receiver) -> Value {
    let mut webhooks: Vec<Value> = r.webhook_configs.iter().map(webhook).collect();
    webhooks.extend(
        r.dingtalk_configs
            .iter()
            .enumerate()
            .map(|(i, d)| dingtalk(routing, &r.name, i, d)),
    );
    Fields::new()
        .set("name", &r.name)
        .set("labels", &r.labels)
        .set(
            "discord_configs",
            r.discord_configs.iter().map(native).collect::<Vec<_>>(),
        )
        .set(
            "email_configs",
            r.email_configs.iter().map(email).collect::<Vec<_>>(),
        )
        .set(
            "incidentio_configs",
            r.incidentio_configs.iter().map(native).collect::<Vec<_>>(),
        )
        .set("webhook_configs", webhooks)
        .set(
            "slack_configs",
            r.slack_configs.iter().map(slack).collect::<Vec<_>>(),
        )
        .set(
            "pagerduty_configs",
            r.pagerduty_configs
                .iter()
                .map(pagerduty)
                .collect::<Vec<_>>(),
        )
        .set(
            "opsgenie_configs",
            r.opsgenie_configs.iter().map(opsgenie).collect::<Vec<_>>(),
        )
        .set(
            "wechat_configs",
            r.wechat_configs.iter().map(wechat).collect::<Vec<_>>(),
        )
        .set(
            "pushover_configs",
            r.pushover_configs.iter().map(native).collect::<Vec<_>>(),
        )
        .set(
            "victorops_configs",
            r.victorops_configs.iter().map(native).collect::<Vec<_>>(),
        )
        .set(
            "sns_configs",
            r.sns_configs.iter().map(native).collect::<Vec<_>>(),
        )
        .set(
            "telegram_configs",
            r.telegram_configs.iter().map(telegram).collect::<Vec<_>>(),
        )
        .set(
            "webex_configs",
            r.webex_configs.iter().map(native).collect::<Vec<_>>(),
        )
        .set(
            "msteams_configs",
            r.msteams_configs.iter().map(msteams).collect::<Vec<_>>(),
        )
        .set(
            "msteamsv2_configs",
            r.msteamsv2_configs.iter().map(native).collect::<Vec<_>>(),
        )
        .set(
            "jira_configs",
            r.jira_configs.iter().map(native).collect::<Vec<_>>(),
        )
        .set(
            "rocketchat_configs",
            r.rocketchat_configs.iter().map(native).collect::<Vec<_>>(),
        )
        .set(
            "mattermost_configs",
            r.mattermost_configs.iter().map(native).collect::<Vec<_>>(),
        )
        .build()
}

fn email(e: &EmailConfig) -> Value {
    let mut f = Fields::new();
    f.set("send_resolved", e.send_resolved)
        .set("to", &e.to)
        .set("from", &e.from)
        .set("smarthost", &e.smarthost)
        .set("hello", &e.hello)
        .set("auth_username", &e.auth_username);
    secret(
        &mut f,
        "auth_password",
        "auth_password_file",
        e.auth_password.as_ref(),
    );
    secret(
        &mut f,
        "auth_secret",
        "auth_secret_file",
        e.auth_secret.as_ref(),
    );
    f.set("auth_identity", &e.auth_identity)
        .set("require_tls", e.require_tls)
        .set("tls_config", e.tls_config.as_ref().map(tls_config))
        .set("headers", &e.headers)
        .set("html", &e.html)
        .set("text", &e.text)
        .set("force_implicit_tls", e.force_implicit_tls)
        .set("threading", e.threading.as_ref().map(native));
    f.build()
}

fn webhook(w: &WebhookConfig) -> Value {
    let mut f = Fields::new();
    f.set("send_resolved", w.send_resolved);
    secret(&mut f, "url", "url_file", Some(&w.url));
    f.set("http_config", w.http_config.as_ref().map(http_config))
        .set("max_alerts", w.max_alerts)
        .set("timeout", w.timeout);
    f.build()
}

fn dingtalk(routing: &Routing, receiver: &str, index: usize, d: &DingtalkConfig) -> Value {
    let url = routing
        .dingtalk_bridge
        .as_ref()
        .map(|b| b.target_url(&dingtalk_target(receiver, index)));
    Fields::new()
        .set("send_resolved", d.send_resolved)
        .set("url", url)
        .set("max_alerts", d.max_alerts)
        .build()
}

fn slack(s: &SlackConfig) -> Value {
    let mut f = Fields::new();
    f.set("send_resolved", s.send_resolved);
    secret(&mut f, "api_url", "api_url_file", s.api_url.as_ref());
    secret(&mut f, "app_token", "app_token_file", s.app_token.as_ref());
    f.set("app_url", &s.app_url)
        .set("http_config", s.http_config.as_ref().map(http_config))
        .set("channel", &s.channel)
        .set("username", &s.username)
        .set("color", &s.color)
        .set("title", &s.title)
        .set("title_link", &s.title_link)
        .set("pretext", &s.pretext)
        .set("text", &s.text)
        .set(
            "fields",
            s.fields
                .iter()
                .map(|x| {
                    Fields::new()
                        .set("title", &x.title)
                        .set("value", &x.value)
                        .set("short", x.short)
                        .build()
                })
                .collect::<Vec<_>>(),
        )
        .set("short_fields", s.short_fields)
        .set("footer", &s.footer)
        .set("fallback", &s.fallback)
        .set("callback_id", &s.callback_id)
        .set("icon_emoji", &s.icon_emoji)
        .set("icon_url", &s.icon_url)
        .set("image_url", &s.image_url)
        .set("thumb_url", &s.thumb_url)
        .set("link_names", s.link_names)
        .set("mrkdwn_in", &s.mrkdwn_in)
        .set(
            "actions",
            s.actions
                .iter()
                .map(|a| {
                    Fields::new()
                        .set("type", &a.kind)
                        .set("text", &a.text)
                        .set("url", &a.url)
                        .set("style", &a.style)
                        .set("name", &a.name)
                        .set("value", &a.value)
                        .set(
                            "confirm",
                            a.confirm.as_ref().map(|c| {
                                Fields::new()
                                    .set("text", &c.text)
                                    .set("title", &c.title)
                                    .set("ok_text", &c.ok_text)
                                    .set("dismiss_text", &c.dismiss_text)
                                    .build()
                            }),
                        )
                        .build()
                })
                .collect::<Vec<_>>(),
        )
        .set("message_text", &s.message_text)
        .set("update_message", s.update_message)
        .set("post_updates_to_thread", s.post_updates_to_thread)
        .set("timeout", s.timeout);
    f.build()
}

fn pagerduty(p: &PagerdutyConfig) -> Value {
    let mut f = Fields::new();
    f.set("send_resolved", p.send_resolved);
    secret(
        &mut f,
        "routing_key",
        "routing_key_file",
        p.routing_key.as_ref(),
    );
    secret(
        &mut f,
        "service_key",
        "service_key_file",
        p.service_key.as_ref(),
    );
    f.set("url", &p.url)
        .set("http_config", p.http_config.as_ref().map(http_config))
        .set("client", &p.client)
        .set("client_url", &p.client_url)
        .set("description", &p.description)
        .set("details", &p.details)
        .set(
            "images",
            p.images
                .iter()
                .map(|i| {
                    Fields::new()
                        .set("src", &i.src)
                        .set("alt", &i.alt)
                        .set("href", &i.href)
                        .build()
                })
                .collect::<Vec<_>>(),
        )
        .set(
            "links",
            p.links
                .iter()
                .map(|l| {
                    Fields::new()
                        .set("href", &l.href)
                        .set("text", &l.text)
                        .build()
                })
                .collect::<Vec<_>>(),
        )
        .set("source", &p.source)
        .set("severity", &p.severity)
        .set("class", &p.class)
        .set("component", &p.component)
        .set("group", &p.group);
    f.build()
}

fn opsgenie(o: &OpsgenieConfig) -> Value {
    let mut f = Fields::new();
    f.set("send_resolved", o.send_resolved);
    secret(&mut f, "api_key", "api_key_file", o.api_key.as_ref());
    f.set("api_url", &o.api_url)
        .set("http_config", o.http_config.as_ref().map(http_config))
        .set("message", &o.message)
        .set("description", &o.description)
        .set("source", &o.source)
        .set("details", &o.details)
        .set("entity", &o.entity)
        .set(
            "responders",
            o.responders
                .iter()
                .map(|r| {
                    Fields::new()
                        .set("id", &r.id)
                        .set("name", &r.name)
                        .set("username", &r.username)
                        .set("type", &r.kind)
                        .build()
                })
                .collect::<Vec<_>>(),
        )
        .set("actions", &o.actions)
        .set("tags", &o.tags)
        .set("note", &o.note)
        .set("priority", &o.priority)
        .set("update_alerts", o.update_alerts);
    f.build()
}

fn wechat(w: &WechatConfig) -> Value {
    let mut f = Fields::new();
    f.set("send_resolved", w.send_resolved);
    secret(
        &mut f,
        "api_secret",
        "api_secret_file",
        w.api_secret.as_ref(),
    );
    f.set("api_url", &w.api_url)
        .set("corp_id", &w.corp_id)
        .set("http_config", w.http_config.as_ref().map(http_config))
        .set("message", &w.message)
        .set("message_type", w.message_type)
        .set("agent_id", &w.agent_id)
        .set("to_user", &w.to_user)
        .set("to_party", &w.to_party)
        .set("to_tag", &w.to_tag);
    f.build()
}

fn msteams(m: &MsteamsConfig) -> Value {
    let mut f = Fields::new();
    f.set("send_resolved", m.send_resolved);
    secret(
        &mut f,
        "webhook_url",
        "webhook_url_file",
        Some(&m.webhook_url),
    );
    f.set("http_config", m.http_config.as_ref().map(http_config))
        .set("title", &m.title)
        .set("summary", &m.summary)
        .set("text", &m.text);
    f.build()
}

fn telegram(t: &TelegramConfig) -> Value {
    let mut f = Fields::new();
    f.set("send_resolved", t.send_resolved)
        .set("api_url", &t.api_url);
    secret(&mut f, "bot_token", "bot_token_file", t.bot_token.as_ref());
    f.set("chat_id", t.chat_id)
        .set("chat_id_file", &t.chat_id_file)
        .set("message_thread_id", t.message_thread_id)
        .set("message", &t.message)
        .set("disable_notifications", t.disable_notifications)
        .set("parse_mode", t.parse_mode)
        .set("http_config", t.http_config.as_ref().map(http_config))
        .set("timeout", t.timeout);
    f.build()
}
