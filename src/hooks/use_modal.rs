//! One behaviour for every dialog (help, shortcuts, embed): opening moves the focus into it,
//! Escape (from anywhere) closes it, Tab stays inside a modal one, and closing returns the
//! focus where it was (or to the search box when that is gone).

use crate::hooks::focus_trap::keep_tab_inside;
use crate::hooks::use_key::{focus_quietly, use_latest};
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
