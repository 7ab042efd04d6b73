//! Loading: the page starts the engine's Web Worker (`engine-worker.js`, which runs this same
//! wasm), tells it which corpus file to load, and shows its progress. The worker downloads
//! `corpus-<hash>.jsonl` (written into the build by `scripts/build-corpus.mjs`) and indexes it;
//! the page's main thread never holds the corpus and stays free to render.

use crate::engine::client::{Client, Connection};
use crate::engine::protocol::{FromEngine, Progress, ToEngine};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{ErrorEvent, HtmlLinkElement, MessageEvent, Worker, WorkerOptions, WorkerType};

/// The corpus file beside index.html when the page does not name it.
pub const CORPUS_FILE: &str = "corpus.jsonl";

/// The worker's script, beside index.html (copied unhashed by Trunk: `static/engine-worker.js`).
pub const WORKER_SCRIPT: &str = "engine-worker.js";

/// The corpus file of this build: named in `<meta name="corpus-explorer-corpus">` (written by
/// `scripts/gen-sw.mjs`; the name carries a hash of the content, so that a page of one build
/// never reads another build's corpus).
pub fn corpus_file() -> String {
    build_file("corpus").unwrap_or_else(|| CORPUS_FILE.to_owned())
}

/// This build's version (a hash of all its files), from `<meta name="corpus-explorer-build">`
/// (written by `scripts/gen-sw.mjs`): hexadecimal digits only, or empty.
pub fn build_version() -> String {
    build_file("build").filter(|v| v.bytes().all(|b| b.is_ascii_hexdigit())).unwrap_or_default()
}

/// The index file of this build, named in `<meta name="corpus-explorer-index">` (by a hash of
/// its content too); none when the build has none.
pub fn index_file() -> Option<String> {
    build_file("index")
}

/// A file name of this build from `<meta name="corpus-explorer-NAME">`: a plain name beside
/// the page, never an address elsewhere.
fn build_file(name: &str) -> Option<String> {
    gloo::utils::document()
        .query_selector(&format!("meta[name=corpus-explorer-{name}]"))
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .filter(|name| !name.is_empty() && !name.contains(['/', '\\', ':', '?', '#']))
}

/// The corpus this page shows: the id of a corpus added in this browser, or `None` for the
/// build's own corpus. It is the one the URL named when the page opened (`corpus=`), or the one
/// added and opened since ([`open_stored`]); the page notes it in `<html data-corpus>`, where
/// the file reader (a wasm of its own) reads it too. Back or forward to another corpus loads
/// the page again.
pub fn corpus_in_use() -> Option<String> {
    let root = gloo::utils::document().document_element()?;
    if let Some(id) = root.get_attribute(IN_USE) {
        return Some(id).filter(|id| !id.is_empty());
    }
    let id = corpus_of(&crate::url::current_query_string());
    let _ = root.set_attribute(IN_USE, id.as_deref().unwrap_or_default());
    id
}

/// The attribute of `<html>` that notes the corpus in use.
const IN_USE: &str = "data-corpus";

/// Opens the corpus `id` kept in this browser in this page, in place of the one shown: the
/// engine's worker is ended and a new one loads it, and the interface starts afresh on it once
/// it is ready (loading the page again took a quarter of opening a corpus just added). False
/// when the engine had not started.
pub fn open_stored(id: &str) -> bool {
    let Some(connection) = STARTED.with(|s| s.borrow_mut().connection.take()) else { return false };
    connection.end();
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = root.set_attribute(IN_USE, id);
    }
    STARTED.with(|s| s.borrow_mut().begun = false);
    begin();
    true
}

/// The corpus a URL query string names (`corpus=ID`, the first one), if its id is valid (an
/// invalid one is reported by the state's notices and the built-in corpus is shown). Read
/// here rather than through `ViewState::from_query_string`, which the loading would otherwise
/// call before the interface: 1.4 kB of wasm (pre-opt) for one parameter whose ids need no
/// decoding.
pub fn corpus_of(query_string: &str) -> Option<String> {
    query_string
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("corpus="))
        .filter(|id| explorer_core::corpora::is_id(id))
        .map(str::to_owned)
}

/// How far loading has got.
#[derive(Clone, PartialEq)]
pub enum Loading {
    /// Starting the engine's worker.
    Starting,
    /// Downloading or indexing, as the worker reports it.
    Progress(Progress),
    /// Ready to search.
    Ready(Client),
    /// It failed; the message says why and what to do.
    Failed(String),
}

impl Loading {
    /// Progress from 0 to 1.
    pub fn fraction(&self) -> f64 {
        match self {
            Loading::Starting => 0.0,
            Loading::Progress(p) => p.fraction(),
            _ => 1.0,
        }
    }
}

/// The address of this page's wasm-bindgen script, as Trunk links it for preloading
/// (`<link rel="modulepreload">`): the worker runs the same script, which the browser already
/// has, with the page's own compiled wasm module (posted to it: not compiled twice).
fn glue_file() -> Option<String> {
    let href = |selector: &str| {
        gloo::utils::document()
            .query_selector(selector)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<HtmlLinkElement>().ok())
            .map(|l| l.href())
            .filter(|h| !h.is_empty())
    };
    href("link[rel=modulepreload][href$='.js']")
}

thread_local! {
    /// Loading started by [`begin`]: its latest step, and who is told of the next ones.
    static STARTED: std::cell::RefCell<Started> = std::cell::RefCell::new(Started::default());
}

/// See `STARTED`.
#[derive(Default)]
struct Started {
    begun: bool,
    latest: Option<Loading>,
    listener: Option<Rc<dyn Fn(Loading)>>,
    /// The engine's worker, once started.
    connection: Option<Rc<Connection>>,
}

/// Starts the engine's worker and loading at once (before the interface is first drawn: the
/// worker's start and the corpus's download overlap the page's own start); [`follow`] hears
/// how it goes.
pub fn begin() {
    if STARTED.with(|s| std::mem::replace(&mut s.borrow_mut().begun, true)) {
        return;
    }
    load(report);
}

/// Notes a step of loading and tells the listener.
fn report(step: Loading) {
    let listener = STARTED.with(|s| {
        let mut s = s.borrow_mut();
        s.latest = Some(step.clone());
        s.listener.clone()
    });
    if let Some(listener) = listener {
        listener(step);
    }
}

/// Calls `report` with the latest step of the loading [`begin`] started and with every later
/// one (or starts loading now, when nothing has begun it).
pub fn follow(report: impl Fn(Loading) + 'static) {
    let report: Rc<dyn Fn(Loading)> = Rc::new(report);
    let latest = STARTED.with(|s| {
        let mut s = s.borrow_mut();
        s.listener = Some(report.clone());
        s.latest.clone()
    });
    match latest {
        Some(step) => report(step),
        None => begin(),
    }
}

/// Starts the engine's worker and loading; `report` is called with every step, last with
/// `Ready` or `Failed`.
fn load(report: impl Fn(Loading) + 'static) {
    let report: Rc<dyn Fn(Loading)> = Rc::new(report);
    let Some(glue) = glue_file() else {
        return report(Loading::Failed(
            "The page does not name its WebAssembly files (the build is incomplete). Rebuild the app.".into(),
        ));
    };
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let Ok(worker) = Worker::new_with_options(WORKER_SCRIPT, &options) else {
        return report(Loading::Failed(
            "This browser cannot start the explorer's search engine (it needs module Web Workers: \
             Chrome 80, Firefox 114, Safari 15 or later)."
                .into(),
        ));
    };
    let connection = Connection::new(worker.clone());
    STARTED.with(|s| s.borrow_mut().connection = Some(connection.clone()));
    let on_message = {
        let (report, connection) = (report.clone(), connection.clone());
        Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| {
            // engine-worker.js says in plain text why the engine could not start.
            if let Some(text) = e.data().as_string() {
                return report(Loading::Failed(text));
            }
            // The files it downloaded are in the offline cache (on a first visit): the
            // service worker's install finds them there, and the corpus is not downloaded twice.
            if js_sys::Reflect::get(&e.data(), &crate::engine::worker::HANDED.into()).is_ok_and(|h| h.is_truthy()) {
                return crate::offline::register();
            }
            let Some(bytes) = crate::engine::protocol::from_js(&e.data()) else { return };
            match FromEngine::decode(&bytes) {
                Ok(FromEngine::Answer { id, response }) => connection.answer(id, *response),
                Ok(FromEngine::Working { id, working }) => connection.working(id, working),
                Ok(FromEngine::Cancelled { id }) => connection.cancelled(id),
                Ok(FromEngine::Progress(p)) => report(Loading::Progress(p)),
                Ok(FromEngine::Ready { info, index }) => {
                    // Where the index came from, for tests and tools (`<html data-index>`).
                    if let Some(root) = gloo::utils::document().document_element() {
                        let _ = root.set_attribute("data-index", index.as_str());
                    }
                    // The offline copy is made once the corpus is in and handed over (above).
                    report(Loading::Ready(Client::new(connection.clone(), *info)))
                }
                Ok(FromEngine::Failed(message)) => {
                    crate::offline::register();
                    report(Loading::Failed(message))
                }
                Err(e) => {
                    gloo::console::error!(format!("engine: a message the page cannot read ({e})"));
                    connection.lost();
                }
            }
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let on_error = {
        let report = report.clone();
        // A script that cannot be had fires a plain `Event`, not an `ErrorEvent`: reading its
        // `message` as an ErrorEvent's would throw, and the page would stay on "Starting…".
        Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
            let message = e.dyn_ref::<ErrorEvent>().map(ErrorEvent::message).unwrap_or_default();
            let what = if message.is_empty() { "its script did not load".to_owned() } else { message };
            report(Loading::Failed(format!("The explorer's search engine stopped ({what}). Reload to try again.")))
        })
    };
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    // First the files to start from (read by engine-worker.js), then what to load.
    let boot = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&boot, &JsValue::from_str("glue"), &JsValue::from_str(&glue));
    let _ = js_sys::Reflect::set(&boot, &JsValue::from_str("module"), &wasm_bindgen::module());
    let stored = corpus_in_use();
    if stored.is_none() {
        // On a first visit the build's files go to the offline cache as they are downloaded.
        if crate::offline::first_visit() {
            let _ = js_sys::Reflect::set(&boot, &JsValue::from_str("offline"), &JsValue::TRUE);
        }
        // The build's files may be read from this browser's working copies, each block checked
        // against its hash in `<meta name="corpus-explorer-corpus-blocks">` (scripts/gen-sw.mjs).
        let blocks = js_sys::Object::new();
        for (file, kind) in [(Some(corpus_file()), "corpus"), (index_file(), "index")] {
            if let Some(file) = file {
                let listed = build_file(&format!("{kind}-blocks")).unwrap_or_default();
                let _ = js_sys::Reflect::set(&blocks, &JsValue::from_str(&file), &JsValue::from_str(&listed));
            }
        }
        let copies = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&copies, &JsValue::from_str("build"), &JsValue::from_str(&build_version()));
        let _ = js_sys::Reflect::set(&copies, &JsValue::from_str("blocks"), &blocks);
        let _ = js_sys::Reflect::set(&boot, &JsValue::from_str("copies"), &copies);
    }
    let _ = worker.post_message(&boot);
    connection.post(&match stored {
        Some(id) => ToEngine::LoadStored { id },
        None => ToEngine::Load { corpus: corpus_file(), index: index_file() },
    });
    report(Loading::Starting);
}
