//! The one search box: every keystroke searches.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Properties of [`SearchBox`].
#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    /// The query shown.
    pub value: AttrValue,
    /// Called with the new text on every input.
    pub on_input: Callback<String>,
}

/// The search input.
#[component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let oninput = {
        let on_input = props.on_input.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_input.emit(input.value());
        })
    };
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    html! {
        <form class="search" role="search" {onsubmit}>
            <label for="search" class="visually-hidden">{ "Search the corpus" }</label>
            <input id="search" type="search" autocomplete="off" spellcheck="false"
                placeholder="Search words, e.g. stalin, restoration, union state"
                aria-describedby="result-count"
                value={props.value.clone()} {oninput} />
        </form>
    }
}
