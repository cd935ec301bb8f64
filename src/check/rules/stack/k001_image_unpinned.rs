//! K001: a service image on `latest` or with no tag.

use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::Severity;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "K001",
        name: "image-unpinned",
        family: Family::Stack,
        severity: Severity::Warning,
        summary: "A service's image is on `latest` or has no tag.",
        explanation: "An image without a tag is `latest`, which moves with every release: the next `docker compose pull` may bring a major version with other flags or config fields, on one machine and not on another.\n\nBad:\n```yaml\nprometheus:\n  image: prom/prometheus:latest\n```\nGood:\n```yaml\nprometheus:\n  image: prom/prometheus:v3.15.0   # or preset: prometheus\n```\nFix: pin a release tag (or a digest), or use the service's preset.",
    },
    run,
};

/// The tag of an image reference (`None` when it has none); a digest counts as pinned.
pub fn tag(image: &str) -> Option<&str> {
    if image.contains('@') {
        return Some("digest");
    }
    let last = image.rsplit('/').next().unwrap_or(image);
    last.split_once(':').map(|(_, t)| t)
}

fn run(ctx: &Context, out: &mut Findings) {
    for service in &ctx.model.stack.services {
        let Some(image) = &service.image else {
            continue;
        };
        let problem = match tag(image) {
            None => "has no tag (so it is `latest`)",
            Some("latest") => "is on `latest`",
            Some(_) => continue,
        };
        let path = service.image_path();
        let d = out.report(
            path,
            format!("service `{}`: image `{image}` {problem}", service.name),
        );
        d.help = Some(
            match service
                .role
                .and_then(crate::model::StackModel::preset_image)
            {
                Some(pinned) => format!(
                    "pin a release, e.g. `{pinned}`, or write `preset:` instead of `image:`"
                ),
                None => "pin a release tag or a digest".into(),
            },
        );
    }
}
