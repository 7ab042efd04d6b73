//! The engine's side of the worker: runs inside the Web Worker that `static/engine-worker.js`
//! starts with this same wasm. It downloads the corpus (reading documents as they arrive),
//! opens the build's index file beside it, and answers the page's calls one at a time; the
//! page's main thread never holds the corpus.

use super::protocol::{FromEngine, IndexSource, Progress, ToEngine, Working};
use explorer_core::api::{Request, Response, Service};
use explorer_core::engine::Engine;
use explorer_core::index::{Index, IndexBuilder, IndexFile};
use explorer_core::jsonl::{CorpusReader, Progress as CorpusProgress};
use explorer_core::model::Corpus;
use explorer_core::pace::{Cancelled, Pace, Stage};
use std::cell::{Cell, OnceCell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DedicatedWorkerGlobalScope, MessageEvent, ReadableStreamDefaultReader, RequestCache, RequestInit,
    Response as WebResponse,
};

/// Milliseconds between two progress reports while loading.
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

/// The engine's service, once loaded, and the calls to it.
#[derive(Default)]
struct State {
    /// Set once, when the corpus is loaded.
    service: OnceCell<Service>,
    /// Calls not yet started, in the order they came.
    queue: RefCell<VecDeque<(u32, Request)>>,
    /// The call being worked on.
    running: Cell<Option<u32>>,
    /// Set when the page cancels the running call.
    cancelled: Cell<bool>,
}

type Loaded = Rc<State>;

/// Starts the engine's side: takes over the worker's messages, and first the ones that
/// `engine-worker.js` held while the wasm was starting (`self.corpusExplorerHeld`).
pub fn start() {
    let engine: Loaded = Rc::default();
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

fn receive(engine: &Loaded, data: JsValue) {
    let Some(bytes) = super::protocol::from_js(&data) else { return };
    match ToEngine::decode(&bytes) {
        Ok(ToEngine::Load { corpus, index }) => load(engine.clone(), Source::Built { corpus, index }),
        Ok(ToEngine::LoadStored { id }) => load(engine.clone(), Source::Stored { id }),
        // A long call is queued and worked on in slices; a quick one is answered at once, also
        // between two slices of a long one.
        Ok(ToEngine::Call { id, request: request @ (Request::View(_) | Request::Export(_)) }) => {
            engine.queue.borrow_mut().push_back((id, request));
            if engine.running.get().is_none() {
                wasm_bindgen_futures::spawn_local(work(engine.clone()));
            }
        }
        Ok(ToEngine::Call { id, request }) => {
            post(&match engine.service.get().and_then(|s| s.handle_quick(&request)) {
                Some(response) => FromEngine::Answer { id, response: Box::new(response) },
                // Calls come only after `Ready`.
                None => FromEngine::Failed(ASKED_TOO_EARLY.into()),
            })
        }
        Ok(ToEngine::Cancel { id }) => {
            if engine.running.get() == Some(id) {
                engine.cancelled.set(true);
            } else {
                let before = engine.queue.borrow().len();
                engine.queue.borrow_mut().retain(|(queued, _)| *queued != id);
                if engine.queue.borrow().len() < before {
                    post(&FromEngine::Cancelled { id });
                }
            }
        }
        Err(e) => gloo::console::warn!(format!("engine worker: a message it cannot read ({e})")),
    }
}

/// Works on the queued long calls (analysis views, downloads) one after the other, in slices
/// ([`Slices`]): between two, the worker reads its messages, so that the page can cancel the
/// call and have its quick calls answered, and says how far it has got.
async fn work(engine: Loaded) {
    loop {
        let Some((id, request)) = engine.queue.borrow_mut().pop_front() else { break };
        engine.running.set(Some(id));
        engine.cancelled.set(false);
        let Some(service) = engine.service.get() else {
            // Calls come only after `Ready`.
            post(&FromEngine::Failed(ASKED_TOO_EARLY.into()));
            continue;
        };
        let mut slices = Slices { id, engine: &engine, started: now(), slice: now(), reported: None };
        let answer = match &request {
            Request::View(r) => service.view_paced(r, &mut slices).await.map(Response::View),
            Request::Export(r) => service.export_paced(r, &mut slices).await.map(Response::Export),
            // Only views and exports are queued.
            _ => continue,
        };
        post(&match answer {
            Ok(response) => FromEngine::Answer { id, response: Box::new(response) },
            Err(Cancelled) => {
                let what = if matches!(request, Request::Export(_)) { "a download" } else { "a view" };
                let ms = now() - slices.started;
                gloo::console::info!(format!("engine: {what} was stopped after {ms:.0} ms, as the page asked."));
                FromEngine::Cancelled { id }
            }
        });
    }
    engine.running.set(None);
}

/// What a call that came before the corpus was loaded is told (calls come only after `Ready`).
const ASKED_TOO_EARLY: &str = "The engine was asked before the corpus was loaded.";

/// Milliseconds of work between two looks at the worker's messages.
const SLICE_MS: f64 = 25.0;
/// Milliseconds a call runs before its progress is first reported.
const QUIET_MS: f64 = 150.0;
/// Milliseconds between two reports of a call's progress.
const WORKING_REPORT_MS: f64 = 200.0;

/// The pace of a long call in the worker: a slice of [`SLICE_MS`], then the worker's messages
/// (a cancel among them), then the next slice.
struct Slices<'a> {
    id: u32,
    engine: &'a State,
    started: f64,
    slice: f64,
    reported: Option<f64>,
}

impl Pace for Slices<'_> {
    async fn step(&mut self, stage: Stage, done: usize, total: usize) -> Result<(), Cancelled> {
        let t = now();
        if t - self.slice < SLICE_MS {
            return Ok(());
        }
        if t - self.started >= QUIET_MS && self.reported.is_none_or(|r| t - r >= WORKING_REPORT_MS) {
            self.reported = Some(t);
            post(&FromEngine::Working { id: self.id, working: Working { stage, done, total } });
        }
        yield_to_messages().await;
        self.slice = now();
        if self.engine.cancelled.get() {
            return Err(Cancelled);
        }
        Ok(())
    }
}

/// Lets the worker read the messages that came meanwhile: resolves in a task of its own,
/// through a `MessageChannel` (a zero `setTimeout` is held back to 4 ms once nested).
async fn yield_to_messages() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Ok(channel) = web_sys::MessageChannel::new() {
            channel.port1().set_onmessage(Some(&resolve));
            if channel.port2().post_message(&JsValue::NULL).is_ok() {
                return;
            }
        }
        // No channel: go on at once (the slice just ends without a look at the messages).
        let _ = resolve.call0(&JsValue::NULL);
    });
    let _ = JsFuture::from(promise).await;
}

/// Where the corpus to load is.
#[derive(Clone)]
enum Source {
    /// The build's files beside the page.
    Built { corpus: String, index: Option<String> },
    /// A corpus a person added, kept in this browser.
    Stored { id: String },
}

/// A file to read: a download under way, or a `Blob` kept in this browser.
enum File {
    Download(js_sys::Promise),
    Kept(web_sys::Blob),
}

/// A file's body, to read piece by piece, and its length when known.
type Body = Result<(ReadableStreamDefaultReader, Option<usize>), String>;

impl File {
    async fn body(self) -> Body {
        match self {
            File::Download(request) => body_of(request).await,
            File::Kept(blob) => {
                let reader = blob.stream().get_reader().dyn_into().map_err(|_| "it cannot be read".to_owned())?;
                Ok((reader, Some(blob.size() as usize)))
            }
        }
    }
}

/// Reads the corpus file (reading documents as they arrive) and its index file (no text is
/// tokenized) or, when there is none or it does not fit the corpus, indexes the documents
/// here; then says the engine is ready. The build's files are downloaded; a corpus a person
/// added is read the same way from its two files kept in this browser.
fn load(engine: Loaded, source: Source) {
    wasm_bindgen_futures::spawn_local(async move {
        let mut opened = open(source.clone()).await;
        if matches!(&opened, Err(f) if f.broke_off) {
            gloo::console::warn!("engine: a download broke off; asking once more.");
            opened = open(source).await;
        }
        let ready =
            opened.map_err(|f| f.message).and_then(|(service, source)| match service.handle_quick(&Request::Info) {
                Some(Response::Info(info)) => Ok((service, info, source)),
                _ => Err("The engine did not describe the corpus. Reload to try again.".to_owned()),
            });
        match ready {
            Ok((service, info, source)) => {
                if engine.service.set(service).is_err() {
                    return post(&FromEngine::Failed("The corpus was loaded twice. Reload the page.".into()));
                }
                post(&FromEngine::Ready { info: Box::new(info), index: source });
                // Then, once the files handed to the offline cache are written, the page
                // registers the service worker (whose install is to find them there).
                handed_off().await;
                let handed = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&handed, &HANDED.into(), &JsValue::TRUE);
                let _ = scope().post_message(&handed);
                // This browser's working copies of the build's files, for the next load.
                if let Some(keep) = script_function("corpusExplorerKeepCopies") {
                    let _ = keep.call0(&JsValue::NULL);
                }
            }
            Err(message) => post(&FromEngine::Failed(message)),
        }
    });
}

/// Why loading failed: a message for a person, and whether a download broke off (then one more
/// try may succeed: see [`BROKE_OFF`]).
struct Failure {
    message: String,
    broke_off: bool,
}

impl From<String> for Failure {
    fn from(message: String) -> Failure {
        Failure { message, broke_off: false }
    }
}

/// What a download that broke off half-way says (the network failed for a moment): one more
/// request may get the file whole.
const BROKE_OFF: &str = "the download broke off";

/// The engine over a corpus and its index file (see [`load`]), and where its index came
/// from; or why not.
async fn open(source: Source) -> Result<(Service, IndexSource), Failure> {
    let kept_as = match &source {
        Source::Stored { id } => Some(id.clone()),
        Source::Built { .. } => None,
    };
    // Both downloads start now. The index file is read first and its bytes freed before the
    // documents are read (the browser holds back the corpus's bytes meanwhile), so that the
    // file, the index and the documents are never all in memory at once.
    let (corpus, index, unread, damaged): (File, Option<(String, File)>, String, String) = match source {
        Source::Built { corpus, index } => (
            File::Download(start_fetch(&corpus)),
            index.map(|name| (name.clone(), File::Download(start_fetch(&name)))),
            "The corpus file could not be downloaded".into(),
            "Rebuild the app".into(),
        ),
        Source::Stored { id } => {
            let (corpus, index) = stored_files(&id)
                .await
                .map_err(|e| format!("The corpus “{id}” could not be read from this browser: {e}."))?
                .ok_or_else(|| {
                    format!(
                        "The corpus “{id}” is not in this browser. A corpus you add lives only in the browser where \
                         it was added (nothing is uploaded): open this link there, or add the files again here."
                    )
                })?;
            let unread = format!("The corpus “{id}” could not be read from this browser");
            (
                File::Kept(corpus),
                Some((id, File::Kept(index))),
                unread,
                "Delete it in Corpora and add its files again".into(),
            )
        }
    };
    let started = now();
    let index_file = match index {
        Some((name, file)) => match read_index(file.body().await).await {
            Err(why) if why == BROKE_OFF => {
                return Err(Failure { message: format!("{unread}: {why}. Reload to try again."), broke_off: true })
            }
            read => Some((name, read)),
        },
        None => None,
    };
    let opened = now();
    let corpus = read_corpus(corpus.body().await, &unread, &damaged).await?;
    let read = now();
    let documents = corpus.documents.len();
    if let Some((name, file)) = index_file {
        match file.and_then(|f| f.fit(&corpus)) {
            Ok(index) => {
                let advice = match kept_as {
                    Some(_) => "delete this corpus in Corpora and add its files again",
                    None => "rebuild the app",
                };
                let service = Service::new(Engine::with_index(corpus, index)).with_damage_advice(advice);
                gloo::console::info!(format!(
                    "engine: {name} downloaded and opened in {:.0} ms, {documents} documents downloaded and read in {:.0} ms, ready in {:.0} ms",
                    opened - started,
                    read - opened,
                    now() - read,
                ));
                return Ok((service, IndexSource::File));
            }
            Err(why) => gloo::console::warn!(format!("{name} was not used ({why}): the corpus is indexed here.")),
        }
    }
    let index = index_here(&corpus);
    if let Some(id) = kept_as {
        // Its kept index is of an older form or damaged: the new one replaces it, so that the
        // next load does not tokenize again.
        keep_index(&id, &index.to_bytes(&corpus.version));
    }
    Ok((Service::new(Engine::with_index(corpus, index)), IndexSource::Tokenized))
}

/// The two files of the corpus `id` kept in this browser (its JSON Lines file and its index),
/// as `engine-worker.js`'s `corpusExplorerStored` reads them; none when it is not here.
async fn stored_files(id: &str) -> Result<Option<(web_sys::Blob, web_sys::Blob)>, String> {
    let read =
        script_function("corpusExplorerStored").ok_or("the engine's script cannot read this browser's storage")?;
    let promise = read.call1(&JsValue::NULL, &id.into()).map_err(|_| "the browser's storage failed")?;
    let files = JsFuture::from(js_sys::Promise::resolve(&promise)).await.map_err(|e| {
        let name = js_sys::Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
        format!("the browser's storage failed ({name})")
    })?;
    let blob = |key: &str| js_sys::Reflect::get(&files, &key.into()).ok().and_then(|b| b.dyn_into().ok());
    Ok(blob("corpus").zip(blob("index")))
}

/// Keeps `bytes` as the index of the corpus `id` kept in this browser, through
/// `engine-worker.js`'s `corpusExplorerKeepIndex`; says in the console how it went.
fn keep_index(id: &str, bytes: &[u8]) {
    let Some(keep) = script_function("corpusExplorerKeepIndex") else { return };
    let written = keep.call2(&JsValue::NULL, &id.into(), &js_sys::Uint8Array::from(bytes));
    let id = id.to_owned();
    wasm_bindgen_futures::spawn_local(async move {
        let done = match written {
            Ok(promise) => JsFuture::from(js_sys::Promise::resolve(&promise)).await.is_ok_and(|kept| kept.is_truthy()),
            Err(_) => false,
        };
        if done {
            gloo::console::info!(format!("engine: a new index of “{id}” is kept in this browser."));
        } else {
            gloo::console::warn!(format!(
                "engine: the new index of “{id}” could not be kept; it is indexed again on each load."
            ));
        }
    });
}

/// Reads the documents of a corpus file from its body as they arrive, reporting progress;
/// `unread` and `damaged` begin and end the messages for a person.
async fn read_corpus(body: Body, unread: &str, damaged: &str) -> Result<Corpus, Failure> {
    let failed = |why: String| Failure {
        broke_off: why == BROKE_OFF,
        message: format!("{unread}: {why}. Reload to try again."),
    };
    let damaged = |e: String| format!("The corpus file is damaged: {e}. {damaged}.");
    let (body, _) = body.map_err(failed)?;
    let mut reader = CorpusReader::without_index();
    let (mut fetched, mut reported) = (0f64, now());
    while let Some(chunk) = next_chunk(&body).await.map_err(failed)? {
        fetched += chunk.len() as f64;
        reader.feed_owned(chunk);
        reader.read(|| true).map_err(damaged)?;
        if now() - reported >= REPORT_MS {
            reported = now();
            post(&FromEngine::Progress(match reader.progress() {
                CorpusProgress { done, total: Some(total) } => Progress::Reading { done, total },
                _ => Progress::Fetching { loaded: fetched },
            }));
        }
    }
    Ok(reader.finish_corpus().map_err(damaged)?)
}

/// An index file, read from its body and checked in itself.
async fn read_index(body: Body) -> Result<IndexFile, String> {
    let (body, length) = body?;
    // One buffer of the announced size (when the server announces it and does not compress):
    // growing it by doubling would hold up to 1.5 times the file at a time (a 40 MB index
    // file on the 108 MB benchmark corpus).
    let mut bytes = Vec::with_capacity(length.unwrap_or(0).min(MAX_PREALLOCATED));
    while let Some(chunk) = next_chunk(&body).await? {
        bytes.extend_from_slice(&chunk);
    }
    let downloaded = now();
    let read = IndexFile::read(&bytes);
    gloo::console::debug!(format!("engine: the index file read in {:.0} ms", now() - downloaded));
    read
}

/// The largest buffer reserved ahead on the server's word (larger files grow as they come).
const MAX_PREALLOCATED: usize = 1 << 30;

/// Indexes the corpus's documents here, reporting progress.
fn index_here(corpus: &Corpus) -> Index {
    let mut builder = IndexBuilder::new();
    let total = corpus.documents.len();
    let mut reported = now();
    for (done, doc) in corpus.documents.iter().enumerate() {
        builder.add(doc);
        if now() - reported >= REPORT_MS {
            reported = now();
            post(&FromEngine::Progress(Progress::Indexing { done: done + 1, total }));
        }
    }
    builder.finish()
}

/// Starts getting a file of this build: through `engine-worker.js`'s `corpusExplorerFetch`,
/// this browser's working copy of it or a download; else a download (revalidated with the
/// server or the service worker rather than taken from a stale copy).
fn start_fetch(url: &str) -> js_sys::Promise {
    if let Some(fetch) = script_function("corpusExplorerFetch") {
        if let Ok(started) = fetch.call1(&JsValue::NULL, &url.into()) {
            return js_sys::Promise::resolve(&started);
        }
    }
    let init = RequestInit::new();
    init.set_cache(RequestCache::NoCache);
    scope().fetch_with_str_and_init(url, &init)
}

/// The body of a started download, to read piece by piece, and its length when the server
/// says it and sends the file as it is; an HTTP error is an error.
async fn body_of(request: js_sys::Promise) -> Result<(ReadableStreamDefaultReader, Option<usize>), String> {
    let response: WebResponse = JsFuture::from(request)
        .await
        .map_err(|_| "the network failed".to_owned())?
        .dyn_into()
        .map_err(|_| "no answer".to_owned())?;
    if !response.ok() {
        return Err(format!("HTTP status {}", response.status()));
    }
    let headers = response.headers();
    let header = |name: &str| headers.get(name).ok().flatten();
    let length = match header("content-encoding") {
        Some(coding) if coding != "identity" => None,
        _ => header("content-length").and_then(|l| l.trim().parse().ok()),
    };
    let body = response.body().ok_or("the answer has no body")?;
    Ok((body.get_reader().dyn_into().map_err(|_| "its body cannot be read".to_owned())?, length))
}

/// A function `engine-worker.js` defines on the worker's global scope.
fn script_function(name: &str) -> Option<js_sys::Function> {
    js_sys::Reflect::get(&scope(), &name.into()).ok().and_then(|f| f.dyn_into().ok())
}

/// What the engine posts (`{ handed: true }`, not in postcard's form) once the files it handed
/// to the offline cache are written: the page then registers the service worker.
pub const HANDED: &str = "handed";

/// Waits until the files handed to the offline cache on a first visit are written (or failed:
/// the service worker then downloads them itself), through `engine-worker.js`'s
/// `corpusExplorerHandedOff`, so that the service worker, registered once the engine is ready,
/// finds them.
async fn handed_off() {
    let Some(handed) = script_function("corpusExplorerHandedOff") else { return };
    if let Ok(promise) = handed.call0(&JsValue::NULL) {
        let _ = JsFuture::from(js_sys::Promise::resolve(&promise)).await;
    }
}

/// The next piece of a download, or `None` at its end.
async fn next_chunk(body: &ReadableStreamDefaultReader) -> Result<Option<Vec<u8>>, String> {
    let step = JsFuture::from(body.read()).await.map_err(|_| BROKE_OFF.to_owned())?;
    let done = js_sys::Reflect::get(&step, &JsValue::from_str("done")).map(|d| d.is_truthy()).unwrap_or(true);
    if done {
        return Ok(None);
    }
    let value = js_sys::Reflect::get(&step, &JsValue::from_str("value")).unwrap_or(JsValue::UNDEFINED);
    match value.dyn_ref::<js_sys::Uint8Array>() {
        Some(bytes) => Ok(Some(bytes.to_vec())),
        None => Err("the download gave something other than bytes".to_owned()),
    }
}
