//! Talking to the page that embeds the explorer: what happens goes to the host
//! (`ready`, `query`, `document`, `resize`), and the host's commands become actions.

use crate::host;
use crate::state::{Action, State};
use explorer_core::embed::{Command, Outgoing};
use explorer_core::facets::Filters;
use yew::prelude::*;

/// Sends the host page its messages and obeys its commands — only in an embed (`embed=1`)
/// framed by another page, and only with the origins its `origins` parameter lists (none
/// listed: no messages, no commands). `results` is the number of results of the current query
/// and filters, once the engine has answered them (`None` while it works).
#[hook]
pub fn use_host(state: &UseReducerHandle<State>, results: Option<usize>) {
    let framed = *use_memo((), |_| host::in_frame());
    let p = &state.view.presentation;
    let origins = if p.embed && framed { p.origins.clone() } else { Vec::new() };
    {
        let dispatch = state.dispatcher();
        use_effect_with(origins.clone(), move |origins| {
            let listener = (!origins.is_empty()).then(|| {
                host::listen(origins.clone(), move |command| {
                    dispatch.dispatch(match command {
                        Command::SetQuery(q) => Action::PickQuery(q),
                        Command::SetFilters(f) => Action::SetFilters(f),
                        Command::OpenDocument(id) => Action::OpenDoc(id),
                    })
                })
            });
            move || drop(listener)
        });
    }
    {
        // `ready` once the first results are in; then `query` each time the results of another
        // query or filter set are.
        let (view, documents, origins) = (state.view.view.key(), state.info.documents.len(), origins.clone());
        let told = use_mut_ref(|| None::<(String, Filters)>);
        let key = (state.view.query.clone(), state.view.filters.clone());
        use_effect_with((key, results), move |(key, results)| {
            let Some(results) = *results else { return };
            let message = match &*told.borrow() {
                None => Outgoing::Ready { view: view.to_owned(), query: key.0.clone(), results, documents },
                Some(before) if before != key => Outgoing::Query { query: key.0.clone(), results },
                Some(_) => return,
            };
            host::send(&message, &origins);
            *told.borrow_mut() = Some(key.clone());
        });
    }
    {
        let (info, origins) = (state.info.clone(), origins.clone());
        use_effect_with(state.reader_doc().map(str::to_owned), move |id| {
            let doc = id.as_ref().and_then(|id| info.documents.iter().find(|d| d.id == *id));
            if let Some(d) = doc {
                host::send(&Outgoing::Document { id: d.id.clone(), title: d.title.clone() }, &origins);
            }
        });
    }
    // After every render: report the content's height when it changed (embed.js sizes the iframe).
    let last = use_mut_ref(|| 0u32);
    use_effect(move || {
        if !origins.is_empty() {
            let height = gloo::utils::document().document_element().map_or(0, |e| e.scroll_height().max(0) as u32);
            if height != *last.borrow() {
                *last.borrow_mut() = height;
                host::send(&Outgoing::Resize { height }, &origins);
            }
        }
    });
}
