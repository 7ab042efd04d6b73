//! Asking the engine from a component: each hook sends one [`Request`] per distinct value and
//! gives the answer, `None` while there is none (today the engine answers at once; behind a
//! Web Worker the answer will come later, and a newer request will supersede an older one).

use crate::client::Client;
use explorer_core::api::{DocumentView, Request, Response, SearchPage, SearchRequest, ViewData, ViewRequest};
use explorer_core::suggest::Suggestion;
use std::rc::Rc;
use yew::prelude::*;

/// The answer to `request`, picked out of the response by `pick` (none without a client:
/// outside the explorer).
#[hook]
fn use_answer<T: 'static>(client: Option<&Client>, request: Request, pick: fn(Response) -> Option<T>) -> Option<Rc<T>> {
    let client = client.cloned();
    let answer = use_memo(request, move |r| client.and_then(|c| pick(c.call(r))).map(Rc::new));
    (*answer).clone()
}

/// The results page of a search, with the milliseconds it took.
#[hook]
pub fn use_search(client: &Client, request: SearchRequest) -> Option<Rc<SearchPage>> {
    let client = client.clone();
    let answer = use_memo(request, move |r| {
        let t0 = now();
        match client.call(&Request::Search(r.clone())) {
            Response::Search(mut page) => {
                page.took_ms = now() - t0;
                Some(Rc::new(page))
            }
            _ => None,
        }
    });
    (*answer).clone()
}

/// What an analysis view shows.
#[hook]
pub fn use_view(client: Option<&Client>, request: ViewRequest) -> Option<Rc<ViewData>> {
    use_answer(client, Request::View(request), |r| match r {
        Response::View(v) => Some(v),
        _ => None,
    })
}

/// A document for the reader (`Some(None)` for an unknown id).
#[hook]
pub fn use_document(client: Option<&Client>, id: String, query: String) -> Option<Rc<Option<DocumentView>>> {
    use_answer(client, Request::Document { id, query }, |r| match r {
        Response::Document(d) => Some(d),
        _ => None,
    })
}

/// Completions of the word being typed.
#[hook]
pub fn use_suggestions(client: Option<&Client>, query: String) -> Rc<Vec<Suggestion>> {
    let answer = use_answer(client, Request::Suggest { query }, |r| match r {
        Response::Suggest(s) => Some(s),
        _ => None,
    });
    answer.unwrap_or_default()
}

/// Milliseconds since the page started, with sub-millisecond precision where the browser gives it.
pub fn now() -> f64 {
    gloo::utils::window().performance().map_or(0.0, |p| p.now())
}
