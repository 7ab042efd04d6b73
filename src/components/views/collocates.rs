//! Collocates: the words near the query's hits, with association measures.

use super::{field_checked, field_value, needs_query, ViewProps};
use crate::components::export_buttons::{slug, ExportButtons};
use crate::components::pager::{page_range, Pager};
use crate::components::result_list::group_digits;
use crate::components::views::words::stop_list;
use explorer_core::analysis::collocates::{collocates, sort_collocates, table, CollocateSort};
use explorer_core::view_state::Analysis;
use std::rc::Rc;
use yew::prelude::*;

fn label(s: CollocateSort) -> &'static str {
    match s {
        CollocateSort::LogDice => "logDice",
        CollocateSort::Mi => "MI",
        CollocateSort::TScore => "t-score",
        CollocateSort::Observed => "O",
        CollocateSort::Expected => "E",
        CollocateSort::Frequency => "f(coll)",
        CollocateSort::Word => "word",
    }
}

/// The collocates view.
#[component]
pub fn CollocatesView(props: &ViewProps) -> Html {
    let a = &props.analysis;
    let sort = CollocateSort::from_key(&a.coll_sort).unwrap_or_default();
    let result = {
        let (engine, compiled, docs, stops) =
            (props.engine.clone(), props.compiled.clone(), props.matching.clone(), stop_list(a));
        use_memo(
            (props.compiled.clone(), props.matching.clone(), a.left, a.right, a.min_freq, stop_list(a), sort),
            move |(_, _, l, r, min, _, sort)| {
                let mut c = collocates(&engine, &compiled, &docs, *l as usize, *r as usize, *min, &stops);
                sort_collocates(&mut c.rows, *sort);
                Rc::new(c)
            },
        )
    };
    if props.compiled.is_empty() {
        return needs_query("collocates");
    }
    let c: Rc<_> = (*result).clone();
    let rows: Vec<_> = c.rows.iter().filter(|r| a.show_stopwords || !r.stopword).collect();
    let window = |get: fn(&Analysis) -> u8, set: fn(&mut Analysis, u8)| {
        (
            get(a),
            props.update(move |a: &mut Analysis, e: Event| {
                if let Ok(v) = field_value(&e).parse::<u8>() {
                    set(a, v.clamp(1, 10));
                }
            }),
        )
    };
    let (left, on_left) = window(|a| a.left, |a, v| a.left = v);
    let (right, on_right) = window(|a| a.right, |a, v| a.right = v);
    let on_min = props.update(|a: &mut Analysis, e: Event| {
        if let Ok(m) = field_value(&e).parse::<u32>() {
            a.min_freq = m.clamp(1, 1000);
        }
    });
    let on_stop = props.update(|a: &mut Analysis, e: Event| a.show_stopwords = field_checked(&e));
    let sort_by = |s: CollocateSort| {
        props.update(move |a: &mut Analysis, _: MouseEvent| {
            a.coll_sort = s.key().to_owned();
            a.page = 1;
        })
    };
    let on_page = props.update(|a: &mut Analysis, p: usize| a.page = p);
    let export_table = {
        let c = c.clone();
        Rc::new(move || table(&c)) as Rc<dyn Fn() -> _>
    };
    let header = |s: CollocateSort, title: &'static str| {
        let current = s == sort;
        html! {
            <th scope="col" class={classes!((s != CollocateSort::Word).then_some("num"))}
                aria-sort={if current { if s == CollocateSort::Word { "ascending" } else { "descending" } } else { "none" }}>
                <button type="button" class={classes!("sort-header", current.then_some("current"))} title={title}
                    data-sort={s.key()} onclick={sort_by(s)}>{ label(s) }{ if current { if s == CollocateSort::Word { " ▲" } else { " ▼" } } else { "" } }</button>
            </th>
        }
    };
    let opts = |n: u8| html! { { for (1..=10u8).map(|i| html! { <option value={i.to_string()} selected={i == n}>{ i }</option> }) } };
    let range = page_range(a.page, rows.len());
    html! {
        <section class="view collocates" aria-labelledby="view-title">
            <div class="view-head">
                <h2 id="view-title">{ "Collocates" }</h2>
                <p class="view-count" id="coll-count">
                    { format!("{} collocates of {} node hits · N = {} tokens", group_digits(rows.len()),
                        group_digits(c.f_node as usize), group_digits(c.n as usize)) }
                </p>
            </div>
            <div class="view-controls">
                <label>{ "Window " }<select id="coll-left" onchange={on_left}>{ opts(left) }</select>{ " left, " }</label>
                <label><select id="coll-right" onchange={on_right}>{ opts(right) }</select>{ " right" }</label>
                <label>{ "Min. frequency " }<input id="coll-min" type="number" min="1" max="1000" value={a.min_freq.to_string()} onchange={on_min} /></label>
                <label><input id="coll-stop" type="checkbox" checked={a.show_stopwords} onchange={on_stop} />{ " Show stopwords" }</label>
                <ExportButtons name={format!("collocates-{}", slug(&props.query))} table={export_table} meta={props.meta("collocates")} />
            </div>
            <p class="method">
                { "O: co-occurrences within the window (inside one paragraph); E = f(node) · f(coll) · (L + R) / N, the expected count for a window of L + R words (Evert 2008); " }
                { "logDice = 14 + log2(2·O / (f(node) + f(coll))); MI = log2(O / E); t-score = (O − E) / √O. Click a column to sort by it." }
            </p>
            if rows.is_empty() {
                <p class="empty-view">{ "No collocates reach the minimum frequency; lower it or widen the window." }</p>
            } else {
                <div class="table-scroll" role="region" aria-label="Collocates table" tabindex="0">
                    <table class="data coll-table" id="coll-table">
                        <thead><tr>
                            { header(CollocateSort::Word, "sort A–Z") }
                            { header(CollocateSort::Observed, "observed co-occurrences") }
                            { header(CollocateSort::Expected, "expected co-occurrences") }
                            { header(CollocateSort::Frequency, "frequency of the collocate") }
                            { header(CollocateSort::LogDice, "logDice") }
                            { header(CollocateSort::Mi, "mutual information") }
                            { header(CollocateSort::TScore, "t-score") }
                        </tr></thead>
                        <tbody>
                            { for rows[range].iter().map(|r| html! {
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
                    </table>
                </div>
                <Pager page={a.page} rows={rows.len()} {on_page} />
            }
        </section>
    }
}
