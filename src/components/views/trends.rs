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

pub const W: f64 = 640.0;
pub const H: f64 = 300.0;
pub const LEFT: f64 = 58.0;
pub const RIGHT: f64 = 12.0;
pub const TOP: f64 = 14.0;
pub const BOTTOM: f64 = 86.0;

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

fn chart(rows: &[TrendPoint], terms: &[String], bars: bool) -> Html {
    let n = rows.len().max(1) as f64;
    let max = rows.iter().flat_map(|r| r.per_10k.iter().copied()).fold(0.0, f64::max);
    let (top, step) = nice_axis(max);
    let plot_w = W - LEFT - RIGHT;
    let plot_h = H - TOP - BOTTOM;
    let band = plot_w / n;
    let x = |i: usize| LEFT + band * (i as f64 + 0.5);
    let y = |v: f64| TOP + plot_h * (1.0 - v / top);
    let ticks: Vec<f64> = (0..=((top / step).round() as usize)).map(|k| k as f64 * step).collect();
    html! {
        <svg class="trend-chart" viewBox={format!("0 0 {W} {H}")} role="img" id="trend-chart" aria-describedby="trend-table"
            aria-label={format!("{} chart of hits per 10,000 words for {} across {} documents in date order; the table below has the figures.",
                if bars { "Bar" } else { "Line" }, terms.join(", "), rows.len())}>
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
                { for rows.iter().enumerate().map(|(i, r)| {
                    let label = r.date.clone().unwrap_or_else(|| "undated".into());
                    html! {
                        <text transform={format!("translate({:.1} {:.1}) rotate(-40)", x(i), TOP + plot_h + 12.0)} text-anchor="end">
                            <title>{ r.doc.title.clone() }</title>{ clipped(&label, 18) }</text>
                    }
                }) }
                <text class="axis-title" x={(LEFT + plot_w / 2.0).to_string()} y={(H - 4.0).to_string()} text-anchor="middle">
                    { "documents, oldest to newest" }</text>
            </g>
            { for terms.iter().enumerate().map(|(s, term)| {
                let class = format!("series series-{s}");
                if bars {
                    let k = terms.len().max(1) as f64;
                    let bw = (band * 0.8 / k).max(1.0);
                    html! {
                        <g class={class} data-term={term.clone()}>
                            { for rows.iter().enumerate().map(|(i, r)| {
                                let v = r.per_10k.get(s).copied().unwrap_or(0.0);
                                let bx = x(i) - band * 0.4 + bw * s as f64;
                                html! { <rect class="bar" x={format!("{bx:.1}")} y={format!("{:.1}", y(v))} width={format!("{bw:.1}")}
                                    height={format!("{:.1}", (TOP + plot_h - y(v)).max(0.0))}><title>{ format!("{term}: {v:.1}") }</title></rect> }
                            }) }
                        </g>
                    }
                } else {
                    let points: Vec<String> = rows.iter().enumerate()
                        .map(|(i, r)| format!("{:.1},{:.1}", x(i), y(r.per_10k.get(s).copied().unwrap_or(0.0)))).collect();
                    html! {
                        <g class={class} data-term={term.clone()}>
                            <polyline class="line" points={points.join(" ")} />
                            { for rows.iter().enumerate().map(|(i, r)| {
                                let v = r.per_10k.get(s).copied().unwrap_or(0.0);
                                html! { <circle class="dot" cx={format!("{:.1}", x(i))} cy={format!("{:.1}", y(v))} r="3.5"><title>{ format!("{term}: {v:.1}") }</title></circle> }
                            }) }
                        </g>
                    }
                }
            }) }
        </svg>
    }
}

pub fn format_tick(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// The trends view.
pub fn view(app: &AppContext, request: &ViewRequest, terms: &[String], points: &[TrendPoint]) -> Html {
    let bars = request.analysis.chart == Chart::Bar;
    let on_chart =
        app.callback(|e: Event| Action::Change(Change::Chart(Chart::from_key(&field_value(&e)).unwrap_or_default())));
    let body = html! {
        <>
            <div class="view-controls">
                { terms_editor(app, terms) }
                { menu("Chart ", "trend-chart-type", [(Chart::Line, "lines"), (Chart::Bar, "bars")]
                    .map(|(c, text)| (c.key().to_owned(), text.to_owned())), request.analysis.chart.key(), on_chart) }
                { super::periods::by_menu(app, &request.analysis.by) }
                { match_menu(app, request.analysis.matching) }
                if !terms.is_empty() {
                    <ExportButtons name={format!("trends-{}", slug(&terms.join(" ")))} request={request.clone()} view="trends" />
                }
            </div>
            if terms.is_empty() {
                <p class="empty-view">{ "Type a query, or add terms above, to see how often they occur over time." }</p>
            } else if points.is_empty() {
                <p class="empty-view">{ "No documents to chart: the filters allow none." }</p>
            } else {
                <div class="chart-box" tabindex="0" role="group" aria-label="Chart (scrolls sideways on narrow screens)">{ chart(points, terms, bars) }</div>
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
