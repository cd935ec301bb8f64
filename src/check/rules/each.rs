//! Iteration helpers the rules share: every rule with its analysis and path, and placing a
//! finding on a token inside the rule's expression.

use crate::check::Context;
use crate::diagnostic::{Diagnostic, SpecPath};
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
        SpecPath::root()
            .key("rules")
            .key("groups")
            .index(self.group_index)
            .key("rules")
            .index(self.rule_index)
    }

    pub fn expr_path(&self) -> SpecPath {
        self.path().key("expr")
    }

    /// Every label and annotation of the rule as (section, key, template).
    pub fn templates(&self) -> impl Iterator<Item = (&'static str, &str, &str)> {
        let labels = self
            .rule
            .labels
            .iter()
            .map(|(k, v)| ("labels", k.0.as_str(), v.as_str()));
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
