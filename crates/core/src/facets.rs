//! Facets (outlet, kind, year, person, and the corpus's own metadata fields), filters over
//! them, and counts.
//!
//! Filters combine as AND across facets and OR within one. The count shown
//! beside a value is the number of documents that match the query and the
//! filters of every *other* facet and have that value, so a person always
//! sees what ticking one more value would add.

use crate::model::{Corpus, Document};
use std::collections::{BTreeMap, BTreeSet};

/// A metadata field a person can filter on.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub enum Facet {
    /// The publication or site.
    Outlet,
    /// Kind of text (news, analysis, …).
    Kind,
    /// Year of publication.
    Year,
    /// People mentioned in the text.
    Person,
    /// A further metadata field of the corpus (`Document::fields`), by name.
    Field(String),
}

impl Facet {
    /// The built-in facets, in display order.
    pub const ALL: [Facet; 4] = [Facet::Outlet, Facet::Kind, Facet::Year, Facet::Person];

    /// The URL parameter name and `data-facet` value.
    pub fn key(&self) -> &str {
        match self {
            Facet::Outlet => "outlet",
            Facet::Kind => "kind",
            Facet::Year => "year",
            Facet::Person => "person",
            Facet::Field(name) => name,
        }
    }

    /// The built-in facet whose URL parameter is `key`.
    pub fn from_key(key: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.key() == key)
    }

    /// A facet for a URL parameter: a built-in one, or a field facet when `key` could name a
    /// metadata field (letters, digits, `_` and `-`; not one of the app's own parameters).
    /// Whether the corpus has that field is checked later ([`Filters::retain_known`]).
    pub fn from_param(key: &str) -> Option<Facet> {
        Facet::from_key(key).or_else(|| is_field_name(key).then(|| Facet::Field(key.to_owned())))
    }

    /// The values a document has for this facet (none, one, or several for people).
    pub fn values(&self, doc: &Document) -> Vec<String> {
        match self {
            Facet::Outlet => doc.outlet.iter().cloned().collect(),
            Facet::Kind => vec![doc.kind.clone()],
            Facet::Year => doc.year().map(|y| y.to_string()).into_iter().collect(),
            Facet::Person => doc.people.clone(),
            Facet::Field(name) => doc.fields.get(name).filter(|v| !v.trim().is_empty()).cloned().into_iter().collect(),
        }
    }
}

/// True when `key` can name a metadata-field facet in a URL.
pub fn is_field_name(key: &str) -> bool {
    field_name_problem(key).is_none()
}

/// Longest metadata field name, in characters.
pub const MAX_FIELD_NAME_CHARS: usize = 40;

/// What is wrong with `key` as the name of a metadata field, if anything: the one rule for
/// names wherever they enter (corpus files at build, the URL). A name is 1–40 letters or
/// digits (any script), `_`, `-` or `.` (as in `checksum.type`), starting with a letter or a
/// digit, and not one of the explorer's own URL parameters (`q`, `doc`, `origins`, …), which
/// it would be taken for. (Corpus files keep a field of such a name under another one:
/// [`unreserved_field_name`].)
pub fn field_name_problem(key: &str) -> Option<String> {
    field_name_form_problem(key).or_else(|| {
        crate::view_state::params::is_reserved(key).then(|| {
            let shown: String = key.chars().flat_map(char::escape_debug).collect();
            format!("the field name '{shown}' is one of the explorer's own URL parameters; rename the field")
        })
    })
}

/// The name a metadata field called `key` is kept under: `key` itself, or, when it is one of
/// the explorer's own URL parameters (a column called `page`, `n` or `sort` is common), `key`
/// with `_` added until it is not (`page_`).
pub fn unreserved_field_name(key: &str) -> std::borrow::Cow<'_, str> {
    if !crate::view_state::params::is_reserved(key) {
        return key.into();
    }
    let mut name = format!("{key}_");
    while crate::view_state::params::is_reserved(&name) {
        name.push('_');
    }
    name.into()
}

/// What is wrong with the form of `key` as the name of a metadata field (see
/// [`field_name_problem`]), leaving aside whether it is one of the explorer's URL parameters.
pub fn field_name_form_problem(key: &str) -> Option<String> {
    let shown: String = key.chars().take(MAX_FIELD_NAME_CHARS).flat_map(char::escape_debug).collect();
    if key.is_empty() {
        Some("a field has no name".into())
    } else if key.chars().count() > MAX_FIELD_NAME_CHARS {
        Some(format!("the field name '{shown}…' is longer than {MAX_FIELD_NAME_CHARS} characters"))
    } else if !key.chars().next().is_some_and(char::is_alphanumeric)
        || !key.chars().all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
    {
        Some(format!(
            "the field name '{shown}' may hold only letters, digits, '_', '-' and '.', and start with a letter or digit"
        ))
    } else {
        None
    }
}

/// The values selected in each facet.
// Serialized as a list of (facet, values): a map keyed by `Facet::Field(name)` is not JSON.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(from = "Vec<(Facet, BTreeSet<String>)>", into = "Vec<(Facet, BTreeSet<String>)>")]
pub struct Filters {
    selected: BTreeMap<Facet, BTreeSet<String>>,
}

impl From<Vec<(Facet, BTreeSet<String>)>> for Filters {
    fn from(list: Vec<(Facet, BTreeSet<String>)>) -> Filters {
        Filters { selected: list.into_iter().collect() }
    }
}

impl From<Filters> for Vec<(Facet, BTreeSet<String>)> {
    fn from(f: Filters) -> Self {
        f.selected.into_iter().collect()
    }
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
    pub fn pairs(&self) -> impl Iterator<Item = (&Facet, &str)> {
        self.selected.iter().flat_map(|(f, s)| s.iter().map(move |v| (f, v.as_str())))
    }

    /// True when the document passes the filter of `facet` (a facet with nothing selected passes all).
    pub fn passes(&self, facet: &Facet, table: &FacetTable, doc: usize) -> bool {
        match self.selected.get(facet) {
            None => true,
            Some(sel) if sel.is_empty() => true,
            Some(sel) => table.doc_values(facet, doc).iter().any(|v| sel.contains(v)),
        }
    }

    /// True when the document passes every facet's filter.
    pub fn passes_all(&self, table: &FacetTable, doc: usize) -> bool {
        self.selected.keys().all(|f| self.passes(f, table, doc))
    }

    /// Drops facets the corpus does not have and values no document has, returning a message
    /// for each.
    pub fn retain_known(&mut self, known: &[(Facet, Vec<String>)]) -> Vec<String> {
        let values = |facet: &Facet| known.iter().find(|(f, _)| f == facet).map(|(_, v)| v.as_slice());
        let mut notes = Vec::new();
        let facets: Vec<Facet> = self.selected.keys().cloned().collect();
        for facet in facets {
            let Some(known_values) = values(&facet) else {
                notes.push(format!("Unknown URL parameter “{}” was ignored.", facet.key()));
                self.selected.remove(&facet);
                continue;
            };
            let unknown: Vec<String> = self
                .selected(facet.clone())
                .filter(|v| !known_values.iter().any(|k| k == v))
                .map(str::to_owned)
                .collect();
            for v in unknown {
                notes.push(format!("No document has {} “{}”; that filter was ignored.", facet.key(), v));
                self.remove(facet.clone(), &v);
            }
        }
        notes
    }
}

/// Every document's facet values, precomputed once per corpus.
#[derive(Debug, Clone, Default)]
pub struct FacetTable {
    facets: Vec<Facet>,
    per_doc: Vec<Vec<Vec<String>>>,
    /// The same values as positions in `values` (for counting without comparing strings).
    per_doc_ix: Vec<Vec<Vec<u32>>>,
    values: Vec<Vec<String>>,
}

impl FacetTable {
    /// Collects the facet values of every document: the built-in facets, then the metadata
    /// fields the corpus names as facets (`CorpusMeta::facets`). Values are listed in a stable
    /// order: alphabetical for outlet, kind and fields, newest first for year, list order for
    /// people.
    pub fn new(corpus: &Corpus) -> FacetTable {
        let mut facets: Vec<Facet> = Facet::ALL.to_vec();
        for name in &corpus.meta.facets {
            let f = Facet::Field(name.clone());
            if !facets.contains(&f) && Facet::from_key(name).is_none() {
                facets.push(f);
            }
        }
        let per_doc: Vec<Vec<Vec<String>>> =
            corpus.documents.iter().map(|d| facets.iter().map(|f| f.values(d)).collect()).collect();
        let values: Vec<Vec<String>> = facets
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let present: BTreeSet<&String> = per_doc.iter().flat_map(|v| v[i].iter()).collect();
                match f {
                    Facet::Person => corpus.people.iter().filter(|p| present.contains(p)).cloned().collect(),
                    Facet::Year => present.into_iter().rev().cloned().collect(),
                    _ => {
                        let mut v: Vec<String> = present.into_iter().cloned().collect();
                        crate::sort::sort_by_key(&mut v, |s| s.to_lowercase());
                        v
                    }
                }
            })
            .collect();
        let per_doc_ix = per_doc
            .iter()
            .map(|vals| {
                (0..facets.len())
                    .map(|i| {
                        vals[i].iter().filter_map(|v| values[i].iter().position(|k| k == v).map(|x| x as u32)).collect()
                    })
                    .collect()
            })
            .collect();
        FacetTable { facets, per_doc, per_doc_ix, values }
    }

    /// Every facet of this corpus with its values, in display order.
    pub fn known(&self) -> Vec<(Facet, Vec<String>)> {
        self.facets().iter().map(|f| (f.clone(), self.values(f).to_vec())).collect()
    }

    /// The facets of this corpus, in display order.
    pub fn facets(&self) -> &[Facet] {
        &self.facets
    }

    /// Position of a facet in [`FacetTable::facets`].
    pub fn index_of(&self, facet: &Facet) -> Option<usize> {
        self.facets.iter().position(|f| f == facet)
    }

    /// The values of `facet` that occur in the corpus, in display order.
    pub fn values(&self, facet: &Facet) -> &[String] {
        self.index_of(facet).map_or(&[], |i| &self.values[i])
    }

    /// The values document `doc` has for `facet`.
    pub fn doc_values(&self, facet: &Facet, doc: usize) -> &[String] {
        match self.index_of(facet) {
            Some(i) => &self.per_doc[doc][i],
            None => &[],
        }
    }

    /// Counts per facet value over `matching` documents (those that match the query),
    /// each facet counted under the filters of the other facets.
    pub fn counts(&self, matching: &[usize], filters: &Filters) -> Vec<FacetCounts> {
        let mut counts: Vec<Vec<usize>> = self.values.iter().map(|v| vec![0; v.len()]).collect();
        let unfiltered = filters.is_empty();
        for &doc in matching {
            let mut failing = 0;
            let mut failed = 0;
            if !unfiltered {
                for (i, f) in self.facets.iter().enumerate() {
                    if !filters.passes(f, self, doc) {
                        failing += 1;
                        failed = i;
                    }
                }
            }
            for (i, facet_counts) in counts.iter_mut().enumerate() {
                let counted = match failing {
                    0 => true,
                    1 => i == failed,
                    _ => false,
                };
                if counted {
                    for &x in &self.per_doc_ix[doc][i] {
                        facet_counts[x as usize] += 1;
                    }
                }
            }
        }
        self.facets
            .iter()
            .enumerate()
            .map(|(i, f)| FacetCounts {
                facet: f.clone(),
                values: self.values[i].iter().cloned().zip(counts[i].iter().copied()).collect(),
            })
            .collect()
    }
}

/// The counts of one facet's values for the current query and filters.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FacetCounts {
    /// Which facet.
    pub facet: Facet,
    /// Every value of the facet in display order, with its count (zero included).
    pub values: Vec<(String, usize)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names_follow_one_rule() {
        for good in ["party", "Party", "region-2", "checksum.type", "автор", "région", "a_b", "9lives"] {
            assert_eq!(field_name_problem(good), None, "{good}");
        }
        for bad in [
            "",
            "x\"><script>alert(1)</script><i y",
            "a&b=c",
            "a b",
            "#x",
            ".hidden",
            "-x",
            "q",
            "origins",
            "doc",
            "embed",
            "outlet",
            "title",
            &"x".repeat(41),
        ] {
            assert!(field_name_problem(bad).is_some(), "{bad}");
            assert!(!is_field_name(bad), "{bad}");
        }
        assert_eq!(
            field_name_problem("origins").unwrap(),
            "the field name 'origins' is one of the explorer's own URL parameters; rename the field"
        );
    }

    #[test]
    fn a_field_named_like_a_url_parameter_is_kept_under_a_name_that_is_not() {
        for key in ["page", "n", "sort", "view", "q", "doc", "by", "corpus", "person"] {
            assert!(field_name_problem(key).is_some(), "{key}");
            assert_eq!(field_name_form_problem(key), None, "{key}");
            let kept = unreserved_field_name(key);
            assert_eq!(kept, format!("{key}_"));
            assert_eq!(field_name_problem(&kept), None, "{kept}");
        }
        assert_eq!(unreserved_field_name("party"), "party");
        assert_eq!(unreserved_field_name("Page"), "Page");
    }
    use crate::model::Document;

    fn doc(id: &str, outlet: &str, kind: &str, year: &str, people: &[&str]) -> Document {
        Document {
            outlet: Some(outlet.into()),
            date: Some(crate::PartialDate::parse(year).unwrap()),
            kind: kind.into(),
            people: people.iter().map(|s| s.to_string()).collect(),
            ..Document::new(id, id, vec!["text".into()])
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

    /// Filters with each (facet, value) selected.
    fn filters(picks: &[(Facet, &str)]) -> Filters {
        let mut f = Filters::default();
        for (facet, value) in picks {
            f.add(facet.clone(), *value);
        }
        f
    }

    fn count(c: &[FacetCounts], f: Facet, v: &str) -> usize {
        c.iter().find(|x| x.facet == f).unwrap().values.iter().find(|(k, _)| k == v).unwrap().1
    }

    #[test]
    fn values_in_stable_order() {
        let t = FacetTable::new(&corpus());
        assert_eq!(t.values(&Facet::Outlet), ["Blog", "RT"]);
        assert_eq!(t.values(&Facet::Year), ["2025", "2022", "2021"]);
        assert_eq!(t.values(&Facet::Person), ["Stalin", "Lenin"]);
    }

    #[test]
    fn and_across_or_within() {
        let t = FacetTable::new(&corpus());
        let f = filters(&[(Facet::Outlet, "RT"), (Facet::Outlet, "Blog"), (Facet::Kind, "news")]);
        let pass: Vec<usize> = (0..3).filter(|d| f.passes_all(&t, *d)).collect();
        assert_eq!(pass, [0, 2]);
    }

    #[test]
    fn counts_use_other_facets_filters() {
        let t = FacetTable::new(&corpus());
        let c = t.counts(&[0, 1, 2], &filters(&[(Facet::Outlet, "RT")]));
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
        let mut f = filters(&[(Facet::Year, "abc"), (Facet::Year, "2022")]);
        let notes = f.retain_known(&t.known());
        assert_eq!(notes.len(), 1);
        assert!(notes[0].contains("abc"));
        assert!(f.is_selected(Facet::Year, "2022") && !f.is_selected(Facet::Year, "abc"));
    }

    #[test]
    fn metadata_fields_become_facets() {
        let mut c = corpus();
        c.meta.facets = vec!["party".into()];
        c.documents[0].fields.insert("party".into(), "Whig".into());
        c.documents[1].fields.insert("party".into(), "Tory".into());
        let t = FacetTable::new(&c);
        let party = Facet::Field("party".into());
        assert_eq!(t.facets().last(), Some(&party));
        assert_eq!(t.values(&party), ["Tory", "Whig"]);
        let f = filters(&[(party, "Whig")]);
        assert_eq!((0..3).filter(|d| f.passes_all(&t, *d)).collect::<Vec<_>>(), [0]);
        assert_eq!(count(&t.counts(&[0, 1, 2], &f), Facet::Outlet, "RT"), 1);
    }

    #[test]
    fn url_keys_for_fields() {
        assert_eq!(Facet::from_param("outlet"), Some(Facet::Outlet));
        assert_eq!(Facet::from_param("party"), Some(Facet::Field("party".into())));
        for bad in ["q", "sort", "", "a b", "<x>", &"x".repeat(50)] {
            assert_eq!(Facet::from_param(bad), None, "{bad}");
        }
        // A field the corpus does not have is dropped with the usual message.
        let t = FacetTable::new(&corpus());
        let mut f = filters(&[(Facet::Field("foo".into()), "bar")]);
        let notes = f.retain_known(&t.known());
        assert_eq!(notes, ["Unknown URL parameter “foo” was ignored."]);
        assert!(f.is_empty());
    }
}
