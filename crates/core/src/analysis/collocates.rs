//! Collocates: the words that occur near a node (the query's hits) more often than chance.
//!
//! For each hit of the node (a span of one or more words, as the reader marks it), the
//! window is the `L` words before its first word and the `R` words after its last word,
//! within the same paragraph (or the title); the span itself is not part of its window,
//! but another hit of the node inside the window counts like any word. For a collocate
//! `w` over the allowed documents,
//!
//! ```text
//! O      = occurrences of w in the windows of all node hits
//! f_node = number of node hits
//! f_coll = occurrences of w in the documents (title and body)
//! N      = tokens in the documents
//! E      = f_node · f_coll · (L + R) / N        (window-based expected frequency, Evert 2008)
//! logDice = 14 + log2(2·O / (f_node + f_coll))   (Rychlý 2008)
//! MI      = log2(O / E)
//! t       = (O − E) / √O
//! ```
//!
//! `E` uses the nominal window size `L + R`, also where a window is cut short by the
//! paragraph's edge. Only collocates with `O ≥ min_freq` are listed.

use super::export::{cells, Table};
use super::forward::GAP;
use super::{clean_docs, doc_mask, spans_by_doc, StopList};
use crate::pace::{finish, Cancelled, Pace, Stage, Unpaced, EVERY};
use crate::search::{Compiled, Engine};
use std::cmp::Ordering;

/// Largest window on each side.
pub const MAX_WINDOW: usize = 10;
/// Default minimum observed co-occurrence frequency.
pub const DEFAULT_MIN_FREQ: u32 = 3;

/// One collocate with its statistics.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CollocateRow {
    /// The collocate (a folded word form).
    pub word: String,
    /// `O`: co-occurrences in the windows.
    pub observed: u32,
    /// `f_coll`: its frequency in the documents.
    pub f_coll: u64,
    /// `E = f_node · f_coll · (L + R) / N`.
    pub expected: f64,
    /// `14 + log2(2·O / (f_node + f_coll))`.
    pub log_dice: f64,
    /// `log2(O / E)`.
    pub mi: f64,
    /// `(O − E) / √O`.
    pub t_score: f64,
    /// A stopword of the [`StopList`] (for hiding them).
    pub stopword: bool,
}

/// The collocates of a node.
#[derive(Debug, Clone, PartialEq)]
pub struct Collocates {
    /// Collocates with `O ≥ min_freq`, by logDice descending.
    pub rows: Vec<CollocateRow>,
    /// `f_node`: number of node hits in the documents.
    pub f_node: u64,
    /// `N`: tokens in the documents.
    pub n: u64,
    /// Window to the left, as used (clamped to 0..=10).
    pub left: usize,
    /// Window to the right, as used.
    pub right: usize,
}

/// The column collocates are sorted by: the word alphabetically, every number descending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, serde::Serialize, serde::Deserialize)]
pub enum CollocateSort {
    /// The word, A to Z.
    Word,
    /// `O`.
    Observed,
    /// `f_coll`.
    Frequency,
    /// `E`.
    Expected,
    /// logDice.
    #[default]
    LogDice,
    /// MI.
    Mi,
    /// t-score.
    TScore,
}

impl CollocateSort {
    /// Every order, as offered to a person.
    pub const ALL: [CollocateSort; 7] = [
        CollocateSort::LogDice,
        CollocateSort::Mi,
        CollocateSort::TScore,
        CollocateSort::Observed,
        CollocateSort::Expected,
        CollocateSort::Frequency,
        CollocateSort::Word,
    ];

    /// The URL value: `logdice`, `mi`, `t`, `o`, `e`, `f`, `word`.
    pub fn key(self) -> &'static str {
        match self {
            CollocateSort::LogDice => "logdice",
            CollocateSort::Mi => "mi",
            CollocateSort::TScore => "t",
            CollocateSort::Observed => "o",
            CollocateSort::Expected => "e",
            CollocateSort::Frequency => "f",
            CollocateSort::Word => "word",
        }
    }

    /// The order named by a URL value.
    pub fn from_key(key: &str) -> Option<CollocateSort> {
        CollocateSort::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// `E = f_node · f_coll · span / N` (0 when `N = 0`).
pub fn expected(f_node: u64, f_coll: u64, span: usize, n: u64) -> f64 {
    if n == 0 {
        0.0
    } else {
        f_node as f64 * f_coll as f64 * span as f64 / n as f64
    }
}

/// `logDice = 14 + log2(2·O / (f_node + f_coll))`.
pub fn log_dice(o: u32, f_node: u64, f_coll: u64) -> f64 {
    14.0 + (2.0 * f64::from(o) / (f_node + f_coll) as f64).log2()
}

/// `MI = log2(O / E)`.
pub fn mi(o: u32, e: f64) -> f64 {
    (f64::from(o) / e).log2()
}

/// `t = (O − E) / √O`.
pub fn t_score(o: u32, e: f64) -> f64 {
    (f64::from(o) - e) / f64::from(o).sqrt()
}

/// The collocates of the compiled query's hits in `docs`, `left` and `right` words each side
/// (clamped to 0..=[`MAX_WINDOW`]), those with `O ≥ min_freq` (at least 1), by logDice.
pub fn collocates(
    engine: &Engine,
    compiled: &Compiled,
    docs: &[usize],
    left: usize,
    right: usize,
    min_freq: u32,
    stop: &StopList,
) -> Collocates {
    finish(collocates_paced(engine, compiled, docs, (left, right), min_freq, stop, &mut Unpaced))
}

/// [`collocates`] (with the window as `(left, right)`), telling `pace` how far it has got.
pub async fn collocates_paced(
    engine: &Engine,
    compiled: &Compiled,
    docs: &[usize],
    (left, right): (usize, usize),
    min_freq: u32,
    stop: &StopList,
    pace: &mut impl Pace,
) -> Result<Collocates, Cancelled> {
    let index = &engine.index;
    let (left, right) = (left.min(MAX_WINDOW), right.min(MAX_WINDOW));
    let docs = clean_docs(index, docs);
    let n: u64 = docs.iter().map(|&d| u64::from(index.doc_tokens(d))).sum();
    let with_hits = spans_by_doc(index, compiled, &docs, pace).await?;
    let f_node: u64 = with_hits.iter().map(|(_, s)| s.len() as u64).sum();
    let forward = engine.forward_paced(pace).await?;
    let mut observed = vec![0u32; index.term_count()];
    let mut touched: Vec<u32> = Vec::new();
    let mut count = |t: u32| {
        if observed[t as usize] == 0 {
            touched.push(t);
        }
        observed[t as usize] += 1;
    };
    for (i, (d, spans)) in with_hits.iter().enumerate() {
        pace.step(Stage::Counting, i, with_hits.len()).await?;
        let terms = forward.doc(index, *d);
        for &(start, len, _) in spans {
            for step in 1..=left as u32 {
                match start.checked_sub(step).and_then(|p| terms.get(p as usize)) {
                    Some(&t) if t != GAP => count(t),
                    _ => break,
                }
            }
            let end = start + len.max(1);
            for step in 0..right as u32 {
                match terms.get((end + step) as usize) {
                    Some(&t) if t != GAP => count(t),
                    _ => break,
                }
            }
        }
    }
    let mask = doc_mask(index, &docs);
    let span = left + right;
    let candidates: Vec<u32> = touched.into_iter().filter(|&t| observed[t as usize] >= min_freq.max(1)).collect();
    let mut rows: Vec<CollocateRow> = Vec::with_capacity(candidates.len());
    let mut postings_read = 0usize;
    for &t in &candidates {
        let o = observed[t as usize];
        let postings = index.postings(t);
        let f_coll: u64 = postings.iter().filter(|p| mask[p.doc as usize]).map(|p| u64::from(p.tf[0] + p.tf[1])).sum();
        postings_read += postings.len();
        if postings_read >= EVERY {
            postings_read = 0;
            pace.step(Stage::Frequencies, rows.len(), candidates.len()).await?;
        }
        let e = expected(f_node, f_coll, span, n);
        let word = index.term(t).to_owned();
        rows.push(CollocateRow {
            stopword: stop.is_stop(&word),
            word,
            observed: o,
            f_coll,
            expected: e,
            log_dice: log_dice(o, f_node, f_coll),
            mi: mi(o, e),
            t_score: t_score(o, e),
        });
    }
    sort_collocates(&mut rows, CollocateSort::LogDice);
    Ok(Collocates { rows, f_node, n, left, right })
}

/// Sorts collocates by a column: the word A to Z, numbers descending; ties by word.
pub fn sort_collocates(rows: &mut [CollocateRow], sort: CollocateSort) {
    let num = |r: &CollocateRow| match sort {
        CollocateSort::Word => 0.0,
        CollocateSort::Observed => f64::from(r.observed),
        CollocateSort::Frequency => r.f_coll as f64,
        CollocateSort::Expected => r.expected,
        CollocateSort::LogDice => r.log_dice,
        CollocateSort::Mi => r.mi,
        CollocateSort::TScore => r.t_score,
    };
    crate::sort::sort_by(rows, |a, b| {
        let by_num = if sort == CollocateSort::Word { Ordering::Equal } else { num(b).total_cmp(&num(a)) };
        by_num.then_with(|| a.word.cmp(&b.word))
    });
}

/// The table for export: word, O, f_node, f_coll, N, E, logDice, MI, t.
pub fn table(c: &Collocates) -> Table {
    let columns = ["word", "observed", "f_node", "f_coll", "n", "expected", "log_dice", "mi", "t_score"];
    Table::of(&columns, &c.rows, |r| {
        cells![r.word.as_str(), r.observed, c.f_node, r.f_coll, c.n, r.expected, r.log_dice, r.mi, r.t_score]
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::compile;
    use crate::analysis::tests::close_1e5 as close;

    #[test]
    fn statistics_by_hand() {
        let e = super::super::tests::engine(&[
            // Title "Red Army" (red 0, army 1); body: "the red army marched" / "a red flag, red army".
            ("Red Army", "the red army marched\na red flag red army", "A", None),
            ("Blue", "army of blue", "A", None),
        ]);
        let node = compile(&e, "red ");
        let c = collocates(&e, &node, &[0, 1], 1, 1, 1, &StopList::default());
        // N = d0: 2 + 4 + 5 = 11, d1: 1 + 3 = 4 → 15. f_node = red hits: title 1, p0 1, p1 2 = 4.
        assert_eq!((c.n, c.f_node), (15, 4));
        // Windows (L = R = 1): title red → right army; p0 red → left the, right army;
        // p1 first red → left a, right flag; second red → left flag, right army.
        // O: army 3, flag 2, the 1, a 1.
        let row = |w: &str| c.rows.iter().find(|r| r.word == w).unwrap().clone();
        let army = row("army");
        // f_coll(army) = d0: 3, d1: 1 = 4. E = 4·4·2/15 = 2.133333.
        assert_eq!((army.observed, army.f_coll), (3, 4));
        assert!(close(army.expected, 32.0 / 15.0));
        // logDice = 14 + log2(2·3/(4 + 4)) = 14 + log2(0.75) = 13.584963.
        assert!(close(army.log_dice, 13.584963));
        // MI = log2(3/2.133333) = log2(1.40625) = 0.491853.
        assert!(close(army.mi, 0.491853));
        // t = (3 − 2.133333)/√3 = 0.866667/1.732051 = 0.500370.
        assert!(close(army.t_score, 0.500370));
        // flag: O = 2, f_coll = 1, E = 4·1·2/15 = 0.533333; logDice = 14 + log2(4/5) = 13.678072;
        // MI = log2(2/0.533333) = log2(3.75) = 1.906891; t = (2 − 0.533333)/√2 = 1.037090.
        let flag = row("flag");
        assert_eq!((flag.observed, flag.f_coll), (2, 1));
        assert!(close(flag.log_dice, 13.678072) && close(flag.mi, 1.906891) && close(flag.t_score, 1.037090));
        // "the" and "a" are stopwords; the node word is never its own collocate here.
        assert!(row("the").stopword && row("a").stopword);
        assert!(c.rows.iter().all(|r| r.word != "red"));
        // Sorted by logDice: flag (13.68) before army (13.58); by O: army (3) first.
        assert_eq!(c.rows[0].word, "flag");
        let mut rows = c.rows.clone();
        sort_collocates(&mut rows, CollocateSort::from_key("o").unwrap());
        assert_eq!(rows.iter().map(|r| r.word.as_str()).collect::<Vec<_>>(), ["army", "flag", "a", "the"]);
        sort_collocates(&mut rows, CollocateSort::TScore);
        // t: flag 1.037, army 0.500; a and the: O = 1, f_coll = 1, E = 8/15 → t = 7/15 = 0.466667.
        assert_eq!(rows.iter().map(|r| r.word.as_str()).collect::<Vec<_>>(), ["flag", "army", "a", "the"]);
        assert!(close(rows[2].t_score, 7.0 / 15.0));
        // Minimum frequency 2 keeps army and flag only.
        let c2 = collocates(&e, &node, &[0, 1], 1, 1, 2, &StopList::default());
        let mut words: Vec<&str> = c2.rows.iter().map(|r| r.word.as_str()).collect();
        words.sort();
        assert_eq!(words, ["army", "flag"]);
    }

    #[test]
    fn windows_stay_in_the_paragraph_and_skip_the_node() {
        let e = super::super::tests::engine(&[("", "x y\nunion state of things\nz", "A", None)]);
        // A phrase node: its own words are not collocates, and the window stops at paragraph edges.
        let node = compile(&e, "\"union state\"");
        let c = collocates(&e, &node, &[0], 5, 5, 1, &StopList::default());
        let mut words: Vec<&str> = c.rows.iter().map(|r| r.word.as_str()).collect();
        words.sort();
        assert_eq!(words, ["of", "things"]);
        assert_eq!(c.f_node, 1);
        // Right-only window of 1.
        let c = collocates(&e, &node, &[0], 0, 1, 1, &StopList::default());
        assert_eq!(c.rows.iter().map(|r| r.word.as_str()).collect::<Vec<_>>(), ["of"]);
        let mut rows = c.rows.clone();
        sort_collocates(&mut rows, CollocateSort::from_key("word").unwrap());
        assert_eq!(table(&Collocates { rows, ..c }).rows.len(), 1);
    }
}
