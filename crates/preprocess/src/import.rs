//! Reading the files a person adds in the page — files, folders, `.zip` archives, pasted text —
//! with the build's own readers ([`read_document_file`](crate::read_document_file)), one file a
//! step so that the page can show progress and stop between two. Pure Rust, no I/O: the page
//! hands over each file's path (relative to what the person chose: `letters/1998/a.txt`) and
//! bytes.
//!
//! As at build time: the format is the extension; a sidecar `x.toml` belongs to `x.txt`,
//! `x.md` or `x.html` in the same folder; `corpus.toml` and `people.txt` are honoured exactly as
//! the build honours them (strict, remove_clutter, facets, people, title, …) — the shallowest
//! of each (fewest folders deep, then first in path order) when several were added, the others
//! told in [`Imported::ignored`]; hidden files (a name, or a folder on the path, starting with
//! '.') and `README.*` are skipped, and so are the `__MACOSX/` leftovers of archives made on a
//! Mac (all three counted in one line of `ignored`); an explorer corpus file (the page's
//! "Download this corpus") is read back as the corpus it holds ([`crate::explorer_jsonl`]).
//!
//! Unlike the build, which refuses a corpus with any error, **a bad file never stops the good
//! ones**: a file with errors adds nothing (its problems say so), except that a JSON, JSON
//! Lines or CSV file keeps the records that read; documents that share an id are all kept,
//! the later ones given ids made from their paths (`b/1.txt` → `b/1`). `.zip` archives are opened
//! (folders inside are walked; an archive inside an archive is not), their entries unpacked
//! one at a time as they are read, within [`MAX_ARCHIVE_BYTES`] and [`MAX_ARCHIVE_ENTRIES`].

mod archive;
mod ids;
mod listing;
mod paths;
#[cfg(test)]
mod tests;

use crate::assemble;
use crate::document::Cleaning;
use crate::document_file;
use crate::error::CorpusError;
use crate::lines::collapse_whitespace;
use crate::setup::Setup;
use crate::Loaded;
use archive::Archives;
use listing::Listing;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The most bytes one import unpacks from archives, all entries together: 2 GiB. An archive
/// can hold far more than its own size (a "zip bomb" unpacks a few kilobytes into gigabytes);
/// counted as the bytes come out, this keeps the page's memory (4 GiB at most) from filling.
pub const MAX_ARCHIVE_BYTES: u64 = 2 << 30;
/// The most archive entries one import lists: 100,000 (folders included). Each takes memory
/// and a line of the report even when it is not a document.
pub const MAX_ARCHIVE_ENTRIES: usize = 100_000;
/// The title of pasted text the person gave no name.
pub const PASTED_TITLE: &str = "Pasted text";
/// What the report says documents are.
const DOCUMENT_FORMATS: &str = ".txt, .md, .html, .htm, .json, .jsonl, .csv, or a .zip of them";

/// How the page reads added files.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// Remove web page clutter from texts (as `remove_clutter = true` in `corpus.toml` does,
    /// which turns it on too); what is removed is told in [`Imported::removed`].
    pub remove_clutter: bool,
}

/// The limits on what archives may unpack ([`MAX_ARCHIVE_BYTES`], [`MAX_ARCHIVE_ENTRIES`] by default).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The most bytes unpacked from all archives together.
    pub archive_bytes: u64,
    /// The most entries listed from all archives together.
    pub archive_entries: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { archive_bytes: MAX_ARCHIVE_BYTES, archive_entries: MAX_ARCHIVE_ENTRIES }
    }
}

/// How far an [`Import`] has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportProgress {
    /// Document files read (archives' entries counted one by one).
    pub files_done: usize,
    /// Document files to read in all.
    pub files_total: usize,
    /// Bytes of the document files read (an archive entry's as the archive declares it).
    pub bytes_done: u64,
    /// Bytes of all the document files.
    pub bytes_total: u64,
    /// Documents read so far.
    pub documents: usize,
}

/// What an import gives: the corpus and the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The corpus, documents sorted by id; `None` when no document could be read.
    pub corpus: Option<explorer_core::Corpus>,
    /// Every problem as `path:line: message` (or `path: message`), errors first, then
    /// warnings written `path:line: warning: message`, each in path order; a file that its
    /// errors kept out says so (`a.txt: left out because of the error above`), and a records
    /// file that lost some records says which. Problems of the whole import (nothing added)
    /// come after the errors, without a path.
    pub problems: Vec<String>,
    /// What cleaning removed (with [`ImportOptions::remove_clutter`] or a `corpus.toml` asking
    /// for it), `path:line: why: 'text'`.
    pub removed: Vec<String>,
    /// Documents whose id was made unique, e.g. `b/1.txt: id '1' is also the id of a/1.txt;
    /// this document's id is 'b/1'`.
    pub renamed: Vec<String>,
    /// Files not read, each with why (`photo.jpg: not a document format (…)`); hidden files,
    /// READMEs and `__MACOSX/` entries counted in one line.
    pub ignored: Vec<String>,
    /// The documents' part of the corpus's JSON Lines file: what [`Corpus::to_jsonl`] writes
    /// after its header line (written with the version, so that the page need not write the
    /// documents out again); empty when there is no corpus.
    ///
    /// [`Corpus::to_jsonl`]: explorer_core::Corpus::to_jsonl
    pub document_lines: Vec<u8>,
    /// Whether the corpus's documents are in the order they were read
    /// ([`Import::documents_from`]): an index of them built as they were read is the corpus's.
    pub in_reading_order: bool,
    /// Document files read (archives' entries counted one by one), good or bad.
    pub files: usize,
    /// Documents in the corpus.
    pub documents: usize,
}

/// A file's bytes as the page hands them to [`Import::with_later`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileBytes {
    /// Given now.
    Given(Vec<u8>),
    /// To be given when the import is about to read the file ([`Import::wanted`],
    /// [`Import::give`]), so that the disk and the reading go side by side; `size` is the
    /// file's, for progress. Only for files [`Import::needs_at_once`] says can wait.
    Later {
        /// Its size in bytes.
        size: u64,
    },
}

/// Where a file's bytes are.
enum Source {
    /// Given (taken when the file is read).
    Bytes(Vec<u8>),
    /// An entry of an archive, unpacked when the file is read.
    Entry { archive: usize, index: usize },
    /// To be given ([`FileBytes::Later`]): the file's place among those added, and its size.
    Later { added: usize, size: u64 },
}

/// A document file waiting to be read.
struct Queued {
    path: PathBuf,
    source: Source,
    /// Its size, for progress.
    size: u64,
    /// Its sidecar, in [`Import::sidecars`].
    sidecar: Option<usize>,
}

/// Files a person added, read one at a time (so that the caller can report progress and stop
/// between two).
pub struct Import {
    /// The document files, in path order.
    queue: Vec<Queued>,
    /// The next one to read.
    next: usize,
    /// The sidecars, by path.
    sidecars: Vec<(PathBuf, Source)>,
    archives: Archives,
    setup: Setup,
    /// The documents read, with their warnings and what cleaning removed.
    loaded: Loaded,
    /// The errors, in the order found.
    errors: Vec<CorpusError>,
    ignored: Vec<String>,
    /// The line of `ignored` that counts the files skipped without a word.
    skipped: Option<String>,
    progress: ImportProgress,
    /// How many files were added (an archive counts one).
    added: usize,
}

/// The message of a file whose bytes were to be given later and were not.
const NOT_GIVEN: &str = "its bytes never came from the disk; add it again";

impl Import {
    /// `files`: (path relative to what the person chose, e.g. "letters/1998/a.txt" or
    /// "notes.md", bytes). Lists the files and archives' entries and reads `corpus.toml` and
    /// `people.txt`; the documents are read by [`Import::step`].
    pub fn new(files: Vec<(String, Vec<u8>)>, options: ImportOptions) -> Import {
        Import::with_limits(files, options, Limits::default())
    }

    /// [`Import::new`] with other limits on archives.
    pub fn with_limits(files: Vec<(String, Vec<u8>)>, options: ImportOptions, limits: Limits) -> Import {
        let files = files.into_iter().map(|(p, b)| (p, FileBytes::Given(b))).collect();
        Import::listing(files, options, limits)
    }

    /// [`Import::new`] with the bytes of some document files to come as they are read: the
    /// caller gives the file [`Import::wanted`] before each [`Import::step`], and may read
    /// ahead in the order of [`Import::later`]. The files [`Import::needs_at_once`] names must
    /// be given.
    pub fn with_later(files: Vec<(String, FileBytes)>, options: ImportOptions) -> Import {
        Import::listing(files, options, Limits::default())
    }

    /// Whether the bytes of the file added as `path` are needed before anything is read (it is
    /// an archive, `corpus.toml`, `people.txt`, a sidecar, or a JSON Lines file, whose first
    /// line may be an explorer corpus's header, which applies to every document), rather than
    /// when the file's turn comes ([`Import::with_later`]). Skipped files are never read.
    pub fn needs_at_once(path: &str) -> bool {
        let path = paths::normalise(path);
        paths::skipped(&path).is_none()
            && match paths::role(&path) {
                paths::Role::Document(format) => format == crate::Format::JsonLines,
                paths::Role::Other => false,
                _ => true,
            }
    }

    fn listing(files: Vec<(String, FileBytes)>, options: ImportOptions, limits: Limits) -> Import {
        let added = files.len();
        let mut files: Vec<(PathBuf, Source)> = (files.into_iter().enumerate())
            .map(|(i, (path, bytes))| {
                let source = match bytes {
                    FileBytes::Given(b) => Source::Bytes(b),
                    FileBytes::Later { size } => Source::Later { added: i, size },
                };
                (paths::normalise(&path), source)
            })
            .collect();
        files.sort_by(|a, b| a.0.cmp(&b.0));
        let mut listing = Listing::new(limits);
        for (path, source) in files {
            listing.add(path, source, false);
        }
        listing.into_import(options, added)
    }

    /// The files whose bytes are still to be given (by their place among the files added), in
    /// the order the import reads them.
    pub fn later(&self) -> Vec<usize> {
        self.queue[self.next..]
            .iter()
            .filter_map(|q| match q.source {
                Source::Later { added, .. } => Some(added),
                _ => None,
            })
            .collect()
    }

    /// The file (by its place among the files added) whose bytes the next step reads and that
    /// have not been given yet.
    pub fn wanted(&self) -> Option<usize> {
        match self.queue.get(self.next)?.source {
            Source::Later { added, .. } => Some(added),
            _ => None,
        }
    }

    /// Gives the bytes of the file added `added`th, one of [`Import::later`] (others are
    /// ignored).
    pub fn give(&mut self, added: usize, bytes: Vec<u8>) {
        let waiting = |q: &&mut Queued| matches!(q.source, Source::Later { added: a, .. } if a == added);
        if let Some(q) = self.queue[self.next..].iter_mut().find(waiting) {
            q.source = Source::Bytes(bytes);
        }
    }

    /// Pasted text as one `.txt` document named `name` (a title the person typed; empty =
    /// [`PASTED_TITLE`]): its title is the name, every line of the text is kept (unless
    /// clutter is removed), and its id is the name (`/` and `\` made `-`).
    pub fn pasted(name: &str, text: &str, options: ImportOptions) -> Import {
        let title = collapse_whitespace(name);
        let title = if title.is_empty() { PASTED_TITLE.to_string() } else { title };
        let stem: String = title.chars().map(|c| if matches!(c, '/' | '\\') { '-' } else { c }).collect();
        let sidecar = format!("title = {}\n", toml_string(&title)).into_bytes();
        let mut import = Import {
            queue: vec![Queued {
                path: PathBuf::from(format!("{stem}.txt")),
                source: Source::Bytes(text.as_bytes().to_vec()),
                size: text.len() as u64,
                sidecar: Some(0),
            }],
            next: 0,
            sidecars: vec![(PathBuf::from(format!("{stem}.toml")), Source::Bytes(sidecar))],
            archives: Archives::new(Limits::default()),
            setup: Setup::default(),
            loaded: Loaded::default(),
            errors: Vec::new(),
            ignored: Vec::new(),
            skipped: None,
            progress: ImportProgress { files_total: 1, bytes_total: text.len() as u64, ..ImportProgress::default() },
            added: 1,
        };
        if options.remove_clutter {
            import.setup.options.cleaning = Cleaning::RemoveClutter;
        }
        import
    }

    /// Reads the next document file; false when all are read.
    pub fn step(&mut self) -> bool {
        let Some(queued) = self.queue.get_mut(self.next) else { return false };
        self.next += 1;
        let path = queued.path.clone();
        let source = std::mem::replace(&mut queued.source, Source::Bytes(Vec::new()));
        let (size, sidecar) = (queued.size, queued.sidecar);
        self.read(&path, source, sidecar);
        self.progress.files_done += 1;
        self.progress.bytes_done += size;
        self.progress.documents = self.loaded.found.len();
        true
    }

    /// How far it has got.
    pub fn progress(&self) -> ImportProgress {
        self.progress
    }

    /// The documents read so far, from the `from`th on, in the order they were read (their ids
    /// may still be made unique): what the corpus will hold, in its order when
    /// [`Imported::in_reading_order`] says so. The page indexes them beside the reading.
    pub fn documents_from(&self, from: usize) -> impl Iterator<Item = &explorer_core::Document> {
        self.loaded.found.get(from..).unwrap_or_default().iter().map(|f| &f.document)
    }

    /// The corpus (None when no document could be read) and the report. Reads the files not
    /// read yet first.
    pub fn finish(mut self) -> Imported {
        while self.step() {}
        let mut general = Vec::new();
        if self.archives.over_budget > 1 {
            let more = self.archives.over_budget - 1;
            let what = match more {
                1 => "1 more file of archives was".to_string(),
                n => format!("{} more files of archives were", explorer_core::numbers::group_digits(n)),
            };
            general.push(format!("{what} left out for the same reason: {}", self.archives.over_budget_message()));
        }
        let renamed = ids::make_ids_unique(&mut self.loaded.found);
        // The corpus's order is by id: the reading order when the ids, as made, ascend.
        let in_reading_order = self.loaded.found.windows(2).all(|w| w[0].document.id < w[1].document.id);
        let setup = std::mem::take(&mut self.setup);
        assemble::finish(&mut self.loaded, setup, ids::place);
        self.errors.append(&mut self.loaded.errors);
        if self.added == 0 {
            general.push("nothing was added: no files".to_string());
        } else if self.queue.is_empty() {
            general.push(format!("no document files among the files added (documents are {DOCUMENT_FORMATS})"));
        } else if self.loaded.found.is_empty() {
            general.push("no document could be read: every document file had errors (above)".to_string());
        }
        self.errors.sort_by(|a, b| a.path.cmp(&b.path));
        self.loaded.warnings.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
        let warning = |w: &CorpusError| match w.line {
            Some(line) => format!("{}:{line}: warning: {}", w.path.display(), w.message),
            None => format!("{}: warning: {}", w.path.display(), w.message),
        };
        let problems = (self.errors.iter().map(ToString::to_string))
            .chain(general)
            .chain(self.loaded.warnings.iter().map(warning))
            .collect();
        let removed = self.loaded.removed.iter().map(ToString::to_string).collect();
        let mut ignored = self.ignored;
        ignored.extend(self.skipped);
        let documents = self.loaded.found.len();
        let (corpus, document_lines) = if documents > 0 {
            let docs = self.loaded.found.into_iter().map(|f| f.document).collect();
            let (corpus, lines) = assemble::corpus_with_lines(docs, self.loaded.people, self.loaded.meta, true);
            (Some(corpus), lines.unwrap_or_default())
        } else {
            (None, Vec::new())
        };
        let files = self.queue.len();
        Imported { corpus, problems, removed, renamed, ignored, document_lines, in_reading_order, files, documents }
    }

    /// Reads one document file (and its sidecar) into the corpus, or notes why it adds nothing.
    fn read(&mut self, path: &Path, source: Source, sidecar: Option<usize>) {
        let bytes = match self.bytes(path, source) {
            Ok(bytes) => bytes,
            Err(problem) => return self.left_out(path, problem.into_iter().collect()),
        };
        let sidecar = match sidecar.and_then(|i| self.sidecars.get(i)) {
            Some((sp, source)) => {
                let sp = sp.clone();
                // A sidecar may serve two documents (x.txt and x.md): given bytes are copied.
                let source = match source {
                    Source::Bytes(b) => Source::Bytes(b.clone()),
                    Source::Entry { archive, index } => Source::Entry { archive: *archive, index: *index },
                    Source::Later { added, size } => Source::Later { added: *added, size: *size },
                };
                match self.bytes(&sp, source) {
                    Ok(bytes) => Some((sp, bytes)),
                    Err(problem) => return self.left_out(path, problem.into_iter().collect()),
                }
            }
            None => None,
        };
        let mut read = Loaded::default();
        let (sidecar_path, sidecar_bytes) = sidecar.unzip();
        let sidecar = sidecar_path.as_deref().zip(sidecar_bytes);
        let whole = document_file::read_file(path, bytes, sidecar, &self.setup.people, self.setup.options, &mut read);
        read.errors.sort_by_key(|e| e.line);
        read.warnings.sort_by_key(|e| e.line);
        self.loaded.warnings.append(&mut read.warnings);
        if read.errors.is_empty() {
            self.loaded.found.append(&mut read.found);
            self.loaded.removed.append(&mut read.removed);
        } else if !whole || read.found.is_empty() {
            self.left_out(path, read.errors);
        } else {
            let lines: BTreeSet<usize> = read.errors.iter().filter_map(|e| e.line).collect();
            let note = format!(
                "{} added; {} left out because of {}",
                plural(read.found.len(), "document", "documents"),
                records_at(&lines),
                above(read.errors.len())
            );
            self.errors.append(&mut read.errors);
            self.errors.push(CorpusError::new(path, note));
            self.loaded.found.append(&mut read.found);
            self.loaded.removed.append(&mut read.removed);
        }
    }

    /// Notes the `errors` that kept the file at `path` out, and that it was left out (nothing
    /// when there are none: a file of an archive past the limit, told once).
    fn left_out(&mut self, path: &Path, errors: Vec<CorpusError>) {
        if errors.is_empty() {
            return;
        }
        let note = format!("left out because of {}", above(errors.len()));
        self.errors.extend(errors);
        self.errors.push(CorpusError::new(path, note));
    }

    /// The bytes of a file: given, or unpacked from its archive (`Err(None)`: past the limit
    /// of bytes unpacked, already told).
    fn bytes(&mut self, path: &Path, source: Source) -> Result<Vec<u8>, Option<CorpusError>> {
        match source {
            Source::Bytes(bytes) => Ok(bytes),
            Source::Entry { archive, index } => self.archives.unpack(archive, index, path),
            Source::Later { .. } => Err(Some(CorpusError::new(path, NOT_GIVEN))),
        }
    }
}

/// "the record at line 3 was", "the records at lines 3, 5 and 9 were" (the first ten lines,
/// then how many more).
fn records_at(lines: &BTreeSet<usize>) -> String {
    let shown: Vec<String> = lines.iter().take(10).map(ToString::to_string).collect();
    match shown.as_slice() {
        [] => "some records were".into(),
        [one] => format!("the record at line {one} was"),
        [init @ .., last] if lines.len() <= 10 => format!("the records at lines {} and {last} were", init.join(", ")),
        _ => format!("the records at lines {} and {} more were", shown.join(", "), lines.len() - 10),
    }
}

/// "the error above", "the errors above".
fn above(errors: usize) -> &'static str {
    if errors == 1 {
        "the error above"
    } else {
        "the errors above"
    }
}

/// "1 document", "2 documents".
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", explorer_core::numbers::group_digits(n), if n == 1 { one } else { many })
}

/// `s` as a TOML basic string: quoted, with `"`, `\` and control characters escaped.
fn toml_string(s: &str) -> String {
    let mut out = String::from('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
