//! K006: the DingTalk bridge URL alertmanager.yml posts to is not a service of the stack.

use super::k003_scrape_target_not_in_stack::target_problem;
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::{Severity, SpecPath};
use crate::suggest::Suggester;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "K006",
        name: "bridge-not-in-stack",
        family: Family::Stack,
        severity: Severity::Error,
        summary: "The DingTalk bridge URL names no service of the stack.",
        explanation: "alertmanager.yml sends DingTalk notifications as webhooks to the bridge at `routing.dingtalk_bridge.url`; inside the Compose network that is the bridge service's name and container port. Spelled differently from the stack's service, every DingTalk notification fails (Alertmanager logs `notify retry canceled`).\n\nBad:\n```yaml\nrouting:\n  dingtalk_bridge: {url: 'http://dingtalk:8060'}\nstack:\n  services:\n    dingtalk-bridge: {preset: dingtalk-bridge}\n```\nGood:\n```yaml\n  dingtalk_bridge: {url: 'http://dingtalk-bridge:8060'}\n```",
    },
    run,
};

/// `host:port` of an http(s) URL (the scheme's default port when it has none).
fn authority(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let host = rest.split(['/', '?', '#']).next()?;
    if host.contains(':') {
        Some(host.to_string())
    } else {
        Some(format!(
            "{host}:{}",
            if scheme == "https" { 443 } else { 80 }
        ))
    }
}

fn run(ctx: &Context, out: &mut Findings) {
    if ctx.model.spec.stack.is_none() {
        return;
    }
    let Some(bridge) = ctx
        .model
        .spec
        .routing
        .as_ref()
        .and_then(|r| r.dingtalk_bridge.as_ref())
    else {
        return;
    };
    let Some(target) = authority(&bridge.url) else {
        return;
    };
    let stack = &ctx.model.stack;
    let suggester = Suggester::new(stack.services.iter().map(|s| s.name.as_str()));
    if let Some((message, help)) = target_problem(stack, &target, &suggester) {
        let d = out.report(
            SpecPath::root()
                .key("routing")
                .key("dingtalk_bridge")
                .key("url"),
            format!("DingTalk bridge `{}`: {message}", bridge.url),
        );
        d.help = Some(help);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_the_authority() {
        assert_eq!(
            super::authority("http://b:8060/x").as_deref(),
            Some("b:8060")
        );
        assert_eq!(super::authority("https://b/x").as_deref(), Some("b:443"));
        assert_eq!(super::authority("b:8060"), None);
    }
}
