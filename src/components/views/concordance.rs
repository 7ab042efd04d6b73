//! Concordance (keyword in context): every hit, aligned on the keyword, sortable, paged.

use super::{field_value, needs_query, ViewProps};
use crate::components::export_buttons::{slug, ExportButtons};
use crate::components::pager::{page_range, Pager};
use crate::components::result_list::group_digits;
use explorer_core::analysis::concordance::{concordance, sort_lines, table, KwicSort};
use std::rc::Rc;
use yew::prelude::*;

fn sort_label(s: KwicSort) -> String {
    match s {
        KwicSort::Document => "document order".into(),
        KwicSort::Keyword => "keyword".into(),
        KwicSort::Left(n) => format!("{} word left", ordinal(n)),
        KwicSort::Right(n) => format!("{} word right", ordinal(n)),
    }
}

fn ordinal(n: u8) -> &'static str {
    match n {
        1 => "1st",
        2 => "2nd",
        _ => "3rd",
    }
}

/// The concordance view.
#[component]
pub fn ConcordanceView(props: &ViewProps) -> Html {
    let a = &props.analysis;
    let sort = KwicSort::from_key(&a.kwic_sort).unwrap_or_default();
    let width = a.width as usize;
    let lines = {
        let (engine, compiled, docs) = (props.engine.clone(), props.compiled.clone(), props.matching.clone());
        // The lines do not depend on the context width: changing it only cuts the shown lines anew.
        // With the lines, once: the number of documents they fall in.
        use_memo((props.compiled.clone(), props.matching.clone(), sort), move |_| {
            let mut lines = concordance(&engine, &compiled, &docs);
            sort_lines(&mut lines, sort);
            let mut seen = vec![false; engine.corpus.documents.len()];
            let docs_with_hits = lines.iter().filter(|l| !std::mem::replace(&mut seen[l.doc], true)).count();
            (Rc::new(lines), docs_with_hits)
        })
    };
    if props.compiled.is_empty() {
        return needs_query("concordance");
    }
    let (lines, docs_with_hits): (Rc<Vec<_>>, usize) = (lines.0.clone(), lines.1);
    let on_width = props.update(|a, e: Event| {
        if let Ok(w) = field_value(&e).parse::<u8>() {
            a.width = w.clamp(1, 20);
        }
    });
    let on_sort = props.update(|a, e: Event| {
        a.kwic_sort = field_value(&e);
        a.page = 1;
    });
    let on_page = props.update(|a, p: usize| a.page = p);
    let export_table = {
        let (engine, lines) = (props.engine.clone(), lines.clone());
        Rc::new(move || table(&engine, &lines, width)) as Rc<dyn Fn() -> _>
    };
    let docs = &props.engine.corpus.documents;
    let range = page_range(a.page, lines.len());
    html! {
        <section class="view concordance" aria-labelledby="view-title">
            <div class="view-head">
                <h2 id="view-title">{ "Concordance" }</h2>
                <p class="view-count" id="kwic-count">
                    { format!("{} line{} in {} document{}", group_digits(lines.len()), if lines.len() == 1 { "" } else { "s" },
                        docs_with_hits, if docs_with_hits == 1 { "" } else { "s" }) }
                </p>
            </div>
            <div class="view-controls">
                <label>{ "Context " }
                    <input id="kwic-width" type="number" min="1" max="20" value={width.to_string()} onchange={on_width} />
                    { " words" }</label>
                <label>{ "Sort by " }
                    <select id="kwic-sort" onchange={on_sort}>
                        { for KwicSort::ALL.into_iter().map(|s| html! {
                            <option value={s.key()} selected={s == sort}>{ sort_label(s) }</option>
                        }) }
                    </select>
                </label>
                <ExportButtons name={format!("concordance-{}", slug(&props.query))} table={export_table} meta={props.meta("concordance")} />
            </div>
            if lines.is_empty() {
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
                        { for lines[range].iter().map(|l| {
                            let doc = &docs[l.doc];
                            let context = l.context(&props.engine, width);
                            let onclick = {
                                let (cb, id, hit) = (props.on_open_hit.clone(), doc.id.clone(), l.hit);
                                Callback::from(move |_| cb.emit((id.clone(), hit)))
                            };
                            let onkeydown = {
                                let (cb, id, hit) = (props.on_open_hit.clone(), doc.id.clone(), l.hit);
                                Callback::from(move |e: KeyboardEvent| if e.key() == "Enter" { cb.emit((id.clone(), hit)) })
                            };
                            html! {
                                <tr class="kwic-line" tabindex="0" data-doc-id={doc.id.clone()} data-hit={l.hit.to_string()}
                                    title={format!("Open “{}” at this hit", doc.title)} {onclick} {onkeydown}>
                                    <td class="kwic-doc">{ doc.title.clone() }</td>
                                    <td class="kwic-left"><span>{ context.left.to_owned() }</span></td>
                                    <td class="kwic-kw"><mark>{ context.keyword.to_owned() }</mark></td>
                                    <td class="kwic-right"><span>{ context.right.to_owned() }</span></td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
                <Pager page={a.page} rows={lines.len()} {on_page} />
            }
        </section>
    }
}
