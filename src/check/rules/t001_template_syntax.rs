//! T001: an alert label or annotation template that does not parse.

use super::each::{at_token, rules};
use super::template::read;
use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::Severity;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "T001",
        name: "template-syntax",
        family: Family::Templates,
        severity: Severity::Error,
        summary: "An alert label or annotation template does not parse.",
        explanation: "Alert labels and annotations are Go templates. One that does not parse makes Prometheus reject the rule file (or, for some errors, send the raw error text as the annotation).\n\nBad:\n```yaml\nsummary: \"{{ $labels.job } is down\"\nsummary: \"{{ $value | humanise }}\"\n```\nGood:\n```yaml\nsummary: \"{{ $labels.job }} is down\"\nsummary: \"{{ $value | humanize }}\"\n```",
    },
    run,
};

fn run(ctx: &Context, out: &mut Findings) {
    for site in rules(ctx) {
        for (section, key, value) in site.templates() {
            if let Err(e) = read(value) {
                let d = out.report(
                    site.path().key(section).key(key),
                    format!("template does not parse: {}", e.message),
                );
                d.help = Some("Go template syntax: {{ $labels.name }}, {{ $value | humanize }}, {{ if ... }}...{{ end }}".into());
                at_token(d, Some((e.offset, 2)));
            }
        }
    }
}
