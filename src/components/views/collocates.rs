//! Collocates: the words near the query's hits, with association measures.

use super::{data_table, field_value, match_menu, stopwords_toggle, view_frame};
use crate::components::export_buttons::{slug, ExportButtons};
use crate::components::pager::pager;
use crate::context::AppContext;
use crate::labels::{self, group_digits};
use crate::state::Action;
use explorer_core::analysis::collocates::CollocateSort;
use explorer_core::api::{CollocatesPage, ViewRequest};
use explorer_core::view_state::{settings::WINDOW, Change};
use yew::prelude::*;

/// A sortable column header: a button, with the order shown and announced.
fn header(app: &AppContext, current: CollocateSort, s: CollocateSort, title: &'static str) -> Html {
    let on = s == current;
    let (aria, arrow) = match (on, s == CollocateSort::Word) {
        (false, _) => ("none", ""),
        (true, true) => ("ascending", " ▲"),
        (true, false) => ("descending", " ▼"),
    };
    html! {
        <th scope="col" class={classes!((s != CollocateSort::Word).then_some("num"))} aria-sort={aria}>
            <button type="button" class={classes!("sort-header", on.then_some("current"))} {title}
                data-sort={s.key()} onclick={app.callback(move |_: MouseEvent| Action::Change(Change::CollocateSort(s)))}>
                { labels::collocate_sort(s) }{ arrow }</button>
        </th>
    }
}

/// A window-size menu (1–10).
fn window(id: &'static str, n: u8, on_change: Callback<Event>) -> Html {
    html! {
        <select {id} onchange={on_change}>
            { for (WINDOW.0..=WINDOW.1).map(|i| html! { <option value={i.to_string()} selected={i == n}>{ i }</option> }) }
        </select>
    }
}

/// The collocates view.
pub fn view(app: &AppContext, request: &ViewRequest, c: &CollocatesPage) -> Html {
    let a = &request.analysis;
    let (left, right, min) = (a.left, a.right, a.min_freq);
    let on_left = app.callback(move |e: Event| Action::Change(Change::Left(field_value(&e).parse().unwrap_or(left))));
    let on_right =
        app.callback(move |e: Event| Action::Change(Change::Right(field_value(&e).parse().unwrap_or(right))));
    let on_min = app.callback(move |e: Event| Action::Change(Change::MinFreq(field_value(&e).parse().unwrap_or(min))));
    let h = |s, title| header(app, a.coll_sort, s, title);
    let count = format!(
        "{} collocates of {} node hits · N = {} tokens",
        group_digits(c.collocates.total),
        group_digits(c.node_hits as usize),
        group_digits(c.tokens as usize)
    );
    let body = html! {
        <>
            <div class="view-controls">
                <label>{ "Window " }{ window("coll-left", left, on_left) }{ " left, " }</label>
                <label>{ window("coll-right", right, on_right) }{ " right" }</label>
                <label>{ "Min. frequency " }<input id="coll-min" type="number" min="1" max="1000" value={min.to_string()} onchange={on_min} /></label>
                { match_menu(app, a.matching) }
                { stopwords_toggle(app, "coll-stop", a.show_stopwords) }
                <ExportButtons name={format!("collocates-{}", slug(&request.query))} request={request.clone()} view="collocates" />
            </div>
            <p class="method">
                { "O: co-occurrences within the window (inside one paragraph); E = f(node) · f(coll) · (L + R) / N, the expected count for a window of L + R words (Evert 2008); " }
                { "logDice = 14 + log2(2·O / (f(node) + f(coll))); MI = log2(O / E); t-score = (O − E) / √O. Click a column to sort by it." }
            </p>
            if c.collocates.rows.is_empty() {
                <p class="empty-view">{ "No collocates reach the minimum frequency; lower it or widen the window." }</p>
            } else {
                { data_table("Collocates table".into(), "coll-table", Some("coll-table"), html! { <>
                        <thead><tr>
                            { h(CollocateSort::Word, "sort A–Z") }
                            { h(CollocateSort::Observed, "observed co-occurrences") }
                            { h(CollocateSort::Expected, "expected co-occurrences") }
                            { h(CollocateSort::Frequency, "frequency of the collocate") }
                            { h(CollocateSort::LogDice, "logDice") }
                            { h(CollocateSort::Mi, "mutual information") }
                            { h(CollocateSort::TScore, "t-score") }
                        </tr></thead>
                        <tbody>
                            { for c.collocates.rows.iter().map(|r| html! {
                                <tr class={classes!("coll-row", r.stopword.then_some("stopword"))} data-word={r.word.clone()}>
                                    <td class="word">{ r.word.clone() }</td>
                                    <td class="num">{ r.observed }</td>
                                    <td class="num">{ format!("{:.2}", r.expected) }</td>
                                    <td class="num">{ r.f_coll }</td>
                                    <td class="num">{ format!("{:.2}", r.log_dice) }</td>
                                    <td class="num">{ format!("{:.2}", r.mi) }</td>
                                    <td class="num">{ format!("{:.2}", r.t_score) }</td>
                                </tr>
                            }) }
                        </tbody>
                </> }) }
                { pager(app, &c.collocates) }
            }
        </>
    };
    view_frame("collocates", "Collocates", Some(("coll-count", count)), body)
}
