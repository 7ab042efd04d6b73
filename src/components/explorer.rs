//! The explorer: owns the one state, runs the search for it, and lays out the page (or the
//! compact embed) around the view shown. Everything else is a hook or a component of its own.

use crate::components::layout;
use crate::components::reader::Reader;
use crate::components::results::results;
use crate::components::tabs::use_current_tab_in_view;
use crate::components::views::AnalysisView;
use crate::context::AppContext;
use crate::engine::client::Client;
use crate::hooks::use_engine::use_search;
use crate::hooks::use_focus::{use_drawer_focus, use_focus_follow};
use crate::hooks::use_host::use_host;
use crate::hooks::use_page::{use_page_keys, use_page_title, use_update_listener};
use crate::hooks::use_settled::use_settled;
use crate::hooks::use_theme::{stored_theme, use_theme};
use crate::hooks::use_url::use_url;
use crate::state::State;
use crate::url;
use explorer_core::api::{SearchPage, SearchRequest};
use explorer_core::view_state::View;
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
    use_drawer_focus(state.ui.drawer);
    use_current_tab_in_view(state.view.view, state.view.doc.is_some());
    let theme = use_theme(&state);
    let v = &state.view;
    // The results list and the facets follow every keystroke; the analysis views follow the
    // query once typing rests (a newer keystroke supersedes the work an older one would start).
    let search = use_search(
        client,
        SearchRequest { query: v.query.clone(), filters: v.filters.clone(), sort: v.sort, shown: state.ui.shown },
    );
    use_host(&state, search.current().map(|s| s.total));
    let settled = use_settled(v.query.clone(), SETTLE_MS);
    let app = AppContext { client: client.clone(), state: state.clone() };
    // The latest results stay shown while the engine works on a newer query.
    let busy = !search.current;
    let shared = search.value.as_ref();
    let search = search.value.as_deref();
    let main = main_view(&app, search, busy, &settled);
    let page =
        if v.presentation.embed { layout::embed(&app, search, main) } else { layout::page(&app, shared, theme, main) };
    html! { <ContextProvider<AppContext> context={app}>{ page }</ContextProvider<AppContext>> }
}

/// The view of the current tab: the results, the reader, or an analysis view of the query
/// once typing rests (`settled`).
fn main_view(app: &AppContext, search: Option<&SearchPage>, busy: bool, settled: &str) -> Html {
    let view = app.state.view.view;
    match (view, app.state.reader_doc()) {
        (View::Reader, Some(id)) => html! {
            <Reader id={id.to_owned()} query={app.state.view.query.clone()} hit={app.state.hit}
                matching={app.state.reader_matching} />
        },
        (View::Search | View::Reader, _) => results(app, search, busy),
        _ => html! { <AnalysisView request={app.view_request(view, settled)} /> },
    }
}
