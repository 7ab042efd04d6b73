//! The index in a compact binary form, written at build time beside the corpus and read by
//! the page instead of tokenizing every text again (tokenizing is most of loading: 2.6 s of
//! 2.9 s natively on the 108 MB benchmark corpus).
//!
//! The form, every number an unsigned LEB128 varint:
//!
//! ```text
//! magic "CXINDEX\0", format, corpus version (length, UTF-8), documents
//! per document: title words, paragraphs, then each paragraph's words
//! total positions, terms
//! per term (ascending): bytes shared with the previous term, the rest (length, UTF-8),
//!   postings; per posting: document (the first as is, then the step from the previous),
//!   title and body counts, positions (the first as is, then each step)
//! ```
//!
//! Everything read is checked before it is used, so that a damaged or hostile file is
//! refused with a message rather than a panic or an out-of-range position later: terms
//! strictly ascending, documents ascending and in the corpus, the corpus's version, number
//! of documents and paragraphs, title and body word counts, and every word position of every
//! document held by exactly one term (none on the gap after a title or paragraph). Each count
//! is also checked against the bytes left before anything is allocated for it.

use super::{Index, Posting, BODY, FIELDS, TITLE};
use crate::model::Corpus;
use crate::tokenize::count_words;

/// Version of the binary form; a file of another version is refused (and the corpus is
/// indexed in the page instead). Change it whenever the form or the tokenizer changes.
pub const INDEX_FORMAT: u64 = 1;

const MAGIC: &[u8; 8] = b"CXINDEX\0";

impl Index {
    /// The index in its binary form, for the corpus of version `corpus_version`.
    pub fn to_bytes(&self, corpus_version: &str) -> Vec<u8> {
        let mut w = Vec::with_capacity(self.positions.len() * 2 + self.terms.len() * 8);
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
        put(&mut w, self.positions.len() as u64);
        put(&mut w, self.terms.len() as u64);
        let mut previous: &str = "";
        for (t, term) in self.terms.iter().enumerate() {
            let shared = common_prefix(previous, term);
            put(&mut w, shared as u64);
            put_str(&mut w, &term[shared..]);
            previous = term;
            let list = &self.postings[t];
            put(&mut w, list.len() as u64);
            let mut last_doc = None;
            for p in list {
                put(&mut w, last_doc.map_or(p.doc, |l| p.doc - l) as u64);
                last_doc = Some(p.doc);
                put(&mut w, p.tf[TITLE] as u64);
                put(&mut w, p.tf[BODY] as u64);
                let mut last = None;
                for &pos in self.positions(p) {
                    put(&mut w, last.map_or(pos, |l| pos - l) as u64);
                    last = Some(pos);
                }
            }
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

    /// Reads an index file and checks it in itself (see the module's description).
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
        // Where each document's positions start in `claimed`, a bit per position of every
        // document: gaps are set now, each word position when a term claims it.
        let mut offset = Vec::with_capacity(n);
        let mut gaps = Vec::new();
        let mut total: u64 = 0;
        for _ in 0..n {
            let title = r.num32()?;
            let paras = r.count()?;
            offset.push(total);
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
            total += pos;
        }
        let position_count = r.count()?;
        let words: u64 = field_len.iter().map(|l| l[TITLE] as u64 + l[BODY] as u64).sum();
        if position_count as u64 != words {
            return Err(format!("it holds {position_count} positions for {words} words"));
        }
        let mut claimed = vec![0u64; (total as usize).div_ceil(64)];
        for g in gaps {
            claimed[(g / 64) as usize] |= 1 << (g % 64);
        }
        let term_count = r.count()?;
        let mut terms: Vec<String> = Vec::with_capacity(term_count);
        let mut postings: Vec<Vec<Posting>> = Vec::with_capacity(term_count);
        // Filled in place (`Vec::push` is not inlined at opt-level "z": 6% of reading).
        let mut positions: Vec<u32> = vec![0; position_count];
        let mut filled = 0usize;
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
            let docs = Docs { field_len: &field_len, para_starts: &para_starts, offset: &offset };
            let list = read_postings(&mut r, count, &term, docs, &mut positions, &mut filled, &mut claimed)?;
            terms.push(term);
            postings.push(list);
        }
        if filled != position_count {
            return Err(format!("it holds {filled} of its {position_count} positions"));
        }
        if r.at != bytes.len() {
            return Err(format!("{} bytes follow its end", bytes.len() - r.at));
        }
        Ok(IndexFile { index: Index::assemble(terms, postings, positions, field_len, para_starts), version })
    }
}

/// The documents' lengths and where their bits start in the map of claimed positions.
#[derive(Clone, Copy)]
struct Docs<'a> {
    field_len: &'a [[u32; FIELDS]],
    para_starts: &'a [Vec<u32>],
    offset: &'a [u64],
}

/// Reads the `count` postings of `term`, their positions into `positions` from `filled` on.
/// Not inlined, for the reason given at [`read_positions`].
#[inline(never)]
fn read_postings(
    r: &mut Reader,
    count: usize,
    term: &str,
    docs: Docs,
    positions: &mut [u32],
    filled: &mut usize,
    claimed: &mut [u64],
) -> Result<Vec<Posting>, String> {
    let n = docs.field_len.len();
    let position_count = positions.len();
    let mut list = Vec::with_capacity(count);
    let mut doc: Option<u32> = None;
    for _ in 0..count {
        let step = r.num32()?;
        let d = match doc {
            None => step,
            Some(_) if step == 0 => return Err(format!("term '{term}' lists a document twice")),
            Some(last) => last.checked_add(step).ok_or_else(|| format!("term '{term}' is damaged"))?,
        };
        if d as usize >= n {
            return Err(format!("term '{term}' names document {}, of {n}", d as u64 + 1));
        }
        doc = Some(d);
        let tf = [r.num32()?, r.num32()?];
        let occurrences = tf[TITLE] as u64 + tf[BODY] as u64;
        if occurrences == 0 || *filled as u64 + occurrences > position_count as u64 {
            return Err(format!("term '{term}' has a damaged count in document {}", d + 1));
        }
        let start = *filled as u32;
        let [title, _] = docs.field_len[d as usize];
        let limit = total_positions(&docs.field_len[d as usize], docs.para_starts[d as usize].len());
        let base = docs.offset[d as usize];
        let slots = &mut positions[*filled..*filled + occurrences as usize];
        let in_title =
            read_positions(r, slots, explorer_codec::Doc { title, limit, base }, claimed).map_err(|e| match e {
                Ok(why) => format!("term '{term}' in document {}: {why}", d + 1),
                Err(read) => read,
            })?;
        *filled += occurrences as usize;
        if in_title != tf[TITLE] {
            return Err(format!("term '{term}' has a damaged title count in document {}", d + 1));
        }
        list.push(Posting { doc: d, tf, start });
    }
    Ok(list)
}

/// Reads one posting's positions into `slots` (see [`explorer_codec::read_positions`]: that
/// loop is compiled for speed); returns how many are in the title, or what is wrong with a
/// position (`Ok`) or with the file (`Err`: it ends too early, …).
fn read_positions(
    r: &mut Reader,
    slots: &mut [u32],
    doc: explorer_codec::Doc,
    claimed: &mut [u64],
) -> Result<u32, Result<&'static str, String>> {
    use explorer_codec::Problem;
    explorer_codec::read_positions(r.bytes, &mut r.at, slots, doc, claimed).map_err(|p| match p {
        Problem::Repeated => Ok("a position repeated"),
        Problem::PastEnd => Ok("a position past its end"),
        Problem::NotFree => Ok("claims a position that is not free"),
        Problem::EndsEarly => Err("it ends too early".to_owned()),
        Problem::TooLong => Err("it holds a number too long".to_owned()),
        Problem::TooLarge => Err("it holds a number too large".to_owned()),
    })
}

/// Positions a document uses: its words and a gap after the title and after each paragraph.
fn total_positions(len: &[u32; FIELDS], paragraphs: usize) -> u32 {
    len[TITLE] + len[BODY] + 1 + paragraphs as u32
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
    use crate::index::tests::tiny;
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

    #[test]
    fn reads_back_what_it_writes() {
        let corpus = sample();
        let built = Index::build(&corpus);
        let bytes = built.to_bytes(&corpus.version);
        let read = Index::from_bytes(&bytes, &corpus).unwrap();
        assert_eq!(contents(&read), contents(&built));
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
        let mut newer = bytes.clone();
        newer[MAGIC.len()] = 2;
        assert_eq!(refused(&newer, &corpus), "it is in form 2, and this explorer reads form 1");
    }

    #[test]
    fn a_position_claimed_twice_or_on_a_gap_is_refused() {
        // One document, "a b": title gap at 0, words at 1 and 2, gap at 3.
        let corpus = tiny(&[("", "a b")]);
        let mut w = Vec::new();
        w.extend_from_slice(MAGIC);
        put(&mut w, INDEX_FORMAT);
        put_str(&mut w, "test");
        for v in [1, 0, 1, 2, 2, 2] {
            put(&mut w, v); // 1 doc: title 0 words, 1 paragraph of 2 words; 2 positions, 2 terms
        }
        let head = w.clone();
        let term = |w: &mut Vec<u8>, shared: u64, text: &str, pos: u64| {
            put(w, shared);
            put_str(w, text);
            for v in [1, 0, 0, 1, pos] {
                put(w, v); // 1 posting: doc 0, title 0, body 1, position
            }
        };
        term(&mut w, 0, "a", 1);
        term(&mut w, 0, "b", 2);
        assert!(Index::from_bytes(&w, &corpus).is_ok());
        let mut twice = head.clone();
        term(&mut twice, 0, "a", 1);
        term(&mut twice, 0, "b", 1);
        assert_eq!(refused(&twice, &corpus), "term 'b' in document 1: claims a position that is not free");
        let mut gap = head.clone();
        term(&mut gap, 0, "a", 1);
        term(&mut gap, 0, "b", 3);
        assert_eq!(refused(&gap, &corpus), "term 'b' in document 1: claims a position that is not free");
        let mut order = head;
        term(&mut order, 0, "b", 1);
        term(&mut order, 0, "a", 2);
        assert_eq!(refused(&order, &corpus), "term 2 ('a') is out of order");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        /// A damaged file gives a message or an index, never a panic; a cut one never reads.
        #[test]
        fn damaged_files_never_panic(cut in 0usize..400, flips in proptest::collection::vec((0usize..400, 1u8..=255), 0..4)) {
            let corpus = sample();
            let mut bytes = Index::build(&corpus).to_bytes(&corpus.version);
            let len = bytes.len();
            for (at, x) in flips {
                bytes[at % len] ^= x;
            }
            let _ = Index::from_bytes(&bytes, &corpus);
            let whole = Index::build(&corpus).to_bytes(&corpus.version);
            prop_assert!(Index::from_bytes(&whole[..cut.min(len - 1)], &corpus).is_err());
        }
    }
}
