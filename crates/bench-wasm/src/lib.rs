//! The explorer's search engine behind a minimal `wasm-bindgen` interface, for the
//! browser benchmark (`scripts/bench`). One search here is what the results page
//! needs: the ranked hits (with facet counts, no filters) and a snippet with its
//! highlight ranges for each of the top 10.

use explorer_core::search::{search, Engine, Sort};
use explorer_core::snippet::{self, SNIPPET_CHARS};
use explorer_core::{Corpus, Filters};
use wasm_bindgen::prelude::*;

/// Number of results that get a snippet, as on the results page.
pub const TOP: usize = 10;

/// An indexed corpus.
#[wasm_bindgen]
pub struct BenchEngine {
    engine: Engine,
    /// Sum of the highlight counts of every snippet made so far, so that the
    /// snippet work is observable and cannot be optimised away.
    highlights: u32,
}

#[wasm_bindgen]
impl BenchEngine {
    /// Parses a corpus (the model's JSON) and indexes it.
    #[wasm_bindgen(constructor)]
    pub fn new(corpus_json: &str) -> Result<BenchEngine, JsValue> {
        let corpus = Corpus::from_json(corpus_json).map_err(|e| JsValue::from_str(&e))?;
        Ok(BenchEngine { engine: Engine::new(corpus), highlights: 0 })
    }

    /// Runs a query without filters and makes the snippets of the top 10 hits;
    /// returns the number of hits.
    pub fn search(&mut self, query: &str) -> u32 {
        let (hits, highlights) = run(&self.engine, query);
        self.highlights = self.highlights.wrapping_add(highlights);
        hits
    }

    /// Runs a query without filters and makes no snippets; returns the number of hits.
    /// (A diagnostic: how much of [`BenchEngine::search`] the snippets take.)
    pub fn search_only(&self, query: &str) -> u32 {
        search(&self.engine, query, &Filters::default(), Sort::Relevance).hits.len() as u32
    }

    /// Sum of the highlight counts of all snippets made so far.
    pub fn highlights(&self) -> u32 {
        self.highlights
    }

    /// Number of documents.
    pub fn documents(&self) -> u32 {
        self.engine.corpus.documents.len() as u32
    }
}

/// Parses the corpus JSON without indexing it (to tell parsing from indexing
/// in the build time); returns the number of documents.
#[wasm_bindgen]
pub fn parse_only(corpus_json: &str) -> Result<u32, JsValue> {
    let corpus = Corpus::from_json(corpus_json).map_err(|e| JsValue::from_str(&e))?;
    Ok(corpus.documents.len() as u32)
}

/// Size of the Wasm linear memory in bytes.
#[wasm_bindgen]
pub fn memory_bytes() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        core::arch::wasm32::memory_size(0) as f64 * 65536.0
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0.0
    }
}

/// One search as the results page does it (relevance order, no filters): (number of hits,
/// highlights in the top snippets + 1 per snippet).
pub fn run(engine: &Engine, query: &str) -> (u32, u32) {
    let outcome = search(engine, query, &Filters::default(), Sort::Relevance);
    let mut highlights = 0u32;
    for hit in outcome.hits.iter().take(TOP) {
        let doc = &engine.corpus.documents[hit.doc];
        let s = snippet::best(&engine.index, &outcome.compiled, hit.doc, doc, SNIPPET_CHARS);
        highlights = highlights.wrapping_add(s.highlights.len() as u32 + 1);
    }
    (outcome.hits.len() as u32, highlights)
}

#[cfg(test)]
mod tests {
    use super::*;
    use explorer_core::Document;

    #[test]
    fn searches_and_snippets() {
        let doc = |id: &str, text: &str| Document {
            id: id.into(),
            title: id.into(),
            outlet: None,
            date: None,
            date_note: None,
            author: None,
            kind: "address".into(),
            url: None,
            people: vec![],
            paragraphs: vec![text.into()],
            word_count: 0,
        };
        let corpus = Corpus {
            version: "t".into(),
            people: vec![],
            documents: vec![doc("a", "the union state"), doc("b", "the soviet union")],
        };
        let json = serde_json::to_string(&corpus).unwrap();
        assert_eq!(parse_only(&json).unwrap(), 2);
        let mut e = BenchEngine::new(&json).unwrap();
        assert_eq!(e.documents(), 2);
        assert_eq!(e.search("union"), 2);
        assert_eq!(e.search("soviet"), 1);
        assert_eq!(e.search_only("union"), 2);
        assert!(e.highlights() >= 3);
    }
}
