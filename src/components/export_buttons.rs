//! "Download CSV / JSON" for any analysis view: every row, with the query, filters and corpus
//! version.

use crate::context::use_app;
use crate::download;
use crate::engine::client::{Kind, Slot};
use explorer_core::analysis::export::{to_csv, to_json, Meta};
use explorer_core::analysis::filter_pairs;
use explorer_core::api::{Request, Response, ViewRequest};
use yew::prelude::*;

/// Properties of [`ExportButtons`].
#[derive(Properties, PartialEq, Clone)]
pub struct ExportButtonsProps {
    /// File name without extension (e.g. `concordance-stalin`).
    pub name: AttrValue,
    /// The view whose rows are downloaded.
    pub request: ViewRequest,
    /// The view's name in the file (`concordance`, `wordlist`, …).
    pub view: AttrValue,
}

/// A file-name-safe version of a query: letters, digits and dashes, at most 40 characters.
pub fn slug(text: &str) -> String {
    let s: String = text
        .chars()
        .map(|c| if c.is_alphanumeric() { c.to_lowercase().next().unwrap_or(c) } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    s.chars().take(40).collect()
}

/// The two download buttons.
#[component]
pub fn ExportButtons(props: &ExportButtonsProps) -> Html {
    let error = use_state(|| None::<String>);
    let slot = *use_memo((), |_| Slot::new(Kind::Export));
    let Some(app) = use_app() else { return html! {} };
    let make = |csv: bool| {
        let (props, error, app) = (props.clone(), error.clone(), app.clone());
        Callback::from(move |_| {
            let (props, error, version) = (props.clone(), error.clone(), app.client.info.version.clone());
            app.client.call(slot, Request::Export(props.request.clone()), move |response| {
                let Response::Export(table) = response else {
                    return error.set(Some("The engine gave no table to download.".into()));
                };
                let meta = Meta {
                    view: props.view.to_string(),
                    query: props.request.query.clone(),
                    filters: filter_pairs(&props.request.filters),
                    corpus_version: version,
                    generated: String::from(js_sys::Date::new_0().to_iso_string()),
                };
                let result = if csv {
                    download::save(&format!("{}.csv", props.name), "text/csv;charset=utf-8", &to_csv(&table, &meta))
                } else {
                    download::save(&format!("{}.json", props.name), "application/json", &to_json(&table, &meta))
                };
                error.set(result.err());
            });
        })
    };
    html! {
        <span class="export">
            <button type="button" class="export-csv" onclick={make(true)}>{ "Download CSV" }</button>
            <button type="button" class="export-json" onclick={make(false)}>{ "Download JSON" }</button>
            if let Some(e) = &*error { <span class="export-error" role="alert">{ e.clone() }</span> }
        </span>
    }
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs() {
        assert_eq!(slug("\"Union State\" -putin"), "union-state-putin");
        assert_eq!(slug("Сталин"), "сталин");
        assert_eq!(slug("?!"), "");
    }
}
