//! The terms compared by the distribution and trends views: up to five, each a query.

use super::ViewProps;
use explorer_core::analysis::{compile, MAX_SERIES};
use explorer_core::search::Compiled;
use explorer_core::view_state::Analysis;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The terms in effect: those set for the view, else the query (when there is one).
pub fn series_terms(props: &ViewProps) -> Vec<String> {
    if !props.analysis.terms.is_empty() {
        props.analysis.terms.clone()
    } else if !props.query.trim().is_empty() {
        vec![props.query.trim().to_owned()]
    } else {
        Vec::new()
    }
}

/// Each term compiled as a finished query (its last word is not a prefix unless it ends in `*`).
pub fn compile_terms(props: &ViewProps, terms: &[String]) -> Vec<Compiled> {
    terms.iter().map(|t| compile(&props.engine, &format!("{t} "))).collect()
}

/// Chips for the terms, with × to remove one, and a box to add one (Enter).
#[component]
pub fn TermsEditor(props: &ViewProps) -> Html {
    let terms = series_terms(props);
    let input_ref = use_node_ref();
    let on_add = {
        let (input_ref, terms) = (input_ref.clone(), terms.clone());
        let update = props.update(move |a: &mut Analysis, t: String| {
            let mut list = terms.clone();
            if !list.contains(&t) && list.len() < MAX_SERIES {
                list.push(t);
            }
            a.terms = list;
        });
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(input) = input_ref.cast::<HtmlInputElement>() {
                let t: String = input.value().trim().chars().take(100).collect();
                if !t.is_empty() {
                    input.set_value("");
                    update.emit(t);
                }
            }
        })
    };
    let remove = |t: String| {
        let terms = terms.clone();
        props.update(move |a: &mut Analysis, _: MouseEvent| {
            a.terms = terms.iter().filter(|x| **x != t).cloned().collect()
        })
    };
    html! {
        <form class="terms" onsubmit={on_add}>
            <ul class="chips">
                { for terms.iter().enumerate().map(|(i, t)| html! {
                    <li class={format!("series-{i}")}><span class="swatch" aria-hidden="true"></span><span class="term">{ t.clone() }</span>
                        <button type="button" class="chip-remove" aria-label={format!("Remove {t}")} onclick={remove(t.clone())}>{ "×" }</button></li>
                }) }
            </ul>
            if terms.len() < MAX_SERIES {
                <label>{ "Add a term " }<input ref={input_ref} id="term-add" type="text" placeholder="a word, \"phrase\" or prefix*" /></label>
                <button type="submit">{ "Add" }</button>
            }
            <span class="hint">{ format!("up to {MAX_SERIES} terms, each a query") }</span>
        </form>
    }
}
