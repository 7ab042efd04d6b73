//! The inverted index: folded word forms, their stems, and where each occurs.
//!
//! Every distinct folded word of the corpus (its *term*) has a posting list of
//! the documents it occurs in, with its count in the title and in the body and
//! its positions. Terms are kept sorted, so the terms a prefix begins are one
//! range, and are grouped by stem, so that `restorations` finds `restoration`.
//!
//! Positions number a document's words: the title's words first (from 0), then
//! the paragraphs', with one unused number after the title and after each
//! paragraph, so that consecutive numbers are always consecutive words of one
//! paragraph (phrases never run across paragraphs).

use crate::fuzzy::{distance_within, letter_mask, masks_allow, max_edits};
use crate::matching::Glob;
use crate::model::{Corpus, Document};
use crate::query::Word;
use crate::stem::Stemmers;
use crate::tokenize::for_each_word;
use rustc_hash::FxHashMap as HashMap;

mod file;
use file::Encoded;
pub use file::{IndexFile, INDEX_FORMAT};

/// The fields a document is searched in.
pub const FIELDS: usize = 2;
/// Field number of the title.
pub const TITLE: usize = 0;
/// Field number of the body (all paragraphs).
pub const BODY: usize = 1;

/// A prefix expands to at most this many terms (the ones in most documents).
pub const MAX_PREFIX_TERMS: usize = 100;
/// A misspelt word expands to at most this many close terms (the ones in most documents).
pub const MAX_FUZZY_TERMS: usize = 20;
/// Weight of a term that a prefix begins but whose stem differs from the typed word's.
pub const PREFIX_WEIGHT: f32 = 0.5;
/// A wildcard pattern expands to at most this many terms (the ones with most occurrences).
pub const MAX_WILDCARD_TERMS: usize = 200;

/// One document's occurrences of one term: its document, its counts in the title and the
/// body, and (private to the index) where its positions are.
pub use explorer_codec::Posting;

/// Where an index keeps its postings' positions.
enum Positions {
    /// All of them, a posting's from its `start` on (an index built from the texts).
    Decoded(Vec<u32>),
    /// As read from an index file: per term, its positions encoded, decoded and checked the
    /// first time one of its postings' positions is asked for (see [`file`]).
    Encoded(Box<Encoded>),
}

/// An inverted index over a corpus.
pub struct Index {
    terms: Vec<String>,
    postings: Vec<Vec<Posting>>,
    positions: Positions,
    by_stem: HashMap<String, Vec<u32>>,
    field_len: Vec<[u32; FIELDS]>,
    /// Letter masks of the terms, for the typo search's quick filter.
    masks: Vec<u32>,
    para_starts: Vec<Vec<u32>>,
    avg_len: [f32; FIELDS],
    stemmers: Stemmers,
}

/// A term a query word matches, with the weight its occurrences count for.
#[derive(Debug, Clone, PartialEq)]
pub struct Expansion {
    /// Term number in the index.
    pub term: u32,
    /// 1 for the word itself or a word of the same stem, less for other completions of a prefix.
    pub weight: f32,
}

/// The terms a wildcard pattern matches (see [`Index::wildcard`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WildcardTerms {
    /// The terms used, ascending by term number.
    pub terms: Vec<u32>,
    /// How many terms the pattern matches in all (more than `terms.len()` when capped).
    pub matched: usize,
}

/// Builds an [`Index`] one document at a time, so that a large corpus can be indexed in
/// slices between which the page stays responsive (and shows progress).
#[derive(Default)]
pub struct IndexBuilder {
    ids: HashMap<String, u32>,
    postings: Vec<Vec<Posting>>,
    positions: Vec<u32>,
    field_len: Vec<[u32; FIELDS]>,
    para_starts: Vec<Vec<u32>>,
    occurrences: Vec<(u32, u32)>,
    // Scratch space indexed by term: the last document it was seen in, and its slot there.
    stamp: Vec<u32>,
    slot: Vec<u32>,
    doc_terms: Vec<(u32, [u32; FIELDS])>,
}

/// Adds the words of `text` from position `pos` on to `occurrences` (as term numbers, new
/// words getting new ones); returns the position after the last word. A function of its own,
/// not inlined, called once a paragraph: the browser runs wasm first as quickly compiled code
/// and optimizes a function once it has been called often, and a call per document would run
/// the whole of a small corpus unoptimized.
#[inline(never)]
fn add_words(
    text: &str,
    mut pos: u32,
    ids: &mut HashMap<String, u32>,
    postings: &mut Vec<Vec<Posting>>,
    occurrences: &mut Vec<(u32, u32)>,
) -> u32 {
    for_each_word(text, |_, folded| {
        let id = match ids.get(folded) {
            Some(&id) => id,
            None => {
                let id = postings.len() as u32;
                ids.insert(folded.to_owned(), id);
                postings.push(Vec::new());
                id
            }
        };
        occurrences.push((id, pos));
        pos += 1;
    });
    pos
}

impl IndexBuilder {
    /// An empty builder.
    pub fn new() -> IndexBuilder {
        IndexBuilder::default()
    }

    /// Number of documents added so far.
    pub fn len(&self) -> usize {
        self.field_len.len()
    }

    /// True when no document has been added.
    pub fn is_empty(&self) -> bool {
        self.field_len.is_empty()
    }

    /// Indexes the next document (its number is the number of documents added before it).
    pub fn add(&mut self, doc: &Document) {
        let d = self.field_len.len() as u32;
        let IndexBuilder { ids, postings, positions, field_len, para_starts, occurrences, stamp, slot, doc_terms } =
            self;
        occurrences.clear();
        let mut pos = add_words(&doc.title, 0, ids, postings, occurrences);
        let title_len = pos;
        pos += 1;
        let mut starts = Vec::with_capacity(doc.paragraphs.len());
        for p in &doc.paragraphs {
            starts.push(pos);
            pos = add_words(p, pos, ids, postings, occurrences) + 1;
        }
        let body_len = pos - title_len - 1 - doc.paragraphs.len() as u32;
        // Group the occurrences by term in one pass (no sort): count each term's
        // occurrences, give each its slice of the position store, then fill the slices
        // in text order, so every slice is ascending.
        if stamp.len() < postings.len() {
            stamp.resize(postings.len(), u32::MAX);
            slot.resize(postings.len(), 0);
        }
        doc_terms.clear();
        for &(term, p) in occurrences.iter() {
            let t = term as usize;
            if stamp[t] != d {
                stamp[t] = d;
                slot[t] = doc_terms.len() as u32;
                doc_terms.push((term, [0, 0]));
            }
            doc_terms[slot[t] as usize].1[usize::from(p >= title_len)] += 1;
        }
        let mut next = Vec::with_capacity(doc_terms.len());
        let mut offset = positions.len() as u32;
        for &(term, tf) in doc_terms.iter() {
            postings[term as usize].push(Posting { doc: d, tf, start: offset });
            next.push(offset);
            offset += tf[0] + tf[1];
        }
        positions.resize(offset as usize, 0);
        for &(term, p) in occurrences.iter() {
            let k = slot[term as usize] as usize;
            positions[next[k] as usize] = p;
            next[k] += 1;
        }
        field_len.push([title_len, body_len]);
        para_starts.push(starts);
    }

    /// Sorts the vocabulary (so that a prefix's completions are one range), groups it by
    /// stem, and returns the index.
    pub fn finish(self) -> Index {
        let IndexBuilder { ids, mut postings, positions, field_len, para_starts, .. } = self;
        let mut order: Vec<(String, u32)> = ids.into_iter().collect();
        // The standard sort, not `crate::sort`: this is the largest sort of index building.
        order.sort_unstable();
        let mut sorted_postings = Vec::with_capacity(order.len());
        let mut terms = Vec::with_capacity(order.len());
        for (term, old) in order {
            sorted_postings.push(std::mem::take(&mut postings[old as usize]));
            terms.push(term);
        }
        Index::assemble(terms, sorted_postings, Positions::Decoded(positions), field_len, para_starts)
    }
}

impl Index {
    /// The index of these sorted terms, their postings and positions and the documents'
    /// lengths: groups the terms by stem and computes what search derives from them.
    fn assemble(
        terms: Vec<String>,
        postings: Vec<Vec<Posting>>,
        positions: Positions,
        field_len: Vec<[u32; FIELDS]>,
        para_starts: Vec<Vec<u32>>,
    ) -> Index {
        let stemmers = Stemmers::default();
        let mut by_stem: HashMap<String, Vec<u32>> = HashMap::default();
        for (id, term) in terms.iter().enumerate() {
            by_stem.entry(stemmers.stem(term).into_owned()).or_default().push(id as u32);
        }
        let n = field_len.len().max(1) as f32;
        let mut avg_len = [0f32; FIELDS];
        for (f, avg) in avg_len.iter_mut().enumerate() {
            *avg = (field_len.iter().map(|l| l[f] as f32).sum::<f32>() / n).max(1.0);
        }
        let masks = terms.iter().map(|t| letter_mask(t)).collect();
        Index { terms, postings, positions, by_stem, field_len, masks, para_starts, avg_len, stemmers }
    }
}

impl Index {
    /// Indexes the title and paragraphs of every document.
    pub fn build(corpus: &Corpus) -> Index {
        let mut builder = IndexBuilder::new();
        for doc in &corpus.documents {
            builder.add(doc);
        }
        builder.finish()
    }

    /// Number of documents indexed.
    pub fn doc_count(&self) -> usize {
        self.field_len.len()
    }

    /// Number of distinct terms.
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    /// The folded text of a term.
    pub fn term(&self, id: u32) -> &str {
        &self.terms[id as usize]
    }

    /// The documents a term occurs in, by document number.
    pub fn postings(&self, id: u32) -> &[Posting] {
        &self.postings[id as usize]
    }

    /// The positions of a posting's occurrences, ascending. An index read from its file
    /// decodes (and keeps) those of all the postings of the posting's term the first time;
    /// when they fail their check, the term's postings have none and [`Index::damaged`] says
    /// why.
    pub fn positions(&self, p: &Posting) -> &[u32] {
        let (start, n) = (p.start as usize, p.occurrences() as usize);
        match &self.positions {
            Positions::Decoded(all) => all.get(start..start.saturating_add(n)).unwrap_or_default(),
            Positions::Encoded(encoded) => encoded.positions(self, p.start, n),
        }
    }

    /// Calls `f` with the postings of a term, in runs, each with the positions of its postings
    /// one after the other (the run's first posting's, then the next's, …): the whole term at
    /// once when the index was read from its file, a posting at a time when built from the
    /// texts. An index read from its file decodes the term's positions into `scratch` without
    /// keeping them (unless they were kept already): a pass over every term, as building the
    /// forward index is, would otherwise keep them all, decoded, beside their encoded form.
    pub fn each_positions(&self, term: u32, scratch: &mut Vec<u32>, mut f: impl FnMut(&[Posting], &[u32])) {
        let list = self.postings(term);
        match &self.positions {
            Positions::Decoded(_) => {
                for p in list {
                    f(std::slice::from_ref(p), self.positions(p));
                }
            }
            Positions::Encoded(encoded) => f(list, encoded.term_once(self, term, scratch)),
        }
    }

    /// Writes term number `term` at `out[starts[doc] + position]` for each of its positions in
    /// each document whose start is not `usize::MAX` (building the forward index); returns how
    /// many positions were read. Decodes the positions of an index read from its file into
    /// `scratch` without keeping them, as [`Index::each_positions`] does.
    pub(crate) fn place_positions(
        &self,
        term: u32,
        scratch: &mut Vec<u32>,
        out: &mut [u32],
        starts: &[usize],
    ) -> usize {
        let list = self.postings(term);
        let (positions, first) = match &self.positions {
            Positions::Decoded(all) => (all.as_slice(), 0),
            Positions::Encoded(encoded) => {
                (encoded.term_once(self, term, scratch), list.first().map_or(0, |p| p.start))
            }
        };
        explorer_codec::place(out, starts, list, positions, first, term)
    }

    /// What is wrong with the index file's positions, when the positions of a term read so
    /// far failed their check (the first such problem): those terms' postings have no
    /// positions. `None` for an index built from the texts or a sound file.
    pub fn damaged(&self) -> Option<&str> {
        match &self.positions {
            Positions::Decoded(_) => None,
            Positions::Encoded(encoded) => encoded.damaged(),
        }
    }

    /// Bytes the positions take in memory: 4 a position when built from the texts; read from
    /// a file, the encoded positions, those of the terms decoded so far, and what decoding
    /// them reads.
    pub fn positions_memory(&self) -> usize {
        match &self.positions {
            Positions::Decoded(all) => all.len() * 4,
            Positions::Encoded(encoded) => encoded.memory(),
        }
    }

    /// The posting of a term in a document, if it occurs there.
    pub fn posting(&self, term: u32, doc: u32) -> Option<&Posting> {
        let list = self.postings(term);
        list.binary_search_by_key(&doc, |p| p.doc).ok().map(|i| &list[i])
    }

    /// Length in words of each field of a document.
    pub fn field_len(&self, doc: usize) -> [u32; FIELDS] {
        self.field_len[doc]
    }

    /// Average length in words of each field.
    pub fn avg_len(&self) -> [f32; FIELDS] {
        self.avg_len
    }

    /// The position of the first word of each paragraph of a document.
    pub fn para_starts(&self, doc: usize) -> &[u32] {
        &self.para_starts[doc]
    }

    /// Where a position is: `None` for the title, else the paragraph and the word's number in it.
    pub fn locate(&self, doc: usize, pos: u32) -> Option<(usize, usize)> {
        if pos < self.field_len[doc][TITLE] {
            return None;
        }
        let starts = &self.para_starts[doc];
        let para = starts.partition_point(|&s| s <= pos).checked_sub(1)?;
        Some((para, (pos - starts[para]) as usize))
    }

    /// Number of words of a document, title and body together (its tokens; gaps not counted).
    pub fn doc_tokens(&self, doc: usize) -> u32 {
        self.field_len[doc][TITLE] + self.field_len[doc][BODY]
    }

    /// Number of positions a document uses: its words plus the gap after the title and after
    /// each paragraph (every position of the document is below this).
    pub fn doc_positions(&self, doc: usize) -> u32 {
        self.doc_tokens(doc) + 1 + self.para_starts[doc].len() as u32
    }

    /// The word number of a position within the whole document (title words first, then the
    /// paragraphs' words, gaps not counted), or `None` for a gap.
    pub fn word_number(&self, doc: usize, pos: u32) -> Option<u32> {
        let title = self.field_len[doc][TITLE];
        if pos < title {
            return Some(pos);
        }
        let starts = &self.para_starts[doc];
        let para = starts.partition_point(|&s| s <= pos).checked_sub(1)?;
        let end = starts.get(para + 1).map_or(self.doc_positions(doc) - 1, |&next| next - 1);
        (pos < end).then(|| pos - 1 - para as u32)
    }

    /// Every stem of the corpus with its terms (ascending term numbers), in no particular order.
    pub fn stem_groups(&self) -> impl Iterator<Item = (&str, &[u32])> {
        self.by_stem.iter().map(|(stem, terms)| (stem.as_str(), terms.as_slice()))
    }

    /// The stemmers the index was built with (queries must use the same).
    pub fn stemmers(&self) -> &Stemmers {
        &self.stemmers
    }

    /// Term number of an exact folded word.
    pub fn lookup(&self, folded: &str) -> Option<u32> {
        self.terms.binary_search_by(|t| t.as_str().cmp(folded)).ok().map(|i| i as u32)
    }

    /// The terms a prefix begins, at most `limit`, those in most documents first.
    pub fn completions(&self, prefix: &str, limit: usize) -> Vec<u32> {
        let start = self.terms.partition_point(|t| t.as_str() < prefix);
        let mut ids: Vec<u32> = self.terms[start..]
            .iter()
            .take_while(|t| t.starts_with(prefix))
            .enumerate()
            .map(|(i, _)| (start + i) as u32)
            .collect();
        if ids.len() > limit {
            crate::sort::sort_by_key(&mut ids, |id| (std::cmp::Reverse(self.postings[*id as usize].len()), *id));
            ids.truncate(limit);
        }
        ids
    }

    /// Occurrences of a term in all documents, title and body: the sum of its tf over its postings.
    pub fn total_occurrences(&self, id: u32) -> u64 {
        self.postings[id as usize].iter().map(|p| u64::from(p.tf[TITLE]) + u64::from(p.tf[BODY])).sum()
    }

    /// The terms a wildcard pattern (folded, see [`Glob`]) matches, at most `limit`: when it
    /// matches more, the `limit` with most occurrences ([`Index::total_occurrences`]; ties to
    /// the alphabetically first), and `matched` says how many there were. One pass over the
    /// vocabulary, narrowed to the range of the terms that begin with the pattern's literal
    /// prefix (`de*ization` reads only the terms in `de`).
    pub fn wildcard(&self, pattern: &str, limit: usize) -> WildcardTerms {
        let glob = Glob::new(pattern);
        let prefix = glob.literal_prefix();
        let start = self.terms.partition_point(|t| t.as_str() < prefix);
        let mut terms: Vec<u32> = self.terms[start..]
            .iter()
            .take_while(|t| t.starts_with(prefix))
            .enumerate()
            .filter(|(_, t)| glob.is_match(t))
            .map(|(i, _)| (start + i) as u32)
            .collect();
        let matched = terms.len();
        if matched > limit {
            let mut ranked: Vec<(std::cmp::Reverse<u64>, u32)> =
                terms.iter().map(|&t| (std::cmp::Reverse(self.total_occurrences(t)), t)).collect();
            if limit > 0 {
                ranked.select_nth_unstable(limit - 1);
            }
            terms = ranked[..limit].iter().map(|&(_, t)| t).collect();
            terms.sort_unstable();
        }
        WildcardTerms { terms, matched }
    }

    /// The terms a query word matches.
    ///
    /// A complete word matches the terms of its stem (weight 1). A word still being
    /// typed (a prefix) matches the terms it begins, at most [`MAX_PREFIX_TERMS`] of
    /// them (those in most documents); when it is itself a word of the corpus it also
    /// matches its stem's terms at weight 1 and other completions count
    /// [`PREFIX_WEIGHT`], so `union` ranks `unions` above `unionists`. A partial word
    /// is not stemmed: `restorati` finds `restoration`, not `restored`; only when nothing
    /// begins with it is it matched by its stem (`сталина` finds `сталин`).
    ///
    /// A wildcard pattern ([`Word::is_pattern`]) matches the terms [`Index::wildcard`] gives,
    /// at most [`MAX_WILDCARD_TERMS`], each at weight 1, and nothing else (no stem family).
    pub fn expand(&self, word: &Word) -> Vec<Expansion> {
        if word.is_pattern() {
            let found = self.wildcard(&word.text, MAX_WILDCARD_TERMS);
            return found.terms.into_iter().map(|term| Expansion { term, weight: 1.0 }).collect();
        }
        let exact = self.lookup(&word.text);
        let mut out: Vec<Expansion> = Vec::new();
        if !word.prefix || exact.is_some() {
            let stem = self.stemmers.stem(&word.text);
            out.extend(
                self.by_stem.get(stem.as_ref()).into_iter().flatten().map(|&term| Expansion { term, weight: 1.0 }),
            );
            if let Some(exact) = exact {
                if !out.iter().any(|e| e.term == exact) {
                    out.push(Expansion { term: exact, weight: 1.0 });
                }
            }
        }
        if word.prefix && !word.text.is_empty() {
            let completions: Vec<u32> = self
                .completions(&word.text, MAX_PREFIX_TERMS + out.len())
                .into_iter()
                .filter(|id| !out.iter().any(|e| e.term == *id))
                .take(MAX_PREFIX_TERMS)
                .collect();
            let weight = if out.is_empty() { 1.0 } else { PREFIX_WEIGHT };
            out.extend(completions.into_iter().map(|term| Expansion { term, weight }));
            if out.is_empty() && !word.forced {
                // Nothing begins with the word: it may be a complete inflected form (`сталина`).
                let whole = Word { prefix: false, ..word.clone() };
                return self.expand(&whole);
            }
        }
        crate::sort::sort_by_key(&mut out, |e| e.term);
        out
    }

    /// Terms within the typo tolerance of a word ([`max_edits`] for its length), closest and
    /// then most frequent first, at most [`MAX_FUZZY_TERMS`], each widened to the terms of its
    /// stem as a correctly spelt word would be (`gorbachov` → `gorbachev`, `gorbachev's`).
    /// Words with digits are not fuzzed.
    pub fn fuzzy(&self, word: &str) -> Vec<Expansion> {
        let chars: Vec<char> = word.chars().collect();
        let max = max_edits(chars.len());
        if max == 0 || word.bytes().any(|b| b.is_ascii_digit()) {
            return Vec::new();
        }
        let mut found = self.within(&chars, max);
        crate::sort::sort_by_key(&mut found, |&(id, d)| (d, std::cmp::Reverse(self.postings[id as usize].len()), id));
        found.truncate(MAX_FUZZY_TERMS);
        let mut out: Vec<Expansion> = Vec::new();
        for (term, _) in found {
            let stem = self.stemmers.stem(&self.terms[term as usize]);
            let family = self.by_stem.get(stem.as_ref()).map(Vec::as_slice).unwrap_or_default();
            for &t in family.iter().chain(std::iter::once(&term)) {
                if !out.iter().any(|e| e.term == t) {
                    out.push(Expansion { term: t, weight: 1.0 });
                }
            }
        }
        crate::sort::sort_by_key(&mut out, |e| e.term);
        out
    }

    /// The most frequent term closest to `word` within `max` edits (for "did you mean").
    pub fn closest(&self, word: &str, max: usize) -> Option<u32> {
        let chars: Vec<char> = word.chars().collect();
        self.within(&chars, max)
            .into_iter()
            .filter(|&(_, d)| d > 0)
            .min_by_key(|&(id, d)| (d, std::cmp::Reverse(self.postings[id as usize].len()), id))
            .map(|(id, _)| id)
    }

    /// Every term within `max` edits of `chars`, with its distance.
    fn within(&self, chars: &[char], max: usize) -> Vec<(u32, usize)> {
        let mut buf: Vec<char> = Vec::new();
        let mut out = Vec::new();
        let ascii: Option<Vec<u8>> = chars.iter().all(char::is_ascii).then(|| chars.iter().map(|&c| c as u8).collect());
        let n = chars.len();
        let query_mask = chars.iter().fold(0u32, |m, &c| m | 1 << (c as u32 % 32));
        for (id, term) in self.terms.iter().enumerate() {
            if !masks_allow(query_mask, self.masks[id], max) {
                continue;
            }
            // Cheap length filters before the comparison: a term has at least len/4 characters.
            let byte_len = term.len();
            if byte_len + 4 * max < n || byte_len > 4 * (n + max) {
                continue;
            }
            let d = match &ascii {
                Some(q) if term.is_ascii() => {
                    if byte_len.abs_diff(n) > max {
                        continue;
                    }
                    distance_within(q, term.as_bytes(), max)
                }
                _ => {
                    buf.clear();
                    buf.extend(term.chars());
                    distance_within(chars, &buf, max)
                }
            };
            if let Some(d) = d {
                out.push((id as u32, d));
            }
        }
        out
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::Document;
    use crate::query::Word;

    pub(crate) fn tiny(docs: &[(&str, &str)]) -> Corpus {
        Corpus::new(
            "test",
            docs.iter()
                .enumerate()
                .map(|(i, (title, body))| Document {
                    kind: "news".into(),
                    ..Document::new(format!("d{i}"), *title, body.split('\n').map(str::to_owned).collect())
                })
                .collect(),
        )
    }

    fn word(text: &str, prefix: bool) -> Word {
        Word { text: text.into(), prefix, forced: false, span: 0..0 }
    }

    #[test]
    fn counts_per_field_and_lengths() {
        let idx = Index::build(&tiny(&[("Stalin", "Stalin and Lenin. Stalin!"), ("Lenin", "Trotsky")]));
        let stalin = idx.lookup("stalin").unwrap();
        let p = &idx.postings(stalin)[0];
        assert_eq!((p.doc, p.tf), (0, [1, 2]));
        assert_eq!(idx.field_len(0), [1, 4]);
        assert_eq!(idx.avg_len(), [1.0, 2.5]);
    }

    #[test]
    fn positions_leave_a_gap_between_paragraphs() {
        let idx = Index::build(&tiny(&[("Union State", "the union\nstate of things")]));
        // Title: union 0, state 1; gap 2; "the union": 3, 4; gap 5; "state of things": 6, 7, 8.
        let union = idx.lookup("union").unwrap();
        let state = idx.lookup("state").unwrap();
        assert_eq!(idx.positions(&idx.postings(union)[0]), [0, 4]);
        assert_eq!(idx.positions(&idx.postings(state)[0]), [1, 6]);
        assert_eq!(idx.para_starts(0), [3, 6]);
        assert_eq!(idx.locate(0, 1), None);
        assert_eq!(idx.locate(0, 4), Some((0, 1)));
        assert_eq!(idx.locate(0, 8), Some((1, 2)));
        assert_eq!(idx.posting(union, 0).map(|p| p.tf), Some([1, 1]));
        assert_eq!(idx.posting(union, 1), None);
    }

    #[test]
    fn stems_group_word_forms() {
        let idx = Index::build(&tiny(&[("", "restoration restorations restless")]));
        let e = idx.expand(&word("restorations", false));
        let names: Vec<&str> = e.iter().map(|e| idx.term(e.term)).collect();
        assert_eq!(names, ["restoration", "restorations"]);
    }

    #[test]
    fn prefix_survives_stemming() {
        // "restorati" stems to something no corpus word has; the prefix still finds them.
        let idx = Index::build(&tiny(&[("", "restoration of the union"), ("", "restore")]));
        let e = idx.expand(&word("restorati", true));
        assert_eq!(e.len(), 1);
        assert_eq!(idx.term(e[0].term), "restoration");
        assert_eq!(e[0].weight, 1.0);
        assert!(idx.expand(&word("restorati", false)).is_empty());
    }

    #[test]
    fn a_typed_word_ranks_its_stem_above_other_completions() {
        let idx = Index::build(&tiny(&[("", "union unions unionists")]));
        let e = idx.expand(&word("union", true));
        let got: Vec<(&str, f32)> = e.iter().map(|e| (idx.term(e.term), e.weight)).collect();
        assert_eq!(got, [("union", 1.0), ("unionists", PREFIX_WEIGHT), ("unions", 1.0)]);
    }

    #[test]
    fn fuzzy_finds_close_spellings_by_length() {
        let idx = Index::build(&tiny(&[("", "gorbachev stalin lenin marx"), ("", "Gorbachev’s plans")]));
        let names = |e: Vec<Expansion>| e.iter().map(|e| idx.term(e.term).to_owned()).collect::<Vec<_>>();
        // The close spelling is widened to its stem's words, as a correct spelling would be.
        assert_eq!(names(idx.fuzzy("gorbachov")), ["gorbachev", "gorbachev's"]);
        assert_eq!(names(idx.fuzzy("gorbachyov")), ["gorbachev", "gorbachev's"]); // 2 edits, 10 letters
        assert_eq!(names(idx.fuzzy("stalni")), ["stalin"]);
        assert!(idx.fuzzy("stlni").is_empty()); // 2 edits but only 5 letters
        assert!(idx.fuzzy("marc").len() == 1 && idx.fuzzy("mrx").is_empty()); // 3 letters: exact only
        assert_eq!(idx.closest("lenn", 2).map(|t| idx.term(t)), Some("lenin"));
    }

    fn names(idx: &Index, terms: &[u32]) -> Vec<String> {
        terms.iter().map(|&t| idx.term(t).to_owned()).collect()
    }

    #[test]
    fn wildcards_match_the_vocabulary() {
        let idx = Index::build(&tiny(&[
            ("", "Stalinism Bolshevism isms woman women womn destalinization decentralization"),
            ("", "Сталин сталинизм стол Stalin’s"),
        ]));
        let found = |p: &str| names(&idx, &idx.wildcard(p, MAX_WILDCARD_TERMS).terms);
        assert_eq!(found("*ism"), ["bolshevism", "stalinism"]);
        assert_eq!(found("wom?n"), ["woman", "women"]);
        assert_eq!(found("de*ization"), ["decentralization", "destalinization"]);
        assert_eq!(found("de*iz*ation"), ["decentralization", "destalinization"]);
        assert_eq!(found("стал*"), ["сталин", "сталинизм"]);
        assert_eq!(found("stalin?s"), ["stalin's"]);
        assert!(found("*xyz*").is_empty() && found("stalinism??").is_empty());
        // Through `expand`: a pattern word matches its terms only, at weight 1.
        let w = Word { text: "*ism".into(), prefix: false, forced: false, span: 0..0 };
        let e = idx.expand(&w);
        assert!(e.iter().all(|e| e.weight == 1.0));
        assert_eq!(names(&idx, &e.iter().map(|e| e.term).collect::<Vec<_>>()), ["bolshevism", "stalinism"]);
    }

    /// 250 words match `ka*b`: the 200 that occur twice are used, not the 50 that occur once
    /// (though these are in as many documents, and first in the alphabet).
    #[test]
    fn wildcard_expansion_is_capped_to_the_most_frequent() {
        let once: String = (0..50).map(|i| format!("ka{i:03}b ")).collect();
        let twice: String = (50..250).map(|i| format!("ka{i:03}b ka{i:03}b ")).collect();
        let idx = Index::build(&tiny(&[("", &format!("{once}{twice}"))]));
        let found = idx.wildcard("ka*b", MAX_WILDCARD_TERMS);
        assert_eq!(found.matched, 250);
        assert_eq!(found.terms.len(), MAX_WILDCARD_TERMS);
        assert!(found.terms.is_sorted());
        assert!(found.terms.iter().all(|&t| idx.total_occurrences(t) == 2));
        assert_eq!(idx.total_occurrences(idx.lookup("ka000b").unwrap()), 1);
        // Ties go to the alphabetically first.
        assert_eq!(names(&idx, &idx.wildcard("ka*b", 3).terms), ["ka050b", "ka051b", "ka052b"]);
        assert_eq!(idx.wildcard("ka*b", 0), WildcardTerms { terms: vec![], matched: 250 });
    }

    #[test]
    fn prefix_expansion_is_capped() {
        let body: String = (0..300).map(|i| format!("abc{i} ")).collect();
        let idx = Index::build(&tiny(&[("", &body)]));
        assert_eq!(idx.expand(&word("abc", true)).len(), MAX_PREFIX_TERMS);
    }
}
