//! Trends by period (`by=year|month|<field>`): each period's rate is the sum of its documents'
//! hits over the sum of their tokens; a period without documents is a gap, not a zero.

use super::terms::terms_editor;
use super::trends::{format_tick, nice_axis, BOTTOM, H, LEFT, RIGHT, TOP, W};
use super::{data_table, field_value, match_menu, menu, view_frame};
use crate::components::export_buttons::{slug, ExportButtons};
use crate::context::AppContext;
use crate::labels::{self, clipped, group_digits};
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

fn chart(rows: &[PeriodRow], terms: &[String], bars: bool, by: &Period) -> Html {
    let n = rows.len().max(1) as f64;
    let max = rows.iter().flat_map(|r| r.per_10k.iter().flatten().copied()).fold(0.0, f64::max);
    let (top, step) = nice_axis(max);
    let plot_w = W - LEFT - RIGHT;
    let plot_h = H - TOP - BOTTOM;
    let band = plot_w / n;
    let x = |i: usize| LEFT + band * (i as f64 + 0.5);
    let y = |v: f64| TOP + plot_h * (1.0 - v / top);
    let ticks: Vec<f64> = (0..=((top / step).round() as usize)).map(|k| k as f64 * step).collect();
    // Every label when they fit, else every k-th.
    let every = ((rows.len() as f64 / 40.0).ceil() as usize).max(1);
    let gaps = rows.iter().filter(|r| r.docs == 0).count();
    html! {
        <svg class="trend-chart" viewBox={format!("0 0 {W} {H}")} role="img" id="trend-chart" aria-describedby="trend-table"
            aria-label={format!("{} chart of hits per 10,000 words for {} by {}, {} periods ({} without documents, shown as gaps); the table below has the figures.",
                if bars { "Bar" } else { "Line" }, terms.join(", "), what(by), rows.len(), gaps)}>
            <g class="axis y-axis">
                { for ticks.iter().map(|t| html! {
                    <g>
                        <line class="grid" x1={LEFT.to_string()} x2={(W - RIGHT).to_string()} y1={y(*t).to_string()} y2={y(*t).to_string()} />
                        <text x={(LEFT - 6.0).to_string()} y={(y(*t) + 4.0).to_string()} text-anchor="end">{ format_tick(*t) }</text>
                    </g>
                }) }
                <text class="axis-title" transform={format!("translate(14 {}) rotate(-90)", TOP + plot_h / 2.0)} text-anchor="middle">
                    { "hits per 10,000 words" }</text>
            </g>
            <g class="axis x-axis">
                <line x1={LEFT.to_string()} x2={(W - RIGHT).to_string()} y1={(TOP + plot_h).to_string()} y2={(TOP + plot_h).to_string()} />
                { for rows.iter().enumerate().filter(|(i, _)| i % every == 0).map(|(i, r)| html! {
                    <text class={classes!((r.docs == 0).then_some("gap-label"))}
                        transform={format!("translate({:.1} {:.1}) rotate(-40)", x(i), TOP + plot_h + 12.0)} text-anchor="end">
                        <title>{ format!("{}: {}", r.label, labels::count(r.docs as usize, "document")) }</title>{ clipped(&r.label, 18) }</text>
                }) }
                <text class="axis-title" x={(LEFT + plot_w / 2.0).to_string()} y={(H - 4.0).to_string()} text-anchor="middle">
                    { format!("by {}", what(by)) }</text>
            </g>
            { for terms.iter().enumerate().map(|(s, term)| {
                let class = format!("series series-{s}");
                if bars {
                    let k = terms.len().max(1) as f64;
                    let bw = (band * 0.8 / k).max(1.0);
                    html! {
                        <g class={class} data-term={term.clone()}>
                            { for rows.iter().enumerate().filter_map(|(i, r)| r.per_10k.get(s).copied().flatten().map(|v| (i, v))).map(|(i, v)| {
                                let bx = x(i) - band * 0.4 + bw * s as f64;
                                html! { <rect class="bar" x={format!("{bx:.1}")} y={format!("{:.1}", y(v))} width={format!("{bw:.1}")}
                                    height={format!("{:.1}", (TOP + plot_h - y(v)).max(0.0))}><title>{ format!("{term}: {v:.1}") }</title></rect> }
                            }) }
                        </g>
                    }
                } else {
                    // One polyline per run of periods with documents: a gap breaks the line.
                    let mut runs: Vec<Vec<String>> = vec![Vec::new()];
                    for (i, r) in rows.iter().enumerate() {
                        match r.per_10k.get(s).copied().flatten() {
                            Some(v) => runs.last_mut().map(|run| run.push(format!("{:.1},{:.1}", x(i), y(v)))).unwrap_or_default(),
                            None => runs.push(Vec::new()),
                        }
                    }
                    html! {
                        <g class={class} data-term={term.clone()}>
                            { for runs.iter().filter(|r| r.len() > 1).map(|run| html! { <polyline class="line" points={run.join(" ")} /> }) }
                            { for rows.iter().enumerate().filter_map(|(i, r)| r.per_10k.get(s).copied().flatten().map(|v| (i, v))).map(|(i, v)| html! {
                                <circle class="dot" cx={format!("{:.1}", x(i))} cy={format!("{:.1}", y(v))} r="3.5"><title>{ format!("{term}: {v:.1}") }</title></circle>
                            }) }
                        </g>
                    }
                }
            }) }
        </svg>
    }
}

/// The trends view by period.
pub fn view(app: &AppContext, request: &ViewRequest, terms: &[String], by: &Period, p: &Periods) -> Html {
    let a = &request.analysis;
    let bars = a.chart == Chart::Bar;
    let on_chart =
        app.callback(|e: Event| Action::Change(Change::Chart(Chart::from_key(&field_value(&e)).unwrap_or_default())));
    let unit = what(by);
    let body = html! {
        <>
            <div class="view-controls">
                { terms_editor(app, terms) }
                { menu("Chart ", "trend-chart-type", [(Chart::Line, "lines"), (Chart::Bar, "bars")]
                    .map(|(c, text)| (c.key().to_owned(), text.to_owned())), a.chart.key(), on_chart) }
                { by_menu(app, by) }
                { match_menu(app, a.matching) }
                if !terms.is_empty() {
                    <ExportButtons name={format!("trends-{}-by-{}", slug(&terms.join(" ")), slug(by.key()))} request={request.clone()} view="trends" />
                }
            </div>
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
                <div class="chart-box" tabindex="0" role="group" aria-label="Chart (scrolls sideways on narrow screens)">{ chart(&p.rows, terms, bars, by) }</div>
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
