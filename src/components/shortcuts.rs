//! The keyboard shortcuts dialog (opened with `?`).

use crate::hooks::use_modal::{modal_frame, use_dialog};
use crate::state::Dialog;
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
    let dialog = use_dialog(Dialog::Shortcuts, true);
    if !dialog.open {
        return html! {};
    }
    let body = html! {
        <>
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
        </>
    };
    modal_frame(("shortcuts-dialog", "shortcuts-title"), "modal shortcuts", "Keyboard shortcuts", &dialog, body)
}
