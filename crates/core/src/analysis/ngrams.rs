//! Phrases (n-grams): the sequences of `n` consecutive words that recur in the documents, as
//! AntConc's clusters / n-grams list them.
//!
//! A sequence is `n` consecutive words of one paragraph (or of the title): never across a
//! paragraph break, nor from the title into the body (the forward index has a gap there,
//! [`GAP`]). Punctuation is not part of a sequence (the index has no punctuation), so
//! `end. The` is the sequence `end the`. Every start position counts, so sequences overlap:
//! `a a a a` holds `a a` three times. For a sequence `s` over the documents `D`,
//!
//! ```text
//! count(s)       = number of positions in D where s starts
//! N              = Σ_{d ∈ D} tokens(d)                 (title and body words)
//! per_million(s) = count(s) / N · 1,000,000
//! docs(s)        = |{d ∈ D : s occurs in d}|
//! ```
//!
//! `N` is the token count of the documents (as in the word list), not the number of
//! sequences, so a sequence's rate compares with its words' rates.
//!
//! Each sequence is counted in a hash map keyed by its term numbers packed into one integer
//! (`n` numbers of `b` bits, `b` the bits of the largest term number: a `u128` when
//! `n·b ≤ 128`, else `[u32; 6]`), with its count, its number of
//! documents and the last document it was seen in (documents are read in order, so `docs`
//! grows when that stamp changes); the map is cut into 256 by hash, filled a batch at a time
//! (see `Tallies`).
//!
//! Most distinct sequences of a large corpus occur once. When only repeated ones are wanted
//! (`min_freq ≥ 2`) and the map grows past 2M sequences, a pass over all the documents fills
//! a count sketch (two 2-bit counters per sequence in one 64-bit word, stopping at 2; 2 bytes
//! a token), and a sequence of the remaining documents whose smaller counter is 1 occurs once
//! in all (a counter never counts less than its sequences' occurrences): it is counted in
//! [`Ngrams::distinct`] without being stored. The map then holds the repeated sequences and
//! a few percent of the others. On 15M tokens of Zipf-distributed words (400k terms), 2-grams
//! with `min_freq` 2 took 6.3 s and 180 MB with the sketch, 3.4 s and 495 MB without.

use super::export::{cells, Table};
use super::forward::{Forward, GAP};
use super::wordlist::per_million;
use super::{clean_docs, doc_mask, StopList};
use crate::index::Index;
use crate::pace::{finish, Cancelled, Pace, Stage, Unpaced, EVERY};
use crate::search::Engine;
use rustc_hash::FxHashMap;
use std::hash::Hash;

/// Bounds of n: sequences of 2 to 6 words (`n` outside is clamped to them).
pub const N_BOUNDS: (u8, u8) = (2, 6);

/// Default minimum count: only sequences that occur at least twice (see [`NgramOptions`]).
pub const DEFAULT_MIN_FREQ: u64 = 2;

/// What to count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NgramOptions {
    /// Words per sequence, clamped to [`N_BOUNDS`].
    pub n: usize,
    /// Only sequences with `count ≥ min_freq` are listed (0 counts as 1). With 1 every
    /// sequence of the documents is a row, which on a large corpus is about one row a token.
    pub min_freq: u64,
    /// Sorted term numbers (the query's words): keep only sequences containing at least one
    /// of them (`Some(vec![])` keeps none); `None` keeps all.
    pub containing: Option<Vec<u32>>,
    /// Leave out sequences whose first or last word is a stopword of the [`StopList`].
    pub drop_stop_edges: bool,
}

impl Default for NgramOptions {
    /// Pairs of words occurring at least twice ([`DEFAULT_MIN_FREQ`]), all kept.
    fn default() -> NgramOptions {
        NgramOptions { n: 2, min_freq: DEFAULT_MIN_FREQ, containing: None, drop_stop_edges: false }
    }
}

/// One sequence of words.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct NgramRow {
    /// The folded forms of its words joined by single spaces.
    pub words: String,
    /// `count(s)`: positions where it starts in the documents.
    pub count: u64,
    /// `count(s) / N · 10⁶`, `N` the tokens of the documents.
    pub per_million: f64,
    /// Number of documents it occurs in.
    pub docs: u32,
}

/// The sequences of `n` words of some documents.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Ngrams {
    /// Sequences with `count ≥ min_freq`: count descending, then docs descending, then words
    /// ascending (byte order).
    pub rows: Vec<NgramRow>,
    /// `n` as used (clamped to [`N_BOUNDS`]).
    pub n: usize,
    /// `N`: tokens of the documents (title and body words), the per-million base.
    pub tokens: u64,
    /// Number of distinct sequences counted (those passing `containing` and
    /// `drop_stop_edges`) before the `min_freq` cut.
    pub distinct: u64,
}

/// The sequences of `opts.n` words of `docs` with their counts (see the module's formulas).
pub fn ngrams(engine: &Engine, docs: &[usize], opts: &NgramOptions, stop: &StopList) -> Ngrams {
    finish(ngrams_paced(engine, docs, opts, stop, &mut Unpaced))
}

/// [`ngrams`], telling `pace` how far it has got: building the forward index the first time
/// ([`Stage::Positions`]), the sketch pass if any ([`Stage::Repeats`]), the counting
/// ([`Stage::Sequences`], every 64k positions), the listing ([`Stage::Listing`]).
pub async fn ngrams_paced(
    engine: &Engine,
    docs: &[usize],
    opts: &NgramOptions,
    stop: &StopList,
    pace: &mut impl Pace,
) -> Result<Ngrams, Cancelled> {
    compute(engine, docs, opts, stop, Tuning::default(), pace).await
}

/// The export table: `ngram` (the words), `count`, `per_million`, `docs`.
pub fn table(ng: &Ngrams) -> Table {
    Table::of(&["ngram", "count", "per_million", "docs"], &ng.rows, |r| {
        cells![r.words.as_str(), r.count, r.per_million, r.docs]
    })
}

/// For each term, whether it is a stopword of `stop` (`stop.is_stop(term)` for every term,
/// found by looking the listed words up instead of testing every term against the lists).
pub(crate) fn stop_terms(index: &Index, stop: &StopList) -> Vec<bool> {
    let mut out = vec![false; index.term_count()];
    let builtin = crate::stopwords::ENGLISH.iter().chain(crate::stopwords::RUSSIAN).copied();
    let kept = builtin.filter(|w| !stop.remove.iter().any(|r| r == w));
    for word in kept.chain(stop.add.iter().map(String::as_str)) {
        if let Some(t) = index.lookup(word) {
            out[t as usize] = true;
        }
    }
    out
}

/// Positions read between two steps of the pace.
const CHUNK: usize = 16 * EVERY;

/// When the map of sequences reaches this size (about 100 MB) and only repeated sequences
/// are wanted, the sketch is made (see [`Counting::count`]).
const SKETCH_AT: usize = 1 << 21;

/// Which key the map uses (tests force each kind).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum KeyKind {
    Wide,
    Array,
}

/// Internal choices, fixed in use and varied by the tests.
#[derive(Debug, Clone, Copy)]
struct Tuning {
    /// Make the sketch when the map holds this many sequences, when `min_freq ≥ 2`.
    sketch_at: usize,
    /// The key kind, instead of the smallest that fits.
    key: Option<KeyKind>,
}

impl Default for Tuning {
    fn default() -> Tuning {
        Tuning { sketch_at: SKETCH_AT, key: None }
    }
}

/// A sequence's term numbers as one hashable value.
trait Packed: Copy + Eq + Hash {
    /// The key of `window` (at most 6 terms of at most `bits` bits each).
    fn pack(window: &[u32], bits: u32) -> Self;
    /// The terms back, into `out[..n]`.
    fn unpack(self, n: usize, bits: u32, out: &mut [u32; 6]);
    /// A well-mixed 64-bit hash for the sketch.
    fn mix(self) -> u64;
}

/// The splitmix64 finaliser: every input bit affects every output bit.
fn mix64(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

impl Packed for u128 {
    fn pack(window: &[u32], bits: u32) -> u128 {
        window.iter().fold(0, |k, &t| k << bits | u128::from(t))
    }
    fn unpack(mut self, n: usize, bits: u32, out: &mut [u32; 6]) {
        for slot in out[..n].iter_mut().rev() {
            *slot = (self & ((1 << bits) - 1)) as u32;
            self >>= bits;
        }
    }
    fn mix(self) -> u64 {
        mix64(mix64(self as u64) ^ (self >> 64) as u64)
    }
}

impl Packed for [u32; 6] {
    fn pack(window: &[u32], _: u32) -> [u32; 6] {
        let mut k = [0; 6];
        k[..window.len()].copy_from_slice(window);
        k
    }
    fn unpack(self, n: usize, _: u32, out: &mut [u32; 6]) {
        out[..n].copy_from_slice(&self[..n]);
    }
    fn mix(self) -> u64 {
        self.iter().fold(0, |h, &t| mix64(h ^ u64::from(t)))
    }
}

/// Which windows count: those with a wanted word, those without a stopword at an edge.
struct Filter {
    n: usize,
    wanted: Option<Vec<bool>>,
    stop: Option<Vec<bool>>,
}

/// One sequence's tally.
struct Tally {
    count: u64,
    docs: u32,
    last: u32,
}

/// Calls `f(window, doc)` for each counted window of `docs[from..]`, stepping `pace` at
/// `stage` every [`CHUNK`] positions; stops after a document in which `f` returned true.
/// Returns where it stopped: the number of documents done (`docs.len()` at the end).
#[allow(clippy::too_many_arguments)]
async fn walk(
    index: &Index,
    forward: &Forward,
    docs: &[usize],
    from: usize,
    filter: &Filter,
    stage: Stage,
    pace: &mut impl Pace,
    mut f: impl FnMut(&[u32], u32) -> bool,
) -> Result<usize, Cancelled> {
    let n = filter.n;
    let positions = |d: &usize| index.doc_positions(*d) as usize;
    let total: usize = docs.iter().map(positions).sum();
    let (mut done, mut since) = (docs[..from].iter().map(positions).sum::<usize>(), 0usize);
    for (k, &d) in docs.iter().enumerate().skip(from) {
        let terms = forward.doc(index, d);
        // Words since the last gap, and the position after the last wanted word (0: none yet).
        let (mut run, mut after_wanted, mut stop) = (0usize, 0usize, false);
        let mut at = 0;
        while at < terms.len() {
            let to = (at + CHUNK).min(terms.len());
            for i in at..to {
                let t = terms[i];
                if t == GAP {
                    run = 0;
                    continue;
                }
                run += 1;
                if filter.wanted.as_ref().is_some_and(|w| w[t as usize]) {
                    after_wanted = i + 1;
                }
                if run < n {
                    continue;
                }
                let start = i + 1 - n;
                if filter.wanted.is_some() && after_wanted <= start {
                    continue;
                }
                if filter.stop.as_ref().is_some_and(|s| s[terms[start] as usize] || s[t as usize]) {
                    continue;
                }
                stop |= f(&terms[start..=i], d as u32);
            }
            since += to - at;
            at = to;
            if since >= CHUNK {
                done += since;
                since = 0;
                pace.step(stage, done, total).await?;
            }
        }
        if stop {
            return Ok(k + 1);
        }
    }
    Ok(docs.len())
}

/// A count sketch: 2-bit counters that stop at 2, two per sequence in one 64-bit word.
struct Sketch {
    words: Vec<u64>,
}

impl Sketch {
    /// A sketch for about `sequences` sequences (2 bytes each: 4 counters a sequence).
    fn new(sequences: u64) -> Sketch {
        Sketch { words: vec![0; (sequences / 4).max(1) as usize] }
    }

    /// The word and the two counters' shifts of a hash.
    fn slots(&self, h: u64) -> (usize, u32, u32) {
        // Multiply-shift maps the hash's high bits onto 0..len without a division.
        let word = ((u128::from(h) * self.words.len() as u128) >> 64) as usize;
        (word, (h as u32 & 31) * 2, ((h >> 5) as u32 & 31) * 2)
    }

    fn add(&mut self, h: u64) {
        let (w, s1, s2) = self.slots(h);
        let word = &mut self.words[w];
        for s in [s1, s2] {
            if (*word >> s) & 3 < 2 {
                *word += 1 << s;
            }
        }
    }

    /// True when the sequence of this hash certainly occurs once (the smaller counter is 1).
    fn once(&self, h: u64) -> bool {
        let (w, s1, s2) = self.slots(h);
        let word = self.words[w];
        ((word >> s1) & 3).min((word >> s2) & 3) < 2
    }
}

/// Partitions of the sequences (by their hash's top 8 bits), each counted in its own map.
const PARTS: usize = 256;
/// Sequences gathered by partition before they are counted.
const BATCH: usize = 1 << 18;

/// The tallies of the sequences, in [`PARTS`] maps. Sequences are gathered by partition and
/// counted a batch at a time: each partition's map is a 256th of the whole, so its part of a
/// batch (about a thousand sequences) is counted in a map the processor's cache mostly holds,
/// where one large map costs a memory access per sequence (counting 6-grams of 18M tokens
/// took 1.0 s instead of 1.9 s). A sequence always goes to the same partition, in the order
/// read, so the last-document stamps stay right.
struct Tallies<K> {
    maps: Vec<FxHashMap<K, Tally>>,
    batch: Vec<Vec<(K, u32)>>,
    waiting: usize,
    /// Sequences in the maps (as of the last batch counted).
    len: usize,
}

impl<K: Packed> Tallies<K> {
    fn new() -> Tallies<K> {
        Tallies {
            maps: (0..PARTS).map(|_| FxHashMap::default()).collect(),
            batch: (0..PARTS).map(|_| Vec::new()).collect(),
            waiting: 0,
            len: 0,
        }
    }

    /// Counts one occurrence of the sequence `key` (of hash `h`, [`Packed::mix`]) in document `d`.
    fn add(&mut self, key: K, h: u64, d: u32) {
        self.batch[(h >> 56) as usize].push((key, d));
        self.waiting += 1;
        if self.waiting >= BATCH {
            self.flush();
        }
    }

    /// Counts the gathered sequences.
    fn flush(&mut self) {
        for (map, batch) in self.maps.iter_mut().zip(&mut self.batch) {
            for (key, d) in batch.drain(..) {
                let tally = map.entry(key).or_insert(Tally { count: 0, docs: 0, last: u32::MAX });
                tally.count += 1;
                if tally.last != d {
                    tally.last = d;
                    tally.docs += 1;
                }
            }
        }
        self.waiting = 0;
        self.len = self.maps.iter().map(|m| m.len()).sum();
    }
}

/// What counting needs besides the documents.
struct Counting<'a> {
    index: &'a Index,
    forward: &'a Forward,
    docs: &'a [usize],
    filter: &'a Filter,
    n: usize,
    bits: u32,
    min_freq: u64,
    /// At most this many sequences are counted (the sketch's size).
    bound: u64,
    /// Map size at which the sketch is made (`usize::MAX`: never).
    sketch_at: usize,
}

impl Counting<'_> {
    /// Counts with keys of type `K`: the sequences with `count ≥ min_freq`, and the number
    /// of distinct sequences.
    ///
    /// Every sequence goes into the map until it holds `sketch_at` of them (at the end of a
    /// document); then the sketch of all documents is made, and the remaining documents'
    /// sequences that occur once in all (none of which can be in the map already) are only
    /// counted in `distinct`.
    async fn count<K: Packed>(&self, pace: &mut impl Pace) -> Result<(Vec<Kept>, u64), Cancelled> {
        let Counting { index, forward, docs, filter, bits, .. } = *self;
        let mut tallies = Tallies::<K>::new();
        let limit = self.sketch_at;
        let next = walk(index, forward, docs, 0, filter, Stage::Sequences, pace, |w, d| {
            let key = K::pack(w, bits);
            tallies.add(key, key.mix(), d);
            tallies.len + tallies.waiting >= limit
        })
        .await?;
        tallies.flush();
        let mut once = 0u64;
        if next < docs.len() {
            let mut sketch = Sketch::new(self.bound);
            walk(index, forward, docs, 0, filter, Stage::Repeats, pace, |w, _| {
                sketch.add(K::pack(w, bits).mix());
                false
            })
            .await?;
            walk(index, forward, docs, next, filter, Stage::Sequences, pace, |w, d| {
                let key = K::pack(w, bits);
                let h = key.mix();
                if sketch.once(h) {
                    once += 1;
                } else {
                    tallies.add(key, h, d);
                }
                false
            })
            .await?;
            tallies.flush();
        }
        let distinct = once + tallies.len as u64;
        pace.step(Stage::Listing, 0, tallies.len).await?;
        let mut kept = Vec::new();
        let mut terms = [0u32; 6];
        for (key, tally) in tallies.maps.into_iter().flatten() {
            if tally.count >= self.min_freq {
                key.unpack(self.n, bits, &mut terms);
                kept.push(Kept { count: tally.count, docs: tally.docs, terms });
            }
        }
        Ok((kept, distinct))
    }
}

/// A kept sequence, in one form whatever the key (so the sort and the rows are compiled once).
struct Kept {
    count: u64,
    docs: u32,
    terms: [u32; 6],
}

/// The rows of the kept sequences, sorted by count descending, then docs descending, then
/// words ascending. The words are compared as their term numbers, term by term: terms are
/// numbered in byte order and hold no byte at or below the space, so this orders the joined
/// words as comparing them would, without making the strings first. The standard library's
/// sort, not `crate::sort`: a million rows or more sort in a tenth of the time.
async fn rows(
    index: &Index,
    n: usize,
    tokens: u64,
    mut kept: Vec<Kept>,
    pace: &mut impl Pace,
) -> Result<Vec<NgramRow>, Cancelled> {
    kept.sort_unstable_by_key(|k| (std::cmp::Reverse(k.count), std::cmp::Reverse(k.docs), k.terms));
    let len = kept.len();
    let mut rows = Vec::with_capacity(len);
    let mut parts = Vec::with_capacity(n);
    for (done, Kept { count, docs, terms }) in kept.into_iter().enumerate() {
        parts.clear();
        parts.extend(terms[..n].iter().map(|&t| index.term(t)));
        rows.push(NgramRow { words: parts.join(" "), count, per_million: per_million(count, tokens), docs });
        if (done + 1) % EVERY == 0 {
            pace.step(Stage::Listing, done + 1, len).await?;
        }
    }
    Ok(rows)
}

/// [`ngrams_paced`] with internal choices set.
async fn compute(
    engine: &Engine,
    docs: &[usize],
    opts: &NgramOptions,
    stop: &StopList,
    tuning: Tuning,
    pace: &mut impl Pace,
) -> Result<Ngrams, Cancelled> {
    let index = &engine.index;
    let n = opts.n.clamp(usize::from(N_BOUNDS.0), usize::from(N_BOUNDS.1));
    let docs = clean_docs(index, docs);
    let tokens: u64 = docs.iter().map(|&d| u64::from(index.doc_tokens(d))).sum();
    let empty = Ngrams { rows: Vec::new(), n, tokens, distinct: 0 };
    if opts.containing.as_ref().is_some_and(|c| c.is_empty()) || tokens == 0 {
        return Ok(empty);
    }
    let term_count = index.term_count();
    let wanted = opts.containing.as_ref().map(|c| {
        let mut w = vec![false; term_count];
        for &t in c.iter().filter(|&&t| (t as usize) < term_count) {
            w[t as usize] = true;
        }
        w
    });
    // At most this many sequences are counted: one a token, or n around each wanted word.
    let mut bound = tokens;
    if let Some(w) = &wanted {
        let mask = doc_mask(index, &docs);
        let occurrences: u64 = (0..term_count as u32)
            .filter(|&t| w[t as usize])
            .flat_map(|t| index.postings(t))
            .filter(|p| mask[p.doc as usize])
            .map(|p| u64::from(p.tf[0] + p.tf[1]))
            .sum();
        bound = bound.min(occurrences * n as u64);
    }
    if bound == 0 {
        return Ok(empty);
    }
    let stop = opts.drop_stop_edges.then(|| stop_terms(index, stop));
    let filter = Filter { n, wanted, stop };
    let forward = engine.forward_paced(pace).await?;
    let min_freq = opts.min_freq.max(1);
    // Bits of the largest term number.
    let bits = (u32::BITS - (term_count.saturating_sub(1) as u32).leading_zeros()).max(1);
    let counting = Counting {
        index,
        forward,
        docs: &docs,
        filter: &filter,
        n,
        bits,
        min_freq,
        bound,
        sketch_at: if min_freq >= 2 { tuning.sketch_at } else { usize::MAX },
    };
    let kind = tuning.key.unwrap_or(match n as u32 * bits {
        // A u64 key for short sequences of small term numbers would save 8 bytes a sequence,
        // but a third copy of the counting costs 7 kB of wasm on every page load.
        0..=128 => KeyKind::Wide,
        _ => KeyKind::Array,
    });
    let (kept, distinct) = match kind {
        KeyKind::Wide => counting.count::<u128>(pace).await?,
        KeyKind::Array => counting.count::<[u32; 6]>(pace).await?,
    };
    let rows = rows(index, n, tokens, kept, pace).await?;
    Ok(Ngrams { rows, n, tokens, distinct })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::export::Cell;
    use crate::analysis::tests::{close_1e6 as close, engine};
    use crate::pace::testing::{run, Recorder};

    fn opts(n: usize, min_freq: u64) -> NgramOptions {
        NgramOptions { n, min_freq, containing: None, drop_stop_edges: false }
    }

    fn list(ng: &Ngrams) -> Vec<(&str, u64, u32)> {
        ng.rows.iter().map(|r| (r.words.as_str(), r.count, r.docs)).collect()
    }

    /// Every way of counting (each key kind, with and without the sketch) gives the same.
    fn every_way(e: &Engine, docs: &[usize], o: &NgramOptions, stop: &StopList) -> Ngrams {
        let plain = ngrams(e, docs, o, stop);
        for key in [KeyKind::Wide, KeyKind::Array] {
            for sketch_at in [0, 1, 3, usize::MAX] {
                let tuning = Tuning { sketch_at, key: Some(key) };
                let other = run(compute(e, docs, o, stop, tuning, &mut Unpaced)).unwrap();
                assert_eq!(other, plain, "{key:?}, sketch at {sketch_at}");
            }
        }
        plain
    }

    #[test]
    fn overlapping_and_repeated_sequences() {
        let e = engine(&[("", "a a a a", "X", None)]);
        let stop = StopList::default();
        // Starts 0, 1, 2: "a a" three times; "a a a" twice; "a a a a" once.
        assert_eq!(list(&every_way(&e, &[0], &opts(2, 1), &stop)), [("a a", 3, 1)]);
        assert_eq!(list(&every_way(&e, &[0], &opts(3, 1), &stop)), [("a a a", 2, 1)]);
        let four = every_way(&e, &[0], &opts(4, 1), &stop);
        assert_eq!(list(&four), [("a a a a", 1, 1)]);
        // N = 4 tokens: 1 / 4 · 10⁶ = 250,000 per million.
        assert!(close(four.rows[0].per_million, 250_000.0));
        // Five words: no sequence.
        let five = every_way(&e, &[0], &opts(5, 1), &stop);
        assert!(five.rows.is_empty() && five.distinct == 0 && five.tokens == 4);
    }

    #[test]
    fn paragraphs_and_the_title_are_not_crossed() {
        // Title "x y", paragraphs "y z." / "z w": the pairs are x y (title), y z, z w.
        // "y y" (title end → body start) and "z z" (across the break) are never counted.
        let e = engine(&[("X y", "y z.\nz w", "X", None)]);
        let ng = every_way(&e, &[0], &opts(2, 1), &StopList::default());
        assert_eq!(list(&ng), [("x y", 1, 1), ("y z", 1, 1), ("z w", 1, 1)]);
        assert_eq!((ng.distinct, ng.tokens), (3, 6));
        // Punctuation is not there: "end. The end" has "end the" and "the end".
        let e = engine(&[("", "The end. The end!", "X", None)]);
        let ng = every_way(&e, &[0], &opts(2, 1), &StopList::default());
        assert_eq!(list(&ng), [("the end", 2, 1), ("end the", 1, 1)]);
        // Three words per paragraph at most: no 4-gram.
        let e = engine(&[("A b c", "d e f\ng h i", "X", None)]);
        assert!(every_way(&e, &[0], &opts(4, 1), &StopList::default()).rows.is_empty());
    }

    #[test]
    fn counts_docs_and_order() {
        let e = engine(&[
            ("", "red army red army", "X", None),  // red army ×2, army red ×1
            ("", "red army\nblue sky", "X", None), // red army, blue sky
            ("", "blue sky blue sky", "Y", None),  // blue sky ×2, sky blue
            ("", "red army", "Y", None),           // not in the selection below
        ]);
        let ng = every_way(&e, &[0, 1, 2, 2, 99], &opts(2, 1), &StopList::default());
        // red army: 2 + 1 = 3 in 2 docs; blue sky: 1 + 2 = 3 in 2 docs → tie on count and docs:
        // alphabetical. army red and sky blue: 1 in 1 → alphabetical.
        assert_eq!(list(&ng), [("blue sky", 3, 2), ("red army", 3, 2), ("army red", 1, 1), ("sky blue", 1, 1)]);
        // N = 4 + 4 + 4 = 12: 3 / 12 · 10⁶ = 250,000.
        assert_eq!(ng.tokens, 12);
        assert!(close(ng.rows[0].per_million, 250_000.0));
        // Count ties broken by documents: "b c" ×2 in 2 documents before "a a" ×2 in 1.
        let e = engine(&[("", "a a a", "X", None), ("", "b c", "X", None), ("", "b c", "X", None)]);
        assert_eq!(list(&every_way(&e, &[0, 1, 2], &opts(2, 1), &StopList::default())), [("b c", 2, 2), ("a a", 2, 1)]);
        let t = table(&ng);
        assert_eq!(t.columns, ["ngram", "count", "per_million", "docs"]);
        assert_eq!(
            t.rows[0],
            vec![Cell::from("blue sky"), Cell::Number(3.0), Cell::Number(250_000.0), Cell::Number(2.0)]
        );
    }

    #[test]
    fn minimum_count() {
        let e = engine(&[("", "red army red army blue sky", "X", None)]);
        // Pairs: red army ×2, army red, army blue, blue sky: 4 distinct.
        let ng = every_way(&e, &[0], &opts(2, 2), &StopList::default());
        assert_eq!(list(&ng), [("red army", 2, 1)]);
        assert_eq!(ng.distinct, 4);
        // 0 counts as 1.
        assert_eq!(every_way(&e, &[0], &opts(2, 0), &StopList::default()).rows.len(), 4);
        assert!(every_way(&e, &[0], &opts(2, 3), &StopList::default()).rows.is_empty());
    }

    #[test]
    fn containing_the_query_words() {
        let e = engine(&[("", "the red army and the red flag", "X", None)]);
        let ix = &e.index;
        let red = ix.lookup("red").unwrap();
        let flag = ix.lookup("flag").unwrap();
        let mut o = opts(2, 1);
        o.containing = Some(vec![red]);
        // Pairs with "red": the red ×2, red army, red flag.
        assert_eq!(
            list(&every_way(&e, &[0], &o, &StopList::default())),
            [("the red", 2, 1), ("red army", 1, 1), ("red flag", 1, 1)]
        );
        let mut both = vec![red, flag];
        both.sort();
        o.containing = Some(both);
        o.n = 3;
        // Triples with red or flag: the red army, red army and, and the red, the red flag.
        let ng = every_way(&e, &[0], &o, &StopList::default());
        assert_eq!(ng.rows.len(), 4);
        assert_eq!(ng.distinct, 4);
        assert!(ng.rows.iter().all(|r| r.words.contains("red") || r.words.contains("flag")));
        // A word not in the documents, or none at all: nothing.
        o.containing = Some(vec![]);
        assert!(every_way(&e, &[0], &o, &StopList::default()).rows.is_empty());
        let e2 = engine(&[("", "the red army", "X", None), ("", "flag", "X", None)]);
        let flag2 = e2.index.lookup("flag").unwrap();
        o.containing = Some(vec![flag2]);
        let ng = every_way(&e2, &[0, 1], &o, &StopList::default());
        assert!(ng.rows.is_empty() && ng.tokens == 4);
    }

    #[test]
    fn stopwords_at_the_edges() {
        let e = engine(&[("", "the red army of the people", "X", None)]);
        let mut o = opts(2, 1);
        o.drop_stop_edges = true;
        // Pairs: the red, red army, army of, of the, the people: only "red army" has no stopword edge.
        let ng = every_way(&e, &[0], &o, &StopList::default());
        assert_eq!(list(&ng), [("red army", 1, 1)]);
        assert_eq!(ng.distinct, 1);
        // Triples: a stopword inside is kept ("army of the" no: ends with "the"); "red army of" no.
        o.n = 3;
        assert!(every_way(&e, &[0], &o, &StopList::default()).rows.is_empty());
        o.n = 4;
        // "red army of the" ends in the; "army of the people" keeps its inner stopwords.
        assert_eq!(list(&every_way(&e, &[0], &o, &StopList::default())), [("army of the people", 1, 1)]);
        // The person's list counts: "army" added, "the" removed.
        o.n = 2;
        let stop = StopList::new(&["army".to_string()], &["the".to_string()]);
        assert_eq!(list(&every_way(&e, &[0], &o, &stop)), [("the people", 1, 1), ("the red", 1, 1)]);
    }

    #[test]
    fn stop_terms_agree_with_the_list() {
        let e = engine(&[("The Army", "of the people, by Сталин и народ; said not", "X", None)]);
        let stop = StopList::new(&["said".to_string()], &["not".to_string()]);
        let flags = stop_terms(&e.index, &stop);
        for t in 0..e.index.term_count() as u32 {
            assert_eq!(flags[t as usize], stop.is_stop(e.index.term(t)), "{}", e.index.term(t));
        }
        assert!(flags.iter().filter(|&&f| f).count() >= 5);
    }

    #[test]
    fn n_is_clamped_and_empty_selections() {
        let e = engine(&[("", "a b c d e f g", "X", None), ("", "", "X", None)]);
        let stop = StopList::default();
        let one = every_way(&e, &[0], &opts(1, 1), &stop);
        assert_eq!((one.n, one.rows.len()), (2, 6));
        let nine = every_way(&e, &[0], &opts(9, 1), &stop);
        assert_eq!((nine.n, list(&nine)), (6, vec![("a b c d e f", 1, 1), ("b c d e f g", 1, 1)]));
        assert_eq!(ngrams(&e, &[], &opts(2, 1), &stop), Ngrams { rows: vec![], n: 2, tokens: 0, distinct: 0 });
        assert_eq!(ngrams(&e, &[1], &opts(2, 1), &stop), Ngrams { rows: vec![], n: 2, tokens: 0, distinct: 0 });
        assert_eq!(N_BOUNDS, (2, 6));
    }

    #[test]
    fn sketch_gives_the_same_on_a_larger_corpus() {
        // Words from a small vocabulary so that many sequences repeat, some many times.
        let mut seed = 7u64;
        let mut next = || {
            seed = mix64(seed.wrapping_add(0x9e37_79b9_7f4a_7c15));
            seed
        };
        let texts: Vec<String> = (0..40)
            .map(|_| {
                (0..3)
                    .map(|_| (0..60).map(|_| format!("w{}", next() % 30)).collect::<Vec<_>>().join(" "))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .collect();
        let docs: Vec<(&str, &str, &str, Option<&str>)> = texts.iter().map(|t| ("T", t.as_str(), "X", None)).collect();
        let e = engine(&docs);
        let all: Vec<usize> = (0..40).collect();
        for n in 2..=6 {
            for min_freq in [1, 2, 3] {
                let mut o = opts(n, min_freq);
                let ng = every_way(&e, &all, &o, &StopList::default());
                // Counts add up: every sequence of n words in a paragraph, 40 · 3 · (60 − n + 1).
                if min_freq == 1 {
                    assert_eq!(ng.rows.iter().map(|r| r.count).sum::<u64>(), 120 * (61 - n as u64));
                    assert_eq!(ng.distinct, ng.rows.len() as u64);
                }
                o.containing = Some(vec![e.index.lookup("w3").unwrap()]);
                every_way(&e, &all, &o, &StopList::default());
            }
        }
    }

    #[test]
    fn paced_steps_and_cancels() {
        let body = vec!["a b c d"; 30_000].join("\n");
        let e = engine(&[("", body.as_str(), "X", None), ("", body.as_str(), "X", None)]);
        let mut rec = Recorder::default();
        let ng = run(ngrams_paced(&e, &[0, 1], &opts(2, 2), &StopList::default(), &mut rec)).unwrap();
        assert_eq!(list(&ng), [("a b", 60_000, 2), ("b c", 60_000, 2), ("c d", 60_000, 2)]);
        for stage in [Stage::Positions, Stage::Sequences, Stage::Listing] {
            assert!(rec.steps.iter().any(|s| s.0 == stage), "{stage:?}");
        }
        // The sketch made after the first document: its own pass, then the second document.
        let mut rec = Recorder::default();
        let tuning = Tuning { sketch_at: 0, key: None };
        assert_eq!(run(compute(&e, &[0, 1], &opts(2, 2), &StopList::default(), tuning, &mut rec)).unwrap(), ng);
        let stages: Vec<Stage> = rec.steps.iter().map(|s| s.0).filter(|&s| s != Stage::Listing).collect();
        let first_repeat = stages.iter().position(|&s| s == Stage::Repeats).unwrap();
        assert!(stages[..first_repeat].contains(&Stage::Sequences));
        assert!(stages[first_repeat..].ends_with(&[Stage::Sequences]));
        for stage in [Stage::Sequences, Stage::Repeats, Stage::Listing] {
            let mut stop = Recorder {
                stop_at: Some(1 + rec.steps.iter().position(|s| s.0 == stage).unwrap()),
                ..Recorder::default()
            };
            assert!(run(compute(&e, &[0, 1], &opts(2, 2), &StopList::default(), tuning, &mut stop)).is_err());
        }
    }
}
