//! X001: a password, token or key embedded anywhere in the spec outside a service's environment
//! (K002's): found by the credential detector (`crate::secrets`) in fields named like secrets,
//! headers, URLs (userinfo, query, webhook paths), scrape params, relabel replacements, rule
//! labels and annotations, templates, Fluentd and Elasticsearch settings, and by token shapes.

use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::secrets::Placement;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "X001",
        name: "embedded-secret",
        family: Family::Secrets,
        severity: Severity::Error,
        summary: "A password, token or API key embedded in a spec value.",
        explanation: "The spec is committed to version control and the generated files are deployed widely; a secret written into either leaks. monctl takes secrets by reference: a `*_file` path or `{file: PATH}` (read by the tool at run time), or an environment reference (`{env: NAME}`, `${NAME}`) substituted at deploy time. `generate` refuses to write a literal credential whatever the lint settings; the finding never shows the value (messages and snippets show `****`).\n\nFlagged, in any section: values of fields, headers, query and scrape parameters named like credentials (password, secret, token, api_key, routing_key, Authorization, X-API-Key, apikey, access_token, sig...); URLs with a password (`https://user:pass@host`, also `user:pass@host:9100` targets), a token parameter (`?access_token=`, `?apikey=`, `?auth_token=`) or a token path (Slack, Discord, Telegram, Teams, Feishu webhooks); relabel replacements that set a `__param_<credential>`; and strings shaped like credentials wherever they appear, rule labels, annotations and templates included: PEM private keys, JSON Web Tokens, `Bearer ...`/`Basic ...` values, Slack `xox?-`, GitHub `ghp_`/`github_pat_`, GitLab `glpat-`, AWS `AKIA...`, Google `AIza...`, Stripe `sk_live_...`, SendGrid, npm and Telegram bot tokens. References and placeholders (`${NAME}`, `<token>`, `****`) are not flagged.\n\nA throwaway value of a test setup can be kept, one value at a time, with a reason:\n```yaml\nlint:\n  test_secrets:\n    - path: routing.receivers[0].email_configs[0].auth_password\n      reason: the local MailHog catcher's fixed password\n```\n\nBad:\n```yaml\nurl: https://oapi.dingtalk.com/robot/send?access_token=abc123\n```\nGood:\n```yaml\nurl: {file: /etc/alertmanager/secrets/dingtalk-url}\n```",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    for s in ctx.model.spec_secrets() {
        if s.placement != Placement::Spec {
            continue;
        }
        let d = out.report(
            s.path.clone(),
            format!("{} at `{}`", s.finding.kind.describe(), s.path),
        );
        d.value_span = Some((s.finding.start, s.finding.end - s.finding.start));
        d.help = Some(
            "reference the secret instead: a `*_file` path or `{file: PATH}`, or an environment reference (`{env: NAME}`, ${NAME}); `monctl explain X001` shows how to keep a test value".into(),
        );
    }
}
