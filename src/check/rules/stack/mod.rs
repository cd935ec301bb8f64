//! Check rules of the `stack` section(s), families K (stack services), G (Grafana dashboards) and
//! J (tracing): one rule per file in this folder, listed in [`RULES`] in code order; `panels`
//! holds what the panel-query rules share, `addresses` what the address rules share.

use crate::check::Rule;

mod addresses;
mod panels;

pub mod g001_dashboards_without_provider;
pub mod g002_unknown_datasource;
pub mod g003_panel_unknown_metric;
pub mod g004_panel_matcher_on_absent_label;
pub mod g005_panel_counter_function_on_gauge;
pub mod g006_panel_quantile_without_le;
pub mod j001_strategy_for_unknown_service;
pub mod k001_image_unpinned;
pub mod k002_literal_secret_in_environment;
pub mod k003_scrape_target_not_in_stack;
pub mod k004_alertmanager_not_in_stack;
pub mod k005_config_not_mounted;
pub mod k006_bridge_not_in_stack;
pub mod k007_log_output_not_in_stack;
pub mod k008_host_not_a_service;
pub mod k009_image_end_of_life;

/// This folder's rules, in code order.
pub static RULES: &[&Rule] = &[
    &g001_dashboards_without_provider::RULE,
    &g002_unknown_datasource::RULE,
    &g003_panel_unknown_metric::RULE,
    &g004_panel_matcher_on_absent_label::RULE,
    &g005_panel_counter_function_on_gauge::RULE,
    &g006_panel_quantile_without_le::RULE,
    &j001_strategy_for_unknown_service::RULE,
    &k001_image_unpinned::RULE,
    &k002_literal_secret_in_environment::RULE,
    &k003_scrape_target_not_in_stack::RULE,
    &k004_alertmanager_not_in_stack::RULE,
    &k005_config_not_mounted::RULE,
    &k006_bridge_not_in_stack::RULE,
    &k007_log_output_not_in_stack::RULE,
    &k008_host_not_a_service::RULE,
    &k009_image_end_of_life::RULE,
];
