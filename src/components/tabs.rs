//! The tabs above the main area: search, reader (when a document is open) and the analysis views.

use crate::context::AppContext;
use crate::labels;
use crate::state::Action;
use explorer_core::view_state::View;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// The tab bar (a row of buttons; the current one is marked `aria-current`). On a narrow
/// screen it is one row that scrolls sideways ([`use_current_tab_in_view`]).
pub fn tabs(app: &AppContext) -> Html {
    let (current, has_doc) = (app.state.view.view, app.state.view.doc.is_some());
    html! {
        <nav id="tabs" class="tabs" aria-label="Views">
            { for View::ALL.into_iter().filter(|v| *v != View::Reader || has_doc).map(|v| {
                let onclick = app.callback(move |_: MouseEvent| Action::SetView(v));
                let current = v == current;
                html! {
                    <button type="button" id={format!("tab-{}", v.key())} class={classes!("tab", current.then_some("current"))}
                        aria-current={current.then_some("page")} {onclick}>{ labels::view(v) }</button>
                }
            }) }
        </nav>
    }
}

/// Keeps the current tab in view when the row of tabs overflows (only the row scrolls,
/// never the page).
#[hook]
pub fn use_current_tab_in_view(current: View, has_doc: bool) {
    use_effect_with((current, has_doc), move |_| {
        let row = gloo::utils::document().get_element_by_id("tabs").and_then(|r| r.dyn_into::<HtmlElement>().ok());
        let Some(row) = row else { return };
        if row.scroll_width() <= row.client_width() {
            return;
        }
        let tab = row.query_selector(".tab.current").ok().flatten().and_then(|t| t.dyn_into::<HtmlElement>().ok());
        if let Some(tab) = tab {
            let centre = tab.offset_left() - row.offset_left() + tab.offset_width() / 2;
            row.set_scroll_left(centre - row.client_width() / 2);
        }
    });
}
