//! Distinctive words: what a document, outlet or kind uses more (or less) than the rest.

use super::{field_value, ViewProps};
use crate::components::export_buttons::{slug, ExportButtons};
use crate::components::result_list::group_digits;
use explorer_core::analysis::keyness::{keyness, table, Direction, KeyRow, CRITICAL_01, CRITICAL_05};
use explorer_core::analysis::{target_docs, Unit};
use explorer_core::facets::Facet;
use explorer_core::view_state::Analysis;
use std::rc::Rc;
use yew::prelude::*;

/// Rows shown in each of the over- and under-use tables (the download has them all).
pub const SHOWN: usize = 50;

/// The target in effect: the URL's, else the open document, else the first allowed document.
pub fn effective_target(props: &ViewProps, open_doc: Option<&str>) -> Option<String> {
    props.analysis.target.clone().or_else(|| {
        open_doc
            .map(|id| format!("doc:{id}"))
            .or_else(|| props.docs.first().map(|&d| format!("doc:{}", props.engine.corpus.documents[d].id)))
    })
}

fn rows_table(rows: &[&KeyRow], caption: &str, id: &str) -> Html {
    html! {
        <div class="table-scroll" role="region" aria-label={caption.to_owned()} tabindex="0">
            <table class="data keyness-table" id={id.to_owned()}>
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
            </table>
        </div>
    }
}

/// Properties of [`KeynessView`]: the shared ones and the open document.
#[derive(Properties, PartialEq, Clone)]
pub struct KeynessProps {
    /// The shared view properties.
    pub view: ViewProps,
    /// The id of the open document (the default target).
    #[prop_or_default]
    pub open_doc: Option<AttrValue>,
}

/// The distinctive-words view.
#[component]
pub fn KeynessView(props: &KeynessProps) -> Html {
    let v = &props.view;
    let a = &v.analysis;
    let target = effective_target(v, props.open_doc.as_deref());
    let unit = if a.stems { Unit::Stem } else { Unit::Form };
    let result = {
        let (engine, docs, target) = (v.engine.clone(), v.docs.clone(), target.clone());
        use_memo((v.docs.clone(), target.clone(), unit, a.min_freq), move |(_, _, _, min)| {
            let t = target.as_deref().and_then(|t| target_docs(&engine, &docs, t)).unwrap_or_default();
            Rc::new((t.len(), keyness(&engine, &t, &docs, unit, u64::from(*min))))
        })
    };
    let (target_size, k) = (result.0, &result.1);
    let on_target = v.update(|a: &mut Analysis, e: Event| a.target = Some(field_value(&e)));
    let on_unit = v.update(|a: &mut Analysis, e: Event| a.stems = field_value(&e) == "stem");
    let on_min = v.update(|a: &mut Analysis, e: Event| {
        if let Ok(m) = field_value(&e).parse::<u32>() {
            a.min_freq = m.clamp(1, 1000);
        }
    });
    let export_table = {
        let result = (*result).clone();
        Rc::new(move || table(&result.1)) as Rc<dyn Fn() -> _>
    };
    let over: Vec<&KeyRow> = k.rows.iter().filter(|r| r.direction == Direction::Over && r.p05).take(SHOWN).collect();
    let under: Vec<&KeyRow> = k.rows.iter().filter(|r| r.direction == Direction::Under && r.p05).take(SHOWN).collect();
    let docs = &v.engine.corpus.documents;
    let option = |value: String, label: String| {
        let selected = target.as_deref() == Some(value.as_str());
        html! { <option value={value} {selected}>{ label }</option> }
    };
    let reference_docs = v.docs.len().saturating_sub(target_size);
    html! {
        <section class="view keyness" aria-labelledby="view-title">
            <div class="view-head">
                <h2 id="view-title">{ "Distinctive words" }</h2>
                <p class="view-count" id="keyness-count">
                    { format!("{} tokens in {} document{} against {} tokens in the other {} · {} words tested",
                        group_digits(k.target_tokens as usize), target_size, if target_size == 1 { "" } else { "s" },
                        group_digits(k.reference_tokens as usize), reference_docs, group_digits(k.rows.len())) }
                </p>
            </div>
            <div class="view-controls">
                <label>{ "Words of " }
                    <select id="keyness-target" onchange={on_target}>
                        <optgroup label="Document">
                            { for v.docs.iter().map(|&d| option(format!("doc:{}", docs[d].id), docs[d].title.clone())) }
                        </optgroup>
                        <optgroup label="Outlet">
                            { for v.engine.facets.values(&Facet::Outlet).iter().map(|o| option(format!("outlet:{o}"), o.clone())) }
                        </optgroup>
                        <optgroup label="Kind">
                            { for v.engine.facets.values(&Facet::Kind).iter().map(|o| option(format!("kind:{o}"), o.clone())) }
                        </optgroup>
                    </select>
                </label>
                <label>{ "Count " }
                    <select id="keyness-unit" onchange={on_unit}>
                        <option value="form" selected={!a.stems}>{ "word forms" }</option>
                        <option value="stem" selected={a.stems}>{ "stems" }</option>
                    </select>
                </label>
                <label>{ "Min. frequency " }
                    <input id="keyness-min" type="number" min="1" max="1000" value={a.min_freq.to_string()} onchange={on_min} />
                </label>
                <ExportButtons name={format!("distinctive-{}", slug(target.as_deref().unwrap_or("none")))} table={export_table}
                    meta={v.meta("keyness")} />
            </div>
            <p class="method">
                { "Log-likelihood G² = 2(a ln(a/E1) + b ln(b/E2)), E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d) (Rayson & Garside 2000), where a, b are the word's counts in the target and the rest and c, d their sizes; " }
                { format!("G² ≥ {CRITICAL_05} means p < 0.05, ≥ {CRITICAL_01} p < 0.01. ") }
                { "Log Ratio = log2((a/c)/(b/d)), a zero count replaced by 0.5 (Hardie 2014): +1 is twice as frequent. Only words with p < 0.05 are listed here; the download has every word." }
            </p>
            if target_size == 0 {
                <p class="empty-view">{ "Choose what to compare: the target has no document among those the filters allow." }</p>
            } else if reference_docs == 0 {
                <p class="empty-view">{ "Nothing to compare with: every allowed document is in the target. Clear a filter or choose a smaller target." }</p>
            } else {
                <div class="keyness-tables">
                    { rows_table(&over, &format!("Used more ({})", over.len()), "keyness-over") }
                    { rows_table(&under, &format!("Used less ({})", under.len()), "keyness-under") }
                </div>
            }
        </section>
    }
}
