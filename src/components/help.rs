//! The search help: a popover listing the query forms, with examples from this corpus.

use crate::hooks::use_modal::{use_dialog, DialogHandle};
use crate::state::{Action, Dialog};
use yew::prelude::*;

const FORMS: &[(&str, &str)] = &[
    ("word word", "both words (AND)"),
    ("word OR word", "either word"),
    ("-word, NOT word", "without the word"),
    ("\"two words\"", "the exact phrase (within a paragraph); \"two wor*\" ends in a prefix"),
    ("word*", "words that begin so"),
    ("*ism, wom?n", "wildcards: * any letters, ? one letter, anywhere in a word"),
    ("( … )", "grouping: (stalin OR lenin) -putin"),
    ("title:word", "in titles only (also title:\"a phrase\")"),
    ("outlet: author: kind: person:", "metadata, e.g. outlet:rt, person:stalin"),
    ("year:2022, year:2021..2025", "a year or a range of years"),
];

/// The "?" button and the popover it opens (examples from this corpus run when clicked).
#[component]
pub fn Help() -> Html {
    let DialogHandle { app, open, close, modal } = use_dialog(Dialog::Help, false);
    let Some(app) = app else { return html! {} };
    let examples = &app.client.info.examples;
    let onclick =
        app.callback(move |_: MouseEvent| if open { Action::CloseDialog } else { Action::OpenDialog(Dialog::Help) });
    html! {
        <div class="help">
            <button id="help-toggle" type="button" class="help-toggle"
                aria-expanded={open.to_string()} aria-controls="help" aria-label="Search help"
                title="Search help" {onclick}>{ "?" }</button>
            <div id="help" ref={modal.panel} role="dialog" aria-label="Search help" class="help-panel"
                tabindex="-1" hidden={!open}>
                <div class="help-head">
                    <h2>{ "How to search" }</h2>
                    <button type="button" class="help-close" aria-label="Close help"
                        onclick={move |_| close.emit(())}>{ "×" }</button>
                </div>
                <table>
                    <tbody>
                        { for FORMS.iter().map(|(form, what)| html! {
                            <tr><td><code>{ *form }</code></td><td>{ *what }</td></tr>
                        }) }
                    </tbody>
                </table>
                <p class="help-note">{ "Case and accents do not matter; word endings are matched (restorations finds restoration); the last word matches as a prefix while you type; a word with no match finds close spellings. Operators are written in capitals. Anything that cannot be read is searched as plain words." }</p>
                if !examples.is_empty() {
                    <h3>{ "Try these (from this corpus)" }</h3>
                    <ul class="examples">
                        { for examples.iter().map(|ex| {
                            let q = ex.query.clone();
                            let onclick = app.callback(move |_: MouseEvent| Action::PickQuery(q.clone()));
                            html! {
                                <li><button type="button" class="example" {onclick}>{ ex.query.clone() }</button>
                                    { " " }<span class="example-explains">{ ex.explains.clone() }</span></li>
                            }
                        }) }
                    </ul>
                }
            </div>
        </div>
    }
}
