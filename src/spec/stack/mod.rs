//! The `stack`, `dashboards` and `tracing` sections: the services of the stack (docker-compose),
//! Grafana dashboards and provisioning, and Jaeger tracing (issue #12). Types and their load-time
//! validation live in this folder, one file per section.

mod dashboards;
pub mod grafana_import;
mod services;
mod tracing;
mod validate;

pub use dashboards::{
    Dashboard, DashboardKind, Dashboards, GeneratedDashboard, Panel, PanelType, Row, Target,
    ThresholdStep, Variable,
};
pub use services::{
    Build, EnvValue, Healthcheck, PortMapping, Preset, Protocol, Resources, Service, Stack,
};
pub use tracing::{OperationStrategy, SamplingType, ServiceStrategy, Strategy, Tracing};
pub use validate::validate;
