//! The explorer's search engine behind a minimal `wasm-bindgen` interface, for the
//! browser benchmark (`scripts/bench`). One search here is what the results page
//! needs: the ranked hits (with facet counts, no filters) and a snippet with its
//! highlight ranges for each of the top 10.
//!
//! The `view_*` methods compute one analysis view with the core's view recipes (what the
//! app's engine service calls for a view) and their default settings, over all documents
//! (no filters), from scratch, and return a count taken from the result so that the work
//! cannot be optimised away. Like the app, the engine keeps one thing between calls: the
//! forward index the concordance and the collocates read, built the first time one of them
//! runs; [`BenchEngine::view_forward`] times building it.

use explorer_core::analysis::allowed_docs;
use explorer_core::analysis::concordance::{concordance, KwicSort};
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
        let scope = views::typed(&self.engine, word);
        let mut d: Vec<usize> = concordance(&self.engine, &scope.compiled, &docs).iter().map(|l| l.doc).collect();
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

    /// The trends view by year for the term `word`; returns its number of hits.
    pub fn view_trends_by_year(&self, word: &str) -> u32 {
        views::trends_by_year(&self.engine, word) as u32
    }

    /// The comparison of the first half of the documents with the second (by form, min. 3),
    /// with `word` as its term (rates and lines on both sides); returns the rows of its tables.
    pub fn view_compare(&self, word: &str) -> u32 {
        views::compare(&self.engine, word) as u32
    }

    /// The phrases view (2-grams, min. 3); returns the number of rows.
    pub fn view_ngrams(&self) -> u32 {
        views::ngrams(&self.engine) as u32
    }

    /// The overview; returns its number of tokens (mod 2³²).
    pub fn view_summary(&self) -> u32 {
        views::summary(&self.engine) as u32
    }

    /// The word cloud of the word list (its 100 most frequent words); returns the words placed.
    pub fn view_cloud(&self) -> u32 {
        views::cloud(&self.engine) as u32
    }
}

/// The analysis views as the app computes them: the core's view recipes
/// (`explorer_core::api::views`, which the app's engine service calls) with the default
/// settings of `explorer_core::view_state::Analysis`, over all documents, from scratch (the
/// service would keep each view's unpaged result between requests).
pub mod views {
    use super::*;
    use explorer_core::analysis::trends::Period;
    use explorer_core::api::views::{self as recipes, Scope, Sides};
    use explorer_core::matching::Matching;
    use explorer_core::pace::finish;
    use explorer_core::view_state::{Analysis, Target};

    /// The scope of a query typed as `word` in an analysis view: the word as written (the
    /// default `match=form`), no filters.
    pub fn typed(engine: &Engine, word: &str) -> Scope {
        recipes::analysis_scope(engine, word, &Filters::default(), Matching::Form)
    }

    /// Concordance lines, sorted by the 1st word right, and the first page of them cut to the
    /// default width, as the view shows; the number of lines.
    pub fn concordance(engine: &Engine, word: &str) -> usize {
        let a = Analysis { kwic_sort: KwicSort::Right(1), ..Analysis::default() };
        let lines = recipes::concordance_lines(engine, &typed(engine, word), a.kwic_sort);
        std::hint::black_box(recipes::concordance_page(engine, &lines, &a));
        lines.len()
    }

    /// Word-list rows shown: by form, standard stop list, stopwords hidden, by count.
    pub fn words(engine: &Engine) -> usize {
        let a = Analysis::default();
        let list = recipes::word_list(engine, &allowed_docs(engine, &Filters::default()), &a);
        recipes::word_rows(&list, &a).len()
    }

    /// Keyness rows: the first document against the rest, by form, min. frequency 3.
    pub fn keyness(engine: &Engine) -> usize {
        let (a, docs) = (Analysis::default(), allowed_docs(engine, &Filters::default()));
        let target: Option<Target> = recipes::effective_target(engine, &docs, &a, None);
        let k = recipes::keyness_of(engine, &docs, target.as_ref(), &a);
        let rows = k.1.rows.len();
        std::hint::black_box(recipes::keyness_data(engine, &docs, target, &k));
        rows
    }

    /// Collocate rows (window 5/5, min. 3, by logDice), stopwords included.
    pub fn collocates(engine: &Engine, word: &str) -> usize {
        let a = Analysis::default();
        let c = recipes::collocates_of(engine, &typed(engine, word), &a);
        std::hint::black_box(recipes::collocates_page(&c, &a));
        c.rows.len()
    }

    /// Hits of the term in the distribution view.
    pub fn dispersion(engine: &Engine, word: &str) -> usize {
        let docs = allowed_docs(engine, &Filters::default());
        let terms = [word.to_owned()];
        let compiled = recipes::compile_terms(engine, &terms, Matching::Form);
        recipes::distribution(engine, &docs, &terms, &compiled).iter().map(|s| s.hits as usize).sum()
    }

    /// Hits of the term in the trends view (summed over the documents).
    pub fn trends(engine: &Engine, word: &str) -> usize {
        let docs = allowed_docs(engine, &Filters::default());
        recipes::trend_points(engine, &docs, &recipes::compile_terms(engine, &[word.to_owned()], Matching::Form))
            .iter()
            .map(|p| p.hits.iter().sum::<u32>() as usize)
            .sum()
    }

    /// Hits of the term in the trends view by year.
    pub fn trends_by_year(engine: &Engine, word: &str) -> usize {
        let docs = allowed_docs(engine, &Filters::default());
        let compiled = recipes::compile_terms(engine, &[word.to_owned()], Matching::Form);
        let p = explorer_core::analysis::trends::trends_by(engine, &compiled, &docs, &Period::Year);
        p.rows.iter().map(|r| r.hits.iter().sum::<u64>() as usize).sum()
    }

    /// The comparison view: the first half of the documents (A) against the second (B), `word`
    /// its term; rows of its three tables.
    pub fn compare(engine: &Engine, word: &str) -> usize {
        let docs = allowed_docs(engine, &Filters::default());
        let (a, b) = docs.split_at(docs.len() / 2);
        let sides = Sides { a: a.to_vec(), b: b.to_vec(), a_notes: Vec::new(), b_notes: Vec::new() };
        let analysis = Analysis { side_a: "first half".into(), ..Analysis::default() };
        let c = recipes::comparison(engine, &sides, &analysis);
        let compiled = recipes::compile_terms(engine, &[word.to_owned()], analysis.matching);
        let term = Some((word.to_owned(), &compiled[0]));
        let data =
            finish(recipes::compare_data_paced(engine, &sides, &c, &analysis, term, &mut explorer_core::pace::Unpaced));
        std::hint::black_box(data);
        c.more_in_a.len() + c.more_in_b.len() + c.lockwords.len()
    }

    /// Rows of the phrases view (2-grams, min. 3, stopwords kept).
    pub fn ngrams(engine: &Engine) -> usize {
        let a = Analysis::default();
        let docs = allowed_docs(engine, &Filters::default());
        let (options, _, _) = recipes::ngram_options(engine, &docs, "", &a);
        let n = explorer_core::analysis::ngrams::ngrams(engine, &docs, &options, &recipes::stop_list(&a));
        std::hint::black_box(recipes::ngrams_page(&n, Vec::new(), &a));
        n.rows.len()
    }

    /// Tokens of the overview.
    pub fn summary(engine: &Engine) -> usize {
        let a = Analysis::default();
        let docs = allowed_docs(engine, &Filters::default());
        let s = explorer_core::analysis::summary::summary(engine, &docs, &recipes::stop_list(&a));
        std::hint::black_box(recipes::summary_data(engine, &s, &a));
        s.tokens as usize
    }

    /// Words placed in the word list's cloud (of its rows as the view shows them).
    pub fn cloud(engine: &Engine) -> usize {
        let a = Analysis::default();
        let list = recipes::word_list(engine, &allowed_docs(engine, &Filters::default()), &a);
        let rows = recipes::word_rows(&list, &a);
        recipes::words_cloud(&rows).words.len()
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
        // "government" typed: 3 lines in one document; "the" as written (not "their").
        assert_eq!(e.view_concordance("government"), 3);
        assert_eq!(e.concordance_docs("government"), 1);
        assert_eq!(e.view_concordance("the"), 8);
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
        // The new views: both documents are dated 2001.
        assert_eq!(e.view_trends_by_year("government"), 3);
        assert!(e.view_compare("government") > 0);
        // "the government", "of the", "the people", "the union": at least 3 times in all.
        assert!(e.view_ngrams() > 0);
        assert_eq!(e.view_summary(), 14 + 1 + 10 + 1);
        assert!(e.view_cloud() > 0);
    }
}
