//! Highlight ranges: which words of a text a query matched.
//!
//! Ranges are byte ranges over the original text, always on char boundaries,
//! sorted and never overlapping; HTML is never built here. They come from the
//! positions the query matched (see [`Compiled::spans`]), so a phrase query marks
//! its phrases and not each word alone. The app renders [`segments`] as text
//! nodes and `<mark>` elements.

use crate::index::Index;
use crate::search::Compiled;
use crate::tokenize::word_ranges;
use crate::Document;
use std::ops::Range;

/// The marked ranges of one document: in its title and in each paragraph.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocHighlights {
    /// Byte ranges in the title.
    pub title: Vec<Range<usize>>,
    /// Byte ranges in each paragraph (one list per paragraph, empty when nothing is marked).
    pub paragraphs: Vec<Vec<Range<usize>>>,
}

impl DocHighlights {
    /// Number of marks (hits) in the title and the paragraphs together.
    pub fn count(&self) -> usize {
        self.title.len() + self.paragraphs.iter().map(Vec::len).sum::<usize>()
    }
}

/// Every hit of a compiled query in document `doc`, as byte ranges: a word hit covers the word,
/// a phrase hit covers the phrase from its first to its last word.
pub fn document(index: &Index, compiled: &Compiled, doc_no: usize, doc: &Document) -> DocHighlights {
    let mut out = DocHighlights { title: Vec::new(), paragraphs: vec![Vec::new(); doc.paragraphs.len()] };
    let spans = compiled.spans(index, doc_no);
    if spans.is_empty() {
        return out;
    }
    let title_tokens = word_ranges(&doc.title);
    let mut para_tokens: Vec<Option<Vec<Range<usize>>>> = vec![None; doc.paragraphs.len()];
    for (start, len, _) in spans {
        let (tokens, list) = match index.locate(doc_no, start) {
            None => (&title_tokens, &mut out.title),
            Some((p, _)) if p < doc.paragraphs.len() => {
                let tokens = para_tokens[p].get_or_insert_with(|| word_ranges(&doc.paragraphs[p]));
                (&*tokens, &mut out.paragraphs[p])
            }
            Some(_) => continue,
        };
        let first = match index.locate(doc_no, start) {
            None => start as usize,
            Some((_, i)) => i,
        };
        if let Some(r) = word_range(tokens, first, len as usize) {
            list.push(r);
        }
    }
    out
}

/// The marked ranges of a document's title only (for result lists).
pub fn title(index: &Index, compiled: &Compiled, doc_no: usize, doc: &Document) -> Vec<Range<usize>> {
    title_of_spans(index, &compiled.spans(index, doc_no), doc_no, doc)
}

/// [`title`], given the document's marked spans ([`Compiled::spans`]).
pub fn title_of_spans(index: &Index, spans: &[(u32, u32, usize)], doc_no: usize, doc: &Document) -> Vec<Range<usize>> {
    let title_len = index.field_len(doc_no)[crate::index::TITLE];
    let in_title = spans.iter().take_while(|s| s.0 < title_len);
    if in_title.clone().next().is_none() {
        return Vec::new();
    }
    let tokens = word_ranges(&doc.title);
    in_title.filter_map(|&(start, len, _)| word_range(&tokens, start as usize, len as usize)).collect()
}

/// The byte range from word `first` through `len` words (clamped to the words there are).
pub fn word_range(words: &[Range<usize>], first: usize, len: usize) -> Option<Range<usize>> {
    let a = words.get(first)?;
    let last = (first + len.max(1) - 1).min(words.len() - 1);
    Some(a.start..words[last].end)
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

    /// Wildcard patterns mark every word they match, in the title and the body, in either match
    /// mode; a pattern in a phrase marks the phrase.
    #[test]
    fn wildcard_patterns_are_marked() {
        use crate::matching::Matching;
        let corpus = crate::index::tests::tiny(&[(
            "Stalinism and Women",
            "The woman and the women.\nDe-Stalinization: Сталин, сталинизм, стол.",
        )]);
        let engine = crate::search::Engine::new(corpus);
        let doc = &engine.corpus.documents[0];
        let marks = |q: &str, m: Matching| {
            let c = crate::analysis::compile_as(&engine, q, m);
            let h = document(&engine.index, &c, 0, doc);
            let mut out: Vec<&str> = h.title.iter().map(|r| &doc.title[r.clone()]).collect();
            for (p, ranges) in doc.paragraphs.iter().zip(&h.paragraphs) {
                out.extend(ranges.iter().map(|r| &p[r.clone()]));
            }
            out
        };
        for m in Matching::ALL {
            assert_eq!(marks("wom?n", m), ["Women", "woman", "women"]);
            assert_eq!(marks("*ization OR *ism", m), ["Stalinism", "Stalinization"]);
            assert_eq!(marks("стал*н", m), ["Сталин"]);
            assert_eq!(marks("СТАЛ*", m), ["Сталин", "сталинизм"]);
            assert_eq!(marks("\"the wom?n\"", m), ["The woman", "the women"]);
            assert_eq!(marks("title:wom*n", m), ["Women"]);
        }
    }

    proptest! {
        /// For any text and any query, highlight ranges lie inside the text, on char
        /// boundaries, sorted and disjoint.
        #[test]
        fn document_ranges_are_sound(title in "\\PC{0,30}", body in "\\PC{0,120}", q in "\\PC{0,20}") {
            let corpus = crate::index::tests::tiny(&[(&title, &body)]);
            let engine = crate::search::Engine::new(corpus);
            let out = crate::search::search(&engine, &q, &Default::default(), Default::default());
            let doc = &engine.corpus.documents[0];
            let h = document(&engine.index, &out.compiled, 0, doc);
            let texts = std::iter::once((&doc.title, &h.title)).chain(doc.paragraphs.iter().zip(&h.paragraphs));
            for (text, ranges) in texts {
                let mut last = 0;
                for r in ranges {
                    prop_assert!(r.start >= last && r.start < r.end && r.end <= text.len());
                    prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                    last = r.end;
                }
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
