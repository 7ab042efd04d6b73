//! Distribution: where each term's hits fall in each document (a dispersion plot), with
//! hits per 10,000 words and Gries's DP.

use super::terms::terms_editor;
use super::{data_table, match_menu, view_frame};
use crate::components::export_buttons::{slug, ExportButtons};
use crate::context::AppContext;
use explorer_core::api::{Series, ViewRequest};
use yew::prelude::*;

fn series(i: usize, s: &Series) -> Html {
    html! {
        <div class={classes!("series", format!("series-{i}"))} data-term={s.term.clone()}>
            <h3><span class="swatch" aria-hidden="true"></span>{ s.term.clone() }
                <span class="series-stats">{ format!(" · {} hits · DP {:.3} · DPnorm {:.3}", s.hits, s.dp, s.dp_norm) }</span></h3>
            { data_table(format!("Distribution of {}", s.term), "dispersion-table", None, html! { <>
                    <thead><tr>
                        <th scope="col">{ "Document" }</th>
                        <th scope="col" class="num">{ "Hits" }</th>
                        <th scope="col" class="num">{ "Per 10,000 words" }</th>
                        <th scope="col" class="strip-col">{ "Where the hits fall (start → end)" }</th>
                    </tr></thead>
                    <tbody>
                        { for s.docs.iter().map(|d| html! {
                            <tr class="dispersion-row" data-doc-id={d.doc.id.clone()}>
                                <td>{ d.doc.title.clone() }</td>
                                <td class="num">{ d.hits }</td>
                                <td class="num">{ format!("{:.1}", d.per_10k) }</td>
                                <td class="strip-col">
                                    <svg class="strip" viewBox="0 0 1000 20" preserveAspectRatio="none" role="img"
                                        aria-label={format!("{} hits in {} words", d.hits, d.words)}>
                                        <rect class="strip-bg" x="0" y="0" width="1000" height="20" />
                                        { for d.positions.iter().map(|p| {
                                            let x = format!("{:.1}", (p.clamp(0.0, 1.0) * 998.0) + 1.0);
                                            html! { <line class="tick" x1={x.clone()} x2={x} y1="2" y2="18" /> }
                                        }) }
                                    </svg>
                                </td>
                            </tr>
                        }) }
                    </tbody>
            </> }) }
        </div>
    }
}

/// The distribution view.
pub fn view(app: &AppContext, request: &ViewRequest, all: &[Series]) -> Html {
    let terms: Vec<String> = all.iter().map(|s| s.term.clone()).collect();
    let body = html! {
        <>
            <div class="view-controls">
                { terms_editor(app, &terms) }
                { match_menu(app, request.analysis.matching) }
                if !terms.is_empty() {
                    <ExportButtons name={format!("distribution-{}", slug(&terms.join(" ")))} request={request.clone()}
                        view="distribution" />
                }
            </div>
            <p class="method">{ "Each strip is one document from start to end; a tick is a hit. DP (Gries 2008) = ½ Σ |vᵢ − sᵢ| over the documents (vᵢ: share of the hits, sᵢ: share of the words), 0 for perfectly even, near 1 for concentrated; DPnorm = DP / (1 − min sᵢ) (Lijffijt & Gries 2012)." }</p>
            if terms.is_empty() {
                <p class="empty-view">{ "Type a query, or add terms above, to see where they occur." }</p>
            }
            { for all.iter().enumerate().map(|(i, s)| series(i, s)) }
        </>
    };
    view_frame("distribution", "Distribution", None, body)
}
