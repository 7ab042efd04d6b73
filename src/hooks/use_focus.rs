//! The focus follows a change of view: the reader's heading after opening a document; back
//! from the reader, the result that was opened (or the search box); another tab, its heading.
//! Opening the filters drawer focuses its close button; closing it, the button that opened it.

use crate::hooks::use_key::focus_selector;
use explorer_core::view_state::View;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Where the focus goes once the view it belongs to is on the page.
#[derive(Debug, Clone, PartialEq)]
enum Target {
    /// An element.
    Selector(&'static str),
    /// The result of this document in the list, else the search box.
    Result(Option<String>),
}

impl Target {
    /// Focuses the target; false when it is not on the page yet.
    fn apply(&self) -> bool {
        match self {
            Target::Selector(s) => focus_selector(s),
            Target::Result(doc) => {
                let opened =
                    doc.as_ref().map(|id| format!("#results li[data-doc-id=\"{}\"] a.result-title", css_escape(id)));
                opened.is_some_and(|sel| focus_visibly(&sel)) || focus_selector("#search")
            }
        }
    }
}

thread_local! {
    /// The focus that waits for its view: the engine answers after the view changes, so the
    /// reader's heading or a view's title may come a render or two later.
    static PENDING: std::cell::RefCell<Option<Target>> = const { std::cell::RefCell::new(None) };
}

/// Moves the focus when the view or the open document changes (not on the first render).
#[hook]
pub fn use_focus_follow(view: View, doc: Option<String>) {
    let last = use_mut_ref(|| None::<(View, Option<String>)>);
    use_effect_with((view, doc), move |(view, doc)| {
        let previous = last.borrow_mut().replace((*view, doc.clone()));
        let Some((was, was_doc)) = previous else { return };
        let target = match view {
            View::Reader => Target::Selector("#reader-title"),
            View::Search if was == View::Reader => Target::Result(was_doc),
            _ => Target::Selector("#view-title"),
        };
        PENDING.with(|p| *p.borrow_mut() = Some(target));
    });
    use_pending_focus();
}

/// Gives the waiting focus (if any) to its element once it is on the page: used after every
/// render of each component that renders such an element.
#[hook]
pub fn use_pending_focus() {
    use_effect(|| {
        PENDING.with(|p| {
            let target = p.borrow().clone();
            if target.is_some_and(|t| t.apply()) {
                *p.borrow_mut() = None;
            }
        });
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
