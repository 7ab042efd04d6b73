//! The ranked results: title, metadata and a snippet with the hits marked.

use crate::components::highlighted::Highlighted;
use crate::engine::EngineRef;
use explorer_core::highlight;
use explorer_core::search::{Compiled, Hit};
use explorer_core::snippet::{self, SNIPPET_CHARS};
use explorer_core::view_state::ViewState;
use explorer_core::Document;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

/// Properties of [`ResultList`].
#[derive(Properties, PartialEq)]
pub struct ResultListProps {
    /// The corpus.
    pub engine: EngineRef,
    /// The matching documents, best first.
    pub hits: Vec<Hit>,
    /// The query, resolved (what to mark).
    pub compiled: Compiled,
    /// The current view (to build each result's link).
    pub view: ViewState,
    /// Called with a document id to open it.
    pub on_open: Callback<String>,
}

/// Results shown at first (each with its snippet); "Show more" adds as many again.
pub const SHOWN: usize = 50;

/// The list of results: the first [`SHOWN`] (snippets are made only for those shown, so a
/// keystroke on a large corpus stays quick), then a button for more.
#[component]
pub fn ResultList(props: &ResultListProps) -> Html {
    let shown = use_state(|| SHOWN);
    // A new query or new filters start from the first page again.
    {
        let shown = shown.clone();
        use_effect_with(props.hits.clone(), move |_| shown.set(SHOWN));
    }
    let more = props.hits.len().saturating_sub(*shown);
    let on_more = {
        let shown = shown.clone();
        Callback::from(move |_| shown.set(*shown + SHOWN))
    };
    html! {
        <>
            <ol id="results" class="results" onkeydown={Callback::from(step_between_results)}>
                { for props.hits.iter().take(*shown).map(|hit| {
                    result_item(&props.engine, hit.doc, &props.compiled, &props.view, &props.on_open)
                }) }
            </ol>
            if more > 0 {
                <button id="show-more" type="button" class="show-more" onclick={on_more}>
                    { format!("Show more ({} of {} not shown)", more, props.hits.len()) }</button>
            }
        </>
    }
}

/// ↓ and ↑ on a result title move to the next or previous title (↑ on the first goes back
/// to the search box).
fn step_between_results(e: KeyboardEvent) {
    let down = match e.key().as_str() {
        "ArrowDown" => true,
        "ArrowUp" => false,
        _ => return,
    };
    if e.alt_key() || e.ctrl_key() || e.meta_key() || e.shift_key() {
        return;
    }
    let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
    if !target.matches("a.result-title").unwrap_or(false) {
        return;
    }
    let document = gloo::utils::document();
    let Ok(titles) = document.query_selector_all("#results a.result-title") else { return };
    let Some(i) = (0..titles.length()).find(|&i| titles.get(i).is_some_and(|n| &n == target.as_ref())) else { return };
    let next = match (down, i) {
        (true, i) if i + 1 < titles.length() => titles.get(i + 1),
        (false, 0) => document.get_element_by_id("search").map(Into::into),
        (false, i) => titles.get(i - 1),
        _ => None,
    };
    e.prevent_default();
    if let Some(el) = next.and_then(|n| n.dyn_into::<HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// The metadata line of a document: outlet · date · kind · author · words.
pub fn meta_line(doc: &Document) -> String {
    let mut parts: Vec<String> = Vec::new();
    parts.extend(doc.outlet.clone());
    parts.extend(doc.date_label());
    parts.push(doc.kind.clone());
    if let Some(a) = &doc.author {
        parts.push(format!("by {a}"));
    }
    parts.push(format!("{} words", group_digits(doc.word_count)));
    parts.join(" · ")
}

pub use explorer_core::numbers::group_digits;

fn result_item(
    engine: &EngineRef,
    doc_no: usize,
    compiled: &Compiled,
    view: &ViewState,
    on_open: &Callback<String>,
) -> Html {
    let doc = &engine.corpus.documents[doc_no];
    let snip = if compiled.is_empty() {
        snippet::lead(doc, SNIPPET_CHARS)
    } else {
        snippet::best(&engine.index, compiled, doc_no, doc, SNIPPET_CHARS)
    };
    let title_ranges = highlight::title(&engine.index, compiled, doc_no, doc);
    let mut target = view.clone();
    target.doc = Some(doc.id.clone());
    let onclick = {
        let on_open = on_open.clone();
        let id = doc.id.clone();
        Callback::from(move |e: MouseEvent| {
            if e.button() == 0 && !e.ctrl_key() && !e.meta_key() && !e.shift_key() {
                e.prevent_default();
                on_open.emit(id.clone());
            }
        })
    };
    let href = match target.to_query_string() {
        qs if qs.is_empty() => "?".to_owned(),
        qs => qs,
    };
    html! {
        <li class="result" data-doc-id={doc.id.clone()}>
            <h3><a class="result-title" href={href} {onclick}>
                <Highlighted text={doc.title.clone()} ranges={title_ranges} />
            </a></h3>
            <p class="result-meta">{ meta_line(doc) }</p>
            <p class="snippet">
                { if snip.clipped_start { "… " } else { "" } }
                <Highlighted text={snip.text.clone()} ranges={snip.highlights.clone()} />
                { if snip.clipped_end { " …" } else { "" } }
            </p>
        </li>
    }
}
