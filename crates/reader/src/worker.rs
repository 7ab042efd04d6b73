//! The worker's side: messages in, reading, messages out.

use explorer_core::corpora::{ImportReport, ReadProgress, ReaderMessage};
use explorer_core::index::Index;
use explorer_preprocess::import::{Import, ImportOptions, Imported};
use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, File, FileReaderSync, MessageEvent};

/// Milliseconds between two progress reports.
const REPORT_MS: f64 = 50.0;

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn now() -> f64 {
    scope().performance().map_or(0.0, |p| p.now())
}

/// Posts a message, with the corpus's files beside it (their buffers transferred).
fn post(message: &ReaderMessage, files: Option<(Vec<u8>, Vec<u8>)>) {
    let data = js_sys::Object::new();
    let json = serde_json::to_string(message).unwrap_or_default();
    let _ = Reflect::set(&data, &"message".into(), &json.into());
    let transfer = Array::new();
    if let Some((corpus, index)) = files {
        for (key, bytes) in [("corpus", corpus), ("index", index)] {
            let array = Uint8Array::from(bytes.as_slice());
            transfer.push(&array.buffer());
            let _ = Reflect::set(&data, &key.into(), &array);
        }
    }
    let _ = scope().post_message_with_transfer(&data, &transfer);
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

/// One request: `{ files: File[], paths: string[], removeClutter }` or
/// `{ paste: { name, text }, removeClutter }`.
fn receive(data: JsValue) {
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
        return finish(Import::pasted(&name, &text, options), progress, &names);
    }
    let files: Vec<File> = Array::from(&field(&data, "files")).iter().filter_map(|f| f.dyn_into().ok()).collect();
    let paths: Vec<String> =
        Array::from(&field(&data, "paths")).iter().map(|p| p.as_string().unwrap_or_default()).collect();
    if files.len() != paths.len() {
        return post(&ReaderMessage::Failed("The page sent files without their names.".into()), None);
    }
    let mut progress =
        ReadProgress { files: files.len(), bytes: files.iter().map(|f| f.size() as u64).sum(), ..Default::default() };
    // Read at once, file after file: a worker may wait on the disk (an `await` per file took
    // 700 ms for the 233 files of the State of the Union addresses).
    let Ok(disk) = FileReaderSync::new() else {
        return post(&ReaderMessage::Failed("This browser cannot read files in a worker.".into()), None);
    };
    let mut read = Vec::with_capacity(files.len());
    let mut reported = now();
    for (file, path) in files.iter().zip(paths) {
        let bytes = match disk.read_as_array_buffer(file) {
            Ok(buffer) => Uint8Array::new(&buffer).to_vec(),
            Err(e) => {
                let why = Reflect::get(&e, &"message".into()).ok().and_then(|m| m.as_string()).unwrap_or_default();
                let message =
                    format!("“{path}” could not be read from the disk ({why}). Was it moved or deleted? Add it again.");
                return post(&ReaderMessage::Failed(message), None);
            }
        };
        progress.files_read += 1;
        progress.bytes_read += bytes.len() as u64;
        read.push((path, bytes));
        if now() - reported >= REPORT_MS {
            reported = now();
            post(&ReaderMessage::Progress(progress), None);
        }
    }
    finish(Import::new(read, options), progress, &names);
}

/// The names a corpus can get.
struct Names {
    typed: Option<String>,
    fallback: String,
}

/// Reads the documents, indexes them, and posts the corpus and its report.
fn finish(mut import: Import, mut progress: ReadProgress, names: &Names) {
    let mut reported = now();
    let mut report = |progress: &ReadProgress| {
        if now() - reported >= REPORT_MS {
            reported = now();
            post(&ReaderMessage::Progress(*progress), None);
        }
    };
    while import.step() {
        let p = import.progress();
        // Archives' entries count as files once opened.
        progress.files = progress.files.max(p.files_total);
        progress.files_done = p.files_done;
        progress.documents = p.documents;
        report(&progress);
    }
    let mut imported = import.finish();
    if let Some(corpus) = imported.corpus.as_mut() {
        let title = names.typed.clone().or_else(|| corpus.meta.title.clone()).unwrap_or_else(|| names.fallback.clone());
        corpus.meta.title = explorer_core::corpora::clean_name(&title);
    }
    let Imported { corpus, problems, removed, renamed, ignored, files, .. } = imported;
    let told = ImportReport {
        files,
        documents: corpus.as_ref().map_or(0, |c| c.documents.len()),
        problems,
        removed,
        renamed,
        ignored,
    };
    let Some(corpus) = corpus else {
        let done = ReaderMessage::Done { report: told, words: 0, version: String::new(), title: None };
        return post(&done, None);
    };
    progress.files_done = progress.files;
    progress.documents = corpus.documents.len();
    let mut builder = explorer_core::index::IndexBuilder::new();
    for (i, doc) in corpus.documents.iter().enumerate() {
        builder.add(doc);
        progress.indexed = i + 1;
        report(&progress);
    }
    let index: Index = builder.finish();
    let words = corpus.documents.iter().map(|d| d.word_count).sum();
    let files = (corpus.to_jsonl().into_bytes(), index.to_bytes(&corpus.version));
    let done =
        ReaderMessage::Done { report: told, words, version: corpus.version.clone(), title: corpus.meta.title.clone() };
    post(&done, Some(files));
}
