//! Reading one document file from its bytes (and its sidecar's): the whole of reading a file
//! apart from the disk, shared by the build ([`crate::load_corpus`]) and the page
//! ([`crate::import`]).

use crate::clean::{self, Removed};
use crate::document::{self, Cleaning};
use crate::error::CorpusError;
use crate::people::Person;
use crate::settings::Settings;
use crate::sidecar::{self, Sidecar};
use crate::{check, explorer_jsonl, html, markdown, records, source, Format, Found, Loaded};
use explorer_core::Document;
use std::path::Path;

/// How document files are read: whether bytes that are not UTF-8 are an error (`strict`),
/// whether page clutter is removed from the texts, and where the people looked for came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// A file that is not UTF-8 (or UTF-16 with a byte-order mark) is an error, not read as
    /// Windows-1252 with a warning.
    pub strict: bool,
    /// Whether page clutter is removed (see [`Cleaning`]).
    pub cleaning: Cleaning,
    /// Whether the people looked for are the corpus's own list (`people.txt` or `corpus.toml`).
    /// The documents of an explorer corpus file ([`crate::explorer_jsonl`]) are then looked
    /// through for them anew; otherwise (the people came from such a file's header, or there
    /// are none) they keep the people they were found to mention when they were built.
    pub listed_people: bool,
}

impl Settings {
    /// How `corpus.toml` says document files are read.
    pub fn options(&self) -> Options {
        let cleaning = if self.remove_clutter { Cleaning::RemoveClutter } else { Cleaning::Keep };
        // Whether the people are listed is known with people.txt (see `setup`).
        Options { strict: self.strict, cleaning, listed_people: false }
    }
}

/// The text of a file that was read, with the warning its encoding calls for noted in
/// `loaded` (an error when `strict`); `None` when it could not be read (the errors noted).
pub(crate) fn take_text(
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

/// Reads one document file from its bytes — and its sidecar's, for a file that is one
/// document — into `loaded`: its documents, and every problem as `file:line: message`; what
/// cleaning removed, if it ran. The format is the file name's extension. This is the whole of
/// reading a file, apart from the disk: the command line gives it the folder's files, and the
/// page ([`crate::import`]) the files a person adds.
pub fn read_document_file(
    path: &Path,
    bytes: Vec<u8>,
    sidecar: Option<(&Path, Vec<u8>)>,
    people: &[Person],
    options: Options,
    loaded: &mut Loaded,
) {
    read_file(path, bytes, sidecar, people, options, loaded);
}

/// [`read_document_file`], telling whether the file as a whole was read: false when an error
/// concerns the whole file (it could not be decoded, its sidecar is wrong, its one document
/// could not be built, …); true when there was none, or only errors in some of its records
/// (JSON, JSON Lines, CSV), the others read.
pub(crate) fn read_file(
    path: &Path,
    bytes: Vec<u8>,
    sidecar: Option<(&Path, Vec<u8>)>,
    people: &[Person],
    Options { strict, cleaning, listed_people }: Options,
    loaded: &mut Loaded,
) -> bool {
    let errors_before = loaded.errors.len();
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    let Some(format) = Format::from_extension(&ext) else {
        loaded.errors.push(CorpusError::new(path, "not a document format (.txt, .md, .html, .json, .jsonl, .csv)"));
        return false;
    };
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let sidecar = match sidecar.filter(|_| format.one_per_file()) {
        Some((sp, bytes)) => match take_text(sp, source::text_of(sp, bytes).map_err(|e| vec![e]), strict, loaded) {
            Some(t) => sidecar::parse_sidecar(sp, &t).map_err(|e| loaded.errors.extend(e)).ok(),
            None => None,
        },
        None => Some(Sidecar::default()),
    };
    let text = take_text(path, source::text_of(path, bytes).map_err(|e| vec![e]), strict, loaded);
    let (Some(text), Some(sidecar)) = (text, sidecar) else { return false };
    if let Some((line, msg)) = source::encoding_problem(&text) {
        loaded.warnings.push(CorpusError::at_line(path, line, msg));
    }
    if text.trim().is_empty() {
        loaded.errors.push(CorpusError::new(path, "file is empty"));
        return false;
    }
    // A strict corpus's file that is not UTF-8 is read on (every problem is told) but fails.
    let decoded = loaded.errors.len() == errors_before;
    let found = |document: Document, line: Option<usize>| Found { document, path: path.to_path_buf(), line, format };
    let one = |document: Result<(Document, Vec<Removed>), String>, loaded: &mut Loaded| match document {
        Ok((document, removed)) => {
            let told = removed
                .into_iter()
                .map(|r| CorpusError::at_line(path, r.line, format!("{}: '{}'", r.why, check::shorten(&r.text, 120))));
            loaded.removed.extend(told);
            loaded.found.push(found(document, None))
        }
        Err(msg) => loaded.errors.push(CorpusError::new(path, msg)),
    };
    match format {
        Format::Text => one(document::build_document(&stem, &text, &sidecar, people, cleaning), loaded),
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
                one(document::build_document(&stem, &text, &meta, people, cleaning), loaded)
            }
            Err(e) => loaded.errors.extend(e),
        },
        Format::Html => {
            if let Some(line) = html::too_deep(&text) {
                let msg = format!("elements nested more than {} deep; a page this deep is not read", html::MAX_DEPTH);
                loaded.errors.push(CorpusError::at_line(path, line, msg));
                return false;
            }
            let page = html::parse_html(&text);
            let mut meta = page.meta;
            meta.title = meta.title.or(page.title);
            for bad in page.bad_dates {
                let msg = format!("the date '{bad}' in a <meta> tag is not a date; ignored");
                loaded.warnings.push(CorpusError::new(path, msg));
            }
            let meta = meta.overridden_by(&sidecar);
            match document::build_structured_document(&stem, &page.paragraphs, &meta, people, true, cleaning) {
                Ok((document, removed)) => {
                    loaded.removed.extend(removed.into_iter().map(|r| CorpusError::new(path, r)));
                    loaded.found.push(found(document, None))
                }
                Err(msg) => loaded.errors.push(CorpusError::new(path, msg)),
            }
        }
        Format::JsonLines if explorer_jsonl::is_explorer_corpus(&text) => {
            let read = explorer_jsonl::read_corpus_file(path, &text, listed_people.then_some(people));
            loaded.errors.extend(read.errors);
            loaded.warnings.extend(read.warnings);
            loaded.found.extend(read.documents.into_iter().map(|(line, d)| found(d, Some(line))));
            return decoded && read.header_read;
        }
        Format::Json | Format::JsonLines | Format::Csv => {
            let (records, errors) = match format {
                Format::Json => records::parse_json(path, &stem, &text),
                Format::JsonLines => records::parse_json_lines(path, &stem, &text),
                _ => records::parse_csv(path, &stem, &text),
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
                        loaded.found.push(found(document, Some(r.line)))
                    }
                    Err(msg) => loaded.errors.push(CorpusError::at_line(path, r.line, msg)),
                }
            }
            return decoded;
        }
    }
    loaded.errors.len() == errors_before
}
