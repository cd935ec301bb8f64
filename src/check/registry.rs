//! The registry: every check rule, in code order. A rule is added here (or, for the later
//! sections, to its folder's list) once its file exists.

use super::rule::Rule;
use super::rules::*;

static RULES: &[&Rule] = &[
    &c001_relabel_source_absent::RULE,
    &m001_collector_collision::RULE,
    &m002_counter_without_total::RULE,
    &m003_unbounded_label::RULE,
    &m004_unit_suffix::RULE,
    &m005_metric_never_scraped::RULE,
    &m006_metric_never_read::RULE,
    &m007_metric_never_registered::RULE,
    &p001_unknown_metric::RULE,
    &p002_matcher_on_absent_label::RULE,
    &p003_grouping_on_absent_label::RULE,
    &p004_counter_function_on_gauge::RULE,
    &p005_quantile_without_le::RULE,
    &p006_range_too_short::RULE,
    &p007_metric_not_scraped::RULE,
    &p008_alert_always_fires::RULE,
    &p009_comparison_never_holds::RULE,
    &p010_duplicate_rule::RULE,
    &p011_for_shorter_than_interval::RULE,
    &p012_regex_without_metacharacters::RULE,
    &p013_rate_unit_mismatch::RULE,
    &r001_unused_receiver::RULE,
    &r002_unreachable_route::RULE,
    &r003_matcher_on_absent_label::RULE,
    &r004_grouping_on_absent_label::RULE,
    &r005_root_only::RULE,
    &r006_inhibit_never_mutes::RULE,
    &r007_inhibit_equal_absent_label::RULE,
    &t001_template_syntax::RULE,
    &t002_template_label_absent::RULE,
    &t003_missing_annotation::RULE,
    &x001_literal_secret::RULE,
];

/// The rules of the later sections, one list per folder.
static SECTION_RULES: &[&[&Rule]] = &[logs::RULES, slos::RULES, stack::RULES];

/// All check rules.
pub fn registry() -> impl Iterator<Item = &'static Rule> {
    RULES
        .iter()
        .chain(SECTION_RULES.iter().flat_map(|rules| rules.iter()))
        .copied()
}

/// A rule by code (any case) or name.
pub fn find_rule(key: &str) -> Option<&'static Rule> {
    registry().find(|r| r.meta.code.eq_ignore_ascii_case(key) || r.meta.name == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_unique_and_documented() {
        let rules: Vec<&Rule> = registry().collect();
        for (i, a) in rules.iter().enumerate() {
            assert!(
                a.meta.explanation.contains("Bad") && a.meta.explanation.contains("Good"),
                "{} documents bad and good",
                a.meta.code
            );
            assert!(
                a.meta
                    .name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-'),
                "{} is kebab-case",
                a.meta.name
            );
            for b in &rules[i + 1..] {
                assert_ne!(a.meta.code, b.meta.code);
                assert_ne!(a.meta.name, b.meta.name);
            }
            assert!(
                crate::codes::load_code_doc(a.meta.code).is_none(),
                "{} clashes with a load code",
                a.meta.code
            );
        }
    }
}
