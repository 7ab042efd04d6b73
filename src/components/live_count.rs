//! A quiet, screen-reader-only announcement of the number of results.
//!
//! `#result-count` changes on every keystroke (and states the time the search took), which
//! would make a live region chatty. This region announces only the count, once it has stayed
//! the same for a moment (the first count is not announced: the page is being read anyway).

use crate::hooks::use_settled::use_settled;
use yew::prelude::*;

/// How long the count must stay the same before it is announced.
const SETTLE_MS: u32 = 900;

/// Properties of [`LiveCount`].
#[derive(Properties, PartialEq)]
pub struct LiveCountProps {
    /// What to announce ("3 documents match").
    pub text: AttrValue,
}

/// A visually hidden polite status region.
#[component]
pub fn LiveCount(props: &LiveCountProps) -> Html {
    let announced = use_settled(props.text.clone(), SETTLE_MS);
    html! {
        <p id="result-announce" class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
            { announced }
        </p>
    }
}
