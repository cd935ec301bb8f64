//! dingtalk/config.yml: the DingTalk bridge's (prometheus-webhook-dingtalk) targets, one per
//! `dingtalk_configs` entry of the routing section, named as alertmanager.yml's webhooks call
//! them (`/dingtalk/<target>/send`). Secrets are `${NAME}` placeholders, substituted at deploy
//! time like those of alertmanager.yml.

use super::super::yaml::{document, Fields};
use super::Artifact;
use crate::model::Model;
use crate::spec::routing::receiver::dingtalk_target;
use crate::spec::routing::Secret;
use crate::spec::stack::Preset;
use serde_json::{Map, Value};

fn secret_text(secret: &Secret) -> String {
    match secret {
        Secret::Env(e) => Secret::env_placeholder(&e.env),
        Secret::Literal(s) => s.clone(),
        // The bridge reads no secret files: the value is substituted into this file instead.
        Secret::File(f) => format!("${{FILE:{}}}", f.file),
    }
}

pub fn config(model: &Model) -> Option<Artifact> {
    model.stack.with_role(Preset::DingtalkBridge).next()?;
    let routing = model.spec.routing.as_ref()?;
    let mut targets = Map::new();
    for receiver in &routing.receivers {
        for (i, c) in receiver.dingtalk_configs.iter().enumerate() {
            let mut t = Fields::new();
            t.set("url", c.robot_url.as_ref().map(secret_text))
                .set("secret", c.secret.as_ref().map(secret_text));
            let mut message = Fields::new();
            message.set("title", &c.title).set("text", &c.message);
            t.set("message", message.build());
            targets.insert(dingtalk_target(&receiver.name, i), t.build());
        }
    }
    let mut root = Fields::new();
    root.set("targets", Value::Object(targets));
    Some(Artifact {
        path: "dingtalk/config.yml".into(),
        content: document(&root.build()),
    })
}
