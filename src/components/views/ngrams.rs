//! Phrases (n-grams): the most frequent sequences of n words, counted inside paragraphs; a
//! click searches one as a phrase.

use super::{data_table, field_checked, field_value, match_menu, view_frame};
use crate::components::export_buttons::ExportButtons;
use crate::components::pager::pager;
use crate::context::AppContext;
use crate::labels::{self, group_digits};
use crate::state::Action;
use explorer_core::analysis::ngrams::N_BOUNDS;
use explorer_core::api::{NgramsPage, ViewRequest, PAGE_SIZE};
use explorer_core::view_state::{Change, View};
use yew::prelude::*;

/// The phrases view.
pub fn view(app: &AppContext, request: &ViewRequest, p: &NgramsPage) -> Html {
    let a = &request.analysis;
    let (n, min) = (a.n, a.min_freq);
    let on_n = app.callback(move |e: Event| Action::Change(Change::N(field_value(&e).parse().unwrap_or(n))));
    let on_min = app.callback(move |e: Event| Action::Change(Change::MinFreq(field_value(&e).parse().unwrap_or(min))));
    let on_query = app.callback(|e: Event| Action::Change(Change::NgramQuery(field_checked(&e))));
    let on_stop = app.callback(|e: Event| Action::Change(Change::NgramDropStop(field_checked(&e))));
    let has_query = !request.query.trim().is_empty();
    let first_rank = (p.ngrams.page - 1) * PAGE_SIZE;
    let count = format!(
        "{} {}-word sequences at least {} · {} distinct in {} tokens",
        group_digits(p.ngrams.total),
        p.n,
        labels::count(min as usize, "time"),
        group_digits(p.distinct as usize),
        group_digits(p.tokens as usize)
    );
    let body = html! {
        <>
            <div class="view-controls">
                <label>{ "Words " }
                    <select id="ngram-n" onchange={on_n}>
                        { for (N_BOUNDS.0..=N_BOUNDS.1).map(|i| html! { <option value={i.to_string()} selected={i == n}>{ i }</option> }) }
                    </select>
                </label>
                <label>{ "Min. frequency " }
                    <input id="ngram-min" type="number" min="1" max="1000" value={min.to_string()} onchange={on_min} />
                </label>
                <label><input id="ngram-query" type="checkbox" checked={a.ngram_query} onchange={on_query} />
                    { " Only those with the query's words" }</label>
                <label><input id="ngram-stop" type="checkbox" checked={a.ngram_drop_stop} onchange={on_stop} />
                    { " Leave out those that begin or end with a stopword" }</label>
                if a.ngram_query {
                    { match_menu(app, a.matching) }
                }
                <ExportButtons name={format!("ngrams-{}", p.n)} request={request.clone()} view="ngrams" />
            </div>
            <p class="method">{ "Sequences of n words inside one paragraph (never across a paragraph break or from the title into the text), punctuation between the words ignored as in phrase search; per million = count / tokens × 1,000,000; documents: how many contain it. Click one to search it as a phrase." }</p>
            if a.ngram_query && !has_query {
                <p class="hint" id="ngram-no-query">{ "There is no query yet: every sequence is listed. Type words in the search box to keep only the sequences that contain them." }</p>
            } else if a.ngram_query {
                <p class="hint" id="ngram-containing">{ format!("Only sequences with {}.", if p.containing.is_empty() { "a word of the query (none is in the corpus)".to_owned() } else { p.containing.join(", ") }) }</p>
            }
            if p.ngrams.rows.is_empty() {
                <p class="empty-view">{ format!("No {}-word sequence occurs {} or more.", p.n, labels::count(min as usize, "time")) }</p>
            } else {
                { data_table("Phrases table".into(), "ngrams-table", Some("ngrams-table"), html! { <>
                    <thead><tr>
                        <th scope="col" class="num">{ "#" }</th>
                        <th scope="col">{ "Phrase" }</th>
                        <th scope="col" class="num">{ "Count" }</th>
                        <th scope="col" class="num">{ "Per million" }</th>
                        <th scope="col" class="num">{ "Documents" }</th>
                    </tr></thead>
                    <tbody>
                        { for p.ngrams.rows.iter().enumerate().map(|(i, r)| {
                            let phrase = format!("\"{}\"", r.words);
                            let onclick = app.callback(move |_: MouseEvent| Action::QueryIn(phrase.clone(), View::Search));
                            html! {
                                <tr class="ngram-row" data-ngram={r.words.clone()}>
                                    <td class="num">{ first_rank + i + 1 }</td>
                                    <td class="word"><button type="button" class="link ngram" {onclick}
                                        title={format!("Search “{}” as a phrase", r.words)}>{ r.words.clone() }</button></td>
                                    <td class="num">{ group_digits(r.count as usize) }</td>
                                    <td class="num">{ format!("{:.1}", r.per_million) }</td>
                                    <td class="num">{ r.docs }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </> }) }
                { pager(app, &p.ngrams) }
            }
        </>
    };
    view_frame("ngrams", "Phrases", Some(("ngrams-count", count)), body)
}
