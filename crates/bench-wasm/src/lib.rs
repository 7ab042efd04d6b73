//! The explorer's search engine behind a minimal `wasm-bindgen` interface, for the
//! browser benchmark (`scripts/bench`). One search here is what the results page
//! needs: the ranked hits (with facet counts, no filters) and a snippet with its
//! highlight ranges for each of the top 10.
//!
//! The `view_*` methods compute one analysis view the way the app's view components
//! (`src/components/views/*.rs`) do with their default settings, over all documents
//! (no filters), from scratch, and return a count taken from the result so that the work
//! cannot be optimised away. Like the app, the engine keeps one thing between calls: the
//! forward index the concordance and the collocates read, built the first time one of them
//! runs; [`BenchEngine::view_forward`] times building it.

use explorer_core::analysis::collocates::{collocates, sort_collocates, CollocateSort};
use explorer_core::analysis::concordance::{concordance, sort_lines, KwicSort};
use explorer_core::analysis::dispersion::dispersion;
use explorer_core::analysis::keyness::{keyness, Direction};
use explorer_core::analysis::trends::trends;
use explorer_core::analysis::wordlist::{wordlist, WordRow};
use explorer_core::analysis::{allowed_docs, compile, target_docs, StopList, Unit};
use explorer_core::query;
use explorer_core::search::{search, Compiled, Engine, Sort};
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

    /// Builds the forward index of every document afresh (what the first concordance or
    /// collocates of a session costs on top of its own time; later ones reuse the engine's);
    /// returns its number of positions.
    pub fn view_forward(&self) -> u32 {
        let docs = allowed_docs(&self.engine, &Filters::default());
        let f = explorer_core::analysis::forward::Forward::build(&self.engine.index, &docs);
        docs.iter().map(|&d| f.doc(&self.engine.index, d).len()).sum::<usize>() as u32
    }

    /// The concordance view for a query typed as `word`: its lines, context width 6,
    /// sorted by the first word right; returns the number of lines.
    pub fn view_concordance(&self, word: &str) -> u32 {
        views::concordance(&self.engine, word) as u32
    }

    /// Number of documents with at least one concordance line for `word` (a diagnostic,
    /// not timed).
    pub fn concordance_docs(&self, word: &str) -> u32 {
        let docs = allowed_docs(&self.engine, &Filters::default());
        let mut d: Vec<usize> =
            concordance(&self.engine, &views::typed(&self.engine, word), &docs).iter().map(|l| l.doc).collect();
        d.dedup();
        d.len() as u32
    }

    /// The word list view (by form, standard stop list, stopwords hidden, by count);
    /// independent of the query. Returns the number of rows shown.
    pub fn view_words(&self) -> u32 {
        views::words(&self.engine) as u32
    }

    /// The keyness view (target: the first document; reference: the others; by form,
    /// min. frequency 3); independent of the query. Returns the number of rows.
    pub fn view_keyness(&self) -> u32 {
        views::keyness(&self.engine) as u32
    }

    /// The collocates view for a query typed as `word` (window 5 left, 5 right, min. 3,
    /// by logDice, stopwords hidden); returns the number of rows (stopwords included).
    pub fn view_collocates(&self, word: &str) -> u32 {
        views::collocates(&self.engine, word) as u32
    }

    /// The distribution view for the term `word`; returns its number of hits.
    pub fn view_dispersion(&self, word: &str) -> u32 {
        views::dispersion(&self.engine, word) as u32
    }

    /// The trends view for the term `word`; returns its number of hits (summed over the rows).
    pub fn view_trends(&self, word: &str) -> u32 {
        views::trends(&self.engine, word) as u32
    }
}

/// The analysis views as the app computes them (`src/components/views/*.rs`, default
/// settings of `explorer_core::view_state::Analysis`), over all documents.
pub mod views {
    use super::*;

    /// Concordance context width (words each side), the app's default.
    pub const WIDTH: usize = 6;
    /// Concordance lines on a page of the view.
    pub const PAGE: usize = 100;
    /// Collocates window and minimum frequency, the app's defaults.
    pub const LEFT: usize = 5;
    /// See [`LEFT`].
    pub const RIGHT: usize = 5;
    /// See [`LEFT`]; also the keyness minimum frequency.
    pub const MIN_FREQ: u32 = 3;

    /// All documents (the view's `docs` with no filters).
    fn all(engine: &Engine) -> Vec<usize> {
        allowed_docs(engine, &Filters::default())
    }

    /// The query as the search compiles it for the concordance and collocates views
    /// (`SearchOutcome::compiled`): typed without a trailing space, so its last word is
    /// matched as a prefix, as in the app when the query box holds `word`.
    pub fn typed(engine: &Engine, word: &str) -> Compiled {
        Compiled::new(&engine.index, &query::parse(word))
    }

    /// Concordance lines, sorted by the 1st word right, and the context (width 6) of the
    /// first page of them (100 lines), as the view shows; the number of lines.
    pub fn concordance(engine: &Engine, word: &str) -> usize {
        let mut lines = super::concordance(engine, &typed(engine, word), &all(engine));
        sort_lines(&mut lines, KwicSort::Right(1));
        let shown: usize = lines.iter().take(PAGE).map(|l| l.context(engine, WIDTH).keyword.len()).sum();
        std::hint::black_box(shown);
        lines.len()
    }

    /// Word-list rows shown: by form, standard stop list, stopwords hidden, by count then word.
    pub fn words(engine: &Engine) -> usize {
        let list = wordlist(engine, &all(engine), Unit::Form, &StopList::default());
        let mut rows: Vec<WordRow> = list.rows.iter().filter(|r| !r.stopword).cloned().collect();
        rows.sort_by(|x, y| y.count.cmp(&x.count).then(x.word.cmp(&y.word)));
        rows.len()
    }

    /// Keyness rows: the first document against the rest, by form, min. frequency 3.
    pub fn keyness(engine: &Engine) -> usize {
        let docs = all(engine);
        let Some(&first) = docs.first() else { return 0 };
        let target = format!("doc:{}", engine.corpus.documents[first].id);
        let t = target_docs(engine, &docs, &target).unwrap_or_default();
        let k = super::keyness(engine, &t, &docs, Unit::Form, u64::from(MIN_FREQ));
        let shown = |dir: Direction| k.rows.iter().filter(|r| r.direction == dir && r.p05).take(50).count();
        std::hint::black_box(shown(Direction::Over) + shown(Direction::Under));
        k.rows.len()
    }

    /// Collocate rows (window 5/5, min. 3, by logDice), stopwords included.
    pub fn collocates(engine: &Engine, word: &str) -> usize {
        let mut c =
            super::collocates(engine, &typed(engine, word), &all(engine), LEFT, RIGHT, MIN_FREQ, &StopList::default());
        sort_collocates(&mut c.rows, CollocateSort::LogDice);
        std::hint::black_box(c.rows.iter().filter(|r| !r.stopword).count());
        c.rows.len()
    }

    /// The term as the distribution and trends views compile it (a finished word).
    fn term(engine: &Engine, word: &str) -> Vec<Compiled> {
        vec![compile(engine, &format!("{word} "))]
    }

    /// Hits of the term in the distribution view.
    pub fn dispersion(engine: &Engine, word: &str) -> usize {
        super::dispersion(engine, &term(engine, word), &all(engine)).iter().map(|s| s.total_hits as usize).sum()
    }

    /// Hits of the term in the trends view (summed over the documents).
    pub fn trends(engine: &Engine, word: &str) -> usize {
        super::trends(engine, &term(engine, word), &all(engine))
            .iter()
            .map(|r| r.hits.iter().sum::<u32>() as usize)
            .sum()
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
        let doc =
            |id: &str, text: &str| Document { kind: "address".into(), ..Document::new(id, id, vec![text.into()]) };
        let corpus = Corpus::new("t", vec![doc("a", "the union state"), doc("b", "the soviet union")]);
        let json = serde_json::to_string(&corpus).unwrap();
        assert_eq!(parse_only(&json).unwrap(), 2);
        let mut e = BenchEngine::new(&json).unwrap();
        assert_eq!(e.documents(), 2);
        assert_eq!(e.search("union"), 2);
        assert_eq!(e.search("soviet"), 1);
        assert_eq!(e.search_only("union"), 2);
        assert!(e.highlights() >= 3);
    }

    #[test]
    fn views() {
        let doc = |id: &str, text: &str| Document {
            date: Some(explorer_core::PartialDate::parse("2001").unwrap()),
            kind: "address".into(),
            ..Document::new(id, id, vec![text.into()])
        };
        let text = "the government of the people and the government of the state and their government";
        let corpus =
            Corpus::new("t", vec![doc("a", text), doc("b", "the union of the states, the people and the union")]);
        let e = BenchEngine::new(&serde_json::to_string(&corpus).unwrap()).unwrap();
        // "government" typed: 3 lines in one document; "the" typed is a prefix (their too).
        assert_eq!(e.view_concordance("government"), 3);
        assert_eq!(e.concordance_docs("government"), 1);
        assert_eq!(e.view_concordance("the"), 9);
        assert_eq!(e.concordance_docs("the"), 2);
        // The finished word "the" (distribution, trends) is not a prefix.
        assert_eq!(e.view_dispersion("the"), 8);
        assert_eq!(e.view_trends("the"), 8);
        assert_eq!(e.view_dispersion("government"), 3);
        assert_eq!(e.view_trends("government"), 3);
        assert!(e.view_words() > 0);
        assert!(e.view_keyness() > 0);
        // "government" 3 times in "a", "of" after each but the last.
        assert!(e.view_collocates("government") > 0);
        assert_eq!(e.view_collocates("nothing"), 0);
        assert_eq!(e.view_concordance("nothing"), 0);
    }
}
