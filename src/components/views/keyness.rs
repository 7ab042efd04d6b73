//! Distinctive words: what a document, outlet or kind uses more (or less) than the rest.

use super::{data_table, field_value, unit_menu, view_frame};
use crate::components::export_buttons::{slug, ExportButtons};
use crate::context::AppContext;
use crate::labels::{self, group_digits};
use crate::state::Action;
use explorer_core::analysis::keyness::{Direction, KeyRow, CRITICAL_01, CRITICAL_05};
use explorer_core::api::{KeynessData, ViewRequest};
use explorer_core::facets::Facet;
use explorer_core::view_state::{Change, Target};
use yew::prelude::*;

fn rows_table(rows: &[KeyRow], caption: &str, id: &'static str) -> Html {
    html! {
        { data_table(caption.to_owned(), "keyness-table", Some(id), html! { <>
                <caption>{ caption.to_owned() }</caption>
                <thead><tr>
                    <th scope="col">{ "Word" }</th>
                    <th scope="col" class="num" title="count in the target">{ "Target" }</th>
                    <th scope="col" class="num" title="count in the rest">{ "Rest" }</th>
                    <th scope="col" class="num" title="log-likelihood (Rayson & Garside 2000)">{ "G²" }</th>
                    <th scope="col" class="num" title="log2 of the ratio of relative frequencies">{ "Log Ratio" }</th>
                    <th scope="col">{ "p" }</th>
                </tr></thead>
                <tbody>
                    { for rows.iter().map(|r| html! {
                        <tr class={classes!("key-row", if r.direction == Direction::Over { "over" } else { "under" })} data-word={r.word.clone()}>
                            <td class="word">{ r.word.clone() }</td>
                            <td class="num">{ r.a }</td>
                            <td class="num">{ r.b }</td>
                            <td class="num">{ format!("{:.2}", r.g2) }</td>
                            <td class="num">{ format!("{:+.2}", r.log_ratio) }</td>
                            <td class="sig">{ if r.p01 { "< 0.01" } else if r.p05 { "< 0.05" } else { "n.s." } }</td>
                        </tr>
                    }) }
                </tbody>
        </> }) }
    }
}

/// The distinctive-words view.
pub fn view(app: &AppContext, request: &ViewRequest, k: &KeynessData) -> Html {
    let a = &request.analysis;
    let info = &app.client.info;
    let target = k.target.as_ref().map(Target::key);
    let on_target = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            if let Some(t) = Target::from_key(&field_value(&e)) {
                app.dispatch(Action::Change(Change::Target(t)));
            }
        })
    };
    let min = a.min_freq;
    let on_min = app.callback(move |e: Event| Action::Change(Change::MinFreq(field_value(&e).parse().unwrap_or(min))));
    let option = |value: String, label: String| {
        let selected = target.as_deref() == Some(value.as_str());
        html! { <option value={value} {selected}>{ label }</option> }
    };
    let facet_options = |facet: Facet, target: fn(String) -> Target| {
        html! { { for info.values(&facet).iter().map(|v| option(target(v.clone()).key(), v.clone())) } }
    };
    let count = format!(
        "{} tokens in {} against {} tokens in the other {} · {} words tested",
        group_digits(k.target_size.tokens as usize),
        labels::count(k.target_size.docs, "document"),
        group_digits(k.reference_size.tokens as usize),
        k.reference_size.docs,
        group_digits(k.tested)
    );
    let body = html! {
        <>
            <div class="view-controls">
                <label>{ "Words of " }
                    <select id="keyness-target" onchange={on_target}>
                        <optgroup label="Document">
                            { for k.choices.iter().map(|d| option(Target::Doc(d.id.clone()).key(), d.title.clone())) }
                        </optgroup>
                        <optgroup label="Outlet">{ facet_options(Facet::Outlet, Target::Outlet) }</optgroup>
                        <optgroup label="Kind">{ facet_options(Facet::Kind, Target::Kind) }</optgroup>
                    </select>
                </label>
                { unit_menu(app, "keyness-unit", a.unit) }
                <label>{ "Min. frequency " }
                    <input id="keyness-min" type="number" min="1" max="1000" value={a.min_freq.to_string()} onchange={on_min} />
                </label>
                <ExportButtons name={format!("distinctive-{}", slug(target.as_deref().unwrap_or("none")))}
                    request={request.clone()} view="keyness" />
            </div>
            <p class="method">
                { "Log-likelihood G² = 2(a ln(a/E1) + b ln(b/E2)), E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d) (Rayson & Garside 2000), where a, b are the word's counts in the target and the rest and c, d their sizes; " }
                { format!("G² ≥ {CRITICAL_05} means p < 0.05, ≥ {CRITICAL_01} p < 0.01. ") }
                { "Log Ratio = log2((a/c)/(b/d)), a zero count replaced by 0.5 (Hardie 2014): +1 is twice as frequent. Only words with p < 0.05 are listed here; the download has every word." }
            </p>
            if k.target_size.docs == 0 {
                <p class="empty-view">{ "Choose what to compare: the target has no document among those the filters allow." }</p>
            } else if k.reference_size.docs == 0 {
                <p class="empty-view">{ "Nothing to compare with: every allowed document is in the target. Clear a filter or choose a smaller target." }</p>
            } else {
                <div class="keyness-tables">
                    { rows_table(&k.over, &format!("Used more ({})", k.over.len()), "keyness-over") }
                    { rows_table(&k.under, &format!("Used less ({})", k.under.len()), "keyness-under") }
                </div>
            }
        </>
    };
    view_frame("keyness", "Distinctive words", Some(("keyness-count", count)), body)
}
