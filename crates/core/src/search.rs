//! Ranked search: BM25F over title and body, filtered by facets.
//!
//! For a query word `t` and document `d`, the field-weighted term frequency is
//!
//! ```text
//! tf~(t,d) = Σ_f  w_f · tf_f(t,d) / (1 − b + b · len_f(d) / avglen_f)
//! ```
//!
//! over the fields title (`w = 3`) and body (`w = 1`), where `tf_f` counts the
//! occurrences of every term the word expands to (see [`Index::expand`]), each
//! times its weight. The score is
//!
//! ```text
//! score(d) = Σ_t  idf(t) · tf~ · (k1 + 1) / (k1 + tf~),   idf(t) = ln(1 + (N − df + 0.5) / (df + 0.5))
//! ```
//!
//! with `k1 = 1.2`, `b = 0.75`, `N` the number of documents and `df` the number
//! of documents containing any expansion of `t`. A document must contain every
//! query word. Ties, and the empty query, order by date, newest first.

use crate::facets::{FacetCounts, FacetTable, Filters};
use crate::highlight::Matcher;
use crate::index::{Expansion, Index, FIELDS};
use crate::model::Corpus;
use crate::query::{self, Query};
use std::cmp::Ordering;

/// BM25 term-frequency saturation.
pub const K1: f32 = 1.2;
/// BM25 length normalisation.
pub const B: f32 = 0.75;
/// Weight of each field (title, body).
pub const FIELD_WEIGHTS: [f32; FIELDS] = [3.0, 1.0];

/// A corpus ready to search: the documents, their index and their facet values.
pub struct Engine {
    /// The documents.
    pub corpus: Corpus,
    /// The inverted index over them.
    pub index: Index,
    /// Their facet values.
    pub facets: FacetTable,
}

impl Engine {
    /// Indexes a corpus.
    pub fn new(corpus: Corpus) -> Engine {
        let index = Index::build(&corpus);
        let facets = FacetTable::new(&corpus);
        Engine { corpus, index, facets }
    }
}

/// One matching document and its score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// Document number.
    pub doc: usize,
    /// BM25F score (0 for the empty query).
    pub score: f32,
}

/// Everything a search produces for the results page.
#[derive(Debug, Clone)]
pub struct SearchOutcome {
    /// The parsed query (with its notes).
    pub query: Query,
    /// Matching documents that pass the filters, best first.
    pub hits: Vec<Hit>,
    /// Number of documents that match the query, whatever the filters.
    pub query_matches: usize,
    /// Counts for every facet value.
    pub facets: Vec<FacetCounts>,
    /// What to highlight.
    pub matcher: Matcher,
}

/// Inverse document frequency, as in Lucene's BM25.
pub fn idf(n: usize, df: usize) -> f32 {
    (1.0 + (n as f32 - df as f32 + 0.5) / (df as f32 + 0.5)).ln()
}

/// The BM25F contribution of one query word to one document.
pub fn term_score(tf: [f32; FIELDS], len: [u32; FIELDS], avg: [f32; FIELDS], idf: f32) -> f32 {
    let mut t = 0.0;
    for f in 0..FIELDS {
        if tf[f] > 0.0 {
            t += FIELD_WEIGHTS[f] * tf[f] / (1.0 - B + B * len[f] as f32 / avg[f]);
        }
    }
    if t == 0.0 {
        0.0
    } else {
        idf * t * (K1 + 1.0) / (K1 + t)
    }
}

/// Runs a query typed by a person, with filters.
pub fn search(engine: &Engine, input: &str, filters: &Filters) -> SearchOutcome {
    let query = query::parse(input);
    let n = engine.index.doc_count();
    let expansions: Vec<Vec<Expansion>> = query.terms.iter().map(|t| engine.index.expand(t)).collect();
    let mut scored: Vec<Hit> = if query.is_empty() {
        (0..n).map(|doc| Hit { doc, score: 0.0 }).collect()
    } else {
        score_all(&engine.index, &expansions)
    };
    let matching: Vec<usize> = scored.iter().map(|h| h.doc).collect();
    let facets = engine.facets.counts(&matching, filters);
    scored.retain(|h| filters.passes_all(&engine.facets, h.doc));
    let docs = &engine.corpus.documents;
    scored.sort_by(|a, b| {
        b.score
            .partial_cmp(&a.score)
            .unwrap_or(Ordering::Equal)
            .then_with(|| docs[b.doc].date.cmp(&docs[a.doc].date))
            .then_with(|| docs[a.doc].title.cmp(&docs[b.doc].title))
    });
    SearchOutcome {
        matcher: Matcher::new(&engine.index, &expansions),
        query,
        hits: scored,
        query_matches: matching.len(),
        facets,
    }
}

/// Scores every document that contains all query words.
fn score_all(index: &Index, expansions: &[Vec<Expansion>]) -> Vec<Hit> {
    let n = index.doc_count();
    let avg = index.avg_len();
    let mut total = vec![0f32; n];
    let mut words_found = vec![0usize; n];
    let mut tf = vec![[0f32; FIELDS]; n];
    let mut touched: Vec<usize> = Vec::new();
    for list in expansions {
        for e in list {
            for p in index.postings(e.term) {
                let d = p.doc as usize;
                if tf[d] == [0.0; FIELDS] {
                    touched.push(d);
                }
                for (acc, &count) in tf[d].iter_mut().zip(&p.tf) {
                    *acc += e.weight * count as f32;
                }
            }
        }
        let w_idf = idf(n, touched.len());
        for &d in &touched {
            total[d] += term_score(tf[d], index.field_len(d), avg, w_idf);
            words_found[d] += 1;
            tf[d] = [0.0; FIELDS];
        }
        touched.clear();
    }
    (0..n).filter(|&d| words_found[d] == expansions.len()).map(|doc| Hit { doc, score: total[doc] }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facets::Facet;
    use crate::model::Document;

    fn corpus(docs: &[(&str, &str, &str, &str)]) -> Corpus {
        Corpus {
            version: "t".into(),
            people: vec![],
            documents: docs
                .iter()
                .map(|(id, title, body, date)| Document {
                    id: id.to_string(),
                    title: title.to_string(),
                    outlet: Some(if id.starts_with('r') { "RT" } else { "Blog" }.into()),
                    date: Some(crate::PartialDate::parse(date).unwrap()),
                    date_note: None,
                    author: None,
                    kind: "news".into(),
                    url: None,
                    people: vec![],
                    paragraphs: vec![body.to_string()],
                    word_count: crate::tokenize::count_words(body),
                })
                .collect(),
        }
    }

    fn ids(engine: &Engine, q: &str) -> Vec<String> {
        search(engine, q, &Filters::default()).hits.iter().map(|h| engine.corpus.documents[h.doc].id.clone()).collect()
    }

    /// The expected order is worked out by hand from the formula in the module docs.
    #[test]
    fn bm25_order_computed_by_hand() {
        // Query "lenin " (complete word). N = 3; "lenin" is in a, b (df = 2).
        // idf = ln(1 + (3 − 2 + 0.5)/(2 + 0.5)) = ln(1.6) = 0.470004
        // Lengths (title, body): a = (1, 4), b = (2, 2), c = (1, 2); avg = (4/3, 8/3).
        // a: title "Lenin" tf 1, len 1: 3·1/(0.25 + 0.75·1/(4/3)) = 3/0.8125 = 3.692308
        //    body "the lenin lenin state" tf 2, len 4: 2/(0.25 + 0.75·4/(8/3)) = 2/1.375 = 1.454545
        //    tf~ = 5.146853, score = 0.470004·5.146853·2.2/6.346853 = 0.838516
        // b: title "Stalin years" tf 0; body "lenin lenin" tf 2, len 2: 2/(0.25 + 0.75·2/(8/3)) = 2/0.8125 = 2.461538
        //    score = 0.470004·2.461538·2.2/3.661538 = 0.695137
        // c: no "lenin": not a hit.
        let e = Engine::new(corpus(&[
            ("a", "Lenin", "the lenin lenin state", "2020"),
            ("b", "Stalin years", "lenin lenin", "2021"),
            ("c", "Trotsky", "exile abroad", "2022"),
        ]));
        let out = search(&e, "lenin ", &Filters::default());
        let got: Vec<(usize, f32)> = out.hits.iter().map(|h| (h.doc, h.score)).collect();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].0, 0);
        assert!((got[0].1 - 0.838516).abs() < 1e-4, "{got:?}");
        assert_eq!(got[1].0, 1);
        assert!((got[1].1 - 0.695137).abs() < 1e-4, "{got:?}");
    }

    #[test]
    fn title_counts_more_than_body() {
        let e = Engine::new(corpus(&[
            ("a", "Other", "stalin plus other words here", "2020"),
            ("b", "Stalin", "other words here and more", "2020"),
        ]));
        assert_eq!(ids(&e, "stalin"), ["b", "a"]);
    }

    #[test]
    fn every_word_must_match() {
        let e = Engine::new(corpus(&[("a", "x", "putin and stalin", "2020"), ("b", "y", "putin alone", "2021")]));
        assert_eq!(ids(&e, "putin stalin"), ["a"]);
        assert_eq!(ids(&e, "putin"), ["b", "a"]); // equal scores: newest first
    }

    #[test]
    fn empty_query_lists_all_newest_first() {
        let e = Engine::new(corpus(&[
            ("a", "x", "one", "2020"),
            ("b", "y", "two", "2025-01-02"),
            ("c", "z", "three", "2022"),
        ]));
        for q in ["", "   ", "?!"] {
            assert_eq!(ids(&e, q), ["b", "c", "a"], "{q:?}");
        }
    }

    #[test]
    fn prefix_and_stemming() {
        let e = Engine::new(corpus(&[
            ("a", "x", "the restoration of the USSR", "2020"),
            ("b", "y", "they restored nothing", "2021"),
        ]));
        assert_eq!(ids(&e, "restorati"), ["a"]);
        assert!(ids(&e, "restorations ").contains(&"a".to_string()));
        // A complete word matches every word of its stem (restor-).
        assert_eq!(ids(&e, "restored "), ["b", "a"]);
        // An exact word or its stem outranks a mere completion of the prefix.
        let e = Engine::new(corpus(&[("a", "x", "union unions", "2020"), ("b", "y", "unionists unionists", "2021")]));
        assert_eq!(ids(&e, "union"), ["a", "b"]);
    }

    #[test]
    fn case_accents_cyrillic() {
        let e = Engine::new(corpus(&[("a", "x", "Slobodan Milošević", "2020"), ("b", "y", "Иосиф Сталин", "2021")]));
        assert_eq!(ids(&e, "MILOSEVIC"), ["a"]);
        assert_eq!(ids(&e, "сталина"), ["b"]);
        assert_eq!(ids(&e, "Сталин"), ["b"]);
    }

    #[test]
    fn filters_narrow_and_facets_count() {
        let e = Engine::new(corpus(&[
            ("r1", "x", "stalin", "2020"),
            ("r2", "y", "lenin", "2021"),
            ("b1", "z", "stalin", "2022"),
        ]));
        let mut f = Filters::default();
        f.add(Facet::Outlet, "RT");
        let out = search(&e, "stalin", &f);
        assert_eq!(out.hits.len(), 1);
        assert_eq!(out.query_matches, 2);
        let outlet = &out.facets[Facet::Outlet as usize].values;
        assert_eq!(outlet, &[("Blog".to_string(), 1), ("RT".to_string(), 1)]);
        let all = search(&e, "", &f);
        assert_eq!(all.facets[Facet::Outlet as usize].values[1], ("RT".to_string(), 2));
    }
}
