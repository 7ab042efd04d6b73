//! The ranked results: title, metadata and a snippet with the hits marked.

use crate::components::highlighted::highlighted;
use crate::context::AppContext;
use crate::labels::meta_line;
use crate::state::Action;
use explorer_core::api::{ResultItem, SearchPage};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

/// The list of results shown (snippets are made only for those, so a keystroke on a large
/// corpus stays quick), then a button for more.
pub fn result_list(app: &AppContext, s: &SearchPage, busy: bool) -> Html {
    let more = s.total.saturating_sub(s.items.len());
    html! {
        <>
            <ol id="results" class="results" aria-busy={busy.to_string()} onkeydown={Callback::from(step_between_results)}>
                { for s.items.iter().map(|item| result_item(app, item)) }
            </ol>
            if more > 0 {
                <button id="show-more" type="button" class="show-more" onclick={app.callback(|_: MouseEvent| Action::ShowMore)}>
                    { format!("Show more ({} of {} not shown)", more, s.total) }</button>
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

fn result_item(app: &AppContext, item: &ResultItem) -> Html {
    let doc = &item.summary.doc;
    let mut target = app.state.view.clone();
    target.doc = Some(doc.id.clone());
    let onclick = {
        let (app, id) = (app.clone(), doc.id.clone());
        Callback::from(move |e: MouseEvent| {
            if e.button() == 0 && !e.ctrl_key() && !e.meta_key() && !e.shift_key() {
                e.prevent_default();
                app.dispatch(Action::OpenDoc(id.clone()));
            }
        })
    };
    let href = match target.to_query_string() {
        qs if qs.is_empty() => "?".to_owned(),
        qs => qs,
    };
    let snip = &item.snippet;
    html! {
        <li class="result" data-doc-id={doc.id.clone()}>
            <h3><a class="result-title" href={href} {onclick}>
                { highlighted(&doc.title, &item.title_marks, 0, None) }
            </a></h3>
            <p class="result-meta">{ meta_line(&item.summary) }</p>
            <p class="snippet">
                { if snip.clipped_start { "… " } else { "" } }
                { highlighted(&snip.text, &snip.highlights, 0, None) }
                { if snip.clipped_end { " …" } else { "" } }
            </p>
        </li>
    }
}
