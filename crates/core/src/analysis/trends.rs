//! Trends: how often each of up to five terms occurs in each document, over time.
//!
//! Per allowed document, ordered by date (oldest first, a less precise date before the
//! more precise dates it contains, undated documents last, ties by document number):
//! for each query its hits (the spans the reader marks) and its relative frequency
//!
//! ```text
//! per_10k = hits / words · 10,000        (words: title and body; 0 for an empty document)
//! ```

use super::clean_docs;
use super::dispersion::per_10k;
use super::export::{cells, Table};
use crate::search::{Compiled, Engine};
use crate::view_state::MAX_TERMS as MAX_SERIES;

/// One document's point on every series.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendRow {
    /// Document number.
    pub doc: usize,
    /// The date as shown (`Document::date_label`), if known.
    pub date: Option<String>,
    /// The year, if known.
    pub year: Option<u16>,
    /// Words in the document (title and body).
    pub words: u32,
    /// Hits of each query.
    pub hits: Vec<u32>,
    /// `hits / words · 10,000` for each query.
    pub per_10k: Vec<f64>,
}

/// The trend rows of `docs` for the first [`MAX_SERIES`] queries, by date.
pub fn trends(engine: &Engine, queries: &[Compiled], docs: &[usize]) -> Vec<TrendRow> {
    let index = &engine.index;
    let queries = &queries[..queries.len().min(MAX_SERIES)];
    let mut docs = clean_docs(index, docs);
    let documents = &engine.corpus.documents;
    crate::sort::sort_by_key(&mut docs, |&d| (documents[d].date.is_none(), documents[d].date, d));
    docs.into_iter()
        .map(|d| {
            let words = index.doc_tokens(d);
            let hits: Vec<u32> = queries.iter().map(|q| q.spans(index, d).len() as u32).collect();
            TrendRow {
                doc: d,
                date: documents[d].date_label(),
                year: documents[d].year(),
                words,
                per_10k: hits.iter().map(|&h| per_10k(h, words)).collect(),
                hits,
            }
        })
        .collect()
}

/// The table for export: doc_id, title, date, year, words, then `hits:<label>` and
/// `per_10k:<label>` for each query.
pub fn table(engine: &Engine, labels: &[String], rows: &[TrendRow]) -> Table {
    let mut columns: Vec<String> = ["doc_id", "title", "date", "year", "words"].map(String::from).to_vec();
    for l in labels {
        columns.push(format!("hits:{l}"));
        columns.push(format!("per_10k:{l}"));
    }
    let rows = rows
        .iter()
        .map(|r| {
            let doc = &engine.corpus.documents[r.doc];
            let year = r.year.map(u32::from);
            let mut row = cells![doc.id.as_str(), doc.title.as_str(), r.date.clone(), year, r.words];
            row.extend(r.hits.iter().zip(&r.per_10k).flat_map(|(&h, &f)| cells![h, f]));
            row.truncate(columns.len());
            row
        })
        .collect();
    Table { columns, rows }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::compile;
    use crate::analysis::export::Cell;

    #[test]
    fn by_date_undated_last() {
        let e = super::super::tests::engine(&[
            ("", "war and peace", "A", None), // undated: last
            ("", "war war peace peace", "A", Some("2022-10")),
            ("", "peace", "A", Some("2022")), // 2022 sorts before 2022-10
            ("", "war", "A", Some("1999-05-01")),
        ]);
        let rows = trends(&e, &[compile(&e, "war "), compile(&e, "peace ")], &[0, 1, 2, 3]);
        assert_eq!(rows.iter().map(|r| r.doc).collect::<Vec<_>>(), [3, 2, 1, 0]);
        assert_eq!(rows[0].year, Some(1999));
        assert_eq!(rows[3].date, None);
        // d1: war 2 of 4 words → 2/4 · 10⁴ = 5,000; peace likewise.
        assert_eq!(rows[2].hits, [2, 2]);
        assert_eq!(rows[2].per_10k, [5000.0, 5000.0]);
        // d0: war 1 of 3 → 3,333.333…
        assert!((rows[3].per_10k[0] - 10_000.0 / 3.0).abs() < 1e-9);
        let t = table(&e, &["war".into(), "peace".into()], &rows);
        assert_eq!(t.columns.len(), 9);
        assert_eq!(t.rows[0][5], Cell::Number(1.0));
    }
}
