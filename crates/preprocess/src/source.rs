//! Reading a corpus file as text. UTF-8 (with or without a byte-order mark) and UTF-16 with a
//! byte-order mark are read as such; other bytes are read as Windows-1252 (the encoding of
//! older Windows text files, of which Latin-1 is a part), with a warning that names the file
//! and the first line that is not UTF-8 (an error with `strict = true` in `corpus.toml`).
//! Binary files are told apart and refused.

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

/// A file's text and how its bytes were read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    /// The text, every line ending made `\n`, without a byte-order mark.
    pub text: String,
    /// How its bytes were read.
    pub encoding: Encoding,
}

/// How a file's bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (the only encoding read without a word).
    Utf8,
    /// UTF-16, as its byte-order mark says (little- or big-endian).
    Utf16,
    /// Not UTF-8: read as Windows-1252; `line` and `offset` of the first byte that is not UTF-8.
    Windows1252 {
        /// Its line, from 1.
        line: usize,
        /// Its byte offset in the file.
        offset: usize,
    },
}

impl Text {
    /// The warning (or, `strict`, the error) this file's encoding calls for, if any.
    pub fn encoding_problem(&self, path: &Path, strict: bool) -> Option<CorpusError> {
        let Encoding::Windows1252 { line, offset } = self.encoding else { return None };
        Some(if strict {
            let msg = format!(
                "not valid UTF-8 (first bad byte at offset {offset}); save it as UTF-8 (corpus.toml says strict = true)"
            );
            CorpusError::at_line(path, line, msg)
        } else {
            let msg = format!(
                "not UTF-8 (first at offset {offset}): read as Windows-1252; if the text looks wrong, save the file as UTF-8"
            );
            CorpusError::at_line(path, line, msg)
        })
    }
}

/// Reads a text file (see [`text_of`]). A file over [`MAX_FILE_BYTES`] is not read at all.
pub fn read_text(path: &Path) -> Result<Text, Vec<CorpusError>> {
    text_of(path, read_bytes(path)?).map_err(|e| vec![e])
}

/// The bytes of a file; a file over [`MAX_FILE_BYTES`] is not read at all.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, Vec<CorpusError>> {
    let cannot = |e: std::io::Error| vec![CorpusError::new(path, format!("cannot read: {e}"))];
    let len = std::fs::metadata(path).map_err(cannot)?.len();
    if len > MAX_FILE_BYTES {
        return Err(vec![CorpusError::new(path, too_large(len))]);
    }
    std::fs::read(path).map_err(cannot)
}

/// The text of `bytes` read from `path`, or what is wrong with them: UTF-8 (a leading
/// byte-order mark dropped), UTF-16 after its byte-order mark, else Windows-1252; a binary
/// file (NUL bytes, or mostly control characters or undecodable bytes) and a file over
/// [`MAX_FILE_BYTES`] are refused.
pub fn text_of(path: &Path, bytes: Vec<u8>) -> Result<Text, CorpusError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(CorpusError::new(path, too_large(bytes.len() as u64)));
    }
    if let Some(big_endian) = utf16_bom(&bytes) {
        let text = utf16(&bytes[2..], big_endian).map_err(|(line, msg)| CorpusError::at_line(path, line, msg))?;
        return Ok(Text { text: unix_line_ends(text), encoding: Encoding::Utf16 });
    }
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let controls = head.iter().filter(|&&b| (b < 0x20 && !b"\t\n\r\x0c".contains(&b)) || b == 0x7f).count();
    let binary = head.contains(&0) || controls * 10 > head.len();
    if binary {
        return Err(CorpusError::new(path, "binary file, not text"));
    }
    let (text, encoding) = match String::from_utf8(bytes) {
        Ok(text) => (text, Encoding::Utf8),
        Err(e) => {
            let bytes = e.into_bytes();
            // Mostly bytes that are not text in any encoding: a binary file without NULs.
            let lossy = String::from_utf8_lossy(&bytes[..bytes.len().min(SNIFF_BYTES)]).into_owned();
            let bad = lossy.chars().filter(|&c| c == '\u{fffd}').count();
            if lossy.len() >= MIN_SNIFF && bad * 10 > lossy.chars().count() * 3 {
                return Err(CorpusError::new(path, "binary file, not text"));
            }
            let offset = std::str::from_utf8(&bytes).err().map_or(0, |e| e.valid_up_to());
            let line = line_of_offset(&bytes, offset);
            (windows_1252(&bytes), Encoding::Windows1252 { line, offset })
        }
    };
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    Ok(Text { text: unix_line_ends(text), encoding })
}

/// `Some(big_endian)` when `bytes` start with a UTF-16 byte-order mark.
fn utf16_bom(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xff, 0xfe, ..] => Some(false),
        [0xfe, 0xff, ..] => Some(true),
        _ => None,
    }
}

/// UTF-16 text (after its byte-order mark), or the line and what is wrong.
fn utf16(bytes: &[u8], big_endian: bool) -> Result<String, (usize, String)> {
    let units = bytes.chunks_exact(2).map(|p| {
        if big_endian {
            u16::from_be_bytes([p[0], p[1]])
        } else {
            u16::from_le_bytes([p[0], p[1]])
        }
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => text.push(c),
            Err(e) => {
                let line = text.matches('\n').count() + 1;
                return Err((
                    line,
                    format!("not valid UTF-16 (a lone surrogate {:#06x}); save it as UTF-8", e.unpaired_surrogate()),
                ));
            }
        }
    }
    if bytes.len() % 2 == 1 {
        let line = text.matches('\n').count() + 1;
        return Err((line, "UTF-16 text that ends in half a character (an odd number of bytes)".into()));
    }
    Ok(text)
}

/// What the bytes 0x80–0x9F are in Windows-1252 (WHATWG's table: the five it leaves
/// undefined are the C1 controls of the same number); 0xA0–0xFF are U+00A0–U+00FF as in
/// Latin-1. Written out here (32 characters) rather than taken from an encoding crate: the
/// readers run in the page too, and this is all of Windows-1252.
const WINDOWS_1252_HIGH: [char; 32] = [
    '\u{20ac}', '\u{81}', '\u{201a}', '\u{192}', '\u{201e}', '\u{2026}', '\u{2020}', '\u{2021}', '\u{2c6}', '\u{2030}',
    '\u{160}', '\u{2039}', '\u{152}', '\u{8d}', '\u{17d}', '\u{8f}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201c}',
    '\u{201d}', '\u{2022}', '\u{2013}', '\u{2014}', '\u{2dc}', '\u{2122}', '\u{161}', '\u{203a}', '\u{153}', '\u{9d}',
    '\u{17e}', '\u{178}',
];

/// `bytes` read as Windows-1252 (every byte is a character).
pub fn windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9f => WINDOWS_1252_HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
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

/// UTF-8 read as Windows-1252 and saved again as UTF-8 (`’` → `â€™`, `é` → `Ã©`, `о` → `Ð¾`).
const MOJIBAKE: [&str; 8] = ["â€™", "â€œ", "â€", "Ã©", "Ã¨", "Ã¶", "Ã¼", "Ð¾"];
/// The first byte of every [`MOJIBAKE`] sequence (`â`, `Ã` and `Ð` are U+00C0 to U+00FF).
const MOJIBAKE_LEAD: u8 = 0xc3;

/// Signs that a text was decoded with the wrong encoding before it was saved: the
/// replacement character, or UTF-8 read as Latin-1/Windows-1252 (`â€™`, `Ã©`).
/// Gives the line and what is wrong.
pub fn encoding_problem(text: &str) -> Option<(usize, String)> {
    if let Some(at) = text.find('\u{fffd}') {
        let line = line_of_offset(text.as_bytes(), at);
        return Some((line, "has the replacement character � (the text was mis-decoded before it was saved)".into()));
    }
    // The first (the longest there) of them, in one pass: each begins with the byte 0xC3.
    let bytes = text.as_bytes();
    let (at, seq) = (bytes.iter().enumerate().filter(|&(_, &b)| b == MOJIBAKE_LEAD)).find_map(|(at, _)| {
        let here = MOJIBAKE.iter().filter(|m| bytes[at..].starts_with(m.as_bytes()));
        here.max_by_key(|m| m.len()).map(|m| (at, *m))
    })?;
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
        text_of(Path::new("a.txt"), bytes.to_vec()).map(|t| t.text).map_err(|e| e.to_string())
    }

    /// The text and the warning (or, `strict`, the error) its encoding calls for.
    fn read_with(bytes: &[u8], strict: bool) -> (String, Option<String>) {
        let t = text_of(Path::new("a.txt"), bytes.to_vec()).unwrap();
        let problem = t.encoding_problem(Path::new("a.txt"), strict).map(|e| e.to_string());
        (t.text, problem)
    }

    #[test]
    fn every_line_ending_becomes_a_newline() {
        assert_eq!(read(b"a\r\nb\rc\n\rd\r").unwrap(), "a\nb\nc\n\nd\n");
        assert_eq!(read(b"\xef\xbb\xbfno breaks").unwrap(), "no breaks");
        // The line of a byte that is not UTF-8 counts lone carriage returns as line ends too.
        let (text, problem) = read_with(b"a\rb\r\nc\r\xff", true);
        assert_eq!(text, "a\nb\nc\n\u{ff}");
        assert_eq!(
            problem.unwrap(),
            "a.txt:4: not valid UTF-8 (first bad byte at offset 7); save it as UTF-8 (corpus.toml says strict = true)"
        );
    }

    #[test]
    fn text_binary_and_encodings() {
        assert_eq!(read_with(b"\xef\xbb\xbfHello\n", false), ("Hello\n".into(), None));
        assert_eq!(read(b"ab\0cd").unwrap_err(), "a.txt: binary file, not text");
        assert_eq!(read(b"\x01\x02\x03\x04abc").unwrap_err(), "a.txt: binary file, not text");
        assert_eq!(
            read(b"\x89PNG\r\n\x1a\n\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6\xf5").unwrap_err(),
            "a.txt: binary file, not text"
        );
        // UTF-16 with its byte-order mark, either way round, is read as such, without a word.
        assert_eq!(read_with(b"\xff\xfeH\0i\0\r\0\n\0\xe9\0", false), ("Hi\n\u{e9}".into(), None));
        assert_eq!(read_with(b"\xfe\xff\0H\0i\xd8\x3d\xde\x00", false), ("Hi\u{1f600}".into(), None));
        assert_eq!(
            read(b"\xff\xfeH\0\n\0\x00\xd8i\0").unwrap_err(),
            "a.txt:2: not valid UTF-16 (a lone surrogate 0xd800); save it as UTF-8"
        );
        assert_eq!(
            read(b"\xff\xfeH\0i").unwrap_err(),
            "a.txt:1: UTF-16 text that ends in half a character (an odd number of bytes)"
        );
        // Anything else that is not UTF-8 is Windows-1252, with a warning naming the line.
        let (text, problem) = read_with(b"Title\ncaf\xe9 \x93au lait\x94 \x80 \x81\n", false);
        assert_eq!(text, "Title\ncaf\u{e9} \u{201c}au lait\u{201d} \u{20ac} \u{81}\n");
        assert_eq!(
            problem.unwrap(),
            "a.txt:2: not UTF-8 (first at offset 9): read as Windows-1252; if the text looks wrong, save the file as UTF-8"
        );
    }

    #[test]
    fn windows_1252_is_whatwg_s() {
        // Every byte is one character; 0x80-0x9f as the WHATWG table says (spot checks), the
        // rest as Latin-1.
        let all: Vec<u8> = (0..=255).collect();
        let text = windows_1252(&all);
        assert_eq!(text.chars().count(), 256);
        let c = |b: usize| text.chars().nth(b).unwrap();
        assert_eq!(
            (c(0x41), c(0x80), c(0x8a), c(0x96), c(0x9f), c(0xa0), c(0xff)),
            ('A', '€', 'Š', '–', 'Ÿ', '\u{a0}', 'ÿ')
        );
    }

    #[test]
    fn mojibake_is_noticed() {
        assert_eq!(encoding_problem("fine – “quoted” café"), None);
        let (line, msg) = encoding_problem("a\nit\u{e2}\u{20ac}\u{2122}s").unwrap();
        assert_eq!((line, msg.starts_with("looks mis-decoded ('â€™'")), (2, true));
        let (line, msg) = encoding_problem("x\u{fffd}").unwrap();
        assert_eq!((line, msg.starts_with("has the replacement character")), (1, true));
        // The first sequence in the text is named, the longest where two begin together.
        let seq =
            |t: &str| encoding_problem(t).map(|(line, msg)| (line, msg.split('\'').nth(1).unwrap_or("").to_owned()));
        assert_eq!(seq("é Ð¾ then â€œ"), Some((1, "Ð¾".into())));
        assert_eq!(seq("ok\n\nâ€ alone, then Ã©"), Some((3, "â€".into())));
        assert_eq!(seq("â€™"), Some((1, "â€™".into())));
        assert_eq!(seq("Ã alone, Ð and â"), None);
        for m in MOJIBAKE {
            assert_eq!(m.as_bytes()[0], MOJIBAKE_LEAD, "{m}");
        }
    }
}
