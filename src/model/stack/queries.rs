//! Every PromQL target of every dashboard, parsed once and analysed with the same resolver as the
//! rules, so that the panel checks (G) report what the rule checks (P) report for alerts. Grafana's
//! variables are replaced before parsing: `$__rate_interval` and friends by a duration, `$name` and
//! `${name}` by a plain word (their values do not change which series or labels exist).

use super::DashboardModel;
use crate::diagnostic::SpecPath;
use crate::model::Resolver;
use crate::promql::{self, analyze_ast, Analysis};
use crate::spec::stack::PanelType;

/// One panel query and what its analysis found.
#[derive(Debug, Clone)]
pub struct PanelQuery {
    pub dashboard: usize,
    pub row: usize,
    pub panel: usize,
    pub target: usize,
    /// Where the spec states it: the target's `expr`, or the generated dashboard's entry.
    pub path: SpecPath,
    /// The expression as analysed (variables replaced).
    pub expr: String,
    pub analysis: Option<Analysis>,
    /// The parser's message when it does not parse.
    pub error: Option<String>,
}

/// Replaces Grafana's template variables so that the expression parses as PromQL.
pub fn without_variables(expr: &str) -> String {
    let mut out = String::with_capacity(expr.len());
    let mut rest = expr;
    while let Some(at) = rest.find('$') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let (name, len) = if let Some(inner) = after.strip_prefix('{') {
            match inner.find('}') {
                Some(end) => (inner[..end].split(':').next().unwrap_or(""), end + 2),
                None => ("", 0),
            }
        } else {
            let end = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(after.len());
            (&after[..end], end)
        };
        if len == 0 || name.is_empty() {
            out.push('$');
            rest = after;
            continue;
        }
        out.push_str(match name {
            "__rate_interval" | "__interval" => "5m",
            "__range" => "1h",
            "__interval_ms" | "__range_s" | "__range_ms" => "60",
            _ => "var",
        });
        rest = &after[len..];
    }
    out.push_str(rest);
    out
}

pub fn analyse(dashboards: &[DashboardModel], resolver: &Resolver) -> Vec<PanelQuery> {
    let mut out = Vec::new();
    for (d, model) in dashboards.iter().enumerate() {
        for (r, row) in model.dashboard.rows.iter().enumerate() {
            for (p, panel) in row.panels.iter().enumerate() {
                if panel.kind == PanelType::Logs {
                    continue;
                }
                for (t, target) in panel.targets.iter().enumerate() {
                    let path = if model.generated {
                        model.path.clone()
                    } else {
                        model
                            .path
                            .key("rows")
                            .index(r)
                            .key("panels")
                            .index(p)
                            .key("targets")
                            .index(t)
                            .key("expr")
                    };
                    let expr = without_variables(&target.expr);
                    let (analysis, error) = match promql::parse(&expr) {
                        Ok(ast) => (Some(analyze_ast(&ast, resolver)), None),
                        Err(e) => (None, Some(e)),
                    };
                    out.push(PanelQuery {
                        dashboard: d,
                        row: r,
                        panel: p,
                        target: t,
                        path,
                        expr,
                        analysis,
                        error,
                    });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::without_variables;

    #[test]
    fn replaces_grafana_variables() {
        assert_eq!(
            without_variables(r#"rate(x{job=~"$job",i="${instance:regex}"}[$__rate_interval])"#),
            r#"rate(x{job=~"var",i="var"}[5m])"#
        );
        assert_eq!(without_variables("up $ 1"), "up $ 1");
    }
}
