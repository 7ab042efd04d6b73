//! View recipes: what each view shows for a state, as functions of the engine and the state.
//! The [`super::Service`] calls them (keeping the costly unpaged results between requests);
//! the bench calls them to time the views as the app computes them.

use super::{
    CollocatesPage, CompareData, ConcordancePage, DocDistribution, DocFigures, DocRef, DocSummary, DocumentView,
    KeynessData, KwicRow, NgramsPage, Page, ResultItem, SearchPage, SearchRequest, Series, Side, Size, SummaryData,
    TermComparison, TrendPoint, WordsPage,
};
use crate::analysis::cloud::{layout, Cloud};
use crate::analysis::collocates::{collocates_paced, sort_collocates, Collocates};
use crate::analysis::compare::{term_rates, Comparison};
use crate::analysis::concordance::{concordance_paced, sort_lines_paced, KwicLine, KwicSort};
use crate::analysis::dispersion::dispersion;
use crate::analysis::keyness::{keyness, Direction, Keyness};
use crate::analysis::ngrams::{NgramOptions, Ngrams};
use crate::analysis::summary::{Summary, MATTR_WINDOW};
use crate::analysis::trends::trends;
use crate::analysis::wordlist::{sort_words, wordlist, WordList, WordRow};
use crate::analysis::{allowed_docs, compile, compile_as, doc_mask, target_docs, StopList};
use crate::engine::Engine;
use crate::facets::Filters;
use crate::highlight;
use crate::matching::Matching;
use crate::normalize::fold;
use crate::pace::{finish, Cancelled, Pace, Unpaced};
use crate::search::{matching_docs, search, sort_hits, Compiled, SearchOutcome, Sort};
use crate::snippet::{self, SNIPPET_CHARS};
use crate::view_state::{Analysis, Target};

/// Rows shown in each of the distinctive words' tables (the download has them all).
pub const KEYNESS_SHOWN: usize = 50;
/// Concordance lines of the term shown for each side of the comparison.
pub const COMPARE_LINES: usize = 25;
/// Words in a cloud at most.
pub const CLOUD_WORDS: usize = 100;
/// The cloud's box, in SVG units (its `viewBox`; the page scales it to the screen).
pub const CLOUD_BOX: (f32, f32) = (960.0, 540.0);

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

/// The scope of an analysis view: the query compiled as the view matches words (`match`), read
/// as finished (its last word is not a prefix unless it ends in `*`), the documents the filters
/// allow, and those of them the query matches.
pub fn analysis_scope(engine: &Engine, query: &str, filters: &Filters, matching: Matching) -> Scope {
    let compiled = compile_as(engine, query, matching);
    let allowed = allowed_docs(engine, filters);
    let matching = if compiled.is_empty() {
        Vec::new()
    } else {
        let mask = doc_mask(&engine.index, &allowed);
        matching_docs(engine, &compiled).into_iter().filter(|&d| mask[d]).collect()
    };
    Scope { compiled, allowed, matching }
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
        notes: outcome.query.notes.iter().cloned().chain(compiled.cap_notes()).collect(),
        corrections: outcome.compiled.corrections.clone(),
        ignored: outcome.compiled.ignored.clone(),
        did_you_mean: outcome.did_you_mean.clone(),
        took_ms: 0.0,
    }
}

/// A document for the reader with the hits of `query` marked — as the search reads it, or as an
/// analysis view matches words (`matching`), so that a concordance line's hit number is the
/// reader's; `None` for an unknown id.
pub fn document(engine: &Engine, id: &str, query: &str, matching: Option<Matching>) -> Option<DocumentView> {
    let d = engine.corpus.position(id)?;
    let doc = &engine.corpus.documents[d];
    let compiled = match matching {
        None => compile(engine, query),
        Some(m) => compile_as(engine, query, m),
    };
    let marks = highlight::document(&engine.index, &compiled, d, doc);
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
    let lines = Page::new(lines.len(), a.page, |range| kwic_rows(engine, &lines[range], a.width));
    ConcordancePage { lines, documents }
}

/// Concordance rows of some lines, cut to the context width (each with the number of its hit
/// in its document, which the reader marks when it matches words as the view does).
pub fn kwic_rows(engine: &Engine, lines: &[KwicLine], width: u8) -> Vec<KwicRow> {
    lines
        .iter()
        .map(|l| {
            let c = l.context(engine, usize::from(width));
            KwicRow {
                doc: doc_ref(engine, l.doc),
                hit: l.hit,
                left: c.left.to_owned(),
                keyword: c.keyword.to_owned(),
                right: c.right.to_owned(),
            }
        })
        .collect()
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

/// One page of the word list (and its cloud, when asked for).
pub fn words_page(list: &WordList, rows: &[WordRow], documents: usize, a: &Analysis) -> WordsPage {
    WordsPage {
        words: Page::new(rows.len(), a.page, |range| rows[range].to_vec()),
        tokens: list.total_tokens,
        documents,
        type_token_ratio: list.type_token_ratio,
        stop_words: a.stop_words(),
        cloud: a.cloud.then(|| words_cloud(rows)),
    }
}

/// The cloud of the [`CLOUD_WORDS`] most frequent of the rows shown (stopwords hidden unless
/// shown, the filter applied), whatever their order in the table.
pub fn words_cloud(rows: &[WordRow]) -> Cloud {
    let mut top: Vec<&WordRow> = rows.iter().collect();
    crate::sort::sort_by(&mut top, |x, y| y.count.cmp(&x.count).then_with(|| x.word.cmp(&y.word)));
    let words: Vec<(String, u64, u8)> = top.iter().take(CLOUD_WORDS).map(|r| (r.word.clone(), r.count, 0)).collect();
    layout(&words, CLOUD_BOX.0, CLOUD_BOX.1)
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

/// Each term compiled as a finished query (its last word is not a prefix unless it ends in
/// `*`), its words matched as `matching` says.
pub fn compile_terms(engine: &Engine, terms: &[String], matching: Matching) -> Vec<Compiled> {
    terms.iter().map(|t| compile_as(engine, t, matching)).collect()
}

/// What the page should say about how the terms were read (a wildcard's cap).
pub fn term_notes(compiled: &[Compiled]) -> Vec<String> {
    compiled.iter().flat_map(Compiled::cap_notes).collect()
}

/// The distribution of each term (`compiled`: the terms as [`compile_terms`] gives them) over
/// the allowed documents.
pub fn distribution(engine: &Engine, allowed: &[usize], terms: &[String], compiled: &[Compiled]) -> Vec<Series> {
    let series = dispersion(engine, compiled, allowed);
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

/// The trend points of the allowed documents for the compiled terms, oldest first.
pub fn trend_points(engine: &Engine, allowed: &[usize], compiled: &[Compiled]) -> Vec<TrendPoint> {
    trends(engine, compiled, allowed)
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

/// The documents of the comparison's two sides.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sides {
    /// Side A's documents, ascending.
    pub a: Vec<usize>,
    /// Side B's documents, ascending (the allowed documents not in A when `b` is empty).
    pub b: Vec<usize>,
    /// How A's selection was read.
    pub a_notes: Vec<String>,
    /// How B's selection was read.
    pub b_notes: Vec<String>,
}

/// The allowed documents a selection (`outlet:rt`, `kind:news -putin`) matches, ascending,
/// searched as a finished query, and what the page should say about how it was read.
pub fn selection(engine: &Engine, expr: &str, filters: &Filters) -> (Vec<usize>, Vec<String>) {
    let outcome = search(engine, &format!("{expr} "), filters, Sort::Relevance);
    let mut docs: Vec<usize> = outcome.hits.iter().map(|h| h.doc).collect();
    docs.sort_unstable();
    let mut notes = outcome.query.notes.clone();
    notes.extend(outcome.compiled.corrections.iter().map(|(typed, found)| format!("“{typed}” was read as “{found}”.")));
    notes.extend(outcome.compiled.cap_notes());
    (docs, notes)
}

/// The documents of both sides (`None` when side A is not chosen): B is its selection, or the
/// allowed documents not in A when `b` is empty.
pub fn sides(engine: &Engine, allowed: &[usize], a: &Analysis, filters: &Filters) -> Option<Sides> {
    if a.side_a.trim().is_empty() {
        return None;
    }
    let (a_docs, a_notes) = selection(engine, &a.side_a, filters);
    let (b_docs, b_notes) = if a.side_b.trim().is_empty() {
        let in_a = doc_mask(&engine.index, &a_docs);
        (allowed.iter().copied().filter(|&d| !in_a[d]).collect(), Vec::new())
    } else {
        selection(engine, &a.side_b, filters)
    };
    Some(Sides { a: a_docs, b: b_docs, a_notes, b_notes })
}

/// The comparison of the two sides' words.
pub fn comparison(engine: &Engine, sides: &Sides, a: &Analysis) -> Comparison {
    crate::analysis::compare::compare(engine, &sides.a, &sides.b, a.unit, u64::from(a.min_freq))
}

/// What the comparison view shows: both sides' sizes, the first rows of each table, the term
/// (as typed and compiled; the first of the terms in effect) in both sides (rates and the
/// first concordance lines), and the cloud.
pub async fn compare_data_paced(
    engine: &Engine,
    sides: &Sides,
    c: &Comparison,
    a: &Analysis,
    term: Option<(String, &Compiled)>,
    pace: &mut impl Pace,
) -> Result<CompareData, Cancelled> {
    let in_b = doc_mask(&engine.index, &sides.b);
    let overlap = sides.a.iter().filter(|&&d| in_b[d]).count();
    let shown = |rows: &[crate::analysis::compare::CompareRow]| rows.iter().take(KEYNESS_SHOWN).cloned().collect();
    let term = match term {
        None => None,
        Some((term, compiled)) => {
            if compiled.is_empty() {
                None
            } else {
                let mut side_lines = Vec::new();
                for docs in [&sides.a, &sides.b] {
                    let mut lines = concordance_paced(engine, compiled, docs, pace).await?;
                    lines.truncate(COMPARE_LINES);
                    side_lines.push(kwic_rows(engine, &lines, a.width));
                }
                let b_lines = side_lines.pop().unwrap_or_default();
                let a_lines = side_lines.pop().unwrap_or_default();
                Some(TermComparison { rates: term_rates(engine, compiled, &sides.a, &sides.b), term, a_lines, b_lines })
            }
        }
    };
    let cloud = a.cloud.then(|| {
        let half = CLOUD_WORDS / 2;
        let words: Vec<(String, u64, u8)> = (c.more_in_a.iter().take(half).map(|r| (r.word.clone(), r.a, 0)))
            .chain(c.more_in_b.iter().take(half).map(|r| (r.word.clone(), r.b, 1)))
            .collect();
        layout(&words, CLOUD_BOX.0, CLOUD_BOX.1)
    });
    Ok(CompareData {
        a: Side {
            expr: a.side_a.clone(),
            size: Size { docs: c.a_docs, tokens: c.a_tokens },
            notes: sides.a_notes.clone(),
        },
        b: Side {
            expr: a.side_b.clone(),
            size: Size { docs: c.b_docs, tokens: c.b_tokens },
            notes: sides.b_notes.clone(),
        },
        overlap,
        tested: c.tested,
        more_in_a: shown(&c.more_in_a),
        more_in_b: shown(&c.more_in_b),
        lockwords: shown(&c.lockwords),
        term,
        cloud,
    })
}

/// Above this many tokens, every n-gram is not listed down to a single occurrence: that is
/// about one row per token (13.6 million rows and 1.5 GB for the trigrams of a 15-million-token
/// corpus, measured natively), more than a browser tab holds.
pub const NGRAM_SINGLES_TOKENS: u64 = 1_000_000;

/// The n-gram settings of a view over the allowed documents, the query's words an n-gram must
/// contain (`nquery=1` with a query) as the view matches them, and a note when the minimum
/// was raised (see [`NGRAM_SINGLES_TOKENS`]).
pub fn ngram_options(
    engine: &Engine,
    allowed: &[usize],
    query: &str,
    a: &Analysis,
) -> (NgramOptions, Vec<String>, Option<String>) {
    let containing =
        (a.ngram_query && !query.trim().is_empty()).then(|| compile_as(engine, query, a.matching).term_ids());
    let words = containing.iter().flatten().map(|&t| engine.index.term(t).to_owned()).collect();
    let mut min_freq = u64::from(a.min_freq);
    let mut note = None;
    if min_freq < 2 && containing.is_none() {
        let tokens = crate::analysis::total_tokens(&engine.index, allowed);
        if tokens > NGRAM_SINGLES_TOKENS {
            min_freq = 2;
            note = Some(format!(
                "These documents have {} tokens: sequences are listed from 2 occurrences (every single one would be about a row per token). Keep only those with the query's words to see them all.",
                crate::numbers::group_digits(tokens as usize)
            ));
        }
    }
    let options = NgramOptions { n: usize::from(a.n), min_freq, containing, drop_stop_edges: a.ngram_drop_stop };
    (options, words, note)
}

/// One page of the n-grams.
pub fn ngrams_page(ng: &Ngrams, containing: Vec<String>, a: &Analysis) -> NgramsPage {
    NgramsPage {
        ngrams: Page::new(ng.rows.len(), a.page, |range| ng.rows[range].to_vec()),
        n: ng.n,
        tokens: ng.tokens,
        distinct: ng.distinct,
        containing,
    }
}

/// What the overview shows: the figures, and one page of the documents.
pub fn summary_data(engine: &Engine, s: &Summary, a: &Analysis) -> SummaryData {
    let figures = |&(d, tokens): &(usize, u32)| DocFigures { doc: doc_ref(engine, d), tokens, distinctive: Vec::new() };
    let documents = Page::new(s.distinctive.len(), a.page, |range| {
        s.distinctive[range]
            .iter()
            .map(|(d, words)| DocFigures {
                doc: doc_ref(engine, *d),
                tokens: engine.index.doc_tokens(*d),
                distinctive: words.clone(),
            })
            .collect()
    });
    SummaryData {
        docs: s.docs,
        tokens: s.tokens,
        types: s.types,
        ttr: s.ttr,
        mattr: s.mattr,
        mattr_window: MATTR_WINDOW,
        mattr_docs: s.mattr_docs,
        sentences: s.sentences,
        mean_sentence: s.mean_sentence,
        longest: s.longest.iter().map(figures).collect(),
        shortest: s.shortest.iter().map(figures).collect(),
        top_words: s.top_words.clone(),
        documents,
    }
}
