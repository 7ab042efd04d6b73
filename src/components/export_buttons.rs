//! "Download CSV / JSON" for any analysis view: every row, with the query, filters and corpus
//! version.

use crate::context::use_app;
use crate::download;
use crate::engine::client::{Kind, Slot};
use crate::engine::protocol::Working;
use explorer_core::analysis::export::{to_csv, to_json, Meta};
use explorer_core::analysis::filter_pairs;
use explorer_core::api::{Request, Response, ViewRequest};
use std::rc::Rc;
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

/// Where a download stands: none asked, or asked and being prepared (how far, once the
/// worker says).
type Preparing = Option<Option<Working>>;

/// The two download buttons; while a download is prepared (every row of a concordance of
/// `the` takes seconds on a large corpus), how far it has got and a button to cancel it.
#[component]
pub fn ExportButtons(props: &ExportButtonsProps) -> Html {
    let error = use_state(|| None::<String>);
    let preparing = use_state(|| None as Preparing);
    let slot = *use_memo((), |_| Slot::new(Kind::Export));
    let app = use_app();
    // A download asked for by a view that is gone is stopped too.
    {
        let client = app.as_ref().map(|a| a.client.clone());
        use_effect_with((), move |_| {
            move || {
                if let Some(client) = client {
                    client.forget(slot);
                }
            }
        });
    }
    let Some(app) = app else { return html! {} };
    let make = |csv: bool| {
        let (props, error, app, preparing) = (props.clone(), error.clone(), app.clone(), preparing.clone());
        Callback::from(move |_| {
            let (props, error, version) = (props.clone(), error.clone(), app.client.info.version.clone());
            preparing.set(Some(None));
            let on_progress: Rc<dyn Fn(Working)> = {
                let preparing = preparing.clone();
                Rc::new(move |w| preparing.set(Some(Some(w))))
            };
            let done = preparing.clone();
            app.client.call_with_progress(
                slot,
                Request::Export(props.request.clone()),
                Some(on_progress),
                move |response| {
                    done.set(None);
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
                },
            );
        })
    };
    let cancel = {
        let (preparing, app) = (preparing.clone(), app.clone());
        Callback::from(move |_: MouseEvent| {
            app.client.forget(slot);
            preparing.set(None);
        })
    };
    html! {
        <span class="export">
            <button type="button" class="export-csv" onclick={make(true)}>{ "Download CSV" }</button>
            <button type="button" class="export-json" onclick={make(false)}>{ "Download JSON" }</button>
            if let Some(working) = *preparing {
                <span id="export-preparing" class="export-preparing">
                    <span role="status">{ match working {
                        Some(w) => format!("Preparing the download: {}…", w.stage.label()),
                        None => "Preparing the download…".to_owned(),
                    } }</span>
                    if let Some(w) = working {
                        <progress max="100" value={w.percent().to_string()} aria-label="Progress of the download"></progress>
                    }
                    <button type="button" id="export-cancel" onclick={cancel}>{ "Cancel" }</button>
                </span>
            }
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
