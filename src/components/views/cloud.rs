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
    // The box the words take (the layout's box can be far larger than a few words need).
    let (mut x0, mut y0, mut x1, mut y1) = (c.width, c.height, 0.0f32, 0.0f32);
    for w in &c.words {
        x0 = x0.min(w.x - w.width / 2.0);
        x1 = x1.max(w.x + w.width / 2.0);
        y0 = y0.min(w.y - w.size / 2.0);
        y1 = y1.max(w.y + w.size / 2.0);
    }
    let pad = 8.0;
    let (view_box, width) = if x1 > x0 {
        let w = x1 - x0 + 2.0 * pad;
        (format!("{:.0} {:.0} {w:.0} {:.0}", x0 - pad, y0 - pad, y1 - y0 + 2.0 * pad), w)
    } else {
        (format!("0 0 {} {}", c.width, c.height), c.width)
    };
    html! {
        <div class="cloud-box">
            <svg id="word-cloud" class="word-cloud" viewBox={view_box} width={format!("{width:.0}")} role="group"
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
