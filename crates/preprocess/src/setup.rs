//! What applies to every document of a corpus, read before the documents: its settings
//! (`corpus.toml`), the people looked for (`people.txt`, or `[[people]]` in `corpus.toml`, not
//! both), and how files are read. When the corpus has no `corpus.toml`, the settings of the
//! first explorer corpus file among its documents ([`crate::explorer_jsonl`], in path order)
//! are used; when it lists no people, the people of every such file's header (in file order,
//! each once), looked for by their label. The corpus's own files always win.

use crate::document_file::{take_text, Options};
use crate::error::CorpusError;
use crate::people::{self, Person};
use crate::settings::{self, Settings};
use crate::{source, Loaded};
use explorer_core::model::CorpusHeader;
use std::path::{Path, PathBuf};

/// A file's bytes, or why they could not be read.
pub(crate) type BytesRead = Result<Vec<u8>, Vec<CorpusError>>;
/// A file's path and its bytes (or why they could not be read).
pub(crate) type FileBytes<'a> = (&'a Path, BytesRead);

/// What applies to every document.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Setup {
    /// The settings (the defaults when there are none, or they could not be read).
    pub settings: Settings,
    /// The file they come from (for messages about declared facets).
    pub settings_path: PathBuf,
    /// The people looked for, in list order.
    pub people: Vec<Person>,
    /// How document files are read.
    pub options: Options,
    /// `corpus.toml` or `people.txt` when it could not be read or has errors (and was not used).
    pub unread: Vec<PathBuf>,
}

/// Reads the settings and the list of people from their files' bytes, with the headers of the
/// explorer corpus files among the documents (path and header, in path order), noting every
/// problem in `loaded`. `default_settings_path` is where `corpus.toml` would be.
pub(crate) fn read_setup(
    settings_file: Option<FileBytes<'_>>,
    people_file: Option<FileBytes<'_>>,
    headers: &[(PathBuf, CorpusHeader)],
    default_settings_path: &Path,
    loaded: &mut Loaded,
) -> Setup {
    let has_settings_file = settings_file.is_some();
    let mut unread = Vec::new();
    // corpus.toml first: its `strict` says whether a file that is not UTF-8 is an error.
    let (settings, settings_path) = match settings_file {
        Some((path, bytes)) => {
            let read = bytes.and_then(|b| source::text_of(path, b).map_err(|e| vec![e]));
            let settings = take_text(path, read, false, loaded)
                .and_then(|text| settings::parse_settings(path, &text).map_err(|e| loaded.errors.extend(e)).ok());
            if settings.is_none() {
                unread.push(path.to_path_buf());
            }
            (settings, path.to_path_buf())
        }
        None => (None, default_settings_path.to_path_buf()),
    };
    let strict = settings.as_ref().is_some_and(|s| s.strict);
    let has_people_file = people_file.is_some();
    let mut people: Vec<Person> = match people_file {
        Some((path, bytes)) => {
            let read = bytes.and_then(|b| source::text_of(path, b).map_err(|e| vec![e]));
            let people = take_text(path, read, strict, loaded)
                .and_then(|t| people::parse_people(path, &t).map_err(|e| loaded.errors.extend(e)).ok());
            if people.is_none() {
                unread.push(path.to_path_buf());
            }
            people.unwrap_or_default()
        }
        None => Vec::new(),
    };
    let listed_in_settings = settings.as_ref().and_then(|s| s.people.clone());
    let listed = has_people_file || listed_in_settings.is_some();
    if let Some((listed, at)) = listed_in_settings {
        if has_people_file {
            let msg = "people are listed in both people.txt and corpus.toml";
            loaded.errors.push(CorpusError::at_line(&settings_path, at, msg));
        } else {
            people = listed;
        }
    }
    if !listed {
        people = header_people(headers, loaded);
    }
    let (settings, settings_path) = match (settings, headers.first()) {
        (Some(settings), _) => (settings, settings_path),
        (None, Some((path, header))) if !has_settings_file => {
            let meta = header.meta.clone();
            let settings = Settings { facet_lines: vec![1; meta.facets.len()], meta, ..Settings::default() };
            (settings, path.clone())
        }
        (None, _) => (Settings::default(), settings_path),
    };
    let options = Options { listed_people: listed, ..settings.options() };
    Setup { settings, settings_path, people, options, unread }
}

/// The people of the explorer corpus files' headers, each once, looked for by their label.
fn header_people(headers: &[(PathBuf, CorpusHeader)], loaded: &mut Loaded) -> Vec<Person> {
    let mut people: Vec<Person> = Vec::new();
    for (path, header) in headers {
        for label in &header.people {
            if people.iter().any(|p| &p.label == label) {
                continue;
            }
            match people::person(label, &[]) {
                Ok(p) => people.push(p),
                Err(msg) => loaded.warnings.push(CorpusError::at_line(path, 1, format!("{msg}; not looked for"))),
            }
        }
    }
    people
}

#[cfg(test)]
mod tests {
    use super::*;
    use explorer_core::model::CorpusMeta;

    fn header(people: &[&str], title: &str, facets: &[&str]) -> CorpusHeader {
        CorpusHeader {
            version: "v".into(),
            people: people.iter().map(|p| p.to_string()).collect(),
            meta: CorpusMeta {
                title: Some(title.into()),
                facets: facets.iter().map(|f| f.to_string()).collect(),
                ..CorpusMeta::default()
            },
            documents: 1,
        }
    }

    fn labels(setup: &Setup) -> Vec<&str> {
        setup.people.iter().map(|p| p.label.as_str()).collect()
    }

    #[test]
    fn the_corpus_files_win_over_headers() {
        let headers = [
            (PathBuf::from("a.jsonl"), header(&["Stalin", "Lenin"], "A", &["region"])),
            (PathBuf::from("b.jsonl"), header(&["Lenin", "Marx"], "B", &[])),
        ];
        let mut loaded = Loaded::default();
        let only_headers = read_setup(None, None, &headers, Path::new("corpus.toml"), &mut loaded);
        assert_eq!(labels(&only_headers), ["Stalin", "Lenin", "Marx"]);
        assert_eq!(only_headers.settings.meta.title.as_deref(), Some("A"));
        assert_eq!(only_headers.settings.facet_lines, [1]);
        assert_eq!(only_headers.settings_path, Path::new("a.jsonl"));
        assert!(!only_headers.options.listed_people);

        let people = Some((Path::new("people.txt"), Ok(b"Trotsky".to_vec())));
        let settings = Some((Path::new("corpus.toml"), Ok(b"title = \"Own\"\nstrict = true".to_vec())));
        let own = read_setup(settings, people, &headers, Path::new("corpus.toml"), &mut loaded);
        assert_eq!(labels(&own), ["Trotsky"]);
        assert_eq!(own.settings.meta.title.as_deref(), Some("Own"));
        assert!(own.options.listed_people && own.options.strict);
        assert!(loaded.errors.is_empty() && loaded.warnings.is_empty(), "{loaded:?}");

        // A corpus.toml that cannot be read is not replaced by a header's settings.
        let settings = Some((Path::new("corpus.toml"), Ok(b"titel = 1".to_vec())));
        let broken = read_setup(settings, None, &headers, Path::new("corpus.toml"), &mut loaded);
        assert_eq!(broken.settings, Settings::default());
        assert_eq!(loaded.errors.len(), 1);
    }
}
