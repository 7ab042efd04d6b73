//! Word list: every word form (or stem) with its count, frequency per million and documents.

use super::{field_checked, field_value, ViewProps};
use crate::components::export_buttons::ExportButtons;
use crate::components::pager::{page_range, Pager};
use crate::components::result_list::group_digits;
use explorer_core::analysis::export::Table;
use explorer_core::analysis::wordlist::{table, wordlist, WordList, WordRow};
use explorer_core::analysis::{StopList, Unit};
use explorer_core::normalize::fold;
use explorer_core::stopwords::{is_stopword, ENGLISH, RUSSIAN};
use explorer_core::view_state::Analysis;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The stopwords with the person's additions and removals.
pub fn stop_list(a: &Analysis) -> StopList {
    StopList::new(&a.stop_add, &a.stop_del)
}

/// The rows shown: stopwords hidden unless asked for, the filter applied, in the chosen order.
pub fn visible_rows(list: &WordList, a: &Analysis) -> Vec<WordRow> {
    let filter = fold(a.words_filter.trim());
    let mut rows: Vec<WordRow> = list
        .rows
        .iter()
        .filter(|r| a.show_stopwords || !r.stopword)
        .filter(|r| filter.is_empty() || r.word.contains(&filter))
        .cloned()
        .collect();
    match a.words_sort.as_str() {
        "alpha" => explorer_core::sort::sort_by(&mut rows, |x, y| x.word.cmp(&y.word)),
        "docs" => explorer_core::sort::sort_by(&mut rows, |x, y| {
            y.docs.cmp(&x.docs).then(y.count.cmp(&x.count)).then(x.word.cmp(&y.word))
        }),
        _ => explorer_core::sort::sort_by(&mut rows, |x, y| y.count.cmp(&x.count).then(x.word.cmp(&y.word))),
    }
    rows
}

/// The word list view.
#[component]
pub fn WordsView(props: &ViewProps) -> Html {
    let a = &props.analysis;
    let unit = if a.stems { Unit::Stem } else { Unit::Form };
    let list = {
        let (engine, docs, stops) = (props.engine.clone(), props.docs.clone(), stop_list(a));
        use_memo((props.docs.clone(), unit, stop_list(a)), move |_| Rc::new(wordlist(&engine, &docs, unit, &stops)))
    };
    let rows = {
        let (list, a) = ((*list).clone(), a.clone());
        use_memo(((*list).clone(), a.clone()), move |_| Rc::new(visible_rows(&list, &a)))
    };
    let rows: Rc<Vec<WordRow>> = (*rows).clone();
    let add_ref = use_node_ref();

    let on_unit = props.update(|a, e: Event| {
        a.stems = field_value(&e) == "stem";
        a.page = 1;
    });
    let on_stop = props.update(|a, e: Event| {
        a.show_stopwords = field_checked(&e);
        a.page = 1;
    });
    let on_sort = props.update(|a, e: Event| {
        a.words_sort = field_value(&e);
        a.page = 1;
    });
    let on_filter = props.update(|a, e: InputEvent| {
        let i: HtmlInputElement = e.target_unchecked_into();
        a.words_filter = i.value().chars().take(100).collect();
        a.page = 1;
    });
    let on_page = props.update(|a, p: usize| a.page = p);
    let on_add = {
        let (add_ref, update) = (
            add_ref.clone(),
            props.update(|a, words: Vec<String>| {
                for w in words {
                    a.stop_del.retain(|d| *d != w);
                    if !is_stopword(&w) && !a.stop_add.contains(&w) {
                        a.stop_add.push(w);
                    }
                }
            }),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(input) = add_ref.cast::<HtmlInputElement>() {
                let words: Vec<String> =
                    input.value().split([',', ' ']).map(|w| fold(w.trim())).filter(|w| !w.is_empty()).collect();
                input.set_value("");
                update.emit(words);
            }
        })
    };
    let remove = |word: String| {
        props.update(move |a: &mut Analysis, _: MouseEvent| {
            if is_stopword(&word) {
                if !a.stop_del.contains(&word) {
                    a.stop_del.push(word.clone());
                }
            } else {
                a.stop_add.retain(|w| *w != word);
            }
        })
    };
    let restore = props.update(|a, _: MouseEvent| {
        a.stop_add.clear();
        a.stop_del.clear();
    });
    let export_table = {
        let rows = rows.clone();
        let total = list.total_tokens;
        Rc::new(move || -> Table {
            table(&WordList { rows: (*rows).clone(), total_tokens: total, type_token_ratio: 0.0 })
        }) as Rc<dyn Fn() -> Table>
    };
    let stoplist: Vec<String> = ENGLISH
        .iter()
        .chain(RUSSIAN.iter())
        .map(|w| w.to_string())
        .filter(|w| !a.stop_del.contains(w))
        .chain(a.stop_add.iter().cloned())
        .collect();
    let range = page_range(a.page, rows.len());
    let first_rank = range.start;
    html! {
        <section class="view words" aria-labelledby="view-title">
            <div class="view-head">
                <h2 id="view-title">{ "Word list" }</h2>
                <p class="view-count" id="words-count">
                    { format!("{} {} shown · {} tokens in {} document{} · type/token ratio {:.3}",
                        group_digits(rows.len()), if a.stems { "stems" } else { "words" },
                        group_digits(list.total_tokens as usize), props.docs.len(),
                        if props.docs.len() == 1 { "" } else { "s" }, list.type_token_ratio) }
                </p>
            </div>
            <div class="view-controls">
                <label>{ "Count " }
                    <select id="words-unit" onchange={on_unit}>
                        <option value="form" selected={!a.stems}>{ "word forms" }</option>
                        <option value="stem" selected={a.stems}>{ "stems" }</option>
                    </select>
                </label>
                <label>{ "Sort by " }
                    <select id="words-sort" onchange={on_sort}>
                        <option value="count" selected={a.words_sort == "count"}>{ "count" }</option>
                        <option value="docs" selected={a.words_sort == "docs"}>{ "documents" }</option>
                        <option value="alpha" selected={a.words_sort == "alpha"}>{ "A–Z" }</option>
                    </select>
                </label>
                <label><input id="words-stop" type="checkbox" checked={a.show_stopwords} onchange={on_stop} />{ " Show stopwords" }</label>
                <label>{ "Filter " }<input id="words-filter" type="search" value={a.words_filter.clone()} oninput={on_filter}
                    placeholder="part of a word" /></label>
                <ExportButtons name="wordlist" table={export_table} meta={props.meta("wordlist")} />
            </div>
            if rows.is_empty() {
                <p class="empty-view">{ "No words to list." }</p>
            } else {
                <div class="table-scroll" role="region" aria-label="Word list table" tabindex="0">
                    <table class="data words-table" id="words-table">
                        <thead><tr>
                            <th scope="col" class="num">{ "#" }</th>
                            <th scope="col">{ if a.stems { "Stem (forms)" } else { "Word" } }</th>
                            <th scope="col" class="num">{ "Count" }</th>
                            <th scope="col" class="num">{ "Per million" }</th>
                            <th scope="col" class="num">{ "Documents" }</th>
                        </tr></thead>
                        <tbody>
                            { for rows[range].iter().enumerate().map(|(i, r)| html! {
                                <tr class={classes!("word-row", r.stopword.then_some("stopword"))} data-word={r.word.clone()}>
                                    <td class="num">{ first_rank + i + 1 }</td>
                                    <td class="word">{ r.word.clone() }
                                        if a.stems && r.forms > 1 { <span class="forms">{ format!(" ({} forms)", r.forms) }</span> }
                                        if r.stopword { <span class="tag">{ " stopword" }</span> }
                                    </td>
                                    <td class="num">{ group_digits(r.count as usize) }</td>
                                    <td class="num">{ format!("{:.1}", r.per_million) }</td>
                                    <td class="num">{ r.docs }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
                <Pager page={a.page} rows={rows.len()} {on_page} />
            }
            <details class="stoplist" id="stoplist">
                <summary>{ format!("Stopwords ({}): English and Russian lists, editable", stoplist.len()) }</summary>
                <form class="stop-add" onsubmit={on_add}>
                    <label>{ "Add " }<input ref={add_ref} id="stop-add" type="text" placeholder="words, separated by commas" /></label>
                    <button type="submit">{ "Add" }</button>
                    if !a.stop_add.is_empty() || !a.stop_del.is_empty() {
                        <button type="button" id="stop-restore" onclick={restore}>{ "Restore the standard lists" }</button>
                    }
                </form>
                <ul class="chips">
                    { for stoplist.into_iter().map(|w| html! {
                        <li><span>{ w.clone() }</span>
                            <button type="button" class="chip-remove" aria-label={format!("Remove {w} from the stopwords")}
                                onclick={remove(w.clone())}>{ "×" }</button></li>
                    }) }
                </ul>
            </details>
        </section>
    }
}
