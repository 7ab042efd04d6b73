//! The address bar: reading the view from it and writing the view to it.

use crate::state::HistoryWrite;
use explorer_core::view_state::ViewState;
use wasm_bindgen::JsValue;

/// The current URL's query string (`?…`, or empty).
pub fn current_query_string() -> String {
    gloo::utils::window().location().search().unwrap_or_default()
}

/// Writes `view` to the address bar as a new history entry or over the current one.
/// Does nothing when the URL already shows this view.
pub fn write(view: &ViewState, how: HistoryWrite) {
    if how == HistoryWrite::None {
        return;
    }
    let qs = view.to_query_string();
    if qs == current_query_string() {
        return;
    }
    let location = gloo::utils::window().location();
    let path = location.pathname().unwrap_or_else(|_| "/".into());
    let url = format!("{path}{qs}");
    let history = gloo::utils::history();
    let result = match how {
        HistoryWrite::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
        _ => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
    };
    if let Err(e) = result {
        gloo::console::warn!("could not update the address bar:", e);
    }
}
