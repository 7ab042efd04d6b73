//! Compare: two selections of documents side by side, A against B.
//!
//! For each word (a folded form, or all forms of a stem), with A as the target and B as the
//! reference, exactly as [`keyness`](super::keyness) computes them:
//!
//! ```text
//! a = count in A                     c = tokens in A
//! b = count in B                     d = tokens in B
//! a_per_10k = a / c · 10,000         b_per_10k = b / d · 10,000
//! G²        = keyness::log_likelihood(a, b, c, d)
//! Log Ratio = keyness::log_ratio(a, b, c, d)      (a zero a or b replaced by 0.5)
//! ```
//!
//! Unlike keyness, B is not "the rest": the two sides are counted independently and may
//! overlap, a document in both counting in both (the view says so). Words with
//! `a + b < min_freq` are left out. The words are then sorted into three lists:
//!
//! - *more in A*: `G² ≥ 3.84` (p < 0.05) and `a/c > b/d`, by G² descending, then word;
//! - *more in B*: `G² ≥ 3.84` and `b/d > a/c`, likewise;
//! - *lockwords*, words both sides use at similar rates: not significant (`G² < 3.84`),
//!   `|Log Ratio| < LOCK_RATIO` and `a ≥ min_freq`, `b ≥ min_freq` (at least 1), by
//!   `a + b` descending, then word.
//!
//! The three lists never share a word.

use super::export::{cells, Table};
use super::keyness::{log_likelihood, log_ratio, CRITICAL_01, CRITICAL_05};
use super::trends::rate_per_10k;
use super::{clean_docs, doc_mask, groups, total_tokens, Unit};
use crate::search::{Compiled, Engine};

/// Largest |Log Ratio| of a lockword (a word both sides use at similar rates): 0.5, i.e. the
/// rates within a factor of 2^0.5 ≈ 1.41 of each other.
pub const LOCK_RATIO: f64 = 0.5;

/// One word compared.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CompareRow {
    /// The word (its stem's most frequent form in A and B together when counting by stem).
    pub word: String,
    /// `a`: count in A.
    pub a: u64,
    /// `b`: count in B.
    pub b: u64,
    /// `a / c · 10,000` (0 when `c = 0`).
    pub a_per_10k: f64,
    /// `b / d · 10,000` (0 when `d = 0`).
    pub b_per_10k: f64,
    /// G² = `keyness::log_likelihood(a, b, c, d)`.
    pub g2: f64,
    /// Log Ratio = `log2((a / c) / (b / d))`, zero counts replaced by 0.5 (`keyness::log_ratio`).
    pub log_ratio: f64,
    /// `G² ≥ 3.84` (p < 0.05).
    pub p05: bool,
    /// `G² ≥ 6.63` (p < 0.01).
    pub p01: bool,
}

/// Two selections compared: their sizes and the words that set them apart or join them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Comparison {
    /// Documents in A (deduplicated, in range).
    pub a_docs: usize,
    /// Documents in B.
    pub b_docs: usize,
    /// `c`: tokens in A.
    pub a_tokens: u64,
    /// `d`: tokens in B.
    pub b_tokens: u64,
    /// Words tested: those with `a + b ≥ min_freq` (0 when a side is empty).
    pub tested: usize,
    /// Significantly more frequent in A (`G² ≥ 3.84`, `a/c > b/d`), by G² descending, then word.
    pub more_in_a: Vec<CompareRow>,
    /// Significantly more frequent in B (`G² ≥ 3.84`, `b/d > a/c`), by G² descending, then word.
    pub more_in_b: Vec<CompareRow>,
    /// Lockwords: `G² < 3.84`, `|Log Ratio| < LOCK_RATIO`, `a, b ≥ max(min_freq, 1)`; by
    /// `a + b` descending, then word.
    pub lockwords: Vec<CompareRow>,
}

/// The row of a word counted `a` times in A and `b` in B, of `c` and `d` tokens.
fn row(word: &str, a: u64, b: u64, c: u64, d: u64) -> CompareRow {
    let g2 = log_likelihood(a, b, c, d);
    CompareRow {
        word: word.to_owned(),
        a,
        b,
        a_per_10k: rate_per_10k(a, c),
        b_per_10k: rate_per_10k(b, d),
        g2,
        log_ratio: log_ratio(a, b, c, d),
        p05: g2 >= CRITICAL_05,
        p01: g2 >= CRITICAL_01,
    }
}

/// The three lists of tested rows (see the module docs); `c`, `d` the sides' tokens.
fn split(rows: Vec<CompareRow>, c: u64, d: u64, min_freq: u64) -> [Vec<CompareRow>; 3] {
    let (mut more_a, mut more_b, mut lock) = (Vec::new(), Vec::new(), Vec::new());
    let min = min_freq.max(1);
    for r in rows {
        // a/c against b/d, compared as keyness does (cross-multiplied).
        let (ad, bc) = (r.a as f64 * d as f64, r.b as f64 * c as f64);
        if r.p05 && ad > bc {
            more_a.push(r);
        } else if r.p05 && bc > ad {
            more_b.push(r);
        } else if !r.p05 && r.log_ratio.abs() < LOCK_RATIO && r.a >= min && r.b >= min {
            lock.push(r);
        }
    }
    let by_g2 = |x: &CompareRow, y: &CompareRow| y.g2.total_cmp(&x.g2).then_with(|| x.word.cmp(&y.word));
    crate::sort::sort_by(&mut more_a, by_g2);
    crate::sort::sort_by(&mut more_b, by_g2);
    crate::sort::sort_by(&mut lock, |x, y| (y.a + y.b).cmp(&(x.a + x.b)).then_with(|| x.word.cmp(&y.word)));
    [more_a, more_b, lock]
}

/// Compares the documents `a` with the documents `b` (each deduplicated; out-of-range numbers
/// ignored), word by word of `unit`, leaving out words with `a + b < min_freq`. With an empty
/// side (no documents or no tokens) there are no rows, only the sizes.
pub fn compare(engine: &Engine, a: &[usize], b: &[usize], unit: Unit, min_freq: u64) -> Comparison {
    let index = &engine.index;
    let (in_a, in_b) = (doc_mask(index, a), doc_mask(index, b));
    let (c, d) = (total_tokens(index, a), total_tokens(index, b));
    let mut out = Comparison {
        a_docs: in_a.iter().filter(|&&x| x).count(),
        b_docs: in_b.iter().filter(|&&x| x).count(),
        a_tokens: c,
        b_tokens: d,
        ..Comparison::default()
    };
    if c == 0 || d == 0 {
        return out;
    }
    let mut rows = Vec::new();
    for (_, terms) in groups(index, unit) {
        let (mut a, mut b) = (0u64, 0u64);
        // The most frequent form in A and B together (the first on ties), as keyness shows it.
        let mut best: Option<(u64, u32)> = None;
        for &t in &terms {
            let (mut ta, mut tb) = (0u64, 0u64);
            for p in index.postings(t) {
                let tf = u64::from(p.tf[0] + p.tf[1]);
                let doc = p.doc as usize;
                if in_a[doc] {
                    ta += tf;
                }
                if in_b[doc] {
                    tb += tf;
                }
            }
            let n = ta + tb;
            if n > 0 && best.is_none_or(|(bn, _)| n > bn) {
                best = Some((n, t));
            }
            a += ta;
            b += tb;
        }
        let Some((_, top)) = best else { continue };
        if a + b < min_freq.max(1) {
            continue;
        }
        rows.push(row(index.term(top), a, b, c, d));
    }
    out.tested = rows.len();
    let [more_in_a, more_in_b, lockwords] = split(rows, c, d, min_freq);
    Comparison { more_in_a, more_in_b, lockwords, ..out }
}

/// `<0.01`, `<0.05` or nothing: the significance of a row's G².
fn significance(r: &CompareRow) -> &'static str {
    match (r.p01, r.p05) {
        (true, _) => "<0.01",
        (false, true) => "<0.05",
        _ => "",
    }
}

/// The table for export: word, group (`more_in_a`, `more_in_b` or `lockword`), a, b, c, d,
/// a_per_10k, b_per_10k, g2, log_ratio, p (`<0.01`, `<0.05` or empty); the more-in-A rows
/// first, then more in B, then the lockwords, each list in its own order.
pub fn table(c: &Comparison) -> Table {
    let columns = ["word", "group", "a", "b", "c", "d", "a_per_10k", "b_per_10k", "g2", "log_ratio", "p"];
    let (ct, dt) = (c.a_tokens, c.b_tokens);
    let rows = [("more_in_a", &c.more_in_a), ("more_in_b", &c.more_in_b), ("lockword", &c.lockwords)]
        .into_iter()
        .flat_map(|(group, rows)| rows.iter().map(move |r| (group, r)));
    Table::of(&columns, rows, |(group, r)| {
        cells![r.word.as_str(), group, r.a, r.b, ct, dt, r.a_per_10k, r.b_per_10k, r.g2, r.log_ratio, significance(r)]
    })
}

/// Hits of a query in each side and their rates per 10,000 tokens.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TermRates {
    /// Hits in A: `Σ_{doc ∈ A} spans(doc)` (the spans the reader marks, as the trends view counts).
    pub a_hits: u64,
    /// Hits in B.
    pub b_hits: u64,
    /// `a_hits / c · 10,000` (0 when A has no tokens).
    pub a_per_10k: f64,
    /// `b_hits / d · 10,000` (0 when B has no tokens).
    pub b_per_10k: f64,
}

/// The hits of `query` in the documents `a` and in `b` (each deduplicated; a document in both
/// counts in both) and their rates per 10,000 tokens.
pub fn term_rates(engine: &Engine, query: &Compiled, a: &[usize], b: &[usize]) -> TermRates {
    let index = &engine.index;
    let hits =
        |docs: &[usize]| -> u64 { clean_docs(index, docs).iter().map(|&d| query.spans(index, d).len() as u64).sum() };
    let (a_hits, b_hits) = (hits(a), hits(b));
    TermRates {
        a_hits,
        b_hits,
        a_per_10k: rate_per_10k(a_hits, total_tokens(index, a)),
        b_per_10k: rate_per_10k(b_hits, total_tokens(index, b)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::compile;
    use crate::analysis::export::Cell;
    use crate::analysis::keyness::{keyness, Direction};
    use crate::analysis::tests::{close_1e5 as close, engine};

    fn sample() -> Engine {
        engine(&[
            ("War news", "war war war war war war army army soldiers fought\nunion unions", "A", None),
            ("Peace", "peace peace peace treaty treaties signed war union", "B", None),
            ("Peace talks", "peace talks peace peace union army", "B", None),
            ("Trade", "trade trade union unions union peace war", "C", None),
            ("", "", "C", None),
        ])
    }

    /// With A one document and B the others, each row is keyness's row for that word.
    #[test]
    fn one_document_against_the_rest_is_keyness() {
        let e = sample();
        let all: Vec<usize> = (0..e.index.doc_count()).collect();
        // How many rows of each list were checked.
        let mut seen = [0; 3];
        for unit in [Unit::Form, Unit::Stem] {
            for target in 0..4 {
                for min in [1, 2, 3] {
                    let rest: Vec<usize> = all.iter().copied().filter(|&d| d != target).collect();
                    let cmp = compare(&e, &[target], &rest, unit, min);
                    let k = keyness(&e, &[target], &all, unit, min);
                    assert_eq!((cmp.a_tokens, cmp.b_tokens), (k.target_tokens, k.reference_tokens));
                    assert_eq!((cmp.a_docs, cmp.b_docs), (1, 4));
                    assert_eq!(cmp.tested, k.rows.len());
                    for r in cmp.more_in_a.iter().chain(&cmp.more_in_b).chain(&cmp.lockwords) {
                        let kr = k.rows.iter().find(|x| x.word == r.word).expect(&r.word);
                        assert_eq!((r.a, r.b), (kr.a, kr.b), "{}", r.word);
                        assert_eq!((r.g2, r.log_ratio, r.p05, r.p01), (kr.g2, kr.log_ratio, kr.p05, kr.p01));
                    }
                    // The significant rows are keyness's, in keyness's order.
                    let key_words = |dir: Direction| -> Vec<&str> {
                        k.rows.iter().filter(|r| r.p05 && r.direction == dir).map(|r| r.word.as_str()).collect()
                    };
                    fn words(rows: &[CompareRow]) -> Vec<&str> {
                        rows.iter().map(|r| r.word.as_str()).collect()
                    }
                    assert_eq!(words(&cmp.more_in_a), key_words(Direction::Over));
                    assert_eq!(words(&cmp.more_in_b), key_words(Direction::Under));
                    for (n, list) in seen.iter_mut().zip([&cmp.more_in_a, &cmp.more_in_b, &cmp.lockwords]) {
                        *n += list.len();
                    }
                }
            }
        }
        assert!(seen.iter().all(|&n| n > 0), "{seen:?}");
        // Something to compare: d0 overuses "war" (significant).
        let rest = [1, 2, 3, 4];
        let cmp = compare(&e, &[0], &rest, Unit::Form, 1);
        assert_eq!(cmp.more_in_a[0].word, "war");
        // By stem, union + unions count as one word: fewer words are tested.
        let form = compare(&e, &[3], &[0, 1, 2], Unit::Form, 1);
        let stem = compare(&e, &[3], &[0, 1, 2], Unit::Stem, 1);
        assert!(stem.tested < form.tested);
    }

    #[test]
    fn overlapping_sides_count_in_both() {
        let e = engine(&[
            ("", "war war peace", "A", None),         // 3 tokens: in A and B
            ("", "war peace peace peace", "A", None), // 4 tokens: A only
            ("", "peace", "A", None),                 // 1 token: B only
        ]);
        let c = compare(&e, &[0, 1, 1, 9], &[0, 2], Unit::Form, 1);
        // A = d0, d1: c = 7; B = d0, d2: d = 4.
        assert_eq!((c.a_docs, c.b_docs, c.a_tokens, c.b_tokens, c.tested), (2, 2, 7, 4, 2));
        // war: a = 3, b = 2; peace: a = 4, b = 2. Neither is significant:
        // war: E1 = 7·5/11 = 3.181818, E2 = 4·5/11 = 1.818182;
        // G² = 2·(3·ln(3/3.181818) + 2·ln(2/1.818182)) = 2·(−0.176522 + 0.190620) = 0.028197.
        // Log Ratio = log2((3/7)/(2/4)) = log2(0.857143) = −0.222392: a lockword.
        // peace: log2((4/7)/(2/4)) = log2(1.142857) = 0.192645: a lockword too.
        assert!(c.more_in_a.is_empty() && c.more_in_b.is_empty());
        let lock: Vec<(&str, u64, u64)> = c.lockwords.iter().map(|r| (r.word.as_str(), r.a, r.b)).collect();
        assert_eq!(lock, [("peace", 4, 2), ("war", 3, 2)]);
        let war = &c.lockwords[1];
        assert!(close(war.g2, 0.028197) && close(war.log_ratio, -0.222392));
        assert!(close(war.a_per_10k, 3.0 / 7.0 * 1e4) && close(war.b_per_10k, 5000.0));
        // Identical sides: every word at the same rate, G² = 0, Log Ratio = 0.
        let same = compare(&e, &[0, 1, 2], &[2, 1, 0], Unit::Form, 1);
        assert_eq!(same.lockwords.len(), 2);
        assert!(same.lockwords.iter().all(|r| r.a == r.b && r.g2 == 0.0 && r.log_ratio == 0.0));
    }

    #[test]
    fn lockwords_by_hand() {
        let (c, d) = (100_000, 100_000);
        let rows = vec![
            // |LR| = log2(1.3) = 0.378512 < 0.5 but significant: more in A, not a lockword.
            // E = 1150: G² = 2·(1300·ln(1300/1150) + 1000·ln(1000/1150)) = 2·(159.383019 − 139.761942)
            // = 39.242153.
            row("common", 1300, 1000, c, d),
            // log2(12/10) = 0.263034, G² = 0.182069: a lockword.
            row("steady", 12, 10, c, d),
            // log2(14/10) = 0.485427 < 0.5, G² = 0.669788: a lockword, first (a + b = 24).
            row("close", 14, 10, c, d),
            // log2(15/10) = 0.584963 ≥ 0.5: neither.
            row("apart", 15, 10, c, d),
            // Rates equal but b = 2 < min_freq 3: not a lockword.
            row("rare", 2, 2, c, d),
            // Same a + b as "steady": by word.
            row("even", 11, 11, c, d),
            // Only in B: more in B. G² = 2·20·ln 2 = 27.725887.
            row("bonly", 0, 20, c, d),
        ];
        assert!(close(rows[0].g2, 39.242153));
        assert!(close(rows[0].log_ratio, 0.378512));
        let [a, b, lock] = split(rows, c, d, 3);
        let words = |rows: &[CompareRow]| -> Vec<String> { rows.iter().map(|r| r.word.clone()).collect() };
        assert_eq!(words(&a), ["common"]);
        assert_eq!(words(&b), ["bonly"]);
        assert!(close(b[0].g2, 27.725887) && close(b[0].log_ratio, (0.5f64 / 20.0).log2()));
        assert_eq!(words(&lock), ["close", "even", "steady"]);
        // min_freq 0 counts as 1: a word must occur on both sides to be a lockword.
        let [_, _, lock] = split(vec![row("x", 0, 0, c, d), row("y", 1, 1, c, d)], c, d, 0);
        assert_eq!(words(&lock), ["y"]);
    }

    #[test]
    fn an_empty_side_gives_only_sizes() {
        let e = sample();
        let c = compare(&e, &[], &[0, 1], Unit::Form, 1);
        assert_eq!((c.a_docs, c.b_docs, c.a_tokens, c.tested), (0, 2, 0, 0));
        assert!(c.b_tokens > 0);
        assert!(c.more_in_a.is_empty() && c.more_in_b.is_empty() && c.lockwords.is_empty());
        // A side of one empty document has no tokens.
        let c = compare(&e, &[0], &[4, 99], Unit::Stem, 1);
        assert_eq!((c.b_docs, c.b_tokens, c.tested), (1, 0, 0));
        assert!(c.lockwords.is_empty());
        assert!(table(&c).rows.is_empty());
    }

    #[test]
    fn table_lists_each_group() {
        let e = sample();
        let c = compare(&e, &[0], &[1, 2], Unit::Form, 1);
        let t = table(&c);
        assert_eq!(t.columns.len(), 11);
        assert_eq!(t.rows.len(), c.more_in_a.len() + c.more_in_b.len() + c.lockwords.len());
        assert_eq!(t.rows[0][0], Cell::from("war"));
        assert_eq!(t.rows[0][1], Cell::from("more_in_a"));
        assert_eq!(t.rows[0][4], Cell::Number(c.a_tokens as f64));
        assert!(matches!(&t.rows[0][10], Cell::Text(p) if p.starts_with('<')));
    }

    #[test]
    fn term_rates_by_hand() {
        let e = engine(&[
            ("War", "war and peace", "A", None), // 4 tokens, war 2
            ("", "peace now", "A", None),        // 2 tokens, war 0
            ("", "war war war", "A", None),      // 3 tokens, war 3
        ]);
        let q = compile(&e, "war");
        let r = term_rates(&e, &q, &[0, 1, 1], &[1, 2]);
        // A: 2 hits in 6 tokens → 3,333.33…; B: 3 hits in 5 tokens → 6,000.
        assert_eq!((r.a_hits, r.b_hits), (2, 3));
        assert!(close(r.a_per_10k, 2.0 / 6.0 * 1e4) && close(r.b_per_10k, 6000.0));
        // A phrase counts once an occurrence; an empty side has rate 0.
        let r = term_rates(&e, &compile(&e, "\"war war\""), &[2], &[]);
        assert_eq!((r.b_hits, r.b_per_10k), (0, 0.0));
        assert!(r.a_hits >= 1);
    }
}
