//! "Download CSV / JSON" for any table: every row, with the query, filters and corpus version.

use crate::download;
use explorer_core::analysis::export::{to_csv, to_json, Meta, Table};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`ExportButtons`].
#[derive(Properties, Clone)]
pub struct ExportButtonsProps {
    /// File name without extension (e.g. `concordance-stalin`).
    pub name: AttrValue,
    /// Builds the whole table when a download is asked for.
    pub table: Rc<dyn Fn() -> Table>,
    /// Where the table comes from (`generated` is filled in at download time).
    pub meta: Meta,
}

impl PartialEq for ExportButtonsProps {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name && Rc::ptr_eq(&self.table, &other.table) && self.meta == other.meta
    }
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
    let make = |csv: bool| {
        let (props, error) = (props.clone(), error.clone());
        Callback::from(move |_| {
            let table = (props.table)();
            let mut meta = props.meta.clone();
            meta.generated = String::from(js_sys::Date::new_0().to_iso_string());
            let result = if csv {
                download::save(&format!("{}.csv", props.name), "text/csv;charset=utf-8", &to_csv(&table, &meta))
            } else {
                download::save(&format!("{}.json", props.name), "application/json", &to_json(&table, &meta))
            };
            error.set(result.err());
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
