//! Keyness: the words that distinguish a target set of documents from the rest.
//!
//! The target (a document, an outlet, a kind, …) is compared with the reference: the
//! other allowed documents. For each word,
//!
//! ```text
//! a = count in the target            c = tokens in the target
//! b = count in the reference         d = tokens in the reference
//! E1 = c·(a + b) / (c + d)           E2 = d·(a + b) / (c + d)
//! G² = 2 · (a · ln(a / E1) + b · ln(b / E2))        with 0 · ln 0 = 0
//! Log Ratio = log2((a / c) / (b / d))               a zero a or b replaced by 0.5
//! ```
//!
//! G² is the log-likelihood statistic of Rayson & Garside (2000); with one degree of
//! freedom, G² ≥ 3.84 means p < 0.05 and G² ≥ 6.63 means p < 0.01. Log Ratio is Hardie's
//! (2014) effect size, the binary log of the ratio of relative frequencies: each point
//! doubles the ratio. It is infinite when a word is absent from one side, so, following
//! Hardie's convention, a zero frequency is replaced by 0.5 (in the Log Ratio only).

use super::export::{cells, Table};
use super::{clean_docs, groups, Unit};
use crate::search::Engine;

/// G² at or above this: p < 0.05 (χ² with one degree of freedom).
pub const CRITICAL_05: f64 = 3.84;
/// G² at or above this: p < 0.01.
pub const CRITICAL_01: f64 = 6.63;

/// Whether a word is relatively more or less frequent in the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Direction {
    /// `a/c > b/d`: overused in the target.
    Over,
    /// `a/c ≤ b/d`: underused in the target (equal rates give G² = 0).
    Under,
}

/// One word's keyness.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct KeyRow {
    /// The word (its stem's most frequent form when counting by stem).
    pub word: String,
    /// `a`: count in the target.
    pub a: u64,
    /// `b`: count in the reference.
    pub b: u64,
    /// G² (log-likelihood).
    pub g2: f64,
    /// Log Ratio (zero frequencies replaced by 0.5).
    pub log_ratio: f64,
    /// Over- or underused in the target.
    pub direction: Direction,
    /// `G² ≥ 3.84` (p < 0.05).
    pub p05: bool,
    /// `G² ≥ 6.63` (p < 0.01).
    pub p01: bool,
}

/// A keyness table and the token totals it is computed from.
#[derive(Debug, Clone, PartialEq)]
pub struct Keyness {
    /// Words with `a + b ≥ min_freq`, by G² descending (then word).
    pub rows: Vec<KeyRow>,
    /// `c`: tokens in the target.
    pub target_tokens: u64,
    /// `d`: tokens in the reference.
    pub reference_tokens: u64,
}

/// G² = 2 · (a · ln(a / E1) + b · ln(b / E2)), `E1 = c(a+b)/(c+d)`, `E2 = d(a+b)/(c+d)`,
/// with 0 · ln 0 = 0 (and 0 when `c + d = 0`).
pub fn log_likelihood(a: u64, b: u64, c: u64, d: u64) -> f64 {
    let (a, b, c, d) = (a as f64, b as f64, c as f64, d as f64);
    if c + d == 0.0 {
        return 0.0;
    }
    let e1 = c * (a + b) / (c + d);
    let e2 = d * (a + b) / (c + d);
    let term = |o: f64, e: f64| if o > 0.0 { o * (o / e).ln() } else { 0.0 };
    2.0 * (term(a, e1) + term(b, e2))
}

/// Log Ratio = log2((a / c) / (b / d)), with `a` or `b` replaced by 0.5 when zero
/// (Hardie 2014); 0 when `c` or `d` is zero.
pub fn log_ratio(a: u64, b: u64, c: u64, d: u64) -> f64 {
    if c == 0 || d == 0 {
        return 0.0;
    }
    let fix = |x: u64| if x == 0 { 0.5 } else { x as f64 };
    ((fix(a) / c as f64) / (fix(b) / d as f64)).log2()
}

/// The keyness of every word of the target documents against the reference, the other
/// documents of `docs`. Target documents outside `docs` are ignored; with an empty target
/// or an empty reference there are no rows. Words with `a + b < min_freq` are left out.
pub fn keyness(engine: &Engine, target: &[usize], docs: &[usize], unit: Unit, min_freq: u64) -> Keyness {
    let index = &engine.index;
    let docs = clean_docs(index, docs);
    // 0: not allowed, 1: target, 2: reference.
    let mut side = vec![0u8; index.doc_count()];
    for &d in &docs {
        side[d] = 2;
    }
    for &d in target {
        if side.get(d) == Some(&2) {
            side[d] = 1;
        }
    }
    let (mut c, mut d) = (0u64, 0u64);
    for &doc in &docs {
        let n = u64::from(index.doc_tokens(doc));
        if side[doc] == 1 {
            c += n;
        } else {
            d += n;
        }
    }
    let mut rows = Vec::new();
    if c > 0 && d > 0 {
        for (_, terms) in groups(index, unit) {
            let (mut a, mut b) = (0u64, 0u64);
            let mut best: Option<(u64, u32)> = None;
            for &t in &terms {
                let mut n = 0u64;
                for p in index.postings(t) {
                    let tf = u64::from(p.tf[0] + p.tf[1]);
                    match side[p.doc as usize] {
                        1 => a += tf,
                        2 => b += tf,
                        _ => continue,
                    }
                    n += tf;
                }
                if n > 0 && best.is_none_or(|(bn, _)| n > bn) {
                    best = Some((n, t));
                }
            }
            let Some((_, top)) = best else { continue };
            if a + b < min_freq.max(1) {
                continue;
            }
            let g2 = log_likelihood(a, b, c, d);
            let over = (a as f64) * (d as f64) > (b as f64) * (c as f64);
            rows.push(KeyRow {
                word: index.term(top).to_owned(),
                a,
                b,
                g2,
                log_ratio: log_ratio(a, b, c, d),
                direction: if over { Direction::Over } else { Direction::Under },
                p05: g2 >= CRITICAL_05,
                p01: g2 >= CRITICAL_01,
            });
        }
    }
    crate::sort::sort_by(&mut rows, |x, y| y.g2.total_cmp(&x.g2).then_with(|| x.word.cmp(&y.word)));
    Keyness { rows, target_tokens: c, reference_tokens: d }
}

/// `<0.01`, `<0.05` or nothing: the significance of a word's G².
fn significance(r: &KeyRow) -> &'static str {
    match (r.p01, r.p05) {
        (true, _) => "<0.01",
        (false, true) => "<0.05",
        _ => "",
    }
}

/// The table for export: word, a, b, c, d, g2, log_ratio, direction, p.
pub fn table(k: &Keyness) -> Table {
    let (c, d) = (k.target_tokens, k.reference_tokens);
    Table::of(&["word", "a", "b", "c", "d", "g2", "log_ratio", "direction", "p"], &k.rows, |r| {
        let direction = if r.direction == Direction::Over { "over" } else { "under" };
        cells![r.word.as_str(), r.a, r.b, c, d, r.g2, r.log_ratio, direction, significance(r)]
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::export::Cell;
    use crate::analysis::tests::close_1e5 as close;

    #[test]
    fn formulas_by_hand() {
        // a = 10, b = 5, c = 100, d = 200: E1 = 100·15/300 = 5, E2 = 200·15/300 = 10.
        // G² = 2·(10·ln(10/5) + 5·ln(5/10)) = 2·(6.931472 − 3.465736) = 6.931472.
        assert!(close(log_likelihood(10, 5, 100, 200), 6.931472));
        // Log Ratio = log2((10/100)/(5/200)) = log2(0.1/0.025) = log2(4) = 2.
        assert!(close(log_ratio(10, 5, 100, 200), 2.0));
        // a = 4, b = 0, c = 100, d = 300: E1 = 100·4/400 = 1; the b term is 0·ln 0 = 0.
        // G² = 2·4·ln 4 = 11.090355. Log Ratio = log2((4/100)/(0.5/300)) = log2(24) = 4.584963.
        assert!(close(log_likelihood(4, 0, 100, 300), 11.090355));
        assert!(close(log_ratio(4, 0, 100, 300), 4.584963));
        // Equal rates: a/c = b/d = 0.05 → G² = 0, Log Ratio = 0.
        assert!(close(log_likelihood(5, 10, 100, 200), 0.0));
        assert!(close(log_ratio(5, 10, 100, 200), 0.0));
        // Absent from the target: a = 0 → 0.5. log2((0.5/100)/(6/200)) = log2(0.005/0.03) = −2.584963.
        // E2 = 200·6/300 = 4: G² = 2·6·ln(6/4) = 4.865581.
        assert!(close(log_ratio(0, 6, 100, 200), -2.584963));
        assert!(close(log_likelihood(0, 6, 100, 200), 4.865581));
    }

    #[test]
    fn target_against_the_rest() {
        let e = super::super::tests::engine(&[
            ("", "war war war war peace", "A", None),         // 5 tokens: target
            ("", "peace peace peace peace war", "B", None),   // 5 tokens: reference
            ("", "peace peace peace peace peace", "B", None), // 5 tokens: reference
            ("", "war war war war war war", "C", None),       // not allowed
        ]);
        let target = super::super::docs_with(&e, &[0, 1, 2], crate::Facet::Outlet, "A");
        assert_eq!(target, [0]);
        let k = keyness(&e, &target, &[0, 1, 2], Unit::Form, 1);
        // c = 5, d = 10.
        assert_eq!((k.target_tokens, k.reference_tokens), (5, 10));
        // war: a = 4, b = 1. E1 = 5·5/15 = 1.666667, E2 = 10·5/15 = 3.333333.
        // G² = 2·(4·ln(2.4) + 1·ln(0.3)) = 2·(3.501875 − 1.203973) = 4.595804 → p < 0.05, not < 0.01.
        // Log Ratio = log2((4/5)/(1/10)) = log2(8) = 3; over.
        // peace: a = 1, b = 9. E1 = 5·10/15 = 3.333333, E2 = 6.666667.
        // G² = 2·(1·ln(0.3) + 9·ln(1.35)) = 2·(−1.203973 + 2.700941) = 2.993937; under;
        // Log Ratio = log2((1/5)/(9/10)) = log2(0.222222) = −2.169925.
        assert_eq!(k.rows.len(), 2);
        let war = &k.rows[0];
        assert_eq!((war.word.as_str(), war.a, war.b, war.direction), ("war", 4, 1, Direction::Over));
        assert!(close(war.g2, 4.595804) && close(war.log_ratio, 3.0));
        assert!(war.p05 && !war.p01);
        let peace = &k.rows[1];
        assert_eq!((peace.word.as_str(), peace.a, peace.b, peace.direction), ("peace", 1, 9, Direction::Under));
        assert!(close(peace.g2, 2.993937) && close(peace.log_ratio, -2.169925));
        assert!(!peace.p05);
        // Minimum frequency 6: war (a + b = 5) is left out, peace (10) stays.
        let k = keyness(&e, &target, &[0, 1, 2], Unit::Form, 6);
        assert_eq!(k.rows.iter().map(|r| r.word.as_str()).collect::<Vec<_>>(), ["peace"]);
        // No reference: no rows.
        assert!(keyness(&e, &[0], &[0], Unit::Form, 1).rows.is_empty());
        assert_eq!(table(&k).rows[0][7], Cell::from("under"));
    }
}
