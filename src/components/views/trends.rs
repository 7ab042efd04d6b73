//! Trends: each term's relative frequency per document, in date order, as a line or bar chart
//! (SVG, with its data table as the text alternative).

use super::terms::terms_editor;
use super::{data_table, field_value, match_menu, menu, view_frame};
use crate::components::export_buttons::{slug, ExportButtons};
use crate::context::AppContext;
use crate::labels::clipped;
use crate::state::Action;
use explorer_core::api::{TrendPoint, ViewRequest};
use explorer_core::view_state::{Change, Chart};
use yew::prelude::*;

const W: f64 = 640.0;
const H: f64 = 300.0;
const LEFT: f64 = 58.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 86.0;

/// A "nice" axis maximum and tick step for values up to `max` (1, 2 or 5 times a power of ten).
pub fn nice_axis(max: f64) -> (f64, f64) {
    if max <= 0.0 || !max.is_finite() {
        return (1.0, 0.25);
    }
    let raw = max / 4.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * mag).find(|s| *s >= raw).unwrap_or(10.0 * mag);
    ((max / step).ceil() * step, step)
}

/// One column of the chart: a document, or a period.
pub struct Column {
    /// The label under the axis.
    pub label: String,
    /// What the label's tooltip says (the document's title, the period's documents).
    pub title: String,
    /// A period without documents (its label is set in italics).
    pub gap: bool,
    /// Each series' value (hits per 10,000 words); none for a gap.
    pub values: Vec<Option<f64>>,
}

/// The chart of the trends view, by document or by period: a line per series (broken where a
/// column has no value) or grouped bars, in SVG, described by the data table below it.
pub fn chart(columns: &[Column], terms: &[String], bars: bool, x_title: &str, description: String) -> Html {
    let n = columns.len().max(1) as f64;
    let max = columns.iter().flat_map(|c| c.values.iter().flatten().copied()).fold(0.0, f64::max);
    let (top, step) = nice_axis(max);
    let plot_w = W - LEFT - RIGHT;
    let plot_h = H - TOP - BOTTOM;
    let band = plot_w / n;
    let x = |i: usize| LEFT + band * (i as f64 + 0.5);
    let y = |v: f64| TOP + plot_h * (1.0 - v / top);
    let ticks: Vec<f64> = (0..=((top / step).round() as usize)).map(|k| k as f64 * step).collect();
    // Every label when they fit, else every k-th.
    let every = ((columns.len() as f64 / 40.0).ceil() as usize).max(1);
    let value = |c: &Column, s: usize| c.values.get(s).copied().flatten();
    html! {
        <svg class="trend-chart" viewBox={format!("0 0 {W} {H}")} role="img" id="trend-chart" aria-describedby="trend-table"
            aria-label={format!("{} chart of hits per 10,000 words for {} {description}; the table below has the figures.",
                if bars { "Bar" } else { "Line" }, terms.join(", "))}>
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
                { for columns.iter().enumerate().filter(|(i, _)| i % every == 0).map(|(i, c)| html! {
                    <text class={classes!(c.gap.then_some("gap-label"))}
                        transform={format!("translate({:.1} {:.1}) rotate(-40)", x(i), TOP + plot_h + 12.0)} text-anchor="end">
                        <title>{ c.title.clone() }</title>{ clipped(&c.label, 18) }</text>
                }) }
                <text class="axis-title" x={(LEFT + plot_w / 2.0).to_string()} y={(H - 4.0).to_string()} text-anchor="middle">
                    { x_title.to_owned() }</text>
            </g>
            { for terms.iter().enumerate().map(|(s, term)| {
                let class = format!("series series-{s}");
                let points = columns.iter().enumerate().filter_map(|(i, c)| value(c, s).map(|v| (i, v)));
                if bars {
                    let k = terms.len().max(1) as f64;
                    let bw = (band * 0.8 / k).max(1.0);
                    html! {
                        <g class={class} data-term={term.clone()}>
                            { for points.map(|(i, v)| {
                                let bx = x(i) - band * 0.4 + bw * s as f64;
                                html! { <rect class="bar" x={format!("{bx:.1}")} y={format!("{:.1}", y(v))} width={format!("{bw:.1}")}
                                    height={format!("{:.1}", (TOP + plot_h - y(v)).max(0.0))}><title>{ format!("{term}: {v:.1}") }</title></rect> }
                            }) }
                        </g>
                    }
                } else {
                    // One polyline per run of columns with a value: a gap breaks the line.
                    let mut runs: Vec<Vec<String>> = vec![Vec::new()];
                    for c in columns.iter().enumerate() {
                        match value(c.1, s) {
                            Some(v) => runs.last_mut().into_iter().for_each(|run| run.push(format!("{:.1},{:.1}", x(c.0), y(v)))),
                            None => runs.push(Vec::new()),
                        }
                    }
                    html! {
                        <g class={class} data-term={term.clone()}>
                            { for runs.iter().filter(|r| r.len() > 1).map(|run| html! { <polyline class="line" points={run.join(" ")} /> }) }
                            { for points.map(|(i, v)| html! {
                                <circle class="dot" cx={format!("{:.1}", x(i))} cy={format!("{:.1}", y(v))} r="3.5"><title>{ format!("{term}: {v:.1}") }</title></circle>
                            }) }
                        </g>
                    }
                }
            }) }
        </svg>
    }
}

fn format_tick(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// The trends' controls, by document or by period: the terms, lines or bars, the period, the
/// matching, and the downloads (named `export`).
pub fn controls(app: &AppContext, request: &ViewRequest, terms: &[String], export: String) -> Html {
    let a = &request.analysis;
    let on_chart =
        app.callback(|e: Event| Action::Change(Change::Chart(Chart::from_key(&field_value(&e)).unwrap_or_default())));
    html! {
        <div class="view-controls">
            { terms_editor(app, terms) }
            { menu("Chart ", "trend-chart-type", [(Chart::Line, "lines"), (Chart::Bar, "bars")]
                .map(|(c, text)| (c.key().to_owned(), text.to_owned())), a.chart.key(), on_chart) }
            { super::periods::by_menu(app, &a.by) }
            { match_menu(app, a.matching) }
            if !terms.is_empty() {
                <ExportButtons name={export} request={request.clone()} view="trends" />
            }
        </div>
    }
}

/// The chart's columns: each document, labelled by its date.
fn columns(points: &[TrendPoint]) -> Vec<Column> {
    points
        .iter()
        .map(|p| Column {
            label: p.date.clone().unwrap_or_else(|| "undated".into()),
            title: p.doc.title.clone(),
            gap: false,
            values: p.per_10k.iter().map(|&v| Some(v)).collect(),
        })
        .collect()
}

/// The trends view.
pub fn view(app: &AppContext, request: &ViewRequest, terms: &[String], points: &[TrendPoint]) -> Html {
    let bars = request.analysis.chart == Chart::Bar;
    let body = html! {
        <>
            { controls(app, request, terms, format!("trends-{}", slug(&terms.join(" ")))) }
            if terms.is_empty() {
                <p class="empty-view">{ "Type a query, or add terms above, to see how often they occur over time." }</p>
            } else if points.is_empty() {
                <p class="empty-view">{ "No documents to chart: the filters allow none." }</p>
            } else {
                <div class="chart-box" tabindex="0" role="group" aria-label="Chart (scrolls sideways on narrow screens)">
                    { chart(&columns(points), terms, bars, "documents, oldest to newest",
                        format!("across {} documents in date order", points.len())) }</div>
                { data_table("Trends data table".into(), "trend-table", Some("trend-table"), html! { <>
                        <caption>{ "Hits per 10,000 words, by document in date order" }</caption>
                        <thead><tr>
                            <th scope="col">{ "Date" }</th>
                            <th scope="col">{ "Document" }</th>
                            <th scope="col" class="num">{ "Words" }</th>
                            { for terms.iter().enumerate().map(|(i, t)| html! { <th scope="col" class={classes!("num", format!("series-{i}"))}>{ t.clone() }</th> }) }
                        </tr></thead>
                        <tbody>
                            { for points.iter().map(|r| html! {
                                <tr data-doc-id={r.doc.id.clone()}>
                                    <td>{ r.date.clone().unwrap_or_else(|| "undated".into()) }</td>
                                    <td>{ r.doc.title.clone() }</td>
                                    <td class="num">{ r.words }</td>
                                    { for r.per_10k.iter().zip(&r.hits).map(|(v, h)| html! { <td class="num" title={format!("{h} hits")}>{ format!("{v:.1}") }</td> }) }
                                </tr>
                            }) }
                        </tbody>
                </> }) }
            }
        </>
    };
    view_frame("trends", "Trends", None, body)
}

#[cfg(test)]
mod tests {
    use super::nice_axis;

    #[test]
    fn axis_maxima_are_round() {
        assert_eq!(nice_axis(0.0), (1.0, 0.25));
        assert_eq!(nice_axis(7.3), (8.0, 2.0));
        // 43 / 4 = 10.75 per step: the next nice step is 20, so the axis runs to 60.
        assert_eq!(nice_axis(43.0), (60.0, 20.0));
        let (top, step) = nice_axis(43.0);
        assert!(top >= 43.0 && (top / step).round() <= 5.0);
        let (top, step) = nice_axis(0.42);
        assert!(top >= 0.42 && step > 0.0);
    }
}
