//! The one search box: every keystroke searches; completions of the word being typed
//! are offered in a list navigable with the arrow keys (an ARIA combobox).

use explorer_core::suggest::Suggestion;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};
use yew::prelude::*;

/// Properties of [`SearchBox`].
#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    /// The query shown.
    pub value: AttrValue,
    /// Completions of the word being typed.
    pub suggestions: Vec<Suggestion>,
    /// Called with the new text on every input.
    pub on_input: Callback<String>,
    /// Called with a whole new query (a suggestion taken).
    pub on_pick: Callback<String>,
}

/// Focuses the first result title, if the results are shown; true when it did.
fn focus_first_result() -> bool {
    let first = gloo::utils::document().query_selector("#results a.result-title").ok().flatten();
    match first.and_then(|el| el.dyn_into::<HtmlElement>().ok()) {
        Some(a) => a.focus().is_ok(),
        None => false,
    }
}

/// The search input with its suggestion list.
#[component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let open = use_state(|| false);
    let active = use_state(|| None::<usize>);
    let input_ref = use_node_ref();
    let count = props.suggestions.len();
    let showing = *open && count > 0;

    let oninput = {
        let (on_input, open, active) = (props.on_input.clone(), open.clone(), active.clone());
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            open.set(true);
            active.set(None);
            on_input.emit(input.value());
        })
    };
    let pick = {
        let (on_pick, open, active) = (props.on_pick.clone(), open.clone(), active.clone());
        Callback::from(move |query: String| {
            open.set(false);
            active.set(None);
            on_pick.emit(query);
        })
    };
    let onkeydown = {
        let (open, active, pick) = (open.clone(), active.clone(), pick.clone());
        let suggestions = props.suggestions.clone();
        let (on_input, has_text) = (props.on_input.clone(), !props.value.is_empty());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            // With the list closed, ↓ leaves the box for the first result (Alt+↓ opens the list).
            "ArrowDown" if !showing && !e.alt_key() && focus_first_result() => e.prevent_default(),
            "ArrowDown" if count > 0 => {
                e.prevent_default();
                open.set(true);
                active.set(Some(active.map_or(0, |i| (i + 1) % count)));
            }
            "ArrowUp" if count > 0 => {
                e.prevent_default();
                open.set(true);
                active.set(Some(active.map_or(count - 1, |i| (i + count - 1) % count)));
            }
            "Enter" => {
                if let (true, Some(i)) = (*open, *active) {
                    if let Some(s) = suggestions.get(i) {
                        e.prevent_default();
                        pick.emit(s.query.clone());
                    }
                }
            }
            "Escape" if showing => {
                e.prevent_default();
                open.set(false);
                active.set(None);
            }
            // With the list closed, Escape clears the box.
            "Escape" if has_text => {
                e.prevent_default();
                open.set(false);
                active.set(None);
                on_input.emit(String::new());
            }
            _ => {}
        })
    };
    let onblur = {
        let (open, active) = (open.clone(), active.clone());
        Callback::from(move |_| {
            open.set(false);
            active.set(None);
        })
    };
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    let active_id = active.filter(|_| showing).map(|i| format!("suggestion-{i}"));

    html! {
        <form class="search" role="search" {onsubmit}>
            <label for="search" class="visually-hidden">{ "Search the corpus" }</label>
            <input id="search" ref={input_ref} type="search" autocomplete="off" spellcheck="false"
                role="combobox" aria-autocomplete="list" aria-controls="suggestions"
                aria-expanded={showing.to_string()} aria-activedescendant={active_id}
                aria-describedby="result-count" aria-keyshortcuts="/"
                placeholder="Search: words, \"a phrase\", OR, -not, title:, year:2021..2025"
                value={props.value.clone()} {oninput} {onkeydown} {onblur} />
            <ul id="suggestions" role="listbox" aria-label="Suggestions" class="suggestions" hidden={!showing}>
                { for props.suggestions.iter().enumerate().map(|(i, s)| {
                    let selected = *active == Some(i);
                    let onmousedown = {
                        let (pick, query) = (pick.clone(), s.query.clone());
                        Callback::from(move |e: MouseEvent| {
                            // Keep the focus in the box; take the suggestion.
                            e.prevent_default();
                            pick.emit(query.clone());
                        })
                    };
                    html! {
                        <li id={format!("suggestion-{i}")} role="option" aria-selected={selected.to_string()}
                            class={classes!(selected.then_some("active"))} {onmousedown}>
                            <span class="suggestion-word">{ s.word.clone() }</span>
                            <span class="suggestion-count">{ crate::labels::count(s.docs, "doc") }</span>
                        </li>
                    }
                }) }
            </ul>
        </form>
    }
}
