//! The analysis views, one file each, and what they share.

pub mod collocates;
pub mod concordance;
pub mod distribution;
pub mod keyness;
pub mod terms;
pub mod trends;
pub mod words;

use crate::context::{use_app, AppContext};
use crate::hooks::use_engine::use_view;
use explorer_core::api::{ViewData, ViewRequest};
use std::rc::Rc;
use yew::prelude::*;

/// What every analysis view is given: what it is to show.
#[derive(Properties, PartialEq, Clone)]
pub struct ViewProps {
    /// The view, the query once typing rests, the filters and the settings.
    pub request: ViewRequest,
}

/// The explorer's context and what the engine says the view shows (none while it works).
#[hook]
pub fn use_view_data(request: &ViewRequest) -> Option<(AppContext, Rc<ViewData>)> {
    let app = use_app();
    let data = use_view(app.as_ref().map(|a| &a.client), request.clone());
    app.zip(data)
}

/// The value of the `<select>` or `<input>` an event came from.
pub fn field_value(e: &Event) -> String {
    use wasm_bindgen::JsCast;
    let target = e.target();
    if let Some(s) = target.as_ref().and_then(|t| t.dyn_ref::<web_sys::HtmlSelectElement>()) {
        return s.value();
    }
    target.and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).map(|i| i.value()).unwrap_or_default()
}

/// Whether the `<input type=checkbox>` an event came from is ticked.
pub fn field_checked(e: &Event) -> bool {
    use wasm_bindgen::JsCast;
    e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).is_some_and(|i| i.checked())
}

/// The message shown by a query-based view when there is no query.
pub fn needs_query(what: &str) -> Html {
    html! {
        <p class="empty-view">{ format!("Type a word, a \"phrase\" or a prefix* in the search box to see its {what}.") }</p>
    }
}
