//! The corpus explorer's browser app: a thin Yew layer over `explorer-core`.
//!
//! [`state`] holds the one reducer, [`url`] mirrors its view in the address
//! bar, [`engine`] loads the embedded corpus, and [`components`] draw it.

pub mod components;
pub mod download;
pub mod engine;
pub mod hooks;
pub mod host;
pub mod offline;
pub mod state;
pub mod url;

use components::app::App;

/// Mounts the app into `#root`, replacing the loading message that index.html shows.
pub fn start() {
    offline::register();
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
