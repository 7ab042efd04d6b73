//! The keyboard shortcuts dialog (opened with `?`).

use crate::context::use_app;
use crate::hooks::use_modal::use_modal;
use crate::state::{Action, Dialog};
use yew::prelude::*;

/// Every shortcut: keys, what they do.
pub const SHORTCUTS: &[(&[&str], &str)] = &[
    (&["/"], "Focus the search box"),
    (&["Esc"], "In the search box: close the suggestions, or else clear the box. Elsewhere: close a dialog, the help or the filters drawer"),
    (&["↓", "↑"], "In the search box: move through the suggestions; with none shown, ↓ goes to the first result"),
    (&["↓", "↑"], "On a result title: the next or previous result"),
    (&["Enter"], "Take the suggestion; open the result or concordance line that has the focus"),
    (&["n", "p"], "In the reader: next or previous hit"),
    (&["?"], "Show this list"),
];

/// A modal dialog listing the shortcuts; focus goes into it and back where it was.
#[component]
pub fn ShortcutsDialog() -> Html {
    let app = use_app();
    let open = app.as_ref().is_some_and(|a| a.state.ui.dialog == Some(Dialog::Shortcuts));
    let on_close = app.as_ref().map(|a| a.callback(|_: ()| Action::CloseDialog)).unwrap_or_default();
    let modal = use_modal(open, true, on_close.clone());
    if !open {
        return html! {};
    }
    let close = Callback::from(move |_: MouseEvent| on_close.emit(()));
    html! {
        <>
            <div class="modal-backdrop" onclick={close.clone()}></div>
            <div id="shortcuts-dialog" ref={modal.panel} class="modal shortcuts" role="dialog" aria-modal="true"
                aria-labelledby="shortcuts-title" tabindex="-1" onkeydown={modal.onkeydown}>
                <div class="help-head">
                    <h2 id="shortcuts-title">{ "Keyboard shortcuts" }</h2>
                    <button type="button" class="help-close" aria-label="Close" onclick={close}>{ "×" }</button>
                </div>
                <table class="shortcut-table">
                    <thead><tr><th scope="col">{ "Keys" }</th><th scope="col">{ "What they do" }</th></tr></thead>
                    <tbody>
                        { for SHORTCUTS.iter().map(|(keys, what)| html! {
                            <tr>
                                <td>{ for keys.iter().enumerate().map(|(i, k)| html! {
                                    <>{ if i > 0 { " " } else { "" } }<kbd>{ *k }</kbd></>
                                }) }</td>
                                <td>{ *what }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                <p class="help-note">{ "Shortcuts of single keys work when the focus is not in a text field. Tab and Shift+Tab move between controls as usual." }</p>
            </div>
        </>
    }
}
