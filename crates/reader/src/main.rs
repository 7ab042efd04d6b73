//! The explorer's file reader: the build's readers (`explorer_preprocess::import`) and the
//! dialogs for adding texts and managing the corpora kept in the browser. It is a wasm of
//! its own, fetched only when a person first opens "Add texts" or "Corpora" or drops files on
//! the page, so that none of it is part of the explorer's first load.
//!
//! The same wasm runs twice: in the page (`static/reader-page.js` loads it), where it shows
//! the dialogs ([`page`], [`ui`]), and in a Web Worker (`static/reader-worker.js`), where it
//! reads the files and indexes the documents ([`worker`]) while the page stays responsive.
//! Nothing a person adds is sent anywhere.

#[cfg(target_arch = "wasm32")]
mod beside;
#[cfg(target_arch = "wasm32")]
mod import;
#[cfg(target_arch = "wasm32")]
mod page;
#[cfg(target_arch = "wasm32")]
mod store;
// Pure Rust: tested natively.
#[cfg(any(target_arch = "wasm32", test))]
mod texts;
#[cfg(target_arch = "wasm32")]
mod ui;
#[cfg(target_arch = "wasm32")]
mod worker;

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        if corpus_explorer::engine::worker::in_worker() {
            worker::start();
        } else {
            page::start();
        }
    }
}
