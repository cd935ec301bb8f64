//! Load-time validation of `stack`, `dashboards` and `tracing`: references between services,
//! an image or a build for each service, dashboard uids, panel sizes and sampling parameters.

use super::{Dashboards, SamplingType, Stack, Tracing};
use crate::codes::{
    did_you_mean, DUPLICATE_DEFINITION, INVALID_FIELD_COMBINATION, INVALID_VALUE, UNKNOWN_REFERENCE,
};
use crate::diagnostic::{Diagnostic, SpecPath};
use crate::spec::Spec;
use std::collections::HashMap;

/// Load-time validation of the `stack`, `dashboards` and `tracing` sections.
pub fn validate(spec: &Spec) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if let Some(stack) = &spec.stack {
        services(stack, &mut out);
    }
    if let Some(dashboards) = &spec.dashboards {
        dashboard_shapes(dashboards, &mut out);
    }
    if let Some(tracing) = &spec.tracing {
        tracing_shape(tracing, spec.stack.as_ref(), &mut out);
    }
    out
}

fn unknown_service(stack: &Stack, name: &str, path: SpecPath, what: &str) -> Diagnostic {
    let help = match did_you_mean(name, stack.services.keys().map(String::as_str)) {
        Some(s) => format!("did you mean `{s}`?"),
        None => "name a service defined under stack.services".to_string(),
    };
    Diagnostic::error(
        UNKNOWN_REFERENCE,
        path,
        format!("{what} `{name}`, which is not a service of the stack"),
    )
    .with_help(help)
}

fn services(stack: &Stack, out: &mut Vec<Diagnostic>) {
    let root = SpecPath::root().key("stack").key("services");
    for (name, service) in &stack.services {
        let path = root.key(name.as_str());
        if name.is_empty()
            || !name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_.".contains(c))
        {
            out.push(
                Diagnostic::error(INVALID_VALUE, path.clone(), format!("`{name}` is not a Compose service name"))
                    .with_help("use lowercase letters, digits, `-`, `_` and `.` (the name is also a host name)"),
            );
        }
        if service.preset.is_none() && service.image.is_none() && service.build.is_none() {
            out.push(
                Diagnostic::error(
                    INVALID_FIELD_COMBINATION,
                    path.clone(),
                    format!("service `{name}` has neither an image nor a build"),
                )
                .with_help("set `image: repository:tag`, `build: {context: FOLDER}` or a `preset`"),
            );
        }
        for (i, dep) in service.depends_on.iter().enumerate() {
            if !stack.services.contains_key(dep) {
                out.push(unknown_service(
                    stack,
                    dep,
                    path.key("depends_on").index(i),
                    &format!("service `{name}` depends on"),
                ));
            }
        }
        for (i, volume) in service.volumes.iter().enumerate() {
            if !volume.contains(':') {
                out.push(
                    Diagnostic::error(
                        INVALID_VALUE,
                        path.key("volumes").index(i),
                        format!("volume `{volume}` has no target"),
                    )
                    .with_help("write SOURCE:TARGET[:ro]"),
                );
            }
        }
    }
}

fn dashboard_shapes(dashboards: &Dashboards, out: &mut Vec<Diagnostic>) {
    let root = SpecPath::root().key("dashboards");
    let mut uids: HashMap<&str, ()> = HashMap::new();
    for (d, dashboard) in dashboards.dashboards.iter().enumerate() {
        let path = root.key("dashboards").index(d);
        let uid = dashboard.uid.as_str();
        if uid.is_empty()
            || uid.len() > 40
            || !uid
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            out.push(
                Diagnostic::error(
                    INVALID_VALUE,
                    path.key("uid"),
                    format!("`{uid}` is not a Grafana dashboard uid"),
                )
                .with_help("use at most 40 letters, digits, `-` and `_`"),
            );
        }
        if uids.insert(uid, ()).is_some() {
            out.push(
                Diagnostic::error(
                    DUPLICATE_DEFINITION,
                    path.key("uid"),
                    format!("two dashboards have uid `{uid}`"),
                )
                .with_help("give every dashboard its own uid: Grafana keeps only one of them"),
            );
        }
        for (r, row) in dashboard.rows.iter().enumerate() {
            for (p, panel) in row.panels.iter().enumerate() {
                if let Some(w) = panel.width.filter(|w| !(1..=24).contains(w)) {
                    out.push(
                        Diagnostic::error(
                            INVALID_VALUE,
                            path.key("rows")
                                .index(r)
                                .key("panels")
                                .index(p)
                                .key("width"),
                            format!("width {w} is outside Grafana's 24-column grid"),
                        )
                        .with_help("use 1 to 24"),
                    );
                }
            }
        }
    }
    for (g, generated) in dashboards.generate.iter().enumerate() {
        let path = root.key("generate").index(g);
        let missing = match generated.kind {
            super::DashboardKind::Red if generated.requests.is_none() => Some("requests"),
            super::DashboardKind::Business if generated.metrics.is_empty() => Some("metrics"),
            _ => None,
        };
        if let Some(field) = missing {
            out.push(
                Diagnostic::error(
                    INVALID_FIELD_COMBINATION,
                    path,
                    format!("this dashboard needs `{field}`"),
                )
                .with_help("name the catalog metrics the dashboard shows"),
            );
        }
    }
}

fn strategy_param(kind: SamplingType, param: f64, path: SpecPath, out: &mut Vec<Diagnostic>) {
    let bad = match kind {
        SamplingType::Probabilistic => !(0.0..=1.0).contains(&param),
        SamplingType::RateLimiting => !(param >= 0.0 && param.is_finite()),
    };
    if bad {
        out.push(
            Diagnostic::error(INVALID_VALUE, path, format!("sampling parameter {param} is out of range"))
                .with_help("a probabilistic strategy takes a probability from 0 to 1; a ratelimiting one traces per second (0 or more)"),
        );
    }
}

fn tracing_shape(tracing: &Tracing, stack: Option<&Stack>, out: &mut Vec<Diagnostic>) {
    let root = SpecPath::root().key("tracing");
    if let Some(d) = &tracing.default_strategy {
        strategy_param(
            d.kind,
            d.param,
            root.key("default_strategy").key("param"),
            out,
        );
        for (o, op) in d.operation_strategies.iter().enumerate() {
            operation(
                op,
                root.key("default_strategy")
                    .key("operation_strategies")
                    .index(o),
                out,
            );
        }
    }
    for (s, strategy) in tracing.service_strategies.iter().enumerate() {
        let path = root.key("service_strategies").index(s);
        strategy_param(strategy.kind, strategy.param, path.key("param"), out);
        for (o, op) in strategy.operation_strategies.iter().enumerate() {
            operation(op, path.key("operation_strategies").index(o), out);
        }
    }
    let Some(stack) = stack else { return };
    let jaeger = tracing.jaeger.as_deref().unwrap_or("jaeger");
    if !stack.services.contains_key(jaeger) {
        let path = if tracing.jaeger.is_some() {
            root.key("jaeger")
        } else {
            root.clone()
        };
        out.push(unknown_service(
            stack,
            jaeger,
            path,
            "tracing sends spans to",
        ));
    }
    for (i, service) in tracing.services.iter().enumerate() {
        if !stack.services.contains_key(service) {
            out.push(unknown_service(
                stack,
                service,
                root.key("services").index(i),
                "tracing names",
            ));
        }
    }
}

fn operation(op: &super::OperationStrategy, path: SpecPath, out: &mut Vec<Diagnostic>) {
    if op.kind != SamplingType::Probabilistic {
        out.push(
            Diagnostic::error(
                INVALID_VALUE,
                path.key("type"),
                format!("operation `{}` has a ratelimiting strategy", op.operation),
            )
            .with_help(
                "Jaeger samples single operations only probabilistically; use type: probabilistic",
            ),
        );
    }
    strategy_param(op.kind, op.param, path.key("param"), out);
}
