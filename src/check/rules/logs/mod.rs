//! Check rules of the `logs` section(s), families L (Fluentd pipeline and log schema) and E
//! (Elasticsearch): one rule per file in this folder, listed in [`RULES`] in code order, with the
//! routing facts they share in `flow`.

mod e001_undefined_lifecycle_policy;
mod e002_rollover_alias_in_aliases;
mod e003_index_without_template;
mod e004_removed_option;
mod e005_mapping_type_differs;
mod e006_sensitive_field_indexed;
mod flow;
mod l001_dead_filter_rule;
mod l002_unreachable_directive;
mod l003_field_not_in_schema;
mod l004_unrouted_source;
mod l005_pattern_no_source_emits;

use crate::check::Rule;

/// This folder's rules, in code order.
pub static RULES: &[&Rule] = &[
    &e001_undefined_lifecycle_policy::RULE,
    &e002_rollover_alias_in_aliases::RULE,
    &e003_index_without_template::RULE,
    &e004_removed_option::RULE,
    &e005_mapping_type_differs::RULE,
    &e006_sensitive_field_indexed::RULE,
    &l001_dead_filter_rule::RULE,
    &l002_unreachable_directive::RULE,
    &l003_field_not_in_schema::RULE,
    &l004_unrouted_source::RULE,
    &l005_pattern_no_source_emits::RULE,
];
