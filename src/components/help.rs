//! The search help: a popover listing the query forms, with examples from this corpus.

use explorer_core::examples::Example;
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

/// Properties of [`Help`].
#[derive(Properties, PartialEq)]
pub struct HelpProps {
    /// Examples that find something in this corpus.
    pub examples: Vec<Example>,
    /// Called with an example's query to run it.
    pub on_pick: Callback<String>,
}

const FORMS: &[(&str, &str)] = &[
    ("word word", "both words (AND)"),
    ("word OR word", "either word"),
    ("-word, NOT word", "without the word"),
    ("\"two words\"", "the exact phrase (within a paragraph); \"two wor*\" ends in a prefix"),
    ("word*", "words that begin so"),
    ("( … )", "grouping: (stalin OR lenin) -putin"),
    ("title:word", "in titles only (also title:\"a phrase\")"),
    ("outlet: author: kind: person:", "metadata, e.g. outlet:rt, person:stalin"),
    ("year:2022, year:2021..2025", "a year or a range of years"),
];

/// The "?" button and the popover it opens.
#[component]
pub fn Help(props: &HelpProps) -> Html {
    let open = use_state(|| false);
    let toggle_ref = use_node_ref();
    let panel_ref = use_node_ref();

    let close = {
        let (open, toggle_ref) = (open.clone(), toggle_ref.clone());
        Callback::from(move |_: ()| {
            open.set(false);
            if let Some(t) = toggle_ref.cast::<HtmlElement>() {
                let _ = t.focus();
            }
        })
    };
    // Escape closes the popover from anywhere, and focus returns to the toggle.
    {
        let close = close.clone();
        use_effect_with(*open, move |is_open| {
            let listener = is_open.then(|| {
                EventListener::new(&gloo::utils::document(), "keydown", move |event| {
                    if let Some(e) = event.dyn_ref::<KeyboardEvent>() {
                        if e.key() == "Escape" {
                            e.prevent_default();
                            close.emit(());
                        }
                    }
                })
            });
            move || drop(listener)
        });
    }
    // Opening moves the focus into the popover.
    {
        let panel_ref = panel_ref.clone();
        use_effect_with(*open, move |is_open| {
            if *is_open {
                if let Some(p) = panel_ref.cast::<HtmlElement>() {
                    let _ = p.focus();
                }
            }
        });
    }
    let onclick = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    html! {
        <div class="help">
            <button id="help-toggle" ref={toggle_ref} type="button" class="help-toggle"
                aria-expanded={open.to_string()} aria-controls="help" aria-label="Search help"
                title="Search help" {onclick}>{ "?" }</button>
            <div id="help" ref={panel_ref} role="dialog" aria-label="Search help" class="help-panel"
                tabindex="-1" hidden={!*open}>
                <div class="help-head">
                    <h2>{ "How to search" }</h2>
                    <button type="button" class="help-close" aria-label="Close help"
                        onclick={let close = close.clone(); move |_| close.emit(())}>{ "×" }</button>
                </div>
                <table>
                    <tbody>
                        { for FORMS.iter().map(|(form, what)| html! {
                            <tr><td><code>{ *form }</code></td><td>{ *what }</td></tr>
                        }) }
                    </tbody>
                </table>
                <p class="help-note">{ "Case and accents do not matter; word endings are matched (restorations finds restoration); the last word matches as a prefix while you type; a word with no match finds close spellings. Operators are written in capitals. Anything that cannot be read is searched as plain words." }</p>
                if !props.examples.is_empty() {
                    <h3>{ "Try these (from this corpus)" }</h3>
                    <ul class="examples">
                        { for props.examples.iter().map(|ex| {
                            let onclick = {
                                let (on_pick, open, q) = (props.on_pick.clone(), open.clone(), ex.query.clone());
                                Callback::from(move |_| { open.set(false); on_pick.emit(q.clone()); })
                            };
                            html! {
                                <li><button type="button" class="example" {onclick}>{ ex.query.clone() }</button>
                                    { " " }<span class="example-explains">{ ex.explains.clone() }</span></li>
                            }
                        }) }
                    </ul>
                }
            </div>
        </div>
    }
}
