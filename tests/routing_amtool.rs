//! Conformance with the real Alertmanager: every alertmanager.yml monctl generates from the
//! bundled example and the routing fixtures must pass `amtool check-config` (Debian's
//! prometheus-alertmanager package, Alertmanager 0.25), with its template files beside it.
//!
//! Two substitutions, both checked rather than trusted:
//! - `${NAME}` placeholders (secrets by environment variable) are substituted at deploy time; the
//!   test substitutes a URL-shaped value (valid in string and URL fields alike) before amtool runs.
//! - Fields newer than Alertmanager 0.25 — `msteams_configs` (0.26), webhook `url_file` and
//!   Telegram `bot_token_file` — are unknown to Debian's amtool. As tests/conformance_promtool.rs
//!   does for Kubernetes SD, the test checks each such block against the fields Alertmanager's
//!   documentation lists for it, then replaces it (a file reference by an inline value, a Teams
//!   block by nothing) and lets amtool check everything else for real.
//!
//! The seed's own alertmanager.yml is checked too: amtool must reject it, as monctl does.

mod support;

use serde_json::Value;
use std::process::Command;

/// msteams_config as Alertmanager documents it (0.26+).
const MSTEAMS_FIELDS: &[&str] = &[
    "send_resolved",
    "http_config",
    "webhook_url",
    "webhook_url_file",
    "title",
    "summary",
    "text",
];
/// webhook_config as Alertmanager documents it (url_file: 0.26+).
const WEBHOOK_FIELDS: &[&str] = &[
    "send_resolved",
    "http_config",
    "url",
    "url_file",
    "max_alerts",
    "timeout",
];
/// telegram_config as Alertmanager documents it (bot_token_file: 0.26+).
const TELEGRAM_FIELDS: &[&str] = &[
    "send_resolved",
    "api_url",
    "bot_token",
    "bot_token_file",
    "chat_id",
    "message_thread_id",
    "message",
    "disable_notifications",
    "parse_mode",
    "http_config",
];

fn check_fields(block: &Value, documented: &[&str], what: &str) {
    let object = block
        .as_object()
        .unwrap_or_else(|| panic!("{what} is a mapping"));
    for key in object.keys() {
        assert!(
            documented.contains(&key.as_str()),
            "{what} has undocumented field {key}"
        );
    }
}

fn non_empty_string(value: Option<&Value>, what: &str) {
    assert!(
        value.and_then(Value::as_str).is_some_and(|s| !s.is_empty()),
        "{what} must be a non-empty string"
    );
}

/// Checks and removes what Alertmanager 0.25 does not know. Returns how many blocks changed.
fn replace_newer_fields(config: &mut Value) -> usize {
    let mut changed = 0;
    for receiver in config["receivers"].as_array_mut().into_iter().flatten() {
        let Some(receiver) = receiver.as_object_mut() else {
            continue;
        };
        if let Some(teams) = receiver.shift_remove("msteams_configs") {
            for block in teams.as_array().expect("msteams_configs is a list") {
                check_fields(block, MSTEAMS_FIELDS, "msteams_config");
                let url = block.get("webhook_url").is_some();
                let file = block.get("webhook_url_file").is_some();
                assert!(
                    url != file,
                    "msteams_config needs exactly one of webhook_url and webhook_url_file"
                );
                changed += 1;
            }
        }
        for hook in receiver
            .get_mut("webhook_configs")
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten()
        {
            check_fields(hook, WEBHOOK_FIELDS, "webhook_config");
            let hook = hook.as_object_mut().unwrap();
            if let Some(file) = hook.shift_remove("url_file") {
                non_empty_string(Some(&file), "webhook_config.url_file");
                assert!(
                    !hook.contains_key("url"),
                    "webhook_config has url and url_file"
                );
                hook.insert("url".into(), Value::from("http://url-file.invalid/"));
                changed += 1;
            }
        }
        for bot in receiver
            .get_mut("telegram_configs")
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten()
        {
            check_fields(bot, TELEGRAM_FIELDS, "telegram_config");
            let bot = bot.as_object_mut().unwrap();
            if let Some(file) = bot.shift_remove("bot_token_file") {
                non_empty_string(Some(&file), "telegram_config.bot_token_file");
                assert!(
                    !bot.contains_key("bot_token"),
                    "telegram_config has bot_token and bot_token_file"
                );
                bot.insert("bot_token".into(), Value::from("bot-token-from-file"));
                changed += 1;
            }
        }
    }
    changed
}

/// `${NAME}` as deployment would substitute it: a value valid wherever a placeholder may stand.
fn substitute_env(text: &str) -> String {
    let re = regex::Regex::new(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}").unwrap();
    re.replace_all(text, "https://${1}.env.invalid/")
        .into_owned()
}

/// Generates the spec in `dir`, writes alertmanager.yml and its templates, runs amtool on them.
/// Returns how many blocks newer than 0.25 were substituted.
fn check_generated(name: &str, dir: &str) -> usize {
    let Some(amtool) = support::real_tool("amtool", "prometheus-alertmanager") else {
        return 0;
    };
    let files = support::read_spec_dir(&support::repo_root().join(dir));
    let (artifacts, _) = monctl::generate(&files).unwrap_or_else(|d| panic!("{name}: {d:#?}"));
    let out = support::scratch_dir(&format!("amtool-{name}"));
    let mut replaced = 0;
    for artifact in artifacts
        .iter()
        .filter(|a| a.path == "alertmanager.yml" || a.path.starts_with("templates/"))
    {
        let path = out.join(&artifact.path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let mut content = substitute_env(&artifact.content);
        if artifact.path == "alertmanager.yml" {
            let mut config = monctl::source::load_value(
                &content,
                monctl::source::FileId(0),
                &Default::default(),
            )
            .unwrap();
            replaced = replace_newer_fields(&mut config);
            if replaced > 0 {
                content = serde_saphyr::to_string(&config).unwrap();
            }
        }
        std::fs::write(&path, content).unwrap();
    }
    let (ok, output) = support::run(
        Command::new(&amtool)
            .current_dir(&out)
            .args(["check-config", "alertmanager.yml"]),
    );
    assert!(
        ok && output.contains("SUCCESS"),
        "amtool check-config rejected {name}:\n{output}"
    );
    replaced
}

#[test]
fn mall_go_passes_amtool_verbatim() {
    assert_eq!(check_generated("mall-go", "examples/mall-go"), 0);
}

#[test]
fn every_routing_feature_passes_amtool_verbatim() {
    assert_eq!(
        check_generated("routing-features", "tests/fixtures/routing/features"),
        0
    );
}

#[test]
fn fields_newer_than_0_25_are_documented_and_the_rest_passes_amtool() {
    let replaced = check_generated(
        "routing-newer-fields",
        "tests/fixtures/routing/newer-fields",
    );
    if support::real_tool("amtool", "prometheus-alertmanager").is_some() {
        // Two Teams blocks, one url_file, one bot_token_file.
        assert_eq!(replaced, 4);
    }
}

#[test]
fn the_seed_as_written_is_rejected_by_amtool_and_by_monctl() {
    let Some(amtool) = support::real_tool("amtool", "prometheus-alertmanager") else {
        return;
    };
    let seed = support::repo_root().join("../shared/seed/configs/alertmanager.yml");
    if seed.exists() {
        let (ok, output) = support::run(Command::new(&amtool).arg("check-config").arg(&seed));
        assert!(!ok, "amtool accepted the seed:\n{output}");
        assert!(output.contains("dingtalk_configs"), "{output}");
    }
    let files =
        support::read_spec_dir(&support::repo_root().join("tests/fixtures/seed-as-written"));
    assert!(monctl::generate(&files).is_err());
}

#[test]
fn newer_field_replacement_checks_fields() {
    let mut config = serde_json::json!({"receivers": [{"name": "r",
        "msteams_configs": [{"webhook_url_file": "/x", "title": "t"}],
        "webhook_configs": [{"url_file": "/y"}],
        "telegram_configs": [{"bot_token_file": "/z", "chat_id": 1}]}]});
    assert_eq!(replace_newer_fields(&mut config), 3);
    assert!(config["receivers"][0].get("msteams_configs").is_none());
    assert_eq!(
        config["receivers"][0]["webhook_configs"][0]["url"],
        "http://url-file.invalid/"
    );
    let bad = std::panic::catch_unwind(|| {
        let mut config = serde_json::json!({"receivers": [{"name": "r", "msteams_configs": [{"webhook_url": "http://x", "colour": "red"}]}]});
        replace_newer_fields(&mut config);
    });
    assert!(bad.is_err(), "an undocumented msteams field must fail");
}
