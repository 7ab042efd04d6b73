//! The explorer's own corpus file: the JSON Lines that `explorer-preprocess --out FILE.jsonl`
//! and the page's "Download this corpus" write ([`Corpus::to_jsonl`](explorer_core::Corpus::to_jsonl)):
//! a header line (`{"version":…,"people":[…],"meta":{…},"documents":N}`), then one built
//! document per line. A `.jsonl` file whose first line is such a header is read as that
//! corpus, not as records: its documents exactly as they are (id, title, paragraphs, fields,
//! the people found in them — looked for anew only when the folder lists its own people), and
//! its header's people and settings (title, description, facets, …) used when the folder has
//! none of its own: a `corpus.toml` wins over the header's settings, and `people.txt` (or
//! `[[people]]` in `corpus.toml`) over its people. Of several such files, the first (in path
//! order) gives the settings, and all give their people. Nothing is cleaned: the documents
//! were cleaned when they were built.

use crate::error::CorpusError;
use crate::people::{mentioned, Person};
use crate::sidecar::Sidecar;
use explorer_core::model::CorpusHeader;
use explorer_core::tokenize::count_words;
use explorer_core::Document;
use serde_json::Value;
use std::path::Path;

/// What an explorer corpus file holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CorpusFile {
    /// Whether its header line was read (when not, no document is).
    pub header_read: bool,
    /// Its documents, each with its line.
    pub documents: Vec<(usize, Document)>,
    /// Lines that are not documents, and a header that is not valid.
    pub errors: Vec<CorpusError>,
    /// A number of documents other than the header announces.
    pub warnings: Vec<CorpusError>,
}

/// The header of an explorer corpus file when `line` is one — a JSON object with the keys
/// `version`, `meta` and `documents` (a number) and no `text` or `paragraphs`: the header, or
/// what is wrong with it. `None` when `line` is not a header (the file is then read as records).
pub fn header_line(line: &str) -> Option<Result<CorpusHeader, String>> {
    let line = line.strip_prefix('\u{feff}').unwrap_or(line);
    // Most first lines are records: not parsed twice unless they could be a header.
    if !(line.contains("\"documents\"") && line.contains("\"meta\"") && line.contains("\"version\"")) {
        return None;
    }
    let Ok(Value::Object(obj)) = serde_json::from_str::<Value>(line) else { return None };
    let text_key = obj.keys().any(|k| matches!(k.to_lowercase().as_str(), "text" | "paragraphs"));
    let header = obj.contains_key("version")
        && obj.contains_key("meta")
        && obj.get("documents").is_some_and(Value::is_number)
        && !text_key;
    if !header {
        return None;
    }
    Some(
        serde_json::from_value(Value::Object(obj))
            .map_err(|e| format!("the explorer corpus header is not valid: {}", serde_message(&e))),
    )
}

/// Whether `text` (a `.jsonl` file's) is an explorer corpus file: its first line is a header.
pub fn is_explorer_corpus(text: &str) -> bool {
    text.lines().next().and_then(header_line).is_some()
}

/// The header of the explorer corpus file that starts with these bytes, if it is one and its
/// header is valid (the file's own reading reports an invalid one).
pub fn header_of_bytes(start: &[u8]) -> Option<CorpusHeader> {
    let first = start.split(|&b| b == b'\n').next()?;
    let first = std::str::from_utf8(first).ok()?;
    header_line(first.trim_end_matches('\r'))?.ok()
}

/// Reads the explorer corpus file `text` (read from `path`): every line after the header is
/// one document, kept as it is, except that with `people` (the folder's own list) the people
/// it mentions are found anew. A line that is not a document, or a document with no id, no
/// words or a field name that breaks the rule of field names, is an error at its line.
pub fn read_corpus_file(path: &Path, text: &str, people: Option<&[Person]>) -> CorpusFile {
    let mut file = CorpusFile::default();
    let mut lines = text.lines().enumerate();
    let header = match lines.next().and_then(|(_, l)| header_line(l)) {
        Some(Ok(header)) => header,
        Some(Err(msg)) => {
            file.errors.push(CorpusError::at_line(path, 1, msg));
            return file;
        }
        None => {
            file.errors.push(CorpusError::at_line(
                path,
                1,
                "not an explorer corpus file (its first line is no header)",
            ));
            return file;
        }
    };
    file.header_read = true;
    let mut lines_with_documents = 0;
    for (i, line) in lines {
        let number = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        lines_with_documents += 1;
        let at = |msg: String| CorpusError::at_line(path, number, msg);
        match serde_json::from_str::<Document>(line) {
            Ok(mut d) => match document_problem(&d) {
                Some(msg) => file.errors.push(at(msg)),
                None => {
                    if let Some(people) = people {
                        let texts = std::iter::once(d.title.as_str()).chain(d.paragraphs.iter().map(String::as_str));
                        d.people = mentioned(people, texts);
                    }
                    file.documents.push((number, d));
                }
            },
            Err(e) => file.errors.push(at(format!("not a document of an explorer corpus file: {}", serde_message(&e)))),
        }
    }
    if lines_with_documents != header.documents {
        let msg = format!(
            "the header announces {} and {} follow{} (was the file cut short or edited?)",
            documents(header.documents),
            documents(lines_with_documents),
            if lines_with_documents == 1 { "s" } else { "" }
        );
        file.warnings.push(CorpusError::at_line(path, 1, msg));
    }
    file
}

/// "1 document", "2 documents".
fn documents(n: usize) -> String {
    format!("{n} document{}", if n == 1 { "" } else { "s" })
}

/// What is wrong with a document read from an explorer corpus file, if anything: the rules
/// every built document follows (an id, some words, field names as for any metadata).
fn document_problem(d: &Document) -> Option<String> {
    if d.id.trim().is_empty() {
        return Some("a document without an id".into());
    }
    if d.paragraphs.iter().all(|p| count_words(p) == 0) {
        return Some(format!("document '{}' has no words", d.id));
    }
    d.fields.keys().find_map(|k| Sidecar::key_problem(k).map(|p| format!("document '{}': {p}", d.id)))
}

/// A serde_json error without its "at line L column C" (the line is told before), with its column.
fn serde_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let message = full.rfind(" at line ").map_or(full.as_str(), |at| &full[..at]);
    if e.column() > 0 {
        format!("{message} (column {})", e.column())
    } else {
        message.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use explorer_core::Corpus;

    fn corpus() -> Corpus {
        let mut a = Document::new("a", "A", vec!["Stalin spoke.".into()]);
        a.people = vec!["Stalin".into()];
        a.fields.insert("region".into(), "north".into());
        let mut c = Corpus::new("v1", vec![a, Document::new("b", "B", vec!["Lenin wrote.".into()])]);
        c.people = vec!["Stalin".into(), "Lenin".into()];
        c.meta.title = Some("T".into());
        c
    }

    #[test]
    fn headers_are_told_strictly() {
        let jsonl = corpus().to_jsonl();
        let first = jsonl.lines().next().unwrap();
        let header = header_line(first).unwrap().unwrap();
        assert_eq!((header.documents, header.people.len()), (2, 2));
        assert!(is_explorer_corpus(&jsonl));
        assert_eq!(header_of_bytes(jsonl.as_bytes()), Some(header));
        // Records that happen to have some of the keys are records.
        for record in [
            r#"{"version": "1", "meta": {}, "documents": 3, "text": "a record"}"#,
            r#"{"version": "1", "meta": {}, "documents": "three"}"#,
            r#"{"meta": {}, "documents": 3, "title": "x"}"#,
            r#"{"title": "Diary", "text": "documents meta version"}"#,
            "not json \"documents\" \"meta\" \"version\"",
        ] {
            assert_eq!(header_line(record), None, "{record}");
        }
        let bad = header_line(r#"{"version": 1, "meta": {}, "documents": 3}"#).unwrap().unwrap_err();
        assert!(bad.starts_with("the explorer corpus header is not valid: invalid type: integer `1`"), "{bad}");
    }

    #[test]
    fn documents_are_kept_as_they_are() {
        let c = corpus();
        let file = read_corpus_file(Path::new("c.jsonl"), &c.to_jsonl(), None);
        assert!(file.header_read && file.errors.is_empty() && file.warnings.is_empty(), "{file:?}");
        let docs: Vec<Document> = file.documents.iter().map(|(_, d)| d.clone()).collect();
        assert_eq!(docs, c.documents);
        assert_eq!(file.documents.iter().map(|(l, _)| *l).collect::<Vec<_>>(), [2, 3]);
        // With the folder's own people, they are looked for anew.
        let people = crate::people::parse_people(Path::new("people.txt"), "Lenin").unwrap();
        let file = read_corpus_file(Path::new("c.jsonl"), &c.to_jsonl(), Some(&people));
        let found: Vec<&[String]> = file.documents.iter().map(|(_, d)| d.people.as_slice()).collect();
        assert_eq!(found, [&[][..], &["Lenin".to_string()][..]]);
    }

    #[test]
    fn bad_lines_are_errors_at_their_line() {
        let c = corpus();
        let mut text = c.to_jsonl();
        text.push_str("{\"id\": \"c\"}\n\n[1]\n");
        text.push_str(r#"{"id":" ","title":"x","kind":"article","paragraphs":["a b"],"word_count":2}"#);
        text.push('\n');
        text.push_str(r#"{"id":"e","title":"x","kind":"article","paragraphs":["—"],"word_count":0}"#);
        text.push('\n');
        text.push_str(
            r#"{"id":"f","title":"x","kind":"article","paragraphs":["a"],"word_count":1,"fields":{"a&b":"1"}}"#,
        );
        let file = read_corpus_file(Path::new("c.jsonl"), &text, None);
        let errors: Vec<String> = file.errors.iter().map(ToString::to_string).collect();
        assert_eq!(errors.len(), 5, "{errors:#?}");
        assert!(errors[0].starts_with("c.jsonl:4: not a document of an explorer corpus file: missing field `title`"));
        assert!(
            errors[1].starts_with("c.jsonl:6: not a document of an explorer corpus file: invalid type: integer `1`"),
            "{errors:#?}"
        );
        assert_eq!(errors[2], "c.jsonl:7: a document without an id");
        assert_eq!(errors[3], "c.jsonl:8: document 'e' has no words");
        assert!(errors[4].starts_with("c.jsonl:9: document 'f': the field name 'a&b' may hold only"), "{errors:#?}");
        assert_eq!(file.documents.len(), 2);
        assert_eq!(
            file.warnings.iter().map(ToString::to_string).collect::<Vec<_>>(),
            ["c.jsonl:1: the header announces 2 documents and 7 documents follow (was the file cut short or edited?)"]
        );
        let file = read_corpus_file(Path::new("c.jsonl"), "{\"version\": 1, \"meta\": {}, \"documents\": 0}\n", None);
        assert!(!file.header_read);
        assert_eq!(file.errors.len(), 1);
    }
}
