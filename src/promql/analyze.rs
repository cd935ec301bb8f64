//! The analysis walk: one pass over a parsed expression computing, bottom-up, each
//! sub-expression's label set and value range, and recording the events the checks read.

use super::labels::LabelFlow;
use crate::spec::{Duration, MetricType};
use promql_parser::label::MatchOp;
use promql_parser::parser::{
    self, AggregateExpr, BinaryExpr, Call, Expr, LabelModifier, VectorMatchCardinality,
    VectorSelector,
};
use std::sync::Arc;

/// Where a series comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum SeriesSource {
    /// Scraped by these jobs.
    Scraped { jobs: Arc<[String]> },
    /// Written by a recording rule.
    Recorded,
    /// In the catalog, but no scrape job collects it.
    NotScraped,
    /// Defined by a bundled pack that no scrape job opts into.
    PackNotScraped { pack: String },
    /// Nowhere in the catalog.
    Unknown,
}

/// What the catalog knows about the series a selector names.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesInfo {
    /// The metric family's type; for `_bucket`/`_sum`/`_count` series the family's.
    pub kind: Option<MetricType>,
    /// The family's own name when the selector names a derived series.
    pub family: Option<String>,
    pub labels: LabelFlow,
    pub source: SeriesSource,
    /// The longest scrape interval among the jobs that collect it.
    pub scrape_interval: Option<Duration>,
    /// Known value bounds (`up` is 0 or 1).
    pub bounds: Option<(f64, f64)>,
}

/// Resolves a metric name to what is known about its series.
pub trait SeriesResolver {
    fn resolve(&self, name: &str) -> SeriesInfo;
}

/// A clause of PromQL that names labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupingClause {
    By,
    Without,
    On,
    Ignoring,
    GroupLeft,
    GroupRight,
}

impl GroupingClause {
    pub fn keyword(&self) -> &'static str {
        match self {
            GroupingClause::By => "by",
            GroupingClause::Without => "without",
            GroupingClause::On => "on",
            GroupingClause::Ignoring => "ignoring",
            GroupingClause::GroupLeft => "group_left",
            GroupingClause::GroupRight => "group_right",
        }
    }
}

/// Something the checks may report about an expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// A selector naming a metric.
    Selector { metric: String, info: SeriesInfo },
    /// A matcher on a label the selected series never have (and which cannot match the empty value).
    MatcherOnAbsentLabel {
        metric: String,
        label: String,
        value: String,
    },
    /// A grouping/matching clause naming a label its input never has.
    GroupingOnAbsentLabel {
        clause: GroupingClause,
        label: String,
        metrics: Vec<String>,
        /// The aggregation that dropped the label from the input, when one did (`count`).
        reduced_by: Option<String>,
    },
    /// rate/irate/increase/resets on a gauge.
    CounterFunctionOnGauge { function: String, metric: String },
    /// histogram_quantile over series without `le`.
    QuantileWithoutLe { metrics: Vec<String> },
    /// A range shorter than twice the scrape interval.
    ShortRange {
        metric: String,
        range: Duration,
        scrape_interval: Duration,
    },
    /// `=~` / `!~` with a value that has no regex metacharacters.
    RegexWithoutMetacharacters {
        metric: Option<String>,
        label: String,
        value: String,
        negated: bool,
    },
    /// A comparison whose left side can never satisfy it.
    ComparisonNeverHolds {
        op: String,
        threshold: f64,
        low: f64,
        high: f64,
    },
}

/// The result of analysing one expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub events: Vec<Event>,
    /// The labels of the series the expression returns (`complete: false` when unknowable).
    pub output: LabelFlow,
    pub value_type: parser::value::ValueType,
    /// True when the expression filters (a comparison, `absent`, `and`/`unless`): as an alert it
    /// fires only when something holds.
    pub conditional: bool,
}

/// Parses and analyses an expression.
pub fn analyze(expr: &str, resolver: &dyn SeriesResolver) -> Result<Analysis, String> {
    Ok(analyze_ast(&super::parse(expr)?, resolver))
}

/// Analyses an expression parsed earlier (the model parses each rule's expression once).
pub fn analyze_ast(ast: &Expr, resolver: &dyn SeriesResolver) -> Analysis {
    let mut walker = Walker {
        resolver,
        events: Vec::new(),
    };
    let node = walker.expr(ast);
    Analysis {
        events: walker.events,
        output: node.labels,
        value_type: ast.value_type(),
        conditional: is_conditional(ast) || is_watchdog(ast),
    }
}

struct Walker<'a> {
    resolver: &'a dyn SeriesResolver,
    events: Vec<Event>,
}

/// What the walk knows of a sub-expression.
#[derive(Debug, Clone)]
struct Node {
    labels: LabelFlow,
    /// Metric names the series come from (for messages).
    metrics: Vec<String>,
    /// Value bounds, when known.
    bounds: Option<(f64, f64)>,
    /// The aggregation that last reduced the labels (`count`), for messages.
    reduced_by: Option<String>,
}

impl Node {
    fn scalar(bounds: Option<(f64, f64)>) -> Node {
        Node {
            labels: LabelFlow::empty(),
            metrics: Vec::new(),
            bounds,
            reduced_by: None,
        }
    }
}

const NON_NEGATIVE: Option<(f64, f64)> = Some((0.0, f64::INFINITY));

fn unwrap_parens(mut expr: &Expr) -> &Expr {
    while let Expr::Paren(p) = expr {
        expr = &p.expr;
    }
    expr
}

/// Whether the expression returns only the series for which some condition holds. Filtering
/// carries through arithmetic (only matched series are returned), aggregations, subqueries and
/// functions of the filtered vector; `or` filters only when both sides do.
fn is_conditional(expr: &Expr) -> bool {
    match unwrap_parens(expr) {
        Expr::Binary(b) => {
            let op = b.op.to_string().to_lowercase();
            let lhs_vector = b.lhs.value_type() == parser::value::ValueType::Vector;
            let rhs_vector = b.rhs.value_type() == parser::value::ValueType::Vector;
            let filters = b.op.is_comparison_operator()
                && !b.modifier.as_ref().is_some_and(|m| m.return_bool);
            if filters || op == "and" || op == "unless" {
                true
            } else if op == "or" {
                is_conditional(&b.lhs) && is_conditional(&b.rhs)
            } else {
                (lhs_vector && is_conditional(&b.lhs)) || (rhs_vector && is_conditional(&b.rhs))
            }
        }
        Expr::Aggregate(a) => is_conditional(&a.expr),
        Expr::Subquery(s) => is_conditional(&s.expr),
        Expr::Unary(u) => is_conditional(&u.expr),
        Expr::Call(c) => match c.func.name {
            "absent" | "absent_over_time" => true,
            "vector" | "scalar" => false,
            _ => c.args.args.iter().any(|a| {
                matches!(
                    a.value_type(),
                    parser::value::ValueType::Vector | parser::value::ValueType::Matrix
                ) && is_conditional(a)
            }),
        },
        _ => false,
    }
}

/// `vector(1)`: an alert that fires on purpose all the time (a dead man's switch).
fn is_watchdog(expr: &Expr) -> bool {
    match unwrap_parens(expr) {
        Expr::Call(c) if c.func.name == "vector" => {
            matches!(
                c.args.args.first().map(|a| unwrap_parens(a)),
                Some(Expr::NumberLiteral(_))
            )
        }
        _ => false,
    }
}

fn metric_name(vs: &VectorSelector) -> Option<String> {
    vs.name.clone().or_else(|| {
        vs.matchers
            .matchers
            .iter()
            .find(|m| m.name == "__name__" && matches!(m.op, MatchOp::Equal))
            .map(|m| m.value.clone())
    })
}

fn labels_of(modifier: &Option<LabelModifier>) -> Option<(bool, Vec<String>)> {
    modifier.as_ref().map(|m| match m {
        LabelModifier::Include(l) => (true, l.labels.clone()),
        LabelModifier::Exclude(l) => (false, l.labels.clone()),
    })
}

fn has_regex_meta(value: &str) -> bool {
    value.chars().any(|c| ".+*?()[]{}|^$\\".contains(c))
}

fn regex_matches_empty(op: &MatchOp, value: &str) -> bool {
    match op {
        MatchOp::Equal => value.is_empty(),
        MatchOp::NotEqual => !value.is_empty(),
        MatchOp::Re(re) => re.is_match("") || value.is_empty(),
        MatchOp::NotRe(re) => !re.is_match(""),
    }
}

fn std_to_duration(d: &std::time::Duration) -> Duration {
    Duration {
        millis: d.as_millis() as u64,
    }
}

impl Walker<'_> {
    fn expr(&mut self, expr: &Expr) -> Node {
        match expr {
            Expr::NumberLiteral(n) => Node::scalar(Some((n.val, n.val))),
            Expr::StringLiteral(_) => Node::scalar(None),
            Expr::Paren(p) => self.expr(&p.expr),
            Expr::Unary(u) => {
                let inner = self.expr(&u.expr);
                Node {
                    bounds: inner.bounds.map(|(lo, hi)| (-hi, -lo)),
                    ..inner
                }
            }
            Expr::Subquery(s) => self.expr(&s.expr),
            Expr::VectorSelector(vs) => self.selector(vs, None),
            Expr::MatrixSelector(ms) => self.selector(&ms.vs, Some(std_to_duration(&ms.range))),
            Expr::Aggregate(a) => self.aggregate(a),
            Expr::Binary(b) => self.binary(b),
            Expr::Call(c) => self.call(c),
            Expr::Extension(_) => Node {
                labels: LabelFlow::open(),
                metrics: Vec::new(),
                bounds: None,
                reduced_by: None,
            },
        }
    }

    fn selector(&mut self, vs: &VectorSelector, range: Option<Duration>) -> Node {
        let Some(metric) = metric_name(vs) else {
            return Node {
                labels: LabelFlow::open(),
                metrics: Vec::new(),
                bounds: None,
                reduced_by: None,
            };
        };
        let info = self.resolver.resolve(&metric);
        let mut labels = info.labels.clone();
        labels.names.insert("__name__".into());
        for m in &vs.matchers.matchers {
            if m.name == "__name__" {
                continue;
            }
            if labels.never_has(&m.name) && !regex_matches_empty(&m.op, &m.value) {
                self.events.push(Event::MatcherOnAbsentLabel {
                    metric: metric.clone(),
                    label: m.name.clone(),
                    value: m.value.clone(),
                });
            }
            if let MatchOp::Re(_) | MatchOp::NotRe(_) = m.op {
                if !has_regex_meta(&m.value) {
                    self.events.push(Event::RegexWithoutMetacharacters {
                        metric: Some(metric.clone()),
                        label: m.name.clone(),
                        value: m.value.clone(),
                        negated: matches!(m.op, MatchOp::NotRe(_)),
                    });
                }
            }
        }
        if let (Some(range), Some(interval)) = (range, info.scrape_interval) {
            if range.millis < 2 * interval.millis {
                self.events.push(Event::ShortRange {
                    metric: metric.clone(),
                    range,
                    scrape_interval: interval,
                });
            }
        }
        let bounds = info.bounds;
        self.events.push(Event::Selector {
            metric: metric.clone(),
            info,
        });
        Node {
            labels,
            metrics: vec![metric],
            bounds,
            reduced_by: None,
        }
    }

    fn aggregate(&mut self, a: &AggregateExpr) -> Node {
        if let Some(param) = &a.param {
            self.expr(param);
        }
        let input = self.expr(&a.expr);
        let op = a.op.to_string().to_lowercase();
        let grouping = labels_of(&a.modifier);
        // `by (x)` over series without x loses the dimension; `without (x)` of an absent label
        // changes nothing, so only `by` is reported.
        if let Some((true, names)) = &grouping {
            for name in names {
                if input.labels.never_has(name) {
                    self.events.push(Event::GroupingOnAbsentLabel {
                        clause: GroupingClause::By,
                        label: name.clone(),
                        metrics: input.metrics.clone(),
                        reduced_by: input.reduced_by.clone(),
                    });
                }
            }
        }
        let input_labels = input.labels.clone().without("__name__");
        let mut labels = match (op.as_str(), &grouping) {
            // These return input series, not aggregated ones.
            ("topk" | "bottomk" | "limitk" | "limit_ratio", _) => input.labels.clone(),
            (_, Some((true, names))) => input_labels.only(names),
            (_, Some((false, names))) => input_labels.minus(names),
            (_, None) => LabelFlow::empty(),
        };
        if op == "count_values" {
            if let Some(Expr::StringLiteral(s)) = a.param.as_deref() {
                labels = labels.with(&s.val);
            }
        }
        let bounds = match op.as_str() {
            "count" | "count_values" | "group" => NON_NEGATIVE,
            "min" | "max" | "avg" | "topk" | "bottomk" | "limitk" | "quantile" => input.bounds,
            "sum" => input
                .bounds
                .filter(|(lo, _)| *lo >= 0.0)
                .map(|_| (0.0, f64::INFINITY)),
            _ => None,
        };
        let reduced_by = match op.as_str() {
            "topk" | "bottomk" | "limitk" | "limit_ratio" => input.reduced_by,
            _ => Some(op.clone()),
        };
        Node {
            labels,
            metrics: input.metrics,
            bounds,
            reduced_by,
        }
    }

    fn binary(&mut self, b: &BinaryExpr) -> Node {
        let lhs = self.expr(&b.lhs);
        let rhs = self.expr(&b.rhs);
        let op = b.op.to_string().to_lowercase();
        let lhs_vector = b.lhs.value_type() == parser::value::ValueType::Vector;
        let rhs_vector = b.rhs.value_type() == parser::value::ValueType::Vector;
        let modifier = b.modifier.as_ref();
        let matching = modifier.and_then(|m| labels_of(&m.matching));
        if lhs_vector && rhs_vector {
            if let Some((on, names)) = &matching {
                let clause = if *on {
                    GroupingClause::On
                } else {
                    GroupingClause::Ignoring
                };
                for name in names {
                    // `on (x)` needs x on both sides; `ignoring (x)` is harmless when absent, so
                    // changes nothing when absent, so it is not reported.
                    let absent = *on && (lhs.labels.never_has(name) || rhs.labels.never_has(name));
                    if absent {
                        let side = if lhs.labels.never_has(name) {
                            &lhs
                        } else {
                            &rhs
                        };
                        self.events.push(Event::GroupingOnAbsentLabel {
                            clause,
                            label: name.clone(),
                            metrics: side.metrics.clone(),
                            reduced_by: side.reduced_by.clone(),
                        });
                    }
                }
            }
            if let Some(m) = modifier {
                let (clause, include, other) = match &m.card {
                    VectorMatchCardinality::ManyToOne(l) => {
                        (GroupingClause::GroupLeft, l.labels.clone(), &rhs)
                    }
                    VectorMatchCardinality::OneToMany(l) => {
                        (GroupingClause::GroupRight, l.labels.clone(), &lhs)
                    }
                    _ => (GroupingClause::GroupLeft, Vec::new(), &rhs),
                };
                for name in &include {
                    if other.labels.never_has(name) {
                        self.events.push(Event::GroupingOnAbsentLabel {
                            clause,
                            label: name.clone(),
                            metrics: other.metrics.clone(),
                            reduced_by: other.reduced_by.clone(),
                        });
                    }
                }
            }
        }
        let mut metrics = lhs.metrics.clone();
        metrics.extend(rhs.metrics.iter().cloned());
        let comparison = b.op.is_comparison_operator();
        let returns_bool = modifier.is_some_and(|m| m.return_bool);
        if comparison && !returns_bool {
            if let (Some((lo, hi)), Some((t, t2))) = (lhs.bounds, rhs.bounds) {
                if t == t2 && never_holds(&op, lo, hi, t) {
                    self.events.push(Event::ComparisonNeverHolds {
                        op: op.clone(),
                        threshold: t,
                        low: lo,
                        high: hi,
                    });
                }
            }
        }
        let labels = match (lhs_vector, rhs_vector) {
            (false, false) => LabelFlow::empty(),
            (true, false) => keep_name_if(lhs.labels.clone(), comparison && !returns_bool),
            (false, true) => keep_name_if(rhs.labels.clone(), comparison && !returns_bool),
            (true, true) => match op.as_str() {
                "and" | "unless" => lhs.labels.clone(),
                "or" => lhs.labels.union(&rhs.labels),
                _ => {
                    let keep_name = comparison && !returns_bool;
                    match modifier.map(|m| &m.card) {
                        Some(VectorMatchCardinality::ManyToOne(l)) => {
                            let extra = LabelFlow::known(l.labels.iter().cloned());
                            keep_name_if(lhs.labels.union(&extra), keep_name)
                        }
                        Some(VectorMatchCardinality::OneToMany(l)) => {
                            let extra = LabelFlow::known(l.labels.iter().cloned());
                            keep_name_if(rhs.labels.union(&extra), keep_name)
                        }
                        _ => match &matching {
                            Some((true, names)) => lhs.labels.only(names),
                            Some((false, names)) => {
                                keep_name_if(lhs.labels.minus(names), keep_name)
                            }
                            None => keep_name_if(lhs.labels.clone(), keep_name),
                        },
                    }
                }
            },
        };
        let bounds = if comparison {
            if returns_bool {
                Some((0.0, 1.0))
            } else {
                lhs.bounds.or(if lhs_vector { None } else { rhs.bounds })
            }
        } else {
            arithmetic(&op, lhs.bounds, rhs.bounds)
        };
        // Filtering keeps what reduced the filtered side's labels; arithmetic drops the name.
        let reduced_by = match (lhs_vector, rhs_vector) {
            (true, false) if comparison && !returns_bool => lhs.reduced_by.clone(),
            (false, true) if comparison && !returns_bool => rhs.reduced_by.clone(),
            (true, true) if op == "and" || op == "unless" => lhs.reduced_by.clone(),
            (true, _) | (_, true) if !comparison || returns_bool => Some(op.clone()),
            _ => None,
        };
        Node {
            labels,
            metrics,
            bounds,
            reduced_by,
        }
    }

    fn call(&mut self, c: &Call) -> Node {
        let name = c.func.name;
        let args: Vec<Node> = c.args.args.iter().map(|a| self.expr(a)).collect();
        let first = args.first().cloned().unwrap_or_else(|| Node::scalar(None));
        if matches!(name, "rate" | "irate" | "increase" | "resets") {
            if let Some(Expr::MatrixSelector(ms)) = c.args.args.first().map(|a| unwrap_parens(a)) {
                if let Some(metric) = metric_name(&ms.vs) {
                    let info = self.resolver.resolve(&metric);
                    if info.kind == Some(MetricType::Gauge) {
                        self.events.push(Event::CounterFunctionOnGauge {
                            function: name.to_string(),
                            metric,
                        });
                    }
                }
            }
        }
        let dropped = first.labels.clone().without("__name__");
        match name {
            "histogram_quantile" => {
                let input = args.get(1).cloned().unwrap_or_else(|| Node::scalar(None));
                if input.labels.never_has("le") {
                    self.events.push(Event::QuantileWithoutLe {
                        metrics: input.metrics.clone(),
                    });
                }
                Node {
                    labels: input.labels.without("__name__").without("le"),
                    metrics: input.metrics,
                    bounds: None,
                    reduced_by: None,
                }
            }
            "label_replace" | "label_join" => {
                let mut labels = first.labels.clone();
                if let Some(Expr::StringLiteral(dst)) = c.args.args.get(1).map(|a| a.as_ref()) {
                    labels = labels.with(&dst.val);
                }
                Node { labels, ..first }
            }
            "absent" | "absent_over_time" => {
                let labels = match c.args.args.first().map(|a| unwrap_parens(a)) {
                    Some(Expr::VectorSelector(vs)) => equality_labels(vs),
                    Some(Expr::MatrixSelector(ms)) => equality_labels(&ms.vs),
                    _ => LabelFlow::empty(),
                };
                Node {
                    labels,
                    metrics: first.metrics,
                    bounds: Some((1.0, 1.0)),
                    reduced_by: None,
                }
            }
            "vector" => Node {
                labels: LabelFlow::empty(),
                metrics: Vec::new(),
                bounds: first.bounds,
                reduced_by: None,
            },
            "scalar" | "time" | "pi" => {
                Node::scalar(if name == "scalar" { first.bounds } else { None })
            }
            "rate" | "irate" | "increase" | "count_over_time" | "resets" | "changes"
            | "absent_value" => Node {
                labels: dropped,
                metrics: first.metrics,
                bounds: NON_NEGATIVE,
                reduced_by: None,
            },
            "abs" => Node {
                labels: dropped,
                metrics: first.metrics,
                bounds: NON_NEGATIVE,
                reduced_by: None,
            },
            "sort" | "sort_desc" | "sort_by_label" | "sort_by_label_desc" => first,
            "quantile_over_time" => {
                let series = args.get(1).cloned().unwrap_or_else(|| Node::scalar(None));
                Node {
                    labels: series.labels.without("__name__"),
                    metrics: series.metrics,
                    bounds: series.bounds,
                    reduced_by: None,
                }
            }
            "min_over_time" | "max_over_time" | "avg_over_time" | "last_over_time" => Node {
                labels: dropped,
                metrics: first.metrics,
                bounds: first.bounds,
                reduced_by: None,
            },
            "timestamp" => Node {
                labels: dropped,
                metrics: first.metrics,
                bounds: None,
                reduced_by: None,
            },
            _ => {
                // Other functions keep the input's labels (minus the name) and lose its bounds.
                let input = args
                    .iter()
                    .zip(c.args.args.iter())
                    .find(|(_, e)| {
                        matches!(
                            e.value_type(),
                            parser::value::ValueType::Vector | parser::value::ValueType::Matrix
                        )
                    })
                    .map(|(n, _)| n.clone());
                match input {
                    Some(n) => Node {
                        labels: n.labels.without("__name__"),
                        metrics: n.metrics,
                        bounds: None,
                        reduced_by: None,
                    },
                    None => Node::scalar(None),
                }
            }
        }
    }
}

fn keep_name_if(labels: LabelFlow, keep: bool) -> LabelFlow {
    if keep {
        labels
    } else {
        labels.without("__name__")
    }
}

/// `absent(x{a="b"})` returns a series with the equality matchers' labels.
fn equality_labels(vs: &VectorSelector) -> LabelFlow {
    LabelFlow::known(
        vs.matchers
            .matchers
            .iter()
            .filter(|m| matches!(m.op, MatchOp::Equal) && m.name != "__name__")
            .map(|m| m.name.clone()),
    )
}

fn never_holds(op: &str, lo: f64, hi: f64, t: f64) -> bool {
    match op {
        ">" => hi <= t,
        ">=" => hi < t,
        "<" => lo >= t,
        "<=" => lo > t,
        "==" => t < lo || t > hi,
        _ => false,
    }
}

/// Interval arithmetic for the operators whose result bounds follow from the operands'.
fn arithmetic(op: &str, lhs: Option<(f64, f64)>, rhs: Option<(f64, f64)>) -> Option<(f64, f64)> {
    let ((a, b), (c, d)) = (lhs?, rhs?);
    let sort = |x: f64, y: f64| if x <= y { (x, y) } else { (y, x) };
    let result = match op {
        "+" => (a + c, b + d),
        "-" => (a - d, b - c),
        "*" if c == d && c.is_finite() => sort(a * c, b * c),
        "*" if a == b && a.is_finite() => sort(c * a, d * a),
        "/" if c == d && c != 0.0 && c.is_finite() => sort(a / c, b / c),
        _ => return None,
    };
    (!result.0.is_nan() && !result.1.is_nan()).then_some(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every metric is a scraped gauge with labels `instance` and `job` (plus `le` for _bucket).
    struct Fixed;

    impl SeriesResolver for Fixed {
        fn resolve(&self, name: &str) -> SeriesInfo {
            let mut labels = LabelFlow::known(["instance", "job"]);
            if name.ends_with("_bucket") {
                labels = labels.with("le");
            }
            SeriesInfo {
                kind: Some(MetricType::Gauge),
                family: None,
                labels,
                source: SeriesSource::Scraped {
                    jobs: Arc::from(vec!["j".to_string()]),
                },
                scrape_interval: Some(Duration::from_secs(15)),
                bounds: (name == "up").then_some((0.0, 1.0)),
            }
        }
    }

    fn run(expr: &str) -> Analysis {
        analyze(expr, &Fixed).unwrap_or_else(|e| panic!("{expr}: {e}"))
    }

    #[test]
    fn conditions_carry_through_arithmetic_aggregation_and_functions() {
        for expr in [
            "x > 1",
            "(x > 1) * 100",
            "(x > 1) * on(instance) group_left y",
            "sum by (job) (x > 1)",
            "abs(x > 1)",
            "max_over_time((x > 1)[10m:1m])",
            "absent(x)",
            "x and y",
            "(x > 1) or (y > 1)",
            "vector(1)",
        ] {
            assert!(run(expr).conditional, "{expr} is conditional");
        }
        for expr in [
            "x",
            "x * 100",
            "sum(x)",
            "(x > 1) or vector(0)",
            "x > bool 1",
            "rate(x[5m])",
        ] {
            assert!(!run(expr).conditional, "{expr} is not conditional");
        }
    }

    #[test]
    fn label_flow_through_common_constructs() {
        assert_eq!(
            run("sum by (job) (rate(x[5m]))").output,
            LabelFlow::known(["job"])
        );
        assert_eq!(
            run("quantile_over_time(0.5, x[1h])").output,
            LabelFlow::known(["instance", "job"])
        );
        assert_eq!(
            run("histogram_quantile(0.9, sum by (le, job) (rate(x_bucket[5m])))").output,
            LabelFlow::known(["job"])
        );
        assert!(run("label_replace(x, \"svc\", \"$1\", \"job\", \"(.*)\")")
            .output
            .names
            .contains("svc"));
        assert_eq!(
            run("count_values(\"version\", x)").output,
            LabelFlow::known(["version"])
        );
        assert!(run("x * on (instance) group_left (job) y")
            .output
            .names
            .contains("job"));
    }

    #[test]
    fn only_harmful_grouping_on_absent_labels_is_an_event() {
        let grouped = |expr: &str| {
            run(expr)
                .events
                .iter()
                .any(|e| matches!(e, Event::GroupingOnAbsentLabel { .. }))
        };
        assert!(grouped("sum by (service) (x)"));
        assert!(grouped("x / on (service) y"));
        assert!(!grouped("count without (node) (x)"));
        assert!(!grouped("x / ignoring (node) y"));
    }

    #[test]
    fn bounds_find_comparisons_that_never_hold() {
        let never = |expr: &str| {
            run(expr)
                .events
                .iter()
                .any(|e| matches!(e, Event::ComparisonNeverHolds { .. }))
        };
        assert!(never("up > 1"));
        assert!(never("rate(x[5m]) < 0"));
        assert!(never("count(x) < 0"));
        assert!(!never("up == 0"));
        assert!(!never("(1 - up) * 100 > 50"));
        assert!(!never("quantile_over_time(0.5, x[1h]) > 3"));
    }
}
