//! Iteration helpers the rules share: every rule with its analysis and path, and placing a
//! finding on a token inside the rule's expression.

use crate::check::Context;
use crate::diagnostic::{Diagnostic, PathSegment, SpecPath};
use crate::promql::{Analysis, Event};
use crate::spec::{Rule, RuleGroup};

/// One rule of the spec with where it is and what its analysis found.
pub struct RuleSite<'a> {
    pub group: &'a RuleGroup,
    pub rule: &'a Rule,
    /// `rules.groups[group].rules[index]`, built only for the rules a finding is about.
    group_index: usize,
    rule_index: usize,
    pub analysis: Option<&'a Analysis>,
}

impl RuleSite<'_> {
    pub fn path(&self) -> SpecPath {
        self.path_to(None)
    }

    pub fn expr_path(&self) -> SpecPath {
        self.path_to(Some("expr"))
    }

    /// `rules.groups[g].rules[r]`, and a field of it, built in one allocation.
    fn path_to(&self, field: Option<&str>) -> SpecPath {
        let mut segments = Vec::with_capacity(7);
        segments.extend([
            PathSegment::Key("rules".into()),
            PathSegment::Key("groups".into()),
            PathSegment::Index(self.group_index),
            PathSegment::Key("rules".into()),
            PathSegment::Index(self.rule_index),
        ]);
        segments.extend(field.map(|f| PathSegment::Key(f.into())));
        SpecPath(segments)
    }

    /// Every label and annotation of the rule as (section, key, template).
    pub fn templates(&self) -> impl Iterator<Item = (&'static str, &str, &str)> {
        let labels = self
            .rule
            .labels
            .iter()
            .map(|(k, v)| ("labels", k.as_str(), v.as_str()));
        let annotations = self
            .rule
            .annotations
            .iter()
            .map(|(k, v)| ("annotations", k.as_str(), v.as_str()));
        labels.chain(annotations)
    }

    pub fn events(&self) -> impl Iterator<Item = &Event> {
        self.analysis.into_iter().flat_map(|a| a.events.iter())
    }
}

pub fn rules<'a>(ctx: &'a Context) -> impl Iterator<Item = RuleSite<'a>> + 'a {
    let spec = &ctx.model.spec;
    spec.rules
        .groups
        .iter()
        .enumerate()
        .flat_map(move |(g, group)| {
            group
                .rules
                .iter()
                .enumerate()
                .map(move |(r, rule)| RuleSite {
                    group,
                    rule,
                    group_index: g,
                    rule_index: r,
                    analysis: ctx.model.rule_analysis(g, r),
                })
        })
}

/// Points a diagnostic at a token of the expression, when found.
pub fn at_token(d: &mut Diagnostic, span: Option<(usize, usize)>) {
    d.value_span = span;
}
