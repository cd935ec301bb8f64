//! Check rules of the `slos` section(s), families O (SLOs) and U (rule unit tests): one rule per file in this folder, listed
//! in [`RULES`] in code order.

use crate::check::Rule;

/// This folder's rules, in code order.
pub static RULES: &[&Rule] = &[];
