//! Short messages about the URL, the query or the last action.

use crate::labels;
use explorer_core::api::SearchPage;
use yew::prelude::*;

/// The messages: the state's notices (about the URL or the last action), then how the query
/// was read (notes, close spellings, common words left out, documents the filters hide).
pub fn messages(notices: &[String], search: Option<&SearchPage>) -> Vec<String> {
    let mut out = notices.to_vec();
    let Some(s) = search else { return out };
    out.extend(s.notes.iter().cloned());
    if !s.corrections.is_empty() {
        let list: Vec<String> = s.corrections.iter().map(|(a, b)| format!("{a} → {b}")).collect();
        out.push(format!("No exact match, so close spellings were searched: {}.", list.join(", ")));
    }
    if !s.ignored.is_empty() {
        out.push(format!("Common words were left out: {}.", s.ignored.join(", ")));
    }
    if s.total == 0 && s.query_matches > 0 {
        let verb = if s.query_matches == 1 { "matches" } else { "match" };
        out.push(format!("{} {verb} the query but not the filters.", labels::count(s.query_matches, "document")));
    }
    out
}

/// A polite live region listing the messages.
pub fn notices(notices: &[String], search: Option<&SearchPage>) -> Html {
    let messages = messages(notices, search);
    html! {
        <div id="notice" role="status" aria-live="polite" class={classes!("notice", messages.is_empty().then_some("empty"))}>
            { for messages.iter().map(|m| html! { <p>{ m.clone() }</p> }) }
        </div>
    }
}
