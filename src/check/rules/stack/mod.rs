//! Check rules of the `stack` section(s), families K (stack services), G (Grafana dashboards) and J (tracing): one rule per file in this folder, listed
//! in [`RULES`] in code order.

use crate::check::Rule;

/// This folder's rules, in code order.
pub static RULES: &[&Rule] = &[];
