//! Talking to the page that embeds the explorer: what happens goes to the host
//! (`ready`, `query`, `document`, `resize`), and the host's commands become actions.

use crate::host;
use crate::state::{Action, State};
use explorer_core::embed::{Command, Outgoing};
use yew::prelude::*;

/// Sends the host page its messages and obeys its commands — only in an embed (`embed=1`)
/// framed by another page, and only with the origins its `origins` parameter lists (none
/// listed: no messages, no commands). `results` is the number of results of the current query
/// and filters.
#[hook]
pub fn use_host(state: &UseReducerHandle<State>, results: usize) {
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
        let message = Outgoing::Ready {
            view: state.view.view.key().to_owned(),
            query: state.view.query.clone(),
            results,
            documents: state.info.documents.len(),
        };
        let origins = origins.clone();
        use_effect_with((), move |_| host::send(&message, &origins));
    }
    {
        let message = Outgoing::Query { query: state.view.query.clone(), results };
        let origins = origins.clone();
        let first = use_mut_ref(|| true);
        use_effect_with((state.view.query.clone(), state.view.filters.clone()), move |_| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                host::send(&message, &origins);
            }
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
