//! The corpus model: what the preprocessor writes and the app reads.

use crate::date::PartialDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A whole preprocessed corpus, as embedded in the app as JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Corpus {
    /// Content hash of the corpus, so that views and exports can name the version they come from.
    pub version: String,
    /// The names of the people looked for in the documents (the person facet's values), in list order.
    #[serde(default)]
    pub people: Vec<String>,
    /// What the corpus says about itself (from `corpus.toml`).
    #[serde(default)]
    pub meta: CorpusMeta,
    /// The documents, in a stable order (by id).
    pub documents: Vec<Document>,
}

/// One cleaned document with its metadata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable identifier (the file name without its extension); used in URLs.
    pub id: String,
    /// Clean title.
    pub title: String,
    /// Publication or site, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// Publication date to the precision known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// How the date is shown when the known date is vague (e.g. "late 2022").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_note: Option<String>,
    /// Author, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Kind of text: news, analysis, blog, podcast transcript, ….
    pub kind: String,
    /// Address of the original, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// People from the corpus's list who are mentioned in the text.
    #[serde(default)]
    pub people: Vec<String>,
    /// The cleaned text, one string per paragraph.
    pub paragraphs: Vec<String>,
    /// Number of word tokens in the paragraphs.
    pub word_count: usize,
    /// Further metadata (front matter, JSON fields, CSV columns, sidecar keys), by field name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, String>,
}

/// Corpus-level settings and description (the corpus folder's `corpus.toml`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct CorpusMeta {
    /// The corpus's title, shown in the page header.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// A sentence or two about the corpus.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Languages of the texts (e.g. `en`, `ru`), as declared.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    /// Extra stopwords (folded) beside the English and Russian lists.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stopwords: Vec<String>,
    /// Metadata fields (keys of [`Document::fields`]) offered as facets, in display order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facets: Vec<String>,
}

impl Document {
    /// A document with an id, a title and paragraphs, its word count computed, kind
    /// `article` and no other metadata (set the rest with struct update syntax).
    pub fn new(id: impl Into<String>, title: impl Into<String>, paragraphs: Vec<String>) -> Document {
        let word_count = paragraphs.iter().map(|p| crate::tokenize::count_words(p)).sum();
        Document {
            id: id.into(),
            title: title.into(),
            outlet: None,
            date: None,
            date_note: None,
            author: None,
            kind: "article".into(),
            url: None,
            people: Vec::new(),
            paragraphs,
            word_count,
            fields: BTreeMap::new(),
        }
    }

    /// The date as shown to a person: the note when there is one, else the date's label.
    pub fn date_label(&self) -> Option<String> {
        self.date_note.clone().or_else(|| self.date.map(|d| d.label()))
    }

    /// The year, for the year facet.
    pub fn year(&self) -> Option<u16> {
        self.date.map(|d| d.year)
    }
}

/// The first line of a corpus in JSON Lines form: everything but the documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct CorpusHeader {
    /// See [`Corpus::version`].
    pub version: String,
    /// See [`Corpus::people`].
    #[serde(default)]
    pub people: Vec<String>,
    /// See [`Corpus::meta`].
    #[serde(default)]
    pub meta: CorpusMeta,
    /// Number of documents that follow, one per line (for progress).
    pub documents: usize,
}

impl CorpusHeader {
    /// Reads the header line of a corpus in JSON Lines form.
    pub fn parse(line: &str) -> Result<CorpusHeader, String> {
        serde_json::from_str(line).map_err(|e| format!("the corpus file's first line is not a corpus header: {e}"))
    }

    /// The corpus this header starts, with these documents.
    pub fn into_corpus(self, documents: Vec<Document>) -> Corpus {
        Corpus { version: self.version, people: self.people, meta: self.meta, documents }
    }
}

/// Reads one document line of a corpus in JSON Lines form (`line` counts from 1, for messages).
pub fn parse_document_line(text: &str, line: usize) -> Result<Document, String> {
    serde_json::from_str(text).map_err(|e| format!("line {line} of the corpus file is not a document: {e}"))
}

impl Corpus {
    /// The corpus as JSON Lines: a [`CorpusHeader`] line, then one document per line, so that
    /// a page can read and index it a slice at a time.
    pub fn to_jsonl(&self) -> String {
        let mut out = self.jsonl_header();
        for d in &self.documents {
            out.push('\n');
            out.push_str(&serde_json::to_string(d).unwrap_or_default());
        }
        out.push('\n');
        out
    }

    /// The first line of [`Corpus::to_jsonl`], without its line end: a [`CorpusHeader`].
    pub fn jsonl_header(&self) -> String {
        let header = CorpusHeader {
            version: self.version.clone(),
            people: self.people.clone(),
            meta: self.meta.clone(),
            documents: self.documents.len(),
        };
        serde_json::to_string(&header).unwrap_or_default()
    }

    /// A corpus of these documents, with no people list or settings.
    pub fn new(version: impl Into<String>, documents: Vec<Document>) -> Corpus {
        Corpus { version: version.into(), people: Vec::new(), meta: CorpusMeta::default(), documents }
    }

    /// Reads a corpus in the preprocessor's JSON form (`explorer-preprocess --out x.json`, which
    /// the benchmarks read), with a message fit to show a person on failure.
    pub fn from_json(json: &str) -> Result<Corpus, String> {
        serde_json::from_str(json).map_err(|e| format!("the corpus JSON could not be read: {e}"))
    }

    /// Index of the document with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.documents.iter().position(|d| d.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_lines_round_trip() {
        let mut c =
            Corpus::new("v9", vec![Document::new("a", "A", vec!["one two".into()]), Document::new("b", "B", vec![])]);
        c.people = vec!["Stalin".into()];
        c.meta.title = Some("T".into());
        let text = c.to_jsonl();
        assert_eq!(text.lines().count(), 3);
        assert_eq!(CorpusHeader::parse(text.lines().next().unwrap()).unwrap().documents, 2);
        assert_eq!(Corpus::from_jsonl(&text).unwrap(), c);
    }

    #[test]
    fn bad_json_lines_say_where() {
        assert_eq!(Corpus::from_jsonl("").unwrap_err(), "the corpus file is empty");
        assert!(Corpus::from_jsonl("[1]")
            .unwrap_err()
            .starts_with("the corpus file's first line is not a corpus header"));
        let e = Corpus::from_jsonl("{\"version\":\"v\",\"documents\":1}\n{\"id\":1}").unwrap_err();
        assert!(e.starts_with("line 2 of the corpus file is not a document"), "{e}");
    }
}
