//! Ranked search: a parsed query evaluated over the index, scored with BM25F, filtered by facets.
//!
//! For a query word or phrase `t` and document `d`, the field-weighted term frequency is
//!
//! ```text
//! tf~(t,d) = Σ_f  w_f · tf_f(t,d) / (1 − b + b · len_f(d) / avglen_f)
//! ```
//!
//! over the fields title (`w = 3`) and body (`w = 1`), where `tf_f` counts the
//! occurrences of every term the word expands to (see [`Index::expand`]), each
//! times its weight (or the phrase's occurrences). The score is
//!
//! ```text
//! score(d) = Σ_t  idf(t) · tf~ · (k1 + 1) / (k1 + tf~),   idf(t) = ln(1 + (N − df + 0.5) / (df + 0.5))
//! ```
//!
//! with `k1 = 1.2`, `b = 0.75`, `N` the number of documents and `df` the number
//! of documents containing `t`, summed over the words and phrases a document
//! matches. A word with no match at all falls back to close spellings
//! ([`Index::fuzzy`]); a document that needs such a fallback ranks below every
//! document that does not, whatever the scores. Common words (stopwords) are
//! ignored beside other words. Ties, and the empty query, order by date, newest first.
//!
//! A wildcard pattern (`*ism`, `wom?n`) counts the terms it matches ([`Index::wildcard`]), at
//! most [`MAX_WILDCARD_TERMS`], the most frequent ([`Compiled::capped`] says when some were
//! left out), and never falls back to close spellings. The analysis views may match words as
//! written instead of by stem ([`Compiled::with_matching`], [`Matching::Form`]).

pub use crate::engine::Engine;
use crate::facets::{FacetCounts, Filters};
use crate::fuzzy::max_edits;
use crate::index::{Expansion, Index, BODY, FIELDS, MAX_WILDCARD_TERMS, TITLE};
use crate::matching::{Glob, Matching};
use crate::normalize::fold;
use crate::numbers::group_digits;
use crate::query::{self, MetaField, Node, Query, TextField, Word};
use crate::stopwords::is_stopword;
use crate::tokenize::for_each_word;
use std::cmp::Ordering;

/// BM25 term-frequency saturation.
pub const K1: f32 = 1.2;
/// BM25 length normalisation.
pub const B: f32 = 0.75;
/// Weight of each field (title, body).
pub const FIELD_WEIGHTS: [f32; FIELDS] = [3.0, 1.0];

/// How results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, serde::Serialize, serde::Deserialize)]
pub enum Sort {
    /// Best match first (the empty query: newest first).
    #[default]
    Relevance,
    /// Newest first.
    Newest,
    /// Oldest first.
    Oldest,
    /// By title, A to Z.
    Title,
}

impl Sort {
    /// All orders, as offered to a person.
    pub const ALL: [Sort; 4] = [Sort::Relevance, Sort::Newest, Sort::Oldest, Sort::Title];

    /// The URL value.
    pub fn key(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
            Sort::Title => "title",
        }
    }

    /// The order named by a URL value.
    pub fn from_key(key: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// One matching document and its score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// Document number.
    pub doc: usize,
    /// BM25F score (0 for the empty query).
    pub score: f32,
    /// Number of query words this document matched only through close spellings.
    pub fuzzy: u16,
}

/// A word or phrase whose occurrences are marked (not one under `NOT`).
#[derive(Debug, Clone, PartialEq)]
struct Marked {
    /// For each word of the phrase (one for a word), the terms it matches.
    words: Vec<Vec<Expansion>>,
    /// Title only, or anywhere.
    field: TextField,
}

#[derive(Debug, Clone, PartialEq)]
enum Plan {
    /// Leaf `i` (index into `Compiled::leaves`).
    Leaf(usize),
    And(Vec<Plan>),
    Or(Vec<Plan>),
    Not(Box<Plan>),
}

#[derive(Debug, Clone, PartialEq)]
enum Leaf {
    /// A word or phrase, with whether its terms are only close spellings.
    Text {
        marked: Marked,
        fuzzy: bool,
        negated: bool,
    },
    Meta(MetaField, Vec<Word>),
    Year(u16, u16),
}

/// A query resolved against the index: what each word matches, ready to evaluate and highlight.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Compiled {
    leaves: Vec<Leaf>,
    plan: Option<Plan>,
    /// Misspelt words and the close spelling they were matched by (`gorbachov` → `gorbachev`).
    pub corrections: Vec<(String, String)>,
    /// Stopwords that were left out.
    pub ignored: Vec<String>,
    /// Wildcard patterns that matched more than [`MAX_WILDCARD_TERMS`] words, of which only the
    /// most frequent are matched (each pattern once, in query order; see [`Compiled::cap_notes`]).
    pub capped: Vec<WildcardCap>,
}

/// A wildcard pattern that matched too many words: only the `used` most frequent of its
/// `matched` words are searched and counted (see [`Index::wildcard`]).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct WildcardCap {
    /// The pattern as typed, folded (`*a*`; a forced prefix matched as a form: `stalin*`).
    pub pattern: String,
    /// How many words of the corpus it matches.
    pub matched: usize,
    /// How many of them are used (the most frequent, [`MAX_WILDCARD_TERMS`]).
    pub used: usize,
}

/// Everything a search produces for the results page.
#[derive(Debug, Clone)]
pub struct SearchOutcome {
    /// The parsed query (with its notes).
    pub query: Query,
    /// The query resolved against the index (for snippets and highlights).
    pub compiled: Compiled,
    /// Matching documents that pass the filters, in the requested order.
    pub hits: Vec<Hit>,
    /// Number of documents that match the query, whatever the filters.
    pub query_matches: usize,
    /// Counts for every facet value.
    pub facets: Vec<FacetCounts>,
    /// A corrected query that would find something, when this one finds nothing.
    pub did_you_mean: Option<String>,
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

/// Per document: `None` (no match) or the score and the number of fuzzy-only words.
type Matches = Vec<Option<(f32, u16)>>;

impl Compiled {
    /// Resolves a parsed query against an index, as the search does: [`Matching::Stem`].
    pub fn new(index: &Index, query: &Query) -> Compiled {
        Compiled::with_matching(index, query, Matching::Stem)
    }

    /// Resolves a parsed query against an index, matching its words as `matching` says.
    ///
    /// [`Matching::Stem`] is the search's reading ([`Index::expand`]): a word matches every
    /// form of its stem, a word still being typed is a prefix, and a word with no match at
    /// all falls back to close spellings. [`Matching::Form`] matches each word (alone, in a
    /// phrase or in `title:`) only as written, folded: the term equal to it and its
    /// possessive (`stalin` matches `Stalin` and `Stalin’s`, not `Stalinism`), no stem
    /// family, no close spellings (a word the corpus lacks matches nothing), and a prefix
    /// only when forced with `*` (`stalin*`, matched as the pattern `stalin*`, so capped at
    /// [`MAX_WILDCARD_TERMS`] with a note). In both, a wildcard pattern matches the words
    /// [`Index::wildcard`] gives, capped at [`MAX_WILDCARD_TERMS`] (recorded in `capped`).
    pub fn with_matching(index: &Index, query: &Query, matching: Matching) -> Compiled {
        let mut c = Compiled::default();
        let mut ignored = Vec::new();
        let root = query.root.as_ref().map(|n| drop_stopwords(n, &mut ignored));
        c.ignored = ignored;
        c.plan = root.map(|n| c.compile(index, &n, false, matching));
        c
    }

    fn compile(&mut self, index: &Index, node: &Node, negated: bool, matching: Matching) -> Plan {
        match node {
            Node::Term(w, field) => {
                let mut words = vec![self.word_terms(index, w, matching)];
                let mut fuzzy = false;
                if words[0].is_empty() && matching == Matching::Stem && !w.is_pattern() {
                    words[0] = index.fuzzy(&w.text);
                    fuzzy = !words[0].is_empty();
                    if let Some(best) = words[0].iter().max_by_key(|e| index.postings(e.term).len()) {
                        self.corrections.push((w.text.clone(), index.term(best.term).to_owned()));
                    }
                }
                self.leaf(Leaf::Text { marked: Marked { words, field: *field }, fuzzy, negated })
            }
            Node::Phrase(ws, field) => {
                let words = ws.iter().map(|w| self.word_terms(index, w, matching)).collect();
                self.leaf(Leaf::Text { marked: Marked { words, field: *field }, fuzzy: false, negated })
            }
            Node::Meta(f, ws) => self.leaf(Leaf::Meta(*f, ws.clone())),
            Node::Year(a, b) => self.leaf(Leaf::Year(*a, *b)),
            Node::And(c) => Plan::And(c.iter().map(|n| self.compile(index, n, negated, matching)).collect()),
            Node::Or(c) => Plan::Or(c.iter().map(|n| self.compile(index, n, negated, matching)).collect()),
            Node::Not(c) => Plan::Not(Box::new(self.compile(index, c, !negated, matching))),
        }
    }

    /// The terms one word matches (before any close-spelling fallback), noting a capped pattern.
    fn word_terms(&mut self, index: &Index, w: &Word, matching: Matching) -> Vec<Expansion> {
        let pattern = match matching {
            _ if w.is_pattern() => w.text.clone(),
            Matching::Form if w.forced => format!("{}{}", w.text, crate::matching::ANY),
            Matching::Form => return form_terms(index, &w.text),
            Matching::Stem => return index.expand(w),
        };
        let found = index.wildcard(&pattern, MAX_WILDCARD_TERMS);
        if found.matched > found.terms.len() && !self.capped.iter().any(|c| c.pattern == pattern) {
            self.capped.push(WildcardCap { pattern, matched: found.matched, used: found.terms.len() });
        }
        found.terms.into_iter().map(|term| Expansion { term, weight: 1.0 }).collect()
    }

    /// One plain sentence for each capped pattern, for the page to show
    /// (“*a*” matches 5,120 words; the 200 most frequent are counted.).
    pub fn cap_notes(&self) -> Vec<String> {
        self.capped
            .iter()
            .map(|c| {
                format!(
                    "“{}” matches {} words; the {} most frequent are counted.",
                    c.pattern,
                    group_digits(c.matched),
                    group_digits(c.used)
                )
            })
            .collect()
    }

    /// The term numbers the query's words and phrases match, sorted and without duplicates:
    /// those of every word and phrase that is not negated (`-putin`'s terms are left out).
    pub fn term_ids(&self) -> Vec<u32> {
        let mut ids: Vec<u32> = self
            .leaves
            .iter()
            .filter_map(|leaf| match leaf {
                Leaf::Text { marked, negated: false, .. } => Some(marked),
                _ => None,
            })
            .flat_map(|m| m.words.iter().flatten().map(|e| e.term))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    fn leaf(&mut self, leaf: Leaf) -> Plan {
        self.leaves.push(leaf);
        Plan::Leaf(self.leaves.len() - 1)
    }

    /// True when the query matches every document (nothing to mark).
    pub fn is_empty(&self) -> bool {
        self.plan.is_none()
    }

    /// Evaluates the query: for every document, whether it matches and how well.
    fn evaluate(&self, engine: &Engine) -> Matches {
        let n = engine.index.doc_count();
        match &self.plan {
            None => vec![Some((0.0, 0)); n],
            Some(p) => self.eval(engine, p),
        }
    }

    fn eval(&self, engine: &Engine, plan: &Plan) -> Matches {
        let n = engine.index.doc_count();
        match plan {
            Plan::Leaf(i) => self.eval_leaf(engine, &self.leaves[*i]),
            Plan::And(children) => {
                let mut acc: Matches = vec![Some((0.0, 0)); n];
                for c in children {
                    let m = self.eval(engine, c);
                    for (a, b) in acc.iter_mut().zip(m) {
                        *a = match (*a, b) {
                            (Some((s1, f1)), Some((s2, f2))) => Some((s1 + s2, f1 + f2)),
                            _ => None,
                        };
                    }
                }
                acc
            }
            Plan::Or(children) => {
                let mut acc: Matches = vec![None; n];
                for c in children {
                    let m = self.eval(engine, c);
                    for (a, b) in acc.iter_mut().zip(m) {
                        *a = match (*a, b) {
                            (Some((s1, f1)), Some((s2, f2))) => Some((s1 + s2, f1.min(f2))),
                            (x, None) => x,
                            (None, y) => y,
                        };
                    }
                }
                acc
            }
            Plan::Not(c) => {
                self.eval(engine, c).into_iter().map(|m| if m.is_some() { None } else { Some((0.0, 0)) }).collect()
            }
        }
    }

    fn eval_leaf(&self, engine: &Engine, leaf: &Leaf) -> Matches {
        let index = &engine.index;
        let n = index.doc_count();
        match leaf {
            Leaf::Text { marked, fuzzy, .. } => {
                let tf = occurrences(index, marked);
                let df = tf.iter().filter(|t| t.is_some()).count();
                let w_idf = idf(n, df);
                let avg = index.avg_len();
                tf.into_iter()
                    .enumerate()
                    .map(|(d, t)| t.map(|t| (term_score(t, index.field_len(d), avg, w_idf), u16::from(*fuzzy))))
                    .collect()
            }
            Leaf::Meta(field, words) => engine
                .corpus
                .documents
                .iter()
                .map(|doc| {
                    let values: Vec<&str> = match field {
                        MetaField::Outlet => doc.outlet.as_deref().into_iter().collect(),
                        MetaField::Author => doc.author.as_deref().into_iter().collect(),
                        MetaField::Kind => vec![doc.kind.as_str()],
                        MetaField::Person => doc.people.iter().map(String::as_str).collect(),
                    };
                    values.iter().any(|v| words_in(v, words)).then_some((0.0, 0))
                })
                .collect(),
            Leaf::Year(a, b) => engine
                .corpus
                .documents
                .iter()
                .map(|doc| doc.year().is_some_and(|y| (*a..=*b).contains(&y)).then_some((0.0, 0)))
                .collect(),
        }
    }

    /// The marked spans of a document: (first position, number of words, leaf), sorted and
    /// merged so that they never overlap.
    pub fn spans(&self, index: &Index, doc: usize) -> Vec<(u32, u32, usize)> {
        let mut spans = Vec::new();
        for (i, leaf) in self.leaves.iter().enumerate() {
            if let Leaf::Text { marked, negated: false, .. } = leaf {
                for (start, len) in occurrence_spans(index, marked, doc) {
                    spans.push((start, len, i));
                }
            }
        }
        // One word's occurrences come in order: sorting them anyway was a quarter of a search
        // for `the` (thousands of spans in each of the 50 documents shown).
        if !spans.is_sorted() {
            crate::sort::sort(&mut spans);
        }
        let mut merged: Vec<(u32, u32, usize)> = Vec::with_capacity(spans.len());
        for s in spans {
            match merged.last_mut() {
                Some(last) if s.0 < last.0 + last.1 => last.1 = last.1.max(s.0 + s.1 - last.0),
                _ => merged.push(s),
            }
        }
        merged
    }
}

/// True when the folded words of `value` contain `words` consecutively (the last may be a prefix,
/// any may be a wildcard pattern).
fn words_in(value: &str, words: &[Word]) -> bool {
    let mut tokens = Vec::new();
    for_each_word(value, |_, f| tokens.push(f.to_owned()));
    if words.is_empty() || tokens.len() < words.len() {
        return false;
    }
    tokens.windows(words.len()).any(|win| win.iter().zip(words).all(|(t, w)| word_matches(w, t)))
}

/// True when a folded metadata word `t` is what query word `w` asks for (as a prefix or a
/// wildcard pattern when it is one).
fn word_matches(w: &Word, t: &str) -> bool {
    if w.is_pattern() {
        Glob::new(&w.text).is_match(t)
    } else {
        t == w.text || (w.prefix && t.starts_with(&w.text))
    }
}

/// Leaves stopwords out of an AND (and a top-level word list) when other words remain.
fn drop_stopwords(node: &Node, ignored: &mut Vec<String>) -> Node {
    let is_stop = |n: &Node| matches!(n, Node::Term(w, TextField::Any) if !w.prefix && is_stopword(&w.text));
    match node {
        Node::And(children) => {
            let all_stop = children.iter().all(is_stop);
            let mut keep: Vec<Node> = Vec::new();
            for c in children {
                if !all_stop && is_stop(c) {
                    if let Node::Term(w, _) = c {
                        ignored.push(w.text.clone());
                    }
                } else {
                    keep.push(drop_stopwords(c, ignored));
                }
            }
            if keep.len() == 1 {
                keep.into_iter().next().expect("one child")
            } else {
                Node::And(keep)
            }
        }
        Node::Or(c) => Node::Or(c.iter().map(|n| drop_stopwords(n, ignored)).collect()),
        Node::Not(c) => Node::Not(Box::new(drop_stopwords(c, ignored))),
        other => other.clone(),
    }
}

/// Positions of all terms of one phrase word in a document, ascending.
fn word_positions(index: &Index, terms: &[Expansion], doc: u32) -> Vec<u32> {
    let mut out = Vec::new();
    let mut lists = 0;
    for e in terms {
        if let Some(p) = index.posting(e.term, doc) {
            out.extend_from_slice(index.positions(p));
            lists += 1;
        }
    }
    if lists > 1 {
        // Integers, so the standard library's unstable sort (one more compiled copy, 1.2 kB
        // of Wasm): the shared merge sort, through a `dyn` comparison, was half of a results
        // page for `the` (a prefix of 100 words, a thousand positions in each document shown):
        // 28 -> 22.5 ms natively on the 108 MB corpus.
        out.sort_unstable();
    }
    out
}

/// Per document, the weighted occurrences of a word or phrase in each field.
fn occurrences(index: &Index, marked: &Marked) -> Vec<Option<[f32; FIELDS]>> {
    let n = index.doc_count();
    let mut tf: Vec<Option<[f32; FIELDS]>> = vec![None; n];
    let title_only = marked.field == TextField::Title;
    if marked.words.len() == 1 {
        for e in &marked.words[0] {
            for p in index.postings(e.term) {
                let counts = [p.tf[TITLE] as f32, if title_only { 0.0 } else { p.tf[BODY] as f32 }];
                if counts == [0.0, 0.0] {
                    continue;
                }
                let slot = tf[p.doc as usize].get_or_insert([0.0; FIELDS]);
                slot[TITLE] += e.weight * counts[TITLE];
                slot[BODY] += e.weight * counts[BODY];
            }
        }
        return tf;
    }
    for doc in phrase_candidates(index, marked) {
        let spans = occurrence_spans(index, marked, doc as usize);
        if spans.is_empty() {
            continue;
        }
        let title_len = index.field_len(doc as usize)[TITLE];
        let in_title = spans.iter().filter(|s| s.0 < title_len).count() as f32;
        tf[doc as usize] = Some([in_title, spans.len() as f32 - in_title]);
    }
    tf
}

/// Documents that contain every word of a phrase (in any order).
fn phrase_candidates(index: &Index, marked: &Marked) -> Vec<u32> {
    let mut docs: Option<Vec<u32>> = None;
    for terms in &marked.words {
        let mut these: Vec<u32> = terms.iter().flat_map(|e| index.postings(e.term).iter().map(|p| p.doc)).collect();
        crate::sort::sort(&mut these);
        these.dedup();
        docs = Some(match docs {
            None => these,
            Some(prev) => prev.into_iter().filter(|d| these.binary_search(d).is_ok()).collect(),
        });
    }
    docs.unwrap_or_default()
}

/// The occurrences of a word or phrase in one document: (first position, number of words).
fn occurrence_spans(index: &Index, marked: &Marked, doc: usize) -> Vec<(u32, u32)> {
    let title_len = index.field_len(doc)[TITLE];
    let keep = |p: u32| marked.field == TextField::Any || p < title_len;
    let lists: Vec<Vec<u32>> = marked.words.iter().map(|t| word_positions(index, t, doc as u32)).collect();
    let Some(first) = lists.first() else { return Vec::new() };
    let len = lists.len() as u32;
    first
        .iter()
        .copied()
        .filter(|&p| keep(p))
        .filter(|&p| lists.iter().enumerate().skip(1).all(|(i, l)| l.binary_search(&(p + i as u32)).is_ok()))
        .map(|p| (p, len))
        .collect()
}

/// The term of a word as written and its possessive (`stalin`: `stalin`, `stalin's`, the
/// tokenizer folding `Stalin’s` to `stalin's`), those the corpus has, ascending.
fn form_terms(index: &Index, word: &str) -> Vec<Expansion> {
    let possessive = (!word.ends_with("'s")).then(|| format!("{word}'s"));
    let mut terms: Vec<u32> =
        std::iter::once(word).chain(possessive.as_deref()).filter_map(|t| index.lookup(t)).collect();
    terms.sort_unstable();
    terms.into_iter().map(|term| Expansion { term, weight: 1.0 }).collect()
}

/// The documents a compiled query matches, ascending (whatever the facet filters: the
/// caller narrows them).
pub fn matching_docs(engine: &Engine, compiled: &Compiled) -> Vec<usize> {
    compiled.evaluate(engine).iter().enumerate().filter_map(|(d, m)| m.map(|_| d)).collect()
}

/// Runs a query typed by a person, with filters, in the given order.
pub fn search(engine: &Engine, input: &str, filters: &Filters, sort: Sort) -> SearchOutcome {
    let query = query::parse(input);
    let compiled = Compiled::new(&engine.index, &query);
    let matches = compiled.evaluate(engine);
    let mut hits: Vec<Hit> =
        matches.iter().enumerate().filter_map(|(doc, m)| m.map(|(score, fuzzy)| Hit { doc, score, fuzzy })).collect();
    let matching: Vec<usize> = hits.iter().map(|h| h.doc).collect();
    let facets = engine.facets.counts(&matching, filters);
    hits.retain(|h| filters.passes_all(&engine.facets, h.doc));
    sort_hits(&mut hits, engine, sort);
    let did_you_mean =
        if matching.is_empty() && !query.is_empty() { did_you_mean(engine, input, &query) } else { None };
    SearchOutcome { query, compiled, hits, query_matches: matching.len(), facets, did_you_mean }
}

/// Orders hits (see [`Sort`]); ties end at the title, then the document id.
pub fn sort_hits(hits: &mut [Hit], engine: &Engine, sort: Sort) {
    let docs = &engine.corpus.documents;
    let by_date_desc = |a: &Hit, b: &Hit| docs[b.doc].date.cmp(&docs[a.doc].date);
    let by_title = |a: &Hit, b: &Hit| {
        fold(&docs[a.doc].title).cmp(&fold(&docs[b.doc].title)).then_with(|| docs[a.doc].id.cmp(&docs[b.doc].id))
    };
    // The standard library's sort here (the one sort on the way of every keystroke); the order
    // is total (ties end at the document id), so an unstable sort gives the same result.
    hits.sort_unstable_by(|a, b| match sort {
        Sort::Relevance => a
            .fuzzy
            .cmp(&b.fuzzy)
            .then_with(|| b.score.partial_cmp(&a.score).unwrap_or(Ordering::Equal))
            .then_with(|| by_date_desc(a, b))
            .then_with(|| by_title(a, b)),
        Sort::Newest => by_date_desc(a, b).then_with(|| by_title(a, b)),
        Sort::Oldest => by_date_desc(b, a).then_with(|| by_title(a, b)),
        Sort::Title => by_title(a, b),
    });
}

/// A version of the input with each unknown word replaced by its closest corpus word,
/// when that version finds something.
fn did_you_mean(engine: &Engine, input: &str, query: &Query) -> Option<String> {
    let mut out = input.to_owned();
    let mut changed = false;
    for w in query.words().into_iter().rev() {
        if w.is_pattern() {
            continue;
        }
        if engine.index.lookup(&w.text).is_some() || (w.prefix && !engine.index.completions(&w.text, 1).is_empty()) {
            continue;
        }
        let max = max_edits(w.text.chars().count()).max(1) + 1;
        if let Some(t) = engine.index.closest(&w.text, max.min(3)) {
            out.replace_range(w.span.clone(), engine.index.term(t));
            changed = true;
        }
    }
    if !changed {
        return None;
    }
    let q = query::parse(&out);
    let c = Compiled::new(&engine.index, &q);
    c.evaluate(engine).iter().any(Option::is_some).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facets::Facet;
    use crate::model::Corpus;
    use crate::model::Document;

    fn corpus(docs: &[(&str, &str, &str, &str)]) -> Corpus {
        Corpus::new(
            "t",
            docs.iter()
                .map(|(id, title, body, date)| Document {
                    outlet: Some(if id.starts_with('r') { "RT" } else { "Blog" }.into()),
                    date: Some(crate::PartialDate::parse(date).unwrap()),
                    kind: "news".into(),
                    ..Document::new(*id, *title, vec![body.to_string()])
                })
                .collect(),
        )
    }

    fn ids(engine: &Engine, q: &str) -> Vec<String> {
        search(engine, q, &Filters::default(), Sort::Relevance)
            .hits
            .iter()
            .map(|h| engine.corpus.documents[h.doc].id.clone())
            .collect()
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
        let out = search(&e, "lenin ", &Filters::default(), Sort::Relevance);
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
        let out = search(&e, "stalin", &f, Sort::Relevance);
        assert_eq!(out.hits.len(), 1);
        assert_eq!(out.query_matches, 2);
        let outlet = &out.facets[0].values;
        assert_eq!(outlet, &[("Blog".to_string(), 1), ("RT".to_string(), 1)]);
        let all = search(&e, "", &f, Sort::Relevance);
        assert_eq!(all.facets[0].values[1], ("RT".to_string(), 2));
    }

    fn seven() -> Engine {
        Engine::new(corpus(&[
            ("r1", "Union State", "The union, state of Russia and Belarus.", "2022-10"),
            ("r2", "Stalin and Lenin", "Stalin met Lenin. Gorbachev came later.", "2025-07-05"),
            ("b1", "The union", "A state\nunion state", "2021"),
            ("b2", "Trotsky", "Lenin and Trotsky led the revolution; the party", "1917"),
            ("b3", "Nothing", "about the weather and the sea", "2000"),
        ]))
    }

    fn multi(docs: &[(&str, &str, &str, &str)]) -> Corpus {
        let mut c = corpus(docs);
        for d in &mut c.documents {
            d.paragraphs = d.paragraphs[0].split('\n').map(str::to_owned).collect();
        }
        c
    }

    fn sorted(mut v: Vec<String>) -> Vec<String> {
        v.sort();
        v
    }

    #[test]
    fn or_and_not() {
        let e = seven();
        assert_eq!(sorted(ids(&e, "stalin OR trotsky ")), ["b2", "r2"]);
        assert_eq!(sorted(ids(&e, "lenin -trotsky ")), ["r2"]);
        assert_eq!(sorted(ids(&e, "lenin NOT stalin ")), ["b2"]);
        assert_eq!(sorted(ids(&e, "-lenin -union ")), ["b3"]);
        assert_eq!(sorted(ids(&e, "(stalin OR trotsky) -gorbachev ")), ["b2"]);
        assert_eq!(sorted(ids(&e, "lenin stalin OR trotsky ")), ["b2", "r2"]);
    }

    #[test]
    fn phrases_span_punctuation_but_not_paragraphs() {
        let e = Engine::new(multi(&[
            ("r1", "x", "The union, state of Russia", "2022"),
            ("b1", "y", "A union\nstate apart", "2021"),
            ("b2", "z", "state union", "2020"),
        ]));
        assert_eq!(ids(&e, "\"union state\""), ["r1"]);
        assert_eq!(ids(&e, "\"union sta*\""), ["r1"]);
        assert_eq!(sorted(ids(&e, "union state ")), ["b1", "b2", "r1"]);
    }

    #[test]
    fn phrase_highlights_only_phrase_occurrences() {
        let e = Engine::new(multi(&[("r1", "x", "union state, and a state union state", "2022")]));
        let out = search(&e, "\"union state\"", &Filters::default(), Sort::Relevance);
        // Title "x" is position 0; the body starts at 2: union 2, state 3, and 4, a 5, state 6, union 7, state 8.
        assert_eq!(out.compiled.spans(&e.index, 0), [(2, 2, 0), (7, 2, 0)]);
    }

    #[test]
    fn field_queries() {
        let e = seven();
        assert_eq!(ids(&e, "title:union "), ["r1", "b1"]); // equal scores: newest first
        assert_eq!(ids(&e, "title:\"union state\" "), ["r1"]);
        assert_eq!(sorted(ids(&e, "outlet:rt ")), ["r1", "r2"]);
        assert_eq!(sorted(ids(&e, "outlet:blo")), ["b1", "b2", "b3"]);
        assert_eq!(ids(&e, "outlet:rt lenin "), ["r2"]);
        assert_eq!(sorted(ids(&e, "year:2021..2022 ")), ["b1", "r1"]);
        assert_eq!(ids(&e, "year:1917 "), ["b2"]);
        assert_eq!(ids(&e, "kind:news year:..1999 "), ["b2"]);
        assert!(ids(&e, "author:nobody ").is_empty());
    }

    #[test]
    fn fuzzy_tiers() {
        let e = Engine::new(corpus(&[
            ("a", "x", "gorbachev spoke", "2020"),
            ("b", "y", "gorbachov spelled so in this text", "2021"),
            ("c", "z", "nothing here", "2022"),
        ]));
        // An exact match exists: no fallback, only the exact document.
        assert_eq!(ids(&e, "gorbachov "), ["b"]);
        // No exact match: close spellings are found.
        let e = Engine::new(corpus(&[("a", "x", "gorbachev spoke", "2020"), ("c", "z", "nothing here", "2022")]));
        let out = search(&e, "gorbachov", &Filters::default(), Sort::Relevance);
        assert_eq!(out.hits.len(), 1);
        assert_eq!(out.hits[0].fuzzy, 1);
        assert_eq!(out.compiled.corrections, [("gorbachov".to_string(), "gorbachev".to_string())]);
        // Exact matches rank above fuzzy ones whatever the scores.
        let e = Engine::new(corpus(&[
            ("a", "Lenin Lenin", "lenin lenin lenin spoke", "2020"),
            ("b", "y", "stalin and lenin", "2021"),
            ("c", "z", "stalin", "2022"),
        ]));
        let out = search(&e, "lenin OR stalni ", &Filters::default(), Sort::Relevance);
        let order: Vec<&str> = out.hits.iter().map(|h| e.corpus.documents[h.doc].id.as_str()).collect();
        assert_eq!(order[2], "c", "{order:?}");
    }

    #[test]
    fn stopwords_are_ignored_beside_other_words() {
        let e = seven();
        let out = search(&e, "the revolution ", &Filters::default(), Sort::Relevance);
        assert_eq!(out.compiled.ignored, ["the"]);
        assert_eq!(ids(&e, "the revolution "), ["b2"]);
        // Alone they are searched.
        assert_eq!(sorted(ids(&e, "the ")), ["b1", "b2", "b3", "r1"]);
        // In a phrase they count.
        assert!(ids(&e, "\"the party\"").contains(&"b2".to_string()));
    }

    #[test]
    fn sort_orders() {
        let e = seven();
        let by = |s: Sort| -> Vec<String> {
            search(&e, "", &Filters::default(), s).hits.iter().map(|h| e.corpus.documents[h.doc].id.clone()).collect()
        };
        assert_eq!(by(Sort::Newest), ["r2", "r1", "b1", "b3", "b2"]);
        assert_eq!(by(Sort::Oldest), ["b2", "b3", "b1", "r1", "r2"]);
        assert_eq!(by(Sort::Title), ["b3", "r2", "b1", "b2", "r1"]);
        assert_eq!(Sort::from_key("oldest"), Some(Sort::Oldest));
        assert_eq!(Sort::from_key("x"), None);
    }

    #[test]
    fn did_you_mean_when_nothing_is_found() {
        let e = seven();
        // A word within the typo tolerance is found without asking.
        assert_eq!(ids(&e, "trotsky lenni "), ["b2"]);
        let out = search(&e, "weathr sae ", &Filters::default(), Sort::Relevance);
        assert!(out.hits.is_empty());
        assert_eq!(out.did_you_mean.as_deref(), Some("weather sea "));
        assert!(search(&e, "zzzzzz ", &Filters::default(), Sort::Relevance).did_you_mean.is_none());
    }

    /// Every marked hit of a compiled query in every document.
    fn hits(e: &Engine, c: &Compiled) -> usize {
        (0..e.index.doc_count()).map(|d| c.spans(&e.index, d).len()).sum()
    }

    /// The words a compiled query marks, as they are written in the text.
    fn marked(e: &Engine, c: &Compiled) -> Vec<String> {
        let mut out = Vec::new();
        for (d, doc) in e.corpus.documents.iter().enumerate() {
            let h = crate::highlight::document(&e.index, c, d, doc);
            out.extend(h.title.iter().map(|r| doc.title[r.clone()].to_owned()));
            for (p, ranges) in doc.paragraphs.iter().zip(&h.paragraphs) {
                out.extend(ranges.iter().map(|r| p[r.clone()].to_owned()));
            }
        }
        out
    }

    fn compile_as(e: &Engine, text: &str, m: Matching) -> Compiled {
        crate::analysis::compile_as(e, text, m)
    }

    fn stalins() -> Engine {
        Engine::new(corpus(&[
            ("a", "Stalinism", "Stalin spoke. Stalin’s heirs praised Stalinism.", "2020"),
            ("b", "Stalingrad", "Stalingrad fell, and Stalinism fell.", "2021"),
            ("c", "Lenin", "Lenin and the union state.", "2022"),
        ]))
    }

    #[test]
    fn form_matches_the_word_and_its_possessive_only() {
        let e = stalins();
        let form = compile_as(&e, "stalin", Matching::Form);
        assert_eq!(marked(&e, &form), ["Stalin", "Stalin’s"]);
        assert_eq!(hits(&e, &form), 2);
        // Forced with `*`, a prefix: all four words.
        let prefix = compile_as(&e, "stalin*", Matching::Form);
        assert_eq!(
            marked(&e, &prefix),
            ["Stalinism", "Stalin", "Stalin’s", "Stalinism", "Stalingrad", "Stalingrad", "Stalinism"]
        );
        assert!(prefix.capped.is_empty());
        // The possessive asked for is that form alone; a word the corpus lacks matches nothing.
        assert_eq!(marked(&e, &compile_as(&e, "Stalin’s", Matching::Form)), ["Stalin’s"]);
        assert_eq!(hits(&e, &compile_as(&e, "stalins", Matching::Form)), 0);
        // No close spellings in form mode; the stem mode (the search's) still finds them.
        let typo = compile_as(&e, "stalni", Matching::Form);
        assert_eq!(hits(&e, &typo), 0);
        assert!(typo.corrections.is_empty());
        // (stalni → stalin and its stem's words: Stalin, Stalin's, Stalinism).
        assert_eq!(hits(&e, &compile_as(&e, "stalni", Matching::Stem)), 5);
    }

    #[test]
    fn stem_is_the_search_s_matching() {
        let e = stalins();
        for q in ["stalin", "stalin*", "stalni", "\"stalin heirs\"", "title:stalin", "lenin -stalin", "*ism"] {
            let parsed = query::parse(&format!("{q} "));
            assert_eq!(
                Compiled::with_matching(&e.index, &parsed, Matching::Stem),
                Compiled::new(&e.index, &parsed),
                "{q}"
            );
        }
        // Stalin, Stalin's and Stalinism share the stem; Stalingrad does not.
        let stem = compile_as(&e, "stalin", Matching::Stem);
        assert_eq!(marked(&e, &stem), ["Stalinism", "Stalin", "Stalin’s", "Stalinism", "Stalinism"]);
        // As the search marks it.
        let out = search(&e, "stalin ", &Filters::default(), Sort::Relevance);
        assert_eq!(marked(&e, &out.compiled), marked(&e, &stem));
    }

    #[test]
    fn form_phrases_and_titles() {
        let e = stalins();
        let m = |q: &str, mode| marked(&e, &compile_as(&e, q, mode));
        assert_eq!(m("\"stalin heirs\"", Matching::Form), ["Stalin’s heirs"]);
        assert_eq!(m("\"stalinism fell\"", Matching::Form), ["Stalinism fell"]);
        assert!(m("\"stalin fell\"", Matching::Form).is_empty());
        assert_eq!(m("\"stalin fell\"", Matching::Stem), ["Stalinism fell"]);
        assert_eq!(m("\"stalin* fell\"", Matching::Form), ["Stalingrad fell", "Stalinism fell"]);
        assert!(m("title:stalin", Matching::Form).is_empty());
        assert_eq!(m("title:stalin", Matching::Stem), ["Stalinism"]);
        assert_eq!(m("title:stalin*", Matching::Form), ["Stalinism", "Stalingrad"]);
        assert_eq!(m("title:*ism", Matching::Form), ["Stalinism"]);
    }

    /// `compile_as` reads the text as finished: its last word is no prefix (unlike `compile`).
    #[test]
    fn compile_as_is_finished_typing() {
        let e = stalins();
        assert_eq!(hits(&e, &compile_as(&e, "stali", Matching::Form)), 0);
        assert_eq!(hits(&e, &crate::analysis::compile(&e, "stali")), 7);
        assert_eq!(hits(&e, &compile_as(&e, "stali*", Matching::Form)), 7);
    }

    #[test]
    fn wildcard_search_highlights_and_trailing_question_marks() {
        let e = Engine::new(corpus(&[
            ("a", "x", "Stalinism and Bolshevism; the woman and the women", "2020"),
            ("b", "y", "destalinization, decentralization and realism", "2021"),
            ("c", "z", "Stalin and Stalin’s heirs", "2022"),
        ]));
        assert_eq!(sorted(ids(&e, "*ism ")), ["a", "b"]);
        assert_eq!(ids(&e, "*ism -realism"), ["a"]);
        assert_eq!(ids(&e, "wom?n"), ["a"]);
        assert_eq!(ids(&e, "de*iz*ation"), ["b"]);
        let out = search(&e, "*ism wom?n", &Filters::default(), Sort::Relevance);
        assert_eq!(out.hits.len(), 1);
        assert_eq!(marked(&e, &out.compiled), ["Stalinism", "Bolshevism", "woman", "women", "realism"]);
        // A pattern that matches nothing finds nothing: no close spellings, no correction.
        let out = search(&e, "*zzq ", &Filters::default(), Sort::Relevance);
        assert!(out.hits.is_empty() && out.compiled.corrections.is_empty() && out.did_you_mean.is_none());
        // A question's `?` is punctuation: `stalin?` is the word (and its stem), not `stalin` + a letter.
        assert_eq!(ids(&e, "stalin?"), ids(&e, "stalin "));
        assert_eq!(ids(&e, "Who was Stalin?"), ids(&e, "stalin "));
        assert_eq!(ids(&e, "stalin?s "), ["c"]);
        assert_eq!(marked(&e, &search(&e, "stalin?s ", &Filters::default(), Sort::Relevance).compiled), ["Stalin’s"]);
        // Patterns in form mode too.
        assert_eq!(marked(&e, &compile_as(&e, "*ism", Matching::Form)), ["Stalinism", "Bolshevism", "realism"]);
    }

    /// More than [`MAX_WILDCARD_TERMS`] words match: the most frequent are used, and the
    /// compiled query says so.
    #[test]
    fn wildcard_caps_are_recorded_with_a_note() {
        // 1,050 words with an `a`: the 200 last occur twice, the others once.
        let once: String = (0..850).map(|i| format!("w{i:04}a ")).collect();
        let twice: String = (850..1050).map(|i| format!("w{i:04}a w{i:04}a ")).collect();
        let e =
            Engine::new(corpus(&[("a", "x", &once, "2020"), ("b", "y", &twice, "2021"), ("c", "z", "short", "2022")]));
        for mode in Matching::ALL {
            let c = compile_as(&e, "*a* OR *a*", mode);
            assert_eq!(c.capped, [WildcardCap { pattern: "*a*".into(), matched: 1050, used: MAX_WILDCARD_TERMS }]);
            assert_eq!(c.cap_notes(), ["“*a*” matches 1,050 words; the 200 most frequent are counted."]);
            // Only the twice-occurring words are counted: none of document a's.
            assert_eq!(hits(&e, &c), 400);
            assert_eq!(matching_docs(&e, &c), [1]);
        }
        // A forced prefix in form mode is the pattern `w*`, capped the same way.
        let c = compile_as(&e, "w*", Matching::Form);
        assert_eq!(c.cap_notes(), ["“w*” matches 1,050 words; the 200 most frequent are counted."]);
        // Under the cap: nothing recorded.
        // (w0800a … w0890a: five once, five twice.)
        let c = compile_as(&e, "w08?0a", Matching::Form);
        assert!(c.capped.is_empty() && c.cap_notes().is_empty());
        assert_eq!(hits(&e, &c), 15);
    }

    #[test]
    fn term_ids_are_the_positive_leaves_terms() {
        let e = seven();
        let ids = |q: &str, m| {
            compile_as(&e, q, m).term_ids().into_iter().map(|t| e.index.term(t).to_owned()).collect::<Vec<_>>()
        };
        assert_eq!(ids("lenin \"union state\" -trotsky", Matching::Form), ["lenin", "state", "union"]);
        assert_eq!(ids("lenin OR lenin NOT (trotsky OR gorbachev)", Matching::Form), ["lenin"]);
        assert_eq!(ids("title:union outlet:rt year:2022", Matching::Form), ["union"]);
        assert!(ids("", Matching::Form).is_empty());
        let c = compile_as(&e, "stalin lenin", Matching::Form);
        assert!(c.term_ids().is_sorted());
    }

    #[test]
    fn matching_docs_ignore_the_filters() {
        let e = seven();
        assert_eq!(matching_docs(&e, &compile_as(&e, "lenin", Matching::Form)), [1, 3]);
        assert_eq!(matching_docs(&e, &compile_as(&e, "union OR trotsky", Matching::Form)), [0, 2, 3]);
        assert_eq!(matching_docs(&e, &compile_as(&e, "-union", Matching::Form)), [1, 3, 4]);
        assert_eq!(matching_docs(&e, &compile_as(&e, "", Matching::Form)), [0, 1, 2, 3, 4]);
        // The search's count agrees (whatever its filters).
        let mut f = Filters::default();
        f.add(Facet::Outlet, "RT");
        let out = search(&e, "lenin ", &f, Sort::Relevance);
        assert_eq!(out.query_matches, matching_docs(&e, &compile_as(&e, "lenin", Matching::Stem)).len());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        /// For arbitrary Unicode queries: no panic, results are a subset of the filter's documents,
        /// and every marked span lies inside the document.
        #[test]
        fn any_query_is_safe(q in "\\PC{0,40}", pick in 0usize..4) {
            let e = seven();
            let mut f = Filters::default();
            let outlets = ["RT", "Blog"];
            if pick < 2 {
                f.add(Facet::Outlet, outlets[pick]);
            }
            let out = search(&e, &q, &f, Sort::Relevance);
            for h in &out.hits {
                proptest::prop_assert!(f.passes_all(&e.facets, h.doc));
                for (start, len, _) in out.compiled.spans(&e.index, h.doc) {
                    let end = start + len - 1;
                    let total = e.index.field_len(h.doc)[0] + e.index.field_len(h.doc)[1] + 1 + e.corpus.documents[h.doc].paragraphs.len() as u32;
                    proptest::prop_assert!(end < total);
                }
            }
        }
    }
}
