//! Keeps the keyboard focus inside a modal dialog or the open filters drawer.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};

/// The elements Tab can reach.
const FOCUSABLE: &str = "a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), \
                         textarea:not([disabled]), [tabindex]:not([tabindex=\"-1\"])";

/// Handles Tab and Shift+Tab pressed inside `container` so that the focus cycles through its
/// controls and never leaves it: Tab on the last control goes to the first, Shift+Tab on the
/// first (or on the container itself) to the last. Other keys are left alone. Call it from the
/// container's `keydown` handler while it is modal.
pub fn keep_tab_inside(container: &Element, e: &KeyboardEvent) {
    if e.key() != "Tab" || e.ctrl_key() || e.alt_key() || e.meta_key() {
        return;
    }
    let Ok(list) = container.query_selector_all(FOCUSABLE) else { return };
    // Hidden controls (display: none, or inside a closed part) have no offset parent.
    let controls: Vec<HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .filter(|el| el.offset_parent().is_some())
        .collect();
    let (Some(first), Some(last)) = (controls.first(), controls.last()) else {
        e.prevent_default();
        return;
    };
    let active = gloo::utils::document().active_element();
    let is_active = |el: &Element| active.as_ref() == Some(el);
    if e.shift_key() && (is_active(first) || is_active(container)) {
        e.prevent_default();
        let _ = last.focus();
    } else if !e.shift_key() && is_active(last) {
        e.prevent_default();
        let _ = first.focus();
    }
}
