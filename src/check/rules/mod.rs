//! The check rules, one per file, grouped by family letter: C (scrape configuration), M (metrics catalog), P (PromQL and
//! rules), R (Alertmanager routing), T (alert templates), X (secrets);
//! the later sections' families live in folders of their own: logs/ (L, E), slos/ (O, U), stack/ (K, G, J).

mod alerts;
mod downstream;
mod each;
mod readers;
mod template;

pub mod logs;
pub mod slos;
pub mod stack;

pub mod c001_relabel_source_absent;
pub mod m001_collector_collision;
pub mod m002_counter_without_total;
pub mod m003_unbounded_label;
pub mod m004_unit_suffix;
pub mod m005_metric_never_scraped;
pub mod m006_metric_never_read;
pub mod m007_metric_never_registered;
pub mod p001_unknown_metric;
pub mod p002_matcher_on_absent_label;
pub mod p003_grouping_on_absent_label;
pub mod p004_counter_function_on_gauge;
pub mod p005_quantile_without_le;
pub mod p006_range_too_short;
pub mod p007_metric_not_scraped;
pub mod p008_alert_always_fires;
pub mod p009_comparison_never_holds;
pub mod p010_duplicate_rule;
pub mod p011_for_shorter_than_interval;
pub mod p012_regex_without_metacharacters;
pub mod p013_rate_unit_mismatch;
pub mod r001_unused_receiver;
pub mod r002_unreachable_route;
pub mod r003_matcher_on_absent_label;
pub mod r004_grouping_on_absent_label;
pub mod r005_root_only;
pub mod r006_inhibit_never_mutes;
pub mod r007_inhibit_equal_absent_label;
pub mod t001_template_syntax;
pub mod t002_template_label_absent;
pub mod t003_missing_annotation;
pub mod x001_literal_secret;
