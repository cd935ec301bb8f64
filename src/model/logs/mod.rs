//! Facts of the `logs` section(s) that checks and generators read: the log schema's fields with
//! their types, the index mappings derived from the schema, compiled tag patterns and the
//! Elasticsearch templates and policies by name (issue #11).

mod mapping;

use mapping::template_mappings;

use super::Resolver;
use crate::diagnostic::Diagnostic;
use crate::spec::logs::Mappings;
use crate::spec::Spec;

/// The resolved `logs` facts.
#[derive(Debug, Clone, Default)]
pub struct LogsModel {
    /// The effective mappings of each index template (`logs.elasticsearch.index_templates`, same
    /// order): derived from the schema, overridden by the template's own, merged with its
    /// component templates'.
    pub template_mappings: Vec<Mappings>,
}

impl LogsModel {
    /// Resolves the section against the spec and the series resolver (catalog, jobs and recorded
    /// series); unresolvable references are reported.
    pub fn resolve(
        spec: &Spec,
        _resolver: &mut Resolver,
        _diagnostics: &mut Vec<Diagnostic>,
    ) -> Self {
        let Some(logs) = &spec.logs else {
            return LogsModel::default();
        };
        let template_mappings = logs
            .elasticsearch
            .iter()
            .flat_map(|es| es.index_templates.iter())
            .map(|t| template_mappings(logs, t))
            .collect();
        LogsModel { template_mappings }
    }
}
