//! Dispersion: how evenly a term's hits spread over the documents.
//!
//! For each query (at most [`MAX_SERIES`]), per document `i` of the allowed documents:
//! its hits (the spans the reader marks), its words (title and body), the hits per
//! 10,000 words (`hits / words · 10⁴`), and where each hit falls as a fraction of the
//! document (`word number of the hit's first word / words`, in `[0, 1)`, the title being
//! the start), for a dispersion strip. Across the documents, Gries's DP (Gries 2008) and its
//! normalisation DPnorm (Lijffijt & Gries 2012):
//!
//! ```text
//! s_i = words in document i / words in all documents
//! v_i = hits in document i / hits in all documents
//! DP     = 0.5 · Σ_i |v_i − s_i|
//! DPnorm = DP / (1 − min_i s_i)
//! ```
//!
//! DP is 0 for hits spread in proportion to the documents' sizes and approaches 1 when
//! they all fall in one small document. With no hits at all DP is undefined; it is given as
//! 0 (and so is DPnorm, also when one document makes up everything, `min s_i = 1`).

use super::clean_docs;
use super::export::{cells, Table};
use crate::search::{Compiled, Engine};
use crate::view_state::MAX_TERMS as MAX_SERIES;

/// One document's share of a query's hits.
#[derive(Debug, Clone, PartialEq)]
pub struct DocDispersion {
    /// Document number.
    pub doc: usize,
    /// Words in the document (title and body).
    pub words: u32,
    /// Hits in the document.
    pub hits: u32,
    /// `hits / words · 10,000` (0 for a document without words).
    pub per_10k: f64,
    /// Relative position of each hit, ascending, in `[0, 1)`.
    pub positions: Vec<f32>,
}

/// The dispersion of one query.
#[derive(Debug, Clone, PartialEq)]
pub struct Dispersion {
    /// Every allowed document, ascending by number.
    pub docs: Vec<DocDispersion>,
    /// Hits in all documents.
    pub total_hits: u64,
    /// Words in all documents.
    pub total_words: u64,
    /// Gries's DP.
    pub dp: f64,
    /// DPnorm.
    pub dp_norm: f64,
}

/// DP and DPnorm from the documents' sizes (words) and hits, as in the module docs.
pub fn dp(words: &[u64], hits: &[u64]) -> (f64, f64) {
    let total_words: u64 = words.iter().sum();
    let total_hits: u64 = hits.iter().sum();
    if total_hits == 0 || total_words == 0 {
        return (0.0, 0.0);
    }
    let s = |w: u64| w as f64 / total_words as f64;
    let dp = 0.5 * words.iter().zip(hits).map(|(&w, &h)| (h as f64 / total_hits as f64 - s(w)).abs()).sum::<f64>();
    let min_s = words.iter().map(|&w| s(w)).fold(f64::INFINITY, f64::min);
    let dp_norm = if 1.0 - min_s > 0.0 { dp / (1.0 - min_s) } else { 0.0 };
    (dp, dp_norm)
}

/// The dispersion of each query (the first [`MAX_SERIES`]) over `docs`.
pub fn dispersion(engine: &Engine, queries: &[Compiled], docs: &[usize]) -> Vec<Dispersion> {
    let index = &engine.index;
    let docs = clean_docs(index, docs);
    queries
        .iter()
        .take(MAX_SERIES)
        .map(|q| {
            let per_doc: Vec<DocDispersion> = docs
                .iter()
                .map(|&d| {
                    let words = index.doc_tokens(d);
                    let positions: Vec<f32> = q
                        .spans(index, d)
                        .iter()
                        .filter_map(|&(start, _, _)| index.word_number(d, start))
                        .map(|w| w as f32 / words.max(1) as f32)
                        .collect();
                    let hits = positions.len() as u32;
                    DocDispersion { doc: d, words, hits, per_10k: per_10k(hits, words), positions }
                })
                .collect();
            let words: Vec<u64> = per_doc.iter().map(|d| u64::from(d.words)).collect();
            let hits: Vec<u64> = per_doc.iter().map(|d| u64::from(d.hits)).collect();
            let (dp, dp_norm) = dp(&words, &hits);
            Dispersion { total_hits: hits.iter().sum(), total_words: words.iter().sum(), docs: per_doc, dp, dp_norm }
        })
        .collect()
}

/// `hits / words · 10,000` (0 without words).
pub fn per_10k(hits: u32, words: u32) -> f64 {
    if words == 0 {
        0.0
    } else {
        f64::from(hits) / f64::from(words) * 1e4
    }
}

/// The table for export, one row per query and document: term, doc_id, title, words, hits,
/// per_10k, and the query's dp and dp_norm.
pub fn table(engine: &Engine, labels: &[String], series: &[Dispersion]) -> Table {
    let columns = ["term", "doc_id", "title", "words", "hits", "per_10k", "dp", "dp_norm"];
    let rows = labels.iter().zip(series).flat_map(|(label, s)| s.docs.iter().map(move |d| (label, s, d)));
    Table::of(&columns, rows, |(label, s, d)| {
        let doc = &engine.corpus.documents[d.doc];
        let (id, title) = (doc.id.as_str(), doc.title.as_str());
        cells![label.as_str(), id, title, d.words, d.hits, d.per_10k, s.dp, s.dp_norm]
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::compile;
    use crate::analysis::tests::close_1e6 as close;

    #[test]
    fn dp_by_hand() {
        // Five equal parts (s_i = 0.2), hits 1..5 of 15: v = 1/15, 2/15, 3/15, 4/15, 5/15.
        // |v − s| = 2/15, 1/15, 0, 1/15, 2/15 → Σ = 6/15 = 0.4; DP = 0.2.
        // min s = 0.2 → DPnorm = 0.2 / 0.8 = 0.25.
        let (dp_, norm) = dp(&[10, 10, 10, 10, 10], &[1, 2, 3, 4, 5]);
        assert!(close(dp_, 0.2) && close(norm, 0.25));
        // Proportional to size: DP = 0.
        assert!(close(dp(&[10, 30], &[1, 3]).0, 0.0));
        // All hits in the smaller part: s = 0.25, 0.75; v = 1, 0: DP = 0.5·(0.75 + 0.75) = 0.75;
        // DPnorm = 0.75 / (1 − 0.25) = 1.
        let (dp_, norm) = dp(&[10, 30], &[2, 0]);
        assert!(close(dp_, 0.75) && close(norm, 1.0));
        // No hits, or one document: 0.
        assert_eq!(dp(&[10, 30], &[0, 0]), (0.0, 0.0));
        assert_eq!(dp(&[10], &[4]), (0.0, 0.0));
    }

    #[test]
    fn per_document_by_hand() {
        let e = super::super::tests::engine(&[
            // Title "War" (word 0); body "peace and war" (words 1, 2, 3) / "war" (word 4): 5 words.
            ("War", "peace and war\nwar", "A", None),
            ("Peace", "peace peace peace", "A", None), // 4 words, no war
            ("War", "x", "A", None),                   // not allowed
        ]);
        let out = dispersion(&e, &[compile(&e, "war "), compile(&e, "peace ")], &[1, 0]);
        assert_eq!(out.len(), 2);
        let war = &out[0];
        assert_eq!(war.docs.iter().map(|d| d.doc).collect::<Vec<_>>(), [0, 1]);
        // d0: hits at words 0, 3, 4 of 5 → 0, 0.6, 0.8; 3 / 5 · 10⁴ = 6,000 per 10k.
        assert_eq!(war.docs[0].positions, [0.0, 0.6, 0.8]);
        assert_eq!((war.docs[0].hits, war.docs[0].words), (3, 5));
        assert!(close(war.docs[0].per_10k, 6000.0));
        assert_eq!((war.docs[1].hits, war.total_hits, war.total_words), (0, 3, 9));
        // s = 5/9, 4/9; v = 1, 0 → DP = 0.5·(4/9 + 4/9) = 4/9 = 0.444444; DPnorm = (4/9)/(1 − 4/9) = 0.8.
        assert!(close(war.dp, 4.0 / 9.0) && close(war.dp_norm, 0.8));
        // peace: d0 1 (word 1), d1 4 (title + 3) of 5 → v = 0.2, 0.8; s = 5/9, 4/9:
        // DP = 0.5·(|0.2 − 0.555556| + |0.8 − 0.444444|) = 0.355556; DPnorm = 0.355556/0.555556 = 0.64.
        // (Exactly: DP = 16/45, DPnorm = (16/45)/(5/9) = 16/25.)
        assert!(close(out[1].dp, 16.0 / 45.0));
        assert!((out[1].dp_norm - 0.64).abs() < 1e-6);
        assert_eq!(out[1].docs[1].positions, [0.0, 0.25, 0.5, 0.75]);
        let t = table(&e, &["war".into(), "peace".into()], &out);
        assert_eq!(t.rows.len(), 4);
        // At most five series.
        let six: Vec<Compiled> = (0..6).map(|_| compile(&e, "war")).collect();
        assert_eq!(dispersion(&e, &six, &[0]).len(), MAX_SERIES);
    }
}
