//! The app's side of the engine's message interface: every component asks the engine through
//! a [`Client`] with a [`Request`] and renders the [`Response`]. Today the engine runs in the
//! page and answers at once; the requests and responses are plain data that serialize, so the
//! engine can move behind a Web Worker's `postMessage` without a component changing.

use explorer_core::api::{CorpusInfo, Request, Response, Service};
use std::rc::Rc;

/// A handle to the engine, compared by identity (it never changes during a page's life).
#[derive(Clone)]
pub struct Client {
    service: Rc<Service>,
    /// What the corpus is (asked once, when the engine is ready).
    pub info: Rc<CorpusInfo>,
}

impl PartialEq for Client {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.service, &other.service)
    }
}

impl Client {
    /// A client of a service; asks it what the corpus is.
    pub fn new(service: Service) -> Result<Client, String> {
        match service.handle(&Request::Info) {
            Response::Info(info) => Ok(Client { service: Rc::new(service), info: Rc::new(info) }),
            _ => Err("The engine did not describe the corpus. Reload to try again.".into()),
        }
    }

    /// Asks the engine; the answer comes back at once while the engine runs in the page.
    pub fn call(&self, request: &Request) -> Response {
        self.service.handle(request)
    }
}
