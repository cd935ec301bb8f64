//! K005: a file a tool reads (a generated config, a rule file, a template folder, a dashboard
//! folder) that no volume of the service running the tool mounts at the place the tool reads it.

use crate::check::{Context, Family, Findings, Rule, RuleMeta};
use crate::diagnostic::{Severity, SpecPath};
use crate::model::{Model, StackModel};
use crate::spec::routing::Template;
use crate::spec::stack::Preset;

pub const RULE: Rule = Rule {
    meta: RuleMeta {
        code: "K005",
        name: "config-not-mounted",
        family: Family::Stack,
        severity: Severity::Error,
        summary: "A file a service reads is not mounted where it reads it.",
        explanation: "monctl writes prometheus.yml, rules/, alertmanager.yml, grafana/ and jaeger/ beside docker-compose.yml. Each must be mounted into the container that reads it, at the path that tool reads (Prometheus: /etc/prometheus/prometheus.yml and its rule files relative to it; Alertmanager: /etc/alertmanager/; Grafana: /etc/grafana/provisioning/ and the provider's folder; Jaeger: /etc/jaeger/). A volume from another folder, or none, starts the tool with its image's default configuration and no error.\n\nBad:\n```yaml\nprometheus:\n  volumes: ['./monitoring/prometheus.yml:/etc/prometheus/prometheus.yml']\n```\nGood:\n```yaml\nprometheus:\n  preset: prometheus   # mounts ./prometheus.yml and ./rules read-only\n```",
    },
    run,
};

fn norm(source: &str) -> &str {
    source.trim_start_matches("./").trim_end_matches('/')
}

/// How a volume of the service relates to a file read at `container` and written at `generated`.
enum Mount {
    Right,
    /// Mounted at the place, from a folder monctl does not write to.
    OtherSource(String),
    Missing,
}

fn mount_of(
    service: &crate::model::StackModel,
    name: &str,
    container: &str,
    generated: Option<&str>,
) -> Mount {
    let Some(s) = service.service(name) else {
        return Mount::Missing;
    };
    let mut best: Option<(&str, &str)> = None;
    for (source, target) in s.mounts() {
        let target = target.trim_end_matches('/');
        let covers = container == target || container.starts_with(&format!("{target}/"));
        if covers && best.is_none_or(|(_, t)| target.len() > t.len()) {
            best = Some((source, target));
        }
    }
    let Some((source, target)) = best else {
        return Mount::Missing;
    };
    let Some(generated) = generated else {
        return Mount::Right;
    };
    let rest = &container[target.len()..];
    let expected = format!("{}{rest}", norm(source));
    if expected.trim_start_matches('/') == generated {
        Mount::Right
    } else {
        Mount::OtherSource(source.to_string())
    }
}

fn service_for(model: &Model, role: Preset) -> Option<&str> {
    model.stack.with_role(role).next().map(|s| s.name.as_str())
}

fn config_path(model: &Model, role: Preset, name: &str, default: String) -> String {
    let flag = match role {
        Preset::Prometheus | Preset::Alertmanager | Preset::DingtalkBridge => "--config.file",
        _ => return default,
    };
    let Some(s) = model.stack.service(name) else {
        return default;
    };
    match (s.flag(flag), default.rsplit_once('/')) {
        (Some(config), Some((_, file)))
            if default.ends_with(".yml") && !file.contains('/') && config.ends_with(file) =>
        {
            config.to_string()
        }
        _ => default,
    }
}

fn run(ctx: &Context, out: &mut Findings) {
    let model = ctx.model;
    if model.spec.stack.is_none() {
        return;
    }
    let artifacts = model.artifacts();
    let mut reported: Vec<(String, String)> = Vec::new();
    for artifact in artifacts {
        let Some((role, container)) = StackModel::reader(&artifact.path) else {
            continue;
        };
        let Some(name) = service_for(model, role) else {
            continue;
        };
        let container = config_path(model, role, name, container);
        // One finding per folder: rules/a.yml and rules/b.yml share their mount.
        let folder = artifact
            .path
            .rsplit_once('/')
            .map_or(artifact.path.clone(), |(d, _)| d.to_string());
        if reported.contains(&(name.to_string(), folder.clone())) {
            continue;
        }
        let message = match mount_of(&model.stack, name, &container, Some(&artifact.path)) {
            Mount::Right => continue,
            // Something else mounted where Grafana reads dashboard providers: G001's finding.
            Mount::OtherSource(_) if artifact.path.starts_with("grafana/provisioning/dashboards/") => continue,
            Mount::Missing => format!("service `{name}` reads {container}, but no volume mounts it: monctl writes it to {}", artifact.path),
            Mount::OtherSource(source) => format!("service `{name}` reads {container} from `{source}`, but monctl writes it to ./{}", artifact.path),
        };
        reported.push((name.to_string(), folder));
        let path = model
            .stack
            .service(name)
            .map_or_else(SpecPath::root, |s| s.path().key("volumes"));
        let d = out.report(path, message);
        d.help = Some(format!(
            "mount ./{} read-only at {container}, or use `preset:` which does",
            artifact.path
        ));
    }
    // Template files alertmanager.yml names by glob.
    let Some(routing) = &model.spec.routing else {
        return;
    };
    let Some(name) = service_for(model, Preset::Alertmanager) else {
        return;
    };
    for (i, template) in routing.templates.iter().enumerate() {
        let Template::Files(glob) = template else {
            continue;
        };
        let dir = glob.rsplit_once('/').map_or("", |(d, _)| d);
        let container = if dir.starts_with('/') {
            dir.to_string()
        } else {
            format!("/etc/alertmanager/{dir}")
                .trim_end_matches('/')
                .to_string()
        };
        if let Mount::Missing = mount_of(&model.stack, name, &container, None) {
            let d = out.report(
                SpecPath::root().key("routing").key("templates").index(i),
                format!("alertmanager.yml reads templates `{glob}`, but service `{name}` mounts nothing at {container}"),
            );
            d.help = Some(format!(
                "add a volume with the template files at {container} to service `{name}`"
            ));
        }
    }
}
