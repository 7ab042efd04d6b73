//! The engine's interface as messages: a [`Request`] in, a [`Response`] out, both plain data
//! that serialize (serde), so that the engine can run behind a `postMessage` boundary (a Web
//! Worker) as well as in the page. The app talks to the engine only through
//! [`Service::handle`]; what each view shows for a state is worked out here ([`views`]), not in
//! the components, and the bench calls the same functions.
//!
//! Responses carry what a page shows, already paged and with documents named by id and title,
//! never the engine's internal numbers or a reference into the corpus.

pub mod service;
pub mod views;

use crate::analysis::cloud::Cloud;
use crate::analysis::collocates::CollocateRow;
use crate::analysis::compare::{CompareRow, TermRates};
use crate::analysis::export::Table;
use crate::analysis::keyness::KeyRow;
use crate::analysis::ngrams::NgramRow;
use crate::analysis::trends::Period;
use crate::analysis::trends::Periods;
use crate::analysis::wordlist::WordRow;
use crate::examples::Example;
use crate::facets::{Facet, FacetCounts, Filters};
use crate::matching::Matching;
use crate::model::Document;
use crate::search::Sort;
use crate::snippet::Snippet;
use crate::suggest::Suggestion;
use crate::view_state::{Analysis, Target, View, ViewState};
use serde::{Deserialize, Serialize};
use std::ops::Range;

pub use service::Service;

/// Rows on one page of an analysis table.
pub const PAGE_SIZE: usize = 100;

/// Something asked of the engine.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// What the corpus is: its size, version, facets, documents and example queries.
    Info,
    /// The results page of a query.
    Search(SearchRequest),
    /// Completions of the word being typed.
    Suggest {
        /// The query as typed.
        query: String,
    },
    /// One document for the reader, with the query's hits marked.
    Document {
        /// The document's id.
        id: String,
        /// The query as typed.
        query: String,
        /// How its words are matched: as the search reads the query (none), or as an
        /// analysis view does, when the reader was opened at one of its lines.
        matching: Option<Matching>,
    },
    /// What an analysis view shows.
    View(ViewRequest),
    /// Every row of an analysis view, for a download.
    Export(ViewRequest),
}

/// The engine's answer to a [`Request`] (the variant of the same name).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Response {
    /// See [`Request::Info`].
    Info(CorpusInfo),
    /// See [`Request::Search`].
    Search(SearchPage),
    /// See [`Request::Suggest`].
    Suggest(Vec<Suggestion>),
    /// See [`Request::Document`]; `None` when there is no such document.
    Document(Option<DocumentView>),
    /// See [`Request::View`].
    View(ViewAnswer),
    /// See [`Request::Export`].
    Export(Table),
}

/// A document as lists and tables name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocRef {
    /// Its id (the URL's `doc`).
    pub id: String,
    /// Its title.
    pub title: String,
}

/// What the metadata line of a result or the reader shows of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocSummary {
    /// Id and title.
    pub doc: DocRef,
    /// Outlet, if known.
    pub outlet: Option<String>,
    /// The date as shown (or the date note), if known.
    pub date: Option<String>,
    /// Kind of text.
    pub kind: String,
    /// Author, if known.
    pub author: Option<String>,
    /// Number of words.
    pub words: usize,
}

impl DocSummary {
    /// The summary of a document.
    pub fn of(doc: &Document) -> DocSummary {
        DocSummary {
            doc: DocRef { id: doc.id.clone(), title: doc.title.clone() },
            outlet: doc.outlet.clone(),
            date: doc.date_label(),
            kind: doc.kind.clone(),
            author: doc.author.clone(),
            words: doc.word_count,
        }
    }
}

/// The corpus as a whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorpusInfo {
    /// The corpus version (a content hash).
    pub version: String,
    /// Its title, from `corpus.toml`.
    pub title: Option<String>,
    /// Its description, from `corpus.toml`.
    pub description: Option<String>,
    /// Number of words in all documents.
    pub words: usize,
    /// Every document, in corpus order.
    pub documents: Vec<DocRef>,
    /// Every facet and its values, in display order.
    pub facets: Vec<(Facet, Vec<String>)>,
    /// Example queries that find something in this corpus.
    pub examples: Vec<Example>,
}

impl CorpusInfo {
    /// The values of a facet (none when the corpus does not have it).
    pub fn values(&self, facet: &Facet) -> &[String] {
        self.facets.iter().find(|(f, _)| f == facet).map_or(&[], |(_, v)| v.as_slice())
    }

    /// True when the corpus has a document with this id.
    pub fn has_document(&self, id: &str) -> bool {
        self.documents.iter().any(|d| d.id == id)
    }

    /// Drops from a view the filter values and the document this corpus does not have,
    /// returning a message for each.
    pub fn validate(&self, view: &mut ViewState) -> Vec<String> {
        let mut notes = view.filters.retain_known(&self.facets);
        if let Period::Field(name) = &view.analysis.by {
            let known = Facet::from_param(name).is_some_and(|f| self.facets.iter().any(|(k, _)| *k == f));
            if !known {
                notes.push(format!(
                    "This corpus has no metadata field “{}” to group the trends by; each document is shown.",
                    crate::view_state::clip(name, 40)
                ));
                view.analysis.by = Period::Doc;
            }
        }
        if let Some(id) = &view.doc {
            if !self.has_document(id) {
                notes.push(format!("There is no document “{id}” in this corpus; showing the search results instead."));
                view.doc = None;
                if view.view == View::Reader {
                    view.view = View::Search;
                }
            }
        }
        notes
    }
}

/// A query for the results page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchRequest {
    /// The query as typed.
    pub query: String,
    /// The facet filters.
    pub filters: Filters,
    /// The order of the results.
    pub sort: Sort,
    /// How many results get their snippet (the ones shown).
    pub shown: usize,
}

/// One result: the document, its title's marks and its snippet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultItem {
    /// The document.
    pub summary: DocSummary,
    /// The hits in the title, as byte ranges.
    pub title_marks: Vec<Range<usize>>,
    /// The passage shown, with its hits.
    pub snippet: Snippet,
}

/// The results page of a query.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchPage {
    /// The query has no words to search (all documents are listed).
    pub query_empty: bool,
    /// The first `shown` results, best first.
    pub items: Vec<ResultItem>,
    /// Documents that match the query and the filters.
    pub total: usize,
    /// Documents that match the query, whatever the filters.
    pub query_matches: usize,
    /// Counts of every facet value (for the current query and the other facets' filters).
    pub facets: Vec<FacetCounts>,
    /// Notes about how the query was read (a stray parenthesis searched as a word, …).
    pub notes: Vec<String>,
    /// Misspelt words and the close spellings searched instead.
    pub corrections: Vec<(String, String)>,
    /// Common words left out.
    pub ignored: Vec<String>,
    /// A corrected query that would find something, when this one finds nothing.
    pub did_you_mean: Option<String>,
    /// Milliseconds the search took, when the caller measured it (0 otherwise).
    pub took_ms: f64,
}

/// A document for the reader.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentView {
    /// The document.
    pub summary: DocSummary,
    /// People mentioned.
    pub people: Vec<String>,
    /// Its original address, when it is an http(s) address.
    pub url: Option<String>,
    /// The hits in the title.
    pub title_marks: Vec<Range<usize>>,
    /// Each paragraph with its hits.
    pub paragraphs: Vec<(String, Vec<Range<usize>>)>,
    /// Number of hits in all (title first, then paragraphs in order).
    pub hits: usize,
}

/// What an analysis view is asked to show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ViewRequest {
    /// The view.
    pub view: View,
    /// The query as typed (once typing rests).
    pub query: String,
    /// The facet filters.
    pub filters: Filters,
    /// The views' settings.
    pub analysis: Analysis,
    /// The document open in the reader (the default keyness target).
    pub open_doc: Option<String>,
}

/// One line of the concordance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KwicRow {
    /// The document.
    pub doc: DocRef,
    /// Number of the hit in the document (the reader's `hit`).
    pub hit: usize,
    /// Words before the keyword.
    pub left: String,
    /// The keyword (a word or phrase).
    pub keyword: String,
    /// Words after it.
    pub right: String,
}

/// One page of a long table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    /// Rows in all.
    pub total: usize,
    /// The page shown (clamped to the pages there are), from 1.
    pub page: usize,
    /// The rows of the page.
    pub rows: Vec<T>,
}

impl<T> Page<T> {
    /// Page `page` (from 1, clamped) of `total` rows; `rows` gives the rows of a range.
    pub fn new(total: usize, page: usize, rows: impl FnOnce(Range<usize>) -> Vec<T>) -> Page<T> {
        let (page, range) = page_range(page, total);
        Page { total, page, rows: rows(range) }
    }

    /// Number of pages (at least 1).
    pub fn pages(&self) -> usize {
        pages(self.total)
    }
}

/// The concordance: one page of lines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConcordancePage {
    /// The lines (every line counts in `total`).
    pub lines: Page<KwicRow>,
    /// Documents the lines fall in.
    pub documents: usize,
}

/// The word list: one page of rows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WordsPage {
    /// The words, after hiding stopwords and filtering.
    pub words: Page<WordRow>,
    /// Tokens in the documents.
    pub tokens: u64,
    /// Documents counted.
    pub documents: usize,
    /// Distinct words over tokens.
    pub type_token_ratio: f64,
    /// The stopwords in effect.
    pub stop_words: Vec<String>,
    /// The most frequent words of the rows as a cloud, when asked for (`cloud=1`).
    pub cloud: Option<Cloud>,
}

/// The distinctive words of a target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeynessData {
    /// The target in effect (the URL's, else the open document, else the first document).
    pub target: Option<Target>,
    /// The target's size.
    pub target_size: Size,
    /// The size of the rest (the allowed documents not in the target).
    pub reference_size: Size,
    /// Words tested.
    pub tested: usize,
    /// Significant words used more in the target (the first [`views::KEYNESS_SHOWN`]).
    pub over: Vec<KeyRow>,
    /// Significant words used less.
    pub under: Vec<KeyRow>,
    /// The documents a target can be (those the filters allow).
    pub choices: Vec<DocRef>,
}

/// The size of a part of the corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Size {
    /// Documents.
    pub docs: usize,
    /// Tokens.
    pub tokens: u64,
}

/// The collocates: one page of rows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CollocatesPage {
    /// The collocates (stopwords hidden unless shown).
    pub collocates: Page<CollocateRow>,
    /// Node hits.
    pub node_hits: u64,
    /// Tokens in the documents.
    pub tokens: u64,
}

/// One document of a term's distribution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocDistribution {
    /// The document.
    pub doc: DocRef,
    /// Words in it.
    pub words: u32,
    /// Hits in it.
    pub hits: u32,
    /// Hits per 10,000 words.
    pub per_10k: f64,
    /// Where each hit falls, from 0 (start) to 1 (end).
    pub positions: Vec<f32>,
}

/// One term's distribution over the documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Series {
    /// The term.
    pub term: String,
    /// Hits in all.
    pub hits: u64,
    /// Gries's DP.
    pub dp: f64,
    /// DPnorm.
    pub dp_norm: f64,
    /// Each allowed document.
    pub docs: Vec<DocDistribution>,
}

/// One document's point in the trends chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrendPoint {
    /// The document.
    pub doc: DocRef,
    /// Its date as shown, if known.
    pub date: Option<String>,
    /// Hits per 10,000 words of each term.
    pub per_10k: Vec<f64>,
    /// Hits of each term.
    pub hits: Vec<u32>,
    /// Words in it.
    pub words: u32,
}

/// One side of the comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Side {
    /// The selection as written (`outlet:rt`); empty for "the rest" (side B only).
    pub expr: String,
    /// Its documents and tokens (within the filters).
    pub size: Size,
    /// How the selection was read (a stray parenthesis, a wildcard's cap, …).
    pub notes: Vec<String>,
}

/// One term in both sides: its rates and the first lines of its concordance in each.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TermComparison {
    /// The term (the first of the terms in effect: `term`, else the query).
    pub term: String,
    /// Hits and hits per 10,000 tokens in A and in B.
    pub rates: TermRates,
    /// The first concordance lines in A (document order).
    pub a_lines: Vec<KwicRow>,
    /// The first concordance lines in B.
    pub b_lines: Vec<KwicRow>,
}

/// What the comparison view shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompareData {
    /// Side A.
    pub a: Side,
    /// Side B (its `expr` empty: the allowed documents not in A).
    pub b: Side,
    /// Documents in both sides (they count in both).
    pub overlap: usize,
    /// Words tested.
    pub tested: usize,
    /// Words used significantly more in A (the first [`views::KEYNESS_SHOWN`]).
    pub more_in_a: Vec<CompareRow>,
    /// Words used significantly more in B.
    pub more_in_b: Vec<CompareRow>,
    /// Words both use at similar rates (the first [`views::KEYNESS_SHOWN`]).
    pub lockwords: Vec<CompareRow>,
    /// The query's term in both sides, when there is a query or a term.
    pub term: Option<TermComparison>,
    /// The words used more in each side as a cloud (A's side 0, B's side 1), when asked for.
    pub cloud: Option<Cloud>,
}

/// The n-grams: one page of rows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NgramsPage {
    /// The n-grams, most frequent first.
    pub ngrams: Page<NgramRow>,
    /// Words in each.
    pub n: usize,
    /// Tokens in the documents (the per-million base).
    pub tokens: u64,
    /// Distinct sequences counted before the minimum frequency.
    pub distinct: u64,
    /// The query's words an n-gram must contain (`nquery=1`), as matched.
    pub containing: Vec<String>,
}

/// One document's figures in the overview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocFigures {
    /// The document.
    pub doc: DocRef,
    /// Its tokens.
    pub tokens: u32,
    /// Its most distinctive words (empty in the longest/shortest lists).
    pub distinctive: Vec<String>,
}

/// What the overview shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummaryData {
    /// Documents.
    pub docs: usize,
    /// Tokens.
    pub tokens: u64,
    /// Distinct word forms.
    pub types: u64,
    /// Types over tokens.
    pub ttr: f64,
    /// Moving-average type/token ratio, when a document is long enough for a window.
    pub mattr: Option<f64>,
    /// The MATTR window, in tokens.
    pub mattr_window: usize,
    /// Documents long enough for a window.
    pub mattr_docs: usize,
    /// Sentences in the paragraphs.
    pub sentences: u64,
    /// Body words per sentence.
    pub mean_sentence: Option<f64>,
    /// The longest documents.
    pub longest: Vec<DocFigures>,
    /// The shortest documents.
    pub shortest: Vec<DocFigures>,
    /// The most frequent words, stopwords left out.
    pub top_words: Vec<(String, u64)>,
    /// Each document with its three most distinctive words (one page).
    pub documents: Page<DocFigures>,
}

/// An analysis view's answer, with what the page should say about how it was read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ViewAnswer {
    /// What the view shows.
    pub data: ViewData,
    /// Notes on the query and terms as the view read them (a wildcard's cap, …).
    pub notes: Vec<String>,
}

/// What an analysis view shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ViewData {
    /// The view needs a query and there is none.
    NeedsQuery,
    /// See [`ConcordancePage`].
    Concordance(ConcordancePage),
    /// See [`WordsPage`].
    Words(WordsPage),
    /// See [`KeynessData`].
    Keyness(KeynessData),
    /// See [`CollocatesPage`].
    Collocates(CollocatesPage),
    /// The terms compared and their distributions.
    Distribution(Vec<Series>),
    /// The terms compared and one point per document, by date.
    Trends {
        /// The terms.
        terms: Vec<String>,
        /// The documents, oldest first.
        points: Vec<TrendPoint>,
    },
    /// The comparison needs side A.
    NeedsSides,
    /// See [`CompareData`].
    Compare(Box<CompareData>),
    /// See [`NgramsPage`].
    Ngrams(NgramsPage),
    /// See [`SummaryData`].
    Summary(Box<SummaryData>),
    /// The terms compared, period by period (`by` other than `doc`).
    Periods {
        /// The terms.
        terms: Vec<String>,
        /// What a period is.
        by: Period,
        /// The periods, in order, gaps included.
        periods: Periods,
    },
    /// The view shows no analysis (search, reader).
    None,
}

/// Number of pages of `rows` rows (at least 1).
fn pages(rows: usize) -> usize {
    rows.div_ceil(PAGE_SIZE).max(1)
}

/// The rows of page `page` (from 1, clamped to the pages there are) of `rows` rows.
pub fn page_range(page: usize, rows: usize) -> (usize, Range<usize>) {
    let page = page.clamp(1, pages(rows));
    let start = (page - 1) * PAGE_SIZE;
    (page, start..(start + PAGE_SIZE).min(rows))
}
