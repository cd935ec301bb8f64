//! K009: a service running a release line its project no longer supports (no fixes, no security
//! patches), with the supported replacement.

use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::Severity;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "K009",
        name: "image-end-of-life",
        family: Family::Stack,
        severity: Severity::Warning,
        summary: "A service runs an image whose release line has reached its end of life.",
        explanation: "A release line past its end of life gets no bug fixes and no security patches. Jaeger v1 (`jaegertracing/all-in-one`, `jaeger-collector`, `jaeger-query`, `jaeger-agent`, `jaeger-ingester`) reached its end of life on 2025-12-31 (jaegertracing/jaeger#6321); its last release is 1.76.0. Jaeger v2 is one image, `jaegertracing/jaeger`, configured by a YAML file (OpenTelemetry Collector style); the sampling strategies file keeps its format.\n\nBad:\n```yaml\njaeger:\n  image: jaegertracing/all-in-one:1.76.0\n```\nGood:\n```yaml\njaeger:\n  preset: jaeger   # jaegertracing/jaeger:2.x with the generated jaeger/config.yaml\n```",
    },
    run,
};

/// Image repositories (the last two path segments) whose line has ended: what it is and the fix.
const ENDED: &[(&str, &str, &str)] = &[
    ("jaegertracing/all-in-one", "Jaeger v1", JAEGER_V2),
    ("jaegertracing/jaeger-collector", "Jaeger v1", JAEGER_V2),
    ("jaegertracing/jaeger-query", "Jaeger v1", JAEGER_V2),
    ("jaegertracing/jaeger-agent", "Jaeger v1", JAEGER_V2),
    ("jaegertracing/jaeger-ingester", "Jaeger v1", JAEGER_V2),
];

const JAEGER_V2: &str = "Jaeger v1 reached its end of life on 2025-12-31: use `preset: jaeger` (Jaeger v2, jaegertracing/jaeger, one binary configured by the generated jaeger/config.yaml, reading the same jaeger/sampling.json)";

/// `owner/name` of an image reference, without registry, tag or digest.
fn repository(image: &str) -> String {
    let image = image.split('@').next().unwrap_or(image);
    let image = match (image.rfind(':'), image.rfind('/')) {
        (Some(colon), slash) if slash.is_none_or(|s| colon > s) => &image[..colon],
        _ => image,
    };
    let parts: Vec<&str> = image.rsplitn(3, '/').collect();
    match parts.as_slice() {
        [name, owner, ..] => format!("{owner}/{name}"),
        [name] => name.to_string(),
        [] => String::new(),
    }
}

fn run(ctx: &Context, out: &mut Findings) {
    for service in &ctx.model.stack.services {
        let Some(image) = &service.image else {
            continue;
        };
        let repo = repository(image);
        let Some((_, line, fix)) = ENDED.iter().find(|(r, _, _)| *r == repo) else {
            continue;
        };
        let path = service.image_path();
        let d = out.report(
            path,
            format!(
                "service `{}`: image `{image}` is {line}, past its end of life",
                service.name
            ),
        );
        d.help = Some(fix.to_string());
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_the_repository() {
        assert_eq!(
            super::repository("docker.io/jaegertracing/all-in-one:1.76.0"),
            "jaegertracing/all-in-one"
        );
        assert_eq!(
            super::repository("localhost:5000/jaegertracing/jaeger-query@sha256:ab"),
            "jaegertracing/jaeger-query"
        );
        assert_eq!(super::repository("redis:7"), "redis");
    }
}
