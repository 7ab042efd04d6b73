//! Word list: every word of the allowed documents with its frequency.
//!
//! Counted from the index's postings (no text is read again): for a word `w` (a folded
//! form, or all forms of a stem) over the documents `D`,
//!
//! ```text
//! count(w)       = Σ_{d ∈ D} tf(w, d)            (title and body occurrences)
//! N              = Σ_{d ∈ D} tokens(d)           (title and body words)
//! per_million(w) = count(w) / N · 1,000,000
//! docs(w)        = |{d ∈ D : tf(w, d) > 0}|
//! ```

use super::export::{cells, Table};
use super::{doc_mask, groups, StopList, Unit};
use crate::search::Engine;

/// One word of the list.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct WordRow {
    /// The word form; for a stem, its most frequent form in `D` (the first alphabetically on ties).
    pub word: String,
    /// The stem, when counting by stem.
    pub stem: Option<String>,
    /// Number of forms counted together (1 for a form).
    pub forms: usize,
    /// `count(w)`: occurrences in the documents.
    pub count: u64,
    /// `count(w) / N · 10⁶`.
    pub per_million: f64,
    /// Number of documents it occurs in.
    pub docs: usize,
    /// True when `word` (the form shown) is a stopword of the [`StopList`], or the stem is
    /// on its `add` list.
    pub stopword: bool,
}

/// A word list and the total it is relative to.
#[derive(Debug, Clone, PartialEq)]
pub struct WordList {
    /// Words that occur in the documents, most frequent first, then alphabetically.
    pub rows: Vec<WordRow>,
    /// `N`: tokens in the documents.
    pub total_tokens: u64,
    /// Number of distinct words (`rows.len()`) over the number of tokens: the type/token ratio.
    pub type_token_ratio: f64,
}

/// Every word of `docs`, by form or by stem, with its count, frequency per million tokens,
/// number of documents and stopword flag, most frequent first (see [`sort_words`]).
pub fn wordlist(engine: &Engine, docs: &[usize], unit: Unit, stop: &StopList) -> WordList {
    let index = &engine.index;
    let mask = doc_mask(index, docs);
    let total_tokens = super::total_tokens(index, docs);
    // The last group each document was counted for (documents per stem group, without a set).
    let mut seen = vec![u32::MAX; index.doc_count()];
    let mut rows = Vec::new();
    for (g, (label, terms)) in groups(index, unit).into_iter().enumerate() {
        let (mut count, mut n_docs) = (0u64, 0usize);
        let mut best: Option<(u64, u32)> = None;
        for &t in &terms {
            let mut c = 0u64;
            for p in index.postings(t).iter().filter(|p| mask[p.doc as usize]) {
                c += u64::from(p.tf[0] + p.tf[1]);
                if seen[p.doc as usize] != g as u32 {
                    seen[p.doc as usize] = g as u32;
                    n_docs += 1;
                }
            }
            count += c;
            if c > 0 && best.is_none_or(|(bc, _)| c > bc) {
                best = Some((c, t));
            }
        }
        let Some((_, top)) = best else { continue };
        let word = index.term(top).to_owned();
        let stem = (unit == Unit::Stem).then_some(label);
        let stopword = stop.is_stop(&word) || stem.as_ref().is_some_and(|s| stop.add.contains(s));
        rows.push(WordRow {
            word,
            stem,
            forms: terms.len(),
            count,
            per_million: per_million(count, total_tokens),
            docs: n_docs,
            stopword,
        });
    }
    sort_words(&mut rows, WordSort::Count);
    let type_token_ratio = if total_tokens == 0 { 0.0 } else { rows.len() as f64 / total_tokens as f64 };
    WordList { rows, total_tokens, type_token_ratio }
}

/// How the word list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, serde::Serialize, serde::Deserialize)]
pub enum WordSort {
    /// Most frequent first, then alphabetically.
    #[default]
    Count,
    /// Alphabetically (by the folded word, i.e. byte order).
    Alpha,
    /// In most documents first, then by count, then alphabetically.
    Docs,
}

impl WordSort {
    /// Every order, as offered to a person.
    pub const ALL: [WordSort; 3] = [WordSort::Count, WordSort::Docs, WordSort::Alpha];

    /// The URL value: `count`, `alpha`, `docs`.
    pub fn key(self) -> &'static str {
        match self {
            WordSort::Count => "count",
            WordSort::Alpha => "alpha",
            WordSort::Docs => "docs",
        }
    }

    /// The order named by a URL value.
    pub fn from_key(key: &str) -> Option<WordSort> {
        WordSort::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// Sorts word-list rows (see [`WordSort`]).
pub fn sort_words(rows: &mut [WordRow], sort: WordSort) {
    match sort {
        WordSort::Count => crate::sort::sort_by(rows, |a, b| b.count.cmp(&a.count).then_with(|| a.word.cmp(&b.word))),
        WordSort::Alpha => crate::sort::sort_by(rows, |a, b| a.word.cmp(&b.word).then_with(|| a.stem.cmp(&b.stem))),
        WordSort::Docs => crate::sort::sort_by(rows, |a, b| {
            b.docs.cmp(&a.docs).then(b.count.cmp(&a.count)).then_with(|| a.word.cmp(&b.word))
        }),
    }
}

/// `count / total · 10⁶` (0 when there are no tokens).
pub fn per_million(count: u64, total: u64) -> f64 {
    if total == 0 {
        0.0
    } else {
        count as f64 / total as f64 * 1e6
    }
}

/// The list as an export table: word, stem (empty for forms), count, per_million, docs, stopword.
pub fn table(list: &WordList) -> Table {
    Table::of(&["word", "stem", "count", "per_million", "docs", "stopword"], &list.rows, |r| {
        let stem = r.stem.clone().unwrap_or_default();
        cells![r.word.as_str(), stem, r.count, r.per_million, r.docs, r.stopword]
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::export::Cell;
    use crate::analysis::tests::close_1e6 as close;

    #[test]
    fn counts_by_hand() {
        let e = super::super::tests::engine(&[
            ("The union", "the unions and the state", "A", None), // 2 + 5 = 7 tokens
            ("State", "a union", "B", None),                      // 1 + 2 = 3 tokens
            ("Other", "union union union", "B", None),            // not allowed below
        ]);
        let list = wordlist(&e, &[0, 1], Unit::Form, &StopList::new(&["state".to_string()], &[]));
        // N = 7 + 3 = 10.
        assert_eq!(list.total_tokens, 10);
        let row = |w: &str| list.rows.iter().find(|r| r.word == w).unwrap().clone();
        // "the": title 1 + body 2 = 3 in d0 → 3 / 10 · 10⁶ = 300,000; 1 document; stopword.
        let the = row("the");
        assert_eq!((the.count, the.docs, the.stopword), (3, 1, true));
        assert!(close(the.per_million, 300_000.0));
        // "union": d0 title 1, d1 body 1 = 2 → 200,000 per million; 2 documents.
        let union = row("union");
        assert_eq!((union.count, union.docs, union.stopword), (2, 2, false));
        assert!(close(union.per_million, 200_000.0));
        // "state": d0 body 1, d1 title 1 = 2; on the extra list.
        assert_eq!((row("state").count, row("state").stopword), (2, true));
        // Words only in d2 ("other") are not listed; order: count desc then alphabetical.
        assert!(list.rows.iter().all(|r| r.word != "other"));
        let order: Vec<&str> = list.rows.iter().map(|r| r.word.as_str()).collect();
        assert_eq!(order, ["the", "state", "union", "a", "and", "unions"]);
        // Type/token ratio: 6 types / 10 tokens.
        assert!(close(list.type_token_ratio, 0.6));
        let mut rows = list.rows.clone();
        sort_words(&mut rows, WordSort::Alpha);
        assert_eq!(
            rows.iter().map(|r| r.word.as_str()).collect::<Vec<_>>(),
            ["a", "and", "state", "the", "union", "unions"]
        );
        // By documents: state and union are in 2, then the (3 in 1), then a, and, unions (1 in 1).
        sort_words(&mut rows, WordSort::Docs);
        assert_eq!(
            rows.iter().map(|r| r.word.as_str()).collect::<Vec<_>>(),
            ["state", "union", "the", "a", "and", "unions"]
        );
        assert_eq!(WordSort::from_key("docs"), Some(WordSort::Docs));
    }

    #[test]
    fn stems_group_forms() {
        let e = super::super::tests::engine(&[("", "union unions unions state", "A", None), ("", "union", "A", None)]);
        let list = wordlist(&e, &[0, 1], Unit::Stem, &StopList::default());
        // Stem "union": union 2 + unions 2 = 4 in 2 documents, of N = 5: 800,000 per million.
        // The form shown is the most frequent, first alphabetically on ties: "union".
        let r = &list.rows[0];
        assert_eq!((r.word.as_str(), r.stem.as_deref(), r.forms, r.count, r.docs), ("union", Some("union"), 2, 4, 2));
        assert!(close(r.per_million, 800_000.0));
        assert_eq!(list.rows.len(), 2);
        let t = table(&list);
        assert_eq!(t.rows[0][2], Cell::Number(4.0));
    }
}
