//! PromQL analysis on top of promql-parser: resolves every selector against the catalog (histogram
//! and summary suffixes, recording-rule outputs, scrape target labels after relabeling), computes
//! the label set each sub-expression produces (aggregations, binary matching, label functions,
//! histogram_quantile...) and records what the rule checks need, with positions in the text.

mod analyze;
mod labels;
mod locate;
mod parse;
mod pins;
mod regex_matchers;

pub use analyze::{
    analyze, analyze_ast, Analysis, Event, GroupingClause, SeriesInfo, SeriesResolver, SeriesSource,
};
pub use labels::LabelFlow;
pub use locate::{
    find_grouping_label, find_grouping_label_nth, find_matcher, find_metric, find_word,
    parse_error_span,
};
pub use parse::{parse, MAX_BINARY_OPERATORS, MAX_EXPR_BYTES, MAX_NESTING};
pub use pins::{output_pins, Pin};
