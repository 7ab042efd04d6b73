//! The added files sorted by role before anything is read — documents, sidecars, settings,
//! people, archives (their entries listed), files that are not read — and what applies to
//! every document read from the shallowest `corpus.toml` and `people.txt` ([`crate::setup`]).

use super::archive::{self, Archives};
use super::paths::{self, Role, Skipped};
use super::{plural, Import, ImportOptions, ImportProgress, Queued, Source, DOCUMENT_FORMATS};
use crate::document::Cleaning;
use crate::error::CorpusError;
use crate::explorer_jsonl;
use crate::setup::{self, Setup};
use crate::{Format, Loaded};
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// The added files sorted by role, before anything is read.
#[derive(Default)]
pub(super) struct Listing {
    archives: Archives,
    documents: Vec<(PathBuf, Source, u64, Format)>,
    sidecars: Vec<(PathBuf, Source)>,
    settings: Vec<(PathBuf, Source)>,
    people: Vec<(PathBuf, Source)>,
    errors: Vec<CorpusError>,
    ignored: Vec<String>,
    /// Files skipped without a word, by why.
    skipped: HashMap<Skipped, usize>,
    /// The paths listed so far (a path added twice is read once).
    seen: BTreeSet<PathBuf>,
}

impl Listing {
    /// Nothing listed yet; archives opened within `limits`.
    pub(super) fn new(limits: super::Limits) -> Listing {
        Listing { archives: Archives::new(limits), ..Listing::default() }
    }

    /// Sorts one file (an archive's entries with it) into its role.
    pub(super) fn add(&mut self, path: PathBuf, source: Source, in_archive: bool) {
        let path = if path.as_os_str().is_empty() { PathBuf::from("(a file without a name)") } else { path };
        if let Some(why) = paths::skipped(&path) {
            *self.skipped.entry(why).or_default() += 1;
            return;
        }
        if !self.seen.insert(path.clone()) {
            self.ignored.push(format!("{}: added twice; read once", path.display()));
            return;
        }
        let size = match &source {
            Source::Bytes(b) => b.len() as u64,
            Source::Entry { .. } => 0,
            Source::Later { size, .. } => *size,
        };
        match paths::role(&path) {
            Role::Archive if in_archive => self.ignored.push(format!(
                "{}: an archive inside an archive is not opened; unpack it and add its files",
                path.display()
            )),
            Role::Archive => {
                let Source::Bytes(bytes) = source else {
                    return self.errors.push(CorpusError::new(&path, super::NOT_GIVEN));
                };
                match self.archives.open(&path, bytes) {
                    Ok((archive, mut entries, problem)) => {
                        self.errors.extend(problem);
                        entries.sort_by(|a, b| a.name.cmp(&b.name));
                        for e in entries {
                            let entry_path = archive::entry_path(&path, &e.name);
                            let before = self.documents.len();
                            self.add(entry_path, Source::Entry { archive, index: e.index }, true);
                            if let Some(d) = self.documents.get_mut(before) {
                                d.2 = e.size.min(crate::source::MAX_FILE_BYTES);
                            }
                        }
                    }
                    Err(e) => self.errors.push(e),
                }
            }
            Role::Settings => self.settings.push((path, source)),
            Role::People => self.people.push((path, source)),
            Role::Sidecar => self.sidecars.push((path, source)),
            Role::Document(format) => self.documents.push((path, source, size, format)),
            Role::Other => self.ignored.push(format!("{}: not a document format ({DOCUMENT_FORMATS})", path.display())),
        }
    }

    /// The import of the files listed: sidecars matched, the shallowest `corpus.toml` and
    /// `people.txt` read, the document files queued.
    pub(super) fn into_import(mut self, options: ImportOptions, added: usize) -> Import {
        self.documents.sort_by(|a, b| a.0.cmp(&b.0));
        let settings = self.shallowest(true);
        let people = self.shallowest(false);
        let mut by_stem: HashMap<(PathBuf, String), usize> = HashMap::new();
        for (i, (path, _)) in self.sidecars.iter().enumerate() {
            by_stem.insert(paths::folder_and_stem(path), i);
        }
        let mut used = vec![false; self.sidecars.len()];
        let mut queue = Vec::new();
        let mut documents = std::mem::take(&mut self.documents);
        for (path, source, size, format) in documents.drain(..) {
            let sidecar = by_stem.get(&paths::folder_and_stem(&path)).copied().filter(|_| format.one_per_file());
            if let Some(i) = sidecar {
                used[i] = true;
            }
            queue.push(Queued { path, source, size, sidecar });
        }
        for (i, (path, _)) in self.sidecars.iter().enumerate() {
            if !used[i] {
                let (_, stem) = paths::folder_and_stem(path);
                let msg = format!("sidecar has no matching document (expected {stem}.txt, {stem}.md or {stem}.html)");
                self.errors.push(CorpusError::new(path, msg));
            }
        }
        let mut import = Import {
            progress: ImportProgress {
                files_total: queue.len(),
                bytes_total: queue.iter().map(|q| q.size).sum(),
                ..ImportProgress::default()
            },
            queue,
            next: 0,
            sidecars: self.sidecars,
            archives: self.archives,
            setup: Setup::default(),
            loaded: Loaded::default(),
            errors: self.errors,
            ignored: self.ignored,
            skipped: skipped_line(&self.skipped),
            added,
        };
        import.read_setup(settings, people, options);
        import
    }

    /// The shallowest `corpus.toml` (`settings`) or `people.txt` added, the others told in
    /// `ignored`.
    fn shallowest(&mut self, settings: bool) -> Option<(PathBuf, Source)> {
        let candidates = std::mem::take(if settings { &mut self.settings } else { &mut self.people });
        let chosen = candidates.iter().map(|(p, _)| p).min_by_key(|p| (paths::depth(p), p.as_path()))?.clone();
        let name = if settings { paths::SETTINGS_FILE } else { paths::PEOPLE_FILE };
        let mut kept = None;
        for (path, source) in candidates {
            if path == chosen {
                kept = Some((path, source));
            } else {
                self.ignored.push(format!(
                    "{}: not used: only the {name} nearest the top is read ({})",
                    path.display(),
                    chosen.display()
                ));
            }
        }
        kept
    }
}

impl Import {
    /// Reads `corpus.toml`, `people.txt` and the headers of explorer corpus files: what applies
    /// to every document ([`crate::setup`]).
    fn read_setup(
        &mut self,
        settings: Option<(PathBuf, Source)>,
        people: Option<(PathBuf, Source)>,
        options: ImportOptions,
    ) {
        let settings = settings.map(|(p, s)| {
            let bytes = self.setup_bytes(&p, s);
            (p, bytes)
        });
        let people = people.map(|(p, s)| {
            let bytes = self.setup_bytes(&p, s);
            (p, bytes)
        });
        let mut headers = Vec::new();
        for q in self.queue.iter().filter(|q| paths::extension(&q.path) == "jsonl") {
            let header = match &q.source {
                Source::Bytes(b) => explorer_jsonl::header_of_bytes(b),
                Source::Entry { archive, index } => {
                    self.archives.first_line(*archive, *index).and_then(|line| explorer_jsonl::header_of_bytes(&line))
                }
                // Given at once (`Import::needs_at_once`); never read otherwise.
                Source::Later { .. } => None,
            };
            if let Some(header) = header {
                headers.push((q.path.clone(), header));
            }
        }
        let mut read = Loaded::default();
        fn as_file(f: &Option<(PathBuf, setup::BytesRead)>) -> Option<setup::FileBytes<'_>> {
            f.as_ref().map(|(p, b)| (p.as_path(), b.clone()))
        }
        let setup = setup::read_setup(
            as_file(&settings),
            as_file(&people),
            &headers,
            Path::new(paths::SETTINGS_FILE),
            &mut read,
        );
        let mut errors = std::mem::take(&mut read.errors);
        errors.sort_by_key(|e| e.line);
        for (path, _) in settings.iter().chain(&people) {
            let (theirs, others): (Vec<_>, Vec<_>) = errors.into_iter().partition(|e| &e.path == path);
            errors = others;
            let unread = setup.unread.contains(path);
            if !theirs.is_empty() {
                self.errors.extend(theirs);
                if unread {
                    let note = "not used because of the errors above; the files were read without it";
                    self.errors.push(CorpusError::new(path, note));
                }
            }
        }
        self.errors.extend(errors);
        self.loaded.warnings.append(&mut read.warnings);
        self.setup = setup;
        if options.remove_clutter {
            self.setup.options.cleaning = Cleaning::RemoveClutter;
        }
    }

    /// The bytes of `corpus.toml` or `people.txt`, or why they could not be had.
    fn setup_bytes(&mut self, path: &Path, source: Source) -> setup::BytesRead {
        self.bytes(path, source).map_err(|problem| {
            vec![problem.unwrap_or_else(|| CorpusError::new(path, self.archives.over_budget_message()))]
        })
    }
}

/// The one line of the report that counts the files skipped without a word, if any were.
fn skipped_line(counts: &HashMap<Skipped, usize>) -> Option<String> {
    let count = |why: Skipped| counts.get(&why).copied().unwrap_or(0);
    let parts: Vec<String> = [
        (count(Skipped::Hidden), "hidden file", "hidden files", " (names starting with '.')"),
        (count(Skipped::Readme), "README", "READMEs", ""),
        (count(Skipped::MacOs), "__MACOSX/ entry", "__MACOSX/ entries", " (file details macOS adds to archives)"),
    ]
    .into_iter()
    .filter(|(n, ..)| *n > 0)
    .map(|(n, one, many, why)| format!("{}{why}", plural(n, one, many)))
    .collect();
    let list = match parts.as_slice() {
        [] => return None,
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    };
    Some(format!("not read, as at build time: {list}"))
}
