//! The corpora a person added in the page (kept in their browser): how each is described,
//! how it is named in the URL (`corpus=ID`), and the report of reading its files.

use serde::{Deserialize, Serialize};

/// The longest corpus id (in the URL's `corpus=`).
pub const MAX_ID_CHARS: usize = 64;

/// What reading a person's files found: every problem and every change, so that nothing in
/// their files is dropped without a word.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    /// Files read (archives' entries counted one by one).
    pub files: usize,
    /// Documents read.
    pub documents: usize,
    /// Problems, each as `file:line: message`: files and records that could not be read
    /// (left out), and warnings about the ones that were.
    pub problems: Vec<String>,
    /// What cleaning removed as web page clutter (only when it was asked for).
    pub removed: Vec<String>,
    /// Documents whose id was made unique from their path.
    pub renamed: Vec<String>,
    /// Files that were not read (not a document format), each with why.
    pub ignored: Vec<String>,
}

impl ImportReport {
    /// True when there is nothing to tell beyond the counts.
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty() && self.removed.is_empty() && self.renamed.is_empty() && self.ignored.is_empty()
    }
}

/// How far reading a person's files has got (the reader's worker tells the page).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadProgress {
    /// Files whose bytes were read from the disk.
    pub files_read: usize,
    /// Files read into documents.
    pub files_done: usize,
    /// Files in all.
    pub files: usize,
    /// Bytes read from the disk.
    pub bytes_read: u64,
    /// Bytes in all.
    pub bytes: u64,
    /// Documents read.
    pub documents: usize,
    /// Documents indexed.
    pub indexed: usize,
}

impl ReadProgress {
    /// From 0 to 1: reading the disk counts for a fifth, reading the documents for two
    /// fifths, indexing for the rest.
    pub fn fraction(&self) -> f64 {
        let part = |done: f64, total: f64| if total > 0.0 { (done / total).clamp(0.0, 1.0) } else { 0.0 };
        0.2 * part(self.bytes_read as f64, self.bytes as f64)
            + 0.4 * part(self.files_done as f64, self.files as f64)
            + 0.4 * part(self.indexed as f64, self.documents as f64)
    }
}

/// What the reader's worker tells the page (as JSON; the corpus's two files travel beside it
/// as bytes).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ReaderMessage {
    /// Reading goes on.
    Progress(ReadProgress),
    /// Done: the report, and when documents were read, what the corpus holds (its JSON Lines
    /// file and its index come with this message).
    Done {
        /// What reading found.
        report: ImportReport,
        /// Words in all documents (0 when none was read).
        words: usize,
        /// The corpus version (empty when no document was read).
        version: String,
        /// The corpus's title from a `corpus.toml` among the files.
        title: Option<String>,
    },
    /// Reading could not go on (the message says why).
    Failed(String),
}

/// A corpus kept in the browser, as the Corpora menu lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredCorpus {
    /// Its id, in the URL (`corpus=ID`); see [`is_id`].
    pub id: String,
    /// Its name, as the person gave it or renamed it.
    pub name: String,
    /// Number of documents.
    pub documents: usize,
    /// Number of words.
    pub words: usize,
    /// Bytes kept in the browser (its JSON Lines file and its index).
    pub bytes: u64,
    /// When it was added, in milliseconds since 1970 (UTC).
    pub added_ms: f64,
    /// The corpus version (a hash of its content).
    pub version: String,
    /// What reading its files found.
    pub report: ImportReport,
}

/// True when `id` can name a corpus in the URL: 1 to [`MAX_ID_CHARS`] ASCII lowercase
/// letters, digits and inner hyphens.
pub fn is_id(id: &str) -> bool {
    (1..=MAX_ID_CHARS).contains(&id.len())
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

/// A new id for a corpus named `name`: its letters and digits (ASCII, lowercase, at most 40,
/// `corpus` when it has none), a hyphen and `salt` in hexadecimal, with `-2`, `-3`… when
/// `taken` already has it.
pub fn new_id(name: &str, salt: u32, taken: &[String]) -> String {
    let mut slug = String::new();
    for c in crate::normalize::fold(name).chars() {
        if slug.len() >= 40 {
            break;
        }
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let base = format!("{}-{salt:x}", if slug.is_empty() { "corpus" } else { slug });
    let mut id = base.clone();
    let mut n = 1;
    while taken.contains(&id) {
        n += 1;
        id = format!("{base}-{n}");
    }
    id
}

/// A name for a corpus made of `files` (paths as added): the folder or archive they share, the
/// one file's name, or "N files".
pub fn default_name(files: &[&str]) -> String {
    let top = |p: &str| p.split('/').next().unwrap_or(p).to_owned();
    match files {
        [] => "Pasted text".to_owned(),
        [one] => top(one),
        [first, rest @ ..] => {
            let t = top(first);
            if first.contains('/') && rest.iter().all(|p| p.contains('/') && top(p) == t) {
                t
            } else {
                format!("{} files", files.len())
            }
        }
    }
}

/// The most characters of a corpus name (longer names are cut).
pub const MAX_NAME_CHARS: usize = 120;

/// A name as typed, trimmed and cut to [`MAX_NAME_CHARS`]; `None` when nothing is left.
pub fn clean_name(name: &str) -> Option<String> {
    let name: String = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let name: String = name.chars().filter(|c| !c.is_control()).take(MAX_NAME_CHARS).collect();
    (!name.is_empty()).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_url_safe_and_unique() {
        assert_eq!(new_id("Moby-Dick, chapters", 0xab, &[]), "moby-dick-chapters-ab");
        assert_eq!(new_id("Écrits d’Éluard", 1, &[]), "ecrits-d-eluard-1");
        assert_eq!(new_id("«»", 2, &[]), "corpus-2");
        assert_eq!(new_id("a", 3, &["a-3".into(), "a-3-2".into()]), "a-3-3");
        for name in ["Moby-Dick, chapters", "Écrits d’Éluard", "«»", &"x".repeat(500), "日本語"] {
            assert!(is_id(&new_id(name, u32::MAX, &[])), "{name}");
        }
        for bad in ["", "-a", "a-", "A", "a b", "a/b", "../x", &"a".repeat(65), "é"] {
            assert!(!is_id(bad), "{bad}");
        }
    }

    #[test]
    fn default_names_say_what_was_added() {
        assert_eq!(default_name(&["letters/a.txt", "letters/b/c.txt"]), "letters");
        assert_eq!(default_name(&["mails.zip"]), "mails.zip");
        assert_eq!(default_name(&["a.txt", "b.txt"]), "2 files");
        assert_eq!(default_name(&["x/a.txt", "y/b.txt"]), "2 files");
        assert_eq!(default_name(&[]), "Pasted text");
    }

    #[test]
    fn names_are_trimmed_and_cut() {
        assert_eq!(clean_name("  my \n texts\u{7}  ").as_deref(), Some("my texts"));
        assert_eq!(clean_name(" \t "), None);
        assert_eq!(clean_name(&"é".repeat(500)).unwrap().chars().count(), MAX_NAME_CHARS);
    }

    #[test]
    fn a_stored_corpus_reads_back() {
        let c = StoredCorpus {
            id: "a-1".into(),
            name: "A".into(),
            documents: 2,
            words: 9,
            bytes: 100,
            added_ms: 1.7e12,
            version: "0123".into(),
            report: ImportReport {
                files: 2,
                documents: 2,
                problems: vec!["x.txt:3: bad".into()],
                ..Default::default()
            },
        };
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(serde_json::from_str::<StoredCorpus>(&json).unwrap(), c);
        assert!(!c.report.is_clean() && ImportReport::default().is_clean());
        let m = ReaderMessage::Progress(ReadProgress { files: 2, files_read: 1, ..Default::default() });
        assert_eq!(serde_json::from_str::<ReaderMessage>(&serde_json::to_string(&m).unwrap()).unwrap(), m);
    }

    #[test]
    fn progress_grows_from_zero_to_one() {
        let mut p = ReadProgress { files: 4, bytes: 100, ..Default::default() };
        assert_eq!(p.fraction(), 0.0);
        p.bytes_read = 100;
        assert!((p.fraction() - 0.2).abs() < 1e-9);
        p.files_done = 4;
        p.documents = 10;
        p.indexed = 10;
        assert!((p.fraction() - 1.0).abs() < 1e-9);
        assert_eq!(ReadProgress::default().fraction(), 0.0);
    }
}
