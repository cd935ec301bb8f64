//! Facts of the `stack`, `dashboards` and `tracing` sections that checks and generators read: the
//! stack's services with their presets applied (image, published and exposed ports, mounts,
//! environment with the tracing variables), the Grafana datasources, every dashboard (written or
//! generated from the catalog) with units filled in, and each panel query analysed once.

mod dashboards;
pub mod presets;
mod queries;
mod services;

pub use dashboards::{DashboardModel, Datasource};
pub use queries::PanelQuery;
pub use services::ServiceModel;

use super::Resolver;
use crate::diagnostic::Diagnostic;
use crate::spec::stack::Preset;
use crate::spec::Spec;

/// The resolved `stack` facts.
#[derive(Debug, Clone, Default)]
pub struct StackModel {
    /// The services by name (sorted), presets applied.
    pub services: Vec<ServiceModel>,
    /// The datasources Grafana is provisioned with.
    pub datasources: Vec<Datasource>,
    /// Every dashboard: written ones first, then generated ones.
    pub dashboards: Vec<DashboardModel>,
    /// Every PromQL target of every dashboard, analysed.
    pub queries: Vec<PanelQuery>,
}

impl StackModel {
    /// Resolves the section against the spec and the series resolver (catalog, jobs and recorded
    /// series); unresolvable references are reported.
    pub fn resolve(
        spec: &Spec,
        resolver: &mut Resolver,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Self {
        let services = services::resolve(spec);
        let datasources = dashboards::datasources(spec, &services);
        let dashboards = dashboards::resolve(spec, resolver, diagnostics);
        let queries = queries::analyse(&dashboards, resolver);
        for q in queries
            .iter()
            .filter(|q| !dashboards[q.dashboard].generated)
        {
            if let Some(message) = &q.error {
                let first = message.lines().next().unwrap_or(message).trim();
                diagnostics.push(
                    Diagnostic::error(
                        crate::codes::INVALID_PROMQL,
                        q.path.clone(),
                        format!("PromQL does not parse: {first}"),
                    )
                    .with_help(
                        "fix the panel's query; Grafana would show an error instead of data",
                    ),
                );
            }
        }
        let mut model = StackModel {
            services,
            datasources,
            dashboards,
            queries,
        };
        dashboards::fill_units(&mut model, resolver);
        model
    }

    /// The service of this name.
    pub fn service(&self, name: &str) -> Option<&ServiceModel> {
        self.services
            .binary_search_by(|s| s.name.as_str().cmp(name))
            .ok()
            .map(|i| &self.services[i])
    }

    /// The base image of the Fluentd build.
    pub const FLUENTD_BASE_IMAGE: &'static str = presets::FLUENTD_BASE_IMAGE;

    /// The folder Grafana's dashboard provider reads.
    pub const GRAFANA_DASHBOARDS: &'static str = presets::GRAFANA_DASHBOARDS;

    /// Where a generated file (path in the output folder) is read: by which standard service and
    /// at which container path.
    pub fn reader(path: &str) -> Option<(Preset, String)> {
        presets::reader(path)
    }

    /// The pinned image of a preset.
    pub fn preset_image(preset: Preset) -> Option<&'static str> {
        presets::image(preset)
    }

    /// True when the image is Jaeger v2 (configured by jaeger/config.yaml).
    pub fn is_jaeger_v2(image: &str) -> bool {
        presets::is_jaeger_v2(image)
    }

    /// Where the stack's Elasticsearch is reached from the other services: the first service
    /// playing Elasticsearch, on 9200 when it listens there (else its first container port).
    pub fn elasticsearch_address(&self) -> Option<(&str, u16)> {
        let es = self.with_role(Preset::Elasticsearch).next()?;
        let port = presets::main_port(Preset::Elasticsearch);
        let port = if es.listens_on(port) || es.container_ports().is_empty() {
            port
        } else {
            es.container_ports()[0]
        };
        Some((es.name.as_str(), port))
    }

    /// `host:port` of the stack's Alertmanager as Prometheus reaches it (the first service playing
    /// Alertmanager, on 9093 when it listens there, else its first container port).
    pub fn alertmanager_target(&self) -> Option<String> {
        let am = self.with_role(Preset::Alertmanager).next()?;
        let port = presets::main_port(Preset::Alertmanager);
        let ports = am.container_ports();
        let port = if am.listens_on(port) || ports.is_empty() {
            port
        } else {
            ports[0]
        };
        Some(format!("{}:{port}", am.name))
    }

    /// The standard service a host name stands for (`elasticsearch`, `jaeger`, ...).
    pub fn role_of_host(host: &str) -> Option<Preset> {
        presets::infer(None, host)
    }

    /// The port a standard service serves on.
    pub fn main_port(preset: Preset) -> u16 {
        presets::main_port(preset)
    }

    /// The services playing a standard role (by preset or image).
    pub fn with_role(&self, role: Preset) -> impl Iterator<Item = &ServiceModel> {
        self.services.iter().filter(move |s| s.role == Some(role))
    }
}
