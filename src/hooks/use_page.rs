//! Page-wide behaviour: the document title, the shortcuts `/` and `?`, and the service
//! worker's news of a newer build.

use crate::hooks::use_key::{focus_quietly, is_typing, use_key_events};
use crate::offline;
use crate::state::{Action, Dialog, State};
use web_sys::KeyboardEvent;
use yew::prelude::*;

/// The page's title names the corpus when it has a title.
#[hook]
pub fn use_page_title(title: Option<String>) {
    use_effect_with(title, |title| {
        if let Some(t) = title {
            gloo::utils::document().set_title(&format!("{t} — Corpus Explorer"));
        }
    });
}

/// "/" focuses the search box, "?" lists the shortcuts (not while typing or in a dialog).
#[hook]
pub fn use_page_keys(state: &UseReducerHandle<State>) {
    let dispatch = state.dispatcher();
    let in_dialog = matches!(state.ui.dialog, Some(Dialog::Shortcuts | Dialog::Embed));
    use_key_events(Callback::from(move |e: KeyboardEvent| {
        // The file reader's dialogs (Add texts, Corpora) are not the state's: any modal counts.
        let modal = || gloo::utils::document().query_selector("[aria-modal=true]").ok().flatten().is_some();
        if is_typing(&e) || in_dialog || modal() {
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
                dispatch.dispatch(Action::OpenDialog(Dialog::Shortcuts));
            }
            _ => {}
        }
    }));
}

/// Tells the state when the service worker has a newer build waiting.
#[hook]
pub fn use_update_listener(state: &UseReducerHandle<State>) {
    let dispatch = state.dispatcher();
    use_effect_with((), move |_| offline::on_update(move || dispatch.dispatch(Action::UpdateAvailable)));
}
