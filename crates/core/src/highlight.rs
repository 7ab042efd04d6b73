//! Highlight ranges: which words of a text a query matched.
//!
//! Ranges are byte ranges over the original text, always on char boundaries,
//! sorted and never overlapping; HTML is never built here. The app renders
//! [`segments`] as text nodes and `<mark>` elements.

use crate::index::{Expansion, Index};
use crate::tokenize::for_each_word;
use std::collections::HashMap;
use std::ops::Range;

/// The folded words a query matched, each tied to the query word it came from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Matcher {
    words: HashMap<String, usize>,
}

impl Matcher {
    /// Collects the terms each query word expanded to (`expansions[i]` for query word `i`).
    pub fn new(index: &Index, expansions: &[Vec<Expansion>]) -> Matcher {
        let mut words = HashMap::new();
        for (i, list) in expansions.iter().enumerate() {
            for e in list {
                words.entry(index.term(e.term).to_owned()).or_insert(i);
            }
        }
        Matcher { words }
    }

    /// True when nothing is to be marked.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The query word a folded word matches, if any.
    pub fn query_word(&self, folded: &str) -> Option<usize> {
        self.words.get(folded).copied()
    }

    /// Every match in `text`: byte range and query word number, in text order.
    pub fn matches(&self, text: &str) -> Vec<(Range<usize>, usize)> {
        let mut out = Vec::new();
        if self.is_empty() {
            return out;
        }
        for_each_word(text, |range, folded| {
            if let Some(q) = self.query_word(folded) {
                out.push((range, q));
            }
        });
        out
    }

    /// The byte ranges of every match in `text`.
    pub fn ranges(&self, text: &str) -> Vec<Range<usize>> {
        self.matches(text).into_iter().map(|(r, _)| r).collect()
    }
}

/// A run of text, marked or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment<'a> {
    /// The text of the run.
    pub text: &'a str,
    /// True for a highlighted run.
    pub marked: bool,
}

/// Splits `text` into plain and marked runs. Ranges that are out of bounds, not on
/// char boundaries, empty or overlapping an earlier one are ignored, so the result
/// always covers the text exactly once.
pub fn segments<'a>(text: &'a str, ranges: &[Range<usize>]) -> Vec<Segment<'a>> {
    let mut out = Vec::new();
    let mut pos = 0;
    for r in ranges {
        if r.start < pos || r.start >= r.end || r.end > text.len() {
            continue;
        }
        if !text.is_char_boundary(r.start) || !text.is_char_boundary(r.end) {
            continue;
        }
        if r.start > pos {
            out.push(Segment { text: &text[pos..r.start], marked: false });
        }
        out.push(Segment { text: &text[r.clone()], marked: true });
        pos = r.end;
    }
    if pos < text.len() {
        out.push(Segment { text: &text[pos..], marked: false });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn segments_cover_the_text() {
        let text = "Stalin’s Сталин";
        let s = segments(text, &[0..10, 11..23]);
        assert_eq!(
            s,
            [
                Segment { text: "Stalin’s", marked: true },
                Segment { text: " ", marked: false },
                Segment { text: "Сталин", marked: true }
            ]
        );
    }

    #[test]
    fn bad_ranges_are_ignored() {
        let text = "Сталин and Lenin";
        // 1..3 splits a Cyrillic letter; 0..100 is out of bounds; 5..2 is reversed.
        #[allow(clippy::reversed_empty_ranges)]
        let s = segments(text, &[1..3, 0..100, 5..2, 17..22]);
        assert_eq!(s, [Segment { text: "Сталин and ", marked: false }, Segment { text: "Lenin", marked: true }]);
    }

    proptest! {
        /// For any text and any query, match ranges lie inside the text, on char boundaries,
        /// sorted and disjoint, and each one covers a word the query matched.
        #[test]
        fn match_ranges_are_sound(text in "\\PC{0,120}", q in "\\PC{0,20}") {
            let corpus = crate::index::tests::tiny(&[("t", &text)]);
            let index = Index::build(&corpus);
            let query = crate::query::parse(&q);
            let exp: Vec<_> = query.terms.iter().map(|t| index.expand(t)).collect();
            let m = Matcher::new(&index, &exp);
            let mut last = 0;
            for r in m.ranges(&text) {
                prop_assert!(r.start >= last && r.start < r.end && r.end <= text.len());
                prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                prop_assert!(m.query_word(&crate::normalize::fold(&text[r.clone()])).is_some());
                last = r.end;
            }
        }

        #[test]
        fn segments_always_rebuild_the_text(text in "\\PC{0,40}", ranges in proptest::collection::vec((0usize..60, 0usize..60), 0..8)) {
            let ranges: Vec<Range<usize>> = ranges.into_iter().map(|(a, b)| a..b).collect();
            let joined: String = segments(&text, &ranges).iter().map(|s| s.text).collect();
            prop_assert_eq!(joined, text);
        }
    }
}
