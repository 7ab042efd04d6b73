//! Corpus overview: the figures of a selection of documents at a glance (Voyant's first
//! screen): its size, the variety of its vocabulary, its sentences, its longest and shortest
//! documents, its most frequent words and each document's most distinctive words.
//!
//! For the documents `D` (tokens are title and body words, as everywhere in the analyses):
//!
//! ```text
//! tokens        = Σ_{d ∈ D} tokens(d)
//! types         = |{w : count(w) > 0}|                 (distinct folded word forms)
//! ttr           = types / tokens                        (0 without tokens)
//! MATTR         = Σ_windows types(window) / (windows · W)    W = MATTR_WINDOW = 500
//! mean_sentence = body words / sentences
//! ```
//!
//! The plain type/token ratio falls as a text grows (its words repeat), so it cannot
//! compare selections of different sizes; the moving-average type/token ratio (MATTR,
//! Covington & McFall 2010) averages the ratio over every window of `W` consecutive tokens
//! (moving by one token), which does not depend on the length. Here the windows never cross
//! documents: each document of at least `W` tokens contributes its windows, over its title
//! and paragraph tokens in order, and the mean is over all windows of all those documents.
//!
//! A document's distinctive words are those with the highest log-likelihood G²
//! ([`keyness::log_likelihood`]) of the document against the other documents of the
//! selection, among the words it uses more than they do (`a/c > b/d`), used at least twice in
//! it and not stopwords: the first words its keyness table ([`keyness::keyness`] with the
//! document as the target) lists as overused. All documents are done in two passes over the
//! postings (one for each word's total, one computing G² for each word of each document with
//! `a ≥ 2`), not one keyness table each.

use super::export::{cells, Table};
use super::forward::GAP;
use super::keyness::log_likelihood;
use super::ngrams::stop_terms;
use super::{clean_docs, doc_mask, StopList};
use crate::index::BODY;
use crate::pace::{finish, Cancelled, Pace, Stage, Unpaced, EVERY};
use crate::search::Engine;
use crate::tokenize::for_each_word;
use rustc_hash::FxHashMap;

#[cfg(doc)]
use super::keyness;

/// Tokens per window of the moving-average type/token ratio (`W`).
pub const MATTR_WINDOW: usize = 500;
/// Number of most frequent words in [`Summary::top_words`].
pub const TOP_WORDS: usize = 25;
/// Number of distinctive words per document in [`Summary::distinctive`].
pub const DISTINCTIVE_WORDS: usize = 3;
/// Number of documents in [`Summary::longest`] and in [`Summary::shortest`].
pub const EXTREMES: usize = 5;

/// The overview of a selection of documents.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Summary {
    /// Number of documents.
    pub docs: usize,
    /// `Σ tokens(d)`: title and body words.
    pub tokens: u64,
    /// Distinct word forms (folded) in the documents.
    pub types: u64,
    /// `types / tokens` (0 without tokens).
    pub ttr: f64,
    /// Moving-average type/token ratio with windows of [`MATTR_WINDOW`] tokens: the mean of
    /// `types(window) / W` over every window of every document of at least `W` tokens
    /// (windows never cross documents; a document's title and paragraph tokens in order, gaps
    /// skipped); `None` when no document is that long.
    pub mattr: Option<f64>,
    /// Number of documents of at least [`MATTR_WINDOW`] tokens (those with windows).
    pub mattr_docs: usize,
    /// Sentences of the documents' paragraphs (titles are not counted), see [`count_sentences`].
    pub sentences: u64,
    /// `body words / sentences`; `None` without sentences.
    pub mean_sentence: Option<f64>,
    /// The (up to) 5 longest documents as (document number, tokens): most tokens first, then
    /// by document number.
    pub longest: Vec<(usize, u32)>,
    /// The (up to) 5 shortest documents as (document number, tokens): fewest tokens first,
    /// then by document number.
    pub shortest: Vec<(usize, u32)>,
    /// The 25 most frequent word forms with their counts, stopwords of the [`StopList`] left
    /// out: count descending, then alphabetically (byte order).
    pub top_words: Vec<(String, u64)>,
    /// Each document (ascending) with its 3 most distinctive words: G² descending (then
    /// alphabetically) among the words it uses more than the other documents of the
    /// selection, at least twice, stopwords left out (fewer when fewer qualify; none when
    /// it is the only document).
    pub distinctive: Vec<(usize, Vec<String>)>,
}

/// The overview of `docs` (see the module's formulas).
pub fn summary(engine: &Engine, docs: &[usize], stop: &StopList) -> Summary {
    finish(summary_paced(engine, docs, stop, &mut Unpaced))
}

/// [`summary`], telling `pace` how far it has got: totalling each word ([`Stage::Words`]),
/// the distinctive words ([`Stage::Distinctive`]), the sentences ([`Stage::Sentences`]),
/// building the forward index the first time ([`Stage::Positions`]), the MATTR
/// ([`Stage::Variety`]); a step every 64k postings, 256 kB of text or 64k tokens.
pub async fn summary_paced(
    engine: &Engine,
    docs: &[usize],
    stop: &StopList,
    pace: &mut impl Pace,
) -> Result<Summary, Cancelled> {
    let index = &engine.index;
    let docs = clean_docs(index, docs);
    let mask = doc_mask(index, &docs);
    let lengths: Vec<u32> = docs.iter().map(|&d| index.doc_tokens(d)).collect();
    let tokens: u64 = lengths.iter().map(|&n| u64::from(n)).sum();
    let term_count = index.term_count();

    // Each word's total in the documents: one pass over the postings.
    let mut total = vec![0u64; term_count];
    let mut since = 0usize;
    for (t, sum) in total.iter_mut().enumerate() {
        let postings = index.postings(t as u32);
        *sum = postings.iter().filter(|p| mask[p.doc as usize]).map(|p| u64::from(p.tf[0] + p.tf[1])).sum();
        since += postings.len();
        if since >= 16 * EVERY {
            since = 0;
            pace.step(Stage::Words, t, term_count).await?;
        }
    }
    let types = total.iter().filter(|&&c| c > 0).count() as u64;
    let stop = stop_terms(index, stop);
    // Term numbers ascend alphabetically: a tie keeps the earlier term first.
    let mut top: Vec<(u64, u32)> = Vec::with_capacity(TOP_WORDS + 1);
    for (t, &c) in total.iter().enumerate() {
        if c > 0 && !stop[t] {
            push_top(&mut top, TOP_WORDS, (c, t as u32), |x, y| x.0 > y.0);
        }
    }
    let top_words = top.into_iter().map(|(c, t)| (index.term(t).to_owned(), c)).collect();

    // Distinctive words: G² of each (word, document) with a ≥ 2 and a/c > b/d.
    let mut best: Vec<Vec<(f64, u32)>> = vec![Vec::new(); docs.len()];
    if docs.len() >= 2 {
        let mut slot = vec![u32::MAX; index.doc_count()];
        for (i, &d) in docs.iter().enumerate() {
            slot[d] = i as u32;
        }
        since = 0;
        for t in 0..term_count {
            if stop[t] || total[t] < 2 {
                continue;
            }
            let postings = index.postings(t as u32);
            since += postings.len();
            for p in postings {
                let i = slot[p.doc as usize];
                let a = u64::from(p.tf[0] + p.tf[1]);
                if i == u32::MAX || a < 2 {
                    continue;
                }
                let c = u64::from(lengths[i as usize]);
                let (b, d) = (total[t] - a, tokens - c);
                // The keyness table's test for an overused word.
                if (a as f64) * (d as f64) > (b as f64) * (c as f64) {
                    let g2 = log_likelihood(a, b, c, d);
                    push_top(&mut best[i as usize], DISTINCTIVE_WORDS, (g2, t as u32), |x, y| x.0 > y.0);
                }
            }
            if since >= 16 * EVERY {
                since = 0;
                pace.step(Stage::Distinctive, t, term_count).await?;
            }
        }
    }
    let distinctive = docs
        .iter()
        .zip(best)
        .map(|(&d, words)| (d, words.into_iter().map(|(_, t)| index.term(t).to_owned()).collect()))
        .collect();

    // Sentences of the paragraphs.
    let (mut sentences, mut body_words, mut bytes) = (0u64, 0u64, 0usize);
    for (i, &d) in docs.iter().enumerate() {
        body_words += u64::from(index.field_len(d)[BODY]);
        for paragraph in &engine.corpus.documents[d].paragraphs {
            sentences += count_sentences(paragraph);
            bytes += paragraph.len();
            if bytes >= 256 * 1024 {
                bytes = 0;
                pace.step(Stage::Sentences, i, docs.len()).await?;
            }
        }
    }
    let mean_sentence = (sentences > 0).then(|| body_words as f64 / sentences as f64);

    // MATTR over the documents long enough for a window.
    let long: Vec<usize> = docs.iter().copied().filter(|&d| index.doc_tokens(d) as usize >= MATTR_WINDOW).collect();
    let mut mattr = None;
    if !long.is_empty() {
        let forward = engine.forward_paced(pace).await?;
        let mut counts = vec![0u32; term_count];
        let mut words: Vec<u32> = Vec::new();
        let (mut sum, mut windows, mut since) = (0u64, 0u64, 0usize);
        for (i, &d) in long.iter().enumerate() {
            words.clear();
            words.extend(forward.doc(index, d).iter().copied().filter(|&t| t != GAP));
            let (s, w) = slide(&words, MATTR_WINDOW, &mut counts);
            sum += s;
            windows += w;
            since += words.len();
            if since >= 16 * EVERY {
                since = 0;
                pace.step(Stage::Variety, i + 1, long.len()).await?;
            }
        }
        mattr = Some(sum as f64 / (windows as f64 * MATTR_WINDOW as f64));
    }

    // Longest and shortest documents.
    let mut by_length: Vec<(usize, u32)> = docs.iter().copied().zip(lengths.iter().copied()).collect();
    crate::sort::sort_by(&mut by_length, |x, y| x.1.cmp(&y.1).then(x.0.cmp(&y.0)));
    let shortest = by_length.iter().take(EXTREMES).copied().collect();
    crate::sort::sort_by(&mut by_length, |x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    let longest = by_length.iter().take(EXTREMES).copied().collect();

    Ok(Summary {
        docs: docs.len(),
        tokens,
        types,
        ttr: if tokens == 0 { 0.0 } else { types as f64 / tokens as f64 },
        mattr,
        mattr_docs: long.len(),
        sentences,
        mean_sentence,
        longest,
        shortest,
        top_words,
        distinctive,
    })
}

/// Puts `item` into `top` (kept in order, at most `k` long) after every item it does not
/// rank `above`: an item tied with earlier ones goes after them.
fn push_top<T>(top: &mut Vec<T>, k: usize, item: T, above: impl Fn(&T, &T) -> bool) {
    if top.len() == k && !top.last().is_some_and(|last| above(&item, last)) {
        return;
    }
    let at = top.iter().position(|x| above(&item, x)).unwrap_or(top.len());
    top.insert(at, item);
    top.truncate(k);
}

/// Moving-average type/token ratio (Covington & McFall 2010): the mean, over every window of
/// `window` consecutive tokens (moving by one token: `n − window + 1` windows of `n`
/// tokens), of `types(window) / window`; `None` when there are fewer than `window` tokens
/// (or `window` is 0). Tokens are any numbers (equal numbers are the same type). `O(n)`:
/// each step adds one token to the window's counts and takes one away.
pub fn mattr(tokens: &[u32], window: usize) -> Option<f64> {
    if window == 0 || tokens.len() < window {
        return None;
    }
    let mut ids: FxHashMap<u32, u32> = FxHashMap::default();
    let dense: Vec<u32> = tokens
        .iter()
        .map(|&t| {
            let next = ids.len() as u32;
            *ids.entry(t).or_insert(next)
        })
        .collect();
    let mut counts = vec![0u32; ids.len()];
    let (sum, windows) = slide(&dense, window, &mut counts);
    Some(sum as f64 / (windows as f64 * window as f64))
}

/// `(Σ_windows types(window), windows)` of `tokens` (numbers below `counts.len()`) with
/// windows of `window` tokens; (0, 0) when there are fewer tokens. `counts` must be all zero
/// and is left so.
fn slide(tokens: &[u32], window: usize, counts: &mut [u32]) -> (u64, u64) {
    if window == 0 || tokens.len() < window {
        return (0, 0);
    }
    let mut types = 0u64;
    for &t in &tokens[..window] {
        let c = &mut counts[t as usize];
        types += u64::from(*c == 0);
        *c += 1;
    }
    let mut sum = types;
    for (&gone, &new) in tokens.iter().zip(&tokens[window..]) {
        let c = &mut counts[gone as usize];
        *c -= 1;
        types -= u64::from(*c == 0);
        let c = &mut counts[new as usize];
        types += u64::from(*c == 0);
        *c += 1;
        sum += types;
    }
    for &t in &tokens[tokens.len() - window..] {
        counts[t as usize] = 0;
    }
    (sum, (tokens.len() - window + 1) as u64)
}

/// Ends a sentence: `.`, `!`, `?`, `…`.
fn ends_sentence(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// May follow a sentence's end before the space: closing quotes and brackets.
fn closes(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '“' | '»' | '›' | ')' | ']' | '}')
}

/// True when `text` has a word ([`for_each_word`]).
fn has_word(text: &str) -> bool {
    if text.is_ascii() {
        // Every ASCII letter or digit is in a word, and every word has one.
        return text.bytes().any(|b| b.is_ascii_alphanumeric());
    }
    let mut found = false;
    for_each_word(text, |_, _| found = true);
    found
}

/// The number of sentences of a paragraph.
///
/// A sentence ends at a run of `.`, `!`, `?`, `…` (`?!` and `...` end one sentence) followed
/// by white space, by closing quotes or brackets (`"`, `'`, `”`, `’`, `“`, `»`, `›`, `)`,
/// `]`, `}`) and then white space, or by the end of the paragraph; the end of the paragraph
/// always ends a sentence. A stretch with no word (as [`for_each_word`] finds words) is not a
/// sentence. Abbreviations are not told apart: `Mr. Smith left.` is two sentences, `U.S.
/// troops` ends one after `U.S.`; a point inside a word or a number (`2.5`, `e.g.x`) ends
/// nothing.
pub fn count_sentences(paragraph: &str) -> u64 {
    // One pass over the bytes: ASCII letters and digits are noted on the way (each is in a
    // word), and a stretch with other characters only is tokenized when it ends.
    let bytes = paragraph.as_bytes();
    let (mut count, mut start, mut i) = (0u64, 0usize, 0usize);
    let (mut letters, mut other) = (false, false);
    let mut ends = |from: usize, to: usize, letters: bool, other: bool| {
        count += u64::from(letters || (other && has_word(&paragraph[from..to])));
    };
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphanumeric() {
            letters = true;
            i += 1;
            continue;
        }
        if b.is_ascii() && !matches!(b, b'.' | b'!' | b'?') {
            i += 1;
            continue;
        }
        // `i` is at a character's first byte: ASCII bytes move it by one, others by their
        // character's length.
        let c = paragraph[i..].chars().next().unwrap_or(' ');
        if !ends_sentence(c) {
            other = true;
            i += c.len_utf8();
            continue;
        }
        let mut rest = paragraph[i..].chars().peekable();
        let mut j = i;
        while let Some(c) = rest.next_if(|&c| ends_sentence(c)) {
            j += c.len_utf8();
        }
        while let Some(c) = rest.next_if(|&c| closes(c)) {
            j += c.len_utf8();
        }
        if rest.peek().is_some_and(|c| c.is_whitespace()) {
            ends(start, j, letters, other);
            (start, letters, other) = (j, false, false);
        }
        i = j;
    }
    ends(start, bytes.len(), letters, other);
    count
}

/// The overview as a table, one row per document after one row for the whole selection.
///
/// Columns: `doc_id`, `title`, `tokens`, `types`, `ttr`, `mattr`, `sentences`,
/// `words_per_sentence`, `words`. The first row is the selection: an empty `doc_id`, the title
/// `All N documents`, and [`Summary::tokens`], `types`, `ttr`, `mattr` (empty when `None`),
/// `sentences`, `mean_sentence` and, in `words`, the [`Summary::top_words`] joined with
/// `, `. Then each document of [`Summary::distinctive`] (ascending): its id, title, tokens,
/// sentences (counted again here with [`count_sentences`]), body words / sentences, and its
/// distinctive words joined with `, `; `types`, `ttr` and `mattr` are empty on these rows.
pub fn table(engine: &Engine, s: &Summary) -> Table {
    let columns = ["doc_id", "title", "tokens", "types", "ttr", "mattr", "sentences", "words_per_sentence", "words"];
    let top: Vec<&str> = s.top_words.iter().map(|(w, _)| w.as_str()).collect();
    let mut t = Table::of(&columns, [()], |()| {
        let title = format!("All {} document{}", s.docs, if s.docs == 1 { "" } else { "s" });
        cells!["", title, s.tokens, s.types, s.ttr, s.mattr, s.sentences, s.mean_sentence, top.join(", ")]
    });
    let none: Option<f64> = None;
    t.rows.extend(s.distinctive.iter().map(|(d, words)| {
        let doc = &engine.corpus.documents[*d];
        let sentences: u64 = doc.paragraphs.iter().map(|p| count_sentences(p)).sum();
        let body = f64::from(engine.index.field_len(*d)[BODY]);
        let per_sentence = (sentences > 0).then(|| body / sentences as f64);
        cells![
            doc.id.as_str(),
            doc.title.as_str(),
            engine.index.doc_tokens(*d),
            none,
            none,
            none,
            sentences,
            per_sentence,
            words.join(", ")
        ]
    }));
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::export::Cell;
    use crate::analysis::keyness::{keyness, Direction};
    use crate::analysis::tests::{close_1e6 as close, engine};
    use crate::analysis::Unit;
    use crate::pace::testing::{run, Recorder};

    #[test]
    fn mattr_by_hand() {
        // Window 3 over a b a c b b (6 tokens, 4 windows):
        // [a b a] 2 types, [b a c] 3, [a c b] 3, [c b b] 2 → (2 + 3 + 3 + 2) / (4 · 3) = 10/12.
        let (a, b, c) = (7, 1_000_000, 42);
        assert!(close(mattr(&[a, b, a, c, b, b], 3).unwrap(), 10.0 / 12.0));
        // One window: the plain ratio. Window 1: always 1. Fewer tokens than the window: None.
        assert!(close(mattr(&[a, b, a], 3).unwrap(), 2.0 / 3.0));
        assert!(close(mattr(&[a, a, b], 1).unwrap(), 1.0));
        assert_eq!(mattr(&[a, b], 3), None);
        assert_eq!(mattr(&[], 0), None);
        // All distinct: 1; all the same: 1/window.
        assert!(close(mattr(&[1, 2, 3, 4, 5], 2).unwrap(), 1.0));
        assert!(close(mattr(&[9; 10], 4).unwrap(), 0.25));
    }

    #[test]
    fn mattr_windows_stay_in_their_document() {
        // Two documents of 500 tokens: w0 … w249 twice each, in two orders.
        // d0 "w0 w1 … w249 w0 w1 … w249": a window of 500 has all 250 words → 0.5, one window.
        // d1 "w0 w0 w1 w1 … w249 w249": also one window of 250 types → 0.5.
        let first: Vec<String> = (0..250).map(|i| format!("w{i}")).collect();
        let d0 = format!("{} {}", first.join(" "), first.join(" "));
        let d1: Vec<String> = (0..250).map(|i| format!("w{i} w{i}")).collect();
        let d1 = d1.join(" ");
        // d2: 499 tokens of one word (too short); d3: a title and paragraphs (gaps skipped):
        // 1 + 250 + 250 = 501 tokens "x w0 … w249 | w0 … w249" → windows 0 and 1:
        // window 0: x + 249 words + 250 again → 251 types; window 1: w0 … w249, w0 … w249 → 250.
        let d2 = vec!["z"; 499].join(" ");
        let d3 = format!("{}\n{}", first.join(" "), first.join(" "));
        let e = engine(&[("", &d0, "X", None), ("", &d1, "X", None), ("", &d2, "X", None), ("X", &d3, "X", None)]);
        let s = summary(&e, &[0, 1, 2, 3], &StopList::default());
        assert_eq!(s.mattr_docs, 3);
        // Windows: 1 + 1 + 2 = 4; types 250 + 250 + 251 + 250 = 1001 → 1001 / (4 · 500).
        assert!(close(s.mattr.unwrap(), 1001.0 / 2000.0));
        // Had the windows crossed from d0 into d1, there would be 501 more windows.
        let only_short = summary(&e, &[2], &StopList::default());
        assert_eq!((only_short.mattr, only_short.mattr_docs), (None, 0));
        assert!(close(only_short.ttr, 1.0 / 499.0));
    }

    #[test]
    fn sentences_by_hand() {
        assert_eq!(count_sentences("One. Two! Three? Four"), 4);
        // Runs count once: "?!", "...", "…".
        assert_eq!(count_sentences("Really?! Yes... Well… fine"), 4);
        // Closing quotes and brackets after the end.
        assert_eq!(count_sentences("He said \"Stop.\" Then (he left.) And «так.» Done"), 4);
        assert_eq!(count_sentences("“Quoted.” ‘Single.’ End"), 3);
        // Abbreviations are not special: "Mr." ends a sentence; "U.S." before a space too.
        assert_eq!(count_sentences("Mr. Smith went to the U.S. yesterday."), 3);
        // A point inside a word or number ends nothing; nor does an end without a space after.
        assert_eq!(count_sentences("Version 2.5 is out.It works"), 1);
        // No word, no sentence: lone punctuation, an empty paragraph.
        assert_eq!(count_sentences("... — !"), 0);
        assert_eq!(count_sentences(""), 0);
        assert_eq!(count_sentences("Hi . . . there"), 2);
        // The end of the paragraph ends a sentence, with or without a point.
        assert_eq!(count_sentences("no point at all"), 1);
        // Cyrillic and non-ASCII words.
        assert_eq!(count_sentences("Сталин умер. Что дальше? Ничего…"), 3);
    }

    /// The sentence rule read plainly, character by character (what [`count_sentences`]
    /// does faster).
    fn sentences_plainly(paragraph: &str) -> u64 {
        let (mut count, mut start) = (0, 0);
        let mut chars = paragraph.char_indices().peekable();
        while let Some((_, c)) = chars.next() {
            if !ends_sentence(c) {
                continue;
            }
            while chars.next_if(|&(_, c)| ends_sentence(c)).is_some() {}
            while chars.next_if(|&(_, c)| closes(c)).is_some() {}
            if let Some(&(at, c)) = chars.peek() {
                if c.is_whitespace() {
                    count += u64::from(has_word(&paragraph[start..at]));
                    start = at;
                }
            }
        }
        count + u64::from(has_word(&paragraph[start..]))
    }

    #[test]
    fn sentences_fast_and_plain_agree() {
        let pieces = [
            "a", "Z", "7", "é", "я", "_", " ", "\u{a0}", "\u{2003}", ".", "!", "?", "…", "\"", "'", "”", "’", "»", ")",
            "]", "(", "—", "-", ",", ":", "\u{301}", "\u{200d}", "😀", "2.5", "U.S.", "\t",
        ];
        let mut seed = 99u64;
        for _ in 0..20_000 {
            let len = (seed % 12) as usize;
            let mut text = String::new();
            for _ in 0..len {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            assert_eq!(count_sentences(&text), sentences_plainly(&text), "{text:?}");
        }
    }

    #[test]
    fn sizes_sentences_and_extremes() {
        let e = engine(&[
            ("A title. With a point", "One two. Three four five!\nSix?", "X", None), // 5 + 6 tokens
            ("", "Seven eight", "X", None),                                          // 2
            ("T", "a b", "X", None),                                                 // 3
            ("", "c d e", "X", None),                                                // 3
            ("", "", "X", None),                                                     // 0
            ("", "f", "X", None),                                                    // 1
            ("", "g h i j k l m n o p q r s", "X", None),                            // 13
        ]);
        let s = summary(&e, &[0, 1, 2, 3, 4, 5, 6, 6], &StopList::default());
        assert_eq!((s.docs, s.tokens), (7, 11 + 2 + 3 + 3 + 1 + 13));
        // Sentences: d0 body 2 + 1 (the title's point is not counted), then 1 each for
        // d1, d2, d3, d5, d6 (d4 has none) = 8. Body words: 6 + 2 + 2 + 3 + 0 + 1 + 13 = 27.
        assert_eq!(s.sentences, 8);
        assert!(close(s.mean_sentence.unwrap(), 27.0 / 8.0));
        // Ties by document number: d2 and d3 both 3 tokens.
        assert_eq!(s.longest, [(6, 13), (0, 11), (2, 3), (3, 3), (1, 2)]);
        assert_eq!(s.shortest, [(4, 0), (5, 1), (1, 2), (2, 3), (3, 3)]);
        // Every word is distinct except "a" (twice in d0's title, once in d2's body): 33 tokens,
        // 31 types.
        assert_eq!(s.types, 31);
        assert!(close(s.ttr, 31.0 / 33.0));
        let empty = summary(&e, &[], &StopList::default());
        assert_eq!((empty.docs, empty.tokens, empty.ttr, empty.mean_sentence), (0, 0, 0.0, None));
        assert!(empty.longest.is_empty() && empty.distinctive.is_empty() && empty.top_words.is_empty());
        let t = table(&e, &s);
        assert_eq!(t.rows.len(), 8);
        assert_eq!(t.rows[0][1], Cell::from("All 7 documents"));
        assert_eq!(t.rows[0][6], Cell::Number(8.0));
        // d0: 3 sentences, 6 body words → 2 words a sentence.
        assert_eq!(&t.rows[1][..3], &[Cell::from("d0"), Cell::from("A title. With a point"), Cell::Number(11.0)]);
        assert_eq!((&t.rows[1][6], &t.rows[1][7]), (&Cell::Number(3.0), &Cell::Number(2.0)));
        // d4: no sentences → empty cell.
        assert_eq!(t.rows[5][7], Cell::from(""));
    }

    #[test]
    fn top_words_leave_out_stopwords() {
        let e = engine(&[
            ("The war", "the war and the peace of the people", "X", None),
            ("", "peace people war zebra", "X", None),
            ("", "zebra", "X", None), // not in the selection
        ]);
        let s = summary(&e, &[0, 1], &StopList::new(&["people".to_string()], &[]));
        // war 3, peace 2, zebra 1; the, and, of are stopwords, people is on the extra list.
        assert_eq!(s.top_words, [("war".to_string(), 3), ("peace".to_string(), 2), ("zebra".to_string(), 1)]);
        // 26 distinct words "w00 … w25" once each: the first 25 alphabetically.
        let body: Vec<String> = (0..26).map(|i| format!("w{i:02}")).collect();
        let e = engine(&[("", &body.join(" "), "X", None)]);
        let s = summary(&e, &[0], &StopList::default());
        assert_eq!(s.top_words.len(), TOP_WORDS);
        assert_eq!((s.top_words[0].0.as_str(), s.top_words[24].0.as_str()), ("w00", "w24"));
        // The only document: no distinctive words.
        assert_eq!(s.distinctive, [(0, vec![])]);
    }

    #[test]
    fn distinctive_words_agree_with_keyness() {
        let e = engine(&[
            ("War", "war war war tanks tanks army army army the the the the peace", "X", None),
            ("Peace", "peace peace peace dove dove war army the the treaty treaty", "X", None),
            ("Trade", "trade trade trade tax tax tax army army the peace war", "X", None),
            ("Other", "war war war war", "X", None), // not in the selection
        ]);
        let docs = [0, 1, 2];
        let stop = StopList::default();
        let s = summary(&e, &docs, &stop);
        for &d in &docs {
            let k = keyness(&e, &[d], &docs, Unit::Form, 1);
            let expected: Vec<String> = k
                .rows
                .iter()
                .filter(|r| r.direction == Direction::Over && r.a >= 2 && !stop.is_stop(&r.word))
                .take(3)
                .map(|r| r.word.clone())
                .collect();
            assert_eq!(s.distinctive[d], (d, expected), "document {d}");
        }
        // By hand for d0 (14 tokens; the rest 24): war a = 4 (title 1 + body 3), b = 2;
        // army 3 vs 3; tanks 2 vs 0 — all overused; "the" is a stopword, peace is under 2.
        let lists: Vec<String> = s.distinctive.iter().map(|(_, w)| w.join(" ")).collect();
        assert_eq!(lists, ["tanks war army", "dove treaty peace", "trade tax army"]);
        // d2: trade a = 4 (title 1 + body 3), b = 0 before tax a = 3, b = 0 (c = 12, d = 26):
        // G² = 2·4·ln(38/12) = 9.221 and 2·3·ln(38/12) = 6.916.
        assert_eq!(s.distinctive[2].1[..2], ["trade".to_string(), "tax".to_string()]);
        let t = table(&e, &s);
        assert_eq!(t.rows[3][8], Cell::from(s.distinctive[2].1.join(", ")));
    }

    #[test]
    fn paced_steps_and_cancels() {
        // 400 documents of two sentences of 520 words (1,040 tokens), each from its own part
        // of a 2,000-word vocabulary: ~208k postings, ~2.4 MB of text, 416k tokens.
        let bodies: Vec<String> = (0..400)
            .map(|d| {
                let words: Vec<String> = (0..520).map(|j| format!("w{}", (d * 13 + j) % 2000)).collect();
                format!("{}.\n{}.", words.join(" "), words.join(" "))
            })
            .collect();
        let docs: Vec<(&str, &str, &str, Option<&str>)> = bodies.iter().map(|b| ("", b.as_str(), "X", None)).collect();
        let e = engine(&docs);
        let all: Vec<usize> = (0..400).collect();
        let mut rec = Recorder::default();
        let s = run(summary_paced(&e, &all, &StopList::default(), &mut rec)).unwrap();
        assert_eq!((s.sentences, s.mattr_docs), (800, 400));
        for stage in [Stage::Words, Stage::Distinctive, Stage::Sentences, Stage::Variety] {
            assert!(rec.steps.iter().any(|st| st.0 == stage), "{stage:?}");
        }
        let mut stop = Recorder { stop_at: Some(1), ..Recorder::default() };
        assert!(run(summary_paced(&e, &all, &StopList::default(), &mut stop)).is_err());
    }
}
