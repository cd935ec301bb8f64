//! What Alertmanager refuses at load, refused by the spec loader with Alertmanager's own words:
//! one case per check of the integrations, their globals and the route and receiver labels.

use monctl::SourceFile;

/// The error messages of a one-file spec.
fn errors(yaml: &str) -> Vec<String> {
    let (_, diagnostics) = monctl::load_model(&[SourceFile::new("spec.yml", yaml)]);
    diagnostics
        .into_iter()
        .filter(|d| d.is_error())
        .map(|d| format!("{} at {}", d.message, d.path))
        .collect()
}

fn spec(global: &str, receiver: &str) -> String {
    format!("routing:\n  global: {{{global}}}\n  route: {{receiver: r}}\n  receivers:\n    - name: r\n{receiver}")
}

/// (global, receiver body, message, spec path of the error).
const REFUSED: &[(&str, &str, &str, &str)] = &[
    ("", "      discord_configs: [{title: x}]\n", "one of webhook_url or webhook_url_file must be configured", "routing.receivers[0].discord_configs[0]"),
    ("", "      webex_configs: [{http_config: {authorization: {credentials: {env: T}}}}]\n", "missing room_id on webex_config", "routing.receivers[0].webex_configs[0].room_id"),
    ("", "      webex_configs: [{room_id: abc}]\n", "missing webex_configs.http_config.authorization", "routing.receivers[0].webex_configs[0].http_config"),
    ("", "      msteamsv2_configs: [{title: x}]\n", "no msteamsv2 webhook URL or URLFile provided", "routing.receivers[0].msteamsv2_configs[0]"),
    ("", "      mattermost_configs: [{channel: x}]\n", "missing webhook_url or webhook_url_file on mattermost_config", "routing.receivers[0].mattermost_configs[0]"),
    ("mattermost_webhook_url: {env: M}", "      mattermost_configs: [{fields: [{value: v}]}]\n", "missing title in Mattermost field configuration", "routing.receivers[0].mattermost_configs[0].fields[0]"),
    ("rocketchat_token: {env: T}", "      rocketchat_configs: [{channel: x}]\n", "no global Rocketchat TokenID set either inline or in a file", "routing.receivers[0].rocketchat_configs[0]"),
    ("rocketchat_token_id: {env: T}", "      rocketchat_configs: [{channel: x}]\n", "no global Rocketchat Token set either inline or in a file", "routing.receivers[0].rocketchat_configs[0]"),
    ("jira_api_url: 'https://x.atlassian.net/rest/api/2'", "      jira_configs: [{issue_type: Bug}]\n", "missing project in jira_config", "routing.receivers[0].jira_configs[0].project"),
    ("jira_api_url: 'https://x.atlassian.net/rest/api/2'", "      jira_configs: [{project: OPS}]\n", "missing issue_type in jira_config", "routing.receivers[0].jira_configs[0].issue_type"),
    ("", "      jira_configs: [{project: OPS, issue_type: Bug}]\n", "no global Jira Cloud URL set", "routing.receivers[0].jira_configs[0]"),
    ("victorops_api_key: {env: K}", "      victorops_configs: [{message_type: INFO}]\n", "missing Routing key in VictorOps config", "routing.receivers[0].victorops_configs[0].routing_key"),
    ("", "      victorops_configs: [{routing_key: ops}]\n", "no global VictorOps API Key set", "routing.receivers[0].victorops_configs[0]"),
    ("victorops_api_key: {env: K}", "      victorops_configs: [{routing_key: ops, custom_fields: {entity_id: x}}]\n", "victorOps config contains custom field entity_id which cannot be used", "routing.receivers[0].victorops_configs[0].custom_fields.entity_id"),
    ("", "      pushover_configs: [{token: {env: T}}]\n", "one of user_key or user_key_file must be configured", "routing.receivers[0].pushover_configs[0]"),
    ("", "      pushover_configs: [{user_key: {env: U}}]\n", "one of token or token_file must be configured", "routing.receivers[0].pushover_configs[0]"),
    ("", "      pushover_configs: [{user_key: {env: U}, token: {env: T}, html: true, monospace: true}]\n", "at most one of monospace & html must be configured", "routing.receivers[0].pushover_configs[0]"),
    ("", "      sns_configs: [{subject: x}]\n", "must provide either a Target ARN, Topic ARN, or Phone Number for SNS config", "routing.receivers[0].sns_configs[0]"),
    ("", "      sns_configs: [{topic_arn: a, phone_number: '+1'}]\n", "must provide either a Target ARN, Topic ARN, or Phone Number for SNS config", "routing.receivers[0].sns_configs[0]"),
    ("", "      sns_configs: [{topic_arn: a, sigv4: {access_key: k}}]\n", "must provide a AWS SigV4 Access key and Secret Key", "routing.receivers[0].sns_configs[0].sigv4"),
    ("", "      sns_configs: [{topic_arn: a, sigv4: {access_key: k, secret_key: {file: /k}}}]\n", "cannot read the AWS secret key from a file", "routing.receivers[0].sns_configs[0].sigv4.secret_key"),
    ("", "      incidentio_configs: [{alert_source_token: {env: T}}]\n", "one of url or url_file must be configured", "routing.receivers[0].incidentio_configs[0]"),
    ("", "      incidentio_configs: [{url: {file: /u}, alert_source_token: {env: T}, http_config: {authorization: {credentials: {env: C}}}}]\n", "cannot specify alert_source_token or alert_source_token_file when using http_config.authorization", "routing.receivers[0].incidentio_configs[0]"),
    ("", "      incidentio_configs: [{url: {file: /u}, http_config: {proxy_url: 'http://p:3128'}}]\n", "at least one of alert_source_token, alert_source_token_file or http_config.authorization must be configured", "routing.receivers[0].incidentio_configs[0]"),
    ("", "      telegram_configs: [{chat_id: 1}]\n", "missing bot_token or bot_token_file on telegram_config", "routing.receivers[0].telegram_configs[0]"),
    ("", "      telegram_configs: [{bot_token: {env: T}}]\n", "missing chat_id or chat_id_file on telegram_config", "routing.receivers[0].telegram_configs[0].chat_id"),
    ("", "      telegram_configs: [{bot_token: {env: T}, chat_id: 1, chat_id_file: /c}]\n", "at most one of chat_id & chat_id_file must be configured", "routing.receivers[0].telegram_configs[0].chat_id"),
    ("", "      slack_configs: [{channel: x}]\n", "no Slack API URL nor App token set either inline or in a file", "routing.receivers[0].slack_configs[0]"),
    ("", "      slack_configs: [{api_url: {env: U}, app_token: {env: T}}]\n", "at most one of api_url/api_url_file & app_token/app_token_file must be configured", "routing.receivers[0].slack_configs[0]"),
    ("", "      slack_configs: [{app_token: {env: T}, http_config: {authorization: {credentials: {env: C}}}}]\n", "http authorization can't be set when using Slack App tokens", "routing.receivers[0].slack_configs[0].http_config.authorization"),
    ("slack_api_url: {env: U}", "      slack_configs: [{update_message: true}]\n", "update_message can only be used with bot tokens", "routing.receivers[0].slack_configs[0].update_message"),
    ("slack_app_token: {env: T}, slack_api_url: 'https://hooks.slack.com/services/x'", "      slack_configs: [{channel: x}]\n", "at most one of slack_app_token/slack_app_token_file & slack_api_url/slack_api_url_file must be configured", "routing.global.slack_app_token"),
    ("wechat_api_corp_id: c", "      wechat_configs: [{agent_id: '1'}]\n", "no global Wechat Api Secret set either inline or in a file", "routing.receivers[0].wechat_configs[0]"),
    ("opsgenie_api_url: 'https://api.opsgenie.com/'", "      opsgenie_configs: [{message: x}]\n", "no global OpsGenie API Key set either inline or in a file", "routing.receivers[0].opsgenie_configs[0]"),
    ("", "      labels: {name: other}\n", "receiver label \"name\" must match receiver name \"r\", got \"other\"", "routing.receivers[0].labels.name"),
    ("", "      labels: {'-bad-': x}\n", "invalid label name \"-bad-\" in receiver labels", "routing.receivers[0].labels[\"-bad-\"]"),
];

#[test]
fn alertmanagers_load_errors_are_refused_in_its_words() {
    for (global, receiver, message, path) in REFUSED {
        let yaml = spec(global, receiver);
        let found = errors(&yaml);
        let wanted = format!(" at {path}");
        assert!(
            found
                .iter()
                .any(|e| e.contains(message) && e.ends_with(&wanted)),
            "expected `{message}` at {path}, found {found:?}\nin:\n{yaml}"
        );
    }
}

#[test]
fn route_labels_need_label_names() {
    let yaml = "routing:\n  route:\n    receiver: r\n    labels: {'-invalid-': v}\n  receivers: [{name: r}]\n";
    let found = errors(yaml);
    assert!(
        found
            .iter()
            .any(|e| e.contains("invalid label name \"-invalid-\" in route labels")),
        "{found:?}"
    );
}

#[test]
fn route_label_templates_and_event_webhooks_are_checked() {
    let yaml = "routing:\n  route:\n    receiver: r\n    labels: {team: '{{ .GroupLabels.team '}\n  receivers: [{name: r}]\n  event_recorder:\n    webhook_outputs: [{batch: true}, {url: 'ftp://x'}]\n";
    let found = errors(yaml);
    for (message, path) in [
        (
            "template has 1 `{{` but 0 `}}`",
            "routing.route.labels.team",
        ),
        (
            "an event webhook needs url",
            "routing.event_recorder.webhook_outputs[0]",
        ),
        (
            "is not a valid URL",
            "routing.event_recorder.webhook_outputs[1].url",
        ),
    ] {
        let wanted = format!(" at {path}");
        assert!(
            found
                .iter()
                .any(|e| e.contains(message) && e.ends_with(&wanted)),
            "expected `{message}` at {path}, found {found:?}"
        );
    }
}

#[test]
fn the_valid_forms_of_each_integration_load_clean() {
    let yaml = spec(
        "slack_app_token: {file: /t}, victorops_api_key: {env: V}, rocketchat_token: {env: T}, rocketchat_token_id: {env: I}, mattermost_webhook_url: {file: /m}, jira_api_url: 'https://x.atlassian.net/rest/api/2', telegram_bot_token: {file: /tg}, wechat_api_secret: {file: /w}, wechat_api_corp_id: c, smtp_auth_secret: {file: /s}",
        "      slack_configs: [{channel: x}]\n      victorops_configs: [{routing_key: ops}]\n      rocketchat_configs: [{channel: x}]\n      mattermost_configs: [{channel: x}]\n      jira_configs: [{project: OPS, issue_type: Bug}]\n      telegram_configs: [{chat_id: 1}]\n      wechat_configs: [{agent_id: '1'}]\n      discord_configs: [{webhook_url: {file: /d}}]\n      webex_configs: [{room_id: x, http_config: {authorization: {credentials: {file: /w}}}}]\n      msteamsv2_configs: [{webhook_url: {file: /t}}]\n      pushover_configs: [{user_key: {file: /u}, token: {file: /t}}]\n      sns_configs: [{target_arn: a}]\n      incidentio_configs: [{url: {file: /u}, alert_source_token: {file: /t}}]\n      labels: {name: r, team: ops}\n",
    );
    assert_eq!(errors(&yaml), Vec::<String>::new(), "{yaml}");
}
