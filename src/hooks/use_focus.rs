//! The focus follows a change of view: the reader's heading after opening a document; back
//! from the reader, the result that was opened (or the search box); another tab, its heading.
//! Opening the filters drawer focuses its close button; closing it, the button that opened it.

use crate::hooks::use_key::focus_selector;
use explorer_core::view_state::View;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Moves the focus when the view or the open document changes (not on the first render).
#[hook]
pub fn use_focus_follow(view: View, doc: Option<String>) {
    let last = use_mut_ref(|| None::<(View, Option<String>)>);
    use_effect_with((view, doc), move |(view, doc)| {
        let previous = last.borrow_mut().replace((*view, doc.clone()));
        let Some((was, was_doc)) = previous else { return };
        match view {
            View::Reader => {
                focus_selector("#reader-title");
            }
            View::Search if was == View::Reader => {
                let opened =
                    was_doc.map(|id| format!("#results li[data-doc-id=\"{}\"] a.result-title", css_escape(&id)));
                if !opened.is_some_and(|sel| focus_visibly(&sel)) {
                    focus_selector("#search");
                }
            }
            _ => {
                focus_selector("#view-title");
            }
        }
    });
}

/// Moves the focus into the drawer when it opens and back to its toggle when it closes.
#[hook]
pub fn use_drawer_focus(open: bool) {
    let first = use_mut_ref(|| true);
    use_effect_with(open, move |open| {
        if std::mem::replace(&mut *first.borrow_mut(), false) {
            return;
        }
        if *open {
            focus_selector("#drawer-close");
        } else {
            focus_selector("#filters-toggle");
        }
    });
}

/// Focuses an element with scrolling it into view; false when there is none.
fn focus_visibly(selector: &str) -> bool {
    let el = gloo::utils::document().query_selector(selector).ok().flatten();
    match el.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        Some(e) => e.focus().is_ok(),
        None => false,
    }
}

/// Escapes a value for a CSS attribute selector in double quotes.
fn css_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}
