//! Concordance (keyword in context, KWIC): every hit of the query with the words around it.
//!
//! The lines are exactly the hits the reader marks ([`Compiled::spans`], as
//! [`crate::highlight::document`] renders them): per document, title hits first, then
//! the paragraphs', so the number of lines is the sum of the documents' mark counts and
//! line `hit` of a document is the reader's mark number `hit + 1`.

use super::export::{cells, Table};
use super::forward::GAP;
use crate::highlight::word_range;
use crate::pace::{finish, Cancelled, Pace, Stage, Unpaced, EVERY};
use crate::search::{Compiled, Engine};
use crate::tokenize::word_ranges_upto;
use rustc_hash::FxHashMap;

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
    /// The hit's first word and number of words, counted in its title or paragraph (the text
    /// is tokenised again, and cut, only for the lines shown or exported: see [`KwicLine::context`]).
    words: (u32, u32),
    keys: Keys,
}

/// A concordance line's text: `left + keyword + right` is one slice of the paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Context<'a> {
    /// Up to `width` words before the hit, from the first of them up to the hit.
    pub left: &'a str,
    /// The hit as the original text, first to last word.
    pub keyword: &'a str,
    /// Up to `width` words after the hit, from just after it to the end of the last of them.
    pub right: &'a str,
}

impl KwicLine {
    /// The title or paragraph the hit is in.
    pub fn text<'a>(&self, engine: &'a Engine) -> &'a str {
        let doc = &engine.corpus.documents[self.doc];
        self.paragraph.map_or(&doc.title, |p| &doc.paragraphs[p])
    }

    /// The hit with `width` words of context on each side, within its paragraph (or title):
    /// the left context is the `min(width, i)` words before the hit's first word `i`, the right
    /// context likewise after its last word. All three are empty if the text and the index
    /// disagree about the hit (they never should).
    pub fn context<'a>(&self, engine: &'a Engine, width: usize) -> Context<'a> {
        let text = self.text(engine);
        let (first, len) = (self.words.0 as usize, self.words.1 as usize);
        let last = first + len.max(1) - 1;
        let tokens = word_ranges_upto(text, last + 1 + width);
        let empty = Context { left: "", keyword: "", right: "" };
        let Some(kw) = word_range(&tokens, first, len) else { return empty };
        let n_left = width.min(first);
        let last = last.min(tokens.len() - 1);
        let n_right = width.min(tokens.len() - 1 - last);
        let left_start = if n_left > 0 { tokens[first - n_left].start } else { kw.start };
        let right_end = if n_right > 0 { tokens[last + n_right].end } else { kw.end };
        Context { left: &text[left_start..kw.start], keyword: &text[kw.clone()], right: &text[kw.end..right_end] }
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, serde::Serialize, serde::Deserialize)]
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
/// hits in text order). The context of a line, for any width, is [`KwicLine::context`]; sort
/// keys for [`sort_lines`] are taken from up to [`SORT_WORDS`] words on each side from the
/// engine's forward index, so no text is tokenised here.
pub fn concordance(engine: &Engine, compiled: &Compiled, docs: &[usize]) -> Vec<KwicLine> {
    finish(concordance_paced(engine, compiled, docs, &mut Unpaced))
}

/// [`concordance`], telling `pace` how far it has got.
pub async fn concordance_paced(
    engine: &Engine,
    compiled: &Compiled,
    docs: &[usize],
    pace: &mut impl Pace,
) -> Result<Vec<KwicLine>, Cancelled> {
    let index = &engine.index;
    let with_hits = super::spans_by_doc(index, compiled, docs, pace).await?;
    let forward = engine.forward_paced(pace).await?;
    let mut lines = Vec::new();
    let total = with_hits.len();
    for (done, (d, spans)) in with_hits.into_iter().enumerate() {
        pace.step(Stage::Lines, done, total).await?;
        let doc = &engine.corpus.documents[d];
        let terms = forward.doc(index, d);
        for (hit, (start, len, _)) in spans.into_iter().enumerate() {
            let (paragraph, first) = match index.locate(d, start) {
                None => (None, start),
                Some((p, i)) if p < doc.paragraphs.len() => (Some(p), i as u32),
                Some(_) => continue,
            };
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
            lines.push(KwicLine { doc: d, paragraph, hit, position: start, words: (first, len), keys });
        }
    }
    Ok(lines)
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
/// radix-sorted ([`crate::sort::radix_order`]) and the lines moved once, so 100,000 lines sort
/// in milliseconds without comparing a string.
pub fn sort_lines(lines: &mut [KwicLine], sort: KwicSort) {
    finish(sort_lines_paced(lines, sort, &mut Unpaced))
}

/// [`sort_lines`], telling `pace` how far it has got (the radix sort itself is one piece).
pub async fn sort_lines_paced(lines: &mut [KwicLine], sort: KwicSort, pace: &mut impl Pace) -> Result<(), Cancelled> {
    // Two passes over the lines (keywords, keys), then the sort.
    let total = 2 * lines.len() + 1;
    // Rank of each distinct keyword (a sequence of terms) in the keywords' order.
    let mut distinct: FxHashMap<&[u32], u32> = FxHashMap::default();
    for (i, l) in lines.iter().enumerate() {
        distinct.entry(l.keys.keyword()).or_insert(0);
        if i % EVERY == 0 {
            pace.step(Stage::Sorting, i, total).await?;
        }
    }
    let mut sorted: Vec<&[u32]> = distinct.keys().copied().collect();
    crate::sort::sort(&mut sorted);
    for (rank, kw) in sorted.into_iter().enumerate() {
        distinct.insert(kw, rank as u32);
    }
    // 0 for no word, else term + 1, so that "no word" sorts first.
    let code = |t: Option<u32>| t.map_or(0, |t| t + 1);
    let side = |n: u8| usize::from(n.clamp(1, 3)) - 1;
    let key = |l: &KwicLine| {
        let kw = distinct[l.keys.keyword()];
        let (doc, pos) = (l.doc as u32, l.position);
        let r = l.keys.right.map(code);
        match sort {
            KwicSort::Document => [doc, pos, 0, 0, 0, 0],
            KwicSort::Keyword => [kw, r[0], r[1], r[2], doc, pos],
            KwicSort::Left(n) => [code(l.keys.left[side(n)]), kw, doc, pos, 0, 0],
            KwicSort::Right(n) => [r[side(n)], kw, doc, pos, 0, 0],
        }
    };
    let used = match sort {
        KwicSort::Document => 2,
        KwicSort::Keyword => 6,
        _ => 4,
    };
    let mut columns = vec![Vec::with_capacity(lines.len()); used];
    for (i, l) in lines.iter().enumerate() {
        let k = key(l);
        for (column, value) in columns.iter_mut().zip(k) {
            column.push(value);
        }
        if i % EVERY == 0 {
            pace.step(Stage::Sorting, lines.len() + i, total).await?;
        }
    }
    let columns: Vec<&[u32]> = columns.iter().map(Vec::as_slice).collect();
    let order = crate::sort::radix_order(lines.len(), &columns);
    drop(distinct);
    crate::sort::permute(lines, &order);
    Ok(())
}

/// The lines as an export table: document id, title, paragraph (1-based, empty for the
/// title), hit (1-based, as the reader numbers it), left, keyword, right (with `width` words
/// of context).
pub fn table(engine: &Engine, lines: &[KwicLine], width: usize) -> Table {
    finish(table_paced(engine, lines, width, &mut Unpaced))
}

/// [`table`], telling `pace` how many rows are written.
pub async fn table_paced(
    engine: &Engine,
    lines: &[KwicLine],
    width: usize,
    pace: &mut impl Pace,
) -> Result<Table, Cancelled> {
    let columns = ["doc_id", "title", "paragraph", "hit", "left", "keyword", "right"];
    let mut table = Table { columns: columns.map(String::from).to_vec(), rows: Vec::with_capacity(lines.len()) };
    for (i, l) in lines.iter().enumerate() {
        if i % EVERY == 0 {
            pace.step(Stage::Rows, i, lines.len()).await?;
        }
        let doc = &engine.corpus.documents[l.doc];
        let c = l.context(engine, width);
        table.rows.push(cells![
            doc.id.as_str(),
            doc.title.as_str(),
            l.paragraph.map(|p| p + 1),
            l.hit + 1,
            c.left,
            c.keyword,
            c.right
        ]);
    }
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::export::Cell;
    use crate::highlight;
    use crate::search::{search, Sort};

    fn corpus() -> Engine {
        super::super::tests::engine(&[
            ("The Union State", "A union, state of two.\nBelarus and the union state agree.", "RT", Some("2022")),
            ("Nothing here", "weather and sea", "Blog", Some("2021")),
            ("Union", "The state union state; union!\nUnion state. Union\nstate", "Blog", None),
        ])
    }

    fn lines(e: &Engine, q: &str) -> Vec<KwicLine> {
        let out = search(e, q, &Default::default(), Sort::Relevance);
        concordance(e, &out.compiled, &[0, 1, 2])
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
            let kwic = concordance(&e, &out.compiled, &docs);
            assert_eq!(kwic.len(), marked, "{q}");
            assert!(marked > 0, "{q}");
        }
        // By hand: "union" occurs in d0 title 1 + body 2, d2 title 1 + body 4 = 8.
        assert_eq!(lines(&e, "union ").len(), 8);
        // "union state" phrases: d0 title 1 ("Union State"), body 2 ("union, state", "union state");
        // d2: "state union state" (1), "Union state." (1); "Union\nstate" crosses paragraphs: 0. Total 5.
        assert_eq!(lines(&e, "\"union state\"").len(), 5);
    }

    #[test]
    fn context_is_the_original_text() {
        let e = corpus();
        let l = lines(&e, "\"union state\"");
        // d0 title "The Union State": hit 0, no paragraph, left "The ".
        assert_eq!((l[0].doc, l[0].paragraph, l[0].hit), (0, None, 0));
        assert_eq!(l[0].context(&e, 2), Context { left: "The ", keyword: "Union State", right: "" });
        // d0 paragraph 0 "A union, state of two.": left "A ", keyword "union, state", right " of two".
        assert_eq!((l[1].paragraph, l[1].hit), (Some(0), 1));
        assert_eq!(l[1].context(&e, 2), Context { left: "A ", keyword: "union, state", right: " of two" });
        // d0 paragraph 1: "Belarus and the union state agree.": two words left with width 2.
        assert_eq!((l[2].context(&e, 2).left, l[2].context(&e, 2).right), ("and the ", " agree"));
        // left + keyword + right is one slice of the paragraph.
        for line in &l {
            let doc = &e.corpus.documents[line.doc];
            let text = line.paragraph.map_or(&doc.title, |p| &doc.paragraphs[p]);
            let c = line.context(&e, 2);
            assert!(text.contains(&format!("{}{}{}", c.left, c.keyword, c.right)));
        }
        // Width 0: no context.
        assert!(lines(&e, "union ")
            .iter()
            .all(|l| l.context(&e, 0).left.is_empty() && l.context(&e, 0).right.is_empty()));
    }

    /// The lines do not depend on the width: each width cuts the same hit with that many words
    /// on each side, as far as the paragraph goes; and the engine's forward index is built once.
    #[test]
    fn any_width_cuts_the_same_lines() {
        let e = corpus();
        let l = lines(&e, "state ");
        assert!(std::ptr::eq(e.forward(), e.forward()));
        for line in &l {
            let text = line.text(&e);
            let words_before = |c: &Context| crate::tokenize::word_ranges(c.left).len();
            let words_after = |c: &Context| crate::tokenize::word_ranges(c.right).len();
            let widest = line.context(&e, 50);
            for width in 0..8 {
                let c = line.context(&e, width);
                assert_eq!(c.keyword, widest.keyword);
                assert!(text.contains(&format!("{}{}{}", c.left, c.keyword, c.right)));
                assert_eq!(words_before(&c), width.min(words_before(&widest)), "{c:?}");
                assert_eq!(words_after(&c), width.min(words_after(&widest)), "{c:?}");
                assert!(widest.left.ends_with(c.left) && widest.right.starts_with(c.right));
            }
        }
    }

    fn row(e: &Engine, l: &KwicLine, width: usize) -> String {
        let c = l.context(e, width);
        format!("{}|{}|{}", c.left.trim(), c.keyword, c.right.trim())
    }

    #[test]
    fn sorts() {
        let e = corpus();
        let mut l = lines(&e, "state ");
        // Hits of "state" (stem group: state), document order:
        // d0: title "Union State" (0), p0 "union, state of" (1), p1 "union state agree" (2)
        // d2: p0 "The state union" (0), "union state;" (1), p1 "Union state." (2), p2 "state" (3)
        let doc_order: Vec<String> = l.iter().map(|l| row(&e, l, 1)).collect();
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
        let firsts: Vec<&str> = l.iter().map(|l| l.context(&e, 1).left.trim()).collect();
        assert_eq!(firsts, ["", "The", "Union", "union,", "union", "union", "Union"]);
        assert_eq!(got, [(2, 12), (2, 3), (0, 2), (0, 6), (0, 14), (2, 5), (2, 9)]);
        // Right(1): none (d0 title, d2 p2) by document order, then agree < of < union.
        sort_lines(&mut l, KwicSort::Right(1));
        let rights: Vec<&str> = l.iter().map(|l| l.context(&e, 1).right.trim()).collect();
        assert_eq!(rights, ["", "", "agree", "of", "union", "; union", ". Union"]);
        let got: Vec<(usize, u32)> = l.iter().map(|l| (l.doc, l.position)).collect();
        assert_eq!(got, [(0, 2), (2, 12), (0, 14), (0, 6), (2, 3), (2, 5), (2, 9)]);
        // Document order restores the first order.
        sort_lines(&mut l, KwicSort::Document);
        assert_eq!(l.iter().map(|l| row(&e, l, 1)).collect::<Vec<_>>(), doc_order);
        assert_eq!(KwicSort::from_key("l2"), Some(KwicSort::Left(2)));
        assert_eq!(KwicSort::Right(9).key(), "r3");
    }

    #[test]
    fn keyword_sort_and_far_context() {
        let e = super::super::tests::engine(&[("", "b z x\nc y x\na x", "X", None)]);
        let out = search(&e, "x OR y OR z", &Default::default(), Sort::Relevance);
        let mut l = concordance(&e, &out.compiled, &[0]);
        sort_lines(&mut l, KwicSort::Keyword);
        // x (right: none) ×3 by document order, then y (right x), then z (right x).
        let got: Vec<String> = l.iter().map(|l| row(&e, l, 3)).collect();
        assert_eq!(got, ["b z|x|", "c y|x|", "a|x|", "c|y|x", "b|z|x"]);
        // Left(2): the 2nd word to the left: none (a x; b z; c y; z; y) then b, c.
        sort_lines(&mut l, KwicSort::Left(2));
        let got: Vec<String> = l.iter().map(|l| row(&e, l, 3)).collect();
        assert_eq!(got, ["a|x|", "c|y|x", "b|z|x", "b z|x|", "c y|x|"]);
        let t = table(&e, &l, 3);
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
        let base = concordance(&e, &out.compiled, &[0, 1]);
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
