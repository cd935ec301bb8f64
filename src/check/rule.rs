//! What a check rule is: its stable code, kebab-case name, family, default severity, one-line
//! summary and markdown explanation, and the function that finds its problems in the model.

use crate::diagnostic::{Diagnostic, Severity, SpecPath};
use crate::model::Model;

/// The part of the stack a rule is about; the code's letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// C: scrape configuration.
    Scrape,
    /// M: the metrics catalog.
    Metrics,
    /// P: PromQL and rules.
    PromQl,
    /// T: alert label and annotation templates.
    Templates,
    /// R: Alertmanager routing.
    Routing,
    /// X: secrets.
    Secrets,
    /// L: the log schema and the Fluentd pipeline.
    Logs,
    /// E: Elasticsearch index templates and lifecycle policies.
    Indices,
    /// O: service level objectives.
    Slos,
    /// U: rule unit tests.
    RuleTests,
    /// K: the stack's services (docker-compose).
    Stack,
    /// G: Grafana dashboards and provisioning.
    Dashboards,
    /// J: tracing.
    Tracing,
}

impl Family {
    pub fn title(&self) -> &'static str {
        match self {
            Family::Scrape => "Scrape configuration (C)",
            Family::Metrics => "Metrics catalog (M)",
            Family::PromQl => "PromQL and rules (P)",
            Family::Templates => "Alert templates (T)",
            Family::Routing => "Routing (R)",
            Family::Secrets => "Secrets (X)",
            Family::Logs => "Log schema and Fluentd pipeline (L)",
            Family::Indices => "Elasticsearch templates and lifecycle policies (E)",
            Family::Slos => "Service level objectives (O)",
            Family::RuleTests => "Rule unit tests (U)",
            Family::Stack => "Stack services (K)",
            Family::Dashboards => "Grafana dashboards (G)",
            Family::Tracing => "Tracing (J)",
        }
    }
}

/// A check rule's identity and documentation.
#[derive(Debug, Clone, Copy)]
pub struct RuleMeta {
    pub code: &'static str,
    pub name: &'static str,
    pub family: Family,
    pub severity: Severity,
    pub summary: &'static str,
    /// Markdown: why it matters, a bad and a good example, the fix.
    pub explanation: &'static str,
}

/// What a rule sees.
pub struct Context<'a> {
    pub model: &'a Model,
    /// Annotations every alert must have.
    pub required_annotations: Vec<String>,
}

/// Where a rule reports.
pub struct Findings<'a> {
    meta: &'a RuleMeta,
    pub(crate) out: Vec<Diagnostic>,
}

impl<'a> Findings<'a> {
    pub fn new(meta: &'a RuleMeta) -> Self {
        Findings {
            meta,
            out: Vec::new(),
        }
    }

    /// Reports a finding at a spec path with the rule's default severity.
    pub fn report(&mut self, path: SpecPath, message: impl Into<String>) -> &mut Diagnostic {
        self.out.push(Diagnostic::new(
            self.meta.code,
            self.meta.severity,
            path,
            message,
        ));
        self.out.last_mut().expect("just pushed")
    }
}

/// A registered rule.
pub struct Rule {
    pub meta: RuleMeta,
    pub run: fn(&Context, &mut Findings),
}
