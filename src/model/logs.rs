//! Facts of the `logs` section(s) that checks and generators read: the log schema's fields with their types, the pipeline's tag flow and the Elasticsearch templates and policies by name (issue #11).

use super::Resolver;
use crate::diagnostic::Diagnostic;
use crate::spec::Spec;

/// The resolved `logs` facts.
#[derive(Debug, Clone, Default)]
pub struct LogsModel {}

impl LogsModel {
    /// Resolves the section against the spec and the series resolver (catalog, jobs and recorded
    /// series); unresolvable references are reported.
    pub fn resolve(
        _spec: &Spec,
        _resolver: &mut Resolver,
        _diagnostics: &mut Vec<Diagnostic>,
    ) -> Self {
        LogsModel {}
    }
}
