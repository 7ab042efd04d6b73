//! The root component: loads the corpus, owns the state, mirrors it in the URL, lays out the page.

use crate::components::embed_dialog::EmbedDialog;
use crate::components::facet_panel::FacetPanel;
use crate::components::help::Help;
use crate::components::live_count::LiveCount;
use crate::components::notices::Notices;
use crate::components::reader::Reader;
use crate::components::result_list::{group_digits, ResultList};
use crate::components::search_box::SearchBox;
use crate::components::shortcuts::ShortcutsDialog;
use crate::components::tabs::Tabs;
use crate::components::theme_switch::{apply_theme, store_theme, stored_theme, ThemeSwitch};
use crate::components::views::collocates::CollocatesView;
use crate::components::views::concordance::ConcordanceView;
use crate::components::views::distribution::DistributionView;
use crate::components::views::keyness::KeynessView;
use crate::components::views::trends::TrendsView;
use crate::components::views::words::WordsView;
use crate::components::views::ViewProps;
use crate::engine::{self, EngineRef, Loading};
use crate::hooks::focus_trap::keep_tab_inside;
use crate::hooks::use_key::{focus_quietly, focus_selector, is_typing, use_key_events};
use crate::hooks::use_settled::use_settled;
use crate::host;
use crate::state::{Action, State};
use crate::url;
use explorer_core::analysis::allowed_docs;
use explorer_core::embed::{Command, Outgoing};
use explorer_core::examples::examples;
use explorer_core::facets::Facet;
use explorer_core::search::{search, Sort};
use explorer_core::suggest::completions;
use explorer_core::view_state::{Theme, View, ViewState};
use gloo::events::EventListener;
use std::rc::Rc;
use web_sys::{HtmlElement, HtmlSelectElement, KeyboardEvent};
use yew::prelude::*;

/// Loads the corpus once (with a progress bar), then shows the explorer, or why the corpus
/// could not be loaded.
#[component]
pub fn App() -> Html {
    let loading = use_state(|| Loading::Fetching { loaded: 0.0, total: None });
    {
        let loading = loading.clone();
        use_effect_with((), move |_| engine::load(move |step| loading.set(step)));
    }
    match &*loading {
        Loading::Ready(engine) => html! { <Explorer engine={engine.clone()} /> },
        Loading::Failed(message) => html! {
            <main id="app" class="load-error">
                <h1>{ "Corpus Explorer" }</h1>
                <p role="alert">{ message.clone() }</p>
            </main>
        },
        step => {
            let percent = (step.fraction() * 100.0).round().clamp(0.0, 100.0) as u32;
            let label = match step {
                Loading::Fetching { loaded, .. } => format!("Downloading the corpus… {:.1} MB", loaded / 1e6),
                Loading::Indexing { done, total } => format!("Indexing {done} of {total} documents…"),
                _ => String::new(),
            };
            html! {
                <main id="app" class="loading" aria-busy="true">
                    <h1>{ "Corpus Explorer" }</h1>
                    <label for="load-progress">{ label }</label>
                    <progress id="load-progress" max="100" value={percent.to_string()}>{ format!("{percent}%") }</progress>
                </main>
            }
        }
    }
}

/// Properties of [`Explorer`].
#[derive(Properties, PartialEq)]
pub struct ExplorerProps {
    /// The loaded corpus.
    pub engine: EngineRef,
}

/// The explorer page: header with the search box, facets, tabs, and the view shown.
#[component]
pub fn Explorer(props: &ExplorerProps) -> Html {
    let state = {
        let engine = props.engine.clone();
        use_reducer(move || State::from_url(engine, &url::current_query_string()))
    };
    let presentation = state.view.presentation.clone();

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
    use_effect_with(state.notices.clone(), |notices| {
        for n in notices {
            gloo::console::warn!(n.clone());
        }
    });
    // The page's title names the corpus when it has a title.
    use_effect_with(props.engine.corpus.meta.title.clone(), |title| {
        if let Some(t) = title {
            gloo::utils::document().set_title(&format!("{t} — Corpus Explorer"));
        }
    });
    // The theme goes on the root element (CSS follows the system for auto): the one the URL
    // asks for (embeds), else the one chosen with the switch and remembered; using the switch
    // on a page whose URL names a theme overrides the URL from then on.
    let stored = use_state(stored_theme);
    let switched_here = use_state(|| false);
    let theme = if presentation.theme != Theme::Auto && !*switched_here { presentation.theme } else { *stored };
    use_effect_with(theme, |theme| apply_theme(*theme));
    let on_theme = {
        let (stored, switched_here) = (stored.clone(), switched_here.clone());
        Callback::from(move |t: Theme| {
            store_theme(t);
            stored.set(t);
            switched_here.set(true);
        })
    };

    // Page-wide keys: "/" focuses the search box, "?" lists the shortcuts.
    let shortcuts_open = use_state(|| false);
    {
        let shortcuts_open = shortcuts_open.clone();
        use_key_events(Callback::from(move |e: KeyboardEvent| {
            if is_typing(&e) || *shortcuts_open || modal_open() {
                return;
            }
            match e.key().as_str() {
                "/" => {
                    if let Some(search) = gloo::utils::document().get_element_by_id("search") {
                        e.prevent_default();
                        focus_quietly(&search);
                    }
                }
                "?" => {
                    e.prevent_default();
                    shortcuts_open.set(true);
                }
                _ => {}
            }
        }));
    }

    // Focus follows a change of view: the reader's heading after opening a document; back
    // from the reader, the result that was opened (or the search box); another tab, its heading.
    {
        let last = use_mut_ref(|| None::<(View, Option<String>)>);
        use_effect_with((state.view.view, state.view.doc.clone()), move |(view, doc)| {
            let previous = last.borrow_mut().replace((*view, doc.clone()));
            let Some((was, was_doc)) = previous else { return };
            match view {
                View::Reader => {
                    focus_selector("#reader-title");
                }
                View::Search if was == View::Reader => {
                    let opened =
                        was_doc.map(|id| format!("#results li[data-doc-id=\"{}\"] a.result-title", css_escape(&id)));
                    if !opened.is_some_and(|sel| focus_visibly(&sel)) {
                        focus_selector("#search");
                    }
                }
                _ => {
                    focus_selector("#view-title");
                }
            }
        });
    }

    // The filters drawer of narrow screens.
    let drawer = use_state(|| false);
    let drawer_toggle_ref = use_node_ref();
    {
        let toggle_ref = drawer_toggle_ref.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(*drawer, move |open| {
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            if *open {
                focus_selector("#drawer-close");
            } else if let Some(b) = toggle_ref.cast::<HtmlElement>() {
                let _ = b.focus();
            }
        });
    }
    // Commands from the host page, when embedded and its origin is allowed.
    {
        let dispatch = state.dispatcher();
        use_effect_with(presentation.origins.clone(), move |origins| {
            let listener = (!origins.is_empty()).then(|| {
                host::listen(origins.clone(), move |command| {
                    dispatch.dispatch(match command {
                        Command::SetQuery(q) => Action::PickQuery(q),
                        Command::SetFilters(f) => Action::SetFilters(f),
                        Command::OpenDocument(id) => Action::OpenDoc(id),
                    })
                })
            });
            move || drop(listener)
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
    let allowed = {
        let engine = engine.clone();
        use_memo(state.view.filters.clone(), move |f| Rc::new(allowed_docs(&engine, f)))
    };
    // The analysis views follow the query once typing pauses (a newer keystroke supersedes
    // the work an older one would start); the results list follows every keystroke.
    let settled_query = use_settled(state.view.query.clone(), 180);
    // The search and the documents it matches (ascending), once per settled query and filters.
    let settled = {
        let engine = engine.clone();
        use_memo((settled_query.clone(), state.view.filters.clone()), move |(q, f)| {
            let outcome = search(&engine, q, f, Sort::Relevance);
            let mut docs: Vec<usize> = outcome.hits.iter().map(|h| h.doc).collect();
            docs.sort_unstable();
            (outcome, Rc::new(docs))
        })
    };
    let (settled_outcome, settled_matching) = (&settled.0, &settled.1);

    // Tell the host page what happens (when embedded in a frame).
    {
        let origins = presentation.origins.clone();
        let message = Outgoing::Ready {
            view: state.view.view.key().to_owned(),
            query: state.view.query.clone(),
            results: outcome.hits.len(),
            documents: engine.corpus.documents.len(),
        };
        use_effect_with((), move |_| host::send(&message, &origins));
    }
    {
        let origins = presentation.origins.clone();
        let message = Outgoing::Query { query: state.view.query.clone(), results: outcome.hits.len() };
        let first = use_mut_ref(|| true);
        use_effect_with((state.view.query.clone(), state.view.filters.clone()), move |_| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                host::send(&message, &origins);
            }
        });
    }
    {
        let origins = presentation.origins.clone();
        let doc = state.reader_doc().map(|d| &engine.corpus.documents[d]);
        let message = doc.map(|d| Outgoing::Document { id: d.id.clone(), title: d.title.clone() });
        use_effect_with(state.reader_doc(), move |_| {
            if let Some(m) = message {
                host::send(&m, &origins);
            }
        });
    }
    {
        // After every render: report the content's height when it changed (embed.js sizes the iframe).
        let origins = presentation.origins.clone();
        let last = use_mut_ref(|| 0u32);
        let embedded = presentation.embed;
        use_effect(move || {
            if embedded {
                let height = gloo::utils::document().document_element().map_or(0, |e| e.scroll_height().max(0) as u32);
                if height != *last.borrow() {
                    *last.borrow_mut() = height;
                    host::send(&Outgoing::Resize { height }, &origins);
                }
            }
        });
    }

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
    let close_shortcuts = {
        let shortcuts_open = shortcuts_open.clone();
        Callback::from(move |_: ()| shortcuts_open.set(false))
    };
    let on_open = dispatch_with(&dispatch, Action::OpenDoc);
    let on_close = dispatch_with(&dispatch, |_: ()| Action::CloseDoc);
    let on_next = dispatch_with(&dispatch, Action::NextHit);
    let on_prev = dispatch_with(&dispatch, Action::PrevHit);
    let on_view = dispatch_with(&dispatch, Action::SetView);
    let on_settings = dispatch_with(&dispatch, Action::SetAnalysis);
    let on_open_hit = dispatch_with(&dispatch, |(id, hit): (String, usize)| Action::OpenHit(id, hit));

    let total = engine.corpus.documents.len();
    let drawer_open = *drawer;
    let filter_count = state.view.filters.pairs().count();
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
    let announce = count_text.clone();
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

    let view_props = ViewProps {
        engine: engine.clone(),
        query: settled_query.clone().into(),
        compiled: settled_outcome.compiled.clone(),
        docs: (*allowed).clone(),
        matching: settled_matching.clone(),
        filters: state.view.filters.clone(),
        analysis: state.view.analysis.clone(),
        on_settings,
        on_open_hit,
    };
    let results = html! {
        <>
            <div class="results-bar">
                <h2 id="view-title" class="results-title" tabindex="-1">{ "Results" }</h2>
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
            if total == 0 {
                <p class="empty-results" id="empty-corpus">
                    { "This corpus has no documents yet. Put text files in the corpus folder and rebuild the explorer (README: Your own corpus)." }
                </p>
            } else if shown == 0 {
                <p class="empty-results">
                    { "Nothing found. Try fewer or shorter words" }
                    { if state.view.filters.is_empty() { "." } else { ", or clear the filters." } }
                    if !state.view.filters.is_empty() {
                        { " " }
                        <button id="empty-clear-filters" type="button" onclick={
                            let on_clear = on_clear.clone();
                            move |_| on_clear.emit(())
                        }>{ "Clear filters" }</button>
                    }
                </p>
            }
        </>
    };
    let main = match (state.view.view, state.reader_doc()) {
        (View::Reader, Some(doc)) => html! {
            <Reader engine={engine.clone()} {doc} compiled={outcome.compiled.clone()} hit={state.hit}
                {on_next} {on_prev} {on_close} />
        },
        (View::Concordance, _) => html! { <ConcordanceView ..view_props.clone() /> },
        (View::Words, _) => html! { <WordsView ..view_props.clone() /> },
        (View::Keyness, _) => {
            let open_doc: Option<AttrValue> = state.view.doc.clone().map(Into::into);
            html! { <KeynessView view={view_props.clone()} {open_doc} /> }
        }
        (View::Collocates, _) => html! { <CollocatesView ..view_props.clone() /> },
        (View::Distribution, _) => html! { <DistributionView ..view_props.clone() /> },
        (View::Trends, _) => html! { <TrendsView ..view_props.clone() /> },
        _ => results,
    };
    let search_row = html! {
        <div class="search-row">
            <SearchBox value={state.view.query.clone()} suggestions={(*suggestions).clone()} {on_input} on_pick={on_pick.clone()} />
            <Help examples={(*examples).clone()} on_pick={on_pick.clone()} />
        </div>
    };

    if presentation.embed {
        let mut full = state.view.clone();
        full.presentation = Default::default();
        let full_url =
            format!("{}{}", gloo::utils::window().location().pathname().unwrap_or_default(), full.to_query_string());
        return html! {
            <div class="shell embed">
                if presentation.search_box {
                    <header class="top embed-top">
                        { search_row }
                        <p id="result-count" class="result-count">{ count_text }</p>
                        <LiveCount text={announce.clone()} />
                    </header>
                }
                <Notices {messages} />
                <main id="app" class="content">{ main }</main>
                <p class="embed-foot"><a id="open-full" href={full_url} target="_blank" rel="noopener">{ "Open the full explorer ↗" }</a></p>
                <ShortcutsDialog open={*shortcuts_open} on_close={close_shortcuts} />
            </div>
        };
    }

    html! {
        <div class="shell">
            <header class="top">
                <div class="brand">
                    <h1><a href="?" onclick={
                        let dispatch = dispatch.clone();
                        move |e: MouseEvent| { e.prevent_default(); dispatch.dispatch(Action::Reset); }
                    }>{ "Corpus Explorer" }</a></h1>
                    if let Some(title) = engine.corpus.meta.title.clone() {
                        <p id="corpus-title" class="corpus-title" title={engine.corpus.meta.description.clone().unwrap_or_default()}>{ title }</p>
                    }
                </div>
                { search_row }
                <p id="result-count" class="result-count">{ count_text }</p>
                <LiveCount text={announce.clone()} />
                <ThemeSwitch current={theme} on_change={on_theme} />
            </header>
            <crate::offline::UpdateBanner />
            <Notices {messages} />
            <div class={classes!("layout", drawer_open.then_some("drawer-open"))}>
                <aside id="sidebar" class={classes!("sidebar", drawer_open.then_some("open"))} aria-label="Filters"
                    onkeydown={
                        let drawer = drawer.clone();
                        move |e: KeyboardEvent| {
                            if !*drawer {
                                return;
                            }
                            if e.key() == "Escape" {
                                e.prevent_default();
                                drawer.set(false);
                            } else if let Some(sidebar) = gloo::utils::document().get_element_by_id("sidebar") {
                                keep_tab_inside(&sidebar, &e);
                            }
                        }
                    }>
                    <div class="drawer-head">
                        <button id="drawer-close" type="button" class="drawer-close" aria-label="Close filters"
                            onclick={let drawer = drawer.clone(); move |_| drawer.set(false)}>{ "×" }</button>
                    </div>
                    <FacetPanel counts={outcome.facets.clone()} filters={state.view.filters.clone()} {on_toggle} {on_clear} />
                </aside>
                if drawer_open {
                    <div class="drawer-backdrop" onclick={let drawer = drawer.clone(); move |_| drawer.set(false)}></div>
                }
                <div class="main-column">
                    <button id="filters-toggle" ref={drawer_toggle_ref} type="button" class="filters-toggle"
                        aria-expanded={drawer_open.to_string()} aria-controls="sidebar"
                        onclick={let drawer = drawer.clone(); move |_| drawer.set(!*drawer)}>
                        { "Filters" }
                        if filter_count > 0 { { format!(" ({filter_count})") } }
                    </button>
                    <div class="tab-row">
                        <Tabs current={state.view.view} has_doc={state.open_doc().is_some()} on_select={on_view} />
                        <EmbedDialog view={embed_view(&state.view)} />
                    </div>
                    <main id="app" class="content">{ main }</main>
                </div>
            </div>
            <footer class="foot">
                { format!("{} documents · {} words · corpus version {}",
                    group_digits(total),
                    group_digits(engine.corpus.documents.iter().map(|d| d.word_count).sum()),
                    engine.corpus.version) }
                { " · " }
                <button id="shortcuts-button" type="button" class="link foot-link" aria-keyshortcuts="?"
                    onclick={let shortcuts_open = shortcuts_open.clone(); move |_| shortcuts_open.set(true)}>
                    { "Keyboard shortcuts" }</button>
            </footer>
            <ShortcutsDialog open={*shortcuts_open} on_close={close_shortcuts} />
        </div>
    }
}

/// The view an embed of the current page shows (the reader only when it is the tab shown).
fn embed_view(view: &ViewState) -> ViewState {
    let mut v = view.clone();
    if v.view != View::Reader {
        v.doc = None;
    }
    v
}

/// True while a modal dialog (the embed dialog) is open: page-wide keys then do nothing.
fn modal_open() -> bool {
    gloo::utils::document().query_selector("[aria-modal=\"true\"]").ok().flatten().is_some()
}

/// Focuses an element with scrolling it into view; false when there is none.
fn focus_visibly(selector: &str) -> bool {
    use wasm_bindgen::JsCast;
    let el = gloo::utils::document().query_selector(selector).ok().flatten();
    match el.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        Some(e) => e.focus().is_ok(),
        None => false,
    }
}

/// Escapes a value for a CSS attribute selector in double quotes.
fn css_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
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
