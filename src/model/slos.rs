//! Facts of the `slos` section(s) that checks and generators read: each SLO resolved: its SLI's analysed queries, windows and burn rates, the alerts that protect it (issue #13).

use super::Resolver;
use crate::diagnostic::Diagnostic;
use crate::spec::Spec;

/// The resolved `slos` facts.
#[derive(Debug, Clone, Default)]
pub struct SlosModel {}

impl SlosModel {
    /// Resolves the section against the spec and the series resolver (catalog, jobs and recorded
    /// series); unresolvable references are reported.
    pub fn resolve(
        _spec: &Spec,
        _resolver: &mut Resolver,
        _diagnostics: &mut Vec<Diagnostic>,
    ) -> Self {
        SlosModel {}
    }
}
