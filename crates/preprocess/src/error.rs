//! The one error type of the preprocessor: a problem with one corpus file.

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem with one corpus file.
///
/// Displayed as `path:line: message` when a line is known, else `path: message`,
/// so that editors and terminals can jump to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusError {
    /// The file (or folder) the problem is in.
    pub path: PathBuf,
    /// The 1-based line of the problem, when known.
    pub line: Option<usize>,
    /// What is wrong, short and concrete, starting in lowercase.
    pub message: String,
}

impl CorpusError {
    /// A problem with a whole file.
    pub fn new(path: &Path, message: impl Into<String>) -> CorpusError {
        CorpusError { path: path.to_path_buf(), line: None, message: message.into() }
    }

    /// A problem on one line of a file.
    pub fn at_line(path: &Path, line: usize, message: impl Into<String>) -> CorpusError {
        CorpusError { path: path.to_path_buf(), line: Some(line), message: message.into() }
    }
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

impl std::error::Error for CorpusError {}

/// `value`, or the `errors` (sorted by line) when there are any: the end of every reader that
/// reports all the problems of a file.
pub fn value_or_errors<T>(value: T, mut errors: Vec<CorpusError>) -> Result<T, Vec<CorpusError>> {
    if errors.is_empty() {
        Ok(value)
    } else {
        errors.sort_by_key(|e| e.line);
        Err(errors)
    }
}

/// The problems of a failed read, displayed (for tests).
#[cfg(test)]
pub fn messages<T: fmt::Debug>(read: Result<T, Vec<CorpusError>>) -> Vec<String> {
    read.expect_err("the read should fail").iter().map(ToString::to_string).collect()
}

/// The 1-based line on which byte `offset` of `text` lies.
pub fn line_of_offset(text: &[u8], offset: usize) -> usize {
    let end = offset.min(text.len());
    // A line ends with `\n`, `\r\n` or a lone `\r` (old Mac files).
    let lone_cr = |i: usize| text[i] == b'\r' && text.get(i + 1) != Some(&b'\n');
    (0..end).filter(|&i| text[i] == b'\n' || lone_cr(i)).count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_with_and_without_line() {
        let p = Path::new("corpus/a.toml");
        assert_eq!(CorpusError::at_line(p, 3, "unknown key 'x'").to_string(), "corpus/a.toml:3: unknown key 'x'");
        assert_eq!(CorpusError::new(p, "file is empty").to_string(), "corpus/a.toml: file is empty");
    }

    #[test]
    fn offsets_map_to_lines() {
        let text = b"a\nbc\nd";
        assert_eq!(line_of_offset(text, 0), 1);
        assert_eq!(line_of_offset(text, 2), 2);
        assert_eq!(line_of_offset(text, 5), 3);
        assert_eq!(line_of_offset(text, 99), 3);
    }
}
