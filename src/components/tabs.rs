//! The tabs above the main area: search, reader (when a document is open) and the analysis views.

use crate::context::use_app;
use crate::labels;
use crate::state::Action;
use explorer_core::view_state::View;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// The tab bar (a row of buttons; the current one is marked `aria-current`). On a narrow
/// screen it is one row that scrolls sideways; the current tab is kept in view.
#[component]
pub fn Tabs() -> Html {
    let nav = use_node_ref();
    let app = use_app();
    let (current, has_doc) = app.as_ref().map_or((View::Search, false), |a| (a.state.view.view, a.state.view.doc.is_some()));
    {
        let nav = nav.clone();
        use_effect_with((current, has_doc), move |_| {
            // Only the row scrolls (never the page), and only when it overflows.
            let Some(row) = nav.cast::<HtmlElement>() else { return };
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
    let Some(app) = app else { return html! {} };
    html! {
        <nav class="tabs" aria-label="Views" ref={nav}>
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
