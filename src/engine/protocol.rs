//! The messages between the page and the engine's Web Worker, in postcard's compact binary
//! form: the page asks with [`ToEngine`], the worker reports loading and answers with
//! [`FromEngine`].

use explorer_core::api::{CorpusInfo, Request, Response};
use explorer_core::pace::Stage;
use serde::{Deserialize, Serialize};

/// A message from the page to the engine's worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
// One message at a time, built and dropped: its size does not matter.
#[allow(clippy::large_enum_variant)]
pub enum ToEngine {
    /// Load the corpus file of this name (beside the page) with the build's index file; sent
    /// once, first (or [`ToEngine::LoadStored`]).
    Load {
        /// The corpus file's address, relative to the page.
        corpus: String,
        /// The index file's address, relative to the page (none: index the corpus here).
        index: Option<String>,
    },
    /// Load the corpus of this id that a person added in this browser (`crate::store`); sent
    /// once, first (or [`ToEngine::Load`]).
    LoadStored {
        /// The corpus's id.
        id: String,
    },
    /// Answer `request`; the answer carries the same `id`.
    Call {
        /// Chosen by the page, to match the answer.
        id: u32,
        /// What is asked.
        request: Request,
    },
    /// The call `id` is no longer wanted (a newer one of its asker superseded it, or its
    /// asker is gone): stop working on it, and say [`FromEngine::Cancelled`]. A call already
    /// answered is not answered again.
    Cancel {
        /// The call's id.
        id: u32,
    },
}

/// How far the worker has got with a long call (an analysis view or a download).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Working {
    /// What it is doing.
    pub stage: Stage,
    /// Units of the stage done.
    pub done: usize,
    /// Units of the stage in all.
    pub total: usize,
}

impl Working {
    /// Percent of the stage done, from 0 to 100.
    pub fn percent(&self) -> u32 {
        (100.0 * self.done as f64 / self.total.max(1) as f64).clamp(0.0, 100.0) as u32
    }
}

/// How far the worker's loading has got.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Progress {
    /// Downloading the corpus, before its first line says how many documents follow: bytes
    /// received.
    Fetching {
        /// Bytes received.
        loaded: f64,
    },
    /// Downloading and reading the documents (the build's index is used): documents read of all.
    Reading {
        /// Documents read.
        done: usize,
        /// Documents in the corpus.
        total: usize,
    },
    /// Indexing in the browser (there was no usable index file): documents done of all.
    Indexing {
        /// Documents indexed.
        done: usize,
        /// Documents in the corpus.
        total: usize,
    },
}

impl Progress {
    /// From 0 to 1 (reading the documents counts to 0.95, the rest is making the engine;
    /// indexing in the browser starts again from 0: it takes far longer than the download).
    pub fn fraction(&self) -> f64 {
        let part = |done: usize, total: usize| (done as f64 / total.max(1) as f64).min(1.0);
        match *self {
            Progress::Fetching { .. } => 0.0,
            Progress::Reading { done, total } => 0.95 * part(done, total),
            Progress::Indexing { done, total } => part(done, total),
        }
    }
}

/// Where the engine's index came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum IndexSource {
    /// The build's index file: no text was tokenized.
    File,
    /// The corpus was tokenized and indexed in this browser (the build has no index file, or
    /// it did not fit the corpus; the console says why).
    Tokenized,
}

impl IndexSource {
    /// As the page shows it to tests and tools (`data-index` of the app).
    pub fn as_str(self) -> &'static str {
        match self {
            IndexSource::File => "file",
            IndexSource::Tokenized => "tokenized",
        }
    }
}

/// A message from the engine's worker to the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum FromEngine {
    /// Loading goes on.
    Progress(Progress),
    /// Ready to answer: what the corpus is, and where the index came from.
    Ready {
        /// The corpus.
        info: Box<CorpusInfo>,
        /// Where the index came from.
        index: IndexSource,
    },
    /// Loading failed; the message says why and what to do.
    Failed(String),
    /// The call `id` is being worked on: how far it has got (sent now and then while it runs).
    Working {
        /// The call's id.
        id: u32,
        /// How far.
        working: Working,
    },
    /// The call `id` was stopped on the page's [`ToEngine::Cancel`]: no answer will come.
    Cancelled {
        /// The call's id.
        id: u32,
    },
    /// The answer to the [`ToEngine::Call`] of this `id`.
    Answer {
        /// The call's id.
        id: u32,
        /// The engine's answer.
        response: Box<Response>,
    },
}

impl ToEngine {
    /// As the bytes posted to the worker.
    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).unwrap_or_default()
    }

    /// The message these bytes hold, or why they hold none.
    pub fn decode(bytes: &[u8]) -> Result<ToEngine, String> {
        postcard::from_bytes(bytes).map_err(|e| e.to_string())
    }
}

impl FromEngine {
    /// As the bytes posted to the page.
    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).unwrap_or_default()
    }

    /// The message these bytes hold, or why they hold none.
    pub fn decode(bytes: &[u8]) -> Result<FromEngine, String> {
        postcard::from_bytes(bytes).map_err(|e| e.to_string())
    }
}

/// Posts `bytes` through `post` (a worker's or a page's `postMessage` with a transfer
/// list) as a `Uint8Array` whose buffer is transferred, not copied.
pub fn post_bytes(bytes: &[u8], post: impl FnOnce(&wasm_bindgen::JsValue, &wasm_bindgen::JsValue)) {
    let array = js_sys::Uint8Array::from(bytes);
    post(&array, &js_sys::Array::of1(&array.buffer()));
}

/// The bytes of a posted message (`None` when it is not a `Uint8Array`).
pub fn from_js(data: &wasm_bindgen::JsValue) -> Option<Vec<u8>> {
    use wasm_bindgen::JsCast;
    data.dyn_ref::<js_sys::Uint8Array>().map(js_sys::Uint8Array::to_vec)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_read_back() {
        let call = ToEngine::Call { id: 7, request: Request::Suggest { query: "stal".into() } };
        assert_eq!(ToEngine::decode(&call.encode()).unwrap(), call);
        let progress = FromEngine::Progress(Progress::Fetching { loaded: 0.1 + 0.2 });
        assert_eq!(FromEngine::decode(&progress.encode()).unwrap(), progress);
        assert!(FromEngine::decode(&[200, 1, 2]).is_err());
        let working = FromEngine::Working { id: 3, working: Working { stage: Stage::Sorting, done: 5, total: 8 } };
        assert_eq!(FromEngine::decode(&working.encode()).unwrap(), working);
        assert_eq!(ToEngine::decode(&ToEngine::Cancel { id: 3 }.encode()).unwrap(), ToEngine::Cancel { id: 3 });
        let percent = |done, total| Working { stage: Stage::Rows, done, total }.percent();
        assert_eq!((percent(1, 3), percent(0, 0), percent(9, 3)), (33, 0, 100));
    }
}
