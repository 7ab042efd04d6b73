//! View recipes: what each view shows for a state, as functions of the engine and the state.
//! The [`super::Service`] calls them (keeping the costly unpaged results between requests);
//! the bench calls them to time the views as the app computes them.

use super::{
    CollocatesPage, ConcordancePage, DocDistribution, DocRef, DocSummary, DocumentView, KeynessData, KwicRow, Page,
    ResultItem, SearchPage, SearchRequest, Series, Size, TrendPoint, WordsPage,
};
use crate::analysis::collocates::{collocates_paced, sort_collocates, Collocates};
use crate::analysis::concordance::{concordance_paced, sort_lines_paced, KwicLine, KwicSort};
use crate::analysis::dispersion::dispersion;
use crate::analysis::keyness::{keyness, Direction, Keyness};
use crate::analysis::trends::trends;
use crate::analysis::wordlist::{sort_words, wordlist, WordList, WordRow};
use crate::analysis::{allowed_docs, compile, target_docs, StopList};
use crate::engine::Engine;
use crate::facets::Filters;
use crate::highlight;
use crate::normalize::fold;
use crate::pace::{finish, Cancelled, Pace, Unpaced};
use crate::search::{search, sort_hits, Compiled, SearchOutcome, Sort};
use crate::snippet::{self, SNIPPET_CHARS};
use crate::view_state::{Analysis, Target};

/// Rows shown in each of the distinctive words' tables (the download has them all).
pub const KEYNESS_SHOWN: usize = 50;

/// The documents an analysis view works on, for a query and filters.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scope {
    /// The query, resolved (empty when it has no words).
    pub compiled: Compiled,
    /// The documents the filters allow, ascending.
    pub allowed: Vec<usize>,
    /// The documents that match the query and the filters, ascending (whose hits the
    /// concordance and the collocates show).
    pub matching: Vec<usize>,
}

/// The search of a query and filters, best first: what the results page, the facets and the
/// analysis views' scope are all made from.
pub fn searched(engine: &Engine, query: &str, filters: &Filters) -> SearchOutcome {
    search(engine, query, filters, Sort::Relevance)
}

/// The scope of a search.
pub fn scope(engine: &Engine, outcome: &SearchOutcome, filters: &Filters) -> Scope {
    let mut matching: Vec<usize> = outcome.hits.iter().map(|h| h.doc).collect();
    matching.sort_unstable();
    Scope { compiled: outcome.compiled.clone(), allowed: allowed_docs(engine, filters), matching }
}

/// Id and title of a document by number.
pub fn doc_ref(engine: &Engine, doc: usize) -> DocRef {
    let d = &engine.corpus.documents[doc];
    DocRef { id: d.id.clone(), title: d.title.clone() }
}

/// The results page of a search (best first): the first `shown` results in the order asked
/// for, with their snippets (the document's lead when the query has no words).
pub fn search_page(engine: &Engine, outcome: &SearchOutcome, request: &SearchRequest) -> SearchPage {
    let compiled = &outcome.compiled;
    let reordered;
    let hits = if request.sort == Sort::Relevance {
        &outcome.hits
    } else {
        reordered = {
            let mut h = outcome.hits.clone();
            sort_hits(&mut h, engine, request.sort);
            h
        };
        &reordered
    };
    let items = hits
        .iter()
        .take(request.shown)
        .map(|hit| {
            let doc = &engine.corpus.documents[hit.doc];
            if compiled.is_empty() {
                return ResultItem {
                    summary: DocSummary::of(doc),
                    title_marks: Vec::new(),
                    snippet: snippet::lead(doc, SNIPPET_CHARS),
                };
            }
            // The spans once for the snippet and the title (a prefix such as `the` has
            // thousands in a long document): a page of `the` on the 108 MB corpus 22.5 -> 14.5 ms.
            let spans = compiled.spans(&engine.index, hit.doc);
            ResultItem {
                summary: DocSummary::of(doc),
                title_marks: highlight::title_of_spans(&engine.index, &spans, hit.doc, doc),
                snippet: snippet::best_of_spans(&engine.index, &spans, hit.doc, doc, SNIPPET_CHARS),
            }
        })
        .collect();
    SearchPage {
        query_empty: outcome.query.is_empty(),
        items,
        total: outcome.hits.len(),
        query_matches: outcome.query_matches,
        facets: outcome.facets.clone(),
        notes: outcome.query.notes.clone(),
        corrections: outcome.compiled.corrections.clone(),
        ignored: outcome.compiled.ignored.clone(),
        did_you_mean: outcome.did_you_mean.clone(),
        took_ms: 0.0,
    }
}

/// A document for the reader with the hits of `query` marked; `None` for an unknown id.
pub fn document(engine: &Engine, id: &str, query: &str) -> Option<DocumentView> {
    let d = engine.corpus.position(id)?;
    let doc = &engine.corpus.documents[d];
    let marks = highlight::document(&engine.index, &compile(engine, query), d, doc);
    let hits = marks.count();
    Some(DocumentView {
        summary: DocSummary::of(doc),
        people: doc.people.clone(),
        url: safe_url(doc.url.as_deref()),
        title_marks: marks.title,
        paragraphs: doc.paragraphs.iter().cloned().zip(marks.paragraphs).collect(),
        hits,
    })
}

/// Only http(s) addresses become links; anything else (e.g. `javascript:`) is not linked.
pub fn safe_url(url: Option<&str>) -> Option<String> {
    let url = url?.trim();
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then(|| url.to_owned())
}

/// Every concordance line of the scope, in the chosen order.
pub fn concordance_lines(engine: &Engine, scope: &Scope, sort: KwicSort) -> Vec<KwicLine> {
    finish(concordance_lines_paced(engine, scope, sort, &mut Unpaced))
}

/// [`concordance_lines`], telling `pace` how far it has got.
pub async fn concordance_lines_paced(
    engine: &Engine,
    scope: &Scope,
    sort: KwicSort,
    pace: &mut impl Pace,
) -> Result<Vec<KwicLine>, Cancelled> {
    let mut lines = concordance_paced(engine, &scope.compiled, &scope.matching, pace).await?;
    sort_lines_paced(&mut lines, sort, pace).await?;
    Ok(lines)
}

/// One page of concordance lines, cut to the context width.
pub fn concordance_page(engine: &Engine, lines: &[KwicLine], a: &Analysis) -> ConcordancePage {
    let mut seen = vec![false; engine.corpus.documents.len()];
    let documents = lines.iter().filter(|l| !std::mem::replace(&mut seen[l.doc], true)).count();
    let lines = Page::new(lines.len(), a.page, |range| {
        lines[range]
            .iter()
            .map(|l| {
                let c = l.context(engine, usize::from(a.width));
                KwicRow {
                    doc: doc_ref(engine, l.doc),
                    hit: l.hit,
                    left: c.left.to_owned(),
                    keyword: c.keyword.to_owned(),
                    right: c.right.to_owned(),
                }
            })
            .collect()
    });
    ConcordancePage { lines, documents }
}

/// The stop list of the settings.
pub fn stop_list(a: &Analysis) -> StopList {
    StopList::new(&a.stop_add, &a.stop_del)
}

/// The word list of the allowed documents (every word, by count).
pub fn word_list(engine: &Engine, allowed: &[usize], a: &Analysis) -> WordList {
    wordlist(engine, allowed, a.unit, &stop_list(a))
}

/// The word-list rows shown: stopwords hidden unless asked for, the filter applied, in the
/// chosen order.
pub fn word_rows(list: &WordList, a: &Analysis) -> Vec<WordRow> {
    let filter = fold(a.words_filter.trim());
    let mut rows: Vec<WordRow> = list
        .rows
        .iter()
        .filter(|r| a.show_stopwords || !r.stopword)
        .filter(|r| filter.is_empty() || r.word.contains(&filter))
        .cloned()
        .collect();
    sort_words(&mut rows, a.words_sort);
    rows
}

/// One page of the word list.
pub fn words_page(list: &WordList, rows: &[WordRow], documents: usize, a: &Analysis) -> WordsPage {
    WordsPage {
        words: Page::new(rows.len(), a.page, |range| rows[range].to_vec()),
        tokens: list.total_tokens,
        documents,
        type_token_ratio: list.type_token_ratio,
        stop_words: a.stop_words(),
    }
}

/// The keyness target in effect: the settings', else the open document, else the first
/// allowed document.
pub fn effective_target(engine: &Engine, allowed: &[usize], a: &Analysis, open_doc: Option<&str>) -> Option<Target> {
    a.target.clone().or_else(|| {
        open_doc
            .map(|id| Target::Doc(id.to_owned()))
            .or_else(|| allowed.first().map(|&d| Target::Doc(engine.corpus.documents[d].id.clone())))
    })
}

/// The keyness of the target against the other allowed documents, and the target's size.
pub fn keyness_of(engine: &Engine, allowed: &[usize], target: Option<&Target>, a: &Analysis) -> (usize, Keyness) {
    let t = target.map(|t| target_docs(engine, allowed, t)).unwrap_or_default();
    (t.len(), keyness(engine, &t, allowed, a.unit, u64::from(a.min_freq)))
}

/// What the distinctive-words view shows.
pub fn keyness_data(
    engine: &Engine,
    allowed: &[usize],
    target: Option<Target>,
    (target_size, k): &(usize, Keyness),
) -> KeynessData {
    let shown = |dir: Direction| {
        k.rows.iter().filter(|r| r.direction == dir && r.p05).take(KEYNESS_SHOWN).cloned().collect::<Vec<_>>()
    };
    KeynessData {
        target,
        target_size: Size { docs: *target_size, tokens: k.target_tokens },
        reference_size: Size { docs: allowed.len().saturating_sub(*target_size), tokens: k.reference_tokens },
        tested: k.rows.len(),
        over: shown(Direction::Over),
        under: shown(Direction::Under),
        choices: allowed.iter().map(|&d| doc_ref(engine, d)).collect(),
    }
}

/// The collocates of the scope's query, in the chosen order (stopwords included).
pub fn collocates_of(engine: &Engine, scope: &Scope, a: &Analysis) -> Collocates {
    finish(collocates_of_paced(engine, scope, a, &mut Unpaced))
}

/// [`collocates_of`], telling `pace` how far it has got.
pub async fn collocates_of_paced(
    engine: &Engine,
    scope: &Scope,
    a: &Analysis,
    pace: &mut impl Pace,
) -> Result<Collocates, Cancelled> {
    let window = (usize::from(a.left), usize::from(a.right));
    let stop = stop_list(a);
    let mut c = collocates_paced(engine, &scope.compiled, &scope.matching, window, a.min_freq, &stop, pace).await?;
    sort_collocates(&mut c.rows, a.coll_sort);
    Ok(c)
}

/// One page of the collocates.
pub fn collocates_page(c: &Collocates, a: &Analysis) -> CollocatesPage {
    let rows: Vec<_> = c.rows.iter().filter(|r| a.show_stopwords || !r.stopword).collect();
    CollocatesPage {
        collocates: Page::new(rows.len(), a.page, |range| rows[range].iter().map(|r| (*r).clone()).collect()),
        node_hits: c.f_node,
        tokens: c.n,
    }
}

/// Each term compiled as a finished query (its last word is not a prefix unless it ends in `*`).
pub fn compile_terms(engine: &Engine, terms: &[String]) -> Vec<Compiled> {
    terms.iter().map(|t| compile(engine, &format!("{t} "))).collect()
}

/// The distribution of each term over the allowed documents.
pub fn distribution(engine: &Engine, allowed: &[usize], terms: &[String]) -> Vec<Series> {
    let series = dispersion(engine, &compile_terms(engine, terms), allowed);
    terms
        .iter()
        .zip(series)
        .map(|(term, s)| Series {
            term: term.clone(),
            hits: s.total_hits,
            dp: s.dp,
            dp_norm: s.dp_norm,
            docs: s
                .docs
                .into_iter()
                .map(|d| DocDistribution {
                    doc: doc_ref(engine, d.doc),
                    words: d.words,
                    hits: d.hits,
                    per_10k: d.per_10k,
                    positions: d.positions,
                })
                .collect(),
        })
        .collect()
}

/// The trend points of the allowed documents, oldest first.
pub fn trend_points(engine: &Engine, allowed: &[usize], terms: &[String]) -> Vec<TrendPoint> {
    trends(engine, &compile_terms(engine, terms), allowed)
        .into_iter()
        .map(|r| TrendPoint {
            doc: doc_ref(engine, r.doc),
            date: r.date,
            per_10k: r.per_10k,
            hits: r.hits,
            words: r.words,
        })
        .collect()
}
