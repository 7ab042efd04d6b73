//! Build-time preprocessor of the corpus explorer.
//!
//! [`build_corpus`] reads the raw captures in a corpus folder (`*.txt`, `*.md`), cleans
//! them of page chrome, reads their metadata from the text and from `NAME.toml` sidecars,
//! finds the people of `people.txt` in them, and returns the [`Corpus`] that the app
//! embeds as JSON. Every problem found is reported, each with its file and line.

pub mod chrome;
pub mod clean;
pub mod dates;
pub mod document;
pub mod error;
pub mod lines;
pub mod meta;
pub mod people;
pub mod sidecar;

pub use error::CorpusError;

use error::line_of_offset;
use explorer_core::Corpus;
use people::Person;
use sidecar::Sidecar;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// File names in the corpus folder that are never documents (compared case-insensitively).
const NOT_DOCUMENTS: [&str; 3] = ["readme.md", "readme.txt", "people.txt"];
/// The list of people, beside the documents.
const PEOPLE_FILE: &str = "people.txt";

/// Reads every document in `dir`, cleans it, extracts metadata, applies sidecars, finds people; sorted by id.
pub fn build_corpus(dir: &Path) -> Result<Corpus, Vec<CorpusError>> {
    let files = list_files(dir).map_err(|e| vec![e])?;
    let mut errors = Vec::new();

    let people = match &files.people {
        Some(path) => read_text(path).and_then(|t| people::parse_people(path, &t)).unwrap_or_else(|e| {
            errors.extend(e);
            Vec::new()
        }),
        None => Vec::new(),
    };

    let mut documents = Vec::new();
    for (id, paths) in &files.documents {
        if let [first, others @ ..] = paths.as_slice() {
            for other in others {
                let msg = format!("duplicate document id '{id}' (also {})", file_name(first));
                errors.push(CorpusError::new(other, msg));
            }
            let sidecar = files.sidecars.get(id);
            match read_document(id, first, sidecar.map(PathBuf::as_path), &people) {
                Ok(doc) => documents.push(doc),
                Err(e) => errors.extend(e),
            }
        }
    }
    for (id, path) in &files.sidecars {
        if !files.documents.contains_key(id) {
            let msg = format!("sidecar has no matching document (expected {id}.txt or {id}.md)");
            errors.push(CorpusError::new(path, msg));
        }
    }
    if files.documents.is_empty() {
        errors.push(CorpusError::new(dir, "no documents found (put .txt or .md files here)"));
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    documents.sort_by(|a, b| a.id.cmp(&b.id));
    let json = serde_json::to_string(&documents).expect("documents serialize");
    Ok(Corpus {
        version: format!("{:016x}", fnv1a_64(json.as_bytes())),
        people: people.into_iter().map(|p| p.label).collect(),
        meta: Default::default(),
        documents,
    })
}

/// The files of a corpus folder, by role.
#[derive(Debug, Default)]
struct CorpusFiles {
    /// Document files by id (more than one path means a duplicate id), paths sorted.
    documents: BTreeMap<String, Vec<PathBuf>>,
    /// Sidecars by the id they belong to.
    sidecars: BTreeMap<String, PathBuf>,
    /// The list of people, if present.
    people: Option<PathBuf>,
}

/// Sorts the files directly in `dir` into documents, sidecars and the list of people.
/// Hidden files, folders and other extensions are ignored.
fn list_files(dir: &Path) -> Result<CorpusFiles, CorpusError> {
    if !dir.exists() {
        return Err(CorpusError::new(dir, "folder does not exist"));
    }
    if !dir.is_dir() {
        return Err(CorpusError::new(dir, "not a folder"));
    }
    let entries = std::fs::read_dir(dir).map_err(|e| CorpusError::new(dir, format!("cannot read folder: {e}")))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.is_file()).collect();
    paths.sort();
    let mut files = CorpusFiles::default();
    for path in paths {
        let name = file_name(&path);
        let lower = name.to_lowercase();
        let (Some(stem), Some(ext)) = (path.file_stem(), path.extension()) else {
            continue;
        };
        let (stem, ext) = (stem.to_string_lossy().into_owned(), ext.to_string_lossy().to_lowercase());
        if name.starts_with('.') {
            continue;
        }
        if lower == PEOPLE_FILE {
            files.people = Some(path);
        } else if NOT_DOCUMENTS.contains(&lower.as_str()) {
            continue;
        } else if ext == "txt" || ext == "md" {
            files.documents.entry(stem).or_default().push(path);
        } else if ext == "toml" {
            files.sidecars.insert(stem, path);
        }
    }
    Ok(files)
}

/// Reads, cleans and assembles one document, with its sidecar if there is one.
fn read_document(
    id: &str,
    path: &Path,
    sidecar_path: Option<&Path>,
    people: &[Person],
) -> Result<explorer_core::Document, Vec<CorpusError>> {
    let text = read_text(path);
    let sidecar = match sidecar_path {
        Some(sp) => read_text(sp).and_then(|t| sidecar::parse_sidecar(sp, &t)),
        None => Ok(Sidecar::default()),
    };
    match (text, sidecar) {
        (Ok(text), Ok(sidecar)) => {
            document::build_document(id, &text, &sidecar, people).map_err(|m| vec![CorpusError::new(path, m)])
        }
        (text, sidecar) => Err(text.err().into_iter().chain(sidecar.err()).flatten().collect()),
    }
}

/// Reads a UTF-8 text file; an invalid byte is reported with its line and byte offset.
fn read_text(path: &Path) -> Result<String, Vec<CorpusError>> {
    let bytes = std::fs::read(path).map_err(|e| vec![CorpusError::new(path, format!("cannot read: {e}"))])?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = line_of_offset(e.as_bytes(), offset);
        vec![CorpusError::at_line(path, line, format!("not valid UTF-8 (first bad byte at offset {offset})"))]
    })
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// 64-bit FNV-1a hash, used for the corpus version.
pub fn fnv1a_64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_reference_values() {
        assert_eq!(fnv1a_64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a_64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a_64(b"foobar"), 0x8594_4171_f739_67e8);
    }
}
