//! The results view: a bar with "Did you mean …?" and the order, the list, and what to do
//! when nothing is found.

use crate::components::result_list::result_list;
use crate::context::AppContext;
use crate::labels;
use crate::state::Action;
use explorer_core::api::SearchPage;
use explorer_core::search::Sort;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The results view; `busy` while the engine works on a newer query or order than the one
/// `search` answers (the list says so with `aria-busy`).
pub fn results(app: &AppContext, search: Option<&SearchPage>, busy: bool) -> Html {
    let Some(search) = search else { return html! {} };
    let v = &app.state.view;
    let on_sort = app.callback(|e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        Action::SetSort(Sort::from_key(&select.value()).unwrap_or_default())
    });
    let did_you_mean = search.did_you_mean.clone().map(|fix| {
        let label = fix.trim_end().to_owned();
        html! {
            <p id="did-you-mean" class="did-you-mean">{ "Did you mean " }
                <button type="button" class="link" onclick={app.callback(move |_: MouseEvent| Action::PickQuery(fix.clone()))}>
                    { label }</button>{ "?" }</p>
        }
    });
    let empty = if app.client.info.documents.is_empty() {
        html! {
            <p class="empty-results" id="empty-corpus">
                { "This corpus has no documents yet. Put text files in the corpus folder and rebuild the explorer (README: Your own corpus)." }
            </p>
        }
    } else if search.total == 0 {
        let filtered = !v.filters.is_empty();
        html! {
            <p class="empty-results">
                { "Nothing found. Try fewer or shorter words" }
                { if filtered { ", or clear the filters." } else { "." } }
                if filtered {
                    { " " }
                    <button id="empty-clear-filters" type="button"
                        onclick={app.callback(|_: MouseEvent| Action::ClearFilters)}>{ "Clear filters" }</button>
                }
            </p>
        }
    } else {
        html! {}
    };
    html! {
        <>
            <div class="results-bar">
                <h2 id="view-title" class="results-title" tabindex="-1">{ "Results" }</h2>
                { for did_you_mean }
                <label class="sort">{ "Sort " }
                    <select id="sort" onchange={on_sort}>
                        { for Sort::ALL.iter().map(|s| html! {
                            <option value={s.key()} selected={*s == v.sort}>{ labels::sort(*s) }</option>
                        }) }
                    </select>
                </label>
            </div>
            { result_list(app, search, busy) }
            { empty }
        </>
    }
}
