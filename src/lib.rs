//! The corpus explorer's browser app: a thin Yew layer over `explorer-core`.
//!
//! [`load`] starts the [`engine`] in a Web Worker, which downloads and indexes the corpus;
//! the page reaches it only through its client (requests and responses of
//! `explorer_core::api`); [`state`] holds the
//! one reducer and [`url`] mirrors its view in the address bar; [`components`] lay out and
//! render, [`hooks`] hold the page's behaviour, [`labels`] every word shown for a value.

pub mod components;
pub mod context;
pub mod download;
pub mod engine;
pub mod hooks;
pub mod host;
pub mod importer;
pub mod labels;
pub mod load;
pub mod offline;
pub mod state;
pub mod url;

use components::app::App;

/// Mounts the app into `#root`, replacing the loading message that index.html shows; or,
/// in the engine's Web Worker (which runs this same wasm), starts the engine.
pub fn start() {
    if engine::worker::in_worker() {
        return engine::worker::start();
    }
    // The engine starts loading before the interface is first drawn.
    load::begin();
    offer_open();
    let document = gloo::utils::document();
    match document.get_element_by_id("root") {
        Some(root) => {
            root.set_text_content(None);
            yew::Renderer::<App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}

/// Lets the file reader (a wasm of its own) open a corpus just added in this page: once it has
/// made the address `?corpus=ID` (a new history entry), it dispatches `corpus-explorer-open`
/// on `window`, and the engine loads that corpus ([`load::open_stored`]); `<html data-corpus>`
/// then names it (the reader goes to the address when it does not).
fn offer_open() {
    gloo::events::EventListener::new(&gloo::utils::window(), "corpus-explorer-open", |_| {
        if let Some(id) = load::corpus_of(&url::current_query_string()) {
            load::open_stored(&id);
        }
    })
    .forget();
}
