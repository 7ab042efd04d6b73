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

impl Corpus {
    /// A corpus of these documents, with no people list or settings.
    pub fn new(version: impl Into<String>, documents: Vec<Document>) -> Corpus {
        Corpus { version: version.into(), people: Vec::new(), meta: CorpusMeta::default(), documents }
    }

    /// Parses the embedded JSON, with a message fit to show a person on failure.
    pub fn from_json(json: &str) -> Result<Corpus, String> {
        serde_json::from_str(json).map_err(|e| format!("the embedded corpus could not be read: {e}"))
    }

    /// Index of the document with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.documents.iter().position(|d| d.id == id)
    }
}
