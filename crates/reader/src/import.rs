//! Adding a person's own texts, the page's side: the files they chose or dropped (folders
//! walked) or the text they pasted go to this same wasm in a Web Worker
//! (`reader-worker.js`, see [`crate::worker`]), which reads them with the build's readers
//! and indexes them; the page then keeps the corpus in the browser
//! ([`crate::store`]). Nothing is uploaded: the files are read in this browser and
//! kept there.

use crate::store;
use explorer_core::corpora::{self, ImportReport, ReadProgress, ReaderMessage, StoredCorpus};
use js_sys::{Array, Function, Promise, Reflect};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, File, FileList, FileSystemDirectoryEntry, FileSystemEntry, FileSystemFileEntry, MessageChannel, MessageEvent,
    Worker, WorkerOptions, WorkerType,
};

/// The reader worker's script, beside index.html (`static/reader-worker.js`).
pub const READER_SCRIPT: &str = "reader-worker.js";

/// What a person added.
#[derive(Clone)]
pub enum Input {
    /// Files, each with its path inside what was chosen (`folder/sub/name.txt`).
    Files(Vec<(String, File)>),
    /// A pasted text and the name typed for it.
    Paste {
        /// Its name (empty: "Pasted text").
        name: String,
        /// The text.
        text: String,
    },
}

impl Input {
    /// The paths of the files (none for a pasted text).
    pub fn paths(&self) -> Vec<&str> {
        match self {
            Input::Files(files) => files.iter().map(|(p, _)| p.as_str()).collect(),
            Input::Paste { .. } => Vec::new(),
        }
    }

    /// The name the new corpus gets unless the person types another.
    pub fn default_name(&self) -> String {
        match self {
            Input::Paste { name, .. } => corpora::clean_name(name).unwrap_or_else(|| "Pasted text".into()),
            Input::Files(_) => corpora::default_name(&self.paths()),
        }
    }
}

/// The reader's news.
#[derive(Clone)]
pub enum News {
    /// It goes on.
    Progress(ReadProgress),
    /// It is done.
    Done(Rc<Read>),
    /// It could not go on.
    Failed(String),
}

/// What the reader made of the files.
pub struct Read {
    /// Its report.
    pub report: ImportReport,
    /// Words in all documents.
    pub words: usize,
    /// The corpus version (a hash of its content).
    pub version: String,
    /// The title a `corpus.toml` among the files gave.
    pub title: Option<String>,
    /// The corpus's JSON Lines file and its index (none when no document was read).
    pub files: Option<(Blob, Blob)>,
}

/// A reading under way: dropping it ends its workers (Cancel), and nothing is kept.
pub struct Reading {
    workers: Vec<Worker>,
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(web_sys::Event)>,
}

impl Drop for Reading {
    fn drop(&mut self) {
        for worker in &self.workers {
            worker.terminate();
            worker.set_onmessage(None);
            worker.set_onerror(None);
        }
    }
}

/// The reader's workers for the next reading, started before they are needed (while Add texts
/// shows its choices), so that reading begins as soon as files are chosen: their wasm is
/// already running. One reads the files, the other indexes the documents beside it
/// ([`crate::beside`]). Dropping it ends them.
pub struct Spare {
    workers: Option<(Worker, Worker)>,
    /// Set when a worker failed to start (its script did not load): they are then not used.
    failed: Rc<Cell<bool>>,
    _on_error: Closure<dyn Fn(web_sys::Event)>,
}

impl Spare {
    /// Starts the workers for the next reading.
    pub fn start() -> Result<Spare, String> {
        let workers = (new_worker()?, new_worker()?);
        let failed = Rc::new(Cell::new(false));
        let on_error = {
            let failed = failed.clone();
            Closure::<dyn Fn(web_sys::Event)>::new(move |_| failed.set(true))
        };
        workers.0.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        workers.1.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(Spare { workers: Some(workers), failed, _on_error: on_error })
    }

    /// Its workers, unless one failed to start (they are then ended).
    fn take(mut self) -> Option<(Worker, Worker)> {
        if self.failed.get() {
            return None;
        }
        let workers = self.workers.take()?;
        // Their handlers go with this spare.
        for worker in [&workers.0, &workers.1] {
            worker.set_onerror(None);
        }
        Some(workers)
    }
}

impl Drop for Spare {
    fn drop(&mut self) {
        if let Some((reader, indexer)) = self.workers.take() {
            for worker in [reader, indexer] {
                worker.terminate();
                worker.set_onerror(None);
            }
        }
    }
}

/// A new reader's worker, given this page's compiled reader first (the worker runs the same
/// wasm: not compiled twice).
fn new_worker() -> Result<Worker, String> {
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let script = format!("{READER_SCRIPT}?v={}", corpus_explorer::load::build_version());
    let worker = Worker::new_with_options(&script, &options)
        .map_err(|_| "This browser cannot start the file reader (it needs module Web Workers).".to_owned())?;
    let boot = js_sys::Object::new();
    let _ = Reflect::set(&boot, &"module".into(), &wasm_bindgen::module());
    let _ = worker.post_message(&boot);
    Ok(worker)
}

/// Starts reading `input` in the reader's workers (`spare`'s, when they started well, else
/// new ones): files are read by one while the other indexes the documents read; a pasted text
/// is read and indexed by one. `news` hears how it goes.
pub fn start(
    input: &Input,
    remove_clutter: bool,
    name: Option<&str>,
    spare: Option<Spare>,
    news: impl Fn(News) + 'static,
) -> Result<Reading, String> {
    let files = matches!(input, Input::Files(_));
    let (reader, indexer) = match spare.and_then(Spare::take) {
        Some((reader, indexer)) if files => (reader, Some(indexer)),
        Some((reader, indexer)) => {
            indexer.terminate();
            (reader, None)
        }
        None => (new_worker()?, if files { Some(new_worker()?) } else { None }),
    };
    let news = Rc::new(news);
    // The indexer says nothing to the page, but that it could not start.
    let on_message = {
        let news = news.clone();
        Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| news(read_news(&e.data())))
    };
    // An `ErrorEvent` with a message when the worker's code fails; a plain `Event` when its
    // script cannot be loaded.
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
        let message = Reflect::get(&e, &"message".into()).ok().and_then(|m| m.as_string()).unwrap_or_default();
        let what = if message.is_empty() { "its files did not load".to_owned() } else { message };
        news(News::Failed(format!(
            "The file reader stopped ({what}). The first time you add files it is downloaded: check your connection and try again."
        )))
    });
    let workers: Vec<Worker> = std::iter::once(reader.clone()).chain(indexer.clone()).collect();
    for worker in &workers {
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    }
    // From here, dropping it (on an error below too) ends the workers.
    let reading = Reading { workers, _on_message: on_message, _on_error: on_error };
    let request = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| {
        let _ = Reflect::set(&request, &k.into(), v);
    };
    set("removeClutter", &remove_clutter.into());
    set("name", &name.map(JsValue::from).unwrap_or(JsValue::NULL));
    set("fallbackName", &input.default_name().into());
    let transfer = Array::new();
    match input {
        Input::Files(files) => {
            let (paths, blobs) = (Array::new(), Array::new());
            for (path, file) in files {
                paths.push(&path.into());
                blobs.push(file);
            }
            set("paths", &paths);
            set("files", &blobs);
        }
        Input::Paste { name, text } => {
            let paste = js_sys::Object::new();
            let _ = Reflect::set(&paste, &"name".into(), &name.into());
            let _ = Reflect::set(&paste, &"text".into(), &text.into());
            set("paste", &paste);
        }
    }
    let handed = "The files could not be handed to the file reader.";
    if let Some(indexer) = &indexer {
        // The two workers talk through a channel of their own.
        let channel = MessageChannel::new().map_err(|_| handed.to_owned())?;
        set("indexer", &channel.port1());
        transfer.push(&channel.port1());
        let serve = js_sys::Object::new();
        let _ = Reflect::set(&serve, &"indexFor".into(), &channel.port2());
        indexer.post_message_with_transfer(&serve, &Array::of1(&channel.port2())).map_err(|_| handed.to_owned())?;
    }
    reader.post_message_with_transfer(&request, &transfer).map_err(|_| handed.to_owned())?;
    Ok(reading)
}

/// The reader's message: JSON, with the corpus's two files (`Blob`s) beside it.
fn read_news(data: &JsValue) -> News {
    let json = Reflect::get(data, &"message".into()).ok().and_then(|m| m.as_string()).unwrap_or_default();
    match serde_json::from_str::<ReaderMessage>(&json) {
        Ok(ReaderMessage::Progress(p)) => News::Progress(p),
        Ok(ReaderMessage::Failed(why)) => News::Failed(why),
        Ok(ReaderMessage::Done { report, words, version, title }) => {
            let blob = |key: &str| Reflect::get(data, &key.into()).ok()?.dyn_into::<Blob>().ok();
            let files = blob("corpus").zip(blob("index"));
            News::Done(Rc::new(Read { report, words, version, title, files }))
        }
        Err(e) => News::Failed(format!("The file reader said something the page cannot read ({e}).")),
    }
}

/// Keeps what was read as a new corpus named `name` (its title); its description.
pub async fn keep(name: &str, read: &Read) -> Result<StoredCorpus, String> {
    let Some((jsonl, index)) = &read.files else {
        return Err("No document was read, so there is nothing to keep.".into());
    };
    let taken: Vec<String> = store::list().await.unwrap_or_default().into_iter().map(|c| c.id).collect();
    let salt = (js_sys::Date::now() as u64 as u32) ^ ((js_sys::Math::random() * f64::from(u32::MAX)) as u32);
    let name = corpora::clean_name(name).unwrap_or_else(|| "My texts".into());
    let corpus = StoredCorpus {
        id: corpora::new_id(&name, salt & 0xff_ffff, &taken),
        name,
        documents: read.report.documents,
        words: read.words,
        bytes: (jsonl.size() + index.size()) as u64,
        added_ms: js_sys::Date::now(),
        version: read.version.clone(),
        report: read.report.clone(),
    };
    let mb = corpus.bytes as f64 / 1e6;
    store::save(&corpus, jsonl, index).await.map_err(|e| {
        format!(
            "The corpus ({mb:.1} MB) could not be kept in this browser: {e}. Nothing was kept. Delete a corpus you no \
             longer need in Corpora, or free some disk space, and try again."
        )
    })?;
    Ok(corpus)
}

/// The files of a file input (`<input type=file>`), with their paths inside a chosen folder.
pub fn from_file_list(list: &FileList) -> Vec<(String, File)> {
    (0..list.length())
        .filter_map(|i| list.get(i))
        .map(|f| {
            let relative = Reflect::get(&f, &"webkitRelativePath".into()).ok().and_then(|p| p.as_string());
            (relative.filter(|p| !p.is_empty()).unwrap_or_else(|| f.name()), f)
        })
        .collect()
}

/// What was dropped on the page (taken by the explorer while the drop event lasted: see
/// `corpus_explorer::importer`): folders and files to walk, or plain files when the browser
/// gave no entries.
pub struct Dropped {
    entries: Vec<FileSystemEntry>,
    files: Vec<File>,
}

impl Dropped {
    /// The dropped entries and files as the explorer handed them over.
    pub fn of(entries: &JsValue, files: &JsValue) -> Dropped {
        let list = |v: &JsValue| if Array::is_array(v) { Array::from(v).iter().collect() } else { Vec::new() };
        Dropped {
            entries: list(entries).into_iter().filter_map(|e| e.dyn_into().ok()).collect(),
            files: list(files).into_iter().filter_map(|f| f.dyn_into().ok()).collect(),
        }
    }

    /// Every file dropped, the folders walked, each with its path.
    pub async fn files(self) -> Result<Vec<(String, File)>, String> {
        let mut out: Vec<(String, File)> = self.files.into_iter().map(|f| (f.name(), f)).collect();
        let mut stack = self.entries;
        while let Some(entry) = stack.pop() {
            let path = entry.full_path().trim_start_matches('/').to_owned();
            if entry.is_directory() {
                stack.extend(children(entry.unchecked_into()).await?);
            } else if entry.is_file() {
                out.push((path, file_of(entry.unchecked_into()).await?));
            }
        }
        out.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(out)
    }
}

/// Awaits a callback-style call (`call(success, failure)`).
async fn callback(call: impl FnOnce(&Function, &Function)) -> Result<JsValue, String> {
    let mut call = Some(call);
    let promise = Promise::new(&mut |resolve, reject| {
        if let Some(call) = call.take() {
            call(&resolve, &reject)
        }
    });
    JsFuture::from(promise).await.map_err(|e| {
        let why = Reflect::get(&e, &"message".into()).ok().and_then(|m| m.as_string()).unwrap_or_default();
        format!("a dropped folder could not be read ({why})")
    })
}

/// The entries of a dropped folder (read in batches until an empty one).
async fn children(dir: FileSystemDirectoryEntry) -> Result<Vec<FileSystemEntry>, String> {
    let reader = dir.create_reader();
    let mut all = Vec::new();
    loop {
        let batch = callback(|ok, err| {
            if let Err(e) = reader.read_entries_with_callback_and_callback(ok, err) {
                let _ = err.call1(&JsValue::NULL, &e);
            }
        })
        .await?;
        let batch = Array::from(&batch);
        if batch.length() == 0 {
            return Ok(all);
        }
        all.extend(batch.iter().map(JsCast::unchecked_into));
    }
}

/// The `File` of a dropped file's entry.
async fn file_of(entry: FileSystemFileEntry) -> Result<File, String> {
    let file = callback(|ok, err| entry.file_with_callback_and_callback(ok, err)).await?;
    file.dyn_into().map_err(|_| "a dropped file could not be read".to_owned())
}

/// The corpus file `jsonl` with `title` as the title in its header line (the rest as it is):
/// a corpus kept here is called by its title wherever it is opened.
pub async fn retitle(jsonl: &Blob, title: &str) -> Result<Blob, String> {
    const MAX_HEADER: f64 = 4e6;
    let head = jsonl.slice_with_f64_and_f64(0.0, MAX_HEADER.min(jsonl.size())).map_err(|_| "it cannot be read")?;
    let bytes = JsFuture::from(head.array_buffer()).await.map_err(|_| "it cannot be read".to_owned())?;
    let bytes = js_sys::Uint8Array::new(&bytes).to_vec();
    let end = bytes.iter().position(|&b| b == b'\n').ok_or("its corpus file has no header line")?;
    let mut header: serde_json::Value =
        serde_json::from_slice(&bytes[..end]).map_err(|e| format!("its corpus file's header cannot be read ({e})"))?;
    let meta = header.get_mut("meta").and_then(|m| m.as_object_mut()).ok_or("its corpus file's header has no meta")?;
    meta.insert("title".into(), title.into());
    let line = format!("{header}\n");
    let rest = jsonl.slice_with_f64(end as f64 + 1.0).map_err(|_| "it cannot be read")?;
    let parts = Array::of2(&JsValue::from_str(&line), &rest);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/jsonl");
    Blob::new_with_blob_sequence_and_options(&parts, &options).map_err(|_| "it could not be rewritten".into())
}
