//! The routing section as the loader reads it: what Alertmanager rejects at load is an error at
//! its place in the spec (undefined receivers and time intervals, bad matchers, regexes, URLs,
//! missing settings, duplicates), deprecated matcher forms and literal secrets are warnings, and
//! the seed's alertmanager.yml as written gets every one of its problems reported at once.

mod support;

use monctl::SourceFile;

/// (code, spec path) of every load-stage routing diagnostic of a one-file spec.
fn findings(yaml: &str) -> Vec<(String, String)> {
    let (_, diagnostics) = monctl::load_model(&[SourceFile::new("spec.yml", yaml)]);
    diagnostics
        .into_iter()
        .filter(|d| d.code.starts_with('S'))
        .map(|d| (d.code.to_string(), d.path.to_string()))
        .collect()
}

fn has(yaml: &str, code: &str, path: &str) {
    let found = findings(yaml);
    assert!(
        found.iter().any(|(c, p)| c == code && p == path),
        "expected {code} at {path}, found {found:?}\nin:\n{yaml}"
    );
}

fn clean(yaml: &str) {
    let found = findings(yaml);
    assert!(
        found.is_empty(),
        "expected no findings, got {found:?}\nin:\n{yaml}"
    );
}

const BASE: &str = "routing:\n  route:\n    receiver: r\n  receivers:\n    - name: r\n";

#[test]
fn a_minimal_routing_section_is_clean() {
    clean(BASE);
}

#[test]
fn route_tree_errors_are_reported_where_they_are() {
    has(
        "routing:\n  route: {receiver: r, routes: [{receiver: nope}]}\n  receivers: [{name: r}]\n",
        "S011",
        "routing.route.routes[0].receiver",
    );
    has(
        "routing:\n  route: {group_by: [a]}\n  receivers: [{name: r}]\n",
        "S009",
        "routing.route",
    );
    has(
        "routing:\n  route: {receiver: r, matchers: ['a=\"b\"']}\n  receivers: [{name: r}]\n",
        "S009",
        "routing.route.matchers",
    );
    has(
        "routing:\n  route: {receiver: r, continue: true}\n  receivers: [{name: r}]\n",
        "S009",
        "routing.route.continue",
    );
    has(
        "routing:\n  route: {receiver: r, routes: [{matchers: ['severity=\"critical']}]}\n  receivers: [{name: r}]\n",
        "S012",
        "routing.route.routes[0].matchers[0]",
    );
    has(
        "routing:\n  route: {receiver: r, routes: [{matchers: ['team=~\"(a|b\"']}]}\n  receivers: [{name: r}]\n",
        "S012",
        "routing.route.routes[0].matchers[0]",
    );
    has(
        "routing:\n  route: {receiver: r, routes: [{match_re: {team: '(a'}}]}\n  receivers: [{name: r}]\n",
        "S008",
        "routing.route.routes[0].match_re.team",
    );
    has(
        "routing:\n  route: {receiver: r, routes: [{match: {1team: a}}]}\n  receivers: [{name: r}]\n",
        "S005",
        "routing.route.routes[0].match.1team",
    );
    has(
        "routing:\n  route: {receiver: r, routes: [{group_by: [a, '...']}]}\n  receivers: [{name: r}]\n",
        "S009",
        "routing.route.routes[0].group_by",
    );
    has(
        "routing:\n  route: {receiver: r, routes: [{group_by: [a, a]}]}\n  receivers: [{name: r}]\n",
        "S005",
        "routing.route.routes[0].group_by[1]",
    );
    has(
        "routing:\n  route: {receiver: r, routes: [{group_by: ['a-b']}]}\n  receivers: [{name: r}]\n",
        "S005",
        "routing.route.routes[0].group_by[0]",
    );
    has(
        "routing:\n  route: {receiver: r, group_interval: 0s}\n  receivers: [{name: r}]\n",
        "S005",
        "routing.route.group_interval",
    );
    has(
        "routing:\n  route: {receiver: r, routes: [{mute_time_intervals: [offhours]}]}\n  receivers: [{name: r}]\n",
        "S011",
        "routing.route.routes[0].mute_time_intervals[0]",
    );
    has(
        "routing:\n  route: {receiver: r, mute_time_intervals: [x]}\n  receivers: [{name: r}]\n  time_intervals: [{name: x, time_intervals: [{}]}]\n",
        "S009",
        "routing.route.mute_time_intervals",
    );
}

#[test]
fn deprecated_matcher_maps_are_warnings() {
    has(
        "routing:\n  route: {receiver: r, routes: [{match: {severity: critical}}]}\n  receivers: [{name: r}]\n",
        "S013",
        "routing.route.routes[0].match",
    );
    let mixed = "routing:\n  route: {receiver: r}\n  receivers: [{name: r}]\n  inhibit_rules:\n    - {source_match: {a: b}, source_matchers: ['c=\"d\"'], target_matchers: ['e=\"f\"']}\n";
    has(mixed, "S013", "routing.inhibit_rules[0].source_match");
    has(mixed, "S013", "routing.inhibit_rules[0].source_matchers");
    let (_, diagnostics) = monctl::load_model(&[SourceFile::new("spec.yml", mixed)]);
    assert!(
        diagnostics.iter().all(|d| !d.is_error()),
        "{diagnostics:#?}"
    );
}

#[test]
fn receiver_errors_are_reported_where_they_are() {
    has(
        "routing:\n  route: {receiver: r}\n  receivers: [{name: r}, {name: r}]\n",
        "S010",
        "routing.receivers[1].name",
    );
    has(
        "routing:\n  route: {receiver: r}\n  receivers: [{name: r, email_configs: [{to: a@b.c}]}]\n",
        "S009",
        "routing.receivers[0].email_configs[0]",
    );
    has(
        "routing:\n  global: {smtp_smarthost: 'smtp.example.com', smtp_from: a@b.c}\n  route: {receiver: r}\n  receivers: [{name: r, email_configs: [{to: a@b.c}]}]\n",
        "S005",
        "routing.global.smtp_smarthost",
    );
    has(
        "routing:\n  global: {smtp_smarthost: 'h:25', smtp_from: a@b.c}\n  route: {receiver: r}\n  receivers: [{name: r, email_configs: [{to: a@b.c, headers: {subject: a, Subject: b}}]}]\n",
        "S010",
        "routing.receivers[0].email_configs[0].headers.subject",
    );
    has(
        "routing:\n  route: {receiver: r}\n  receivers: [{name: r, webhook_configs: [{url: 'ftp://x'}]}]\n",
        "S005",
        "routing.receivers[0].webhook_configs[0].url",
    );
    has(
        "routing:\n  route: {receiver: r}\n  receivers: [{name: r, slack_configs: [{channel: '#a'}]}]\n",
        "S009",
        "routing.receivers[0].slack_configs[0]",
    );
    has(
        "routing:\n  route: {receiver: r}\n  receivers: [{name: r, pagerduty_configs: [{severity: error}]}]\n",
        "S009",
        "routing.receivers[0].pagerduty_configs[0]",
    );
    // Alertmanager 0.29 reads the WeChat secret from a file; SigV4's secret key it reads only inline.
    has(
        "routing:\n  route: {receiver: r}\n  receivers: [{name: r, sns_configs: [{topic_arn: a, sigv4: {access_key: k, secret_key: {file: /x}}}]}]\n",
        "S009",
        "routing.receivers[0].sns_configs[0].sigv4.secret_key",
    );
    clean("routing:\n  route: {receiver: r}\n  receivers: [{name: r, wechat_configs: [{api_secret: {file: /x}, corp_id: c}]}]\n");
    has(
        "routing:\n  route: {receiver: r}\n  receivers: [{name: r, opsgenie_configs: [{api_key: {env: K}, responders: [{name: a, type: squad}]}]}]\n",
        "S005",
        "routing.receivers[0].opsgenie_configs[0].responders[0].type",
    );
    has(
        "routing:\n  route: {receiver: r}\n  receivers: [{name: r, telegram_configs: [{bot_token: {env: T}, chat_id: 0}]}]\n",
        "S005",
        "routing.receivers[0].telegram_configs[0].chat_id",
    );
    has(
        "routing:\n  route: {receiver: r}\n  receivers: [{name: r, dingtalk_configs: [{robot_url: {env: U}}]}]\n",
        "S009",
        "routing.receivers[0].dingtalk_configs[0]",
    );
    has(
        "routing:\n  route: {receiver: r}\n  receivers: [{name: r, webhook_configs: [{url: 'http://x', http_config: {basic_auth: {username: u, password: {env: P}}, authorization: {credentials: {env: T}}}}]}]\n",
        "S009",
        "routing.receivers[0].webhook_configs[0].http_config",
    );
}

#[test]
fn literal_secrets_are_warnings_and_references_are_not() {
    has(
        "routing:\n  global: {smtp_auth_password: hunter2}\n  route: {receiver: r}\n  receivers: [{name: r}]\n",
        "S014",
        "routing.global.smtp_auth_password",
    );
    has(
        "routing:\n  route: {receiver: r}\n  receivers: [{name: r, webhook_configs: [{url: 'https://oapi.dingtalk.com/robot/send?access_token=abc'}]}]\n",
        "S014",
        "routing.receivers[0].webhook_configs[0].url",
    );
    has(
        "routing:\n  route: {receiver: r}\n  receivers: [{name: r, slack_configs: [{api_url: 'https://hooks.slack.com/services/T/B/x'}]}]\n",
        "S014",
        "routing.receivers[0].slack_configs[0].api_url",
    );
    clean("routing:\n  global: {smtp_auth_password: {file: /run/secrets/smtp}}\n  route: {receiver: r}\n  receivers: [{name: r, webhook_configs: [{url: 'http://plain:8080/hook'}, {url: {env: HOOK_URL}}]}]\n");
    // The schema refuses an env reference that is not a variable name.
    has(
        "routing:\n  global: {smtp_auth_password: {env: 'not a name'}}\n  route: {receiver: r}\n  receivers: [{name: r}]\n",
        "S005",
        "routing.global.smtp_auth_password.env",
    );
}

#[test]
fn inhibit_rules_time_intervals_and_templates_are_validated() {
    has(
        "routing:\n  route: {receiver: r}\n  receivers: [{name: r}]\n  inhibit_rules: [{source_matchers: ['a=~\"[\"'], equal: ['bad-name']}]\n",
        "S012",
        "routing.inhibit_rules[0].source_matchers[0]",
    );
    has(
        "routing:\n  route: {receiver: r}\n  receivers: [{name: r}]\n  inhibit_rules: [{equal: ['bad-name']}]\n",
        "S005",
        "routing.inhibit_rules[0].equal[0]",
    );
    let ti = |body: &str| {
        format!("routing:\n  route: {{receiver: r}}\n  receivers: [{{name: r}}]\n  time_intervals:\n    - name: t\n      time_intervals:\n        - {body}\n")
    };
    has(
        &ti("{weekdays: ['friday:monday']}"),
        "S005",
        "routing.time_intervals[0].time_intervals[0].weekdays[0]",
    );
    has(
        &ti("{days_of_month: ['-3:5']}"),
        "S005",
        "routing.time_intervals[0].time_intervals[0].days_of_month[0]",
    );
    has(
        &ti("{months: ['smarch']}"),
        "S005",
        "routing.time_intervals[0].time_intervals[0].months[0]",
    );
    has(
        &ti("{times: [{start_time: '18:00', end_time: '09:00'}]}"),
        "S005",
        "routing.time_intervals[0].time_intervals[0].times[0]",
    );
    has(
        &ti("{location: 'Mars/Olympus_Mons'}"),
        "S005",
        "routing.time_intervals[0].time_intervals[0].location",
    );
    clean(&ti("{times: [{start_time: '09:00', end_time: '17:00'}], weekdays: ['Monday:Friday'], days_of_month: ['-7:-1'], months: ['january:3'], years: ['2024:2030'], location: Asia/Shanghai}"));
    has(
        "routing:\n  route: {receiver: r}\n  receivers: [{name: r}]\n  time_intervals: [{name: t, time_intervals: [{}]}, {name: t, time_intervals: [{}]}]\n",
        "S010",
        "routing.time_intervals[1].name",
    );
    has(
        "routing:\n  route: {receiver: r}\n  receivers: [{name: r}]\n  templates: [{name: ../evil.tmpl, text: x}]\n",
        "S005",
        "routing.templates[0].name",
    );
}

/// The seed's alertmanager.yml, as written: every problem at once, each at its line.
#[test]
fn the_seed_as_written_reports_every_problem() {
    let files =
        support::read_spec_dir(&support::repo_root().join("tests/fixtures/seed-as-written"));
    let (_, diagnostics) = monctl::load_model(&files);
    let lines: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.code.starts_with('S'))
        .map(|d| {
            let at = d
                .location
                .as_ref()
                .map(|l| format!("{}:{}", l.start.line, l.start.column))
                .unwrap_or_default();
            format!("{} {} {at} {}", d.severity, d.code, d.message)
        })
        .collect();
    insta::assert_snapshot!("routing_seed_as_written", lines.join("\n"));
}

#[test]
fn the_example_and_feature_fixtures_load_without_errors() {
    for dir in [
        "examples/mall-go",
        "tests/fixtures/routing/features",
        "tests/fixtures/routing/newer-fields",
    ] {
        let files = support::read_spec_dir(&support::repo_root().join(dir));
        let (model, diagnostics) = monctl::load_model(&files);
        let errors: Vec<_> = diagnostics.iter().filter(|d| d.is_error()).collect();
        assert!(errors.is_empty(), "{dir}: {errors:#?}");
        assert!(model.unwrap().spec.routing.is_some(), "{dir}");
    }
}

#[test]
fn the_mall_go_example_has_no_routing_warnings() {
    let (_, diagnostics) = monctl::load_model(&support::example("mall-go"));
    let routing: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.code.starts_with('S') && d.path.to_string().starts_with("routing"))
        .collect();
    assert!(routing.is_empty(), "{routing:#?}");
}
