//! Snippets: a short passage of a document around its densest cluster of hits.
//!
//! The passage is chosen in the body only: the window of at most `max_chars`
//! characters that holds the most *different* query words, then the most hits,
//! earliest first on ties. It is cut at word boundaries and carries the
//! highlight ranges of its hits, relative to the snippet text.

use crate::highlight::word_range;
use crate::index::Index;
use crate::model::Document;
use crate::search::Compiled;
use crate::tokenize::count_words;
use crate::tokenize::word_ranges_upto;
use std::ops::Range;

/// Default snippet length in characters.
pub const SNIPPET_CHARS: usize = 220;

/// A passage of a document with its hits marked.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Snippet {
    /// Paragraph the passage comes from.
    pub paragraph: usize,
    /// The passage (a slice of the paragraph).
    pub text: String,
    /// Hits, as byte ranges into `text`: sorted, disjoint, on char boundaries.
    pub highlights: Vec<Range<usize>>,
    /// True when the paragraph goes on before the passage.
    pub clipped_start: bool,
    /// True when the paragraph goes on after the passage.
    pub clipped_end: bool,
}

/// Paragraphs shorter than this many words are passed over for the lead when a longer one follows.
pub const LEAD_MIN_WORDS: usize = 8;

/// The opening of a document, for results without a query: its first paragraph of real
/// prose, passing over short lines such as stage directions (`[Theme Music]`) or captions.
pub fn lead(doc: &Document, max_chars: usize) -> Snippet {
    let is_prose = |p: &String| {
        let t = p.trim();
        !(t.starts_with('[') && t.ends_with(']')) && count_words(t) >= LEAD_MIN_WORDS
    };
    let paragraph = doc.paragraphs.iter().position(is_prose).unwrap_or(0);
    let Some(text) = doc.paragraphs.get(paragraph) else {
        return Snippet {
            paragraph: 0,
            text: String::new(),
            highlights: vec![],
            clipped_start: false,
            clipped_end: false,
        };
    };
    let end = cut_end(text, char_to_byte(text, max_chars), 0);
    Snippet {
        paragraph,
        text: text[..end].trim_end().to_owned(),
        highlights: vec![],
        clipped_start: false,
        clipped_end: end < text.len(),
    }
}

/// The passage of document `doc_no` with the densest cluster of hits of a compiled
/// query, or the lead when the body has no hit.
pub fn best(index: &Index, compiled: &Compiled, doc_no: usize, doc: &Document, max_chars: usize) -> Snippet {
    best_of_spans(index, &compiled.spans(index, doc_no), doc_no, doc, max_chars)
}

/// [`best`], given the document's marked spans ([`Compiled::spans`]), which the results list
/// computes once for the snippet and the title's marks.
pub fn best_of_spans(
    index: &Index,
    spans: &[(u32, u32, usize)],
    doc_no: usize,
    doc: &Document,
    max_chars: usize,
) -> Snippet {
    let max_chars = max_chars.max(20);
    // Body hits, grouped by paragraph: (paragraph, word number in it, words, leaf).
    let hits: Vec<(usize, usize, usize, usize)> = spans
        .iter()
        .copied()
        .filter_map(|(start, len, leaf)| index.locate(doc_no, start).map(|(p, i)| (p, i, len as usize, leaf)))
        .filter(|h| h.0 < doc.paragraphs.len())
        .collect();
    if hits.is_empty() {
        return lead(doc, max_chars);
    }
    // Choose the paragraph and window (in words) cheaply from positions alone.
    let width = (max_chars / 7).max(4);
    let mut best: Option<((usize, usize), usize)> = None;
    let mut i = 0;
    // The window's last hit only moves forward (a later first hit reaches at least as far in
    // its paragraph): a page of `the` on 108 MB spent a sixth of its time rescanning windows.
    let mut j = 0;
    while i < hits.len() {
        j = j.max(i);
        while j + 1 < hits.len() && hits[j + 1].0 == hits[i].0 && hits[j + 1].1 + hits[j + 1].2 <= hits[i].1 + width {
            j += 1;
        }
        let key = (distinct(hits[i..=j].iter().map(|h| h.3)), j - i + 1);
        if best.is_none_or(|b| key > b.0) {
            best = Some((key, i));
        }
        i += 1;
    }
    let para = hits[best.map_or(0, |b| b.1)].0;
    // Only that paragraph is tokenized, to turn word numbers into byte ranges.
    let text = &doc.paragraphs[para];
    // Words past the window are never shown: stop reading the paragraph there.
    let last_hit = hits.iter().filter(|h| h.0 == para).map(|h| h.1 + h.2).max().unwrap_or(0);
    let tokens = word_ranges_upto(text, last_hit + 2 * width);
    let matches: Vec<(Range<usize>, usize)> =
        hits.iter().filter(|h| h.0 == para).filter_map(|h| word_range(&tokens, h.1, h.2).map(|r| (r, h.3))).collect();
    window(text, para, &matches, max_chars)
}

/// The best window of at most `max_chars` characters of one paragraph, given its hits.
fn window(text: &str, paragraph: usize, matches: &[(Range<usize>, usize)], max_chars: usize) -> Snippet {
    if matches.is_empty() {
        let end = cut_end(text, char_to_byte(text, max_chars), 0);
        return Snippet {
            paragraph,
            text: text[..end].trim_end().to_owned(),
            highlights: vec![],
            clipped_start: false,
            clipped_end: end < text.len(),
        };
    }
    let chars = char_offsets(text, matches);
    let mut best: Option<((usize, usize), usize, usize)> = None;
    let mut j = 0;
    for i in 0..matches.len() {
        j = j.max(i);
        while j + 1 < matches.len() && chars[j + 1].1 - chars[i].0 <= max_chars {
            j += 1;
        }
        let key = (distinct(matches[i..=j].iter().map(|m| m.1)), j - i + 1);
        if best.as_ref().is_none_or(|b| key > b.0) {
            best = Some((key, i, j));
        }
    }
    let (_, i, j) = best.expect("matches is not empty");
    let (cs, ce) = (matches[i].0.start, matches[j].0.end);
    let count = |s: &str| if s.is_ascii() { s.len() } else { s.chars().count() };
    let cluster_chars = count(&text[cs..ce]);
    let slack = max_chars.saturating_sub(cluster_chars);
    let total_chars = count(text);
    let cs_char = count(&text[..cs]);
    let mut start_char = cs_char.saturating_sub(slack / 2);
    let end_char = (start_char + max_chars).min(total_chars);
    if end_char - start_char < max_chars {
        start_char = end_char.saturating_sub(max_chars);
    }
    let start = cut_start(text, char_to_byte(text, start_char), cs);
    let end = cut_end(text, char_to_byte(text, end_char), ce);
    let slice = &text[start..end];
    let lead_ws = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    let base = start + lead_ws;
    let highlights = matches
        .iter()
        .filter(|(r, _)| r.start >= base && r.end <= base + trimmed.len())
        .map(|(r, _)| r.start - base..r.end - base)
        .collect();
    Snippet { paragraph, text: trimmed.to_owned(), highlights, clipped_start: start > 0, clipped_end: end < text.len() }
}

/// Number of different query words (leaf numbers) among `leaves`.
fn distinct(leaves: impl Iterator<Item = usize>) -> usize {
    leaves.fold(0u64, |mask, l| mask | 1 << l.min(63)).count_ones() as usize
}

/// The character offsets of each match's start and end, counted in one pass over the text.
fn char_offsets(text: &str, matches: &[(Range<usize>, usize)]) -> Vec<(usize, usize)> {
    if text.is_ascii() {
        return matches.iter().map(|(r, _)| (r.start, r.end)).collect();
    }
    let (mut byte, mut chars) = (0, 0);
    let mut to_chars = |target: usize| {
        chars += text[byte..target].chars().count();
        byte = target;
        chars
    };
    matches.iter().map(|(r, _)| (to_chars(r.start), to_chars(r.end))).collect()
}

fn char_to_byte(text: &str, chars: usize) -> usize {
    if text.is_ascii() {
        return chars.min(text.len());
    }
    text.char_indices().nth(chars).map_or(text.len(), |(b, _)| b)
}

/// Moves a start offset forward to the beginning of a word, but never past `limit`.
fn cut_start(text: &str, at: usize, limit: usize) -> usize {
    if at == 0 || at >= limit {
        return at.min(limit);
    }
    let prev_is_space = text[..at].chars().next_back().is_some_and(char::is_whitespace);
    if prev_is_space {
        return at;
    }
    match text[at..limit].find(char::is_whitespace) {
        Some(ws) => at + ws + text[at + ws..].chars().next().map_or(1, char::len_utf8),
        None => at,
    }
}

/// Moves an end offset back to the end of a word, but never before `limit`.
fn cut_end(text: &str, at: usize, limit: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    if at <= limit {
        return limit;
    }
    let next_is_space = text[at..].chars().next().is_some_and(char::is_whitespace);
    if next_is_space {
        return at;
    }
    match text[limit..at].rfind(char::is_whitespace) {
        Some(ws) => limit + ws,
        None => at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Corpus;
    use crate::search::{search, Engine};
    use proptest::prelude::*;

    fn doc(paragraphs: &[&str]) -> Document {
        Document::new("d", "T", paragraphs.iter().map(|s| s.to_string()).collect())
    }

    fn snip(d: &Document, q: &str, max: usize) -> Snippet {
        let engine = Engine::new(Corpus::new("t", vec![d.clone()]));
        let out = search(&engine, q, &Default::default(), Default::default());
        best(&engine.index, &out.compiled, 0, &engine.corpus.documents[0], max)
    }

    fn marked(s: &Snippet) -> Vec<&str> {
        s.highlights.iter().map(|r| &s.text[r.clone()]).collect()
    }

    #[test]
    fn picks_the_densest_cluster() {
        let filler = "word ".repeat(60);
        let p1 = format!("Lenin once. {filler}");
        let p2 = format!("{filler} Stalin and Lenin met; Stalin spoke. {filler}");
        let d = doc(&[&p1, &p2]);
        let s = snip(&d, "stalin lenin ", 120);
        assert_eq!(s.paragraph, 1);
        assert_eq!(marked(&s), ["Stalin", "Lenin", "Stalin"]);
        assert!(s.clipped_start && s.clipped_end);
        assert!(s.text.chars().count() <= 120);
        assert!(s.text.starts_with("word") && s.text.ends_with("word"), "{:?}", s.text);
    }

    #[test]
    fn distinct_words_beat_repeats() {
        let filler = "x ".repeat(80);
        let p = format!("lenin lenin lenin lenin {filler} stalin then lenin {filler}");
        let d = doc(&[&p]);
        let s = snip(&d, "stalin OR lenin ", 40);
        assert_eq!(marked(&s), ["stalin", "lenin"]);
    }

    #[test]
    fn phrases_are_marked_whole() {
        let d = doc(&["A union. The union, state of Russia and the state."]);
        let s = snip(&d, "\"union state\"", 100);
        assert_eq!(marked(&s), ["union, state"]);
    }

    #[test]
    fn no_hit_in_body_gives_the_lead() {
        let d = doc(&["First paragraph here, long enough to be prose.", "Second."]);
        let s = snip(&d, "absent ", 100);
        assert_eq!(s.text, "First paragraph here, long enough to be prose.");
        assert!(s.highlights.is_empty() && !s.clipped_end);
    }

    #[test]
    fn lead_skips_stage_directions_and_short_lines() {
        let d =
            doc(&["[Theme Music]", "Hello.", "This year marks the hundredth anniversary of the founding of the USSR."]);
        let s = lead(&d, 300);
        assert_eq!(s.paragraph, 2);
        let d = doc(&["Short.", "Also short."]);
        assert_eq!(lead(&d, 300).paragraph, 0);
    }

    #[test]
    fn lead_cuts_at_a_word() {
        let d = doc(&["The Union State of Russia and Belarus was founded in 1996."]);
        let s = lead(&d, 20);
        assert_eq!(s.text, "The Union State of");
        assert!(s.clipped_end);
    }

    #[test]
    fn cyrillic_snippets_stay_on_char_boundaries() {
        let d = doc(&["Сталин и Ленин. Сталин говорил долго, очень долго, и Ленин слушал."]);
        let s = snip(&d, "ленин ", 25);
        for r in &s.highlights {
            assert!(s.text.is_char_boundary(r.start) && s.text.is_char_boundary(r.end));
        }
        assert!(!s.highlights.is_empty());
        assert!(marked(&s).iter().all(|m| *m == "Ленин"));
    }

    #[test]
    fn wildcard_patterns_are_marked_in_snippets() {
        let filler = "word ".repeat(60);
        let d = doc(&[&format!("Stalinism once. {filler} Bolshevism and Stalinism, then Trotskyism. {filler}")]);
        let s = snip(&d, "*ism ", 80);
        assert_eq!(marked(&s), ["Bolshevism", "Stalinism", "Trotskyism"]);
        let s = snip(&d, "\"bolshev* and st?linism\"", 80);
        assert_eq!(marked(&s), ["Bolshevism and Stalinism"]);
        // A trailing `?` is a question mark: `trotskyism?` is the word.
        assert_eq!(marked(&snip(&d, "trotskyism?", 80)), ["Trotskyism"]);
    }

    proptest! {
        #[test]
        fn highlights_are_valid(paras in proptest::collection::vec("\\PC{0,80}", 1..4), q in "\\PC{0,12}", max in 0usize..100) {
            let refs: Vec<&str> = paras.iter().map(String::as_str).collect();
            let d = doc(&refs);
            let s = snip(&d, &q, max);
            let mut last = 0;
            for r in &s.highlights {
                prop_assert!(r.start >= last && r.start < r.end && r.end <= s.text.len());
                prop_assert!(s.text.is_char_boundary(r.start) && s.text.is_char_boundary(r.end));
                last = r.end;
            }
            prop_assert!(d.paragraphs[s.paragraph].contains(&s.text));
        }
    }
}
