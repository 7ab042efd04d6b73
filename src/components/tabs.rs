//! The tabs above the main area: search, reader (when a document is open) and the analysis views.

use explorer_core::view_state::View;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Properties of [`Tabs`].
#[derive(Properties, PartialEq)]
pub struct TabsProps {
    /// The tab shown.
    pub current: View,
    /// True when a document is open (the reader tab is offered).
    pub has_doc: bool,
    /// Called with the tab chosen.
    pub on_select: Callback<View>,
}

/// The tab bar (a row of buttons; the current one is marked `aria-current`). On a narrow
/// screen it is one row that scrolls sideways; the current tab is kept in view.
#[component]
pub fn Tabs(props: &TabsProps) -> Html {
    let nav = use_node_ref();
    {
        let nav = nav.clone();
        use_effect_with((props.current, props.has_doc), move |_| {
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
    html! {
        <nav class="tabs" aria-label="Views" ref={nav}>
            { for View::ALL.into_iter().filter(|v| *v != View::Reader || props.has_doc).map(|v| {
                let current = v == props.current;
                let onclick = {
                    let on_select = props.on_select.clone();
                    Callback::from(move |_| on_select.emit(v))
                };
                html! {
                    <button type="button" id={format!("tab-{}", v.key())} class={classes!("tab", current.then_some("current"))}
                        aria-current={current.then_some("page")} {onclick}>{ v.label() }</button>
                }
            }) }
        </nav>
    }
}
