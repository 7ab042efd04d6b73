//! The reader: a whole document with every hit of the query marked and hit-by-hit navigation.

use crate::components::highlighted::Highlighted;
use crate::components::result_list::meta_line;
use crate::engine::EngineRef;
use crate::hooks::use_key::use_shortcuts;
use explorer_core::highlight;
use explorer_core::search::Compiled;
use web_sys::{ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

/// Properties of [`Reader`].
#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    /// The corpus.
    pub engine: EngineRef,
    /// Position of the document in the corpus.
    pub doc: usize,
    /// The query, resolved (what to mark).
    pub compiled: Compiled,
    /// The current hit (wraps around the hit count).
    pub hit: usize,
    /// Called with the hit count to go to the next hit.
    pub on_next: Callback<usize>,
    /// Called with the hit count to go to the previous hit.
    pub on_prev: Callback<usize>,
    /// Called to go back to the results.
    pub on_close: Callback<()>,
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
    let doc = &props.engine.corpus.documents[props.doc];
    let marks = highlight::document(&props.engine.index, &props.compiled, props.doc, doc);
    let count = marks.count();
    let title_ranges = marks.title;
    let ranges = marks.paragraphs;
    let current = if count == 0 { None } else { Some(props.hit % count) };

    // n / p step through the hits when focus is not in a text field.
    {
        let (on_next, on_prev) = (props.on_next.clone(), props.on_prev.clone());
        use_shortcuts(Callback::from(move |key: String| match key.as_str() {
            "n" if count > 0 => on_next.emit(count),
            "p" if count > 0 => on_prev.emit(count),
            _ => {}
        }));
    }
    // Opening a document shows its top, unless it was opened at a hit (from a concordance
    // line); moving between hits scrolls to the current one.
    let opened = use_mut_ref(|| None::<usize>);
    let at_hit = props.hit > 0;
    use_effect_with((props.doc, current), move |(doc, _)| {
        let first_time = opened.borrow().as_ref() != Some(doc);
        if first_time {
            *opened.borrow_mut() = Some(*doc);
            if at_hit {
                scroll_to_current();
            } else {
                gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
            }
        } else {
            scroll_to_current();
        }
    });

    let counter = match current {
        Some(i) => format!("hit {} of {}", i + 1, count),
        None => "no hits".to_owned(),
    };
    let (on_next, on_prev, on_close) = (props.on_next.clone(), props.on_prev.clone(), props.on_close.clone());
    let mut first = title_ranges.len();
    html! {
        <article id="reader" class="reader" aria-labelledby="reader-title">
            <div class="reader-bar">
                <button id="back-to-results" type="button" onclick={move |_| on_close.emit(())}>{ "← Results" }</button>
                <div class="hit-nav" role="group" aria-label="Hits">
                    <button id="prev-hit" type="button" disabled={count == 0} title="Previous hit (p)"
                        onclick={move |_| on_prev.emit(count)}>{ "‹ Prev" }</button>
                    <span id="hit-counter" aria-live="polite">{ counter }</span>
                    <button id="next-hit" type="button" disabled={count == 0} title="Next hit (n)"
                        onclick={move |_| on_next.emit(count)}>{ "Next ›" }</button>
                </div>
            </div>
            <header class="reader-head">
                <h2 id="reader-title" class="reader-title" tabindex="-1">
                    <Highlighted text={doc.title.clone()} ranges={title_ranges} first={0} {current} />
                </h2>
                <p class="reader-meta">{ meta_line(doc) }</p>
                if !doc.people.is_empty() {
                    <p class="reader-people">{ format!("Mentions: {}", doc.people.join(", ")) }</p>
                }
                if let Some(url) = safe_url(doc.url.as_deref()) {
                    <p><a class="original-link" href={url.clone()} rel="noopener noreferrer" target="_blank">{ format!("Original: {url}") }</a></p>
                }
            </header>
            <div class="reader-body">
                { for doc.paragraphs.iter().zip(ranges).map(|(p, r)| {
                    let start = first;
                    first += r.len();
                    html! { <p class="para"><Highlighted text={p.clone()} ranges={r} first={start} {current} /></p> }
                }) }
            </div>
        </article>
    }
}

/// Only http(s) addresses become links; anything else (e.g. `javascript:`) is not linked.
pub fn safe_url(url: Option<&str>) -> Option<String> {
    let url = url?.trim();
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then(|| url.to_owned())
}

#[cfg(test)]
mod tests {
    use super::safe_url;

    #[test]
    fn only_web_addresses_are_linked() {
        assert_eq!(safe_url(Some("https://rt.com/x")), Some("https://rt.com/x".into()));
        assert_eq!(safe_url(Some(" HTTP://a.b ")), Some("HTTP://a.b".into()));
        assert_eq!(safe_url(Some("javascript:alert(1)")), None);
        assert_eq!(safe_url(None), None);
    }
}
