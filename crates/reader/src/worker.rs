//! The worker's side: messages in, reading, messages out. A worker either reads what the page
//! hands it (and makes the corpus), or indexes the documents that another worker reads
//! ([`crate::beside`]).

use crate::beside::Beside;
use explorer_core::corpora::{ImportReport, ReadProgress, ReaderMessage};
use explorer_core::index::{Index, IndexBuilder};
use explorer_core::Document;
use explorer_preprocess::import::{FileBytes, Import, ImportOptions, Imported};
use js_sys::{Array, Reflect, Uint8Array};
use std::collections::VecDeque;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, DedicatedWorkerGlobalScope, File, MessageEvent, MessagePort};

/// Milliseconds between two progress reports.
pub const REPORT_MS: f64 = 50.0;

/// Files read from the disk at a time, at most: the browser reads them side by side (the
/// State of the Union's 233 files took 450 ms one after the other with `FileReaderSync`,
/// 100–150 ms side by side; 32 at a time kept the reading waiting on the disk), and they are
/// taken in order as their turn comes.
const READING_AHEAD: usize = 256;
/// Bytes being read from the disk at a time, at most (past one file): what waits to be read
/// is held in the worker's memory.
const READING_AHEAD_BYTES: u64 = 64 << 20;

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

pub fn now() -> f64 {
    scope().performance().map_or(0.0, |p| p.now())
}

/// Posts a message, with the corpus's two files beside it (`Blob`s: posted, not copied).
fn post(message: &ReaderMessage, files: Option<(Blob, Blob)>) {
    let data = js_sys::Object::new();
    let json = serde_json::to_string(message).unwrap_or_default();
    let _ = Reflect::set(&data, &"message".into(), &json.into());
    if let Some((corpus, index)) = files {
        let _ = Reflect::set(&data, &"corpus".into(), &corpus);
        let _ = Reflect::set(&data, &"index".into(), &index);
    }
    let _ = scope().post_message(&data);
}

/// A `Blob` of `parts` (text, then bytes) of the type `kind`, copied straight from this wasm's
/// memory.
pub fn blob(parts: &[&[u8]], kind: &str) -> Result<Blob, JsValue> {
    let options = BlobPropertyBag::new();
    options.set_type(kind);
    let sequence = Array::new();
    for part in parts {
        // SAFETY: the views are read by the Blob constructor below, before anything else runs
        // in this wasm (no allocation can move its memory in between).
        sequence.push(&unsafe { Uint8Array::view(part) }.into());
    }
    Blob::new_with_u8_array_sequence_and_options(&sequence, &options)
}

/// Takes over the worker's messages, first the ones `reader-worker.js` held while the wasm
/// started (`self.corpusExplorerHeld`).
pub fn start() {
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(|e: MessageEvent| receive(e.data()));
    let held = Reflect::get(&scope(), &"corpusExplorerHeld".into()).unwrap_or(JsValue::UNDEFINED);
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    if let Some(held) = held.dyn_ref::<Array>() {
        for message in held.iter() {
            receive(message);
        }
    }
}

fn field(data: &JsValue, key: &str) -> JsValue {
    Reflect::get(data, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// One request: `{ files: File[], paths: string[], removeClutter, name, fallbackName, indexer }`
/// (`indexer`: the port to the worker that indexes beside this one, if there is one),
/// `{ paste: { name, text }, removeClutter, name, fallbackName }`, or `{ indexFor }` (this worker
/// indexes for the one at the other end of that port).
fn receive(data: JsValue) {
    if let Ok(port) = field(&data, "indexFor").dyn_into::<MessagePort>() {
        return crate::beside::serve(port);
    }
    let options = ImportOptions { remove_clutter: field(&data, "removeClutter").is_truthy() };
    // The corpus's name, kept as its title: the one typed, else a corpus.toml's title, else
    // the one made of what was added.
    let typed = field(&data, "name").as_string().filter(|n| !n.trim().is_empty());
    let fallback = field(&data, "fallbackName").as_string().unwrap_or_default();
    let names = Names { typed, fallback };
    let paste = field(&data, "paste");
    if paste.is_object() {
        let name = field(&paste, "name").as_string().unwrap_or_default();
        let text = field(&paste, "text").as_string().unwrap_or_default();
        let mut progress = ReadProgress { files: 1, files_read: 1, bytes: text.len() as u64, ..Default::default() };
        progress.bytes_read = progress.bytes;
        let import = Import::pasted(&name, &text, options);
        return wasm_bindgen_futures::spawn_local(finish(import, progress, names, None, None));
    }
    let beside = field(&data, "indexer").dyn_into::<MessagePort>().ok().map(Beside::new);
    let files: Vec<File> = Array::from(&field(&data, "files")).iter().filter_map(|f| f.dyn_into().ok()).collect();
    let paths: Vec<String> =
        Array::from(&field(&data, "paths")).iter().map(|p| p.as_string().unwrap_or_default()).collect();
    if files.len() != paths.len() {
        return post(&ReaderMessage::Failed("The page sent files without their names.".into()), None);
    }
    let progress =
        ReadProgress { files: files.len(), bytes: files.iter().map(|f| f.size() as u64).sum(), ..Default::default() };
    wasm_bindgen_futures::spawn_local(async move {
        match listed(Disk::new(files, paths), options, progress).await {
            Ok((import, disk, progress)) => finish(import, progress, names, beside, Some(disk)).await,
            Err(message) => post(&ReaderMessage::Failed(message), None),
        }
    });
}

/// The import of the files on `disk`: the ones its listing needs are read first
/// ([`Import::needs_at_once`]: archives, `corpus.toml`, …), the documents are asked for (in the
/// order the import reads them) and given as their turn comes.
async fn listed(
    mut disk: Disk,
    options: ImportOptions,
    mut progress: ReadProgress,
) -> Result<(Import, Disk, ReadProgress), String> {
    let first: Vec<usize> = (0..disk.paths.len()).filter(|&i| Import::needs_at_once(&disk.paths[i])).collect();
    disk.ask(first.iter().copied());
    let mut given: Vec<Option<Vec<u8>>> = vec![None; disk.paths.len()];
    for &i in &first {
        given[i] = Some(disk.take(i, &mut progress).await?);
    }
    let files = (disk.paths.iter().zip(given).enumerate())
        .map(|(i, (path, bytes))| {
            let bytes = bytes.map_or(FileBytes::Later { size: disk.size(i) }, FileBytes::Given);
            (path.clone(), bytes)
        })
        .collect();
    let import = Import::with_later(files, options);
    disk.ask(import.later());
    Ok((import, disk, progress))
}

/// The files the page handed over, read from the disk [`READING_AHEAD`] at a time (and
/// [`READING_AHEAD_BYTES`]) in the order asked, each taken when its turn comes.
struct Disk {
    files: Vec<File>,
    paths: Vec<String>,
    /// The files asked for and not yet being read, in order.
    asked: VecDeque<usize>,
    /// The files being read, in order.
    reading: VecDeque<(usize, JsFuture)>,
    /// Their bytes.
    reading_bytes: u64,
    reported: f64,
}

impl Disk {
    fn new(files: Vec<File>, paths: Vec<String>) -> Disk {
        Disk { files, paths, asked: VecDeque::new(), reading: VecDeque::new(), reading_bytes: 0, reported: now() }
    }

    /// Asks for these files, in this order, after the ones asked for before.
    fn ask(&mut self, files: impl IntoIterator<Item = usize>) {
        self.asked.extend(files);
        self.read_ahead();
    }

    fn size(&self, i: usize) -> u64 {
        self.files.get(i).map_or(0, |f| f.size() as u64)
    }

    fn read_ahead(&mut self) {
        while self.reading.len() < READING_AHEAD
            && (self.reading.is_empty() || self.reading_bytes < READING_AHEAD_BYTES)
        {
            let Some(i) = self.asked.pop_front() else { break };
            if let Some(file) = self.files.get(i) {
                self.reading.push_back((i, JsFuture::from(file.array_buffer())));
                self.reading_bytes += self.size(i);
            }
        }
    }

    /// The bytes of the file `i` (the next asked for; another is read now), counted in
    /// `progress`; or what to tell of a file that could not be read.
    async fn take(&mut self, i: usize, progress: &mut ReadProgress) -> Result<Vec<u8>, String> {
        let read = match self.reading.front() {
            Some((next, _)) if *next == i => {
                self.reading_bytes -= self.size(i);
                self.reading.pop_front().map(|(_, read)| read)
            }
            _ => self.files.get(i).map(|file| JsFuture::from(file.array_buffer())),
        };
        self.read_ahead();
        let path = self.paths.get(i).map_or("", String::as_str);
        let read = read.ok_or_else(|| format!("“{path}” was not handed to the file reader."))?;
        let bytes = match read.await {
            Ok(buffer) => Uint8Array::new(&buffer).to_vec(),
            Err(e) => {
                let why = Reflect::get(&e, &"message".into()).ok().and_then(|m| m.as_string()).unwrap_or_default();
                return Err(format!(
                    "“{path}” could not be read from the disk ({why}). Was it moved or deleted? Add it again."
                ));
            }
        };
        progress.files_read += 1;
        progress.bytes_read += bytes.len() as u64;
        if now() - self.reported >= REPORT_MS {
            self.reported = now();
            post(&ReaderMessage::Progress(*progress), None);
        }
        Ok(bytes)
    }
}

/// The names a corpus can get.
struct Names {
    typed: Option<String>,
    fallback: String,
}

/// Reads the documents (their files' bytes taken from the `disk` as their turn comes), indexes
/// them (or has them indexed `beside`, as they are read), and posts the corpus and its report.
async fn finish(
    mut import: Import,
    mut progress: ReadProgress,
    names: Names,
    mut beside: Option<Beside>,
    mut disk: Option<Disk>,
) {
    let reported = std::cell::Cell::new(now());
    let report = |progress: &ReadProgress| {
        if now() - reported.get() >= REPORT_MS {
            reported.set(now());
            post(&ReaderMessage::Progress(*progress), None);
        }
    };
    loop {
        if let Some((i, disk)) = import.wanted().zip(disk.as_mut()) {
            match disk.take(i, &mut progress).await {
                Ok(bytes) => import.give(i, bytes),
                Err(message) => return post(&ReaderMessage::Failed(message), None),
            }
        }
        if !import.step() {
            break;
        }
        let p = import.progress();
        // Archives' entries count as files once opened.
        progress.files = progress.files.max(p.files_total);
        progress.files_done = p.files_done;
        progress.documents = p.documents;
        report(&progress);
        if let Some(beside) = beside.as_mut() {
            beside.send(&import, false);
        }
    }
    if let Some(beside) = beside.as_mut() {
        beside.send(&import, true);
    }
    let mut imported = import.finish();
    if let Some(corpus) = imported.corpus.as_mut() {
        let title = names.typed.clone().or_else(|| corpus.meta.title.clone()).unwrap_or_else(|| names.fallback.clone());
        corpus.meta.title = explorer_core::corpora::clean_name(&title);
    }
    let Imported { corpus, problems, removed, renamed, ignored, document_lines, in_reading_order, files, .. } =
        imported;
    let told = ImportReport {
        files,
        documents: corpus.as_ref().map_or(0, |c| c.documents.len()),
        problems,
        removed,
        renamed,
        ignored,
    };
    let Some(corpus) = corpus else {
        if let Some(beside) = beside {
            beside.stop();
        }
        let done = ReaderMessage::Done { report: told, words: 0, version: String::new(), title: None };
        return post(&done, None);
    };
    // Files not read (not documents, or added twice) are done too.
    (progress.files_done, progress.bytes_read) = (progress.files, progress.bytes);
    progress.documents = corpus.documents.len();
    const SHORT_OF_MEMORY: &str = "The browser could not hold the corpus's files (it may be short of memory).";
    // The corpus file: its header (with the title settled above), then the documents' lines.
    let header = format!("{}\n", corpus.jsonl_header());
    let Ok(jsonl) = blob(&[header.as_bytes(), &document_lines], "application/jsonl") else {
        if let Some(beside) = beside {
            beside.stop();
        }
        return post(&ReaderMessage::Failed(SHORT_OF_MEMORY.into()), None);
    };
    drop(document_lines);
    let documents = corpus.documents.len();
    let index = match beside {
        // Indexed as they were read, in the corpus's order.
        Some(beside) if in_reading_order => match beside.index(&corpus.version, &mut progress, report).await {
            Ok(index) => {
                gloo::console::info!(format!("reader: {documents} documents indexed beside the reading"));
                index
            }
            Err(why) => return post(&ReaderMessage::Failed(why), None),
        },
        beside => {
            if let Some(beside) = beside {
                beside.stop();
                gloo::console::info!(format!(
                    "reader: {documents} documents indexed after the reading (the corpus's order is not the order they were read in)"
                ));
            }
            let mut builder = IndexBuilder::new();
            for (i, doc) in corpus.documents.iter().enumerate() {
                index_document(&mut builder, doc);
                progress.indexed = i + 1;
                report(&progress);
            }
            let index: Index = builder.finish();
            match blob(&[&index.to_bytes(&corpus.version)], "application/octet-stream") {
                Ok(index) => index,
                Err(_) => return post(&ReaderMessage::Failed(SHORT_OF_MEMORY.into()), None),
            }
        }
    };
    let words = corpus.documents.iter().map(|d| d.word_count).sum();
    let done =
        ReaderMessage::Done { report: told, words, version: corpus.version.clone(), title: corpus.meta.title.clone() };
    post(&done, Some((jsonl, index)));
}

/// Indexes one document: a function of its own, called once a document, so that the browser
/// optimises it after the first few (it runs a function called once, such as [`finish`], as
/// quickly compiled code from start to end).
#[inline(never)]
pub fn index_document(builder: &mut IndexBuilder, doc: &Document) {
    builder.add(doc);
}
