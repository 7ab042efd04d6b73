//! Indexing beside the reading: a second reader's worker, started by the page with the first
//! ([`crate::import`]), indexes the documents while the first is still reading the files, in a
//! thread of its own, and hands back the index file. The two talk through a `MessageChannel`
//! the page gives them:
//!
//! - the reading side sends `{ texts }`, the texts of the documents read so far
//!   ([`crate::texts`], in a buffer moved, not copied), then `{ read: N }` once all N are read
//!   (the indexing side then ends its index), then `{ version }` once the corpus is made (the
//!   indexing side then writes the index file for it and answers `{ index: Blob }`);
//! - the indexing side says `{ indexed: N }` now and then, and `{ failed }` if it cannot go on.
//!
//! The index is built in the order the documents were read: it is the corpus's only when the
//! corpus keeps that order ([`Imported::in_reading_order`]); otherwise the reading side says
//! `{ stop: true }` and indexes the corpus itself, as it does for pasted text.
//!
//! [`Imported::in_reading_order`]: explorer_preprocess::import::Imported::in_reading_order

use crate::worker::{blob, index_document, now, REPORT_MS};
use explorer_core::corpora::ReadProgress;
use explorer_core::index::{Index, IndexBuilder};
use explorer_preprocess::import::Import;
use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, MessageEvent, MessagePort};

/// Bytes of text gathered before they are sent: enough that a message carries some work,
/// little enough that the indexing starts soon after the reading.
const SEND_BYTES: usize = 256 << 10;

fn message(pairs: &[(&str, &JsValue)]) -> Object {
    let m = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&m, &(*k).into(), v);
    }
    m
}

fn field(data: &JsValue, key: &str) -> JsValue {
    Reflect::get(data, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// The messages that came on a port, to await one at a time.
struct Inbox {
    queue: Rc<RefCell<VecDeque<JsValue>>>,
    /// Resolves the promise awaited while the queue was empty.
    waiting: Rc<RefCell<Option<js_sys::Function>>>,
    _on_message: Closure<dyn Fn(MessageEvent)>,
}

impl Inbox {
    fn new(port: &MessagePort) -> Inbox {
        let queue: Rc<RefCell<VecDeque<JsValue>>> = Rc::default();
        let waiting: Rc<RefCell<Option<js_sys::Function>>> = Rc::default();
        let on_message = {
            let (queue, waiting) = (queue.clone(), waiting.clone());
            Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| {
                queue.borrow_mut().push_back(e.data());
                if let Some(resolve) = waiting.borrow_mut().take() {
                    let _ = resolve.call0(&JsValue::NULL);
                }
            })
        };
        // Setting the handler starts the port.
        port.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Inbox { queue, waiting, _on_message: on_message }
    }

    /// The next message.
    async fn next(&self) -> JsValue {
        loop {
            if let Some(m) = self.queue.borrow_mut().pop_front() {
                return m;
            }
            let waiting = self.waiting.clone();
            let promise = Promise::new(&mut |resolve, _| *waiting.borrow_mut() = Some(resolve));
            let _ = JsFuture::from(promise).await;
        }
    }
}

/// The reading side's end of the channel.
pub struct Beside {
    port: MessagePort,
    inbox: Inbox,
    /// Documents sent so far.
    sent: usize,
    /// Texts gathered and not yet sent.
    texts: Vec<u8>,
}

impl Beside {
    /// The reading side of `port`.
    pub fn new(port: MessagePort) -> Beside {
        let inbox = Inbox::new(&port);
        Beside { port, inbox, sent: 0, texts: Vec::new() }
    }

    /// Sends the texts of the documents `import` has read since the last call, once
    /// [`SEND_BYTES`] have gathered (all of them with `all`).
    pub fn send(&mut self, import: &Import, all: bool) {
        for d in import.documents_from(self.sent) {
            crate::texts::encode([d], &mut self.texts);
            self.sent += 1;
        }
        if self.texts.len() >= SEND_BYTES || (all && !self.texts.is_empty()) {
            let bytes = Uint8Array::from(self.texts.as_slice());
            self.texts.clear();
            let _ =
                self.port.post_message_with_transferable(&message(&[("texts", &bytes)]), &Array::of1(&bytes.buffer()));
        }
        if all {
            let _ = self.port.post_message(&message(&[("read", &(self.sent as f64).into())]));
        }
    }

    /// The index file of the documents sent, written for the corpus `version`, telling how far
    /// the indexing has got as `progress.indexed` (`report` posts it).
    pub async fn index(
        self,
        version: &str,
        progress: &mut ReadProgress,
        report: impl Fn(&ReadProgress),
    ) -> Result<Blob, String> {
        let _ = self.port.post_message(&message(&[("version", &version.into())]));
        loop {
            let m = self.inbox.next().await;
            if let Ok(index) = field(&m, "index").dyn_into::<Blob>() {
                return Ok(index);
            } else if let Some(n) = field(&m, "indexed").as_f64() {
                progress.indexed = n as usize;
                report(progress);
            } else {
                let why = field(&m, "failed").as_string().unwrap_or_else(|| "it said something else".into());
                return Err(format!("The documents could not be indexed: {why}."));
            }
        }
    }

    /// Tells the indexing side that its index will not be used.
    pub fn stop(self) {
        let _ = self.port.post_message(&message(&[("stop", &true.into())]));
    }
}

/// The indexing side's work.
#[derive(Default)]
struct Indexing {
    builder: Option<IndexBuilder>,
    /// Documents indexed.
    indexed: usize,
    /// The index, once every document read is in it.
    index: Option<Index>,
    /// Documents read in all, once the reading side has said it.
    read: Option<usize>,
    reported: f64,
    /// Set once it has stopped (asked to, or failed): later messages are ignored.
    stopped: bool,
}

/// Serves the reading side on `port`: indexes the texts it sends, and answers with the index
/// file (this worker does nothing else).
pub fn serve(port: MessagePort) {
    let state = Rc::new(RefCell::new(Indexing { builder: Some(IndexBuilder::new()), ..Indexing::default() }));
    let reply = port.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| {
        let mut s = state.borrow_mut();
        if s.stopped {
            return;
        }
        if let Err(why) = take(&mut s, &e.data(), &reply) {
            s.stopped = true;
            s.builder = None;
            let _ = reply.post_message(&message(&[("failed", &why.into())]));
        }
    });
    port.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
}

/// Takes one message of the reading side.
fn take(s: &mut Indexing, data: &JsValue, reply: &MessagePort) -> Result<(), String> {
    if let Ok(texts) = field(data, "texts").dyn_into::<Uint8Array>() {
        let documents = crate::texts::decode(&texts.to_vec())?;
        let builder = s.builder.as_mut().ok_or("texts came after the last document")?;
        for d in &documents {
            index_document(builder, d);
        }
        s.indexed += documents.len();
        if now() - s.reported >= REPORT_MS {
            s.reported = now();
            let _ = reply.post_message(&message(&[("indexed", &(s.indexed as f64).into())]));
        }
    } else if let Some(read) = field(data, "read").as_f64() {
        s.read = Some(read as usize);
    } else if let Some(version) = field(data, "version").as_string() {
        let index = s.index.take().ok_or("the corpus was made before its documents were indexed")?;
        let bytes = index.to_bytes(&version);
        drop(index);
        let file = blob(&[&bytes], "application/octet-stream")
            .map_err(|_| "the browser could not hold the index file (it may be short of memory)")?;
        s.stopped = true;
        let _ = reply.post_message(&message(&[("index", &file)]));
        return Ok(());
    } else if field(data, "stop").is_truthy() {
        s.stopped = true;
        s.builder = None;
        s.index = None;
        return Ok(());
    } else {
        return Err("the reading side said something unknown".into());
    }
    // Every document read is indexed: the index is ended while the corpus is being made.
    if s.read == Some(s.indexed) {
        if let Some(builder) = s.builder.take() {
            s.index = Some(builder.finish());
        }
    } else if s.read.is_some_and(|read| s.indexed > read) {
        return Err(format!("{} documents came, {} were read", s.indexed, s.read.unwrap_or(0)));
    }
    Ok(())
}
