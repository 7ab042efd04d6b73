//! The search row (the box with its suggestions, and the help) and the result count.

use crate::components::help::Help;
use crate::components::live_count::LiveCount;
use crate::components::search_box::SearchBox;
use crate::context::{use_app, AppContext};
use crate::hooks::use_engine::use_suggestions;
use crate::labels;
use crate::state::Action;
use explorer_core::api::SearchPage;
use yew::prelude::*;

/// The search box with its suggestions, and the search help.
#[component]
pub fn SearchRow() -> Html {
    let app = use_app();
    let query = app.as_ref().map(|a| a.state.view.query.clone()).unwrap_or_default();
    let suggestions = use_suggestions(app.as_ref().map(|a| &a.client), query.clone());
    let Some(app) = app else { return html! {} };
    html! {
        <div class="search-row">
            <SearchBox value={query} suggestions={(*suggestions).clone()}
                on_input={app.callback(Action::SetQuery)} on_pick={app.callback(Action::PickQuery)} />
            <Help />
        </div>
    }
}

/// "4 documents match, 0.21 ms" (or the corpus size without a query or filters), and a quiet
/// announcement of the count for screen readers.
pub fn result_count(app: &AppContext, search: Option<&SearchPage>) -> Html {
    let Some(search) = search else { return html! {} };
    let count = if search.query_empty && app.state.view.filters.is_empty() {
        labels::count(app.client.info.documents.len(), "document")
    } else {
        match search.total {
            0 => "No documents match".to_owned(),
            1 => "1 document matches".to_owned(),
            n => format!("{} documents match", labels::group_digits(n)),
        }
    };
    html! {
        <>
            <p id="result-count" class="result-count">{ format!("{count}, {} ms", labels::ms(search.took_ms)) }</p>
            <LiveCount text={count} />
        </>
    }
}
