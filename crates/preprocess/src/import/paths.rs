//! The paths of added files: made uniform, sorted into roles as the build sorts a folder's
//! files, and the files skipped as at build time (hidden files, READMEs) and macOS's archive
//! leftovers.

use crate::Format;
use std::path::{Path, PathBuf};

/// The settings file's name (any case), as at build time.
pub(super) const SETTINGS_FILE: &str = "corpus.toml";
/// The list of people's name (any case), as at build time.
pub(super) const PEOPLE_FILE: &str = "people.txt";

/// What an added file is, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// `corpus.toml`.
    Settings,
    /// `people.txt`.
    People,
    /// Another `.toml`: the sidecar of the document of the same stem in the same folder.
    Sidecar,
    /// A document file.
    Document(Format),
    /// A `.zip` archive.
    Archive,
    /// None of these: not read.
    Other,
}

/// Why a file is skipped without a word of its own (counted in one line of the report).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Skipped {
    /// In a `__MACOSX/` folder: file details macOS adds to the archives it makes.
    MacOs,
    /// Its name, or a folder's on its path, starts with '.'.
    Hidden,
    /// `README.*`: about the corpus, not of it.
    Readme,
}

/// A path as given (`letters/1998/a.txt`, `C:\x\a.txt`, `./a.txt`) made uniform: `/` between
/// folders, no empty or `.` parts, no leading `/`.
pub(super) fn normalise(path: &str) -> PathBuf {
    let parts: Vec<&str> = path.split(['/', '\\']).filter(|p| !p.is_empty() && *p != ".").collect();
    PathBuf::from(parts.join("/"))
}

/// Why the file at `path` is skipped, if it is.
pub(super) fn skipped(path: &Path) -> Option<Skipped> {
    let parts: Vec<String> = path.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if parts.iter().any(|p| p == "__MACOSX") {
        return Some(Skipped::MacOs);
    }
    if parts.iter().any(|p| p.starts_with('.')) {
        return Some(Skipped::Hidden);
    }
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    stem.eq_ignore_ascii_case("readme").then_some(Skipped::Readme)
}

/// The file extension of `path`, lowercase ("" when there is none).
pub(super) fn extension(path: &Path) -> String {
    path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default()
}

/// What the file at `path` is.
pub(super) fn role(path: &Path) -> Role {
    let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
    let ext = extension(path);
    if name == PEOPLE_FILE {
        Role::People
    } else if name == SETTINGS_FILE {
        Role::Settings
    } else if ext == "toml" {
        Role::Sidecar
    } else if ext == "zip" {
        Role::Archive
    } else {
        Format::from_extension(&ext).map_or(Role::Other, Role::Document)
    }
}

/// The folder of `path` and its file stem: a sidecar and its document share them.
pub(super) fn folder_and_stem(path: &Path) -> (PathBuf, String) {
    let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    (folder, stem)
}

/// How many folders deep `path` is (0 for a file at the top).
pub(super) fn depth(path: &Path) -> usize {
    path.iter().count().saturating_sub(1)
}

/// `path` without its extension, with `/` between folders: what an id made from the path starts with.
pub(super) fn without_extension(path: &Path) -> String {
    let (folder, stem) = folder_and_stem(path);
    match folder.as_os_str().is_empty() {
        true => stem,
        false => format!("{}/{stem}", folder.display()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_made_uniform() {
        assert_eq!(normalise("letters/1998/a.txt"), Path::new("letters/1998/a.txt"));
        assert_eq!(normalise("/./x//y\\z.md"), Path::new("x/y/z.md"));
        assert_eq!(normalise(""), Path::new(""));
        assert_eq!(without_extension(Path::new("b/1.txt")), "b/1");
        assert_eq!(without_extension(Path::new("1.txt")), "1");
        assert_eq!(depth(Path::new("a.txt")), 0);
        assert_eq!(depth(Path::new("a/b/c.txt")), 2);
    }

    #[test]
    fn roles_and_skipped_files() {
        assert_eq!(role(Path::new("x/Corpus.TOML")), Role::Settings);
        assert_eq!(role(Path::new("People.txt")), Role::People);
        assert_eq!(role(Path::new("a/b.toml")), Role::Sidecar);
        assert_eq!(role(Path::new("a/b.ZIP")), Role::Archive);
        assert_eq!(role(Path::new("a/b.htm")), Role::Document(Format::Html));
        assert_eq!(role(Path::new("photo.jpg")), Role::Other);
        assert_eq!(role(Path::new("Makefile")), Role::Other);
        assert_eq!(skipped(Path::new("a.zip/__MACOSX/._a.txt")), Some(Skipped::MacOs));
        assert_eq!(skipped(Path::new(".git/config")), Some(Skipped::Hidden));
        assert_eq!(skipped(Path::new("a/.DS_Store")), Some(Skipped::Hidden));
        assert_eq!(skipped(Path::new("a/ReadMe.md")), Some(Skipped::Readme));
        assert_eq!(skipped(Path::new("a/readme-notes.md")), None);
        assert_eq!(skipped(Path::new("a/b.txt")), None);
    }
}
