//! The engine's side of the worker: runs inside the Web Worker that `static/engine-worker.js`
//! starts with this same wasm. It downloads the corpus, indexes it, and answers the page's
//! calls one at a time; the page's main thread never holds the corpus.

use super::protocol::{FromEngine, Progress, ToEngine};
use explorer_core::api::{Request, Response, Service};
use explorer_core::jsonl::CorpusReader;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, ProgressEvent, XmlHttpRequest, XmlHttpRequestResponseType};

/// Milliseconds between two progress reports while indexing.
const REPORT_MS: f64 = 50.0;

/// True when this code runs in a dedicated worker (not in a page).
pub fn in_worker() -> bool {
    js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>().is_ok()
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(message: &FromEngine) {
    super::protocol::post_bytes(&message.encode(), |m, t| {
        let _ = scope().post_message_with_transfer(m, t);
    });
}

fn now() -> f64 {
    scope().performance().map_or(0.0, |p| p.now())
}

/// The engine, once loaded.
type Engine = Rc<RefCell<Option<Service>>>;

/// Starts the engine's side: takes over the worker's messages, and first the ones that
/// `engine-worker.js` held while the wasm was starting (`self.corpusExplorerHeld`).
pub fn start() {
    let engine: Engine = Rc::default();
    let on_message = {
        let engine = engine.clone();
        Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| receive(&engine, e.data()))
    };
    let held = js_sys::Reflect::get(&scope(), &JsValue::from_str("corpusExplorerHeld")).unwrap_or(JsValue::UNDEFINED);
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    if let Some(held) = held.dyn_ref::<js_sys::Array>() {
        for message in held.iter() {
            receive(&engine, message);
        }
    }
}

fn receive(engine: &Engine, data: JsValue) {
    let Some(bytes) = super::protocol::from_js(&data) else { return };
    match ToEngine::decode(&bytes) {
        Ok(ToEngine::Load { corpus }) => load(engine.clone(), &corpus),
        Ok(ToEngine::Call { id, request }) => {
            let response = match engine.borrow().as_ref() {
                Some(service) => service.handle(&request),
                // Calls come only after `Ready`; an early one gets the corpus's description.
                None => return post(&FromEngine::Failed("The engine was asked before the corpus was loaded.".into())),
            };
            post(&FromEngine::Answer { id, response: Box::new(response) });
        }
        Err(e) => gloo::console::warn!(format!("engine worker: a message it cannot read ({e})")),
    }
}

/// Downloads `corpus` with progress, then reads and indexes it, reporting progress.
fn load(engine: Engine, corpus: &str) {
    let failed = |m: &str| post(&FromEngine::Failed(m.into()));
    let Ok(xhr) = XmlHttpRequest::new() else {
        return failed("This browser cannot download the corpus (no XMLHttpRequest in a worker).");
    };
    if xhr.open("GET", corpus).is_err() {
        return failed("The corpus file's address is not valid.");
    }
    // Revalidate with the server (or the service worker) rather than trust a stale copy.
    let _ = xhr.set_request_header("Cache-Control", "no-cache");
    xhr.set_response_type(XmlHttpRequestResponseType::Arraybuffer);
    let on_progress = Closure::<dyn Fn(ProgressEvent)>::new(move |e: ProgressEvent| {
        post(&FromEngine::Progress(Progress::Fetching {
            loaded: e.loaded(),
            total: e.length_computable().then(|| e.total()),
        }))
    });
    xhr.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    on_progress.forget();
    let on_done = Closure::<dyn Fn(ProgressEvent)>::new(move |e: ProgressEvent| {
        let Some(xhr) = e.target().and_then(|t| t.dyn_into::<XmlHttpRequest>().ok()) else {
            return post(&FromEngine::Failed(
                "The corpus download ended without its file. Reload to try again.".into(),
            ));
        };
        let status = xhr.status().unwrap_or(0);
        if !(200..300).contains(&status) {
            return post(&FromEngine::Failed(format!(
                "The corpus file could not be downloaded (HTTP status {status}). Reload to try again."
            )));
        }
        let Ok(buffer) = xhr.response() else {
            return post(&FromEngine::Failed("The corpus file could not be read. Reload to try again.".into()));
        };
        let mut reader = CorpusReader::new();
        reader.feed_owned(js_sys::Uint8Array::new(&buffer).to_vec());
        drop(buffer);
        index(&engine, reader);
    });
    xhr.set_onload(Some(on_done.as_ref().unchecked_ref()));
    on_done.forget();
    let on_error = Closure::<dyn Fn()>::new(move || {
        post(&FromEngine::Failed(
            "The corpus file could not be downloaded: the network failed. Reload to try again.".into(),
        ))
    });
    xhr.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    if xhr.send().is_err() {
        failed("The corpus download could not start.");
    }
}

/// Reads and indexes every document (the worker's thread is its own: no slices needed, only
/// progress reports), then says the engine is ready.
fn index(engine: &Engine, mut reader: CorpusReader) {
    let damaged = |e: String| post(&FromEngine::Failed(format!("The corpus file is damaged: {e}. Rebuild the app.")));
    loop {
        let started = now();
        match reader.read(|| now() - started <= REPORT_MS) {
            Err(e) => return damaged(e),
            Ok(done) => {
                let p = reader.progress();
                post(&FromEngine::Progress(Progress::Indexing { done: p.done, total: p.total.unwrap_or(p.done) }));
                if done {
                    break;
                }
            }
        }
    }
    let service = match reader.finish() {
        Ok(e) => Service::new(e),
        Err(e) => return damaged(e),
    };
    match service.handle(&Request::Info) {
        Response::Info(info) => {
            *engine.borrow_mut() = Some(service);
            post(&FromEngine::Ready(Box::new(info)));
        }
        _ => post(&FromEngine::Failed("The engine did not describe the corpus. Reload to try again.".into())),
    }
}
