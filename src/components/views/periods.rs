//! Trends by period (`by=year|month|<field>`): each period's rate is the sum of its documents'
//! hits over the sum of their tokens; a period without documents is a gap, not a zero.

use super::trends::{chart, controls, Column};
use super::{data_table, field_value, menu, view_frame};
use crate::components::export_buttons::slug;
use crate::context::AppContext;
use crate::labels::{self, group_digits};
use crate::state::Action;
use explorer_core::analysis::trends::{Period, PeriodRow, Periods};
use explorer_core::api::ViewRequest;
use explorer_core::facets::Facet;
use explorer_core::view_state::{Change, Chart};
use yew::prelude::*;

/// The "Over" menu: each document, year, month, or a metadata field of the corpus.
pub fn by_menu(app: &AppContext, by: &Period) -> Html {
    let mut options: Vec<(String, String)> =
        [(Period::Doc, "each document"), (Period::Year, "years"), (Period::Month, "months")]
            .into_iter()
            .map(|(p, text)| (p.key().to_owned(), text.to_owned()))
            .collect();
    for (facet, _) in &app.client.info.facets {
        if *facet != Facet::Year {
            options.push((facet.key().to_owned(), labels::facet(facet)));
        }
    }
    let onchange =
        app.callback(|e: Event| Action::Change(Change::By(Period::from_key(&field_value(&e)).unwrap_or_default())));
    menu("Over ", "trend-by", options, by.key(), onchange)
}

fn what(by: &Period) -> String {
    match by {
        Period::Doc => "document".into(),
        Period::Year => "year".into(),
        Period::Month => "month".into(),
        // The field's name as a word of a sentence ("each outlet", "each party").
        Period::Field(name) => match Facet::from_param(name) {
            Some(Facet::Person) => "person".into(),
            _ => name.replace(['_', '-'], " "),
        },
    }
}

/// The chart's columns: each period, a gap where it has no documents.
fn columns(rows: &[PeriodRow]) -> Vec<Column> {
    rows.iter()
        .map(|r| Column {
            label: r.label.clone(),
            title: format!("{}: {}", r.label, labels::count(r.docs as usize, "document")),
            gap: r.docs == 0,
            values: r.per_10k.clone(),
        })
        .collect()
}

/// The trends view by period.
pub fn view(app: &AppContext, request: &ViewRequest, terms: &[String], by: &Period, p: &Periods) -> Html {
    let bars = request.analysis.chart == Chart::Bar;
    let unit = what(by);
    let body = html! {
        <>
            { controls(app, request, terms, format!("trends-{}-by-{}", slug(&terms.join(" ")), slug(by.key()))) }
            <p class="method">{ format!("Each {unit}'s rate is the sum of its documents' hits over the sum of their tokens × 10,000 (not a mean of the documents' rates); a {unit} without documents is a gap, not a zero.") }</p>
            if p.left_out > 0 {
                <p class="hint" id="trend-left-out">{ format!("{} without a {unit} {} left out.", labels::count(p.left_out, "document"), if p.left_out == 1 { "is" } else { "are" }) }</p>
            }
            if !p.gaps_filled {
                <p class="hint">{ "The span is too long to list every period: only the periods with documents are shown." }</p>
            }
            if terms.is_empty() {
                <p class="empty-view">{ "Type a query, or add terms above, to see how often they occur over time." }</p>
            } else if p.rows.is_empty() {
                <p class="empty-view">{ format!("No documents to chart by {unit}.") }</p>
            } else {
                <div class="chart-box" tabindex="0" role="group" aria-label="Chart (scrolls sideways on narrow screens)">{ chart(&columns(&p.rows), terms, bars, &format!("by {}", what(by)),
                    format!("by {}, {} periods ({} without documents, shown as gaps)", what(by), p.rows.len(),
                        p.rows.iter().filter(|r| r.docs == 0).count())) }</div>
                { data_table("Trends data table".into(), "trend-table", Some("trend-table"), html! { <>
                    <caption>{ format!("Hits per 10,000 words, by {unit}") }</caption>
                    <thead><tr>
                        <th scope="col">{ labels::capitalised(&unit) }</th>
                        <th scope="col" class="num">{ "Documents" }</th>
                        <th scope="col" class="num">{ "Words" }</th>
                        { for terms.iter().enumerate().map(|(i, t)| html! { <th scope="col" class={classes!("num", format!("series-{i}"))}>{ t.clone() }</th> }) }
                    </tr></thead>
                    <tbody>
                        { for p.rows.iter().map(|r| html! {
                            <tr class={classes!("period-row", (r.docs == 0).then_some("gap"))} data-period={r.label.clone()}>
                                <td>{ r.label.clone() }</td>
                                <td class="num">{ r.docs }</td>
                                <td class="num">{ group_digits(r.words as usize) }</td>
                                { for r.per_10k.iter().zip(&r.hits).map(|(v, h)| match v {
                                    Some(v) => html! { <td class="num" title={format!("{h} hits")} data-hits={h.to_string()}>{ format!("{v:.1}") }</td> },
                                    None => html! { <td class="num gap" title="no documents">{ "—" }</td> },
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </> }) }
            }
        </>
    };
    view_frame("trends", "Trends", None, body)
}
