//! Asking the engine from a component: each hook has a slot of its own with the engine's
//! client, sends one [`Request`] per distinct value, and gives the latest answer. The engine
//! runs in a Web Worker, so an answer comes later; until it does the hook keeps giving the
//! previous answer (marked as not current), and a newer request supersedes an older one (see
//! [`crate::engine::client`]).

use crate::engine::client::{Client, Kind, Slot};
use crate::engine::protocol::Working;
use explorer_core::api::{DocumentView, Request, Response, SearchPage, SearchRequest, ViewAnswer, ViewRequest};
use explorer_core::matching::Matching;
use explorer_core::suggest::Suggestion;
use std::rc::Rc;
use yew::prelude::*;

/// The latest answer a hook has, and whether it answers the request asked now.
#[derive(Debug)]
pub struct Answer<T> {
    /// The latest answer (to this request, or to an earlier one while this one is worked on).
    pub value: Option<Rc<T>>,
    /// True when `value` answers the current request.
    pub current: bool,
    /// How far the worker has got with the current request, while it works on it (told only
    /// for long calls, after a moment).
    pub progress: Option<Working>,
}

impl<T> Answer<T> {
    /// The answer to the current request only.
    pub fn current(&self) -> Option<Rc<T>> {
        self.value.clone().filter(|_| self.current)
    }
}

/// The answer to `request`, picked out of the response by `pick` and passed through `finish`
/// with the milliseconds it took (none without a client: outside the explorer).
#[hook]
fn use_answer<T: 'static>(
    client: Option<&Client>,
    kind: Kind,
    request: Request,
    pick: fn(Response, f64) -> Option<T>,
) -> Answer<T> {
    let slot = *use_memo((), move |_| Slot::new(kind));
    let answer = use_state(|| None::<(Rc<T>, Request)>);
    let progress = use_state(|| None::<(Working, Request)>);
    {
        let (answer, progress) = (answer.clone(), progress.clone());
        use_effect_with((client.cloned(), request.clone()), move |(client, request)| {
            if let Some(client) = client {
                let (asked, t0) = (request.clone(), now());
                let on_progress = {
                    let (progress, asked) = (progress.clone(), asked.clone());
                    Rc::new(move |w: Working| progress.set(Some((w, asked.clone()))))
                };
                client.call_with_progress(slot, request.clone(), Some(on_progress), move |response| {
                    if let Some(value) = pick(response, now() - t0) {
                        answer.set(Some((Rc::new(value), asked)));
                    }
                });
            }
        });
    }
    {
        let client = client.cloned();
        use_effect_with((), move |_| {
            move || {
                if let Some(client) = client {
                    client.forget(slot);
                }
            }
        });
    }
    let (value, current) = match &*answer {
        Some((value, asked)) => (Some(value.clone()), *asked == request),
        None => (None, false),
    };
    let progress = match &*progress {
        Some((working, asked)) if !current && *asked == request => Some(*working),
        _ => None,
    };
    Answer { value, current, progress }
}

/// The results page of a search, with the milliseconds it took (asked to painted data).
#[hook]
pub fn use_search(client: &Client, request: SearchRequest) -> Answer<SearchPage> {
    use_answer(Some(client), Kind::Search, Request::Search(request), |r, ms| match r {
        Response::Search(mut page) => {
            page.took_ms = ms;
            Some(page)
        }
        _ => None,
    })
}

/// What an analysis view shows.
#[hook]
pub fn use_view(client: Option<&Client>, request: ViewRequest) -> Answer<ViewAnswer> {
    use_answer(client, Kind::View, Request::View(request), |r, _| match r {
        Response::View(v) => Some(v),
        _ => None,
    })
}

/// A document for the reader (`Some(None)` for an unknown id), the query's words marked as the
/// search reads them or as `matching` says.
#[hook]
pub fn use_document(
    client: Option<&Client>,
    id: String,
    query: String,
    matching: Option<Matching>,
) -> Answer<Option<DocumentView>> {
    use_answer(client, Kind::Document, Request::Document { id, query, matching }, |r, _| match r {
        Response::Document(d) => Some(d),
        _ => None,
    })
}

/// Completions of the word being typed (none until the current query's arrive: a list for
/// an older query would complete the wrong word).
#[hook]
pub fn use_suggestions(client: Option<&Client>, query: String) -> Rc<Vec<Suggestion>> {
    let answer = use_answer(client, Kind::Suggest, Request::Suggest { query }, |r, _| match r {
        Response::Suggest(s) => Some(s),
        _ => None,
    });
    answer.current().unwrap_or_default()
}

/// Milliseconds since the page started, with sub-millisecond precision where the browser gives it.
pub fn now() -> f64 {
    gloo::utils::window().performance().map_or(0.0, |p| p.now())
}
