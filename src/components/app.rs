//! The root component: loads the corpus, owns the state, mirrors it in the URL, lays out the page.

use crate::components::facet_panel::FacetPanel;
use crate::components::help::Help;
use crate::components::notices::Notices;
use crate::components::reader::Reader;
use crate::components::result_list::{group_digits, ResultList};
use crate::components::search_box::SearchBox;
use crate::engine::{self, EngineRef};
use crate::state::{Action, State};
use crate::url;
use explorer_core::examples::examples;
use explorer_core::facets::Facet;
use explorer_core::search::{search, Sort};
use explorer_core::suggest::completions;
use gloo::events::EventListener;
use web_sys::HtmlSelectElement;
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
    // The search, timed: (outcome, milliseconds).
    let searched = {
        let engine = engine.clone();
        use_memo((state.view.query.clone(), state.view.filters.clone(), state.view.sort), move |(q, f, sort)| {
            let t0 = now();
            let outcome = search(&engine, q, f, *sort);
            (outcome, now() - t0)
        })
    };
    let (outcome, took_ms) = (&searched.0, searched.1);
    let suggestions = {
        let engine = engine.clone();
        use_memo(state.view.query.clone(), move |q| completions(&engine.index, q))
    };
    let examples = {
        let engine = engine.clone();
        use_memo((), move |_| examples(&engine))
    };

    let dispatch = state.dispatcher();
    let on_input = dispatch_with(&dispatch, Action::SetQuery);
    let on_pick = dispatch_with(&dispatch, Action::PickQuery);
    let on_sort = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(sort) = Sort::from_key(&select.value()) {
                dispatch.dispatch(Action::SetSort(sort));
            }
        })
    };
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
    let count_text = format!("{count_text}, {} ms", format_ms(took_ms));
    let mut messages = state.notices.clone();
    messages.extend(outcome.query.notes.iter().cloned());
    if !outcome.compiled.corrections.is_empty() {
        let list: Vec<String> = outcome.compiled.corrections.iter().map(|(a, b)| format!("{a} → {b}")).collect();
        messages.push(format!("No exact match, so close spellings were searched: {}.", list.join(", ")));
    }
    if !outcome.compiled.ignored.is_empty() {
        messages.push(format!("Common words were left out: {}.", outcome.compiled.ignored.join(", ")));
    }
    if shown == 0 && outcome.query_matches > 0 {
        messages.push(format!(
            "{} document{} match the query but not the filters.",
            outcome.query_matches,
            if outcome.query_matches == 1 { "" } else { "s" }
        ));
    }

    let main = match state.open_doc() {
        Some(doc) => html! {
            <Reader engine={engine.clone()} {doc} compiled={outcome.compiled.clone()} hit={state.hit}
                {on_next} {on_prev} {on_close} />
        },
        None => html! {
            <>
                <div class="results-bar">
                    if let Some(fix) = outcome.did_you_mean.clone() {
                        <p id="did-you-mean" class="did-you-mean">{ "Did you mean " }
                            <button type="button" class="link" onclick={
                                let (on_pick, fix) = (on_pick.clone(), fix.clone());
                                move |_| on_pick.emit(fix.clone())
                            }>{ fix.trim_end().to_owned() }</button>{ "?" }</p>
                    }
                    <label class="sort">{ "Sort " }
                        <select id="sort" onchange={on_sort}>
                            { for Sort::ALL.iter().map(|s| html! {
                                <option value={s.key()} selected={*s == state.view.sort}>{ s.label() }</option>
                            }) }
                        </select>
                    </label>
                </div>
                <ResultList engine={engine.clone()} hits={outcome.hits.clone()} compiled={outcome.compiled.clone()}
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
                <div class="search-row">
                    <SearchBox value={state.view.query.clone()} suggestions={(*suggestions).clone()} {on_input} on_pick={on_pick.clone()} />
                    <Help examples={(*examples).clone()} on_pick={on_pick.clone()} />
                </div>
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

/// Milliseconds since the page started, with sub-millisecond precision where the browser gives it.
fn now() -> f64 {
    gloo::utils::window().performance().map_or(0.0, |p| p.now())
}

/// 0.0123 → "0.01", 0.31 → "0.31", 12.345 → "12.3", 345.6 → "346".
pub fn format_ms(ms: f64) -> String {
    if ms < 10.0 {
        format!("{ms:.2}")
    } else if ms < 100.0 {
        format!("{ms:.1}")
    } else {
        format!("{ms:.0}")
    }
}

fn dispatch_with<T: 'static>(dispatch: &UseReducerDispatcher<State>, f: impl Fn(T) -> Action + 'static) -> Callback<T> {
    let dispatch = dispatch.clone();
    Callback::from(move |v: T| dispatch.dispatch(f(v)))
}
