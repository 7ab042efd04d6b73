//! Build-time preprocessor of the corpus explorer.
//!
//! [`build_corpus`] reads the documents in a corpus folder — plain text captures (`*.txt`),
//! Markdown with front matter (`*.md`), HTML pages (`*.html`, `*.htm`), and files of many
//! documents (`*.json`, `*.jsonl`, `*.csv`) — cleans them, gathers their metadata (from the
//! text, front matter, `<meta>` tags, `NAME.toml` sidecars, JSON fields, CSV columns), finds
//! the people of `people.txt` or `corpus.toml` in them, reads `corpus.toml`, chooses the
//! metadata fields offered as facets, and returns the [`Corpus`] that the app embeds as JSON.
//! Every problem found is reported, each with its file and line. [`load_corpus`] gives
//! everything found, warnings included, for `explorer-preprocess check`.

pub mod check;
pub mod chrome;
pub mod clean;
pub mod dates;
pub mod document;
pub mod error;
pub mod html;
pub mod lines;
pub mod markdown;
pub mod meta;
pub mod people;
pub mod records;
pub mod settings;
pub mod sidecar;
pub mod source;

pub use error::CorpusError;

use clean::Removed;
use document::Cleaning;
use explorer_core::model::CorpusMeta;
use explorer_core::{Corpus, Document};
use people::Person;
use settings::Settings;
use sidecar::Sidecar;
use source::read_text;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
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
        let mut documents: Vec<Document> = self.found.into_iter().map(|f| f.document).collect();
        documents.sort_by(|a, b| a.id.cmp(&b.id));
        // The version covers everything the app is given: a change to corpus.toml (a title,
        // stopwords, facets) or to the people list is a new version as well as a new text.
        let json = serde_json::to_string(&(&self.meta, &self.people, &documents)).expect("corpus serializes");
        Ok(Corpus {
            version: format!("{:016x}", fnv1a_64(json.as_bytes())),
            people: self.people,
            meta: self.meta,
            documents,
        })
    }
}

/// Reads every document in `dir` and returns the corpus, sorted by id; or every problem found.
pub fn build_corpus(dir: &Path) -> Result<Corpus, Vec<CorpusError>> {
    load_corpus(dir).into_corpus()
}

/// Reads every document in `dir`: cleans it, extracts metadata, applies sidecars, finds
/// people; reads `corpus.toml`; chooses facets; notes every problem.
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

    // corpus.toml first: its `strict` says whether a file that is not UTF-8 is an error.
    let settings = files.settings.as_ref().and_then(|path| {
        let text = take_text(path, read_text(path), false, &mut loaded)?;
        settings::parse_settings(path, &text).map_err(|e| loaded.errors.extend(e)).ok()
    });
    let options = settings.as_ref().map(Settings::options).unwrap_or_default();
    let strict = options.strict;
    let mut people: Vec<Person> = match &files.people {
        Some(path) => take_text(path, read_text(path), strict, &mut loaded)
            .map(|t| {
                people::parse_people(path, &t).unwrap_or_else(|e| {
                    loaded.errors.extend(e);
                    Vec::new()
                })
            })
            .unwrap_or_default(),
        None => Vec::new(),
    };
    if let Some((listed, at)) = settings.as_ref().and_then(|s| s.people.clone()) {
        let path = files.settings.as_ref().expect("settings were read from a file");
        if files.people.is_some() {
            loaded.errors.push(CorpusError::at_line(path, at, "people are listed in both people.txt and corpus.toml"));
        } else {
            people = listed;
        }
    }

    for file in &files.documents {
        read_file(file, &files.sidecars, &people, options, &mut loaded);
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
    check_documents(&mut loaded);

    loaded.people = people.into_iter().map(|p| p.label).collect();
    let settings_path = files.settings.clone().unwrap_or_else(|| dir.join(SETTINGS_FILE));
    let settings = settings.unwrap_or_default();
    choose_facets(&mut loaded, &settings_path, settings);

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

/// The text of a file that was read, with the warning its encoding calls for noted in
/// `loaded` (an error when `strict`); `None` when it could not be read (the errors noted).
fn take_text(
    path: &Path,
    read: Result<source::Text, Vec<CorpusError>>,
    strict: bool,
    loaded: &mut Loaded,
) -> Option<String> {
    match read {
        Ok(t) => {
            match t.encoding_problem(path, strict) {
                Some(e) if strict => loaded.errors.push(e),
                Some(w) => loaded.warnings.push(w),
                None => {}
            }
            Some(t.text)
        }
        Err(e) => {
            loaded.errors.extend(e);
            None
        }
    }
}

/// Reads one document file of the folder (and its sidecar) into `loaded`.
fn read_file(
    file: &DocumentFile,
    sidecars: &BTreeMap<String, PathBuf>,
    people: &[Person],
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

/// How document files are read: whether bytes that are not UTF-8 are an error (`strict`), and
/// whether page clutter is removed from the texts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// A file that is not UTF-8 (or UTF-16 with a byte-order mark) is an error, not read as
    /// Windows-1252 with a warning.
    pub strict: bool,
    /// Whether page clutter is removed (see [`Cleaning`]).
    pub cleaning: Cleaning,
}

impl Settings {
    /// How `corpus.toml` says document files are read.
    pub fn options(&self) -> Options {
        let cleaning = if self.remove_clutter { Cleaning::RemoveClutter } else { Cleaning::Keep };
        Options { strict: self.strict, cleaning }
    }
}

/// Reads one document file from its bytes — and its sidecar's, for a file that is one
/// document — into `loaded`: its documents, and every problem as `file:line: message`; what
/// cleaning removed, if it ran. The format is the file name's extension. This is the whole of
/// reading a file, apart from the disk: the command line gives it the folder's files, and the
/// page can give it the files a person adds.
pub fn read_document_file(
    path: &Path,
    bytes: Vec<u8>,
    sidecar: Option<(&Path, Vec<u8>)>,
    people: &[Person],
    Options { strict, cleaning }: Options,
    loaded: &mut Loaded,
) {
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    let Some(format) = Format::from_extension(&ext) else {
        return loaded
            .errors
            .push(CorpusError::new(path, "not a document format (.txt, .md, .html, .json, .jsonl, .csv)"));
    };
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let file = DocumentFile { path: path.to_path_buf(), stem, format };
    let sidecar = match sidecar.filter(|_| format.one_per_file()) {
        Some((sp, bytes)) => match take_text(sp, source::text_of(sp, bytes).map_err(|e| vec![e]), strict, loaded) {
            Some(t) => sidecar::parse_sidecar(sp, &t).map_err(|e| loaded.errors.extend(e)).ok(),
            None => None,
        },
        None => Some(Sidecar::default()),
    };
    let text = take_text(path, source::text_of(path, bytes).map_err(|e| vec![e]), strict, loaded);
    let (Some(text), Some(sidecar)) = (text, sidecar) else { return };
    if let Some((line, msg)) = source::encoding_problem(&text) {
        loaded.warnings.push(CorpusError::at_line(path, line, msg));
    }
    if text.trim().is_empty() {
        loaded.errors.push(CorpusError::new(path, "file is empty"));
        return;
    }
    let one = |document: Result<(Document, Vec<Removed>), String>, loaded: &mut Loaded| match document {
        Ok((document, removed)) => {
            let told = removed
                .into_iter()
                .map(|r| CorpusError::at_line(path, r.line, format!("{}: '{}'", r.why, check::shorten(&r.text, 120))));
            loaded.removed.extend(told);
            loaded.found.push(Found { document, path: path.to_path_buf(), line: None, format: file.format })
        }
        Err(msg) => loaded.errors.push(CorpusError::new(path, msg)),
    };
    match file.format {
        Format::Text => one(document::build_document(&file.stem, &text, &sidecar, people, cleaning), loaded),
        Format::Markdown => match markdown::parse_markdown(path, &text) {
            Ok(md) if md.text.trim().is_empty() => {
                loaded.errors.push(CorpusError::new(path, "no text after the front matter"))
            }
            Ok(md) => {
                let meta = md.meta.overridden_by(&sidecar);
                // The Markdown reader marks headings with `#` and list items with `-` for the
                // web-capture cleaner; kept as text, a heading is its words and an item a `•`.
                let text = match cleaning {
                    Cleaning::Keep => md.text.lines().map(clean::normalise).collect::<Vec<_>>().join("\n"),
                    Cleaning::RemoveClutter => md.text,
                };
                one(document::build_document(&file.stem, &text, &meta, people, cleaning), loaded)
            }
            Err(e) => loaded.errors.extend(e),
        },
        Format::Html => {
            if let Some(line) = html::too_deep(&text) {
                let msg = format!("elements nested more than {} deep; a page this deep is not read", html::MAX_DEPTH);
                return loaded.errors.push(CorpusError::at_line(path, line, msg));
            }
            let page = html::parse_html(&text);
            let mut meta = page.meta;
            meta.title = meta.title.or(page.title);
            for bad in page.bad_dates {
                let msg = format!("the date '{bad}' in a <meta> tag is not a date; ignored");
                loaded.warnings.push(CorpusError::new(path, msg));
            }
            let meta = meta.overridden_by(&sidecar);
            match document::build_structured_document(&file.stem, &page.paragraphs, &meta, people, true, cleaning) {
                Ok((document, removed)) => {
                    loaded.removed.extend(removed.into_iter().map(|r| CorpusError::new(path, r)));
                    loaded.found.push(Found { document, path: path.to_path_buf(), line: None, format: file.format })
                }
                Err(msg) => loaded.errors.push(CorpusError::new(path, msg)),
            }
        }
        Format::Json | Format::JsonLines | Format::Csv => {
            let (records, errors) = match file.format {
                Format::Json => records::parse_json(path, &file.stem, &text),
                Format::JsonLines => records::parse_json_lines(path, &file.stem, &text),
                _ => records::parse_csv(path, &file.stem, &text),
            };
            loaded.errors.extend(errors);
            for r in records {
                match document::build_structured_document(
                    &r.default_id,
                    &r.paragraphs,
                    &r.meta,
                    people,
                    false,
                    cleaning,
                ) {
                    Ok((document, removed)) => {
                        loaded.removed.extend(removed.into_iter().map(|m| CorpusError::at_line(path, r.line, m)));
                        loaded.found.push(Found {
                            document,
                            path: path.to_path_buf(),
                            line: Some(r.line),
                            format: file.format,
                        })
                    }
                    Err(msg) => loaded.errors.push(CorpusError::at_line(path, r.line, msg)),
                }
            }
        }
    }
}

/// Checks across documents: ids unique (an error); repeated texts, near-empty documents and
/// field names that look like misspelt known keys (warnings).
fn check_documents(loaded: &mut Loaded) {
    let mut ids: HashMap<&str, String> = HashMap::new();
    let mut texts: HashMap<&[String], &Found> = HashMap::new();
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
                ids.insert(&d.id, f.place());
            }
        }
        match texts.get(d.paragraphs.as_slice()) {
            Some(first) => {
                let msg =
                    format!("document '{}' has the same text as '{}' ({})", d.id, first.document.id, first.place());
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
fn choose_facets(loaded: &mut Loaded, settings_path: &Path, settings: Settings) {
    let mut values: BTreeMap<&str, (usize, BTreeSet<&str>)> = BTreeMap::new();
    for f in &loaded.found {
        for (k, v) in &f.document.fields {
            let entry = values.entry(k).or_default();
            entry.0 += 1;
            entry.1.insert(v);
        }
    }
    let mut facets = Vec::new();
    for (name, &at) in settings.meta.facets.iter().zip(&settings.facet_lines) {
        if BUILT_IN_FACETS.contains(&name.to_lowercase().as_str()) {
            let msg = format!("'{name}' is a built-in facet; list only further metadata fields");
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
