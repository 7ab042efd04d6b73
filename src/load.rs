//! Loading the corpus: `corpus-<hash>.jsonl` (written into the build by
//! `scripts/build-corpus.mjs`) is downloaded with progress, then read and indexed a slice at a
//! time by the core's [`CorpusReader`], so that the page stays responsive and shows how far it
//! has got even for a corpus of many megabytes.

use crate::client::Client;
use explorer_core::api::Service;
use explorer_core::jsonl::CorpusReader;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{ProgressEvent, XmlHttpRequest, XmlHttpRequestResponseType};

/// The corpus file beside index.html when the page does not name it.
pub const CORPUS_FILE: &str = "corpus.jsonl";

/// Milliseconds of work in one slice before the page gets the main thread back.
const SLICE_MS: f64 = 12.0;

/// The corpus file of this build: named in `<meta name="corpus-explorer-corpus">` (written by
/// `scripts/gen-sw.mjs`; the name carries a hash of the content, so that a page of one build
/// never reads another build's corpus).
pub fn corpus_file() -> String {
    gloo::utils::document()
        .query_selector("meta[name=corpus-explorer-corpus]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .filter(|name| !name.is_empty() && !name.contains(['/', '\\', ':', '?', '#']))
        .unwrap_or_else(|| CORPUS_FILE.to_owned())
}

/// How far loading has got.
#[derive(Clone, PartialEq)]
pub enum Loading {
    /// Downloading: bytes received, and the total when the server says it.
    Fetching {
        /// Bytes received.
        loaded: f64,
        /// Bytes in all, when known.
        total: Option<f64>,
    },
    /// Reading and indexing: documents done of all.
    Indexing {
        /// Documents indexed.
        done: usize,
        /// Documents in the corpus.
        total: usize,
    },
    /// Ready to search.
    Ready(Client),
    /// It failed; the message says why and what to do.
    Failed(String),
}

impl Loading {
    /// Progress from 0 to 1 (downloading counts for the first half, indexing the second).
    pub fn fraction(&self) -> f64 {
        match self {
            Loading::Fetching { loaded, total: Some(t) } if *t > 0.0 => 0.5 * (loaded / t).min(1.0),
            Loading::Fetching { .. } => 0.0,
            Loading::Indexing { done, total } => 0.5 + 0.5 * (*done as f64 / (*total).max(1) as f64),
            _ => 1.0,
        }
    }
}

fn now() -> f64 {
    gloo::utils::window().performance().map_or(0.0, |p| p.now())
}

/// Starts loading; `report` is called with every step, last with `Ready` or `Failed`.
pub fn load(report: impl Fn(Loading) + 'static) {
    let report: Rc<dyn Fn(Loading)> = Rc::new(report);
    let Ok(xhr) = XmlHttpRequest::new() else {
        return report(Loading::Failed("This browser cannot download the corpus (no XMLHttpRequest).".into()));
    };
    if xhr.open("GET", &corpus_file()).is_err() {
        return report(Loading::Failed("The corpus file's address is not valid.".into()));
    }
    // Revalidate with the server (or the service worker) rather than trust a stale copy.
    let _ = xhr.set_request_header("Cache-Control", "no-cache");
    // The bytes, copied into the Wasm memory once and checked as UTF-8 there: much quicker
    // than a JavaScript string converted from UTF-16 (a 10 MB corpus is one long task less).
    xhr.set_response_type(XmlHttpRequestResponseType::Arraybuffer);
    let on_progress = {
        let report = report.clone();
        Closure::<dyn Fn(ProgressEvent)>::new(move |e: ProgressEvent| {
            let total = e.length_computable().then(|| e.total());
            report(Loading::Fetching { loaded: e.loaded(), total });
        })
    };
    xhr.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    on_progress.forget();
    // The request is taken from the event, not kept by the handler: once the bytes are in the
    // Wasm memory nothing holds the request and its buffer, and the browser frees them.
    let on_done = {
        let report = report.clone();
        Closure::<dyn Fn(ProgressEvent)>::new(move |e: ProgressEvent| {
            let Some(xhr) = e.target().and_then(|t| t.dyn_into::<XmlHttpRequest>().ok()) else {
                return report(Loading::Failed(
                    "The corpus download ended without its file. Reload to try again.".into(),
                ));
            };
            let status = xhr.status().unwrap_or(0);
            if !(200..300).contains(&status) {
                return report(Loading::Failed(format!(
                    "The corpus file could not be downloaded (HTTP status {status}). Reload to try again."
                )));
            }
            match xhr.response() {
                Ok(buffer) => {
                    let mut reader = CorpusReader::new();
                    reader.feed_owned(web_sys::js_sys::Uint8Array::new(&buffer).to_vec());
                    step(Rc::new(RefCell::new(Some(reader))), report.clone());
                }
                Err(_) => report(Loading::Failed("The corpus file could not be read. Reload to try again.".into())),
            }
        })
    };
    xhr.set_onload(Some(on_done.as_ref().unchecked_ref()));
    on_done.forget();
    let on_error = {
        let report = report.clone();
        Closure::<dyn Fn()>::new(move || {
            report(Loading::Failed(
                "The corpus file could not be downloaded: the network failed. Reload to try again.".into(),
            ))
        })
    };
    xhr.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    if xhr.send().is_err() {
        report(Loading::Failed("The corpus download could not start.".into()));
    }
}

fn damaged(e: String) -> Loading {
    Loading::Failed(format!("The corpus file is damaged: {e}. Rebuild the app."))
}

fn later(f: impl FnOnce() + 'static) {
    gloo::timers::callback::Timeout::new(0, f).forget();
}

/// Reads and indexes documents for one slice of time, then yields to the page.
fn step(job: Rc<RefCell<Option<CorpusReader>>>, report: Rc<dyn Fn(Loading)>) {
    let started = now();
    let outcome = match job.borrow_mut().as_mut() {
        Some(reader) => reader.read(|| now() - started <= SLICE_MS).map(|done| (done, reader.progress())),
        None => return,
    };
    match outcome {
        Err(e) => report(damaged(e)),
        Ok((false, p)) => {
            report(Loading::Indexing { done: p.done, total: p.total.unwrap_or(0) });
            later(move || step(job, report));
        }
        // Finishing the index (sorting the vocabulary, grouping it by stem, the facet table) and
        // the first page of results are two tasks of their own, after the last slice: each is
        // tens of milliseconds on a large corpus, and together they would hold the page longer.
        Ok((true, p)) => {
            report(Loading::Indexing { done: p.done, total: p.done });
            later(move || {
                let Some(reader) = job.borrow_mut().take() else { return };
                match reader
                    .finish()
                    .map_err(damaged)
                    .and_then(|e| Client::new(Service::new(e)).map_err(Loading::Failed))
                {
                    Ok(client) => later(move || report(Loading::Ready(client))),
                    Err(failed) => report(failed),
                }
            });
        }
    }
}
