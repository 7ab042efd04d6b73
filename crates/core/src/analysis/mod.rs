//! Corpus analysis views: concordance (KWIC), word list, keyness, collocates, dispersion,
//! trends, and their export as CSV or JSON.
//!
//! Every view works on the documents the current facet filters allow, passed as
//! `docs: &[usize]` (document numbers, as [`allowed_docs`] gives them or as the
//! results list holds them). Duplicates and out-of-range numbers are ignored.
//!
//! Counts are of *tokens*: the words of a document's title and paragraphs together
//! (what the index holds, [`Index::doc_tokens`]), so a word in a title counts like a
//! word in the body, and the reader, the search and these views agree on every hit.
//! A word is its folded form (the index's *term*); the word list and keyness can also
//! group forms by stem ([`Unit::Stem`]). Positions are word numbers within a
//! document (title first, then paragraphs, gaps not counted).

pub mod cloud;
pub mod collocates;
pub mod compare;
pub mod concordance;
pub mod dispersion;
pub mod export;
pub mod forward;
pub mod keyness;
pub mod ngrams;
pub mod summary;
pub mod trends;
pub mod wordlist;

use crate::facets::{Facet, Filters};
use crate::index::Index;
use crate::pace::{Cancelled, Pace, Stage};
use crate::query;
use crate::search::Compiled;
use crate::search::Engine;
use crate::stopwords::is_stopword;
use crate::view_state::Target;

/// What counts as one word in the word list and keyness views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, serde::Serialize, serde::Deserialize)]
pub enum Unit {
    /// Each folded word form (`union`, `unions` are two words).
    #[default]
    Form,
    /// The forms sharing a stem, counted together (`union` + `unions`).
    Stem,
}

impl Unit {
    /// The URL value: `form` or `stem`.
    pub fn key(self) -> &'static str {
        match self {
            Unit::Form => "form",
            Unit::Stem => "stem",
        }
    }
}

/// The documents that pass every facet filter, ascending.
pub fn allowed_docs(engine: &Engine, filters: &Filters) -> Vec<usize> {
    (0..engine.index.doc_count()).filter(|&d| filters.passes_all(&engine.facets, d)).collect()
}

/// The documents of `docs` that have `value` for `facet` (a keyness target such as an outlet or
/// a kind), ascending.
pub fn docs_with(engine: &Engine, docs: &[usize], facet: Facet, value: &str) -> Vec<usize> {
    clean_docs(&engine.index, docs)
        .into_iter()
        .filter(|&d| engine.facets.doc_values(&facet, d).iter().any(|v| v == value))
        .collect()
}

/// Resolves a query typed by a person (for the dispersion and trend views' terms).
pub fn compile(engine: &Engine, text: &str) -> Compiled {
    Compiled::new(&engine.index, &query::parse(text))
}

/// Resolves a query typed by a person as finished typing (its last word is not a prefix unless
/// it ends in `*`), its words matched as `matching` says (see [`Compiled::with_matching`]).
pub fn compile_as(engine: &Engine, text: &str, matching: crate::matching::Matching) -> Compiled {
    Compiled::with_matching(&engine.index, &query::parse(&format!("{text} ")), matching)
}

/// The facet filters as `key=value` pairs, for export metadata.
pub fn filter_pairs(filters: &Filters) -> Vec<(String, String)> {
    filters.pairs().map(|(f, v)| (f.key().to_owned(), v.to_owned())).collect()
}

/// A membership mask over all documents for `docs` (out-of-range numbers ignored).
pub(crate) fn doc_mask(index: &Index, docs: &[usize]) -> Vec<bool> {
    let mut mask = vec![false; index.doc_count()];
    for &d in docs {
        if let Some(m) = mask.get_mut(d) {
            *m = true;
        }
    }
    mask
}

/// The allowed documents, deduplicated, ascending, in range.
pub(crate) fn clean_docs(index: &Index, docs: &[usize]) -> Vec<usize> {
    let mask = doc_mask(index, docs);
    (0..mask.len()).filter(|&d| mask[d]).collect()
}

/// Each document with hits and its marked spans (first position, words, leaf), ascending.
pub(crate) type DocSpans = Vec<(usize, Vec<(u32, u32, usize)>)>;

/// The documents of `docs` (cleaned) where the query marks something, with their spans.
pub(crate) async fn spans_by_doc(
    index: &Index,
    compiled: &Compiled,
    docs: &[usize],
    pace: &mut impl Pace,
) -> Result<DocSpans, Cancelled> {
    let docs = clean_docs(index, docs);
    let mut out = Vec::new();
    for (done, &d) in docs.iter().enumerate() {
        let spans = compiled.spans(index, d);
        if !spans.is_empty() {
            out.push((d, spans));
        }
        pace.step(Stage::Hits, done + 1, docs.len()).await?;
    }
    Ok(out)
}

/// Total tokens of `docs` (title and body words): `N = Σ_d tokens(d)`.
pub fn total_tokens(index: &Index, docs: &[usize]) -> u64 {
    clean_docs(index, docs).iter().map(|&d| u64::from(index.doc_tokens(d))).sum()
}

/// Which words are stopwords: the built-in lists ([`is_stopword`]) less `remove`, plus `add`
/// (folded words a person listed; see [`StopList::new`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StopList {
    /// Extra stopwords.
    pub add: Vec<String>,
    /// Built-in stopwords not to treat as such.
    pub remove: Vec<String>,
}

impl StopList {
    /// A list from words as a person typed them (each folded, empty ones dropped).
    pub fn new(add: &[String], remove: &[String]) -> StopList {
        let clean =
            |v: &[String]| v.iter().map(|w| crate::normalize::fold(w.trim())).filter(|w| !w.is_empty()).collect();
        StopList { add: clean(add), remove: clean(remove) }
    }

    /// True when a folded word counts as a stopword.
    pub fn is_stop(&self, word: &str) -> bool {
        self.add.iter().any(|w| w == word) || (is_stopword(word) && !self.remove.iter().any(|w| w == word))
    }
}

/// The documents of a keyness target among `docs`.
pub fn target_docs(engine: &Engine, docs: &[usize], target: &Target) -> Vec<usize> {
    match target {
        Target::Doc(id) => engine.corpus.position(id).filter(|d| docs.contains(d)).into_iter().collect(),
        Target::Outlet(value) => docs_with(engine, docs, Facet::Outlet, value),
        Target::Kind(value) => docs_with(engine, docs, Facet::Kind, value),
    }
}

/// Groups of terms that make one word of `unit`: each term alone, or each stem's terms.
/// Each group is (label, terms); a stem group is labelled with its stem.
pub(crate) fn groups(index: &Index, unit: Unit) -> Vec<(String, Vec<u32>)> {
    match unit {
        Unit::Form => (0..index.term_count() as u32).map(|t| (index.term(t).to_owned(), vec![t])).collect(),
        Unit::Stem => {
            let mut g: Vec<(String, Vec<u32>)> =
                index.stem_groups().map(|(s, terms)| (s.to_owned(), terms.to_vec())).collect();
            crate::sort::sort_by_key(&mut g, |(_, terms)| terms[0]);
            g
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{Corpus, Document};

    /// `a` and `b` agree to 10⁻⁵ (figures worked out by hand to five places).
    pub(crate) fn close_1e5(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-5
    }

    /// `a` and `b` agree to 10⁻⁶.
    pub(crate) fn close_1e6(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6
    }

    /// A corpus of documents given as (title, paragraphs separated by `\n`, outlet, date).
    pub(crate) fn engine(docs: &[(&str, &str, &str, Option<&str>)]) -> Engine {
        Engine::new(Corpus::new(
            "v1",
            docs.iter()
                .enumerate()
                .map(|(i, (title, body, outlet, date))| Document {
                    outlet: Some(outlet.to_string()),
                    date: date.map(|d| crate::PartialDate::parse(d).unwrap()),
                    kind: "news".into(),
                    ..Document::new(format!("d{i}"), *title, body.split('\n').map(str::to_owned).collect())
                })
                .collect(),
        ))
    }

    #[test]
    fn tokens_positions_and_word_numbers() {
        // Title "A b" (positions 0, 1), gap 2, "c d e" (3, 4, 5), gap 6, "f" (7), gap 8.
        let e = engine(&[("A b", "c d e\nf", "X", None), ("", "g", "Y", None)]);
        let ix = &e.index;
        assert_eq!(ix.doc_tokens(0), 6);
        assert_eq!(ix.doc_positions(0), 9);
        let numbers: Vec<Option<u32>> = (0..9).map(|p| ix.word_number(0, p)).collect();
        assert_eq!(numbers, [Some(0), Some(1), None, Some(2), Some(3), Some(4), None, Some(5), None]);
        // Empty title: gap 0, "g" at 1, gap 2.
        assert_eq!((ix.word_number(1, 0), ix.word_number(1, 1), ix.word_number(1, 2)), (None, Some(0), None));
        assert_eq!(total_tokens(ix, &[0, 1, 1, 7]), 7);
        let mut f = Filters::default();
        f.add(crate::Facet::Outlet, "Y");
        assert_eq!(allowed_docs(&e, &f), [1]);
        assert_eq!(filter_pairs(&f), [("outlet".to_string(), "Y".to_string())]);
        assert_eq!(target_docs(&e, &[0, 1], &Target::Outlet("X".into())), [0]);
        assert_eq!(target_docs(&e, &[0, 1], &Target::Doc("d1".into())), [1]);
        assert!(target_docs(&e, &[0], &Target::Doc("d1".into())).is_empty());
    }

    #[test]
    fn stop_lists() {
        let s = StopList::new(&[" Said ".to_string(), String::new()], &["not".to_string()]);
        assert_eq!(s.add, ["said"]);
        assert!(s.is_stop("said") && s.is_stop("the") && !s.is_stop("not") && !s.is_stop("stalin"));
    }
}
