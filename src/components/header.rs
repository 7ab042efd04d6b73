//! The page's header: the explorer's name and the corpus title, the search row, the count.

use crate::components::help::Help;
use crate::components::live_count::LiveCount;
use crate::components::search_box::SearchBox;
use crate::context::use_app;
use crate::hooks::use_engine::use_suggestions;
use crate::labels;
use crate::state::Action;
use explorer_core::api::SearchPage;
use std::rc::Rc;
use yew::prelude::*;

/// "Corpus Explorer" (a link that starts over) and the corpus title.
#[component]
pub fn Brand() -> Html {
    let Some(app) = use_app() else { return html! {} };
    let info = &app.client.info;
    let onclick = {
        let app = app.clone();
        move |e: MouseEvent| {
            e.prevent_default();
            app.dispatch(Action::Reset);
        }
    };
    html! {
        <div class="brand">
            <h1><a href="?" {onclick}>{ "Corpus Explorer" }</a></h1>
            if let Some(title) = info.title.clone() {
                <p id="corpus-title" class="corpus-title" title={info.description.clone().unwrap_or_default()}>{ title }</p>
            }
        </div>
    }
}

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

/// "4 documents match, 0.21 ms" (or the corpus size without a query), and a quiet
/// announcement of the count for screen readers.
#[derive(Properties, PartialEq)]
pub struct ResultCountProps {
    /// The search for the current state.
    pub search: Option<Rc<SearchPage>>,
}

/// The result count.
#[component]
pub fn ResultCount(props: &ResultCountProps) -> Html {
    let Some(app) = use_app() else { return html! {} };
    let Some(search) = &props.search else { return html! {} };
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
