//! The two layouts around the view shown: the full page, and the compact embed. Plain
//! functions of the explorer's context (no state of their own): only what has behaviour is a
//! component.

use crate::components::embed_dialog::EmbedDialog;
use crate::components::filters::{filters_drawer, filters_toggle};
use crate::components::header::{result_count, SearchRow};
use crate::components::notices::notices;
use crate::components::shortcuts::ShortcutsDialog;
use crate::components::tabs::tabs;
use crate::components::theme_switch::theme_switch;
use crate::context::AppContext;
use crate::labels::group_digits;
use crate::offline::reload_to_update;
use crate::state::{Action, Dialog};
use explorer_core::api::SearchPage;
use explorer_core::view_state::{Presentation, Theme};
use std::rc::Rc;

use yew::prelude::*;

/// The full explorer: header, filters, tabs, the view `main`, footer.
pub fn page(app: &AppContext, search: Option<&Rc<SearchPage>>, theme: Theme, main: Html) -> Html {
    let page = search.map(|s| &**s);
    let drawer = app.state.ui.drawer;
    html! {
        <div class="shell">
            <header class="top">
                { brand(app) }
                <SearchRow />
                { result_count(app, page) }
                { theme_switch(app, theme) }
            </header>
            { update_banner(app) }
            { notices(&app.state.notices, page) }
            <div class={classes!("layout", drawer.then_some("drawer-open"))}>
                { filters_drawer(app, search) }
                <div class="main-column">
                    { filters_toggle(app) }
                    <div class="tab-row">
                        { tabs(app) }
                        <EmbedDialog />
                    </div>
                    <main id="app" class="content">{ main }</main>
                </div>
            </div>
            { footer(app) }
            <ShortcutsDialog />
        </div>
    }
}

/// The compact layout of an iframe: the search box (unless hidden), the view `main`, and a
/// link to the full explorer.
pub fn embed(app: &AppContext, search: Option<&SearchPage>, main: Html) -> Html {
    let mut full = app.state.view.clone();
    full.presentation = Presentation::default();
    let path = gloo::utils::window().location().pathname().unwrap_or_default();
    let full_url = format!("{path}{}", full.to_query_string());
    html! {
        <div class="shell embed">
            if app.state.view.presentation.search_box {
                <header class="top embed-top">
                    <SearchRow />
                    { result_count(app, search) }
                </header>
            }
            { notices(&app.state.notices, search) }
            <main id="app" class="content">{ main }</main>
            <p class="embed-foot"><a id="open-full" href={full_url} target="_blank" rel="noopener">{ "Open the full explorer ↗" }</a></p>
            <ShortcutsDialog />
        </div>
    }
}

/// "Corpus Explorer" (a link that starts over) and the corpus title.
fn brand(app: &AppContext) -> Html {
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
            if let Some(title) = corpus_name(app) {
                <p id="corpus-title" class="corpus-title" title={info.description.clone().unwrap_or_default()}>{ title }</p>
            }
            { crate::importer::buttons(app) }
        </div>
    }
}

/// The name of the corpus shown: its title (for a corpus added in this browser, the name it
/// was given there), else the id of a corpus added here.
fn corpus_name(app: &AppContext) -> Option<String> {
    app.client.info.title.clone().or_else(crate::load::corpus_in_use)
}

/// "A new version is available — reload", while the service worker has a newer build waiting.
fn update_banner(app: &AppContext) -> Html {
    if !app.state.ui.update_available {
        return html! {};
    }
    html! {
        <div id="update-banner" class="update-banner" role="status">
            { "A new version is available — " }
            <button id="update-reload" type="button" onclick={|_: MouseEvent| reload_to_update()}>{ "reload" }</button>
        </div>
    }
}

/// The corpus's size and version, and the keyboard shortcuts.
fn footer(app: &AppContext) -> Html {
    let info = &app.client.info;
    html! {
        <footer class="foot">
            { format!("{} documents · {} words · corpus version {}",
                group_digits(info.documents.len()), group_digits(info.words), info.version) }
            { " · " }
            <button id="shortcuts-button" type="button" class="link foot-link" aria-keyshortcuts="?"
                onclick={app.callback(|_: MouseEvent| Action::OpenDialog(Dialog::Shortcuts))}>
                { "Keyboard shortcuts" }</button>
        </footer>
    }
}
