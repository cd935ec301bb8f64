//! K002: a password, token or key written literally in a service's environment, found by the
//! credential detector (`crate::secrets`) reading variable names (`*PASSWORD*`, `*_PASS`,
//! `*TOKEN*`, `*SECRET*`, `*API_KEY*`) and values (DSNs with a password, URLs with credentials,
//! token shapes).

use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::Severity;
use crate::secrets::Placement;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "K002",
        name: "literal-secret-in-environment",
        family: Family::Stack,
        severity: Severity::Error,
        summary: "A secret is written literally in a service's environment.",
        explanation: "A literal password in the stack ends up in docker-compose.yml, in version control and in `docker inspect`; a default one (`admin`) is the first thing an attacker tries. Variables named like secrets (`MYSQL_PWD`, `*_PASS`, `*PASSWORD*`, `*TOKEN*`, `*SECRET*`, `*API_KEY*`...) and values carrying credentials (a connection string with a password, `user:pass@(host)/` as mysqld-exporter's DATA_SOURCE_NAME; a URL with a token; a token's shape) must be references. `generate` refuses to write one whatever the lint settings; `lint.test_secrets` keeps a test value (see `monctl explain X001`).\n\nBad:\n```yaml\nenvironment:\n  GF_SECURITY_ADMIN_PASSWORD: admin\n  DATA_SOURCE_NAME: root:rootpassword@(mysql:3306)/\n```\nGood:\n```yaml\nenvironment:\n  GF_SECURITY_ADMIN_PASSWORD: {env: GRAFANA_ADMIN_PASSWORD}   # listed in .env.example\n  MYSQL_ROOT_PASSWORD: {file: ./secrets/mysql_root_password}  # a Compose secret\n```",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    for s in ctx.model.spec_secrets() {
        if s.placement != Placement::Environment {
            continue;
        }
        let (service, key) = match s.path.0.as_slice() {
            [_, _, crate::diagnostic::PathSegment::Key(service), _, crate::diagnostic::PathSegment::Key(key), ..] => {
                (service.clone(), key.clone())
            }
            _ => (String::new(), String::new()),
        };
        let d = out.report(
            s.path.clone(),
            format!(
                "service `{service}`: `{key}` holds {}",
                s.finding.kind.describe()
            ),
        );
        d.value_span = Some((s.finding.start, s.finding.end - s.finding.start));
        d.help = Some(format!(
            "write `{key}: {{env: NAME}}` (set NAME in .env, listed in .env.example) or `{{file: PATH}}` (a Compose secret)"
        ));
    }
}
