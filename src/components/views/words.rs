//! Word list: every word form (or stem) with its count, frequency per million and documents.

use super::{field_checked, field_value, use_view_data, ViewProps};
use crate::components::export_buttons::ExportButtons;
use crate::components::pager::pager;
use crate::context::AppContext;
use crate::labels::{self, group_digits};
use crate::state::Action;
use explorer_core::analysis::wordlist::{WordRow, WordSort};
use explorer_core::analysis::Unit;
use explorer_core::api::{ViewData, PAGE_SIZE};
use explorer_core::view_state::Change;
use web_sys::HtmlInputElement;
use yew::prelude::*;

fn row(r: &WordRow, rank: usize, stems: bool) -> Html {
    html! {
        <tr class={classes!("word-row", r.stopword.then_some("stopword"))} data-word={r.word.clone()}>
            <td class="num">{ rank }</td>
            <td class="word">{ r.word.clone() }
                if stems && r.forms > 1 { <span class="forms">{ format!(" ({} forms)", r.forms) }</span> }
                if r.stopword { <span class="tag">{ " stopword" }</span> }
            </td>
            <td class="num">{ group_digits(r.count as usize) }</td>
            <td class="num">{ format!("{:.1}", r.per_million) }</td>
            <td class="num">{ r.docs }</td>
        </tr>
    }
}

/// The stopwords, editable: a box to add some, × to remove one, a button to restore the lists.
fn stop_list(app: &AppContext, words: &[String], edited: bool) -> Html {
    let add_ref = NodeRef::default();
    let onsubmit = {
        let (app, add_ref) = (app.clone(), add_ref.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(input) = add_ref.cast::<HtmlInputElement>() {
                app.dispatch(Action::Change(Change::AddStopwords(input.value())));
                input.set_value("");
            }
        })
    };
    html! {
        <details class="stoplist" id="stoplist">
            <summary>{ format!("Stopwords ({}): English and Russian lists, editable", words.len()) }</summary>
            <form class="stop-add" {onsubmit}>
                <label>{ "Add " }<input ref={add_ref} id="stop-add" type="text" placeholder="words, separated by commas" /></label>
                <button type="submit">{ "Add" }</button>
                if edited {
                    <button type="button" id="stop-restore"
                        onclick={app.callback(|_: MouseEvent| Action::Change(Change::RestoreStopwords))}>{ "Restore the standard lists" }</button>
                }
            </form>
            <ul class="chips">
                { for words.iter().map(|w| {
                    let word = w.clone();
                    html! {
                        <li><span>{ w.clone() }</span>
                            <button type="button" class="chip-remove" aria-label={format!("Remove {w} from the stopwords")}
                                onclick={app.callback(move |_: MouseEvent| Action::Change(Change::RemoveStopword(word.clone())))}>{ "×" }</button></li>
                    }
                }) }
            </ul>
        </details>
    }
}

/// The word list view.
#[component]
pub fn WordsView(props: &ViewProps) -> Html {
    let Some((app, data)) = use_view_data(&props.request) else { return html! {} };
    let ViewData::Words(w) = &*data else { return html! {} };
    let a = &props.request.analysis;
    let stems = a.unit == Unit::Stem;
    let on_unit = app.callback(|e: Event| {
        Action::Change(Change::Unit(if field_value(&e) == "stem" { Unit::Stem } else { Unit::Form }))
    });
    let on_stop = app.callback(|e: Event| Action::Change(Change::ShowStopwords(field_checked(&e))));
    let on_sort = app.callback(|e: Event| {
        Action::Change(Change::WordSort(WordSort::from_key(&field_value(&e)).unwrap_or_default()))
    });
    let on_filter = app.callback(|e: InputEvent| {
        let i: HtmlInputElement = e.target_unchecked_into();
        Action::Change(Change::WordFilter(i.value()))
    });
    let first_rank = (w.page - 1) * PAGE_SIZE;
    html! {
        <section class="view words" aria-labelledby="view-title">
            <div class="view-head">
                <h2 id="view-title">{ "Word list" }</h2>
                <p class="view-count" id="words-count">
                    { format!("{} {} shown · {} tokens in {} · type/token ratio {:.3}",
                        group_digits(w.total), if stems { "stems" } else { "words" },
                        group_digits(w.tokens as usize), labels::count(w.documents, "document"), w.type_token_ratio) }
                </p>
            </div>
            <div class="view-controls">
                <label>{ "Count " }
                    <select id="words-unit" onchange={on_unit}>
                        <option value="form" selected={!stems}>{ "word forms" }</option>
                        <option value="stem" selected={stems}>{ "stems" }</option>
                    </select>
                </label>
                <label>{ "Sort by " }
                    <select id="words-sort" onchange={on_sort}>
                        { for WordSort::ALL.into_iter().map(|s| html! {
                            <option value={s.key()} selected={s == a.words_sort}>{ labels::word_sort(s) }</option>
                        }) }
                    </select>
                </label>
                <label><input id="words-stop" type="checkbox" checked={a.show_stopwords} onchange={on_stop} />{ " Show stopwords" }</label>
                <label>{ "Filter " }<input id="words-filter" type="search" value={a.words_filter.clone()} oninput={on_filter}
                    placeholder="part of a word" /></label>
                <ExportButtons name="wordlist" request={props.request.clone()} view="wordlist" />
            </div>
            if w.rows.is_empty() {
                <p class="empty-view">{ "No words to list." }</p>
            } else {
                <div class="table-scroll" role="region" aria-label="Word list table" tabindex="0">
                    <table class="data words-table" id="words-table">
                        <thead><tr>
                            <th scope="col" class="num">{ "#" }</th>
                            <th scope="col">{ if stems { "Stem (forms)" } else { "Word" } }</th>
                            <th scope="col" class="num">{ "Count" }</th>
                            <th scope="col" class="num">{ "Per million" }</th>
                            <th scope="col" class="num">{ "Documents" }</th>
                        </tr></thead>
                        <tbody>
                            { for w.rows.iter().enumerate().map(|(i, r)| row(r, first_rank + i + 1, stems)) }
                        </tbody>
                    </table>
                </div>
                { pager(w.page, w.total, app.callback(|p| Action::Change(Change::Page(p)))) }
            }
            { stop_list(&app, &w.stop_words, !a.stop_add.is_empty() || !a.stop_del.is_empty()) }
        </section>
    }
}
