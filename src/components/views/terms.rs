//! The terms compared by the distribution and trends views: up to five, each a query.

use super::on_submit_text;
use crate::context::AppContext;
use crate::state::Action;
use explorer_core::view_state::{Change, MAX_TERMS};
use yew::prelude::*;

/// Chips for the terms in effect (those set, else the query), with × to remove one, and a box
/// to add one (Enter).
pub fn terms_editor(app: &AppContext, terms: &[String]) -> Html {
    let input_ref = NodeRef::default();
    let onsubmit = on_submit_text(app, &input_ref, |term| Action::Change(Change::AddTerm(term)));
    html! {
        <form class="terms" {onsubmit}>
            <ul class="chips">
                { for terms.iter().enumerate().map(|(i, t)| {
                    let term = t.clone();
                    html! {
                        <li class={format!("series-{i}")}><span class="swatch" aria-hidden="true"></span><span class="term">{ t.clone() }</span>
                            <button type="button" class="chip-remove" aria-label={format!("Remove {t}")}
                                onclick={app.callback(move |_: MouseEvent| Action::Change(Change::RemoveTerm(term.clone())))}>{ "×" }</button></li>
                    }
                }) }
            </ul>
            if terms.len() < MAX_TERMS {
                <label>{ "Add a term " }<input ref={input_ref} id="term-add" type="text" placeholder="a word, \"phrase\" or prefix*" /></label>
                <button type="submit">{ "Add" }</button>
            }
            <span class="hint">{ format!("up to {MAX_TERMS} terms, each a query") }</span>
        </form>
    }
}
