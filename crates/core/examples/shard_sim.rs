//! Issue 12, part 4 ("beyond one browser, on paper"): what a static host would send if the
//! index were split into files fetched by the query's terms, as Pagefind does, and the text
//! were fetched per document. A simulation with the core's real index, query parser, prefix
//! expansion, typo search and ranking; it writes no file, it prints byte counts.
//!
//! ```sh
//! cargo run --release -p explorer-core --example shard_sim -- CORPUS.jsonl [QUERY…]
//! ```
//!
//! `CORPUS.jsonl` is a corpus in the app's JSON Lines form (a header line, then one document a
//! line); the queries default to the SOTU list of `scripts/bench.mjs` and `the`
//! (`./scripts/bench --only big` passes its own list). The files modelled, all gzip -9 on the
//! wire as Pagefind writes its own:
//!
//! - `dict/N`: the dictionary, every term in sorted order (front-coded: shared prefix length,
//!   suffix length, suffix) with its document frequency. A word's prefix range is read here,
//!   and the typo search and "did you mean" read all of it.
//! - `stem/N`: stem → its terms (numbers, delta-coded), sorted by stem: `unions` finds `union`.
//! - `post/N`: postings in term order: a header with the number of terms and each one's byte
//!   length, then per term its document count and per document the document number's delta,
//!   the title and body counts and (layout "inline") the word positions as deltas. Layout
//!   "apart" keeps the positions in `pos/N` files of their own, which only phrases, the
//!   concordance and the collocates would read; the query list has no phrase.
//! - `doc/N`: a document's title and paragraphs; `frag/N/P`: one paragraph alone (the one the
//!   result's snippet comes from).
//! - the manifest: each kind's shard boundaries (the shortest prefix of a shard's first term
//!   that sorts after the last term of the shard before, as Pagefind's `pf_meta` does; for
//!   postings the first term number) and the document table (each document's metadata as in
//!   the corpus file without its text, and its title and body lengths for BM25).
//!
//! Every number is a LEB128 varint. Each kind is cut into shards of at most the target size
//! (raw bytes, before gzip) by term range; a term whose own entry is larger is a shard alone.
//! Each query is typed letter by letter, and every prefix is searched as the app searches it
//! (the last word a prefix): the shards its words need, the top 10 results' documents and
//! fragments. "Final" is the whole query alone, with an empty cache; "typing" is the union over
//! its keystrokes, each file fetched once; "from the 3rd letter" leaves out the keystrokes
//! before the input has three characters.

use explorer_core::index::{Index, BODY, TITLE};
use explorer_core::jsonl::CorpusReader;
use explorer_core::query::{self, Node, TextField, Word};
use explorer_core::search::{search, Sort};
use explorer_core::snippet;
use explorer_core::stopwords::is_stopword;
use explorer_core::{Engine, Filters};
use flate2::write::GzEncoder;
use flate2::Compression;
use std::collections::{HashMap, HashSet};
use std::io::Write;

/// The bench's query list for the SOTU and 108 MB corpora (`SOTU_QUERIES` in
/// scripts/bench.mjs) and its extra query (`LIST_EXTRA_QUERY` in first-load.mjs).
const DEFAULT_QUERIES: &[&str] = &[
    "government",
    "congress",
    "people",
    "war",
    "america",
    "peace",
    "slavery",
    "railroad",
    "tariff",
    "telegraph",
    "atomic",
    "internet",
    "terrorism",
    "louisiana",
    "united states",
    "foreign policy",
    "health care",
    "social security",
    "civil war",
    "public debt",
    "federal reserve",
    "national defense",
    "govern",
    "constitu",
    "econ",
    "immigr",
    "agricult",
    "goverment",
    "constitusion",
    "ecomony",
    "terorism",
    "the",
];

/// Shard targets tried (raw bytes of a shard file).
const TARGETS: [usize; 3] = [16 << 10, 64 << 10, 256 << 10];
/// The layout whose per-query figures are printed: 64 kB, positions apart.
const MAIN_TARGET: usize = 64 << 10;
/// Results whose documents a page shows.
const SHOWN: usize = 10;

fn put_varint(out: &mut Vec<u8>, v: u64) {
    let mut v = v;
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn put(out: &mut Vec<u8>, v: usize) {
    put_varint(out, v as u64);
}

fn gzip_len(bytes: &[u8]) -> usize {
    let mut gz = GzEncoder::new(Vec::new(), Compression::best());
    gz.write_all(bytes).expect("gzip in memory");
    gz.finish().expect("gzip in memory").len()
}

/// Start indices of shards over entries of the given sizes: a shard takes entries while it
/// stays within `target`; an entry larger than `target` is a shard alone.
fn cut(sizes: &[usize], target: usize) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut fill = 0;
    for (i, &s) in sizes.iter().enumerate() {
        if starts.is_empty() || fill + s > target {
            starts.push(i);
            fill = 0;
        }
        fill += s;
    }
    starts
}

/// The shortest prefix of `next` that sorts after `prev` (a shard boundary).
fn boundary<'a>(prev: &str, next: &'a str) -> &'a str {
    let common = prev.bytes().zip(next.bytes()).take_while(|(a, b)| a == b).count();
    let mut end = (common + 1).min(next.len());
    while !next.is_char_boundary(end) {
        end += 1;
    }
    &next[..end]
}

/// Front-coded sorted strings, each followed by what `tail` writes.
fn front_coded(keys: &[&str], mut tail: impl FnMut(usize, &mut Vec<u8>)) -> Vec<u8> {
    let mut out = Vec::new();
    put(&mut out, keys.len());
    let mut prev = "";
    for (i, k) in keys.iter().enumerate() {
        let shared = prev.bytes().zip(k.bytes()).take_while(|(a, b)| a == b).count();
        put(&mut out, shared);
        put(&mut out, k.len() - shared);
        out.extend_from_slice(&k.as_bytes()[shared..]);
        tail(i, &mut out);
        prev = k;
    }
    out
}

/// One kind of file cut into shards.
struct Shards {
    starts: Vec<usize>,
    raw: Vec<usize>,
    gz: Vec<usize>,
    /// Bytes of this kind's part of the manifest (raw).
    manifest: Vec<u8>,
}

impl Shards {
    /// Cuts entries (by their raw sizes) and builds each shard's bytes with `bytes(range)`.
    fn build(sizes: &[usize], target: usize, bytes: impl Fn(std::ops::Range<usize>) -> Vec<u8>) -> Shards {
        let starts = cut(sizes, target);
        let mut raw = Vec::new();
        let mut gz = Vec::new();
        for (k, &s) in starts.iter().enumerate() {
            let end = starts.get(k + 1).copied().unwrap_or(sizes.len());
            let b = bytes(s..end);
            raw.push(b.len());
            gz.push(gzip_len(&b));
        }
        Shards { starts, raw, gz, manifest: Vec::new() }
    }

    fn of(&self, entry: usize) -> usize {
        self.starts.partition_point(|&s| s <= entry).max(1) - 1
    }

    fn len(&self) -> usize {
        self.starts.len()
    }
}

/// The entry sizes and shard bytes of the index, per kind.
struct Encoded<'a> {
    index: &'a Index,
    terms: Vec<&'a str>,
    stems: Vec<(&'a str, &'a [u32])>,
    /// Per term: postings with positions, without, and the positions alone.
    inline: Vec<Vec<u8>>,
    apart: Vec<Vec<u8>>,
    positions: Vec<Vec<u8>>,
}

impl<'a> Encoded<'a> {
    fn new(index: &'a Index) -> Encoded<'a> {
        let n = index.term_count();
        let terms: Vec<&str> = (0..n as u32).map(|t| index.term(t)).collect();
        let mut stems: Vec<(&str, &[u32])> = index.stem_groups().collect();
        stems.sort_unstable_by_key(|s| s.0);
        let (mut inline, mut apart, mut positions) = (Vec::new(), Vec::new(), Vec::new());
        for t in 0..n as u32 {
            let list = index.postings(t);
            let (mut a, mut b, mut p) = (Vec::new(), Vec::new(), Vec::new());
            put(&mut a, list.len());
            put(&mut b, list.len());
            let mut prev = 0;
            for posting in list {
                for out in [&mut a, &mut b] {
                    put(out, (posting.doc - prev) as usize);
                    put(out, posting.tf[TITLE] as usize);
                    put(out, posting.tf[BODY] as usize);
                }
                prev = posting.doc;
                let mut last = 0;
                for &pos in index.positions(posting) {
                    put(&mut a, (pos - last) as usize);
                    put(&mut p, (pos - last) as usize);
                    last = pos;
                }
            }
            inline.push(a);
            apart.push(b);
            positions.push(p);
        }
        Encoded { index, terms, stems, inline, apart, positions }
    }

    fn dict_entry_len(&self, t: usize) -> usize {
        // Front coding against the previous term (a shard's first term costs a little more).
        let prev = if t == 0 { "" } else { self.terms[t - 1] };
        let k = self.terms[t];
        let shared = prev.bytes().zip(k.bytes()).take_while(|(a, b)| a == b).count();
        let mut v = Vec::new();
        put(&mut v, shared);
        put(&mut v, k.len() - shared);
        put(&mut v, self.index.postings(t as u32).len());
        v.len() + k.len() - shared
    }

    fn dict(&self, target: usize) -> Shards {
        let sizes: Vec<usize> = (0..self.terms.len()).map(|t| self.dict_entry_len(t)).collect();
        let mut s = Shards::build(&sizes, target, |r| {
            let start = r.start;
            front_coded(&self.terms[r], |i, out| put(out, self.index.postings((start + i) as u32).len()))
        });
        s.manifest = self.string_boundaries(&s.starts, |i| self.terms[i]);
        s
    }

    fn stem(&self, target: usize) -> Shards {
        let entry = |i: usize, out: &mut Vec<u8>| {
            let terms = self.stems[i].1;
            put(out, terms.len());
            let mut prev = 0;
            for &t in terms {
                put(out, (t - prev) as usize);
                prev = t;
            }
        };
        let sizes: Vec<usize> = (0..self.stems.len())
            .map(|i| {
                let mut v = Vec::new();
                entry(i, &mut v);
                v.len() + self.stems[i].0.len() + 2
            })
            .collect();
        let keys: Vec<&str> = self.stems.iter().map(|s| s.0).collect();
        let mut s = Shards::build(&sizes, target, |r| {
            let start = r.start;
            front_coded(&keys[r], |i, out| entry(start + i, out))
        });
        s.manifest = self.string_boundaries(&s.starts, |i| keys[i]);
        s
    }

    fn post(&self, target: usize, entries: &[Vec<u8>]) -> Shards {
        let sizes: Vec<usize> = entries.iter().map(|e| e.len() + varint_len(e.len())).collect();
        let mut s = Shards::build(&sizes, target, |r| {
            let mut out = Vec::new();
            put(&mut out, r.len());
            for e in &entries[r.clone()] {
                put(&mut out, e.len());
            }
            for e in &entries[r] {
                out.extend_from_slice(e);
            }
            out
        });
        let mut m = Vec::new();
        put(&mut m, s.len());
        let mut prev = 0;
        for &start in &s.starts {
            put(&mut m, start - prev);
            prev = start;
        }
        s.manifest = m;
        s
    }

    /// A manifest part: the number of shards and each one's boundary string.
    fn string_boundaries<'k>(&self, starts: &[usize], key: impl Fn(usize) -> &'k str) -> Vec<u8> {
        let mut m = Vec::new();
        put(&mut m, starts.len());
        for &s in starts {
            let b = if s == 0 { "" } else { boundary(key(s - 1), key(s)) };
            put(&mut m, b.len());
            m.extend_from_slice(b.as_bytes());
        }
        m
    }
}

/// Bytes of `v` as a LEB128 varint.
fn varint_len(v: usize) -> usize {
    let bits = usize::BITS - v.leading_zeros();
    (bits.max(1) as usize).div_ceil(7)
}

/// What one keystroke's search reads.
#[derive(Default)]
struct Needs {
    /// Dictionary entries read: ranges of term numbers (inclusive).
    dict: Vec<(usize, usize)>,
    /// The whole dictionary (typo search, "did you mean").
    all_dict: bool,
    /// Stem table entries read (indices into the sorted stems).
    stems: Vec<usize>,
    /// Terms whose postings are read.
    terms: Vec<u32>,
    /// The shown results' documents, and the paragraph of each one's snippet.
    docs: Vec<usize>,
    frags: Vec<(usize, usize)>,
}

/// The query tree without the stopwords the search leaves out (as `search::drop_stopwords`).
fn drop_stopwords(node: &Node) -> Node {
    let is_stop = |n: &Node| matches!(n, Node::Term(w, TextField::Any) if !w.prefix && is_stopword(&w.text));
    match node {
        Node::And(children) => {
            let all_stop = children.iter().all(is_stop);
            let mut keep: Vec<Node> = children.iter().filter(|c| all_stop || !is_stop(c)).map(drop_stopwords).collect();
            if keep.len() == 1 {
                keep.remove(0)
            } else {
                Node::And(keep)
            }
        }
        Node::Or(c) => Node::Or(c.iter().map(drop_stopwords).collect()),
        Node::Not(c) => Node::Not(Box::new(drop_stopwords(c))),
        other => other.clone(),
    }
}

/// The words searched in the text, each with whether a typo search may replace it (a word
/// alone, not a phrase's word), as `search::Compiled` resolves them.
fn text_words<'n>(node: &'n Node, out: &mut Vec<(&'n Word, bool)>) {
    match node {
        Node::Term(w, _) => out.push((w, true)),
        Node::Phrase(ws, _) => out.extend(ws.iter().map(|w| (w, false))),
        Node::Meta(..) | Node::Year(..) => {}
        Node::And(c) | Node::Or(c) => c.iter().for_each(|c| text_words(c, out)),
        Node::Not(c) => text_words(c, out),
    }
}

/// Gzip sizes of the documents and fragments fetched (computed when first needed).
#[derive(Default)]
struct TextSizes {
    doc: HashMap<usize, usize>,
    frag: HashMap<(usize, usize), usize>,
}

fn doc_text(engine: &Engine, d: usize) -> String {
    let doc = &engine.corpus.documents[d];
    let mut s = doc.title.clone();
    for p in &doc.paragraphs {
        s.push('\n');
        s.push_str(p);
    }
    s
}

/// What the search for `input` reads: the dictionary and stem entries of its words, the
/// postings of the terms they expand to, and the shown results' text.
fn needs(engine: &Engine, enc: &Encoded, sizes: &mut TextSizes, input: &str) -> Needs {
    let index = &engine.index;
    let mut n = Needs::default();
    let last_term = enc.terms.len().saturating_sub(1);
    let parsed = query::parse(input);
    if let Some(root) = &parsed.root {
        let root = drop_stopwords(root);
        let mut words = Vec::new();
        text_words(&root, &mut words);
        for (w, may_fuzz) in words {
            if w.text.is_empty() {
                continue;
            }
            let lo = enc.terms.partition_point(|t| *t < w.text.as_str());
            let mut hi = lo;
            if w.prefix {
                while hi < enc.terms.len() && enc.terms[hi].starts_with(w.text.as_str()) {
                    hi += 1;
                }
            }
            n.dict.push((lo.min(last_term), hi.saturating_sub(1).max(lo).min(last_term)));
            // `Index::expand`: the stem's terms for a complete word, for a prefix that is itself
            // a term, and for a prefix that begins nothing (read as a whole inflected word).
            if !w.prefix || index.lookup(&w.text).is_some() || (hi == lo && !w.forced) {
                let stem = index.stemmers().stem(&w.text);
                let at = enc.stems.partition_point(|s| s.0 < stem.as_ref());
                n.stems.push(at.min(enc.stems.len().saturating_sub(1)));
            }
            let mut terms: Vec<u32> = index.expand(w).iter().map(|e| e.term).collect();
            if terms.is_empty() && may_fuzz {
                n.all_dict = true;
                terms = index.fuzzy(&w.text).iter().map(|e| e.term).collect();
            }
            n.terms.extend(terms);
        }
    }
    let out = search(engine, input, &Filters::default(), Sort::Relevance);
    if out.query_matches == 0 && !out.query.is_empty() {
        n.all_dict = true; // "did you mean" reads the whole vocabulary
    }
    for h in out.hits.iter().take(SHOWN) {
        let doc = &engine.corpus.documents[h.doc];
        let para = snippet::best(index, &out.compiled, h.doc, doc, snippet::SNIPPET_CHARS).paragraph;
        sizes.doc.entry(h.doc).or_insert_with(|| gzip_len(doc_text(engine, h.doc).as_bytes()));
        sizes
            .frag
            .entry((h.doc, para))
            .or_insert_with(|| gzip_len(doc.paragraphs.get(para).map_or(&[][..], |p| p.as_bytes())));
        n.docs.push(h.doc);
        n.frags.push((h.doc, para));
    }
    n
}

/// One way of cutting the index into files.
struct Layout {
    target: usize,
    positions_apart: bool,
    dict: Shards,
    stem: Shards,
    post: Shards,
    /// The positions' own files (layout "apart"; never read by the query list).
    pos: Option<Shards>,
}

impl Layout {
    fn name(&self) -> String {
        format!("{} kB, positions {}", self.target >> 10, if self.positions_apart { "apart" } else { "inline" })
    }

    fn kinds(&self) -> Vec<&Shards> {
        let mut k = vec![&self.dict, &self.stem, &self.post];
        k.extend(self.pos.as_ref());
        k
    }

    fn manifest_gz(&self) -> usize {
        let m: Vec<u8> = self.kinds().iter().flat_map(|s| s.manifest.iter().copied()).collect();
        gzip_len(&m)
    }
}

/// What a set of searches fetched, each file once.
#[derive(Default, Clone, Copy, Debug, PartialEq)]
struct Cost {
    dict: usize,
    stem: usize,
    post: usize,
    index_raw: usize,
    docs: usize,
    docs_gz: usize,
    frags_gz: usize,
}

impl Cost {
    fn shards(&self) -> usize {
        self.dict + self.stem + self.post
    }
}

#[derive(Default)]
struct Fetched {
    files: HashSet<(u8, usize)>,
    docs: HashSet<usize>,
    frags: HashSet<(usize, usize)>,
    cost: Cost,
}

impl Fetched {
    fn file(&mut self, kind: u8, shards: &Shards, k: usize) {
        if self.files.insert((kind, k)) {
            match kind {
                0 => self.cost.dict += 1,
                1 => self.cost.stem += 1,
                _ => self.cost.post += 1,
            }
            self.cost.index_raw += shards.raw[k];
        }
    }

    fn add(&mut self, layout: &Layout, sizes: &TextSizes, n: &Needs) {
        if n.all_dict {
            (0..layout.dict.len()).for_each(|k| self.file(0, &layout.dict, k));
        }
        for &(lo, hi) in &n.dict {
            (layout.dict.of(lo)..=layout.dict.of(hi)).for_each(|k| self.file(0, &layout.dict, k));
        }
        for &s in &n.stems {
            self.file(1, &layout.stem, layout.stem.of(s));
        }
        for &t in &n.terms {
            self.file(2, &layout.post, layout.post.of(t as usize));
        }
        for &d in &n.docs {
            if self.docs.insert(d) {
                self.cost.docs += 1;
                self.cost.docs_gz += sizes.doc[&d];
            }
        }
        for f in &n.frags {
            if self.frags.insert(*f) {
                self.cost.frags_gz += sizes.frag[f];
            }
        }
    }
}

/// A query of the list: the needs of each keystroke, with the input's length in characters.
struct Typed {
    query: String,
    keys: Vec<(usize, Needs)>,
}

/// Per query: the final search alone, the whole typing, the typing from the 3rd letter.
fn costs(layout: &Layout, sizes: &TextSizes, t: &Typed) -> [Cost; 3] {
    let mut out = [Fetched::default(), Fetched::default(), Fetched::default()];
    if let Some((_, last)) = t.keys.last() {
        out[0].add(layout, sizes, last);
    }
    for (chars, n) in &t.keys {
        out[1].add(layout, sizes, n);
        if *chars >= 3 {
            out[2].add(layout, sizes, n);
        }
    }
    out.map(|f| f.cost)
}

fn median(values: impl Iterator<Item = usize>) -> f64 {
    let mut v: Vec<usize> = values.collect();
    v.sort_unstable();
    match v.len() {
        0 => 0.0,
        n if n % 2 == 1 => v[n / 2] as f64,
        n => (v[n / 2 - 1] + v[n / 2]) as f64 / 2.0,
    }
}

fn kb(bytes: f64) -> String {
    format!("{:.1}", bytes / 1000.0)
}

fn mb(bytes: f64) -> String {
    format!("{:.2}", bytes / 1e6)
}

/// "median / max" of a figure over the list.
fn med_max(costs: &[[Cost; 3]], which: usize, f: impl Fn(&Cost) -> usize, show: impl Fn(f64) -> String) -> String {
    let med = median(costs.iter().map(|c| f(&c[which])));
    let max = costs.iter().map(|c| f(&c[which])).max().unwrap_or(0);
    format!("{} / {}", show(med), show(max as f64))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: shard_sim CORPUS.jsonl [QUERY…]");
        std::process::exit(2);
    };
    let given: Vec<String> = args.collect();
    let queries: Vec<String> =
        if given.is_empty() { DEFAULT_QUERIES.iter().map(|q| q.to_string()).collect() } else { given };
    let started = std::time::Instant::now();
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let file_len = bytes.len();
    let mut reader = CorpusReader::new();
    reader.feed_owned(bytes);
    let engine = reader.finish().unwrap_or_else(|e| panic!("{path}: {e}"));
    let index = &engine.index;
    eprintln!("shard_sim: read and indexed {path} in {:.1} s", started.elapsed().as_secs_f64());

    let enc = Encoded::new(index);
    let docs = engine.corpus.documents.len();
    let texts: Vec<String> = (0..docs).map(|d| doc_text(&engine, d)).collect();
    let text_len: usize = texts.iter().map(|t| t.len()).sum::<usize>() + docs.saturating_sub(1);
    let postings: usize = (0..index.term_count() as u32).map(|t| index.postings(t).len()).sum();
    let positions: usize = (0..docs).map(|d| index.doc_tokens(d) as usize).sum();
    let docs_gz: usize = texts.iter().map(|t| gzip_len(t.as_bytes())).sum();
    let paragraphs: usize = engine.corpus.documents.iter().map(|d| d.paragraphs.len()).sum();
    let frags_gz: usize =
        engine.corpus.documents.iter().flat_map(|d| d.paragraphs.iter()).map(|p| gzip_len(p.as_bytes())).sum();
    // The document table: each document's metadata as in the corpus file, without its text, and
    // its field lengths (BM25 needs them for every matching document).
    let mut table = Vec::new();
    for (d, doc) in engine.corpus.documents.iter().enumerate() {
        let meta = explorer_core::Document { paragraphs: Vec::new(), ..doc.clone() };
        table.extend_from_slice(serde_json::to_string(&meta).expect("a document as JSON").as_bytes());
        let [t, b] = index.field_len(d);
        table.extend_from_slice(format!("\t{t}\t{b}\t{}\n", doc.paragraphs.len()).as_bytes());
    }
    let table_gz = gzip_len(&table);
    eprintln!("shard_sim: encoded in {:.1} s", started.elapsed().as_secs_f64());

    let mut sizes = TextSizes::default();
    let typed: Vec<Typed> = queries
        .iter()
        .map(|q| {
            let ends: Vec<usize> = q.char_indices().map(|(i, c)| i + c.len_utf8()).collect();
            let keys =
                ends.iter().enumerate().map(|(k, &end)| (k + 1, needs(&engine, &enc, &mut sizes, &q[..end]))).collect();
            Typed { query: q.clone(), keys }
        })
        .collect();
    eprintln!("shard_sim: typed {} queries in {:.1} s", typed.len(), started.elapsed().as_secs_f64());

    let mut layouts = Vec::new();
    for target in TARGETS {
        for apart in [false, true] {
            layouts.push(Layout {
                target,
                positions_apart: apart,
                dict: enc.dict(target),
                stem: enc.stem(target),
                post: enc.post(target, if apart { &enc.apart } else { &enc.inline }),
                pos: apart.then(|| enc.post(target, &enc.positions)),
            });
        }
    }
    eprintln!("shard_sim: cut into shards in {:.1} s", started.elapsed().as_secs_f64());

    let mut lines = Vec::new();
    let keys: usize = typed.iter().map(|t| t.keys.len()).sum();
    lines.push(format!(
        "static-host simulation (issue 12, part 4; crates/core/examples/shard_sim.rs): {} documents, {} MB of text ({} MB file), {} terms, {} stems, {} postings, {} positions; {} queries typed letter by letter ({} keystrokes), top {} results shown",
        docs, mb(text_len as f64), mb(file_len as f64), index.term_count(), enc.stems.len(), postings, positions, typed.len(), keys, SHOWN
    ));
    let sum = |v: &[Vec<u8>]| v.iter().map(Vec::len).sum::<usize>();
    lines.push(format!(
        "  encoded (raw varints, before gzip): postings with positions {} MB (without positions {} MB, the positions alone {} MB); dictionary {} kB; stem table {} kB",
        mb(sum(&enc.inline) as f64),
        mb(sum(&enc.apart) as f64),
        mb(sum(&enc.positions) as f64),
        kb(layouts[0].dict.raw.iter().sum::<usize>() as f64),
        kb(layouts[0].stem.raw.iter().sum::<usize>() as f64),
    ));
    lines.push(format!(
        "  text files: {} documents {} MB gzip (whole text), or {} paragraph fragments {} MB gzip; document table (metadata and field lengths, read first) {} kB gzip",
        docs,
        mb(docs_gz as f64),
        paragraphs,
        mb(frags_gz as f64),
        kb(table_gz as f64)
    ));
    lines.push(
        "  index layouts (index bytes: the files' raw bytes, exact; gzip in brackets; per query: median / max over the list; \"typing\": every keystroke's search, each file fetched once per query):"
            .into(),
    );
    let head = "  layout                   | index files (dict+stem+post) | index MB (gzip) | largest kB | manifest kB gz | final: shards | final: index kB | typing: shards | typing: index kB | from 3rd letter: index kB | list total MB: final, typing | one session MB";
    lines.push(head.into());
    lines.push(format!("  {}", "-".repeat(head.len() - 2)));
    let mut main_costs = Vec::new();
    for layout in &layouts {
        let per: Vec<[Cost; 3]> = typed.iter().map(|t| costs(layout, &sizes, t)).collect();
        let mut session = Fetched::default();
        for t in &typed {
            for (_, n) in &t.keys {
                session.add(layout, &sizes, n);
            }
        }
        let all: Vec<&Shards> = layout.kinds();
        let index_raw: usize = all.iter().map(|s| s.raw.iter().sum::<usize>()).sum();
        let index_gz: usize = all.iter().map(|s| s.gz.iter().sum::<usize>()).sum();
        let largest =
            [&layout.dict, &layout.stem, &layout.post].iter().flat_map(|s| s.raw.iter()).copied().max().unwrap_or(0);
        let total = |w: usize| per.iter().map(|c| c[w].index_raw).sum::<usize>() as f64;
        lines.push(format!(
            "  {:<24} | {:>28} | {:>15} | {:>10} | {:>14} | {:>13} | {:>15} | {:>14} | {:>16} | {:>25} | {:>28} | {:>14}",
            layout.name(),
            format!(
                "{}+{}+{}{}",
                layout.dict.len(),
                layout.stem.len(),
                layout.post.len(),
                layout.pos.as_ref().map_or(String::new(), |p| format!(" (+{} pos)", p.len()))
            ),
            format!("{} ({})", mb(index_raw as f64), mb(index_gz as f64)),
            kb(largest as f64),
            kb(layout.manifest_gz() as f64),
            med_max(&per, 0, Cost::shards, |x| format!("{x}")),
            med_max(&per, 0, |c| c.index_raw, kb),
            med_max(&per, 1, Cost::shards, |x| format!("{x}")),
            med_max(&per, 1, |c| c.index_raw, kb),
            med_max(&per, 2, |c| c.index_raw, kb),
            format!("{}, {}", mb(total(0)), mb(total(1))),
            mb(session.cost.index_raw as f64),
        ));
        if layout.target == MAIN_TARGET && layout.positions_apart {
            main_costs = per;
        }
    }
    let per = &main_costs;
    lines.push(format!(
        "  text per query (any layout; median / max kB gzip): final top {SHOWN}: whole documents {}, fragments {}; typing: whole documents {} ({} documents), fragments {}",
        med_max(per, 0, |c| c.docs_gz, kb),
        med_max(per, 0, |c| c.frags_gz, kb),
        med_max(per, 1, |c| c.docs_gz, kb),
        med_max(per, 1, |c| c.docs, |x| format!("{x}")),
        med_max(per, 1, |c| c.frags_gz, kb),
    ));
    let main = layouts.iter().find(|l| l.target == MAIN_TARGET && l.positions_apart).expect("the main layout");
    lines.push(format!("  per query, layout {} (index kB raw, text kB gzip; shards as dict+stem+post):", main.name()));
    let head = "  query              | keys | final: shards | index | documents | fragments | typing: shards | index  | documents | fragments";
    lines.push(head.into());
    for (t, c) in typed.iter().zip(per) {
        let sh = |c: &Cost| format!("{}+{}+{}", c.dict, c.stem, c.post);
        lines.push(format!(
            "  {:<18} | {:>4} | {:>13} | {:>5} | {:>9} | {:>9} | {:>14} | {:>6} | {:>9} | {:>9}",
            format!("\"{}\"", t.query),
            t.keys.len(),
            sh(&c[0]),
            kb(c[0].index_raw as f64),
            kb(c[0].docs_gz as f64),
            kb(c[0].frags_gz as f64),
            sh(&c[1]),
            kb(c[1].index_raw as f64),
            kb(c[1].docs_gz as f64),
            kb(c[1].frags_gz as f64),
        ));
    }
    println!("{}", lines.join("\n"));
    eprintln!("shard_sim: done in {:.1} s", started.elapsed().as_secs_f64());
}

#[cfg(test)]
mod tests {
    use super::*;
    use explorer_core::{Corpus, Document};

    #[test]
    fn varints_are_leb128() {
        for (v, bytes) in [(0usize, vec![0u8]), (127, vec![127]), (128, vec![0x80, 1]), (300, vec![0xac, 2])] {
            let mut out = Vec::new();
            put(&mut out, v);
            assert_eq!(out, bytes);
            assert_eq!(varint_len(v), bytes.len());
        }
    }

    #[test]
    fn shards_fill_up_to_the_target_and_a_large_entry_stands_alone() {
        assert_eq!(cut(&[3, 3, 3, 10, 1, 1], 6), [0, 2, 3, 4]);
        assert_eq!(cut(&[], 6), Vec::<usize>::new());
        let s = Shards::build(&[3, 3, 3, 10, 1, 1], 6, |r| vec![0; r.len()]);
        assert_eq!((s.of(0), s.of(1), s.of(2), s.of(3), s.of(5)), (0, 0, 1, 2, 3));
    }

    #[test]
    fn boundaries_are_the_shortest_prefix_after_the_previous_shard() {
        assert_eq!(boundary("apple", "apricot"), "apr");
        assert_eq!(boundary("cath", "cathartic"), "catha");
        assert_eq!(boundary("a", "é"), "é");
    }

    #[test]
    fn a_typed_prefix_reads_its_range_its_completions_and_the_shown_text() {
        let docs = vec![
            Document::new("a", "Union", vec!["the union of states".into()]),
            Document::new("b", "B", vec!["unions and unionists".into(), "war".into()]),
        ];
        let engine = Engine::new(Corpus::new("v", docs));
        let enc = Encoded::new(&engine.index);
        let mut sizes = TextSizes::default();
        let n = needs(&engine, &enc, &mut sizes, "unio");
        let range: Vec<&str> = (n.dict[0].0..=n.dict[0].1).map(|t| enc.terms[t]).collect();
        assert_eq!(range, ["union", "unionists", "unions"]);
        assert!(n.stems.is_empty(), "a prefix that is no term reads no stem entry");
        assert_eq!(n.terms.len(), 3);
        assert_eq!(n.docs.len(), 2);
        assert!(!n.all_dict);
        // A misspelling reads the whole dictionary (the typo search).
        assert!(needs(&engine, &enc, &mut sizes, "unoin war").all_dict);
        // Every file of a layout is counted once, however many keystrokes need it.
        let layout = Layout {
            target: 64,
            positions_apart: true,
            dict: enc.dict(64),
            stem: enc.stem(64),
            post: enc.post(64, &enc.apart),
            pos: None,
        };
        let mut f = Fetched::default();
        f.add(&layout, &sizes, &n);
        let once = f.cost;
        f.add(&layout, &sizes, &n);
        assert_eq!(f.cost, once);
        assert_eq!(once.docs, 2);
    }
}
