//! Check rules of the `slos` section(s), families O (SLOs) and U (rule unit tests): one rule per
//! file in this folder, listed in [`RULES`] in code order.

mod o001_objective_out_of_range;
mod o002_threshold_not_a_bucket;
mod o003_slo_unprotected;
mod o004_duplicate_slo_id;
mod o005_sli_unknown_series;
mod o006_alert_beyond_objective;
mod protection;

use crate::check::Rule;

/// This folder's rules, in code order.
pub static RULES: &[&Rule] = &[
    &o001_objective_out_of_range::RULE,
    &o002_threshold_not_a_bucket::RULE,
    &o003_slo_unprotected::RULE,
    &o004_duplicate_slo_id::RULE,
    &o005_sli_unknown_series::RULE,
    &o006_alert_beyond_objective::RULE,
];
