//! Every Alertmanager integration and section the spec types, round-tripped: each native
//! alertmanager.yml of tests/fixtures/am imports with no error and regenerates to the same YAML
//! values; Debian's amtool (0.25) accepts the regenerated files of the integrations it knows.

mod support;

use monctl::import::prometheus::{import, Imported, NativeKind};
use monctl::source::{load_value, FileId};
use monctl::{Limits, SourceFile};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Fixtures with fields newer than Debian's amtool 0.25, and why it refuses them.
const NEWER_THAN_AMTOOL: &[(&str, &str)] = &[
    (
        "discord.yml",
        "webhook_url_file: Alertmanager 0.26 (0.25 reads the URL only inline)",
    ),
    (
        "discord-0.28.yml",
        "content, username and avatar_url: Alertmanager 0.28",
    ),
    ("telegram.yml", "bot_token_file: Alertmanager 0.26"),
    (
        "telegram-main.yml",
        "telegram_bot_token_file, chat_id_file, message_thread_id, timeout: 0.27 and later",
    ),
    (
        "pushover.yml",
        "user_key_file and token_file: Alertmanager 0.26",
    ),
    (
        "pushover-files.yml",
        "user_key_file, token_file and ttl: Alertmanager 0.26",
    ),
    ("msteams.yml", "msteams_configs: Alertmanager 0.26"),
    ("msteamsv2.yml", "msteamsv2_configs: Alertmanager 0.28"),
    ("jira.yml", "jira_configs: Alertmanager 0.28"),
    (
        "jira-main.yml",
        "jira_configs: Alertmanager 0.28, api_type and field objects: 0.29+",
    ),
    ("rocketchat.yml", "rocketchat_configs: Alertmanager 0.28"),
    ("mattermost.yml", "mattermost_configs: Alertmanager 0.29"),
    ("incidentio.yml", "incidentio_configs: Alertmanager 0.29"),
    (
        "slack-app.yml",
        "slack_app_token and app_url: Alertmanager 0.29; message_text, timeout: main",
    ),
    (
        "email-main.yml",
        "smtp_auth_secret_file, smtp_tls_config, force_implicit_tls, threading: 0.29 and main",
    ),
    (
        "wechat-file.yml",
        "wechat_api_secret_file and api_secret_file: Alertmanager 0.29",
    ),
    ("webhook-timeout.yml", "url_file: 0.26; timeout: 0.28"),
    (
        "labels-tracing.yml",
        "route and receiver labels, event_recorder: main; tracing: 0.27",
    ),
];

fn fixtures() -> Vec<PathBuf> {
    let dir = support::repo_root().join("tests/fixtures/am");
    let files = support::files_under(&dir, &[".yml"]);
    assert!(files.len() >= 20, "fixtures missing in {}", dir.display());
    files
}

fn name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn import_file(path: &Path) -> Imported {
    let text = std::fs::read_to_string(path).expect("fixture");
    import(
        &[SourceFile::new(path.display().to_string(), text)],
        &[Some(NativeKind::Alertmanager)],
    )
}

fn regenerate(imported: &Imported) -> String {
    let spec = imported.spec.clone().expect("a spec");
    let (model, _) = monctl::model::Model::resolve(spec);
    monctl::generate::generate_all(&model)
        .into_iter()
        .find(|a| a.path == "alertmanager.yml")
        .map(|a| a.content)
        .expect("alertmanager.yml generated")
}

fn yaml(text: &str) -> Value {
    load_value(text, FileId(0), &Limits::default()).expect("YAML")
}

#[test]
fn every_integration_round_trips() {
    for path in fixtures() {
        let imported = import_file(&path);
        let errors: Vec<String> = imported
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| format!("{} {} at {}", d.code, d.message, d.path))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", name(&path));
        assert!(
            imported.secrets.is_empty(),
            "{}: fixtures hold no literal secrets",
            name(&path)
        );
        let generated = regenerate(&imported);
        let original = yaml(&std::fs::read_to_string(&path).expect("fixture"));
        assert_eq!(
            original,
            yaml(&generated),
            "{} does not regenerate as written:\n{generated}",
            name(&path)
        );
    }
}

#[test]
fn amtool_accepts_the_integrations_it_knows() {
    let Some(amtool) = support::real_tool("amtool", "prometheus-alertmanager") else {
        return;
    };
    let scratch = support::scratch_dir("am_integrations");
    let mut checked = 0;
    for path in fixtures() {
        let name = name(&path);
        let newer = NEWER_THAN_AMTOOL.iter().any(|(n, _)| *n == name);
        let file = scratch.join(&name);
        std::fs::write(&file, regenerate(&import_file(&path))).expect("scratch");
        let (ok, output) = support::run(Command::new(&amtool).arg("check-config").arg(&file));
        if newer {
            // Proves the exclusion is still needed: Debian's amtool refuses the newer fields.
            assert!(
                !ok,
                "{name} is listed as too new for amtool 0.25, yet it passes"
            );
        } else {
            assert!(ok, "amtool refuses the regenerated {name}:\n{output}");
            checked += 1;
        }
    }
    assert!(checked >= 3, "only {checked} fixtures checked with amtool");
}

/// Integrations whose 0.25 form reads secrets only inline, written from a spec with environment
/// references (`${NAME}` is a plain string to amtool).
const INLINE_SECRETS_SPEC: &str = r#"
routing:
  global:
    victorops_api_key: {env: VICTOROPS_KEY}
  route: {receiver: r}
  receivers:
    - name: r
      telegram_configs:
        - {bot_token: {env: TELEGRAM_TOKEN}, chat_id: 42, parse_mode: HTML}
      pushover_configs:
        - {user_key: {env: PUSHOVER_USER}, token: {env: PUSHOVER_TOKEN}, retry: 1m, expire: 1h, html: true}
      victorops_configs:
        - {routing_key: ops, state_message: down}
      sns_configs:
        - {phone_number: "+15555550100", sigv4: {region: us-east-1, access_key: AKIDEXAMPLE, secret_key: {env: AWS_SECRET}}}
"#;

#[test]
fn amtool_accepts_inline_secret_forms() {
    let Some(amtool) = support::real_tool("amtool", "prometheus-alertmanager") else {
        return;
    };
    let (model, diagnostics) =
        monctl::load_model(&[SourceFile::new("spec.yml", INLINE_SECRETS_SPEC)]);
    let errors: Vec<_> = diagnostics.iter().filter(|d| d.is_error()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    let generated = monctl::generate::generate_all(&model.expect("model"))
        .into_iter()
        .find(|a| a.path == "alertmanager.yml")
        .expect("alertmanager.yml")
        .content;
    assert!(
        generated.contains("bot_token: ${TELEGRAM_TOKEN}"),
        "{generated}"
    );
    let file = support::scratch_dir("am_integrations_inline").join("alertmanager.yml");
    std::fs::write(&file, &generated).expect("scratch");
    let (ok, output) = support::run(Command::new(&amtool).arg("check-config").arg(&file));
    assert!(ok, "amtool refuses:\n{generated}\n{output}");
}
