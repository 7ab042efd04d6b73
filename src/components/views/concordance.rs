//! Concordance (keyword in context): every hit, aligned on the keyword, sortable, paged.

use super::{field_value, match_menu, menu, view_frame};
use crate::components::export_buttons::{slug, ExportButtons};
use crate::components::pager::pager;
use crate::context::AppContext;
use crate::labels;
use crate::state::Action;
use explorer_core::analysis::concordance::KwicSort;
use explorer_core::api::{ConcordancePage, KwicRow, ViewRequest};
use explorer_core::view_state::Change;
use yew::prelude::*;

/// One concordance line (with its document's title when `with_doc`): clicking it, or Enter on
/// it, dispatches `open` (the reader at that hit).
pub fn line(app: &AppContext, l: &KwicRow, with_doc: bool, open: Action) -> Html {
    let open = app.callback(move |_: ()| open.clone());
    let onclick = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.emit(()))
    };
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" {
            open.emit(())
        }
    });
    html! {
        <tr class="kwic-line" tabindex="0" data-doc-id={l.doc.id.clone()} data-hit={l.hit.to_string()}
            title={format!("Open “{}” at this hit", l.doc.title)} {onclick} {onkeydown}>
            if with_doc {
                <td class="kwic-doc">{ l.doc.title.clone() }</td>
            }
            <td class="kwic-left"><span>{ l.left.clone() }</span></td>
            <td class="kwic-kw"><mark>{ l.keyword.clone() }</mark></td>
            <td class="kwic-right"><span>{ l.right.clone() }</span></td>
        </tr>
    }
}

/// The concordance view.
pub fn view(app: &AppContext, request: &ViewRequest, c: &ConcordancePage) -> Html {
    let a = &request.analysis;
    let width = a.width;
    let on_width =
        app.callback(move |e: Event| Action::Change(Change::Width(field_value(&e).parse().unwrap_or(width))));
    let on_sort = app.callback(|e: Event| {
        Action::Change(Change::KwicSort(KwicSort::from_key(&field_value(&e)).unwrap_or_default()))
    });
    let count = format!("{} in {}", labels::count(c.lines.total, "line"), labels::count(c.documents, "document"));
    let body = html! {
        <>
            <div class="view-controls">
                <label>{ "Context " }
                    <input id="kwic-width" type="number" min="1" max="20" value={a.width.to_string()} onchange={on_width} />
                    { " words" }</label>
                { menu("Sort by ", "kwic-sort", KwicSort::ALL.map(|s| (s.key(), labels::kwic_sort(s))), &a.kwic_sort.key(), on_sort) }
                { match_menu(app, a.matching) }
                <ExportButtons name={format!("concordance-{}", slug(&request.query))} request={request.clone()}
                    view="concordance" />
            </div>
            if c.lines.rows.is_empty() {
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
                        { for c.lines.rows.iter().map(|l| line(app, l, true, Action::OpenHit(l.doc.id.clone(), l.hit))) }
                    </tbody>
                </table>
                { pager(app, &c.lines) }
            }
        </>
    };
    view_frame("concordance", "Concordance", Some(("kwic-count", count)), body)
}
