//! The tabs above the main area: search, reader (when a document is open) and the analysis views.

use explorer_core::view_state::View;
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

/// The tab bar (a row of buttons; the current one is marked `aria-current`).
#[component]
pub fn Tabs(props: &TabsProps) -> Html {
    html! {
        <nav class="tabs" aria-label="Views">
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
