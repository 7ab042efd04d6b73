//! The reader: a whole document with every hit of the query marked and hit-by-hit navigation.

use crate::components::highlighted::highlighted;
use crate::context::use_app;
use crate::hooks::use_engine::use_document;
use crate::hooks::use_focus::use_pending_focus;
use crate::hooks::use_key::use_shortcuts;
use crate::labels::meta_line;
use crate::state::Action;
use explorer_core::matching::Matching;
use web_sys::{ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

/// Properties of [`Reader`].
#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    /// The document's id.
    pub id: String,
    /// The query as typed (what to mark).
    pub query: String,
    /// The current hit (wraps around the hit count).
    pub hit: usize,
    /// How the query's words are marked: as the search reads them, or as the analysis view
    /// whose line opened the reader matched them.
    pub matching: Option<Matching>,
}

/// Scrolls the current hit to the middle of the window.
fn scroll_to_current() {
    let Some(el) = gloo::utils::document().query_selector("#reader mark.current").ok().flatten() else { return };
    let opts = ScrollIntoViewOptions::new();
    opts.set_block(ScrollLogicalPosition::Center);
    opts.set_behavior(ScrollBehavior::Auto);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
}

/// The reader view.
#[component]
pub fn Reader(props: &ReaderProps) -> Html {
    let app = use_app();
    let answer = use_document(app.as_ref().map(|a| &a.client), props.id.clone(), props.query.clone(), props.matching);
    // The answer for this document (while a new query's marks are worked out, the previous
    // ones stay; another document's text never shows under this one's id).
    let doc = answer.value.filter(|d| match d.as_ref() {
        Some(d) => d.summary.doc.id == props.id,
        None => answer.current,
    });
    let loaded = doc.is_some();
    use_pending_focus();
    let count = doc.as_ref().and_then(|d| d.as_ref().as_ref()).map_or(0, |d| d.hits);
    let current = if count == 0 { None } else { Some(props.hit % count) };
    let step = |next: bool| {
        app.as_ref()
            .map(|a| a.callback(move |_: ()| if next { Action::NextHit(count) } else { Action::PrevHit(count) }))
            .unwrap_or_default()
    };
    let (on_next, on_prev) = (step(true), step(false));
    // n / p step through the hits when focus is not in a text field.
    {
        let (on_next, on_prev) = (on_next.clone(), on_prev.clone());
        use_shortcuts(Callback::from(move |key: String| match key.as_str() {
            "n" if count > 0 => on_next.emit(()),
            "p" if count > 0 => on_prev.emit(()),
            _ => {}
        }));
    }
    // Opening a document shows its top, unless it was opened at a hit (from a concordance
    // line); moving between hits scrolls to the current one.
    let opened = use_mut_ref(|| None::<String>);
    let at_hit = props.hit > 0;
    use_effect_with((props.id.clone(), current, loaded), move |(id, _, loaded)| {
        if !loaded {
            return;
        }
        if opened.borrow().as_ref() != Some(id) {
            *opened.borrow_mut() = Some(id.clone());
            if at_hit {
                scroll_to_current();
            } else {
                gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
            }
        } else {
            scroll_to_current();
        }
    });
    let (Some(app), Some(doc)) = (app, doc) else { return html! {} };
    let Some(d) = doc.as_ref() else { return html! {} };
    let counter = match current {
        Some(i) => format!("hit {} of {}", i + 1, count),
        None => "no hits".to_owned(),
    };
    let mut first = d.title_marks.len();
    html! {
        <article id="reader" class="reader" aria-labelledby="reader-title">
            <div class="reader-bar">
                <button id="back-to-results" type="button" onclick={app.callback(|_: MouseEvent| Action::CloseDoc)}>{ "← Results" }</button>
                <div class="hit-nav" role="group" aria-label="Hits">
                    <button id="prev-hit" type="button" disabled={count == 0} title="Previous hit (p)"
                        onclick={move |_| on_prev.emit(())}>{ "‹ Prev" }</button>
                    <span id="hit-counter" aria-live="polite">{ counter }</span>
                    <button id="next-hit" type="button" disabled={count == 0} title="Next hit (n)"
                        onclick={move |_| on_next.emit(())}>{ "Next ›" }</button>
                </div>
            </div>
            <header class="reader-head">
                <h2 id="reader-title" class="reader-title" tabindex="-1">
                    { highlighted(&d.summary.doc.title, &d.title_marks, 0, current) }
                </h2>
                <p class="reader-meta">{ meta_line(&d.summary) }</p>
                if props.matching == Some(Matching::Form) && !props.query.trim().is_empty() {
                    <p class="hint" id="reader-matching">{ "The query's words are marked as written, as in the view this was opened from." }</p>
                } else if props.matching == Some(Matching::Stem) && !props.query.trim().is_empty() {
                    <p class="hint" id="reader-matching">{ "Every form of the query's words is marked, as in the view this was opened from." }</p>
                }
                if !d.people.is_empty() {
                    <p class="reader-people">{ format!("Mentions: {}", d.people.join(", ")) }</p>
                }
                if let Some(url) = d.url.clone() {
                    <p><a class="original-link" href={url.clone()} rel="noopener noreferrer" target="_blank">{ format!("Original: {url}") }</a></p>
                }
            </header>
            <div class="reader-body">
                { for d.paragraphs.iter().map(|(p, r)| {
                    let start = first;
                    first += r.len();
                    html! { <p class="para">{ highlighted(p, r, start, current) }</p> }
                }) }
            </div>
        </article>
    }
}
