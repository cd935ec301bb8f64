//! The placement table (issue #14): a plaintext credential in every place a spec can hold one,
//! each with its own fake token. For each placement: `check` reports an error whose span covers
//! the token; `generate` refuses, even with X001 and K002 turned off, and leaves no file holding
//! the token; and no output format (human, json, sarif, github) shows the token. References,
//! `_file` paths, placeholders and normal URLs are the negatives: no secret finding, and
//! `generate` writes them.

mod support;

use std::path::{Path, PathBuf};
use std::process::Output;
use support::monctl;

struct Placement {
    name: &'static str,
    spec: String,
    token: &'static str,
    /// The finding points at the key (an unknown field), not at the value.
    at_key: bool,
}

fn routing(receiver: &str) -> String {
    format!("routing:\n  route:\n    receiver: r\n  receivers:\n    - name: r\n{receiver}")
}

fn routing_global(global: &str) -> String {
    format!(
        "routing:\n  global:\n{global}  route:\n    receiver: r\n  receivers:\n    - name: r\n      webhook_configs:\n        - url: http://receiver:5001/\n"
    )
}

fn job(body: &str) -> String {
    format!("scrape:\n  jobs:\n    - job_name: api\n      static_configs:\n        - targets: ['api:8080']\n{body}")
}

fn alert(extra: &str) -> String {
    format!("rules:\n  groups:\n    - name: g\n      rules:\n        - alert: A\n          expr: up == 0\n{extra}")
}

fn service(environment: &str) -> String {
    format!("stack:\n  name: t\n  services:\n    db:\n      image: mysql:8.0.40\n{environment}")
}

fn fluentd_output(fields: &str) -> String {
    format!(
        "logs:\n  pipeline:\n    sources:\n      - {{\"@type\": forward, port: 24224}}\n    route:\n      - match:\n          pattern: \"**\"\n          \"@type\": elasticsearch\n          host: elasticsearch\n{fields}"
    )
}

fn p(name: &'static str, spec: String, token: &'static str) -> Placement {
    Placement {
        name,
        spec,
        token,
        at_key: false,
    }
}

const PEM_BODY: &str = "MIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM2Vhtk1kQxq0pemBodyLineTok01";
const PEM_BODY_2: &str = "MIIEpAIBAAKCAQEA9Qa7nr1XZiBMfRyuvCjM3Whtk2kRxq0pemBodyLineTok02";

fn placements() -> Vec<Placement> {
    let pem = |indent: &str, body: &str| {
        format!("{indent}-----BEGIN RSA PRIVATE KEY-----\n{indent}{body}\n{indent}-----END RSA PRIVATE KEY-----\n")
    };
    vec![
        // Alertmanager: global settings.
        p("global.smtp_auth_password", routing_global("    smtp_auth_password: hunterTok01\n"), "hunterTok01"),
        p("global.smtp_auth_secret", routing_global("    smtp_auth_secret: cramTok02\n"), "cramTok02"),
        p("global.slack_api_url", routing_global("    slack_api_url: https://hooks.slack.com/services/T000/B000/slackTok03\n"), "slackTok03"),
        p("global.opsgenie_api_key", routing_global("    opsgenie_api_key: genieTok04\n"), "genieTok04"),
        p("global.wechat_api_secret", routing_global("    wechat_api_secret: wechatTok05\n"), "wechatTok05"),
        p("global.http_config.basic_auth.password", routing_global("    http_config:\n      basic_auth: {username: am, password: basicTok06}\n"), "basicTok06"),
        p("global.http_config.authorization.credentials", routing_global("    http_config:\n      authorization: {credentials: bearerTok07}\n"), "bearerTok07"),
        p("global.smtp_auth_password with a smarthost", routing_global("    smtp_smarthost: smtp.example.com:587\n    smtp_auth_username: a\n    smtp_auth_password: smtpTok08\n"), "smtpTok08"),
        // Alertmanager: receivers.
        p("email auth_password", routing("      email_configs:\n        - {to: a@example.com, from: b@example.com, smarthost: 'smtp:25', auth_password: mailTok09}\n"), "mailTok09"),
        p("email headers Authorization", routing("      email_configs:\n        - to: a@example.com\n          from: b@example.com\n          smarthost: 'smtp:25'\n          headers: {Authorization: Bearer headerTok10}\n"), "headerTok10"),
        p("email headers X-API-Key", routing("      email_configs:\n        - to: a@example.com\n          from: b@example.com\n          smarthost: 'smtp:25'\n          headers: {X-API-Key: apiHdrTok11}\n"), "apiHdrTok11"),
        p("webhook url userinfo", routing("      webhook_configs:\n        - url: https://am:hookPwTok12@receiver.example.com/alerts\n"), "hookPwTok12"),
        p("webhook url Discord path", routing("      webhook_configs:\n        - url: https://discord.com/api/webhooks/123456789/discordTok13\n"), "discordTok13"),
        p("webhook url ?apikey=", routing("      webhook_configs:\n        - url: https://alerts.example.com/hook?apikey=queryTok14\n"), "queryTok14"),
        p("webhook url ?auth_token=", routing("      webhook_configs:\n        - url: https://alerts.example.com/hook?team=ops&auth_token=queryTok15\n"), "queryTok15"),
        p("webhook url ?access_token=", routing("      webhook_configs:\n        - url: https://oapi.dingtalk.com/robot/send?access_token=dingTok16\n"), "dingTok16"),
        p("webhook http_config basic_auth", routing("      webhook_configs:\n        - url: http://receiver:5001/\n          http_config:\n            basic_auth: {username: am, password: hookBasicTok17}\n"), "hookBasicTok17"),
        p("webhook http_config authorization", routing("      webhook_configs:\n        - url: http://receiver:5001/\n          http_config:\n            authorization: {type: Bearer, credentials: hookAuthTok18}\n"), "hookAuthTok18"),
        p("slack api_url", routing("      slack_configs:\n        - api_url: https://hooks.slack.com/services/T1/B1/slackTok19\n          channel: '#ops'\n"), "slackTok19"),
        p("slack text with a bot token", routing("      slack_configs:\n        - api_url: {file: /etc/am/slack}\n          channel: '#ops'\n          text: 'xoxb-2222222222-slackBotTok20'\n"), "slackBotTok20"),
        p("pagerduty routing_key", routing("      pagerduty_configs:\n        - routing_key: pdRoutingTok21\n"), "pdRoutingTok21"),
        p("pagerduty service_key", routing("      pagerduty_configs:\n        - service_key: pdServiceTok22\n"), "pdServiceTok22"),
        p("opsgenie api_key", routing("      opsgenie_configs:\n        - api_key: genieTok23\n"), "genieTok23"),
        p("wechat api_secret", routing("      wechat_configs:\n        - {api_secret: wechatTok24, corp_id: c, to_user: u}\n"), "wechatTok24"),
        p("msteams webhook_url", routing("      msteams_configs:\n        - webhook_url: https://contoso.webhook.office.com/webhookb2/teamsTok25\n"), "teamsTok25"),
        p("telegram bot_token", routing("      telegram_configs:\n        - {bot_token: telegramTok26, chat_id: 42}\n"), "telegramTok26"),
        p("telegram api_url with the bot path", routing("      telegram_configs:\n        - {bot_token: {file: /etc/am/tg}, chat_id: 42, api_url: 'https://api.telegram.org/bot123456:tgPathTok27/'}\n"), "tgPathTok27"),
        p("dingtalk robot_url", routing("      dingtalk_configs:\n        - robot_url: https://oapi.dingtalk.com/robot/send?access_token=dingTok28\n"), "dingTok28"),
        p("dingtalk secret", routing("      dingtalk_configs:\n        - {robot_url: {env: DINGTALK_URL}, secret: dingSecretTok29}\n"), "dingSecretTok29"),
        p("routing template with a PEM key", format!("routing:\n  route:\n    receiver: r\n  receivers:\n    - name: r\n  templates:\n    - name: t.tmpl\n      text: |\n{}", pem("        ", PEM_BODY)), PEM_BODY),
        // Prometheus.
        p("remote_write url userinfo", "scrape:\n  remote_write:\n    - url: https://prom:rwPwTok31@metrics.example.com/api/v1/write\n".into(), "rwPwTok31"),
        p("remote_write headers X-API-Key", "scrape:\n  remote_write:\n    - url: https://metrics.example.com/api/v1/write\n      headers: {X-API-Key: rwHdrTok32}\n".into(), "rwHdrTok32"),
        p("remote_write headers Authorization", "scrape:\n  remote_write:\n    - url: https://metrics.example.com/api/v1/write\n      headers: {Authorization: Bearer rwAuthTok33}\n".into(), "rwAuthTok33"),
        p("remote_read headers X-Auth-Token", "scrape:\n  remote_read:\n    - url: https://metrics.example.com/api/v1/read\n      headers: {X-Auth-Token: rrHdrTok34}\n".into(), "rrHdrTok34"),
        p("remote_read url ?token=", "scrape:\n  remote_read:\n    - url: https://metrics.example.com/api/v1/read?token=rrQueryTok35\n".into(), "rrQueryTok35"),
        p("metrics_path ?token=", job("      metrics_path: /metrics?token=pathTok36\n"), "pathTok36"),
        p("alertmanagers path_prefix ?token=", "scrape:\n  alertmanagers:\n    - static_configs: [{targets: ['am:9093']}]\n      path_prefix: /am?token=prefixTok37\n".into(), "prefixTok37"),
        p("targets user:pass@", "scrape:\n  jobs:\n    - job_name: node\n      static_configs:\n        - targets: ['admin:targetTok38@node:9100']\n".into(), "targetTok38"),
        p("params apikey", job("      params: {apikey: [paramTok39]}\n"), "paramTok39"),
        p("params auth_token", job("      params: {auth_token: [paramTok40]}\n"), "paramTok40"),
        p("params token", job("      params: {token: [paramTok41]}\n"), "paramTok41"),
        p("relabel replacement to __param_token", job("      relabel_configs:\n        - {target_label: __param_token, replacement: relabelTok42}\n"), "relabelTok42"),
        p("relabel replacement with a GitHub token", job("      relabel_configs:\n        - {target_label: gh, replacement: ghp_relabelTok43aaaaaaaaaaaaaaaaaaaaaaaaaa}\n"), "ghp_relabelTok43aaaaaaaaaaaaaaaaaaaaaaaaaa"),
        p("metric_relabel replacement with an AWS key", job("      metric_relabel_configs:\n        - {target_label: k, replacement: AKIAAWSTOK44EXAMPLE0}\n"), "AKIAAWSTOK44EXAMPLE0"),
        p("external_labels with a Slack token", "scrape:\n  global:\n    external_labels: {hook: 'xoxp-1111111111-extLabelTok45'}\n".into(), "extLabelTok45"),
        p("static labels named api_key", "scrape:\n  jobs:\n    - job_name: api\n      static_configs:\n        - targets: ['api:8080']\n          labels: {api_key: staticTok46}\n".into(), "staticTok46"),
        p("proxy_url userinfo", job("      proxy_url: http://proxy:proxyTok47@proxy.example.com:3128\n"), "proxyTok47"),
        Placement { name: "basic_auth password (no literal form)", spec: job("      basic_auth: {username: u, password: jobBasicTok48}\n"), token: "jobBasicTok48", at_key: true },
        Placement { name: "bearer_token (no literal form)", spec: job("      bearer_token: jobBearerTok49\n"), token: "jobBearerTok49", at_key: true },
        // Rules.
        p("rule label named token", alert("          labels: {token: labelTok50}\n"), "labelTok50"),
        p("rule label with a JWT", alert("          labels: {jwt: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJsYWJlbFRvazUxIn0.labelJwtTok51sig}\n"), "labelJwtTok51sig"),
        p("annotation with a Slack webhook", alert("          annotations: {summary: s, description: 'post to https://hooks.slack.com/services/T2/B2/annoTok52'}\n"), "annoTok52"),
        p("annotation runbook with ?access_token=", alert("          annotations: {summary: s, description: d, runbook_url: 'https://wiki.example.com/rb?access_token=runbookTok53'}\n"), "runbookTok53"),
        p("annotation with a PEM key", format!("{}          annotations:\n            summary: s\n            description: |\n{}", alert(""), pem("              ", PEM_BODY_2)), PEM_BODY_2),
        p("annotation with a Google key", alert("          annotations: {summary: s, description: 'maps AIzaGoogleTok55aaaaaaaaaaaaaaaaaaaaaaaaa'}\n"), "AIzaGoogleTok55aaaaaaaaaaaaaaaaaaaaaaaaa"),
        p("annotation with a Stripe key", alert("          annotations: {summary: s, description: 'sk_live_stripeTok56aaaaaaaaaa'}\n"), "sk_live_stripeTok56aaaaaaaaaa"),
        // Logs: Fluentd and Elasticsearch.
        p("fluentd output password", fluentd_output("          user: elastic\n          password: esPwTok57\n"), "esPwTok57"),
        p("fluentd output password default", fluentd_output("          password: {env: ES_PASSWORD, default: esDefaultTok58}\n"), "esDefaultTok58"),
        p("fluentd output params aws_sec_key", fluentd_output("          params: {aws_sec_key: s3KeyTok59}\n"), "s3KeyTok59"),
        p("elasticsearch url userinfo", "logs:\n  elasticsearch:\n    version: 8.8.0\n    url: http://elastic:esUrlTok60@elasticsearch:9200\n".into(), "esUrlTok60"),
        // The stack (docker-compose).
        p("environment MYSQL_ROOT_PASSWORD", service("      environment: {MYSQL_ROOT_PASSWORD: envTok61}\n"), "envTok61"),
        p("environment DATA_SOURCE_NAME", service("      environment: {DATA_SOURCE_NAME: 'root:dsnTok62@(mysql:3306)/'}\n"), "dsnTok62"),
        p("environment GF_SECURITY_ADMIN_PASSWORD", service("      environment: {GF_SECURITY_ADMIN_PASSWORD: grafanaTok63}\n"), "grafanaTok63"),
        p("environment a Slack webhook URL", service("      environment: {ALERT_HOOK: 'https://hooks.slack.com/services/T3/B3/envHookTok64'}\n"), "envHookTok64"),
        p("environment numeric password", service("      environment: {DB_PASSWORD: 6565656565}\n"), "6565656565"),
        p("command --password= flag", service("      command: ['--mysqld.password=cmdTok66']\n"), "cmdTok66"),
        p("healthcheck URL userinfo", service("      healthcheck:\n        test: ['CMD', 'curl', '-f', 'http://admin:healthTok67@localhost:9200']\n"), "healthTok67"),
        p("service labels with a GitLab token", service("      labels: {ci: glpat-labelTok68aaaaaaaaaaaa}\n"), "glpat-labelTok68aaaaaaaaaaaa"),
        // Dashboards.
        p("dashboard description with a GitHub token", "dashboards:\n  dashboards:\n    - uid: d1\n      title: D\n      description: 'github_pat_dashTok69aaaaaaaaaaaaaaa'\n".into(), "github_pat_dashTok69aaaaaaaaaaaaaaa"),
    ]
}

/// References, `_file` paths, placeholders and normal URLs: none is a credential.
fn negatives() -> Vec<(&'static str, String)> {
    vec![
        ("env and file references", routing_global("    smtp_smarthost: smtp.example.com:587\n    smtp_from: a@example.com\n    smtp_auth_username: a\n    smtp_auth_password: {env: SMTP_PASSWORD}\n    opsgenie_api_key: {file: /etc/am/opsgenie}\n")),
        ("webhook with file password and a normal URL", routing("      webhook_configs:\n        - url: http://receiver:5001/hooks/alerts\n          http_config:\n            basic_auth: {username: am, password: {file: /etc/am/pw}}\n")),
        ("placeholders", routing("      webhook_configs:\n        - url: {env: WEBHOOK_URL}\n      email_configs:\n        - {to: a@example.com, from: b@example.com, smarthost: 'smtp:25', auth_password: {env: SMTP_PASSWORD}}\n")),
        ("prometheus _file forms", job("      basic_auth: {username: u, password_file: /etc/prometheus/pw}\n      params: {module: [http_2xx]}\n      relabel_configs:\n        - {source_labels: [__address__], target_label: __param_target}\n        - {target_label: instance, replacement: $1}\n")),
        ("remote write, normal URL and headers", "scrape:\n  remote_write:\n    - url: https://metrics.example.com/api/v1/write\n      headers: {X-Scope-OrgID: tenant-1}\n      authorization: {credentials_file: /etc/prometheus/token}\n".into()),
        ("rule labels, templated annotations and runbook URLs", alert("          labels: {severity: critical, team: ops}\n          annotations:\n            summary: '{{ $labels.instance }} is down'\n            description: 'see https://grafana.example.com/d/abc?var-instance={{ $labels.instance }}&orgId=1'\n            runbook_url: https://runbooks.example.com/alerts/InstanceDown#token-expiry\n")),
        ("compose references", service("      environment:\n        MYSQL_ROOT_PASSWORD: {env: MYSQL_ROOT_PASSWORD}\n        MYSQL_PASSWORD: ${MYSQL_PASSWORD}\n        MYSQL_DATABASE: app\n        DB_PASSWORD_FILE: /run/secrets/db\n")),
        ("fluentd env reference", fluentd_output("          user: {env: ES_USER}\n          password: {env: ES_PASSWORD}\n")),
    ]
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "monctl-secret-placements-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The 1-based line and character column where `token` first appears.
fn position(spec: &str, token: &str) -> (u64, u64) {
    let at = spec.find(token).expect("the token is in the spec");
    let line = spec[..at].matches('\n').count() as u64 + 1;
    let line_start = spec[..at].rfind('\n').map(|i| i + 1).unwrap_or(0);
    (line, spec[line_start..at].chars().count() as u64 + 1)
}

fn files_holding(dir: &Path, token: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return found;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(files_holding(&path, token));
        } else if std::fs::read(&path)
            .map(|b| String::from_utf8_lossy(&b).contains(token))
            .unwrap_or(false)
        {
            found.push(path);
        }
    }
    found
}

const SECRET_CODES: &[&str] = &["S014", "X001", "K002", "S004"];

#[test]
fn every_placement_is_an_error_at_its_token_and_never_leaks() {
    let table = placements();
    assert!(table.len() >= 57, "{} placements", table.len());
    let mut tokens: Vec<&str> = table.iter().map(|p| p.token).collect();
    tokens.sort();
    tokens.dedup();
    assert_eq!(
        tokens.len(),
        table.len(),
        "every placement has its own token"
    );
    let mut failures = Vec::new();
    for (i, placement) in table.iter().enumerate() {
        let dir = scratch(&format!("{i}"));
        std::fs::write(dir.join("spec.yml"), &placement.spec).unwrap();
        let (line, column) = position(&placement.spec, placement.token);
        let end = column + placement.token.chars().count() as u64;

        // Reported as an error whose span covers the token (or, for a field the spec does not
        // have, at its key on the token's line).
        let out = monctl(&["check", "spec.yml", "--format", "json"], &dir);
        let items: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap_or_default();
        let covers = |d: &serde_json::Value| {
            let n = |k: &str| d[k].as_u64().unwrap_or(0);
            d["severity"] == "error"
                && SECRET_CODES.contains(&d["code"].as_str().unwrap_or(""))
                && if placement.at_key {
                    n("line") == line
                } else {
                    (n("line"), n("column")) <= (line, column)
                        && (n("end_line"), n("end_column")) >= (line, end)
                }
        };
        if !items.iter().any(covers) {
            failures.push(format!(
                "{}: no secret error covering {line}:{column}..{end}; got {}",
                placement.name,
                serde_json::to_string(&items).unwrap()
            ));
        }

        // No output format shows the token.
        if text(&out).contains(placement.token) {
            failures.push(format!("{}: --format json shows the token", placement.name));
        }
        for format in ["human", "sarif", "github"] {
            let out = monctl(&["check", "spec.yml", "--format", format], &dir);
            if text(&out).contains(placement.token) {
                failures.push(format!(
                    "{}: --format {format} shows the token",
                    placement.name
                ));
            }
        }

        // generate refuses, even with the secret rules turned off, and writes no token.
        let quiet = format!(
            "{}lint:\n  rules: {{X001: 'off', K002: 'off'}}\n",
            placement.spec
        );
        std::fs::write(dir.join("quiet.yml"), &quiet).unwrap();
        for spec in ["spec.yml", "quiet.yml"] {
            let out = monctl(
                &["generate", spec, "--out", "out", "--format", "json"],
                &dir,
            );
            if out.status.success() {
                failures.push(format!("{}: generate {spec} succeeded", placement.name));
            }
            if text(&out).contains(placement.token) {
                failures.push(format!(
                    "{}: generate {spec} shows the token",
                    placement.name
                ));
            }
            let leaked = files_holding(&dir.join("out"), placement.token);
            if !leaked.is_empty() {
                failures.push(format!(
                    "{}: generate {spec} wrote it to {leaked:?}",
                    placement.name
                ));
            }
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn references_paths_placeholders_and_normal_urls_are_not_secrets() {
    let mut failures = Vec::new();
    for (i, (name, spec)) in negatives().iter().enumerate() {
        let dir = scratch(&format!("neg{i}"));
        std::fs::write(dir.join("spec.yml"), spec).unwrap();
        let out = monctl(&["check", "spec.yml", "--format", "json"], &dir);
        let items: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap_or_default();
        let secret: Vec<_> = items
            .iter()
            .filter(|d| ["S014", "X001", "K002"].contains(&d["code"].as_str().unwrap_or("")))
            .collect();
        if !secret.is_empty() {
            failures.push(format!("{name}: {secret:?}"));
        }
        let out = monctl(&["generate", "spec.yml", "--out", "out"], &dir);
        if !out.status.success() {
            failures.push(format!("{name}: generate failed: {}", text(&out)));
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_named_test_secret_is_written_and_still_never_shown() {
    let dir = scratch("optout");
    let spec = format!(
        "{}lint:\n  test_secrets:\n    - path: routing.receivers[0].email_configs[0].auth_password\n      reason: the local MailHog catcher's fixed password\n",
        routing("      email_configs:\n        - {to: a@example.com, from: b@example.com, smarthost: 'mailhog:1025', auth_password: mailhogTok70, require_tls: false}\n")
    );
    std::fs::write(dir.join("spec.yml"), &spec).unwrap();
    let out = monctl(&["check", "spec.yml", "--format", "json"], &dir);
    assert!(out.status.success(), "{}", text(&out));
    let out = monctl(&["generate", "spec.yml", "--out", "out"], &dir);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!text(&out).contains("mailhogTok70"));
    let written = std::fs::read_to_string(dir.join("out/alertmanager.yml")).unwrap();
    assert!(written.contains("auth_password: mailhogTok70"), "{written}");

    // An entry that names no credential is an error, and the token is still not shown.
    let stale = spec.replace("email_configs[0].auth_password", "email_configs[0].to");
    std::fs::write(dir.join("spec.yml"), &stale).unwrap();
    let out = monctl(&["check", "spec.yml", "--format", "json"], &dir);
    assert_eq!(out.status.code(), Some(1));
    let all = text(&out);
    assert!(all.contains("holds no literal credential"), "{all}");
    assert!(!all.contains("mailhogTok70"), "{all}");
    let _ = std::fs::remove_dir_all(&dir);
}
