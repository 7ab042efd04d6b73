//! The explorer: owns the one state, runs the search for it, and lays out the page (or the
//! compact embed) around the view shown. Everything else is a hook or a component of its own.

use crate::client::Client;
use crate::components::layout::{EmbedLayout, PageLayout};
use crate::components::main_view::MainView;
use crate::context::AppContext;
use crate::hooks::use_engine::use_search;
use crate::hooks::use_focus::use_focus_follow;
use crate::hooks::use_host::use_host;
use crate::hooks::use_page::{use_page_keys, use_page_title, use_update_listener};
use crate::hooks::use_settled::use_settled;
use crate::hooks::use_theme::{stored_theme, use_theme};
use crate::hooks::use_url::use_url;
use crate::state::State;
use crate::url;
use explorer_core::api::SearchRequest;
use yew::prelude::*;

/// How long the query must rest before the analysis views follow it, in milliseconds.
const SETTLE_MS: u32 = 180;

/// Properties of [`Explorer`].
#[derive(Properties, PartialEq)]
pub struct ExplorerProps {
    /// The engine, ready.
    pub client: Client,
}

/// The explorer page.
#[component]
pub fn Explorer(props: &ExplorerProps) -> Html {
    let client = &props.client;
    let state = {
        let info = client.info.clone();
        use_reducer(move || State::new(info, &url::current_query_string(), stored_theme()))
    };
    use_url(&state);
    use_page_title(client.info.title.clone());
    use_page_keys(&state);
    use_update_listener(&state);
    use_focus_follow(state.view.view, state.view.doc.clone());
    let theme = use_theme(&state);
    let v = &state.view;
    // The results list and the facets follow every keystroke; the analysis views follow the
    // query once typing rests (a newer keystroke supersedes the work an older one would start).
    let search = use_search(
        client,
        SearchRequest { query: v.query.clone(), filters: v.filters.clone(), sort: v.sort, shown: state.ui.shown },
    );
    use_host(&state, search.as_ref().map_or(0, |s| s.total));
    let settled: AttrValue = use_settled(v.query.clone(), SETTLE_MS).into();
    let main = html! { <MainView search={search.clone()} {settled} /> };
    let context = AppContext { client: client.clone(), state: state.clone() };
    html! {
        <ContextProvider<AppContext> {context}>
            if v.presentation.embed {
                <EmbedLayout {search}>{ main }</EmbedLayout>
            } else {
                <PageLayout {search} {theme}>{ main }</PageLayout>
            }
        </ContextProvider<AppContext>>
    }
}
