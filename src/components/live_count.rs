//! A quiet, screen-reader-only announcement of the number of results.
//!
//! `#result-count` changes on every keystroke (and states the time the search took), which
//! would make a live region chatty. This region announces only the count, once the query
//! has rested for a moment, and only when the count changed.

use gloo::timers::callback::Timeout;
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
    // The first text is not announced (the page is being read anyway).
    let announced = use_state(|| props.text.clone());
    let timer = use_mut_ref(|| None::<Timeout>);
    {
        let announced = announced.clone();
        use_effect_with(props.text.clone(), move |text| {
            let text = text.clone();
            let pending = (*announced != text).then(|| Timeout::new(SETTLE_MS, move || announced.set(text)));
            // Replacing the pending timeout cancels it (a Timeout is cleared when dropped).
            *timer.borrow_mut() = pending;
        });
    }
    html! {
        <p id="result-announce" class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
            { (*announced).clone() }
        </p>
    }
}
