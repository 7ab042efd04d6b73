//! Concordance (keyword in context, KWIC): every hit of the query with the words around it.
//!
//! The lines are exactly the hits the reader marks ([`Compiled::spans`], as
//! [`crate::highlight::document`] renders them): per document, title hits first, then
//! the paragraphs', so the number of lines is the sum of the documents' mark counts and
//! line `hit` of a document is the reader's mark number `hit + 1`.

use super::export::{Cell, Table};
use super::forward::{Forward, GAP};
use crate::fxhash::FxHashMap;
use crate::highlight::word_range;
use crate::search::{Compiled, Engine};
use crate::tokenize::word_ranges;
use std::ops::Range;

/// Words of context used for sorting on each side (`Left(1..=3)`, `Right(1..=3)`).
pub const SORT_WORDS: usize = 3;

/// One hit with its context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KwicLine {
    /// Document number.
    pub doc: usize,
    /// Paragraph of the hit, `None` for the title.
    pub paragraph: Option<usize>,
    /// Number of the hit within its document, from 0, in the reader's order (title first).
    pub hit: usize,
    /// Index position of the hit's first word (orders hits within a document).
    pub position: u32,
    /// Byte offsets into the title or paragraph: start of the left context, start and end
    /// of the keyword, end of the right context (text is cut only for the lines shown).
    span: [u32; 4],
    keys: Keys,
}

impl KwicLine {
    /// The title or paragraph the hit is in.
    pub fn text<'a>(&self, engine: &'a Engine) -> &'a str {
        let doc = &engine.corpus.documents[self.doc];
        self.paragraph.map_or(&doc.title, |p| &doc.paragraphs[p])
    }

    /// Up to `width` words before the hit in the same paragraph, as the original text from
    /// the first of them up to the hit (so `left + keyword + right` is one slice).
    pub fn left<'a>(&self, engine: &'a Engine) -> &'a str {
        &self.text(engine)[self.span[0] as usize..self.span[1] as usize]
    }

    /// The hit as the original text, first to last word.
    pub fn keyword<'a>(&self, engine: &'a Engine) -> &'a str {
        &self.text(engine)[self.span[1] as usize..self.span[2] as usize]
    }

    /// Up to `width` words after the hit in the same paragraph, original text from just after
    /// the hit to the end of the last of them.
    pub fn right<'a>(&self, engine: &'a Engine) -> &'a str {
        &self.text(engine)[self.span[2] as usize..self.span[3] as usize]
    }
}

/// Words of a keyword kept for sorting (a longer phrase sorts by its first ones).
const KEY_WORDS: usize = 4;

/// Precomputed sort keys: term numbers, whose order is the folded words' order (the index
/// keeps its terms sorted), so sorting compares integers, never strings.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Keys {
    /// The 1st, 2nd, 3rd word to the left (`None` past the paragraph's start).
    left: [Option<u32>; SORT_WORDS],
    /// The 1st, 2nd, 3rd word to the right (`None` past the paragraph's end).
    right: [Option<u32>; SORT_WORDS],
    /// The hit's first words (up to [`KEY_WORDS`]) and how many there are.
    keyword: ([u32; KEY_WORDS], u8),
}

impl Keys {
    fn keyword(&self) -> &[u32] {
        &self.keyword.0[..usize::from(self.keyword.1)]
    }
}

/// How concordance lines are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum KwicSort {
    /// By the folded keyword, then the words to its right (1st, 2nd, 3rd), then document order.
    Keyword,
    /// By the n-th word to the left (n = 1..=3, clamped), folded, then keyword, then document order.
    Left(u8),
    /// By the n-th word to the right (n = 1..=3, clamped), folded, then keyword, then document order.
    Right(u8),
    /// By document number, then position in the document.
    #[default]
    Document,
}

impl KwicSort {
    /// Every order, as offered to a person.
    pub const ALL: [KwicSort; 8] = [
        KwicSort::Document,
        KwicSort::Keyword,
        KwicSort::Left(1),
        KwicSort::Left(2),
        KwicSort::Left(3),
        KwicSort::Right(1),
        KwicSort::Right(2),
        KwicSort::Right(3),
    ];

    /// A short name for URLs: `doc`, `kw`, `l1`…`l3`, `r1`…`r3`.
    pub fn key(self) -> String {
        match self {
            KwicSort::Document => "doc".into(),
            KwicSort::Keyword => "kw".into(),
            KwicSort::Left(n) => format!("l{}", n.clamp(1, 3)),
            KwicSort::Right(n) => format!("r{}", n.clamp(1, 3)),
        }
    }

    /// The order named by [`KwicSort::key`].
    pub fn from_key(key: &str) -> Option<KwicSort> {
        KwicSort::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// The concordance of a compiled query over `docs` (ascending document numbers, then
/// hits in text order), with `width` words of context on each side.
///
/// Left context is the `min(width, i)` words before the hit's first word `i` within the
/// same paragraph (or title); right context likewise after its last word. Sort keys for
/// [`sort_lines`] are taken from up to [`SORT_WORDS`] words on each side whatever `width`.
pub fn concordance(engine: &Engine, compiled: &Compiled, docs: &[usize], width: usize) -> Vec<KwicLine> {
    let index = &engine.index;
    let with_hits = super::spans_by_doc(index, compiled, docs);
    let forward = Forward::build(index, &with_hits.iter().map(|(d, _)| *d).collect::<Vec<_>>());
    let mut lines = Vec::new();
    for (d, spans) in with_hits {
        let doc = &engine.corpus.documents[d];
        let terms = forward.doc(index, d);
        let title_tokens = word_ranges(&doc.title);
        let mut para_tokens: Vec<Option<Vec<Range<usize>>>> = vec![None; doc.paragraphs.len()];
        for (hit, (start, len, _)) in spans.into_iter().enumerate() {
            let (tokens, paragraph, first) = match index.locate(d, start) {
                None => (&title_tokens, None, start as usize),
                Some((p, i)) if p < doc.paragraphs.len() => {
                    let tokens = para_tokens[p].get_or_insert_with(|| word_ranges(&doc.paragraphs[p]));
                    (&*tokens, Some(p), i)
                }
                Some(_) => continue,
            };
            let Some(kw) = word_range(tokens, first, len as usize) else { continue };
            let last = (first + len.max(1) as usize - 1).min(tokens.len() - 1);
            let n_left = width.min(first);
            let n_right = width.min(tokens.len() - 1 - last);
            let left_start = if n_left > 0 { tokens[first - n_left].start } else { kw.start };
            let right_end = if n_right > 0 { tokens[last + n_right].end } else { kw.end };
            let end = start + len.max(1);
            let keys = Keys {
                left: std::array::from_fn(|k| nth_left(terms, start, k as u32 + 1)),
                right: std::array::from_fn(|k| nth_right(terms, end, k as u32 + 1)),
                keyword: {
                    let words = terms.get(start as usize..end as usize).unwrap_or_default();
                    let n = words.len().min(KEY_WORDS);
                    let mut k = [0u32; KEY_WORDS];
                    k[..n].copy_from_slice(&words[..n]);
                    (k, n as u8)
                },
            };
            lines.push(KwicLine {
                doc: d,
                paragraph,
                hit,
                position: start,
                span: [left_start as u32, kw.start as u32, kw.end as u32, right_end as u32],
                keys,
            });
        }
    }
    lines
}

/// The term `n` words before position `start` in the same paragraph (none across a gap).
fn nth_left(terms: &[u32], start: u32, n: u32) -> Option<u32> {
    let mut t = GAP;
    for step in 1..=n {
        t = *terms.get(start.checked_sub(step)? as usize)?;
        if t == GAP {
            return None;
        }
    }
    Some(t)
}

/// The term `n` words after the span ending before `end`, in the same paragraph.
fn nth_right(terms: &[u32], end: u32, n: u32) -> Option<u32> {
    let mut t = GAP;
    for step in 0..n {
        t = *terms.get((end + step) as usize)?;
        if t == GAP {
            return None;
        }
    }
    Some(t)
}

/// Sorts concordance lines (see [`KwicSort`]). A line with no n-th word on that side sorts
/// before those that have one. Each line gets one fixed-size integer key (term numbers, the
/// rank of its keyword among the distinct keywords, document and position); the keys are
/// sorted with the line numbers and the lines moved once, so 100,000 lines sort in
/// milliseconds without comparing a string.
pub fn sort_lines(lines: &mut [KwicLine], sort: KwicSort) {
    // Rank of each distinct keyword (a sequence of terms) in the keywords' order.
    let mut distinct: FxHashMap<&[u32], u32> = FxHashMap::default();
    for l in lines.iter() {
        distinct.entry(l.keys.keyword()).or_insert(0);
    }
    let mut sorted: Vec<&[u32]> = distinct.keys().copied().collect();
    crate::sort::sort(&mut sorted);
    for (rank, kw) in sorted.into_iter().enumerate() {
        distinct.insert(kw, rank as u32);
    }
    // 0 for no word, else term + 1, so that "no word" sorts first.
    let code = |t: Option<u32>| t.map_or(0, |t| t + 1);
    let side = |n: u8| usize::from(n.clamp(1, 3)) - 1;
    let mut order: Vec<([u32; 6], usize)> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let kw = distinct[l.keys.keyword()];
            let (doc, pos) = (l.doc as u32, l.position);
            let r = l.keys.right.map(code);
            let key = match sort {
                KwicSort::Document => [doc, pos, 0, 0, 0, 0],
                KwicSort::Keyword => [kw, r[0], r[1], r[2], doc, pos],
                KwicSort::Left(n) => [code(l.keys.left[side(n)]), kw, doc, pos, 0, 0],
                KwicSort::Right(n) => [r[side(n)], kw, doc, pos, 0, 0],
            };
            (key, i)
        })
        .collect();
    // The standard sort, not `crate::sort`: 100,000 lines are sorted here on a keystroke.
    order.sort_unstable();
    // Apply the permutation in place, one cycle at a time: position i receives old line order[i].
    let mut done = vec![false; lines.len()];
    for start in 0..lines.len() {
        let mut cur = start;
        while !done[cur] {
            done[cur] = true;
            let next = order[cur].1;
            if next == start {
                break;
            }
            lines.swap(cur, next);
            cur = next;
        }
    }
}

/// The lines as an export table: document id, title, paragraph (1-based, empty for the
/// title), hit (1-based, as the reader numbers it), left, keyword, right.
pub fn table(engine: &Engine, lines: &[KwicLine]) -> Table {
    let columns = ["doc_id", "title", "paragraph", "hit", "left", "keyword", "right"];
    let rows = lines
        .iter()
        .map(|l| {
            let doc = &engine.corpus.documents[l.doc];
            vec![
                Cell::from(doc.id.as_str()),
                Cell::from(doc.title.as_str()),
                l.paragraph.map_or(Cell::from(""), |p| Cell::from(p + 1)),
                Cell::from(l.hit + 1),
                Cell::from(l.left(engine)),
                Cell::from(l.keyword(engine)),
                Cell::from(l.right(engine)),
            ]
        })
        .collect();
    Table { columns: columns.map(String::from).to_vec(), rows }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::highlight;
    use crate::search::{search, Sort};

    fn corpus() -> Engine {
        super::super::tests::engine(&[
            ("The Union State", "A union, state of two.\nBelarus and the union state agree.", "RT", Some("2022")),
            ("Nothing here", "weather and sea", "Blog", Some("2021")),
            ("Union", "The state union state; union!\nUnion state. Union\nstate", "Blog", None),
        ])
    }

    fn lines(e: &Engine, q: &str, width: usize) -> Vec<KwicLine> {
        let out = search(e, q, &Default::default(), Sort::Relevance);
        concordance(e, &out.compiled, &[0, 1, 2], width)
    }

    /// The corpus-level check: one line per hit the reader marks, for a word and a phrase.
    #[test]
    fn one_line_per_marked_hit() {
        let e = corpus();
        for q in ["union ", "\"union state\"", "state OR union", "title:union"] {
            let out = search(&e, q, &Default::default(), Sort::Relevance);
            let marked: usize = out
                .hits
                .iter()
                .map(|h| highlight::document(&e.index, &out.compiled, h.doc, &e.corpus.documents[h.doc]).count())
                .sum();
            let docs: Vec<usize> = out.hits.iter().map(|h| h.doc).collect();
            let kwic = concordance(&e, &out.compiled, &docs, 5);
            assert_eq!(kwic.len(), marked, "{q}");
            assert!(marked > 0, "{q}");
        }
        // By hand: "union" occurs in d0 title 1 + body 2, d2 title 1 + body 4 = 8.
        assert_eq!(lines(&e, "union ", 5).len(), 8);
        // "union state" phrases: d0 title 1 ("Union State"), body 2 ("union, state", "union state");
        // d2: "state union state" (1), "Union state." (1); "Union\nstate" crosses paragraphs: 0. Total 5.
        assert_eq!(lines(&e, "\"union state\"", 5).len(), 5);
    }

    #[test]
    fn context_is_the_original_text() {
        let e = corpus();
        let l = lines(&e, "\"union state\"", 2);
        // d0 title "The Union State": hit 0, no paragraph, left "The ".
        assert_eq!((l[0].doc, l[0].paragraph, l[0].hit), (0, None, 0));
        assert_eq!((l[0].left(&e), l[0].keyword(&e), l[0].right(&e)), ("The ", "Union State", ""));
        // d0 paragraph 0 "A union, state of two.": left "A ", keyword "union, state", right " of two".
        assert_eq!((l[1].paragraph, l[1].hit), (Some(0), 1));
        assert_eq!((l[1].left(&e), l[1].keyword(&e), l[1].right(&e)), ("A ", "union, state", " of two"));
        // d0 paragraph 1: "Belarus and the union state agree.": two words left with width 2.
        assert_eq!((l[2].left(&e), l[2].right(&e)), ("and the ", " agree"));
        // left + keyword + right is one slice of the paragraph.
        for line in &l {
            let doc = &e.corpus.documents[line.doc];
            let text = line.paragraph.map_or(&doc.title, |p| &doc.paragraphs[p]);
            assert!(text.contains(&format!("{}{}{}", line.left(&e), line.keyword(&e), line.right(&e))));
        }
        // Width 0: no context.
        assert!(lines(&e, "union ", 0).iter().all(|l| l.left(&e).is_empty() && l.right(&e).is_empty()));
    }

    fn row(e: &Engine, l: &KwicLine) -> String {
        format!("{}|{}|{}", l.left(e).trim(), l.keyword(e), l.right(e).trim())
    }

    #[test]
    fn sorts() {
        let e = corpus();
        let mut l = lines(&e, "state ", 1);
        // Hits of "state" (stem group: state), document order:
        // d0: title "Union State" (0), p0 "union, state of" (1), p1 "union state agree" (2)
        // d2: p0 "The state union" (0), "union state;" (1), p1 "Union state." (2), p2 "state" (3)
        let doc_order: Vec<String> = l.iter().map(|l| row(&e, l)).collect();
        assert_eq!(
            doc_order,
            [
                "Union|State|",
                "union,|state|of",
                "union|state|agree",
                "The|state|union",
                "union|state|; union",
                "Union|state|. Union",
                "|state|"
            ]
        );
        // Positions: d0 title The 0 Union 1 State 2, gap 3, p0 A 4 union 5 state 6 of 7 two 8, gap 9,
        // p1 Belarus 10 and 11 the 12 union 13 state 14 agree 15. d2 title Union 0, gap 1,
        // p0 The 2 state 3 union 4 state 5 union 6, gap 7, p1 Union 8 state 9 Union 10, gap 11, p2 state 12.
        // Left(1): none first (d2 12), then "the" < "union"; ties by keyword then document order.
        sort_lines(&mut l, KwicSort::Left(1));
        let got: Vec<(usize, u32)> = l.iter().map(|l| (l.doc, l.position)).collect();
        let firsts: Vec<&str> = l.iter().map(|l| l.left(&e).trim()).collect();
        assert_eq!(firsts, ["", "The", "Union", "union,", "union", "union", "Union"]);
        assert_eq!(got, [(2, 12), (2, 3), (0, 2), (0, 6), (0, 14), (2, 5), (2, 9)]);
        // Right(1): none (d0 title, d2 p2) by document order, then agree < of < union.
        sort_lines(&mut l, KwicSort::Right(1));
        let rights: Vec<&str> = l.iter().map(|l| l.right(&e).trim()).collect();
        assert_eq!(rights, ["", "", "agree", "of", "union", "; union", ". Union"]);
        let got: Vec<(usize, u32)> = l.iter().map(|l| (l.doc, l.position)).collect();
        assert_eq!(got, [(0, 2), (2, 12), (0, 14), (0, 6), (2, 3), (2, 5), (2, 9)]);
        // Document order restores the first order.
        sort_lines(&mut l, KwicSort::Document);
        assert_eq!(l.iter().map(|l| row(&e, l)).collect::<Vec<_>>(), doc_order);
        assert_eq!(KwicSort::from_key("l2"), Some(KwicSort::Left(2)));
        assert_eq!(KwicSort::Right(9).key(), "r3");
    }

    #[test]
    fn keyword_sort_and_far_context() {
        let e = super::super::tests::engine(&[("", "b z x\nc y x\na x", "X", None)]);
        let out = search(&e, "x OR y OR z", &Default::default(), Sort::Relevance);
        let mut l = concordance(&e, &out.compiled, &[0], 3);
        sort_lines(&mut l, KwicSort::Keyword);
        // x (right: none) ×3 by document order, then y (right x), then z (right x).
        let got: Vec<String> = l.iter().map(|l| row(&e, l)).collect();
        assert_eq!(got, ["b z|x|", "c y|x|", "a|x|", "c|y|x", "b|z|x"]);
        // Left(2): the 2nd word to the left: none (a x; b z; c y; z; y) then b, c.
        sort_lines(&mut l, KwicSort::Left(2));
        let got: Vec<String> = l.iter().map(|l| row(&e, l)).collect();
        assert_eq!(got, ["a|x|", "c|y|x", "b|z|x", "b z|x|", "c y|x|"]);
        let t = table(&e, &l);
        assert_eq!(t.rows.len(), 5);
        assert_eq!(t.rows[0][2], Cell::Number(3.0));
    }

    /// The permutation sort gives the same order as a plain comparison sort, for every order.
    #[test]
    fn permutation_sort_matches_plain_sort() {
        let words = ["a", "b", "c", "x", "y"];
        let body: Vec<String> =
            (0..6).map(|p| (0..40).map(|i| words[(i * 7 + p * 3 + i / 5) % 5]).collect::<Vec<_>>().join(" ")).collect();
        let e = super::super::tests::engine(&[("x a", &body.join("\n"), "A", None), ("b x", "x y x", "A", None)]);
        let out = search(&e, "x OR \"a b\"", &Default::default(), Sort::Relevance);
        let base = concordance(&e, &out.compiled, &[0, 1], 3);
        assert!(base.len() > 50);
        for sort in KwicSort::ALL {
            let mut fast = base.clone();
            sort_lines(&mut fast, sort);
            let mut plain = base.clone();
            let key = |l: &KwicLine| {
                let side = match sort {
                    KwicSort::Left(n) => l.keys.left[usize::from(n) - 1],
                    KwicSort::Right(n) => l.keys.right[usize::from(n) - 1],
                    _ => None,
                };
                (side, l.keys.keyword, l.keys.right, l.doc, l.position)
            };
            match sort {
                KwicSort::Document => plain.sort_by_key(|l| (l.doc, l.position)),
                KwicSort::Keyword => plain.sort_by_key(key),
                _ => plain.sort_by_key(|l| {
                    let (side, kw, _, d, p) = key(l);
                    (side, kw, d, p)
                }),
            }
            assert_eq!(fast, plain, "{sort:?}");
        }
    }
}
