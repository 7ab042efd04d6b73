//! Concordance (keyword in context): every hit, aligned on the keyword, sortable, paged.

use super::{field_value, needs_query, use_view_data, ViewProps};
use crate::components::export_buttons::{slug, ExportButtons};
use crate::components::pager::pager;
use crate::labels;
use crate::state::Action;
use explorer_core::analysis::concordance::KwicSort;
use explorer_core::api::ViewData;
use explorer_core::view_state::Change;
use yew::prelude::*;

/// The concordance view.
#[component]
pub fn ConcordanceView(props: &ViewProps) -> Html {
    let Some((app, data)) = use_view_data(&props.request) else { return html! {} };
    let c = match &*data {
        ViewData::Concordance(c) => c,
        _ => return needs_query("concordance"),
    };
    let a = &props.request.analysis;
    let width = a.width;
    let on_width =
        app.callback(move |e: Event| Action::Change(Change::Width(field_value(&e).parse().unwrap_or(width))));
    let on_sort = app.callback(|e: Event| {
        Action::Change(Change::KwicSort(KwicSort::from_key(&field_value(&e)).unwrap_or_default()))
    });
    html! {
        <section class="view concordance" aria-labelledby="view-title">
            <div class="view-head">
                <h2 id="view-title">{ "Concordance" }</h2>
                <p class="view-count" id="kwic-count">
                    { format!("{} in {}", labels::count(c.total, "line"), labels::count(c.documents, "document")) }
                </p>
            </div>
            <div class="view-controls">
                <label>{ "Context " }
                    <input id="kwic-width" type="number" min="1" max="20" value={a.width.to_string()} onchange={on_width} />
                    { " words" }</label>
                <label>{ "Sort by " }
                    <select id="kwic-sort" onchange={on_sort}>
                        { for KwicSort::ALL.into_iter().map(|s| html! {
                            <option value={s.key()} selected={s == a.kwic_sort}>{ labels::kwic_sort(s) }</option>
                        }) }
                    </select>
                </label>
                <ExportButtons name={format!("concordance-{}", slug(&props.request.query))} request={props.request.clone()}
                    view="concordance" />
            </div>
            if c.rows.is_empty() {
                <p class="empty-view">{ "No hits in the documents the filters allow." }</p>
            } else {
                <table class="kwic" id="kwic">
                    <thead><tr>
                        <th scope="col" class="kwic-doc">{ "Document" }</th>
                        <th scope="col" class="kwic-left">{ "Left" }</th>
                        <th scope="col" class="kwic-kw">{ "Keyword" }</th>
                        <th scope="col" class="kwic-right">{ "Right" }</th>
                    </tr></thead>
                    <tbody>
                        { for c.rows.iter().map(|l| {
                            let open = {
                                let (id, hit) = (l.doc.id.clone(), l.hit);
                                app.callback(move |_: ()| Action::OpenHit(id.clone(), hit))
                            };
                            let onclick = { let open = open.clone(); Callback::from(move |_: MouseEvent| open.emit(())) };
                            let onkeydown = Callback::from(move |e: KeyboardEvent| if e.key() == "Enter" { open.emit(()) });
                            html! {
                                <tr class="kwic-line" tabindex="0" data-doc-id={l.doc.id.clone()} data-hit={l.hit.to_string()}
                                    title={format!("Open “{}” at this hit", l.doc.title)} {onclick} {onkeydown}>
                                    <td class="kwic-doc">{ l.doc.title.clone() }</td>
                                    <td class="kwic-left"><span>{ l.left.clone() }</span></td>
                                    <td class="kwic-kw"><mark>{ l.keyword.clone() }</mark></td>
                                    <td class="kwic-right"><span>{ l.right.clone() }</span></td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
                { pager(c.page, c.total, app.callback(|p| Action::Change(Change::Page(p)))) }
            }
        </section>
    }
}
