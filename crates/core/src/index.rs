//! The inverted index: folded word forms, their stems, and per-document term counts.
//!
//! Every distinct folded word of the corpus (its *term*) has a posting list of
//! the documents it occurs in, with its count in the title and in the body.
//! Terms are kept sorted, so the terms a prefix begins are one range, and are
//! grouped by stem, so that `restorations` finds `restoration`.

use crate::model::Corpus;
use crate::query::QueryTerm;
use crate::stem::Stemmers;
use crate::tokenize::for_each_word;
use std::collections::HashMap;

/// The fields a document is searched in.
pub const FIELDS: usize = 2;
/// Field number of the title.
pub const TITLE: usize = 0;
/// Field number of the body (all paragraphs).
pub const BODY: usize = 1;

/// A prefix expands to at most this many terms (the ones in most documents).
pub const MAX_PREFIX_TERMS: usize = 100;
/// Weight of a term that a prefix begins but whose stem differs from the typed word's.
pub const PREFIX_WEIGHT: f32 = 0.5;

/// One document's occurrences of one term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    /// Document number (position in the corpus).
    pub doc: u32,
    /// Occurrences in each field (title, body).
    pub tf: [u32; FIELDS],
}

/// An inverted index over a corpus.
pub struct Index {
    terms: Vec<String>,
    postings: Vec<Vec<Posting>>,
    by_stem: HashMap<String, Vec<u32>>,
    field_len: Vec<[u32; FIELDS]>,
    avg_len: [f32; FIELDS],
    stemmers: Stemmers,
}

/// A term a query word matches, with the weight its occurrences count for.
#[derive(Debug, Clone, PartialEq)]
pub struct Expansion {
    /// Term number in the index.
    pub term: u32,
    /// 1 for the word itself or a word of the same stem, less for other completions of a prefix.
    pub weight: f32,
}

impl Index {
    /// Indexes the title and paragraphs of every document.
    pub fn build(corpus: &Corpus) -> Index {
        let stemmers = Stemmers::default();
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut postings: Vec<Vec<Posting>> = Vec::new();
        let mut field_len = Vec::with_capacity(corpus.documents.len());
        let mut local: HashMap<u32, [u32; FIELDS]> = HashMap::new();
        for (d, doc) in corpus.documents.iter().enumerate() {
            local.clear();
            let mut lens = [0u32; FIELDS];
            let title = std::iter::once((TITLE, doc.title.as_str()));
            let body = doc.paragraphs.iter().map(|p| (BODY, p.as_str()));
            for (field, text) in title.chain(body) {
                for_each_word(text, |_, folded| {
                    let id = match ids.get(folded) {
                        Some(&id) => id,
                        None => {
                            let id = postings.len() as u32;
                            ids.insert(folded.to_owned(), id);
                            postings.push(Vec::new());
                            id
                        }
                    };
                    local.entry(id).or_default()[field] += 1;
                    lens[field] += 1;
                });
            }
            for (&id, &tf) in &local {
                postings[id as usize].push(Posting { doc: d as u32, tf });
            }
            field_len.push(lens);
        }
        // Sort terms so that a prefix's completions are one range; renumber postings to match.
        let mut order: Vec<(String, u32)> = ids.into_iter().collect();
        order.sort_unstable();
        let mut sorted_postings = Vec::with_capacity(order.len());
        let mut terms = Vec::with_capacity(order.len());
        let mut by_stem: HashMap<String, Vec<u32>> = HashMap::new();
        for (new_id, (term, old)) in order.into_iter().enumerate() {
            let mut list = std::mem::take(&mut postings[old as usize]);
            list.sort_unstable_by_key(|p| p.doc);
            sorted_postings.push(list);
            by_stem.entry(stemmers.stem(&term).into_owned()).or_default().push(new_id as u32);
            terms.push(term);
        }
        let n = field_len.len().max(1) as f32;
        let mut avg_len = [0f32; FIELDS];
        for (f, avg) in avg_len.iter_mut().enumerate() {
            *avg = (field_len.iter().map(|l| l[f] as f32).sum::<f32>() / n).max(1.0);
        }
        Index { terms, postings: sorted_postings, by_stem, field_len, avg_len, stemmers }
    }

    /// Number of documents indexed.
    pub fn doc_count(&self) -> usize {
        self.field_len.len()
    }

    /// Number of distinct terms.
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    /// The folded text of a term.
    pub fn term(&self, id: u32) -> &str {
        &self.terms[id as usize]
    }

    /// The documents a term occurs in, by document number.
    pub fn postings(&self, id: u32) -> &[Posting] {
        &self.postings[id as usize]
    }

    /// Length in words of each field of a document.
    pub fn field_len(&self, doc: usize) -> [u32; FIELDS] {
        self.field_len[doc]
    }

    /// Average length in words of each field.
    pub fn avg_len(&self) -> [f32; FIELDS] {
        self.avg_len
    }

    /// The stemmers the index was built with (queries must use the same).
    pub fn stemmers(&self) -> &Stemmers {
        &self.stemmers
    }

    /// Term number of an exact folded word.
    pub fn lookup(&self, folded: &str) -> Option<u32> {
        self.terms.binary_search_by(|t| t.as_str().cmp(folded)).ok().map(|i| i as u32)
    }

    /// The terms a query word matches.
    ///
    /// A complete word matches the terms of its stem (weight 1). A word still being
    /// typed (a prefix) matches the terms it begins, at most [`MAX_PREFIX_TERMS`] of
    /// them (those in most documents); when it is itself a word of the corpus it also
    /// matches its stem's terms at weight 1 and other completions count
    /// [`PREFIX_WEIGHT`], so `union` ranks `unions` above `unionists`. A partial word
    /// is not stemmed: `restorati` finds `restoration`, not `restored`; only when nothing
    /// begins with it is it matched by its stem (`сталина` finds `сталин`).
    pub fn expand(&self, word: &QueryTerm) -> Vec<Expansion> {
        let exact = self.lookup(&word.text);
        let mut out: Vec<Expansion> = Vec::new();
        if !word.prefix || exact.is_some() {
            let stem = self.stemmers.stem(&word.text);
            out.extend(
                self.by_stem.get(stem.as_ref()).into_iter().flatten().map(|&term| Expansion { term, weight: 1.0 }),
            );
            if let Some(exact) = exact {
                if !out.iter().any(|e| e.term == exact) {
                    out.push(Expansion { term: exact, weight: 1.0 });
                }
            }
        }
        if word.prefix && !word.text.is_empty() {
            let start = self.terms.partition_point(|t| t.as_str() < word.text.as_str());
            let mut completions: Vec<u32> = self.terms[start..]
                .iter()
                .take_while(|t| t.starts_with(word.text.as_str()))
                .enumerate()
                .map(|(i, _)| (start + i) as u32)
                .filter(|id| !out.iter().any(|e| e.term == *id))
                .collect();
            if completions.len() > MAX_PREFIX_TERMS {
                completions.sort_by_key(|id| std::cmp::Reverse(self.postings[*id as usize].len()));
                completions.truncate(MAX_PREFIX_TERMS);
            }
            let weight = if out.is_empty() { 1.0 } else { PREFIX_WEIGHT };
            out.extend(completions.into_iter().map(|term| Expansion { term, weight }));
            if out.is_empty() {
                // Nothing begins with the word: it may be a complete inflected form (`сталина`).
                return self.expand(&QueryTerm { text: word.text.clone(), prefix: false });
            }
        }
        out.sort_by_key(|e| e.term);
        out
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::Document;

    pub(crate) fn tiny(docs: &[(&str, &str)]) -> Corpus {
        Corpus {
            version: "test".into(),
            people: vec![],
            documents: docs
                .iter()
                .enumerate()
                .map(|(i, (title, body))| Document {
                    id: format!("d{i}"),
                    title: title.to_string(),
                    outlet: None,
                    date: None,
                    date_note: None,
                    author: None,
                    kind: "news".into(),
                    url: None,
                    people: vec![],
                    paragraphs: body.split('\n').map(str::to_owned).collect(),
                    word_count: crate::tokenize::count_words(body),
                })
                .collect(),
        }
    }

    fn word(text: &str, prefix: bool) -> QueryTerm {
        QueryTerm { text: text.into(), prefix }
    }

    #[test]
    fn counts_per_field_and_lengths() {
        let idx = Index::build(&tiny(&[("Stalin", "Stalin and Lenin. Stalin!"), ("Lenin", "Trotsky")]));
        let stalin = idx.lookup("stalin").unwrap();
        assert_eq!(idx.postings(stalin), [Posting { doc: 0, tf: [1, 2] }]);
        assert_eq!(idx.field_len(0), [1, 4]);
        assert_eq!(idx.avg_len(), [1.0, 2.5]);
    }

    #[test]
    fn stems_group_word_forms() {
        let idx = Index::build(&tiny(&[("", "restoration restorations restless")]));
        let e = idx.expand(&word("restorations", false));
        let names: Vec<&str> = e.iter().map(|e| idx.term(e.term)).collect();
        assert_eq!(names, ["restoration", "restorations"]);
    }

    #[test]
    fn prefix_survives_stemming() {
        // "restorati" stems to something no corpus word has; the prefix still finds them.
        let idx = Index::build(&tiny(&[("", "restoration of the union"), ("", "restore")]));
        let e = idx.expand(&word("restorati", true));
        assert_eq!(e.len(), 1);
        assert_eq!(idx.term(e[0].term), "restoration");
        assert_eq!(e[0].weight, 1.0);
        assert!(idx.expand(&word("restorati", false)).is_empty());
    }

    #[test]
    fn a_typed_word_ranks_its_stem_above_other_completions() {
        let idx = Index::build(&tiny(&[("", "union unions unionists")]));
        let e = idx.expand(&word("union", true));
        let got: Vec<(&str, f32)> = e.iter().map(|e| (idx.term(e.term), e.weight)).collect();
        assert_eq!(got, [("union", 1.0), ("unionists", PREFIX_WEIGHT), ("unions", 1.0)]);
    }

    #[test]
    fn prefix_expansion_is_capped() {
        let body: String = (0..300).map(|i| format!("abc{i} ")).collect();
        let idx = Index::build(&tiny(&[("", &body)]));
        assert_eq!(idx.expand(&word("abc", true)).len(), MAX_PREFIX_TERMS);
    }
}
