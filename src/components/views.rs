//! The analysis views, one file each, and what they share.

pub mod collocates;
pub mod concordance;
pub mod distribution;
pub mod keyness;
pub mod terms;
pub mod trends;
pub mod words;

use crate::engine::EngineRef;
use explorer_core::analysis::export::Meta;
use explorer_core::facets::Filters;
use explorer_core::search::Compiled;
use explorer_core::view_state::Analysis;
use std::rc::Rc;
use yew::prelude::*;

/// What every analysis view is given.
#[derive(Properties, PartialEq, Clone)]
pub struct ViewProps {
    /// The corpus.
    pub engine: EngineRef,
    /// The query as typed.
    pub query: AttrValue,
    /// The query, resolved.
    pub compiled: Compiled,
    /// The documents the facet filters allow (ascending).
    pub docs: Rc<Vec<usize>>,
    /// The documents that match the query and the filters (ascending): those whose hits the
    /// concordance and collocates show.
    pub matching: Rc<Vec<usize>>,
    /// The filters (for export metadata).
    pub filters: Filters,
    /// The views' settings (from the URL).
    pub analysis: Analysis,
    /// Called with changed settings.
    pub on_settings: Callback<Analysis>,
    /// Called with a document id and hit number to open the reader there.
    pub on_open_hit: Callback<(String, usize)>,
}

impl ViewProps {
    /// Export metadata for this view.
    pub fn meta(&self, view: &str) -> Meta {
        Meta {
            view: view.to_owned(),
            query: self.query.to_string(),
            filters: explorer_core::analysis::filter_pairs(&self.filters),
            corpus_version: self.engine.corpus.version.clone(),
            generated: String::new(),
        }
    }

    /// A callback that applies `f` to a copy of the settings and reports them.
    pub fn update<E: 'static>(&self, f: impl Fn(&mut Analysis, E) + 'static) -> Callback<E> {
        let (analysis, on_settings) = (self.analysis.clone(), self.on_settings.clone());
        Callback::from(move |e: E| {
            let mut a = analysis.clone();
            f(&mut a, e);
            on_settings.emit(a);
        })
    }
}

/// The value of the `<select>` or `<input>` an event came from.
pub fn field_value(e: &Event) -> String {
    use wasm_bindgen::JsCast;
    let target = e.target();
    if let Some(s) = target.as_ref().and_then(|t| t.dyn_ref::<web_sys::HtmlSelectElement>()) {
        return s.value();
    }
    target.and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).map(|i| i.value()).unwrap_or_default()
}

/// Whether the `<input type=checkbox>` an event came from is ticked.
pub fn field_checked(e: &Event) -> bool {
    use wasm_bindgen::JsCast;
    e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).is_some_and(|i| i.checked())
}

/// The message shown by a query-based view when there is no query.
pub fn needs_query(what: &str) -> Html {
    html! {
        <p class="empty-view">{ format!("Type a word, a \"phrase\" or a prefix* in the search box to see its {what}.") }</p>
    }
}
