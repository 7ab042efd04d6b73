//! Compare: two selections side by side (outlet A beside outlet B, 2021 beside 2025): the
//! words each uses more, the words both use alike, and one term's rates and lines in each.

use super::cloud;
use super::{data_table, field_value, match_menu, unit_menu, view_frame};
use crate::components::export_buttons::{slug, ExportButtons};
use crate::context::AppContext;
use crate::labels::{self, group_digits};
use crate::state::Action;
use explorer_core::analysis::compare::{CompareRow, LOCK_RATIO};
use explorer_core::analysis::keyness::{CRITICAL_01, CRITICAL_05};
use explorer_core::api::{CompareData, KwicRow, Side, ViewRequest};
use explorer_core::facets::Facet;
use explorer_core::view_state::Change;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// A selection of one facet value in the query language: `outlet:RT`, `kind:"podcast transcript"`.
pub fn selection_of(facet: &Facet, value: &str) -> String {
    let plain = !value.is_empty() && value.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_' || c == '.');
    if plain {
        format!("{}:{value}", facet.key())
    } else {
        format!("{}:\"{}\"", facet.key(), value.replace('"', ""))
    }
}

/// One side's controls: the selection as text (applied on change or Enter) and a picker of the
/// facets' values that writes it.
fn side_controls(app: &AppContext, side: char, expr: &str, rest_allowed: bool) -> Html {
    let info = app.client.info.clone();
    let change = move |text: String| if side == 'a' { Change::SideA(text) } else { Change::SideB(text) };
    let on_text = app.callback(move |e: Event| {
        let i: HtmlInputElement = e.target_unchecked_into();
        Action::Change(change(i.value()))
    });
    let on_pick = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let v = field_value(&e);
            if v != "-" {
                app.dispatch(Action::Change(change(v)));
            }
        })
    };
    let label = if side == 'a' { "Side A" } else { "Side B" };
    // The query language selects by outlet, kind, year and person (not other fields).
    let facets: Vec<Facet> =
        info.facets.iter().map(|(f, _)| f.clone()).filter(|f| !matches!(f, Facet::Field(_))).collect();
    html! {
        <fieldset class={classes!("side", format!("side-{side}"))}>
            <legend>{ label }</legend>
            <label>{ "Selection " }
                <input id={format!("side-{side}")} type="text" value={expr.to_owned()} onchange={on_text}
                    placeholder={if rest_allowed { "empty: every other document" } else { "outlet:rt, year:..2022, kind:news -putin" }} />
            </label>
            <label>{ "Pick " }
                <select id={format!("side-{side}-pick")} onchange={on_pick}>
                    <option value="-" selected=true>{ "a facet value…" }</option>
                    if rest_allowed {
                        <option value="">{ "every other document" }</option>
                    }
                    { for facets.iter().map(|f| html! {
                        <optgroup label={labels::facet(f)}>
                            { for info.values(f).iter().take(200).map(|v| {
                                let sel = selection_of(f, v);
                                html! { <option value={sel.clone()}>{ v.clone() }</option> }
                            }) }
                        </optgroup>
                    }) }
                </select>
            </label>
        </fieldset>
    }
}

fn size_line(name: &str, s: &Side, rest: bool) -> Html {
    let what = if rest { "every other document".to_owned() } else { s.expr.clone() };
    html! {
        <p class="side-size" id={format!("size-{}", name.to_ascii_lowercase())}>
            <strong>{ format!("{name}: ") }</strong><code>{ what }</code>
            { format!(" — {}, {} tokens", labels::count(s.size.docs, "document"), group_digits(s.size.tokens as usize)) }
            if s.size.docs == 0 {
                <span class="empty-side">{ format!(" Side {name} has no document among those the filters allow.") }</span>
            }
        </p>
    }
}

fn rows_table(app: &AppContext, rows: &[CompareRow], caption: String, id: &'static str) -> Html {
    html! {
        { data_table(caption.clone(), "compare-table", Some(id), html! { <>
            <caption>{ caption }</caption>
            <thead><tr>
                <th scope="col">{ "Word" }</th>
                <th scope="col" class="num" title="count in A">{ "A" }</th>
                <th scope="col" class="num" title="count in B">{ "B" }</th>
                <th scope="col" class="num" title="per 10,000 tokens in A">{ "A /10k" }</th>
                <th scope="col" class="num" title="per 10,000 tokens in B">{ "B /10k" }</th>
                <th scope="col" class="num" title="log-likelihood (Rayson & Garside 2000)">{ "G²" }</th>
                <th scope="col" class="num" title="log2 of the ratio of relative frequencies, A over B">{ "Log Ratio" }</th>
                <th scope="col">{ "p" }</th>
            </tr></thead>
            <tbody>
                { for rows.iter().map(|r| {
                    let word = r.word.clone();
                    let onclick = app.callback(move |_: MouseEvent| Action::Change(Change::OnlyTerm(word.clone())));
                    html! {
                        <tr class="compare-row" data-word={r.word.clone()}>
                            <td class="word"><button type="button" class="link" {onclick}
                                title={format!("Compare “{}” in A and B", r.word)}>{ r.word.clone() }</button></td>
                            <td class="num">{ r.a }</td>
                            <td class="num">{ r.b }</td>
                            <td class="num">{ format!("{:.2}", r.a_per_10k) }</td>
                            <td class="num">{ format!("{:.2}", r.b_per_10k) }</td>
                            <td class="num">{ format!("{:.2}", r.g2) }</td>
                            <td class="num">{ format!("{:+.2}", r.log_ratio) }</td>
                            <td class="sig">{ if r.p01 { "<\u{a0}0.01" } else if r.p05 { "<\u{a0}0.05" } else { "n.s." } }</td>
                        </tr>
                    }
                }) }
            </tbody>
        </> }) }
    }
}

fn lines_table(app: &AppContext, side: &str, term: &str, lines: &[KwicRow], hits: u64) -> Html {
    let id = format!("compare-kwic-{}", side.to_ascii_lowercase());
    html! {
        <div class="compare-lines">
            <h4>{ format!("In {side}: ") }{ if lines.len() as u64 == hits { labels::count(lines.len(), "line") } else {
                format!("the first {} of {} lines", lines.len(), group_digits(hits as usize)) } }</h4>
            if lines.is_empty() {
                <p class="empty-view">{ format!("No hits in {side}.") }</p>
            } else {
                <table class="kwic" id={id}>
                    <thead><tr>
                        <th scope="col" class="kwic-left">{ "Left" }</th>
                        <th scope="col" class="kwic-kw">{ "Keyword" }</th>
                        <th scope="col" class="kwic-right">{ "Right" }</th>
                    </tr></thead>
                    <tbody>
                        { for lines.iter().map(|l| {
                            super::concordance::line(app, l, false, Action::OpenTermHit(l.doc.id.clone(), l.hit, term.to_owned()))
                        }) }
                    </tbody>
                </table>
            }
        </div>
    }
}

fn controls(app: &AppContext, request: &ViewRequest, export: bool) -> Html {
    let a = &request.analysis;
    let min = a.min_freq;
    let on_min = app.callback(move |e: Event| Action::Change(Change::MinFreq(field_value(&e).parse().unwrap_or(min))));
    let swap = app.callback(|_: MouseEvent| Action::Change(Change::SwapSides));
    html! {
        <div class="view-controls compare-controls">
            { side_controls(app, 'a', &a.side_a, false) }
            { side_controls(app, 'b', &a.side_b, true) }
            <button type="button" id="swap-sides" onclick={swap} disabled={a.side_b.is_empty()}>{ "Swap A and B" }</button>
            { unit_menu(app, "compare-unit", a.unit) }
            <label>{ "Min. frequency " }
                <input id="compare-min" type="number" min="1" max="1000" value={a.min_freq.to_string()} onchange={on_min} />
            </label>
            { match_menu(app, a.matching) }
            { cloud::toggle(app, a.cloud) }
            if export {
                <ExportButtons name={format!("compare-{}-{}", slug(&a.side_a), slug(if a.side_b.is_empty() { "rest" } else { &a.side_b }))}
                    request={request.clone()} view="compare" />
            }
        </div>
    }
}

/// The comparison before side A is chosen.
pub fn needs_sides(app: &AppContext, request: &ViewRequest) -> Html {
    let body = html! {
        <>
            { controls(app, request, false) }
            <p class="empty-view">{ "Choose side A (and side B, or leave it empty to compare A with every other document): pick a facet value, or write a selection in the query language, e.g. outlet:rt, year:..2022 or kind:news -putin." }</p>
        </>
    };
    view_frame("compare", "Compare", None, body)
}

/// The comparison view.
pub fn view(app: &AppContext, request: &ViewRequest, c: &CompareData) -> Html {
    let rest = c.b.expr.is_empty();
    let count = format!("{} words tested", group_digits(c.tested));
    let empty = c.a.size.tokens == 0 || c.b.size.tokens == 0;
    let body = html! {
        <>
            { controls(app, request, true) }
            <div class="compare-sizes">
                { size_line("A", &c.a, false) }
                { size_line("B", &c.b, rest) }
                if c.overlap > 0 {
                    <p class="hint" id="compare-overlap">{ format!("{} in both sides count in both.", labels::count(c.overlap, "document")) }</p>
                }
                { for c.a.notes.iter().chain(&c.b.notes).map(|n| html! { <p class="hint">{ n.clone() }</p> }) }
            </div>
            <p class="method">
                { "A is the target and B the reference: a and b are a word's counts in A and B, c and d their tokens. Log-likelihood G² = 2(a ln(a/E1) + b ln(b/E2)), E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d) (Rayson & Garside 2000); " }
                { format!("G² ≥ {CRITICAL_05} means p < 0.05, ≥ {CRITICAL_01} p < 0.01. ") }
                { format!("Log Ratio = log2((a/c)/(b/d)), a zero count replaced by 0.5 (Hardie 2014). Words both use alike (lockwords): |Log Ratio| < {LOCK_RATIO}, at least the minimum frequency in each side. Click a word to compare it.") }
            </p>
            if let Some(t) = &c.term {
                <section class="compare-term" id="compare-term" aria-label={format!("“{}” in A and B", t.term)}>
                    <h3>{ format!("“{}”", t.term) }</h3>
                    <p id="compare-rates">
                        { format!("{:.2} per 10,000 tokens in A ({}), {:.2} in B ({})",
                            t.rates.a_per_10k, labels::count(t.rates.a_hits as usize, "hit"),
                            t.rates.b_per_10k, labels::count(t.rates.b_hits as usize, "hit")) }
                    </p>
                    <div class="compare-kwic">
                        { lines_table(app, "A", &t.term, &t.a_lines, t.rates.a_hits) }
                        { lines_table(app, "B", &t.term, &t.b_lines, t.rates.b_hits) }
                    </div>
                </section>
            }
            if empty {
                <p class="empty-view" id="compare-empty">{ "Nothing to compare: a side without tokens has no words to set against the other." }</p>
            } else {
                if let Some(cl) = &c.cloud {
                    { cloud::cloud(app, cl, "compare-tables", "words used more in A (first colour) and in B (second colour)") }
                }
                <div class="compare-tables" id="compare-tables">
                    { rows_table(app, &c.more_in_a, format!("Used more in A ({})", c.more_in_a.len()), "compare-a") }
                    { rows_table(app, &c.more_in_b, format!("Used more in B ({})", c.more_in_b.len()), "compare-b") }
                    { rows_table(app, &c.lockwords, format!("Used alike ({})", c.lockwords.len()), "compare-lock") }
                </div>
            }
        </>
    };
    view_frame("compare", "Compare", Some(("compare-count", count)), body)
}
