//! The index in a compact binary form, written at build time beside the corpus and read by
//! the page instead of tokenizing every text again (tokenizing is most of loading: 2.6 s of
//! 2.9 s natively on the 108 MB benchmark corpus).
//!
//! The form (form 2), every number an unsigned LEB128 varint:
//!
//! ```text
//! magic "CXINDEX\0", form, corpus version (length, UTF-8), documents
//! per document: title words, paragraphs, then each paragraph's words
//! total positions, bytes of all positions blocks, terms
//! per term (ascending): bytes shared with the previous term, the rest (length, UTF-8),
//!   postings, bytes of its positions block,
//!   per posting: document (the first as is, then the step from the previous), title and
//!     body counts;
//!   its positions block: per posting, its positions (the first as is, then each step)
//! ```
//!
//! Reading parses the terms and their postings and keeps the positions blocks as they are,
//! one after the other (28 MB on the 108 MB benchmark corpus, where its 18 million positions
//! took 72 MB decoded); a term's positions are decoded, checked and kept the first time the
//! positions of one of its postings are asked for ([`Index::positions`]). Each posting's
//! `start` numbers its first position among all the file's positions (term by term, posting
//! by posting, from the counts), so that it finds its term.
//!
//! Checked when the file is read, before anything of it is used, so that a damaged or
//! hostile file is refused with a message rather than a panic or an out-of-range number
//! later: its magic, form and corpus version (the version against the corpus, with the number
//! of documents, their paragraphs and their title and body word counts, in
//! [`IndexFile::fit`]); each count against the bytes left before anything is allocated for
//! it; terms strictly ascending, each with postings; each posting's document in the corpus
//! and after the one before; its title and body counts not both 0; each positions block
//! within the file and at least a byte a position; and per document, the title counts of all
//! the terms adding up to its title's words and the body counts to its body's words.
//!
//! Checked when a term's positions are decoded: per posting, its positions ascending, below
//! its document's end and none on the gap after the title or a paragraph, as many in the
//! title as its title count says; and the block read exactly to its end. When they fail, the
//! term's postings have no positions (its documents are still found, no occurrence is marked
//! or listed) and [`Index::damaged`] says what is wrong, for the page to say it. That no
//! position is held by two terms is not checked (it would take decoding every position at
//! load): in such a file the forward index holds one of them there and a gap where the other
//! term's word would be, and the views that read it take gaps anywhere.

use super::{Index, Positions, Posting, BODY, FIELDS, TITLE};
use crate::model::Corpus;
use crate::tokenize::count_words;
use std::sync::OnceLock;

/// Version of the binary form; a file of another version is refused (and the corpus is
/// indexed in the page instead). Change it whenever the form or the tokenizer changes.
pub const INDEX_FORMAT: u64 = 2;

const MAGIC: &[u8; 8] = b"CXINDEX\0";

impl Index {
    /// The index in its binary form, for the corpus of version `corpus_version`.
    pub fn to_bytes(&self, corpus_version: &str) -> Vec<u8> {
        // The positions blocks first: the header gives their length.
        let mut blocks = Vec::with_capacity(self.positions_memory() / 2);
        let mut ends = Vec::with_capacity(self.terms.len());
        let mut scratch = Vec::new();
        for t in 0..self.terms.len() as u32 {
            self.each_positions(t, &mut scratch, |postings, mut positions| {
                for p in postings {
                    let (these, rest) = positions.split_at((p.occurrences() as usize).min(positions.len()));
                    positions = rest;
                    let mut last = None;
                    for &pos in these {
                        put(&mut blocks, last.map_or(pos, |l| pos - l) as u64);
                        last = Some(pos);
                    }
                }
            });
            ends.push(blocks.len());
        }
        let mut w = Vec::with_capacity(blocks.len() + self.postings.len() * 8 + self.terms.len() * 8);
        w.extend_from_slice(MAGIC);
        put(&mut w, INDEX_FORMAT);
        put_str(&mut w, corpus_version);
        put(&mut w, self.field_len.len() as u64);
        for (d, len) in self.field_len.iter().enumerate() {
            put(&mut w, len[TITLE] as u64);
            let starts = &self.para_starts[d];
            put(&mut w, starts.len() as u64);
            let end = self.doc_positions(d);
            for (i, &s) in starts.iter().enumerate() {
                let next = starts.get(i + 1).copied().unwrap_or(end);
                put(&mut w, (next - s - 1) as u64);
            }
        }
        let positions: u64 = self.postings.iter().flatten().map(|p| u64::from(p.occurrences())).sum();
        put(&mut w, positions);
        put(&mut w, blocks.len() as u64);
        put(&mut w, self.terms.len() as u64);
        let mut previous: &str = "";
        let mut block_start = 0;
        for (t, term) in self.terms.iter().enumerate() {
            let shared = common_prefix(previous, term);
            put(&mut w, shared as u64);
            put_str(&mut w, &term[shared..]);
            previous = term;
            let list = &self.postings[t];
            put(&mut w, list.len() as u64);
            put(&mut w, (ends[t] - block_start) as u64);
            let mut last_doc = None;
            for p in list {
                put(&mut w, last_doc.map_or(p.doc, |l| p.doc - l) as u64);
                last_doc = Some(p.doc);
                put(&mut w, p.tf[TITLE] as u64);
                put(&mut w, p.tf[BODY] as u64);
            }
            w.extend_from_slice(&blocks[block_start..ends[t]]);
            block_start = ends[t];
        }
        w
    }

    /// Reads an index in its binary form ([`Index::to_bytes`]) and checks it against `corpus`
    /// (see the module's description); the message says what does not fit.
    pub fn from_bytes(bytes: &[u8], corpus: &Corpus) -> Result<Index, String> {
        IndexFile::read(bytes)?.fit(corpus)
    }
}

/// An index read from its file and checked in itself, not yet matched with its corpus: it can
/// be read (and its bytes freed) before the documents are, so that the file, the index and
/// the documents are never all in memory at once.
pub struct IndexFile {
    index: Index,
    version: String,
}

impl IndexFile {
    /// The corpus version the index was built for.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The index, when it fits `corpus`: its version, its documents, their paragraphs and
    /// their title and body word counts.
    pub fn fit(self, corpus: &Corpus) -> Result<Index, String> {
        let IndexFile { index, version } = self;
        if version != corpus.version {
            return Err(format!("it indexes corpus version {version}, not {}", corpus.version));
        }
        let docs = &corpus.documents;
        let n = index.doc_count();
        if n != docs.len() {
            return Err(format!("it indexes {n} documents, and the corpus has {}", docs.len()));
        }
        for (d, doc) in docs.iter().enumerate() {
            let [title, body] = index.field_len(d);
            if title as usize != count_words(&doc.title) {
                return Err(format!("document {} ('{}') has another title than the one indexed", d + 1, doc.id));
            }
            let paras = index.para_starts(d).len();
            if paras != doc.paragraphs.len() {
                return Err(format!(
                    "document {} ('{}') has {} paragraphs, and the index {paras}",
                    d + 1,
                    doc.id,
                    doc.paragraphs.len()
                ));
            }
            if body as usize != doc.word_count {
                return Err(format!(
                    "document {} ('{}') has {} words, and the index {body}",
                    d + 1,
                    doc.id,
                    doc.word_count
                ));
            }
        }
        Ok(index)
    }

    /// Reads an index file and checks it in itself (see the module's description): its terms
    /// and postings; the positions are kept encoded, to be decoded and checked on first use.
    pub fn read(bytes: &[u8]) -> Result<IndexFile, String> {
        let mut r = Reader { bytes, at: 0 };
        if !bytes.starts_with(MAGIC) {
            return Err("it is not an index file of the explorer".into());
        }
        r.at = MAGIC.len();
        let format = r.num()?;
        if format != INDEX_FORMAT {
            return Err(format!("it is in form {format}, and this explorer reads form {INDEX_FORMAT}"));
        }
        let version = r.str()?.to_owned();
        let n = r.count()?;
        let mut field_len = Vec::with_capacity(n);
        let mut para_starts = Vec::with_capacity(n);
        // What each document's positions are checked against when decoded, and the gaps after
        // its title and paragraphs, as bits of a map of every document's positions.
        let mut docs = Vec::with_capacity(n);
        let mut gaps = Vec::new();
        let mut total: u64 = 0;
        for _ in 0..n {
            let title = r.num32()?;
            let paras = r.count()?;
            gaps.push(total + title as u64);
            let mut starts = Vec::with_capacity(paras);
            let mut pos = title as u64 + 1;
            for _ in 0..paras {
                starts.push(u32::try_from(pos).map_err(|_| "a document is too long".to_owned())?);
                pos += r.num32()? as u64;
                gaps.push(total + pos);
                pos += 1;
            }
            let body = pos - title as u64 - 1 - paras as u64;
            if pos > u32::MAX as u64 {
                return Err("a document is too long".into());
            }
            field_len.push([title, body as u32]);
            para_starts.push(starts);
            docs.push(explorer_codec::Doc { title, limit: pos as u32, base: total });
            total += pos;
        }
        let position_count = r.count()? as u64;
        let words: u64 = field_len.iter().map(|l| l[TITLE] as u64 + l[BODY] as u64).sum();
        if position_count != words {
            return Err(format!("it holds {position_count} positions for {words} words"));
        }
        if position_count > u32::MAX as u64 {
            return Err("it holds too many positions".into());
        }
        let block_bytes = r.count()?;
        let term_count = r.count()?;
        let mut terms: Vec<String> = Vec::with_capacity(term_count);
        let mut postings: Vec<Vec<Posting>> = Vec::with_capacity(term_count);
        let mut blocks: Vec<u8> = Vec::with_capacity(block_bytes);
        let mut block = Vec::with_capacity(term_count + 1);
        let mut first = Vec::with_capacity(term_count + 1);
        // Per document, the title and body counts of its postings so far.
        let mut counts = vec![[0u64; FIELDS]; n];
        let mut filled = 0u64;
        for t in 0..term_count {
            let shared = r.num()? as usize;
            let previous = terms.last().map_or("", String::as_str);
            if shared > previous.len() || !previous.is_char_boundary(shared) {
                return Err(format!("term {} is damaged", t + 1));
            }
            let mut term = previous[..shared].to_owned();
            term.push_str(r.str()?);
            if term.is_empty() || terms.last().is_some_and(|p| p.as_str() >= term.as_str()) {
                return Err(format!("term {} ('{term}') is out of order", t + 1));
            }
            let count = r.count()?;
            if count == 0 {
                return Err(format!("term '{term}' has no postings"));
            }
            let len = r.count()?;
            first.push(filled as u32);
            let list = read_postings(&mut r, count, &term, &mut counts, &mut filled, position_count)?;
            let occurrences = filled - u64::from(first[t]);
            if occurrences > len as u64 {
                return Err(format!("term '{term}' has {occurrences} positions in {len} bytes"));
            }
            let Some(positions) = bytes.get(r.at..r.at + len) else {
                return Err("it ends too early".into());
            };
            if blocks.len() + len > block_bytes {
                return Err("its positions take more bytes than it says".into());
            }
            block.push(blocks.len());
            blocks.extend_from_slice(positions);
            r.at += len;
            terms.push(term);
            postings.push(list);
        }
        if filled != position_count {
            return Err(format!("it holds {filled} of its {position_count} positions"));
        }
        if blocks.len() != block_bytes {
            return Err(format!("its positions take {} of the {block_bytes} bytes it says", blocks.len()));
        }
        for (d, (count, len)) in counts.iter().zip(&field_len).enumerate() {
            if count[TITLE] != u64::from(len[TITLE]) || count[BODY] != u64::from(len[BODY]) {
                return Err(format!(
                    "its terms count {} title words and {} body words in document {}, of {} and {}",
                    count[TITLE],
                    count[BODY],
                    d + 1,
                    len[TITLE],
                    len[BODY]
                ));
            }
        }
        if r.at != bytes.len() {
            return Err(format!("{} bytes follow its end", bytes.len() - r.at));
        }
        block.push(blocks.len());
        first.push(filled as u32);
        let mut map = vec![0u64; (total as usize).div_ceil(64)];
        for g in gaps {
            map[(g / 64) as usize] |= 1 << (g % 64);
        }
        let encoded = Encoded {
            bytes: blocks,
            block,
            first,
            docs,
            gaps: map,
            decoded: (0..term_count).map(|_| OnceLock::new()).collect(),
            damaged: OnceLock::new(),
        };
        let positions = Positions::Encoded(Box::new(encoded));
        Ok(IndexFile { index: Index::assemble(terms, postings, positions, field_len, para_starts), version })
    }
}

/// Reads the `count` postings of `term`, numbering their positions from `filled` on and
/// adding their title and body counts to their documents' `counts` (see
/// [`explorer_codec::read_postings`]: that loop is compiled for speed).
fn read_postings(
    r: &mut Reader,
    count: usize,
    term: &str,
    counts: &mut [[u64; FIELDS]],
    filled: &mut u64,
    position_count: u64,
) -> Result<Vec<Posting>, String> {
    use explorer_codec::Problem;
    let mut list = Vec::with_capacity(count);
    explorer_codec::read_postings(r.bytes, &mut r.at, count, counts, filled, position_count, &mut list).map_err(
        |(e, d)| match e {
            Problem::Twice => format!("term '{term}' lists a document twice"),
            Problem::NoDocument => format!("term '{term}' names document {}, of {}", d + 1, counts.len()),
            Problem::Count => format!("term '{term}' has a damaged count in document {}", d + 1),
            Problem::EndsEarly => "it ends too early".to_owned(),
            Problem::TooLong => "it holds a number too long".to_owned(),
            _ => "it holds a number too large".to_owned(),
        },
    )?;
    Ok(list)
}

/// The positions of an index read from its file: each term's block as the file has it,
/// decoded and checked the first time its positions are asked for.
pub(super) struct Encoded {
    /// The terms' positions blocks, one after the other.
    bytes: Vec<u8>,
    /// Where each term's block starts in `bytes` (and, last, where the last one ends).
    block: Vec<usize>,
    /// Each term's first position number (its first posting's `start`; last, all positions).
    first: Vec<u32>,
    /// Per document, what its positions are checked against.
    docs: Vec<explorer_codec::Doc>,
    /// A bit per position of every document (from its `base` on), set on the gaps.
    gaps: Vec<u64>,
    /// Each term's positions, once decoded (none when they failed their check).
    decoded: Vec<OnceLock<Box<[u32]>>>,
    /// The first problem found in a term's positions.
    damaged: OnceLock<String>,
}

impl Encoded {
    /// The `n` positions from position number `start` on (a posting's).
    pub(super) fn positions(&self, index: &Index, start: u32, n: usize) -> &[u32] {
        // The last term that starts at or before `start` (every term has a posting, so the
        // first numbers ascend strictly).
        let t = self.first.partition_point(|&f| f <= start).saturating_sub(1);
        if t >= self.decoded.len() {
            return &[];
        }
        let all = self.term(index, t);
        let from = start.saturating_sub(self.first[t]) as usize;
        all.get(from..from.saturating_add(n)).unwrap_or_default()
    }

    /// The positions of term `t`'s postings one after the other, decoded and kept the first
    /// time (none when they fail their check).
    fn term(&self, index: &Index, t: usize) -> &[u32] {
        self.decoded[t].get_or_init(|| {
            let mut out = Vec::new();
            match self.decode(index, t, &mut out) {
                Ok(()) => out.into_boxed_slice(),
                Err(why) => {
                    self.damage(why);
                    Box::default()
                }
            }
        })
    }

    /// [`Encoded::term`], but not kept: the kept positions, or else decoded into `scratch`.
    pub(super) fn term_once<'a>(&'a self, index: &Index, term: u32, scratch: &'a mut Vec<u32>) -> &'a [u32] {
        let t = term as usize;
        if let Some(kept) = self.decoded[t].get() {
            return kept;
        }
        match self.decode(index, t, scratch) {
            Ok(()) => scratch,
            Err(why) => {
                self.damage(why);
                self.decoded[t].get_or_init(Box::default)
            }
        }
    }

    /// Decodes the positions of term `t`'s postings into `out`, one posting's after the
    /// other, and checks them (see the module's description and
    /// [`explorer_codec::read_term`]: that loop is compiled for speed).
    fn decode(&self, index: &Index, t: usize, out: &mut Vec<u32>) -> Result<(), String> {
        let bytes = &self.bytes[self.block[t]..self.block[t + 1]];
        let list = index.postings(t as u32);
        explorer_codec::read_term(bytes, list, &self.docs, &self.gaps, out).map_err(|(i, e)| {
            use explorer_codec::Problem;
            let term = index.term(t as u32);
            let doc = list.get(i).map_or(0, |p| p.doc as u64 + 1);
            match e {
                Problem::LeftOver => format!("term '{term}' has bytes after its positions"),
                Problem::TitleCount => format!("term '{term}' has a damaged title count in document {doc}"),
                e => format!("term '{term}' in document {doc}: {}", problem(e)),
            }
        })
    }

    fn damage(&self, why: String) {
        // The first problem is kept.
        let _ = self.damaged.set(why);
    }

    /// The first problem found in a term's positions.
    pub(super) fn damaged(&self) -> Option<&str> {
        self.damaged.get().map(String::as_str)
    }

    /// Bytes held: the encoded positions, those decoded so far, and what decoding reads (the
    /// map of gaps, where each term's block and positions start, the documents' limits).
    pub(super) fn memory(&self) -> usize {
        use std::mem::size_of_val;
        let decoded: usize = self.decoded.iter().filter_map(OnceLock::get).map(|p| p.len() * 4).sum();
        let lists = size_of_val(&self.block[..]) + size_of_val(&self.first[..]) + size_of_val(&self.docs[..]);
        self.bytes.len() + decoded + size_of_val(&self.gaps[..]) + size_of_val(&self.decoded[..]) + lists
    }
}

/// What is wrong with a posting's positions, in words.
fn problem(p: explorer_codec::Problem) -> &'static str {
    use explorer_codec::Problem;
    match p {
        Problem::Repeated => "a position repeated",
        Problem::PastEnd => "a position past its end",
        Problem::OnGap => "a position on a gap",
        Problem::EndsEarly => "its positions end too early",
        Problem::TooLong => "a number too long",
        Problem::TooLarge => "a number too large",
        Problem::TitleCount => "a damaged title count",
        Problem::LeftOver => "bytes after its positions",
        Problem::Twice | Problem::NoDocument | Problem::Count => "a damaged posting",
    }
}

/// Bytes two strings share at their start, at a character boundary.
fn common_prefix(a: &str, b: &str) -> usize {
    let mut n = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    while !b.is_char_boundary(n) {
        n -= 1;
    }
    n
}

#[inline(always)]
fn put(w: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        w.push(v as u8 | 0x80);
        v >>= 7;
    }
    w.push(v as u8);
}

fn put_str(w: &mut Vec<u8>, s: &str) {
    put(w, s.len() as u64);
    w.extend_from_slice(s.as_bytes());
}

/// Reads varints and strings, each checked against the bytes left.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    #[inline(always)]
    fn num(&mut self) -> Result<u64, String> {
        // Most numbers are steps between positions and take one byte.
        if let Some(&b) = self.bytes.get(self.at) {
            if b < 0x80 {
                self.at += 1;
                return Ok(u64::from(b));
            }
        }
        self.long()
    }

    #[inline(never)]
    fn long(&mut self) -> Result<u64, String> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let Some(&b) = self.bytes.get(self.at) else {
                return Err("it ends too early".into());
            };
            self.at += 1;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err("it holds a number too long".into())
    }

    #[inline(always)]
    fn num32(&mut self) -> Result<u32, String> {
        u32::try_from(self.num()?).map_err(|_| "it holds a number too large".to_owned())
    }

    /// A count of things that take at least a byte each: no more than the bytes left.
    fn count(&mut self) -> Result<usize, String> {
        let v = self.num()?;
        if v > (self.bytes.len() - self.at) as u64 {
            return Err("it counts more than it holds".into());
        }
        Ok(v as usize)
    }

    fn str(&mut self) -> Result<&'a str, String> {
        let len = self.count()?;
        let s = &self.bytes[self.at..self.at + len];
        self.at += len;
        std::str::from_utf8(s).map_err(|_| "it holds text that is not UTF-8".to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::forward::{Forward, GAP};
    use crate::api::{Request, SearchRequest, Service, ViewRequest};
    use crate::engine::Engine;
    use crate::index::tests::tiny;
    use crate::view_state::{Analysis, View};
    use proptest::prelude::*;

    fn sample() -> Corpus {
        tiny(&[
            ("Stalin and Lenin", "Stalin spoke.\nThe union of states, the Union!\n\nСталин и Ленин"),
            ("", "restoration restorations restless"),
            ("Unions", "union unions unionists union"),
        ])
    }

    /// The message an index file is refused with.
    fn refused(bytes: &[u8], corpus: &Corpus) -> String {
        match Index::from_bytes(bytes, corpus) {
            Ok(_) => panic!("the index file was read"),
            Err(e) => e,
        }
    }

    /// Everything an index answers, for comparing two.
    fn contents(ix: &Index) -> Vec<String> {
        let mut out =
            vec![format!("{:?} {:?}", ix.avg_len(), (0..ix.doc_count()).map(|d| ix.field_len(d)).collect::<Vec<_>>())];
        for d in 0..ix.doc_count() {
            out.push(format!("{d}: {:?}", ix.para_starts(d)));
        }
        for t in 0..ix.term_count() as u32 {
            let list: Vec<_> = ix.postings(t).iter().map(|p| (p.doc, p.tf, ix.positions(p).to_vec())).collect();
            out.push(format!("{} {list:?}", ix.term(t)));
        }
        let mut stems: Vec<_> = ix.stem_groups().map(|(s, t)| format!("{s} {t:?}")).collect();
        stems.sort();
        out.extend(stems);
        out
    }

    /// Every posting's positions, term by term, as [`Index::each_positions`] gives them.
    fn each(ix: &Index) -> Vec<Vec<u32>> {
        let mut scratch = Vec::new();
        let mut out = Vec::new();
        for t in 0..ix.term_count() as u32 {
            ix.each_positions(t, &mut scratch, |postings, mut positions| {
                for p in postings {
                    let (these, rest) = positions.split_at((p.occurrences() as usize).min(positions.len()));
                    out.push(these.to_vec());
                    positions = rest;
                }
            });
        }
        out
    }

    #[test]
    fn reads_back_what_it_writes() {
        let corpus = sample();
        let built = Index::build(&corpus);
        let bytes = built.to_bytes(&corpus.version);
        let read = Index::from_bytes(&bytes, &corpus).unwrap();
        // Decoded without being kept, then kept.
        let held = read.positions_memory();
        assert_eq!(each(&read), each(&built));
        assert_eq!(read.positions_memory(), held);
        assert_eq!(contents(&read), contents(&built));
        assert_eq!(read.positions_memory(), held + built.positions_memory());
        assert_eq!(read.damaged(), None);
        // Written again from the read index, the same bytes.
        assert_eq!(read.to_bytes(&corpus.version), bytes);
        // Front coding: "union", "unionists", "unions" share their start.
        assert!(!bytes.windows(9).any(|w| w == b"unionists"));
    }

    #[test]
    fn an_index_of_another_corpus_is_refused() {
        let corpus = sample();
        let bytes = Index::build(&corpus).to_bytes(&corpus.version);
        let mut other = corpus.clone();
        other.version = "other".into();
        assert_eq!(refused(&bytes, &other), "it indexes corpus version test, not other");
        let mut edited = corpus.clone();
        edited.documents[1].paragraphs[0] = "restoration restorations".into();
        edited.documents[1].word_count = 2;
        assert_eq!(refused(&bytes, &edited), "document 2 ('d1') has 2 words, and the index 3");
        edited.documents.pop();
        assert_eq!(refused(&bytes, &edited), "it indexes 3 documents, and the corpus has 2");
        assert_eq!(refused(b"{\"not\": 1}", &corpus), "it is not an index file of the explorer");
        assert_eq!(refused(&bytes[..bytes.len() - 1], &corpus), "it ends too early");
        let mut older = bytes.clone();
        older[MAGIC.len()] = 1;
        assert_eq!(refused(&older, &corpus), "it is in form 1, and this explorer reads form 2");
    }

    /// A term of a file made by hand: its text, per posting its title and body counts, the bytes
    /// of its positions block, and the length written for the block (its own unless given).
    type Term<'a> = (&'a str, &'a [[u64; 2]], &'a [u8], Option<u64>);

    /// An index file of the one document "a b" (no title: gap at 0, words at 1 and 2, gap at
    /// 3) with these terms.
    fn file_of(terms: &[Term]) -> Vec<u8> {
        let mut w = Vec::new();
        w.extend_from_slice(MAGIC);
        put(&mut w, INDEX_FORMAT);
        put_str(&mut w, "test");
        let block_bytes: u64 = terms.iter().map(|t| t.2.len() as u64).sum();
        // 1 document: title of 0 words, 1 paragraph of 2 words; 2 positions, its bytes, terms.
        for v in [1, 0, 1, 2, 2, block_bytes, terms.len() as u64] {
            put(&mut w, v);
        }
        for &(text, postings, block, len) in terms {
            put(&mut w, 0);
            put_str(&mut w, text);
            put(&mut w, postings.len() as u64);
            put(&mut w, len.unwrap_or(block.len() as u64));
            for (i, tf) in postings.iter().enumerate() {
                put(&mut w, if i == 0 { 0 } else { 1 });
                put(&mut w, tf[0]);
                put(&mut w, tf[1]);
            }
            w.extend_from_slice(block);
        }
        w
    }

    /// The index of `bytes` over "a b", which must be read.
    fn read_ab(bytes: &[u8]) -> Index {
        Index::from_bytes(bytes, &tiny(&[("", "a b")])).expect("the index file is read")
    }

    const BODY1: &[[u64; 2]] = &[[0, 1]];

    #[test]
    fn positions_are_checked_when_first_read() {
        let ab = read_ab(&file_of(&[("a", BODY1, &[1], None), ("b", BODY1, &[2], None)]));
        assert_eq!(contents(&ab)[2..4], ["a [(0, [0, 1], [1])]", "b [(0, [0, 1], [2])]"]);
        assert_eq!(ab.damaged(), None);
        // A term's position on a gap: read, then its postings have no positions, the other
        // term's are as written, and the index says what is wrong.
        let gap = read_ab(&file_of(&[("a", BODY1, &[1], None), ("b", BODY1, &[3], None)]));
        assert_eq!(gap.damaged(), None);
        assert_eq!(contents(&gap)[2..4], ["a [(0, [0, 1], [1])]", "b [(0, [0, 1], [])]"]);
        assert_eq!(gap.damaged(), Some("term 'b' in document 1: a position on a gap"));
        // The same through a pass that keeps nothing.
        let gap = read_ab(&file_of(&[("a", BODY1, &[1], None), ("b", BODY1, &[3], None)]));
        assert_eq!(each(&gap), [vec![1], vec![]]);
        assert_eq!(gap.damaged(), Some("term 'b' in document 1: a position on a gap"));
        assert!(gap.positions(&gap.postings(1)[0]).is_empty());
        let damaged = |terms: &[Term]| {
            let ix = read_ab(&file_of(terms));
            contents(&ix);
            ix.damaged().map(str::to_owned)
        };
        let past = damaged(&[("a", BODY1, &[1], None), ("b", BODY1, &[4], None)]);
        assert_eq!(past.as_deref(), Some("term 'b' in document 1: a position past its end"));
        let repeated = damaged(&[("a", &[[0, 2]], &[1, 0], None)]);
        assert_eq!(repeated.as_deref(), Some("term 'a' in document 1: a position repeated"));
        let left = damaged(&[("a", BODY1, &[1, 5], None), ("b", BODY1, &[2], None)]);
        assert_eq!(left.as_deref(), Some("term 'a' has bytes after its positions"));
        let early = damaged(&[("a", BODY1, &[1], None), ("b", BODY1, &[0x82], None)]);
        assert_eq!(early.as_deref(), Some("term 'b' in document 1: its positions end too early"));
    }

    #[test]
    fn a_title_count_is_checked_against_the_positions() {
        // "x" / "a b": x at 0, gap 1, a at 2, b at 3, gap 4. Term a says it is in the title once
        // and b in the body twice (the counts add up), but a's position is in the body (and
        // b's too, one of them a's).
        let corpus = tiny(&[("x", "a b")]);
        let mut w = Vec::new();
        w.extend_from_slice(MAGIC);
        put(&mut w, INDEX_FORMAT);
        put_str(&mut w, "test");
        for v in [1, 1, 1, 2, 3, 3, 2] {
            put(&mut w, v);
        }
        for (text, tf, block) in [("a", [1, 0], vec![2]), ("b", [0, 2], vec![2, 1])] {
            for v in [0, 1] {
                put(&mut w, v);
            }
            w.extend_from_slice(text.as_bytes());
            for v in [1, block.len() as u64, 0, tf[0], tf[1]] {
                put(&mut w, v);
            }
            w.extend_from_slice(&block);
        }
        let ix = Index::from_bytes(&w, &corpus).unwrap();
        assert_eq!(ix.positions(&ix.postings(1)[0]), [2, 3]);
        assert!(ix.positions(&ix.postings(0)[0]).is_empty());
        assert_eq!(ix.damaged(), Some("term 'a' has a damaged title count in document 1"));
    }

    #[test]
    fn what_does_not_add_up_is_refused_at_load() {
        let corpus = tiny(&[("", "a b")]);
        let order = file_of(&[("b", BODY1, &[1], None), ("a", BODY1, &[2], None)]);
        assert_eq!(refused(&order, &corpus), "term 2 ('a') is out of order");
        let title = file_of(&[("a", &[[1, 0]], &[1], None), ("b", BODY1, &[2], None)]);
        assert_eq!(
            refused(&title, &corpus),
            "its terms count 1 title words and 1 body words in document 1, of 0 and 2"
        );
        let more = file_of(&[("a", &[[0, 2]], &[1, 1], None), ("b", BODY1, &[2], None)]);
        assert_eq!(refused(&more, &corpus), "term 'b' has a damaged count in document 1");
        let fewer = file_of(&[("a", BODY1, &[1], None)]);
        assert_eq!(refused(&fewer, &corpus), "it holds 1 of its 2 positions");
        let short = file_of(&[("a", &[[0, 2]], &[1], None)]);
        assert_eq!(refused(&short, &corpus), "term 'a' has 2 positions in 1 bytes");
        let none = file_of(&[("a", &[], &[], None), ("b", &[[0, 2]], &[1, 1], None)]);
        assert_eq!(refused(&none, &corpus), "term 'a' has no postings");
        let zero = file_of(&[("a", &[[0, 0]], &[], None), ("b", &[[0, 2]], &[1, 1], None)]);
        assert_eq!(refused(&zero, &corpus), "term 'a' has a damaged count in document 1");
        let long = file_of(&[("a", BODY1, &[1], Some(3)), ("b", BODY1, &[2], None)]);
        assert!(Index::from_bytes(&long, &corpus).is_err());
        let twice = file_of(&[("a", &[[0, 1], [0, 1]], &[1, 2], None)]);
        assert_eq!(refused(&twice, &corpus), "term 'a' names document 2, of 1");
    }

    /// Two terms on one position (and so a word's position held by none): the file reads, and
    /// nothing that reads the positions panics — the forward index, the concordance, the
    /// collocates, n-grams, the summary, snippets, highlights and every other view.
    #[test]
    fn two_terms_on_one_position_do_not_panic() {
        // Title "A b": a 0, b 1, gap 2; "a b a b": 3, 4, 5, 6, gap 7; "b a": 8, 9, gap 10.
        let corpus = tiny(&[("A b", "a b a b\nb a"), ("", "c a")]);
        let mut built = Index::build(&corpus);
        let (a, b) = (built.lookup("a").unwrap(), built.lookup("b").unwrap());
        let on_a = built.positions(&built.postings(a)[0]).to_vec();
        assert_eq!(on_a, [0, 3, 5, 9]);
        // In the file, b claims a's positions (as many, as many in the title).
        let start = built.postings(b)[0].start as usize;
        let Positions::Decoded(all) = &mut built.positions else { unreachable!() };
        all[start..start + 4].copy_from_slice(&on_a);
        let index = Index::from_bytes(&built.to_bytes(&corpus.version), &corpus).expect("the index file is read");
        assert_eq!(index.positions(&index.postings(b)[0]), on_a);
        let forward = Forward::build(&index, &[0]);
        let names: Vec<&str> =
            forward.doc(&index, 0).iter().map(|&t| if t == GAP { "|" } else { index.term(t) }).collect();
        assert_eq!(names, ["b", "|", "|", "b", "|", "b", "|", "|", "|", "b", "|"]);
        let service = Service::new(Engine::with_index(corpus, index));
        for q in ["a", "b", "c", "\"a b\"", "\"b a\"", "a*", "a OR b", ""] {
            let search =
                SearchRequest { query: q.into(), filters: Default::default(), sort: Default::default(), shown: 10 };
            service.handle(&Request::Search(search));
            service.handle(&Request::Document { id: "d0".into(), query: q.into(), matching: None });
            for view in View::ALL {
                let analysis = Analysis { side_a: "a".into(), side_b: "c".into(), ..Default::default() };
                let r = ViewRequest { view, query: q.into(), filters: Default::default(), analysis, open_doc: None };
                service.handle(&Request::View(r.clone()));
                service.handle(&Request::Export(r));
            }
        }
        assert_eq!(service.engine().index.damaged(), None);
    }

    /// The service's answers say when the positions of a term turned out damaged.
    #[test]
    fn damaged_positions_are_noted() {
        let corpus = tiny(&[("", "a b")]);
        let ix = read_ab(&file_of(&[("a", BODY1, &[1], None), ("b", BODY1, &[3], None)]));
        let service = Service::new(Engine::with_index(corpus, ix));
        let search = |q: &str| {
            let r = SearchRequest { query: q.into(), filters: Default::default(), sort: Default::default(), shown: 10 };
            match service.handle(&Request::Search(r)) {
                crate::api::Response::Search(page) => page,
                other => panic!("{other:?}"),
            }
        };
        assert!(search("a").notes.is_empty());
        // Its document is found, with no occurrence marked.
        let page = search("b");
        assert_eq!(page.total, 1);
        let note = "The index file is damaged (term 'b' in document 1: a position on a gap): reload the page; \
                    if it stays, rebuild the app.";
        assert_eq!(page.notes, [note]);
        let r = ViewRequest {
            view: View::Concordance,
            query: "a".into(),
            filters: Default::default(),
            analysis: Default::default(),
            open_doc: None,
        };
        assert_eq!(service.view(&r).notes, [note]);
        // For a corpus added in the page, rebuilding the app is no help: the advice is the caller's.
        let corpus = tiny(&[("", "a b")]);
        let ix = read_ab(&file_of(&[("a", BODY1, &[1], None), ("b", BODY1, &[3], None)]));
        let added = Service::new(Engine::with_index(corpus, ix)).with_damage_advice("add its files again");
        let r = SearchRequest { query: "b".into(), filters: Default::default(), sort: Default::default(), shown: 10 };
        match added.handle(&Request::Search(r)) {
            crate::api::Response::Search(page) => assert_eq!(
                page.notes,
                ["The index file is damaged (term 'b' in document 1: a position on a gap): reload the page; \
                  if it stays, add its files again."]
            ),
            other => panic!("{other:?}"),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        /// A damaged file gives a message or an index, never a panic, neither when read nor
        /// when its positions are; a cut one never reads.
        #[test]
        fn damaged_files_never_panic(cut in 0usize..400, flips in proptest::collection::vec((0usize..400, 1u8..=255), 0..4)) {
            let corpus = sample();
            let mut bytes = Index::build(&corpus).to_bytes(&corpus.version);
            let len = bytes.len();
            for (at, x) in flips {
                bytes[at % len] ^= x;
            }
            if let Ok(index) = Index::from_bytes(&bytes, &corpus) {
                each(&index);
                contents(&index);
                let engine = Engine::with_index(corpus.clone(), index);
                engine.forward();
                let service = Service::new(engine);
                for q in ["union", "\"the union\"", "stalin"] {
                    service.handle(&Request::Search(SearchRequest {
                        query: q.into(),
                        filters: Default::default(),
                        sort: Default::default(),
                        shown: 10,
                    }));
                    for view in [View::Concordance, View::Collocates, View::Ngrams, View::Summary] {
                        let r = ViewRequest { view, query: q.into(), filters: Default::default(), analysis: Default::default(), open_doc: None };
                        service.handle(&Request::View(r));
                    }
                }
            }
            let whole = Index::build(&corpus).to_bytes(&corpus.version);
            prop_assert!(Index::from_bytes(&whole[..cut.min(len - 1)], &corpus).is_err());
        }
    }
}
