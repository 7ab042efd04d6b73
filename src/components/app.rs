//! The root component: loads the corpus, owns the state, mirrors it in the URL, lays out the page.

use crate::components::facet_panel::FacetPanel;
use crate::components::notices::Notices;
use crate::components::reader::Reader;
use crate::components::result_list::{group_digits, ResultList};
use crate::components::search_box::SearchBox;
use crate::engine::{self, EngineRef};
use crate::state::{Action, State};
use crate::url;
use explorer_core::facets::Facet;
use explorer_core::search::search;
use gloo::events::EventListener;
use yew::prelude::*;

/// Loads the engine once, then shows the explorer (or why the corpus could not be loaded).
#[component]
pub fn App() -> Html {
    let loaded = use_memo((), |_| engine::load());
    match &*loaded {
        Ok(engine) => html! { <Explorer engine={engine.clone()} /> },
        Err(message) => html! {
            <main id="app" class="load-error">
                <h1>{ "Corpus Explorer" }</h1>
                <p role="alert">{ message.clone() }</p>
            </main>
        },
    }
}

/// Properties of [`Explorer`].
#[derive(Properties, PartialEq)]
pub struct ExplorerProps {
    /// The loaded corpus.
    pub engine: EngineRef,
}

/// The explorer page: header with the search box, facets, and results or the reader.
#[component]
pub fn Explorer(props: &ExplorerProps) -> Html {
    let state = {
        let engine = props.engine.clone();
        use_reducer(move || State::from_url(engine, &url::current_query_string()))
    };

    // The URL mirrors the view; back/forward restore it.
    use_effect_with((state.view.clone(), state.history), |(view, how)| url::write(view, *how));
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "popstate", move |_| {
                dispatch.dispatch(Action::Restore(url::current_query_string()));
            });
            move || drop(listener)
        });
    }
    {
        let notices = state.notices.clone();
        use_effect_with(notices, |notices| {
            for n in notices {
                gloo::console::warn!(n.clone());
            }
        });
    }

    let engine = &props.engine;
    let outcome = {
        let engine = engine.clone();
        use_memo((state.view.query.clone(), state.view.filters.clone()), move |(q, f)| search(&engine, q, f))
    };

    let dispatch = state.dispatcher();
    let on_input = dispatch_with(&dispatch, Action::SetQuery);
    let on_toggle = dispatch_with(&dispatch, |(f, v, on): (Facet, String, bool)| Action::SetFilter(f, v, on));
    let on_clear = dispatch_with(&dispatch, |_: ()| Action::ClearFilters);
    let on_open = dispatch_with(&dispatch, Action::OpenDoc);
    let on_close = dispatch_with(&dispatch, |_: ()| Action::CloseDoc);
    let on_next = dispatch_with(&dispatch, Action::NextHit);
    let on_prev = dispatch_with(&dispatch, Action::PrevHit);

    let total = engine.corpus.documents.len();
    let shown = outcome.hits.len();
    let count_text = if outcome.query.is_empty() && state.view.filters.is_empty() {
        format!("{} document{}", group_digits(total), if total == 1 { "" } else { "s" })
    } else {
        match shown {
            0 => "No documents match".to_owned(),
            1 => "1 document matches".to_owned(),
            n => format!("{} documents match", group_digits(n)),
        }
    };
    let mut messages = state.notices.clone();
    messages.extend(outcome.query.notes.iter().cloned());
    if shown == 0 && outcome.query_matches > 0 {
        messages.push(format!(
            "{} document{} match the query but not the filters.",
            outcome.query_matches,
            if outcome.query_matches == 1 { "" } else { "s" }
        ));
    }

    let main = match state.open_doc() {
        Some(doc) => html! {
            <Reader engine={engine.clone()} {doc} matcher={outcome.matcher.clone()} hit={state.hit}
                {on_next} {on_prev} {on_close} />
        },
        None => html! {
            <>
                <ResultList engine={engine.clone()} hits={outcome.hits.clone()} matcher={outcome.matcher.clone()}
                    view={state.view.clone()} {on_open} />
                if shown == 0 {
                    <p class="empty-results">
                        { "Nothing found. Try fewer or shorter words" }
                        { if state.view.filters.is_empty() { "." } else { ", or clear the filters." } }
                    </p>
                }
            </>
        },
    };

    html! {
        <div class="shell">
            <header class="top">
                <h1 class="brand"><a href="?" onclick={
                    let dispatch = dispatch.clone();
                    move |e: MouseEvent| { e.prevent_default(); dispatch.dispatch(Action::Reset); }
                }>{ "Corpus Explorer" }</a></h1>
                <SearchBox value={state.view.query.clone()} {on_input} />
                <p id="result-count" class="result-count" aria-live="polite">{ count_text }</p>
            </header>
            <Notices {messages} />
            <div class="layout">
                <aside class="sidebar">
                    <FacetPanel counts={outcome.facets.clone()} filters={state.view.filters.clone()} {on_toggle} {on_clear} />
                </aside>
                <main id="app" class="content">{ main }</main>
            </div>
            <footer class="foot">
                { format!("{} documents · {} words · corpus version {}",
                    group_digits(total),
                    group_digits(engine.corpus.documents.iter().map(|d| d.word_count).sum()),
                    engine.corpus.version) }
            </footer>
        </div>
    }
}

fn dispatch_with<T: 'static>(dispatch: &UseReducerDispatcher<State>, f: impl Fn(T) -> Action + 'static) -> Callback<T> {
    let dispatch = dispatch.clone();
    Callback::from(move |v: T| dispatch.dispatch(f(v)))
}
