//! Reading a corpus file as text: UTF-8 only, with binary files and other encodings told apart.

use crate::error::{line_of_offset, CorpusError};
use std::path::Path;

/// How many leading bytes are looked at to tell a binary file.
const SNIFF_BYTES: usize = 8192;
/// Files shorter than this are binary only when they hold NUL or control bytes.
const MIN_SNIFF: usize = 16;

/// The largest file that is read: 256 MiB. A corpus of more is split into several files (a
/// JSON Lines file splits anywhere between lines). The limit keeps one file from taking the
/// build's (or, for a file opened in the page, the tab's) memory: a file is held as bytes,
/// then as text, then as documents, and the page's WebAssembly memory ends at 4 GiB.
pub const MAX_FILE_BYTES: u64 = 256 << 20;

/// The message for a file of `len` bytes, over [`MAX_FILE_BYTES`].
fn too_large(len: u64) -> String {
    let mib = |b: u64| b as f64 / f64::from(1 << 20);
    format!(
        "{:.1} MiB, more than the {:.0} MiB a file may have; split it into smaller files",
        mib(len),
        mib(MAX_FILE_BYTES)
    )
}

/// Reads a UTF-8 text file. A file over [`MAX_FILE_BYTES`] (not read at all), a binary file
/// (NUL bytes, or mostly control characters or undecodable bytes), a UTF-16 file and an
/// invalid byte are each reported; a leading byte-order mark is dropped.
pub fn read_text(path: &Path) -> Result<String, Vec<CorpusError>> {
    let cannot = |e: std::io::Error| vec![CorpusError::new(path, format!("cannot read: {e}"))];
    let len = std::fs::metadata(path).map_err(cannot)?.len();
    if len > MAX_FILE_BYTES {
        return Err(vec![CorpusError::new(path, too_large(len))]);
    }
    let bytes = std::fs::read(path).map_err(cannot)?;
    text_of(path, bytes).map_err(|e| vec![e])
}

/// The text of `bytes` read from `path`, or what is wrong with them.
pub fn text_of(path: &Path, bytes: Vec<u8>) -> Result<String, CorpusError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(CorpusError::new(path, too_large(bytes.len() as u64)));
    }
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(CorpusError::new(path, "UTF-16 text; save it as UTF-8"));
    }
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let controls = head.iter().filter(|&&b| (b < 0x20 && !b"\t\n\r\x0c".contains(&b)) || b == 0x7f).count();
    let binary = head.contains(&0) || controls * 10 > head.len();
    let text = match String::from_utf8(bytes) {
        Ok(text) if !binary => text,
        Ok(_) => return Err(CorpusError::new(path, "binary file, not text")),
        Err(e) => {
            let lossy = String::from_utf8_lossy(&e.as_bytes()[..e.as_bytes().len().min(SNIFF_BYTES)]).into_owned();
            let bad = lossy.chars().filter(|&c| c == '\u{fffd}').count();
            if binary || (lossy.len() >= MIN_SNIFF && bad * 10 > lossy.chars().count() * 3) {
                return Err(CorpusError::new(path, "binary file, not text"));
            }
            let offset = e.utf8_error().valid_up_to();
            let line = line_of_offset(e.as_bytes(), offset);
            return Err(CorpusError::at_line(
                path,
                line,
                format!("not valid UTF-8 (first bad byte at offset {offset})"),
            ));
        }
    };
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    Ok(unix_line_ends(text))
}

/// `text` with every line ending (`\r\n`, or a lone `\r` as old Mac files have) made `\n`, so
/// that every reader splits lines and counts line numbers the same way.
fn unix_line_ends(text: String) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

/// Signs that a text was decoded with the wrong encoding before it was saved: the
/// replacement character, or UTF-8 read as Latin-1/Windows-1252 (`â€™`, `Ã©`).
/// Gives the line and what is wrong.
pub fn encoding_problem(text: &str) -> Option<(usize, String)> {
    if let Some(at) = text.find('\u{fffd}') {
        let line = line_of_offset(text.as_bytes(), at);
        return Some((line, "has the replacement character � (the text was mis-decoded before it was saved)".into()));
    }
    const MOJIBAKE: [&str; 8] = ["â€™", "â€œ", "â€", "Ã©", "Ã¨", "Ã¶", "Ã¼", "Ð¾"];
    let (at, seq) = MOJIBAKE
        .iter()
        .filter_map(|m| text.find(m).map(|at| (at, *m)))
        .min_by_key(|&(at, m)| (at, std::cmp::Reverse(m.len())))?;
    let line = line_of_offset(text.as_bytes(), at);
    Some((
        line,
        format!("looks mis-decoded ('{seq}' is UTF-8 read as Windows-1252); fix the text and save it as UTF-8"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> Result<String, String> {
        text_of(Path::new("a.txt"), bytes.to_vec()).map_err(|e| e.to_string())
    }

    #[test]
    fn every_line_ending_becomes_a_newline() {
        assert_eq!(read(b"a\r\nb\rc\n\rd\r").unwrap(), "a\nb\nc\n\nd\n");
        assert_eq!(read(b"\xef\xbb\xbfno breaks").unwrap(), "no breaks");
        // The line of a bad byte counts lone carriage returns as line ends too.
        assert_eq!(read(b"a\rb\r\nc\r\xff").unwrap_err(), "a.txt:4: not valid UTF-8 (first bad byte at offset 7)");
    }

    #[test]
    fn text_binary_and_encodings() {
        assert_eq!(read(b"\xef\xbb\xbfHello\n").unwrap(), "Hello\n");
        assert_eq!(read(b"ab\0cd").unwrap_err(), "a.txt: binary file, not text");
        assert_eq!(read(b"\x01\x02\x03\x04abc").unwrap_err(), "a.txt: binary file, not text");
        assert_eq!(
            read(b"\x89PNG\r\n\x1a\n\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6\xf5").unwrap_err(),
            "a.txt: binary file, not text"
        );
        assert_eq!(read(b"\xff\xfeH\0i\0").unwrap_err(), "a.txt: UTF-16 text; save it as UTF-8");
        assert_eq!(
            read(b"Title\ncaf\xe9 au lait\n").unwrap_err(),
            "a.txt:2: not valid UTF-8 (first bad byte at offset 9)"
        );
    }

    #[test]
    fn mojibake_is_noticed() {
        assert_eq!(encoding_problem("fine – “quoted” café"), None);
        let (line, msg) = encoding_problem("a\nit\u{e2}\u{20ac}\u{2122}s").unwrap();
        assert_eq!((line, msg.starts_with("looks mis-decoded ('â€™'")), (2, true));
        let (line, msg) = encoding_problem("x\u{fffd}").unwrap();
        assert_eq!((line, msg.starts_with("has the replacement character")), (1, true));
    }
}
