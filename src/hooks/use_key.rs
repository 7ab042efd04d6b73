//! Document-wide keys: shortcuts that stay out of the way of typing, and moving the focus.

use gloo::events::{EventListener, EventListenerOptions};
use std::cell::RefCell;
use std::rc::Rc;
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
            let text_input = tag == "input"
                && !matches!(
                    el.get_attribute("type").unwrap_or_default().to_ascii_lowercase().as_str(),
                    "checkbox" | "radio" | "button" | "submit" | "reset" | "range" | "color" | "file"
                );
            text_input || tag == "textarea" || tag == "select" || el.has_attribute("contenteditable")
        })
        .unwrap_or(false)
}

/// A cell holding the value of the latest render (`None` before the first), for a listener
/// attached once that must call the current callback.
#[hook]
pub fn use_latest<T: 'static>(value: T) -> Rc<RefCell<Option<T>>> {
    let cell = use_mut_ref(|| None::<T>);
    *cell.borrow_mut() = Some(value);
    cell
}

/// Calls `callback` with every key press on the page (typing included), so that it can look
/// at the target and call `prevent_default`. The listener is attached once; it calls the
/// callback of the latest render.
#[hook]
pub fn use_key_events(callback: Callback<KeyboardEvent>) {
    let latest = use_latest(callback);
    use_effect_with((), move |_| {
        // Not passive, so that the callback can prevent the default action (e.g. typing "/").
        let options = EventListenerOptions::enable_prevent_default();
        let listener = EventListener::new_with_options(&gloo::utils::document(), "keydown", options, move |event| {
            if let (Some(e), Some(callback)) = (event.dyn_ref::<KeyboardEvent>(), &*latest.borrow()) {
                callback.emit(e.clone());
            }
        });
        move || drop(listener)
    });
}

/// Calls `callback` with the key (`KeyboardEvent.key`) of every shortcut key press on the page.
#[hook]
pub fn use_shortcuts(callback: Callback<String>) {
    use_key_events(Callback::from(move |e: KeyboardEvent| {
        if !is_typing(&e) {
            callback.emit(e.key());
        }
    }));
}

/// Moves the focus to `el` without scrolling the page (`focus({ preventScroll: true })`);
/// an element that cannot take the focus gets `tabindex="-1"` first.
pub fn focus_quietly(el: &Element) {
    use web_sys::js_sys::{Function, Object, Reflect};
    let natively_focusable =
        matches!(el.tag_name().to_ascii_lowercase().as_str(), "a" | "button" | "input" | "select" | "textarea");
    if !natively_focusable && !el.has_attribute("tabindex") {
        let _ = el.set_attribute("tabindex", "-1");
    }
    let options = Object::new();
    let _ = Reflect::set(&options, &"preventScroll".into(), &true.into());
    if let Some(focus) = Reflect::get(el, &"focus".into()).ok().and_then(|f| f.dyn_into::<Function>().ok()) {
        let _ = focus.call1(el, &options);
    }
}

/// Focuses the first element matching `selector`; false when there is none.
pub fn focus_selector(selector: &str) -> bool {
    match gloo::utils::document().query_selector(selector).ok().flatten() {
        Some(el) => {
            focus_quietly(&el);
            true
        }
        None => false,
    }
}
