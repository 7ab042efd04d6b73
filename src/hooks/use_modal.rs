//! One behaviour for every dialog (help, shortcuts, embed): opening moves the focus into it,
//! Escape (from anywhere) closes it, Tab stays inside a modal one, and closing returns the
//! focus where it was (or to the search box when that is gone).

use crate::context::{use_app, AppContext};
use crate::hooks::focus_trap::keep_tab_inside;
use crate::hooks::use_key::{focus_quietly, use_latest};
use crate::state::{Action, Dialog};
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};
use yew::prelude::*;

/// What a dialog's markup needs: the reference of its panel and its `keydown` handler.
pub struct Modal {
    /// Put on the dialog's panel (`ref={modal.panel.clone()}`, with `tabindex="-1"`).
    pub panel: NodeRef,
    /// The panel's `onkeydown`: keeps Tab inside when the dialog is modal.
    pub onkeydown: Callback<KeyboardEvent>,
}

/// One of the page's dialogs, as its component needs it.
pub struct DialogHandle {
    /// The explorer's context (none outside the explorer).
    pub app: Option<AppContext>,
    /// Whether the dialog is open.
    pub open: bool,
    /// Closes it.
    pub close: Callback<()>,
    /// Its panel's reference and key handler.
    pub modal: Modal,
}

/// The state of `dialog` (open or not, in the reducer) with its focus and Escape handling;
/// `modal`: Tab stays inside while it is open.
#[hook]
pub fn use_dialog(dialog: Dialog, modal: bool) -> DialogHandle {
    let app = use_app();
    let open = app.as_ref().is_some_and(|a| a.state.ui.dialog == Some(dialog));
    let close = app.as_ref().map(|a| a.callback(|_: ()| Action::CloseDialog)).unwrap_or_default();
    let modal = use_modal(open, modal, close.clone());
    DialogHandle { app, open, close, modal }
}

/// A modal dialog's frame: the backdrop, the panel (`id`, with `class`), its heading
/// (`title`, with the id `title_id`) and close button, then `body`.
pub fn modal_frame(
    ids: (&'static str, &'static str),
    class: &'static str,
    title: &str,
    d: &DialogHandle,
    body: Html,
) -> Html {
    let (id, title_id) = ids;
    let close = d.close.clone();
    let on_close = Callback::from(move |_: MouseEvent| close.emit(()));
    html! {
        <>
            <div class="modal-backdrop" onclick={on_close.clone()}></div>
            <div {id} ref={d.modal.panel.clone()} {class} role="dialog" aria-modal="true"
                aria-labelledby={title_id} tabindex="-1" onkeydown={d.modal.onkeydown.clone()}>
                <div class="help-head">
                    <h2 id={title_id}>{ title.to_owned() }</h2>
                    <button type="button" class="help-close" aria-label="Close" onclick={on_close}>{ "×" }</button>
                </div>
                { body }
            </div>
        </>
    }
}

/// The focus and Escape handling of a dialog shown while `open`; `on_close` is called by Escape.
#[hook]
pub fn use_modal(open: bool, modal: bool, on_close: Callback<()>) -> Modal {
    let panel = use_node_ref();
    let return_to = use_mut_ref(|| None::<Element>);
    {
        let panel = panel.clone();
        use_effect_with(open, move |open| {
            if *open {
                *return_to.borrow_mut() = gloo::utils::document().active_element();
                if let Some(p) = panel.cast::<HtmlElement>() {
                    let _ = p.focus();
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
    let on_close = use_latest(on_close);
    use_effect_with(open, move |open| {
        let listener = open.then(|| {
            EventListener::new(&gloo::utils::document(), "keydown", move |e| {
                if let Some(k) = e.dyn_ref::<KeyboardEvent>() {
                    if k.key() == "Escape" {
                        k.prevent_default();
                        if let Some(close) = &*on_close.borrow() {
                            close.emit(());
                        }
                    }
                }
            })
        });
        move || drop(listener)
    });
    let onkeydown = {
        let panel = panel.clone();
        Callback::from(move |e: KeyboardEvent| {
            if let (true, Some(el)) = (modal, panel.cast::<Element>()) {
                keep_tab_inside(&el, &e);
            }
        })
    };
    Modal { panel, onkeydown }
}
