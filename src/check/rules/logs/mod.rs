//! Check rules of the `logs` section(s), families L (Fluentd pipeline and log schema) and E (Elasticsearch): one rule per file in this folder, listed
//! in [`RULES`] in code order.

use crate::check::Rule;

/// This folder's rules, in code order.
pub static RULES: &[&Rule] = &[];
