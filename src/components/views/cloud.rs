//! A word cloud (SVG): the core lays the words out (the same data always gives the same
//! picture); each word is a link to its concordance, and the table beside it is its text
//! alternative for screen readers.

use crate::context::AppContext;
use crate::state::Action;
use explorer_core::analysis::cloud::Cloud;
use explorer_core::view_state::{View, ViewState};
use yew::prelude::*;

/// The "Word cloud" checkbox.
pub fn toggle(app: &AppContext, shown: bool) -> Html {
    use explorer_core::view_state::Change;
    let onchange = app.callback(|e: Event| Action::Change(Change::Cloud(super::field_checked(&e))));
    html! { <label><input id="cloud-toggle" type="checkbox" checked={shown} {onchange} />{ " Word cloud" }</label> }
}

/// The cloud; `table` is the id of the table that holds its figures, `what` says what it shows.
/// A word is a link to the concordance of that word (with the page's filters).
pub fn cloud(app: &AppContext, c: &Cloud, table: &'static str, what: &str) -> Html {
    let label = format!(
        "Word cloud of {} {what}, sized by count{}; the table {table_where} has the figures.",
        c.words.len(),
        if c.left_out > 0 { format!(" ({} more did not fit)", c.left_out) } else { String::new() },
        table_where = if table == "compare-tables" { "below" } else { "below it" }
    );
    html! {
        <div class="cloud-box">
            <svg id="word-cloud" class="word-cloud" viewBox={format!("0 0 {} {}", c.width, c.height)} role="group"
                aria-label={label} aria-describedby={table}>
                { for c.words.iter().map(|w| {
                    let href = concordance_href(app, &w.word);
                    let word = w.word.clone();
                    let onclick = app.callback(move |e: MouseEvent| {
                        e.prevent_default();
                        Action::QueryIn(word.clone(), View::Concordance)
                    });
                    html! {
                        <a {href} class={classes!("cloud-word", format!("side-{}", w.side))} data-word={w.word.clone()} {onclick}>
                            <title>{ format!("{}: {} — open its concordance", w.word, w.count) }</title>
                            <text x={format!("{:.1}", w.x)} y={format!("{:.1}", w.y)} font-size={format!("{:.1}", w.size)}
                                text-anchor="middle" dominant-baseline="central">{ w.word.clone() }</text>
                        </a>
                    }
                }) }
            </svg>
            if c.left_out > 0 {
                <p class="hint">{ format!("{} more words did not fit in the cloud; the table lists them all.", c.left_out) }</p>
            }
        </div>
    }
}

/// The address of a word's concordance, keeping the page's filters and presentation.
fn concordance_href(app: &AppContext, word: &str) -> String {
    let s = &app.state.view;
    let v = ViewState {
        query: word.to_owned(),
        filters: s.filters.clone(),
        view: View::Concordance,
        presentation: s.presentation.clone(),
        corpus: s.corpus.clone(),
        ..ViewState::default()
    };
    let qs = v.to_query_string();
    if qs.is_empty() {
        "?".into()
    } else {
        qs
    }
}
