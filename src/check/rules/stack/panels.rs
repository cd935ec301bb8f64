//! What the panel-query rules (G003-G006) share: every analysed panel query with its events, and
//! the message that says which dashboard and panel it is.

use crate::check::Context;
use crate::promql::Event;

/// Each panel query's events with a label naming the panel.
pub fn events<'a>(
    ctx: &'a Context,
) -> impl Iterator<Item = (&'a crate::diagnostic::SpecPath, String, &'a Event)> + 'a {
    let stack = &ctx.model.stack;
    stack.queries.iter().flat_map(move |q| {
        let d = &stack.dashboards[q.dashboard].dashboard;
        let panel = &d.rows[q.row].panels[q.panel];
        let place = format!("dashboard `{}`, panel `{}`", d.uid, panel.title);
        q.analysis
            .iter()
            .flat_map(|a| a.events.iter())
            .map(move |e| (&q.path, place.clone(), e))
    })
}
