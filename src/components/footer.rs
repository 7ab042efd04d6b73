//! The footer: the corpus's size and version, and the keyboard shortcuts.

use crate::context::use_app;
use crate::labels::group_digits;
use crate::state::{Action, Dialog};
use yew::prelude::*;

/// The footer line.
#[component]
pub fn Footer() -> Html {
    let Some(app) = use_app() else { return html! {} };
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
