//! Short messages about the URL, the query or the last action.

use yew::prelude::*;

/// Properties of [`Notices`].
#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    /// The messages (none shows an empty live region).
    pub messages: Vec<String>,
}

/// A polite live region listing the messages.
#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    html! {
        <div id="notice" role="status" aria-live="polite" class={classes!("notice", props.messages.is_empty().then_some("empty"))}>
            { for props.messages.iter().map(|m| html! { <p>{ m.clone() }</p> }) }
        </div>
    }
}
