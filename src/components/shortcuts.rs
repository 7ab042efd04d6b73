//! The keyboard shortcuts dialog (opened with `?`).

use crate::hooks::focus_trap::trap;
use crate::hooks::use_key::focus_quietly;
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};
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

/// Properties of [`ShortcutsDialog`].
#[derive(Properties, PartialEq)]
pub struct ShortcutsProps {
    /// Whether the dialog is shown.
    pub open: bool,
    /// Called to close it (Escape, the close button, the backdrop).
    pub on_close: Callback<()>,
}

/// A modal dialog listing the shortcuts; focus goes into it and back where it was.
#[component]
pub fn ShortcutsDialog(props: &ShortcutsProps) -> Html {
    let dialog_ref = use_node_ref();
    let return_to = use_mut_ref(|| None::<Element>);
    {
        let dialog_ref = dialog_ref.clone();
        use_effect_with(props.open, move |open| {
            if *open {
                *return_to.borrow_mut() = gloo::utils::document().active_element();
                if let Some(d) = dialog_ref.cast::<HtmlElement>() {
                    let _ = d.focus();
                }
            } else if let Some(el) = return_to.borrow_mut().take() {
                match el.dyn_ref::<HtmlElement>() {
                    Some(h) if el.is_connected() && el != gloo::utils::body().into() => {
                        let _ = h.focus();
                    }
                    _ => {
                        if let Some(s) = gloo::utils::document().get_element_by_id("search") {
                            focus_quietly(&s);
                        }
                    }
                }
            }
        });
    }
    {
        let on_close = props.on_close.clone();
        use_effect_with(props.open, move |open| {
            let listener = open.then(|| {
                EventListener::new(&gloo::utils::document(), "keydown", move |e| {
                    if let Some(k) = e.dyn_ref::<KeyboardEvent>() {
                        if k.key() == "Escape" {
                            k.prevent_default();
                            on_close.emit(());
                        }
                    }
                })
            });
            move || drop(listener)
        });
    }
    if !props.open {
        return html! {};
    }
    let close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    html! {
        <>
            <div class="modal-backdrop" onclick={close.clone()}></div>
            <div id="shortcuts-dialog" ref={dialog_ref.clone()} class="modal shortcuts" role="dialog" aria-modal="true"
                aria-labelledby="shortcuts-title" tabindex="-1" onkeydown={trap(&dialog_ref)}>
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
