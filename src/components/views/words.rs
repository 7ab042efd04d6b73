//! Word list: every word form (or stem) with its count, frequency per million and documents.

use super::{data_table, field_value, menu, on_submit_text, stopwords_toggle, unit_menu, view_frame};
use crate::components::export_buttons::ExportButtons;
use crate::components::pager::pager;
use crate::context::AppContext;
use crate::labels::{self, group_digits};
use crate::state::Action;
use explorer_core::analysis::wordlist::{WordRow, WordSort};
use explorer_core::analysis::Unit;
use explorer_core::api::{ViewRequest, WordsPage, PAGE_SIZE};
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
    let onsubmit = on_submit_text(app, &add_ref, |words| Action::Change(Change::AddStopwords(words)));
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
pub fn view(app: &AppContext, request: &ViewRequest, w: &WordsPage) -> Html {
    let a = &request.analysis;
    let stems = a.unit == Unit::Stem;
    let on_sort = app.callback(|e: Event| {
        Action::Change(Change::WordSort(WordSort::from_key(&field_value(&e)).unwrap_or_default()))
    });
    let on_filter = app.callback(|e: InputEvent| {
        let i: HtmlInputElement = e.target_unchecked_into();
        Action::Change(Change::WordFilter(i.value()))
    });
    let first_rank = (w.words.page - 1) * PAGE_SIZE;
    let count = format!(
        "{} {} shown · {} tokens in {} · type/token ratio {:.3}",
        group_digits(w.words.total),
        if stems { "stems" } else { "words" },
        group_digits(w.tokens as usize),
        labels::count(w.documents, "document"),
        w.type_token_ratio
    );
    let body = html! {
        <>
            <div class="view-controls">
                { unit_menu(app, "words-unit", a.unit) }
                { menu("Sort by ", "words-sort", WordSort::ALL.map(|s| (s.key().to_owned(), labels::word_sort(s).to_owned())),
                    a.words_sort.key(), on_sort) }
                { stopwords_toggle(app, "words-stop", a.show_stopwords) }
                <label>{ "Filter " }<input id="words-filter" type="search" value={a.words_filter.clone()} oninput={on_filter}
                    placeholder="part of a word" /></label>
                { super::cloud::toggle(app, a.cloud) }
                <ExportButtons name="wordlist" request={request.clone()} view="wordlist" />
            </div>
            if let Some(c) = &w.cloud {
                if !c.words.is_empty() {
                    { super::cloud::cloud(app, c, "words-table", "the most frequent words listed") }
                }
            }
            if w.words.rows.is_empty() {
                <p class="empty-view">{ "No words to list." }</p>
            } else {
                { data_table("Word list table".into(), "words-table", Some("words-table"), html! { <>
                        <thead><tr>
                            <th scope="col" class="num">{ "#" }</th>
                            <th scope="col">{ if stems { "Stem (forms)" } else { "Word" } }</th>
                            <th scope="col" class="num">{ "Count" }</th>
                            <th scope="col" class="num">{ "Per million" }</th>
                            <th scope="col" class="num">{ "Documents" }</th>
                        </tr></thead>
                        <tbody>
                            { for w.words.rows.iter().enumerate().map(|(i, r)| row(r, first_rank + i + 1, stems)) }
                        </tbody>
                </> }) }
                { pager(app, &w.words) }
            }
            { stop_list(app, &w.stop_words, !a.stop_add.is_empty() || !a.stop_del.is_empty()) }
        </>
    };
    view_frame("words", "Word list", Some(("words-count", count)), body)
}
