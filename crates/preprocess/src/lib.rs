//! Build-time preprocessor of the corpus explorer.
//!
//! [`build_corpus`] reads the documents in a corpus folder — plain text captures (`*.txt`),
//! Markdown with front matter (`*.md`), HTML pages (`*.html`, `*.htm`), and files of many
//! documents (`*.json`, `*.jsonl`, `*.csv`) — cleans them, gathers their metadata (from the
//! text, front matter, `<meta>` tags, `NAME.toml` sidecars, JSON fields, CSV columns), finds
//! the people of `people.txt` or `corpus.toml` in them, reads `corpus.toml`, chooses the
//! metadata fields offered as facets, and returns the [`Corpus`] that the app embeds as JSON.
//! Every problem found is reported, each with its file and line. [`load_corpus`] gives
//! everything found, warnings included, for `explorer-preprocess check`. The explorer's own
//! corpus file (JSON Lines, [`explorer_jsonl`]) is read back as the corpus it holds.
//!
//! [`import`] reads the files a person adds in the page (folders, `.zip` archives, pasted
//! text) with the same readers, keeping every good file when others are bad.

mod assemble;
pub mod check;
pub mod chrome;
pub mod clean;
pub mod dates;
pub mod document;
pub mod document_file;
pub mod error;
pub mod explorer_jsonl;
pub mod html;
pub mod import;
pub mod lines;
pub mod markdown;
pub mod meta;
pub mod people;
pub mod records;
pub mod settings;
mod setup;
pub mod sidecar;
pub mod source;

pub use document_file::{read_document_file, Options};
pub use error::CorpusError;
pub use import::{Import, ImportOptions, ImportProgress, Imported};

use explorer_core::model::{CorpusHeader, CorpusMeta};
use explorer_core::{Corpus, Document};
use std::collections::BTreeMap;
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

/// The list of people, beside the documents.
const PEOPLE_FILE: &str = "people.txt";
/// The corpus's settings, beside the documents.
const SETTINGS_FILE: &str = "corpus.toml";
/// A document with fewer words than this gets a warning.
pub const NEAR_EMPTY_WORDS: usize = 20;
/// A metadata field becomes a facet by itself when it has at most this many distinct values.
pub const AUTO_FACET_MAX_VALUES: usize = 12;
/// The facets the explorer always has; no metadata field may take their name.
pub const BUILT_IN_FACETS: [&str; 4] = ["outlet", "kind", "year", "person"];

/// The formats of document files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// `.txt`: a capture, one paragraph per line.
    Text,
    /// `.md`: Markdown with optional front matter.
    Markdown,
    /// `.html`, `.htm`.
    Html,
    /// `.json`: an array of objects, one per document.
    Json,
    /// `.jsonl`: one object per line.
    JsonLines,
    /// `.csv`: a header row and one document per row.
    Csv,
}

impl Format {
    /// The format of a file with this extension (lowercase), if it is a document file.
    pub fn from_extension(ext: &str) -> Option<Format> {
        Some(match ext {
            "txt" => Format::Text,
            "md" => Format::Markdown,
            "html" | "htm" => Format::Html,
            "json" => Format::Json,
            "jsonl" => Format::JsonLines,
            "csv" => Format::Csv,
            _ => return None,
        })
    }

    /// Its short name, as in the extension.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Json => "json",
            Format::JsonLines => "jsonl",
            Format::Csv => "csv",
        }
    }

    /// Whether one file is one document (and may have a sidecar).
    pub fn one_per_file(self) -> bool {
        matches!(self, Format::Text | Format::Markdown | Format::Html)
    }
}

/// One document that was built, with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The document.
    pub document: Document,
    /// Its file.
    pub path: PathBuf,
    /// The line its object or row starts on (files of many documents).
    pub line: Option<usize>,
    /// The format of its file.
    pub format: Format,
}

impl Found {
    /// Where the document is, as `name` or `name:line`.
    pub fn place(&self) -> String {
        match self.line {
            Some(l) => format!("{}:{l}", file_name(&self.path)),
            None => file_name(&self.path),
        }
    }
}

/// Everything read from a corpus folder, problems included.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Loaded {
    /// The documents that were built, in file order.
    pub found: Vec<Found>,
    /// Problems that stop the build, sorted by file and line.
    pub errors: Vec<CorpusError>,
    /// Problems that do not (near-empty documents, repeated texts, mis-decoded text, …).
    pub warnings: Vec<CorpusError>,
    /// The people looked for, in list order.
    pub people: Vec<String>,
    /// `corpus.toml`'s settings with the facet fields (declared, then automatic).
    pub meta: CorpusMeta,
    /// How many of `meta.facets` were declared in `corpus.toml` (the rest are automatic).
    pub declared_facets: usize,
    /// Files that were not read (not a document format).
    pub ignored: Vec<PathBuf>,
    /// What cleaning removed as page clutter (`remove_clutter = true` in `corpus.toml`), each
    /// with its file, line and why, in file order.
    pub removed: Vec<CorpusError>,
}

impl Loaded {
    /// The corpus, or the errors when there are any.
    pub fn into_corpus(self) -> Result<Corpus, Vec<CorpusError>> {
        if !self.errors.is_empty() {
            return Err(self.errors);
        }
        let documents: Vec<Document> = self.found.into_iter().map(|f| f.document).collect();
        Ok(assemble::corpus_of(documents, self.people, self.meta))
    }
}

/// Reads every document in `dir` and returns the corpus, sorted by id; or every problem found.
pub fn build_corpus(dir: &Path) -> Result<Corpus, Vec<CorpusError>> {
    load_corpus(dir).into_corpus()
}

/// Reads every document in `dir`: cleans it, extracts metadata, applies sidecars, finds
/// people; reads `corpus.toml`; chooses facets; notes every problem. An explorer corpus file
/// among the documents ([`explorer_jsonl`]) gives its documents as they are, and its settings
/// and people when the folder has no `corpus.toml` or list of people of its own.
pub fn load_corpus(dir: &Path) -> Loaded {
    let mut loaded = Loaded::default();
    let files = match list_files(dir) {
        Ok(files) => files,
        Err(e) => {
            loaded.errors.push(e);
            return loaded;
        }
    };
    loaded.errors.extend(files.links.iter().cloned());
    loaded.ignored = files.ignored.clone();

    fn read(path: &Option<PathBuf>) -> Option<setup::FileBytes<'_>> {
        path.as_ref().map(|p| (p.as_path(), source::read_bytes(p)))
    }
    let headers = explorer_corpus_headers(&files.documents);
    let settings_path = dir.join(SETTINGS_FILE);
    let setup = setup::read_setup(read(&files.settings), read(&files.people), &headers, &settings_path, &mut loaded);

    for file in &files.documents {
        read_file(file, &files.sidecars, &setup.people, setup.options, &mut loaded);
    }
    for (stem, path) in &files.sidecars {
        if !files.documents.iter().any(|f| f.format.one_per_file() && &f.stem == stem) {
            let msg = format!("sidecar has no matching document (expected {stem}.txt, {stem}.md or {stem}.html)");
            loaded.errors.push(CorpusError::new(path, msg));
        }
    }
    if files.documents.is_empty() {
        loaded
            .errors
            .push(CorpusError::new(dir, "no documents found (put .txt, .md, .html, .json, .jsonl or .csv files here)"));
    }
    assemble::finish(&mut loaded, setup, Found::place);

    let key = |e: &CorpusError| (e.path.clone(), e.line);
    loaded.errors.sort_by_key(key);
    loaded.warnings.sort_by_key(key);
    loaded
}

/// One document file of the folder.
#[derive(Debug, Clone)]
struct DocumentFile {
    path: PathBuf,
    stem: String,
    format: Format,
}

/// The files of a corpus folder, by role.
#[derive(Debug, Default)]
struct CorpusFiles {
    /// Document files, sorted by path.
    documents: Vec<DocumentFile>,
    /// Sidecars by the file stem they belong to.
    sidecars: BTreeMap<String, PathBuf>,
    /// The list of people, if present.
    people: Option<PathBuf>,
    /// The settings, if present.
    settings: Option<PathBuf>,
    /// Files that are none of these (hidden files and READMEs not counted).
    ignored: Vec<PathBuf>,
    /// Symbolic links, refused: a link could bring a file from anywhere (`~/.netrc`,
    /// `../.env`) into the published corpus.
    links: Vec<CorpusError>,
}

/// Sorts the files directly in `dir` into documents, sidecars, the list of people and the
/// settings. Hidden files, folders and `README.*` are skipped; other files are noted as ignored;
/// symbolic links are refused, each with an error.
fn list_files(dir: &Path) -> Result<CorpusFiles, CorpusError> {
    if !dir.exists() {
        return Err(CorpusError::new(dir, "folder does not exist"));
    }
    if !dir.is_dir() {
        return Err(CorpusError::new(dir, "not a folder"));
    }
    let entries = std::fs::read_dir(dir).map_err(|e| CorpusError::new(dir, format!("cannot read folder: {e}")))?;
    // The entry's own type: a link is a link, whatever it points to.
    let mut paths: Vec<(PathBuf, bool)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| e.file_type().ok().map(|t| (e.path(), t)))
        // Folders are not read, nor links to folders.
        .filter(|(p, t)| t.is_file() || (t.is_symlink() && !p.is_dir()))
        .map(|(p, t)| (p, t.is_symlink()))
        .collect();
    paths.sort();
    let mut files = CorpusFiles::default();
    for (path, link) in paths {
        let name = file_name(&path);
        let lower = name.to_lowercase();
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
        if name.starts_with('.') || stem.eq_ignore_ascii_case("readme") {
            continue;
        }
        if link {
            files.links.push(CorpusError::new(
                &path,
                "a symbolic link, refused: the corpus reads only files that are in its folder (copy the file in)",
            ));
        } else if lower == PEOPLE_FILE {
            files.people = Some(path);
        } else if lower == SETTINGS_FILE {
            files.settings = Some(path);
        } else if ext == "toml" {
            files.sidecars.insert(stem, path);
        } else if let Some(format) = Format::from_extension(&ext) {
            files.documents.push(DocumentFile { path, stem, format });
        } else {
            files.ignored.push(path);
        }
    }
    Ok(files)
}

/// Reads one document file of the folder (and its sidecar) into `loaded`.
fn read_file(
    file: &DocumentFile,
    sidecars: &BTreeMap<String, PathBuf>,
    people: &[people::Person],
    options: Options,
    loaded: &mut Loaded,
) {
    let path = file.path.as_path();
    let sidecar = sidecars.get(&file.stem).filter(|_| file.format.one_per_file());
    let sidecar = match sidecar.map(|sp| (sp.as_path(), source::read_bytes(sp))) {
        Some((sp, Ok(bytes))) => Some((sp, bytes)),
        Some((_, Err(e))) => return loaded.errors.extend(e),
        None => None,
    };
    match source::read_bytes(path) {
        Ok(bytes) => read_document_file(path, bytes, sidecar, people, options, loaded),
        Err(e) => loaded.errors.extend(e),
    }
}

/// The headers of the explorer corpus files among the folder's JSON Lines files, with their
/// paths, read from their first lines (their settings and people apply when the folder has
/// none of its own; a file that cannot be read is told when it is read as a document).
fn explorer_corpus_headers(documents: &[DocumentFile]) -> Vec<(PathBuf, CorpusHeader)> {
    let first_line = |path: &Path| -> Option<Vec<u8>> {
        let file = std::fs::File::open(path).ok()?;
        let mut line = Vec::new();
        std::io::BufReader::new(file.take(source::MAX_FILE_BYTES)).read_until(b'\n', &mut line).ok()?;
        Some(line)
    };
    documents
        .iter()
        .filter(|f| f.format == Format::JsonLines)
        .filter_map(|f| Some((f.path.clone(), explorer_jsonl::header_of_bytes(&first_line(&f.path)?)?)))
        .collect()
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// 64-bit FNV-1a hash, used for the corpus version.
pub fn fnv1a_64(bytes: &[u8]) -> u64 {
    let mut hash = Fnv1a64::default();
    hash.add(bytes);
    hash.0
}

/// [`fnv1a_64`] of bytes given a piece at a time.
pub(crate) struct Fnv1a64(pub(crate) u64);

impl Default for Fnv1a64 {
    fn default() -> Fnv1a64 {
        Fnv1a64(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv1a64 {
    /// Hashes `bytes` after what was hashed before.
    pub(crate) fn add(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
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
