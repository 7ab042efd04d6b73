//! Loading the corpus: `corpus.jsonl` (written into the build by `scripts/build-corpus.mjs`)
//! is downloaded with progress, then read and indexed a slice at a time, so that the page
//! stays responsive and shows how far it has got even for a corpus of many megabytes.

use explorer_core::index::IndexBuilder;
use explorer_core::model::{parse_document_line, CorpusHeader};
use explorer_core::search::Engine;
use explorer_core::Document;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{ProgressEvent, XmlHttpRequest, XmlHttpRequestResponseType};

/// The corpus file beside index.html when the page does not name it.
pub const CORPUS_FILE: &str = "corpus.jsonl";

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

/// Milliseconds of work in one slice before the page gets the main thread back.
const SLICE_MS: f64 = 12.0;

/// A shared handle to the engine, compared by identity (it never changes during a page's life).
#[derive(Clone)]
pub struct EngineRef(pub Rc<Engine>);

impl PartialEq for EngineRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for EngineRef {
    type Target = Engine;
    fn deref(&self) -> &Engine {
        &self.0
    }
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
    Ready(EngineRef),
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
    let report = Rc::new(report);
    let xhr = match XmlHttpRequest::new() {
        Ok(x) => x,
        Err(_) => {
            return report(Loading::Failed("This browser cannot download the corpus (no XMLHttpRequest).".into()))
        }
    };
    let file = corpus_file();
    if xhr.open("GET", &file).is_err() {
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
    // The request is taken from the event, not kept by the handler: once the text is in the
    // Wasm memory nothing holds the request and its 10 MB buffer, and the browser frees them.
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
            let bytes = xhr.response().map(|buffer| web_sys::js_sys::Uint8Array::new(&buffer).to_vec());
            match bytes.map(String::from_utf8) {
                Ok(Ok(text)) => index_in_slices(text, report.clone()),
                Ok(Err(e)) => report(Loading::Failed(format!(
                    "The corpus file is damaged: not UTF-8 at byte {}. Rebuild the app.",
                    e.utf8_error().valid_up_to()
                ))),
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

/// What survives between slices.
struct Job {
    text: String,
    /// Byte offset of the next line to read.
    at: usize,
    /// Line number of the next line (from 1).
    line: usize,
    header: Option<CorpusHeader>,
    documents: Vec<Document>,
    builder: IndexBuilder,
}

fn index_in_slices(text: String, report: Rc<dyn Fn(Loading)>) {
    let job = Rc::new(RefCell::new(Job {
        text,
        at: 0,
        line: 1,
        header: None,
        documents: Vec::new(),
        builder: IndexBuilder::new(),
    }));
    step(job, report);
}

/// Reads and indexes documents for one slice of time, then yields to the page.
fn step(job: Rc<RefCell<Job>>, report: Rc<dyn Fn(Loading)>) {
    let started = now();
    let outcome: Result<bool, String> = (|| {
        let mut j = job.borrow_mut();
        loop {
            let rest = &j.text[j.at..];
            if rest.is_empty() {
                return Ok(true);
            }
            let end = rest.find('\n').unwrap_or(rest.len());
            let line_text = rest[..end].trim().to_owned();
            j.at += (end + 1).min(rest.len());
            let line = j.line;
            j.line += 1;
            if line_text.is_empty() {
                continue;
            }
            if j.header.is_none() {
                j.header = Some(CorpusHeader::parse(&line_text)?);
                continue;
            }
            let doc = parse_document_line(&line_text, line)?;
            j.builder.add(&doc);
            j.documents.push(doc);
            if now() - started > SLICE_MS {
                return Ok(false);
            }
        }
    })();
    match outcome {
        Err(e) => report(Loading::Failed(format!("The corpus file is damaged: {e}. Rebuild the app."))),
        Ok(false) => {
            {
                let j = job.borrow();
                let total = j.header.as_ref().map_or(0, |h| h.documents);
                report(Loading::Indexing { done: j.documents.len(), total });
            }
            gloo::timers::callback::Timeout::new(0, move || step(job, report)).forget();
        }
        // Finishing the index (sorting the vocabulary, grouping it by stem, the facet table) and
        // the first page of results are two tasks of their own, after the last slice: each is
        // tens of milliseconds on a large corpus, and together they would hold the page longer.
        Ok(true) => {
            {
                let j = job.borrow();
                report(Loading::Indexing { done: j.documents.len(), total: j.documents.len() });
            }
            gloo::timers::callback::Timeout::new(0, move || {
                let Ok(cell) = Rc::try_unwrap(job) else {
                    return report(Loading::Failed("The corpus could not be indexed.".into()));
                };
                let j = cell.into_inner();
                let Some(header) = j.header else {
                    return report(Loading::Failed("The corpus file is empty. Rebuild the app.".into()));
                };
                let corpus = header.into_corpus(j.documents);
                let engine = EngineRef(Rc::new(Engine::with_index(corpus, j.builder.finish())));
                gloo::timers::callback::Timeout::new(0, move || report(Loading::Ready(engine))).forget();
            })
            .forget();
        }
    }
}
