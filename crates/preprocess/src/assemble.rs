//! What is done once every file is read, by the build and the page alike: the checks across
//! documents, the choice of facets, and the corpus with its version.

use crate::error::CorpusError;
use crate::settings::Settings;
use crate::setup::Setup;
use crate::{sidecar, Fnv1a64, Found, Loaded, AUTO_FACET_MAX_VALUES, BUILT_IN_FACETS, NEAR_EMPTY_WORDS};
use explorer_core::model::CorpusMeta;
use explorer_core::{Corpus, Document};
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::Path;

/// Ends reading a corpus: the checks across documents ([`check_documents`], each document
/// named by `place`), the people looked for, and the facets ([`choose_facets`]).
pub(crate) fn finish(loaded: &mut Loaded, setup: Setup, place: fn(&Found) -> String) {
    rename_reserved_fields(loaded);
    check_documents(loaded, place);
    loaded.people = setup.people.into_iter().map(|p| p.label).collect();
    choose_facets(loaded, &setup.settings_path, setup.settings);
}

/// Keeps each field named like one of the explorer's URL parameters (a column `page`, `n` or
/// `sort`: the page would take it for its own) under a name that is not
/// (`explorer_core::facets::unreserved_field_name`: `page_`), with a warning once per file and
/// field.
pub(crate) fn rename_reserved_fields(loaded: &mut Loaded) {
    let mut said: HashSet<(std::path::PathBuf, String)> = HashSet::new();
    for f in &mut loaded.found {
        let fields = &mut f.document.fields;
        let reserved: Vec<String> =
            fields.keys().filter(|k| explorer_core::view_state::params::is_reserved(k)).cloned().collect();
        for key in reserved {
            let Some(value) = fields.remove(&key) else { continue };
            let mut name = explorer_core::facets::unreserved_field_name(&key).into_owned();
            while fields.contains_key(&name) {
                name.push('_');
            }
            fields.insert(name.clone(), value);
            if said.insert((f.path.clone(), key.clone())) {
                let msg = format!(
                    "the field '{key}' has the name of one of the explorer's own URL parameters; it is kept as '{name}'"
                );
                loaded.warnings.push(match f.line {
                    Some(l) => CorpusError::at_line(&f.path, l, msg),
                    None => CorpusError::new(&f.path, msg),
                });
            }
        }
    }
}

/// Checks across documents: ids unique (an error); repeated texts, near-empty documents and
/// field names that look like misspelt known keys (warnings). `place` says where a document is.
pub(crate) fn check_documents(loaded: &mut Loaded, place: fn(&Found) -> String) {
    let mut ids: HashMap<&str, String> = HashMap::new();
    // Every text is hashed whole: with a fast hash (not SipHash), as no one chooses texts to
    // collide in their own corpus.
    let mut texts: FxHashMap<&[String], &Found> = FxHashMap::default();
    let mut near_keys: HashSet<(&Path, &str)> = HashSet::new();
    for f in &loaded.found {
        let d = &f.document;
        let at = |msg: String| match f.line {
            Some(l) => CorpusError::at_line(&f.path, l, msg),
            None => CorpusError::new(&f.path, msg),
        };
        match ids.get(d.id.as_str()) {
            Some(first) => loaded.errors.push(at(format!("duplicate document id '{}' (also {first})", d.id))),
            None => {
                ids.insert(&d.id, place(f));
            }
        }
        match texts.get(d.paragraphs.as_slice()) {
            Some(first) => {
                let msg =
                    format!("document '{}' has the same text as '{}' ({})", d.id, first.document.id, place(first));
                loaded.warnings.push(at(msg));
            }
            None => {
                texts.insert(&d.paragraphs, f);
            }
        }
        if d.word_count < NEAR_EMPTY_WORDS {
            loaded.warnings.push(at(format!("near-empty document '{}': {} words", d.id, d.word_count)));
        }
        for key in d.fields.keys() {
            if let Some(known) = sidecar::near_known_key(key) {
                if near_keys.insert((&f.path, key)) {
                    let msg =
                        format!("field '{key}' is not a known key (did you mean '{known}'?); kept as a metadata field");
                    loaded.warnings.push(at(msg));
                }
            }
        }
    }
}

/// Sets `loaded.meta`: the settings, with the declared facets (each checked) followed by the
/// automatic ones — fields present in at least 2 documents with at most
/// [`AUTO_FACET_MAX_VALUES`] distinct values, fewer than the documents that have them.
pub(crate) fn choose_facets(loaded: &mut Loaded, settings_path: &Path, settings: Settings) {
    let mut values: BTreeMap<&str, (usize, BTreeSet<&str>)> = BTreeMap::new();
    for f in &loaded.found {
        for (k, v) in &f.document.fields {
            let entry = values.entry(k).or_default();
            entry.0 += 1;
            entry.1.insert(v);
        }
    }
    let mut facets = Vec::new();
    for (declared, &at) in settings.meta.facets.iter().zip(&settings.facet_lines) {
        // A field named like a URL parameter is kept under another name (see
        // `rename_reserved_fields`), and so is its facet.
        let name = &explorer_core::facets::unreserved_field_name(declared).into_owned();
        if BUILT_IN_FACETS.contains(&declared.to_lowercase().as_str()) {
            let msg = format!("'{declared}' is a built-in facet; list only further metadata fields");
            loaded.errors.push(CorpusError::at_line(settings_path, at, msg));
        } else if !values.contains_key(name.as_str()) && !loaded.found.is_empty() {
            let msg = format!("facet '{name}' is not a metadata field of any document");
            loaded.errors.push(CorpusError::at_line(settings_path, at, msg));
        } else {
            facets.push(name.clone());
        }
    }
    loaded.declared_facets = facets.len();
    for (name, (docs, distinct)) in &values {
        let automatic = *docs >= 2 && distinct.len() <= AUTO_FACET_MAX_VALUES && distinct.len() < *docs;
        let built_in = BUILT_IN_FACETS.contains(&name.to_lowercase().as_str());
        if automatic && !built_in && !facets.iter().any(|f| f == name) {
            facets.push(name.to_string());
        }
    }
    loaded.meta = CorpusMeta { facets, ..settings.meta };
}

/// The corpus of these documents, sorted by id, with its version: a hash of everything the
/// app is given, so that a change to `corpus.toml` (a title, stopwords, facets) or to the
/// people list is a new version as well as a new text.
pub(crate) fn corpus_of(documents: Vec<Document>, people: Vec<String>, meta: CorpusMeta) -> Corpus {
    corpus_with_lines(documents, people, meta, false).0
}

/// [`corpus_of`], and with `lines` the documents' part of its JSON Lines file (what
/// [`Corpus::to_jsonl`] writes after the header line: each document's JSON and a line end),
/// written once for both. The version is the FNV-1a hash of `[meta,people,[document,…]]` in
/// JSON, hashed a piece at a time: the whole JSON would be as large as the corpus.
pub(crate) fn corpus_with_lines(
    documents: Vec<Document>,
    people: Vec<String>,
    meta: CorpusMeta,
    lines: bool,
) -> (Corpus, Option<Vec<u8>>) {
    let mut documents = documents;
    documents.sort_by(|a, b| a.id.cmp(&b.id));
    // Writing these to memory or to the hash cannot fail, and their types always serialize.
    const SERIALIZES: &str = "a corpus serializes";
    let mut hash = Fnv1a64::default();
    hash.add(b"[");
    hash.add(&serde_json::to_vec(&meta).expect(SERIALIZES));
    hash.add(b",");
    hash.add(&serde_json::to_vec(&people).expect(SERIALIZES));
    hash.add(b",[");
    // The lines, or one document's JSON at a time.
    let mut out = Vec::new();
    for (i, document) in documents.iter().enumerate() {
        if i > 0 {
            hash.add(b",");
        }
        if !lines {
            out.clear();
        }
        let start = out.len();
        serde_json::to_writer(&mut out, document).expect(SERIALIZES);
        hash.add(&out[start..]);
        if lines {
            out.push(b'\n');
        }
    }
    hash.add(b"]]");
    let corpus = Corpus { version: format!("{:016x}", hash.0), people, meta, documents };
    (corpus, lines.then_some(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fnv1a_64;

    /// The version is the hash of the corpus's JSON, and the lines are the JSON Lines file's
    /// documents, however many documents there are.
    #[test]
    fn the_version_hashes_the_json_and_the_lines_are_the_files() {
        let meta =
            CorpusMeta {
                title: Some("Les “lettres”".into()), facets: vec!["party".into()], ..CorpusMeta::default()
            };
        let people = vec!["Stalin".to_string(), "Ленин".into()];
        let mut b = Document::new("b", "Bé", vec!["one \"two\"".into(), "three\nfour".into()]);
        b.fields.insert("party".into(), "Red".into());
        let all = [b, Document::new("a", "A", vec!["x".into()]), Document::new("c", "C", vec![])];
        for n in 0..=all.len() {
            let documents: Vec<Document> = all[..n].to_vec();
            let (corpus, lines) = corpus_with_lines(documents.clone(), people.clone(), meta.clone(), true);
            let mut sorted = documents.clone();
            sorted.sort_by(|a, b| a.id.cmp(&b.id));
            let json = serde_json::to_string(&(&meta, &people, &sorted)).unwrap();
            assert_eq!(corpus.version, format!("{:016x}", fnv1a_64(json.as_bytes())), "{n} documents");
            let file = format!("{}\n{}", corpus.jsonl_header(), String::from_utf8(lines.unwrap()).unwrap());
            assert_eq!(file, corpus.to_jsonl(), "{n} documents");
            assert_eq!(corpus_of(documents, people.clone(), meta.clone()), corpus);
        }
    }
}
