//! Facets (outlet, kind, year, person), filters over them, and counts.
//!
//! Filters combine as AND across facets and OR within one. The count shown
//! beside a value is the number of documents that match the query and the
//! filters of every *other* facet and have that value, so a person always
//! sees what ticking one more value would add.

use crate::model::{Corpus, Document};
use std::collections::{BTreeMap, BTreeSet};

/// A metadata field a person can filter on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Facet {
    /// The publication or site.
    Outlet,
    /// Kind of text (news, analysis, …).
    Kind,
    /// Year of publication.
    Year,
    /// People mentioned in the text.
    Person,
}

impl Facet {
    /// All facets, in display order.
    pub const ALL: [Facet; 4] = [Facet::Outlet, Facet::Kind, Facet::Year, Facet::Person];

    /// The URL parameter name and `data-facet` value.
    pub fn key(self) -> &'static str {
        match self {
            Facet::Outlet => "outlet",
            Facet::Kind => "kind",
            Facet::Year => "year",
            Facet::Person => "person",
        }
    }

    /// The heading shown above the facet's values.
    pub fn label(self) -> &'static str {
        match self {
            Facet::Outlet => "Outlet",
            Facet::Kind => "Kind",
            Facet::Year => "Year",
            Facet::Person => "People mentioned",
        }
    }

    /// The facet whose URL parameter is `key`.
    pub fn from_key(key: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.key() == key)
    }

    /// The values a document has for this facet (none, one, or several for people).
    pub fn values(self, doc: &Document) -> Vec<String> {
        match self {
            Facet::Outlet => doc.outlet.iter().cloned().collect(),
            Facet::Kind => vec![doc.kind.clone()],
            Facet::Year => doc.year().map(|y| y.to_string()).into_iter().collect(),
            Facet::Person => doc.people.clone(),
        }
    }
}

/// The values selected in each facet.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filters {
    selected: BTreeMap<Facet, BTreeSet<String>>,
}

impl Filters {
    /// True when no value is selected in any facet.
    pub fn is_empty(&self) -> bool {
        self.selected.values().all(|s| s.is_empty())
    }

    /// The values selected in `facet`.
    pub fn selected(&self, facet: Facet) -> impl Iterator<Item = &str> {
        self.selected.get(&facet).into_iter().flat_map(|s| s.iter().map(String::as_str))
    }

    /// True when `value` is selected in `facet`.
    pub fn is_selected(&self, facet: Facet, value: &str) -> bool {
        self.selected.get(&facet).is_some_and(|s| s.contains(value))
    }

    /// Selects `value` in `facet`.
    pub fn add(&mut self, facet: Facet, value: impl Into<String>) {
        self.selected.entry(facet).or_default().insert(value.into());
    }

    /// Deselects `value` in `facet`.
    pub fn remove(&mut self, facet: Facet, value: &str) {
        if let Some(s) = self.selected.get_mut(&facet) {
            s.remove(value);
            if s.is_empty() {
                self.selected.remove(&facet);
            }
        }
    }

    /// Selects or deselects `value` in `facet`.
    pub fn set(&mut self, facet: Facet, value: &str, on: bool) {
        if on {
            self.add(facet, value)
        } else {
            self.remove(facet, value)
        }
    }

    /// Every (facet, value) pair selected, in facet order.
    pub fn pairs(&self) -> impl Iterator<Item = (Facet, &str)> {
        self.selected.iter().flat_map(|(f, s)| s.iter().map(move |v| (*f, v.as_str())))
    }

    /// True when the document passes the filter of `facet` (a facet with nothing selected passes all).
    pub fn passes(&self, facet: Facet, table: &FacetTable, doc: usize) -> bool {
        match self.selected.get(&facet) {
            None => true,
            Some(sel) if sel.is_empty() => true,
            Some(sel) => table.doc_values(facet, doc).iter().any(|v| sel.contains(v)),
        }
    }

    /// True when the document passes every facet's filter.
    pub fn passes_all(&self, table: &FacetTable, doc: usize) -> bool {
        Facet::ALL.into_iter().all(|f| self.passes(f, table, doc))
    }

    /// Drops selected values that no document has, returning a message for each.
    pub fn retain_known(&mut self, table: &FacetTable) -> Vec<String> {
        let mut notes = Vec::new();
        for facet in Facet::ALL {
            let unknown: Vec<String> = self
                .selected(facet)
                .filter(|v| !table.values(facet).iter().any(|k| k == v))
                .map(str::to_owned)
                .collect();
            for v in unknown {
                notes.push(format!("No document has {} “{}”; that filter was ignored.", facet.key(), v));
                self.remove(facet, &v);
            }
        }
        notes
    }
}

/// Every document's facet values, precomputed once per corpus.
#[derive(Debug, Clone, Default)]
pub struct FacetTable {
    per_doc: Vec<[Vec<String>; 4]>,
    /// The same values as positions in `values` (for counting without comparing strings).
    per_doc_ix: Vec<[Vec<u32>; 4]>,
    values: [Vec<String>; 4],
}

impl FacetTable {
    /// Collects the facet values of every document. Values are listed in a stable order:
    /// alphabetical for outlet and kind, newest first for year, list order for people.
    pub fn new(corpus: &Corpus) -> FacetTable {
        let per_doc: Vec<[Vec<String>; 4]> = corpus.documents.iter().map(|d| Facet::ALL.map(|f| f.values(d))).collect();
        let values = Facet::ALL.map(|f| {
            let present: BTreeSet<&String> = per_doc.iter().flat_map(|v| v[f as usize].iter()).collect();
            match f {
                Facet::Person => corpus.people.iter().filter(|p| present.contains(p)).cloned().collect(),
                Facet::Year => present.into_iter().rev().cloned().collect(),
                _ => {
                    let mut v: Vec<String> = present.into_iter().cloned().collect();
                    v.sort_by_key(|s| s.to_lowercase());
                    v
                }
            }
        });
        let per_doc_ix = per_doc
            .iter()
            .map(|vals| {
                Facet::ALL.map(|f| {
                    vals[f as usize]
                        .iter()
                        .filter_map(|v| values[f as usize].iter().position(|k| k == v).map(|i| i as u32))
                        .collect()
                })
            })
            .collect();
        FacetTable { per_doc, per_doc_ix, values }
    }

    /// The values of `facet` that occur in the corpus, in display order.
    pub fn values(&self, facet: Facet) -> &[String] {
        &self.values[facet as usize]
    }

    /// The values document `doc` has for `facet`.
    pub fn doc_values(&self, facet: Facet, doc: usize) -> &[String] {
        &self.per_doc[doc][facet as usize]
    }

    /// Counts per facet value over `matching` documents (those that match the query),
    /// each facet counted under the filters of the other facets.
    pub fn counts(&self, matching: &[usize], filters: &Filters) -> Vec<FacetCounts> {
        let mut counts: Vec<Vec<usize>> = Facet::ALL.iter().map(|f| vec![0; self.values(*f).len()]).collect();
        let unfiltered = filters.is_empty();
        for &doc in matching {
            let mut failing = 0;
            let mut failed = Facet::Outlet;
            if !unfiltered {
                for f in Facet::ALL {
                    if !filters.passes(f, self, doc) {
                        failing += 1;
                        failed = f;
                    }
                }
            }
            for f in Facet::ALL {
                let counted = match failing {
                    0 => true,
                    1 => f == failed,
                    _ => false,
                };
                if counted {
                    for &i in &self.per_doc_ix[doc][f as usize] {
                        counts[f as usize][i as usize] += 1;
                    }
                }
            }
        }
        Facet::ALL
            .into_iter()
            .map(|f| FacetCounts {
                facet: f,
                values: self.values(f).iter().cloned().zip(counts[f as usize].iter().copied()).collect(),
            })
            .collect()
    }
}

/// The counts of one facet's values for the current query and filters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCounts {
    /// Which facet.
    pub facet: Facet,
    /// Every value of the facet in display order, with its count (zero included).
    pub values: Vec<(String, usize)>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;

    fn doc(id: &str, outlet: &str, kind: &str, year: &str, people: &[&str]) -> Document {
        Document {
            id: id.into(),
            title: id.into(),
            outlet: Some(outlet.into()),
            date: Some(crate::PartialDate::parse(year).unwrap()),
            date_note: None,
            author: None,
            kind: kind.into(),
            url: None,
            people: people.iter().map(|s| s.to_string()).collect(),
            paragraphs: vec!["text".into()],
            word_count: 1,
            fields: Default::default(),
        }
    }

    fn corpus() -> Corpus {
        Corpus {
            version: "t".into(),
            people: vec!["Stalin".into(), "Lenin".into(), "Marx".into()],
            meta: Default::default(),
            documents: vec![
                doc("a", "RT", "news", "2025", &["Stalin"]),
                doc("b", "RT", "analysis", "2022", &["Lenin", "Stalin"]),
                doc("c", "Blog", "news", "2021", &[]),
            ],
        }
    }

    fn count(c: &[FacetCounts], f: Facet, v: &str) -> usize {
        c[f as usize].values.iter().find(|(k, _)| k == v).unwrap().1
    }

    #[test]
    fn values_in_stable_order() {
        let t = FacetTable::new(&corpus());
        assert_eq!(t.values(Facet::Outlet), ["Blog", "RT"]);
        assert_eq!(t.values(Facet::Year), ["2025", "2022", "2021"]);
        assert_eq!(t.values(Facet::Person), ["Stalin", "Lenin"]);
    }

    #[test]
    fn and_across_or_within() {
        let t = FacetTable::new(&corpus());
        let mut f = Filters::default();
        f.add(Facet::Outlet, "RT");
        f.add(Facet::Outlet, "Blog");
        f.add(Facet::Kind, "news");
        let pass: Vec<usize> = (0..3).filter(|d| f.passes_all(&t, *d)).collect();
        assert_eq!(pass, [0, 2]);
    }

    #[test]
    fn counts_use_other_facets_filters() {
        let t = FacetTable::new(&corpus());
        let mut f = Filters::default();
        f.add(Facet::Outlet, "RT");
        let c = t.counts(&[0, 1, 2], &f);
        // The outlet facet ignores its own filter, so Blog still shows what ticking it would add.
        assert_eq!(count(&c, Facet::Outlet, "Blog"), 1);
        assert_eq!(count(&c, Facet::Outlet, "RT"), 2);
        // Other facets count only RT documents.
        assert_eq!(count(&c, Facet::Kind, "news"), 1);
        assert_eq!(count(&c, Facet::Person, "Stalin"), 2);
        // Only the documents that match the query count.
        let c = t.counts(&[2], &Filters::default());
        assert_eq!(count(&c, Facet::Outlet, "RT"), 0);
    }

    #[test]
    fn unknown_values_are_dropped_with_a_note() {
        let t = FacetTable::new(&corpus());
        let mut f = Filters::default();
        f.add(Facet::Year, "abc");
        f.add(Facet::Year, "2022");
        let notes = f.retain_known(&t);
        assert_eq!(notes.len(), 1);
        assert!(notes[0].contains("abc"));
        assert!(f.is_selected(Facet::Year, "2022") && !f.is_selected(Facet::Year, "abc"));
    }
}
