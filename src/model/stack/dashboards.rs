//! The dashboards Grafana loads: the written ones and those generated from the catalog (RED for a
//! service's HTTP metrics, USE for node-exporter, one row per business metric), with panel units
//! taken from the catalog where the spec gives none; and the datasources the stack provides.

use super::{presets, ServiceModel, StackModel};
use crate::codes::UNKNOWN_REFERENCE;
use crate::diagnostic::{Diagnostic, SpecPath};
use crate::model::Resolver;
use crate::promql::{Event, SeriesResolver, SeriesSource};
use crate::spec::stack::{
    Dashboard, DashboardKind, GeneratedDashboard, Panel, PanelType, Preset, Row, Target,
    ThresholdStep, Variable,
};
use crate::spec::{MetricType, Spec};
use serde_json::{json, Value};

/// A dashboard and where the spec states it.
#[derive(Debug, Clone, PartialEq)]
pub struct DashboardModel {
    pub dashboard: Dashboard,
    /// `dashboards.dashboards[i]` or `dashboards.generate[i]`.
    pub path: SpecPath,
    pub generated: bool,
}

/// A provisioned Grafana datasource.
#[derive(Debug, Clone, PartialEq)]
pub struct Datasource {
    pub uid: &'static str,
    pub name: &'static str,
    pub kind: &'static str,
    pub url: String,
    pub is_default: bool,
    pub json_data: Value,
}

pub const PROMETHEUS_UID: &str = "prometheus";
pub const ELASTICSEARCH_UID: &str = "elasticsearch";

pub fn datasources(spec: &Spec, services: &[ServiceModel]) -> Vec<Datasource> {
    let host = |role: Preset| {
        services
            .iter()
            .find(|s| s.role == Some(role))
            .map(|s| format!("http://{}:{}", s.name, presets::main_port(role)))
    };
    let mut out = Vec::new();
    let prometheus = host(Preset::Prometheus).or_else(|| {
        (spec.stack.is_none() && spec.dashboards.is_some())
            .then(|| "http://prometheus:9090".to_string())
    });
    if let Some(url) = prometheus {
        out.push(Datasource {
            uid: PROMETHEUS_UID,
            name: "Prometheus",
            kind: "prometheus",
            url,
            is_default: true,
            json_data: json!({"httpMethod": "POST", "timeInterval": spec.scrape.global.effective_scrape_interval().to_string()}),
        });
    }
    if let Some(url) = host(Preset::Alertmanager) {
        out.push(Datasource {
            uid: "alertmanager",
            name: "Alertmanager",
            kind: "alertmanager",
            url,
            is_default: false,
            json_data: json!({"implementation": "prometheus", "handleGrafanaManagedAlerts": false}),
        });
    }
    if let Some(url) = host(Preset::Elasticsearch) {
        let d = spec.dashboards.as_ref();
        out.push(Datasource {
            uid: ELASTICSEARCH_UID,
            name: "Elasticsearch",
            kind: "elasticsearch",
            url,
            is_default: false,
            json_data: json!({
                "index": d.and_then(|d| d.log_index.clone()).unwrap_or_else(|| "logstash-*".into()),
                "timeField": d.and_then(|d| d.log_time_field.clone()).unwrap_or_else(|| "@timestamp".into()),
                "logMessageField": "message",
                "logLevelField": "level",
            }),
        });
    }
    if let Some(url) = host(Preset::Jaeger) {
        out.push(Datasource {
            uid: "jaeger",
            name: "Jaeger",
            kind: "jaeger",
            url,
            is_default: false,
            json_data: json!({}),
        });
    }
    out
}

pub fn resolve(
    spec: &Spec,
    resolver: &Resolver,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<DashboardModel> {
    let Some(section) = &spec.dashboards else {
        return Vec::new();
    };
    let root = SpecPath::root().key("dashboards");
    let mut out: Vec<DashboardModel> = section
        .dashboards
        .iter()
        .enumerate()
        .map(|(i, d)| DashboardModel {
            dashboard: d.clone(),
            path: root.key("dashboards").index(i),
            generated: false,
        })
        .collect();
    for (i, g) in section.generate.iter().enumerate() {
        let path = root.key("generate").index(i);
        let mut missing = |field: &str, name: &str| {
            let known = resolver.resolve(name).source != SeriesSource::Unknown;
            if !known {
                diagnostics.push(
                    Diagnostic::error(
                        UNKNOWN_REFERENCE,
                        path.key(field),
                        format!("metric `{name}` is not in the catalog"),
                    )
                    .with_help(
                        "name a metric of `metrics:` or of a catalog pack the job opts into",
                    ),
                );
            }
            !known
        };
        let ok = match g.kind {
            DashboardKind::Red => {
                g.requests
                    .as_deref()
                    .is_some_and(|r| !missing("requests", r))
                    & g.duration
                        .as_deref()
                        .is_none_or(|d| !missing("duration", &format!("{d}_bucket")))
            }
            DashboardKind::Business => g
                .metrics
                .iter()
                .fold(true, |ok, m| !missing("metrics", m) & ok),
            DashboardKind::Use => true,
        };
        if ok {
            out.push(DashboardModel {
                dashboard: generate(g, resolver),
                path,
                generated: true,
            });
        }
    }
    out
}

fn panel(title: &str, kind: PanelType, exprs: &[(&str, String)], unit: Option<&str>) -> Panel {
    Panel {
        title: title.into(),
        kind,
        targets: exprs
            .iter()
            .map(|(legend, expr)| Target {
                expr: expr.clone(),
                legend: (!legend.is_empty()).then(|| legend.to_string()),
                instant: kind != PanelType::Timeseries,
            })
            .collect(),
        unit: unit.map(str::to_string),
        ..Panel::default()
    }
}

fn row(title: &str, panels: Vec<Panel>) -> Row {
    Row {
        title: title.into(),
        collapsed: false,
        panels,
    }
}

const SEL: &str = r#"job=~"$job",instance=~"$instance""#;

fn job_variables() -> Vec<Variable> {
    ["job", "instance"]
        .into_iter()
        .map(|name| Variable {
            name: name.into(),
            ..Variable::default()
        })
        .collect()
}

fn generate(g: &GeneratedDashboard, resolver: &Resolver) -> Dashboard {
    let job = g.job.as_str();
    let (uid, title, rows) = match g.kind {
        DashboardKind::Red => (
            format!("{job}-red"),
            format!("{job}: requests, errors, duration"),
            red(g),
        ),
        DashboardKind::Use => (
            format!("{job}-use"),
            format!("{job}: utilisation, saturation, errors"),
            use_rows(),
        ),
        DashboardKind::Business => (
            format!("{job}-business"),
            format!("{job}: business metrics"),
            business(g, resolver),
        ),
    };
    Dashboard {
        uid: g.uid.clone().unwrap_or(uid),
        title: g.title.clone().unwrap_or(title),
        tags: vec!["monctl".into(), job.into()],
        refresh: Some("30s".into()),
        time_from: Some("now-6h".into()),
        variables: job_variables(),
        rows,
        ..Dashboard::default()
    }
}

fn red(g: &GeneratedDashboard) -> Vec<Row> {
    let requests = g.requests.as_deref().unwrap_or_default();
    let status = g.status_label.as_deref().unwrap_or("status_code");
    let rate = |extra: &str| format!("sum(rate({requests}{{{SEL}{extra}}}[$__rate_interval]))");
    let mut rows = vec![
        row(
            "Rate",
            vec![
                panel(
                    "Requests per second",
                    PanelType::Timeseries,
                    &[(
                        "{{job}}",
                        format!("sum by (job) (rate({requests}{{{SEL}}}[$__rate_interval]))"),
                    )],
                    Some("reqps"),
                ),
                panel(
                    "Requests per second now",
                    PanelType::Stat,
                    &[("", rate(""))],
                    Some("reqps"),
                ),
            ],
        ),
        row(
            "Errors",
            vec![{
                let mut p = panel(
                    "Server error ratio (5xx)",
                    PanelType::Timeseries,
                    &[(
                        "5xx",
                        format!("{} / {}", rate(&format!(r#",{status}=~"5..""#)), rate("")),
                    )],
                    Some("percentunit"),
                );
                p.thresholds = vec![
                    ThresholdStep {
                        value: None,
                        color: "green".into(),
                    },
                    ThresholdStep {
                        value: Some(0.01),
                        color: "orange".into(),
                    },
                    ThresholdStep {
                        value: Some(0.05),
                        color: "red".into(),
                    },
                ];
                p
            }],
        ),
    ];
    if let Some(duration) = &g.duration {
        let q = |quantile: &str| {
            format!("histogram_quantile({quantile}, sum by (le) (rate({duration}_bucket{{{SEL}}}[$__rate_interval])))")
        };
        rows.push(row(
            "Duration",
            vec![panel(
                "Request duration",
                PanelType::Timeseries,
                &[("p50", q("0.5")), ("p95", q("0.95")), ("p99", q("0.99"))],
                None,
            )],
        ));
    }
    rows
}

fn use_rows() -> Vec<Row> {
    let fs = r#"fstype!~"tmpfs|overlay""#;
    vec![
        row("CPU", vec![
            panel("CPU utilisation", PanelType::Timeseries, &[("{{instance}}", format!(r#"1 - avg by (instance) (rate(node_cpu_seconds_total{{{SEL},mode="idle"}}[$__rate_interval]))"#))], Some("percentunit")),
            panel("Load (1m) per CPU", PanelType::Timeseries, &[("{{instance}}", format!(r#"node_load1{{{SEL}}} / on (instance) count by (instance) (node_cpu_seconds_total{{{SEL},mode="idle"}})"#))], Some("short")),
        ]),
        row("Memory", vec![
            panel("Memory utilisation", PanelType::Timeseries, &[("{{instance}}", format!("1 - node_memory_MemAvailable_bytes{{{SEL}}} / node_memory_MemTotal_bytes{{{SEL}}}"))], Some("percentunit")),
            panel("OOM kills", PanelType::Stat, &[("", format!("sum(increase(node_vmstat_oom_kill{{{SEL}}}[$__range]))"))], Some("short")),
        ]),
        row("Disk", vec![
            panel("Filesystem utilisation", PanelType::Gauge, &[("{{instance}} {{mountpoint}}", format!("1 - node_filesystem_avail_bytes{{{SEL},{fs}}} / node_filesystem_size_bytes{{{SEL},{fs}}}"))], Some("percentunit")),
            panel("Disk I/O utilisation", PanelType::Timeseries, &[("{{instance}} {{device}}", format!("rate(node_disk_io_time_seconds_total{{{SEL}}}[$__rate_interval])"))], Some("percentunit")),
        ]),
        row("Network", vec![
            panel("Receive errors", PanelType::Timeseries, &[("{{instance}} {{device}}", format!("rate(node_network_receive_errs_total{{{SEL}}}[$__rate_interval])"))], Some("pps")),
        ]),
    ]
}

fn business(g: &GeneratedDashboard, resolver: &Resolver) -> Vec<Row> {
    g.metrics
        .iter()
        .map(|name| {
            let entry = resolver
                .catalog
                .binary_search_by(|e| e.name.as_str().cmp(name))
                .ok()
                .map(|i| &resolver.catalog[i]);
            let kind = entry.map(|e| e.metric.kind);
            let by = entry
                .and_then(|e| e.metric.labels.first())
                .map(|l| l.name().to_string());
            let title = entry
                .and_then(|e| e.metric.help.clone())
                .unwrap_or_else(|| name.clone());
            let grouped = |inner: String| match &by {
                Some(l) => (format!("{{{{{l}}}}}"), format!("sum by ({l}) ({inner})")),
                None => (String::new(), format!("sum({inner})")),
            };
            let panels = match kind {
                Some(MetricType::Counter) => {
                    let (legend, expr) = grouped(format!("rate({name}{{{SEL}}}[$__rate_interval])"));
                    vec![
                        panel(&format!("{title} per second"), PanelType::Timeseries, &[(legend.as_str(), expr)], Some("ops")),
                        panel(&format!("{title} in range"), PanelType::Stat, &[("", format!("sum(increase({name}{{{SEL}}}[$__range]))"))], Some("short")),
                    ]
                }
                Some(MetricType::Histogram) => vec![panel(
                    &format!("{title} (p95)"),
                    PanelType::Timeseries,
                    &[("p95", format!("histogram_quantile(0.95, sum by (le) (rate({name}_bucket{{{SEL}}}[$__rate_interval])))"))],
                    None,
                )],
                _ => {
                    let (legend, expr) = grouped(format!("{name}{{{SEL}}}"));
                    vec![
                        panel(&title, PanelType::Timeseries, &[(legend.as_str(), expr.clone())], None),
                        panel(&format!("{title} now"), PanelType::Stat, &[("", expr)], None),
                    ]
                }
            };
            row(name, panels)
        })
        .collect()
}

/// The Grafana unit of a catalog unit or a name's unit suffix.
fn grafana_unit(unit: &str) -> Option<&'static str> {
    Some(match unit {
        "seconds" => "s",
        "milliseconds" => "ms",
        "bytes" => "bytes",
        "ratio" => "percentunit",
        "percent" => "percent",
        "celsius" => "celsius",
        _ => return None,
    })
}

/// Fills each panel's unit from its first query's metric (catalog unit, else name suffix).
pub fn fill_units(model: &mut StackModel, resolver: &Resolver) {
    for q in &model.queries {
        let Some(analysis) = &q.analysis else {
            continue;
        };
        let Some(panel) = model
            .dashboards
            .get_mut(q.dashboard)
            .and_then(|d| d.dashboard.rows.get_mut(q.row))
            .and_then(|r| r.panels.get_mut(q.panel))
        else {
            continue;
        };
        if panel.unit.is_some() || q.target != 0 {
            continue;
        }
        let unit = analysis.events.iter().find_map(|e| match e {
            Event::Selector { metric, info } => {
                let family = info.family.clone().unwrap_or_else(|| metric.clone());
                let catalog_unit = resolver
                    .catalog
                    .binary_search_by(|e| e.name.as_str().cmp(&family))
                    .ok()
                    .and_then(|i| resolver.catalog[i].metric.unit.as_ref())
                    .map(|u| u.to_string());
                let suffix = family
                    .trim_end_matches("_total")
                    .rsplit('_')
                    .next()
                    .map(str::to_string);
                catalog_unit
                    .or(suffix)
                    .and_then(|u| grafana_unit(&u).map(str::to_string))
            }
            _ => None,
        });
        panel.unit = unit;
    }
}
