//! A document-wide keyboard shortcut that stays out of the way of typing.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

/// True when a key press belongs to a text field (or comes with a modifier), not to a shortcut.
pub fn is_typing(e: &KeyboardEvent) -> bool {
    if e.ctrl_key() || e.meta_key() || e.alt_key() {
        return true;
    }
    e.target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .map(|el| {
            let tag = el.tag_name().to_ascii_lowercase();
            tag == "input" || tag == "textarea" || tag == "select" || el.has_attribute("contenteditable")
        })
        .unwrap_or(false)
}

/// Calls `callback` with the key (`KeyboardEvent.key`) of every shortcut key press on the page.
#[hook]
pub fn use_shortcuts(callback: Callback<String>) {
    use_effect_with(callback, |callback| {
        let callback = callback.clone();
        let listener = EventListener::new(&gloo::utils::document(), "keydown", move |event| {
            let Some(e) = event.dyn_ref::<KeyboardEvent>() else { return };
            if !is_typing(e) {
                callback.emit(e.key());
            }
        });
        move || drop(listener)
    });
}
