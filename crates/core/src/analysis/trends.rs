//! Trends: how often each of up to five terms occurs in each document, over time.
//!
//! Per allowed document, ordered by date (oldest first, a less precise date before the
//! more precise dates it contains, undated documents last, ties by document number):
//! for each query its hits (the spans the reader marks) and its relative frequency
//!
//! ```text
//! per_10k = hits / words · 10,000        (words: title and body; 0 for an empty document)
//! ```
//!
//! Or per period ([`trends_by`]): a year, a month, or a value of a metadata field, whose rate
//! is that of its documents taken together (not the mean of their rates):
//!
//! ```text
//! per_10k(period) = Σ_{d ∈ period} hits(d) / Σ_{d ∈ period} words(d) · 10,000
//! ```

use super::clean_docs;
use super::dispersion::per_10k;
use super::export::{cells, Cell, Table};
use crate::facets::Facet;
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

/// `hits / words · 10,000` from totals (0 without words): the rate of a period or of a side of
/// a comparison, its documents taken together.
pub fn rate_per_10k(hits: u64, words: u64) -> f64 {
    if words == 0 {
        0.0
    } else {
        hits as f64 / words as f64 * 1e4
    }
}

/// At most this many year or month rows are listed with their gaps filled: when the span from
/// the first period to the last is longer, only the periods with documents are listed.
pub const MAX_PERIODS: usize = 1000;

/// What the trends view's x axis is: each document (today), or periods.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
pub enum Period {
    /// Each document, by date ([`trends`]).
    #[default]
    Doc,
    /// Calendar years (`Document::year`), every year from the first to the last.
    Year,
    /// Calendar months (`YYYY-MM`) of the documents dated to the month or the day.
    Month,
    /// Any metadata field by its facet key (outlet, kind, person, or a corpus field name).
    Field(String),
}

impl Period {
    /// The URL value: `doc`, `year`, `month`, or the field's name.
    pub fn key(&self) -> &str {
        match self {
            Period::Doc => "doc",
            Period::Year => "year",
            Period::Month => "month",
            Period::Field(name) => name,
        }
    }

    /// The period a URL value names: `doc`, `year`, `month`, or any other non-empty name as a
    /// field (whether the corpus has it is for the caller to check); `None` when empty.
    pub fn from_key(s: &str) -> Option<Period> {
        match s {
            "" => None,
            "doc" => Some(Period::Doc),
            "year" => Some(Period::Year),
            "month" => Some(Period::Month),
            name => Some(Period::Field(name.to_owned())),
        }
    }

    /// The facet a field period reads its values from: the built-in facet of that key
    /// (`outlet`, `kind`, `person`, `year`), else `Facet::Field(name)`; `None` for the others.
    pub fn facet(&self) -> Option<Facet> {
        match self {
            Period::Field(name) => Some(field_facet(name)),
            _ => None,
        }
    }
}

/// The facet of a field period's key (see [`Period::facet`]).
fn field_facet(name: &str) -> Facet {
    Facet::from_key(name).unwrap_or_else(|| Facet::Field(name.to_owned()))
}

/// One period's point on every series.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PeriodRow {
    /// The period: `2022`, `2022-10`, a field value, or a document's title (its id if untitled).
    pub label: String,
    /// Documents in the period.
    pub docs: u32,
    /// `Σ words(d)` over its documents (title and body).
    pub words: u64,
    /// `Σ hits(d)` of each query over its documents.
    pub hits: Vec<u64>,
    /// `Σ hits / Σ words · 10,000` for each query; `None` for a period without words (no
    /// document: a gap, not a zero; or only empty documents).
    pub per_10k: Vec<Option<f64>>,
}

/// The trend rows by period, and what they leave out.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct Periods {
    /// The periods in order: chronological for years and months, the facet's value order for
    /// fields, by date for documents.
    pub rows: Vec<PeriodRow>,
    /// Documents without a value for the period (no date, no month, no field value).
    pub left_out: usize,
    /// True when every year or month from the first to the last is listed (the span is at
    /// most [`MAX_PERIODS`]); false beyond it, and for fields and documents (never filled).
    pub gaps_filled: bool,
}

/// The sums of one period.
struct Acc {
    docs: u32,
    words: u64,
    hits: Vec<u64>,
}

impl Acc {
    fn new(series: usize) -> Acc {
        Acc { docs: 0, words: 0, hits: vec![0; series] }
    }

    fn add(&mut self, words: u64, hits: &[u64]) {
        self.docs += 1;
        self.words += words;
        for (sum, h) in self.hits.iter_mut().zip(hits) {
            *sum += h;
        }
    }

    fn row(self, label: String) -> PeriodRow {
        let words = self.words;
        let per_10k = self.hits.iter().map(|&h| (words > 0).then(|| rate_per_10k(h, words))).collect();
        PeriodRow { label, docs: self.docs, words, hits: self.hits, per_10k }
    }
}

/// The trend rows of `docs` (for the first [`MAX_SERIES`] queries) summed by period `by`:
/// each period's hits and words are the sums over its documents, its rate
/// `Σ hits / Σ words · 10,000` (see [`PeriodRow`]).
///
/// - [`Period::Year`]: every year from the first to the last, years without a document as
///   gap rows (`docs` 0, `per_10k` `None`); undated documents are left out.
/// - [`Period::Month`]: `YYYY-MM` of the documents dated to the month or the day, gap months
///   filled likewise; documents dated only to the year, or undated, are left out.
/// - Both: when the span is longer than [`MAX_PERIODS`], only the periods with documents
///   (and `gaps_filled` is false).
/// - [`Period::Field`]: one row per value the facet gives the documents
///   ([`Period::facet`], [`crate::facets::FacetTable::doc_values`]), in the facet's display
///   order (alphabetical for outlet, kind and fields, the corpus's list order for people,
///   newest first for years); a document with several values counts in each; documents
///   without a value are left out; no gap rows. A field the facet table does not have leaves
///   every document out.
/// - [`Period::Doc`]: one row per document, as [`trends`] orders them (label: the title).
pub fn trends_by(engine: &Engine, queries: &[Compiled], docs: &[usize], by: &Period) -> Periods {
    let index = &engine.index;
    let queries = &queries[..queries.len().min(MAX_SERIES)];
    let series = queries.len();
    let documents = &engine.corpus.documents;
    let counts = |d: usize| -> (u64, Vec<u64>) {
        (u64::from(index.doc_tokens(d)), queries.iter().map(|q| q.spans(index, d).len() as u64).collect())
    };
    let docs = clean_docs(index, docs);
    match by {
        Period::Doc => {
            let rows = trends(engine, queries, &docs)
                .into_iter()
                .map(|r| {
                    let doc = &documents[r.doc];
                    let label = if doc.title.trim().is_empty() { &doc.id } else { &doc.title };
                    let mut acc = Acc::new(series);
                    acc.add(u64::from(r.words), &r.hits.iter().map(|&h| u64::from(h)).collect::<Vec<_>>());
                    acc.row(label.clone())
                })
                .collect();
            Periods { rows, left_out: 0, gaps_filled: false }
        }
        Period::Year => by_number(&docs, series, |d| documents[d].year().map(i64::from), counts, |y| y.to_string()),
        Period::Month => by_number(
            &docs,
            series,
            |d| documents[d].date.and_then(|t| t.month.map(|m| i64::from(t.year) * 12 + i64::from(m) - 1)),
            counts,
            |k| format!("{:04}-{:02}", k.div_euclid(12), k.rem_euclid(12) + 1),
        ),
        Period::Field(name) => {
            let facet = field_facet(name);
            let values = engine.facets.values(&facet);
            let position: rustc_hash::FxHashMap<&str, usize> =
                values.iter().enumerate().map(|(i, v)| (v.as_str(), i)).collect();
            let mut sums: Vec<Acc> = values.iter().map(|_| Acc::new(series)).collect();
            // The last document counted in each value (a value listed twice counts once).
            let mut last = vec![usize::MAX; values.len()];
            let mut left_out = 0;
            for &d in &docs {
                let mine = engine.facets.doc_values(&facet, d);
                if mine.is_empty() {
                    left_out += 1;
                    continue;
                }
                let (words, hits) = counts(d);
                for v in mine {
                    if let Some(&i) = position.get(v.as_str()) {
                        if last[i] != d {
                            last[i] = d;
                            sums[i].add(words, &hits);
                        }
                    }
                }
            }
            let rows =
                values.iter().zip(sums).filter(|(_, acc)| acc.docs > 0).map(|(v, acc)| acc.row(v.clone())).collect();
            Periods { rows, left_out, gaps_filled: false }
        }
    }
}

/// Periods numbered consecutively (years; months as `year · 12 + month − 1`): sums by number,
/// gaps filled when the span is at most [`MAX_PERIODS`].
fn by_number(
    docs: &[usize],
    series: usize,
    key: impl Fn(usize) -> Option<i64>,
    counts: impl Fn(usize) -> (u64, Vec<u64>),
    label: impl Fn(i64) -> String,
) -> Periods {
    let mut sums: std::collections::BTreeMap<i64, Acc> = std::collections::BTreeMap::new();
    let mut left_out = 0;
    for &d in docs {
        match key(d) {
            Some(k) => {
                let (words, hits) = counts(d);
                sums.entry(k).or_insert_with(|| Acc::new(series)).add(words, &hits);
            }
            None => left_out += 1,
        }
    }
    let (Some(&first), Some(&last)) = (sums.keys().next(), sums.keys().next_back()) else {
        return Periods { rows: Vec::new(), left_out, gaps_filled: true };
    };
    let gaps_filled = last - first < MAX_PERIODS as i64;
    let rows = if gaps_filled {
        (first..=last).map(|k| sums.remove(&k).unwrap_or_else(|| Acc::new(series)).row(label(k))).collect()
    } else {
        sums.into_iter().map(|(k, acc)| acc.row(label(k))).collect()
    };
    Periods { rows, left_out, gaps_filled }
}

/// The table for export: `period:<key>` (the period's label; the column named after
/// [`Period::key`], e.g. `period:year`), docs, words, then `hits:<label>` for each query, then
/// `per_10k:<label>` for each query (a gap's rates are empty cells).
pub fn period_table(labels: &[String], by: &Period, p: &Periods) -> Table {
    let mut columns = vec![format!("period:{}", by.key()), "docs".to_owned(), "words".to_owned()];
    columns.extend(labels.iter().map(|l| format!("hits:{l}")));
    columns.extend(labels.iter().map(|l| format!("per_10k:{l}")));
    let rows = p
        .rows
        .iter()
        .map(|r| {
            let mut row = cells![r.label.as_str(), r.docs, r.words];
            row.extend((0..labels.len()).map(|i| Cell::from(r.hits.get(i).copied())));
            row.extend((0..labels.len()).map(|i| Cell::from(r.per_10k.get(i).copied().flatten())));
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

#[cfg(test)]
mod period_tests {
    use super::*;
    use crate::analysis::compile;
    use crate::model::{Corpus, Document};

    /// Documents of (body, date, people); the title is empty, so the body's words are all.
    fn corpus(docs: &[(&str, Option<&str>, &[&str])]) -> Engine {
        let mut c = Corpus::new(
            "v",
            docs.iter()
                .enumerate()
                .map(|(i, (body, date, people))| Document {
                    date: date.map(|d| crate::PartialDate::parse(d).unwrap()),
                    people: people.iter().map(|p| p.to_string()).collect(),
                    outlet: Some(if i % 2 == 0 { "Zeta" } else { "alpha" }.into()),
                    ..Document::new(format!("d{i}"), "", vec![body.to_string()])
                })
                .collect(),
        );
        c.people = vec!["Stalin".into(), "Lenin".into()];
        Engine::new(c)
    }

    fn labels(p: &Periods) -> Vec<&str> {
        p.rows.iter().map(|r| r.label.as_str()).collect()
    }

    fn all(e: &Engine) -> Vec<usize> {
        (0..e.index.doc_count()).collect()
    }

    #[test]
    fn keys() {
        for p in [Period::Doc, Period::Year, Period::Month, Period::Field("party".into())] {
            assert_eq!(Period::from_key(p.key()), Some(p));
        }
        assert_eq!(Period::from_key("outlet"), Some(Period::Field("outlet".into())));
        assert_eq!(Period::from_key(""), None);
        assert_eq!(Period::Field("person".into()).facet(), Some(Facet::Person));
        assert_eq!(Period::Field("party".into()).facet(), Some(Facet::Field("party".into())));
        assert_eq!(Period::Year.facet(), None);
        assert_eq!(Period::default(), Period::Doc);
    }

    #[test]
    fn a_year_sums_its_documents_rather_than_averaging_their_rates() {
        let e = corpus(&[
            ("war x x x", Some("2020-03"), &[]), // 1 hit in 4 words: 2,500 per 10k
            ("war", Some("2020"), &[]),          // 1 hit in 1 word: 10,000 per 10k
            ("peace war", Some("2022-01-02"), &[]),
            ("war", None, &[]),
        ]);
        let p = trends_by(&e, &[compile(&e, "war")], &all(&e), &Period::Year);
        // 2020: Σ hits / Σ words = 2 / 5 · 10⁴ = 4,000 (the mean of the rates would be 6,250).
        assert_eq!(labels(&p), ["2020", "2021", "2022"]);
        let y2020 = &p.rows[0];
        assert_eq!((y2020.docs, y2020.words, y2020.hits.as_slice()), (2, 5, &[2u64][..]));
        assert_eq!(y2020.per_10k, [Some(4000.0)]);
        // 2021: no document, a gap rather than a zero.
        assert_eq!((p.rows[1].docs, p.rows[1].words, &p.rows[1].per_10k), (0, 0, &vec![None]));
        assert_eq!(p.rows[2].per_10k, [Some(5000.0)]);
        assert_eq!((p.left_out, p.gaps_filled), (1, true));
        // The table: the gap's rate is an empty cell.
        let t = period_table(&["war".into()], &Period::Year, &p);
        assert_eq!(t.columns, ["period:year", "docs", "words", "hits:war", "per_10k:war"]);
        assert_eq!(t.rows[1], cells!["2021", 0u32, 0u64, 0u64, ""]);
        assert_eq!(t.rows[0][4], Cell::Number(4000.0));
    }

    #[test]
    fn months_need_a_month() {
        let e = corpus(&[
            ("war", Some("2021-11-05"), &[]),
            ("war peace", Some("2022-01"), &[]),
            ("peace", Some("2021-11"), &[]),
            ("war", Some("2022"), &[]), // only the year: left out
            ("war", None, &[]),         // undated: left out
        ]);
        let q = [compile(&e, "war"), compile(&e, "peace")];
        let p = trends_by(&e, &q, &all(&e), &Period::Month);
        assert_eq!(labels(&p), ["2021-11", "2021-12", "2022-01"]);
        assert_eq!((p.left_out, p.gaps_filled), (2, true));
        let nov = &p.rows[0];
        assert_eq!((nov.docs, nov.words, nov.hits.clone()), (2, 2, vec![1, 1]));
        assert_eq!(nov.per_10k, [Some(5000.0), Some(5000.0)]);
        assert_eq!(p.rows[1].per_10k, [None, None]);
        assert_eq!(p.rows[2].hits, [1, 1]);
        // Only the documents given count.
        let p = trends_by(&e, &q, &[2, 3, 3, 99], &Period::Month);
        assert_eq!((labels(&p), p.left_out), (vec!["2021-11"], 1));
        // No document with a month: no rows.
        let p = trends_by(&e, &q, &[3, 4], &Period::Month);
        assert!(p.rows.is_empty());
        assert_eq!(p.left_out, 2);
    }

    #[test]
    fn fields_with_several_values() {
        let e = corpus(&[
            ("war war", Some("2020"), &["Stalin", "Lenin"]), // outlet Zeta
            ("war peace peace peace", None, &["Lenin"]),     // outlet alpha
            ("peace", Some("2021"), &[]),                    // outlet Zeta
        ]);
        let q = [compile(&e, "war")];
        let p = trends_by(&e, &q, &all(&e), &Period::from_key("person").unwrap());
        // The people list's order: Stalin, then Lenin; d0 counts in both; d2 has nobody.
        assert_eq!(labels(&p), ["Stalin", "Lenin"]);
        assert_eq!((p.rows[0].docs, p.rows[0].words, p.rows[0].per_10k.clone()), (1, 2, vec![Some(10_000.0)]));
        // Lenin: 3 hits in 6 words → 5,000.
        assert_eq!((p.rows[1].docs, p.rows[1].words, p.rows[1].per_10k.clone()), (2, 6, vec![Some(5000.0)]));
        assert_eq!((p.left_out, p.gaps_filled), (1, false));
        // Outlets: alphabetical, case aside.
        let p = trends_by(&e, &q, &all(&e), &Period::Field("outlet".into()));
        assert_eq!(labels(&p), ["alpha", "Zeta"]);
        assert_eq!(p.rows[1].hits, [2]);
        // A value without a document among those given has no row (no gaps for fields).
        let p = trends_by(&e, &q, &[2], &Period::Field("outlet".into()));
        assert_eq!(labels(&p), ["Zeta"]);
        // A field the corpus does not have: everything left out.
        let p = trends_by(&e, &q, &all(&e), &Period::Field("party".into()));
        assert!(p.rows.is_empty());
        assert_eq!(p.left_out, 3);
        assert_eq!(period_table(&["war".into()], &Period::Field("party".into()), &p).columns[0], "period:party");
    }

    #[test]
    fn gaps_are_filled_up_to_the_cap() {
        let e = corpus(&[("war", Some("1000"), &[]), ("war", Some("1999-01"), &[]), ("war", Some("2100-12"), &[])]);
        let q = [compile(&e, "war")];
        // 1000 to 1999: exactly MAX_PERIODS years, all listed.
        let p = trends_by(&e, &q, &[0, 1], &Period::Year);
        assert_eq!((p.rows.len(), p.gaps_filled), (MAX_PERIODS, true));
        assert_eq!(p.rows.iter().filter(|r| r.docs > 0).count(), 2);
        // 1000 to 2100: more, so only the years with documents.
        let p = trends_by(&e, &q, &[0, 1, 2], &Period::Year);
        assert_eq!((labels(&p), p.gaps_filled), (vec!["1000", "1999", "2100"], false));
        // Months: 1999-01 to 2100-12 is 1,224 months.
        let p = trends_by(&e, &q, &all(&e), &Period::Month);
        assert_eq!((labels(&p), p.gaps_filled, p.left_out), (vec!["1999-01", "2100-12"], false, 1));
    }

    #[test]
    fn documents_as_periods() {
        let e = super::super::tests::engine(&[
            ("", "war and peace", "A", None),
            ("Later", "war war", "A", Some("2022-10")),
            ("", "", "A", Some("2021")),
        ]);
        let q = [compile(&e, "war")];
        let p = trends_by(&e, &q, &all(&e), &Period::Doc);
        // By date, undated last; an untitled document by its id; an empty one has no rate.
        assert_eq!(labels(&p), ["d2", "Later", "d0"]);
        assert_eq!(p.rows[0].per_10k, [None]);
        assert_eq!((p.rows[1].words, p.rows[1].hits.clone()), (3, vec![2]));
        assert_eq!((p.left_out, p.gaps_filled), (0, false));
        // At most five series.
        let six: Vec<Compiled> = (0..6).map(|_| compile(&e, "war")).collect();
        assert_eq!(trends_by(&e, &six, &[0], &Period::Year).rows.len(), 0);
        assert_eq!(trends_by(&e, &six, &[0], &Period::Doc).rows[0].hits.len(), MAX_SERIES);
    }
}
