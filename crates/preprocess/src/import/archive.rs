//! `.zip` archives among the added files: their entries listed, and each unpacked only when it
//! is read, within limits that keep a small archive from unpacking into more than the page can
//! hold (a "zip bomb"): sizes are counted as the bytes come out, not taken from the archive's
//! word for them.

use super::Limits;
use crate::error::CorpusError;
use crate::source::MAX_FILE_BYTES;
use std::io::{BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};
use zip::result::ZipError;
use zip::CompressionMethod;
use zip::ZipArchive;

/// One file in an archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Entry {
    /// Its path inside the archive, as written there.
    pub name: String,
    /// Its number in the archive.
    pub index: usize,
    /// Its size, as the archive declares it (for progress only; never trusted).
    pub size: u64,
}

impl Default for Archives {
    fn default() -> Archives {
        Archives::new(Limits::default())
    }
}

/// The archives opened, and how much has been unpacked from them.
pub(super) struct Archives {
    open: Vec<ZipArchive<Cursor<Vec<u8>>>>,
    limits: Limits,
    /// Bytes unpacked so far, from every archive.
    unpacked: u64,
    /// Entries listed so far, from every archive.
    entries: usize,
    /// Entries left out because [`Limits::archive_bytes`] had been unpacked.
    pub over_budget: usize,
}

impl Archives {
    /// No archive yet, with these limits.
    pub fn new(limits: Limits) -> Archives {
        Archives { open: Vec::new(), limits, unpacked: 0, entries: 0, over_budget: 0 }
    }

    /// Opens the archive `path` (its bytes): its number and its file entries (folders are not
    /// listed), with a problem when entries were left out for [`Limits::archive_entries`]; or
    /// why it cannot be opened.
    pub fn open(
        &mut self,
        path: &Path,
        bytes: Vec<u8>,
    ) -> Result<(usize, Vec<Entry>, Option<CorpusError>), CorpusError> {
        let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
            let why = match e {
                ZipError::InvalidArchive(why) => format!("({why})"),
                other => format!("({other})"),
            };
            CorpusError::new(path, format!("not a zip archive that can be read: damaged or not a zip file {why}"))
        })?;
        let mut entries = Vec::new();
        let mut left_out = 0;
        for index in 0..zip.len() {
            if self.entries >= self.limits.archive_entries {
                left_out += 1;
                continue;
            }
            self.entries += 1;
            let Some(name) = zip.name_for_index(index).map(str::to_string) else { continue };
            if name.ends_with('/') || name.ends_with('\\') {
                continue;
            }
            // The declared size, for progress; an entry whose local header is damaged says so when unpacked.
            let size = zip.by_index_raw(index).map_or(0, |f| f.size());
            entries.push(Entry { name, index, size });
        }
        let problem = (left_out > 0).then(|| {
            let msg = format!(
                "{} left out: one import reads at most {} entries of archives",
                plural(left_out, "entry", "entries"),
                explorer_core::numbers::group_digits(self.limits.archive_entries)
            );
            CorpusError::new(path, msg)
        });
        self.open.push(zip);
        Ok((self.open.len() - 1, entries, problem))
    }

    /// The bytes of entry `index` of archive `archive`, shown as `path`, or why they cannot be
    /// had: `Err(None)` when the archives have already unpacked [`Limits::archive_bytes`] and
    /// this was told for an earlier entry (the entry is counted in [`Archives::over_budget`]).
    pub fn unpack(&mut self, archive: usize, index: usize, path: &Path) -> Result<Vec<u8>, Option<CorpusError>> {
        let remaining = self.limits.archive_bytes.saturating_sub(self.unpacked);
        if remaining == 0 {
            return Err(self.over(path));
        }
        let Some(zip) = self.open.get_mut(archive) else {
            return Err(Some(CorpusError::new(path, "not found in its archive")));
        };
        let method = zip.by_index_raw(index).map(|f| f.compression()).ok();
        let cap = MAX_FILE_BYTES.min(remaining);
        let mut bytes = Vec::new();
        let read = match zip.by_index(index) {
            Ok(file) => file.take(cap + 1).read_to_end(&mut bytes),
            Err(e) => return Err(Some(CorpusError::new(path, entry_problem(&e, method)))),
        };
        self.unpacked += bytes.len() as u64;
        if let Err(e) = read {
            let msg = format!("damaged: it could not be unpacked ({e}); make the archive again");
            return Err(Some(CorpusError::new(path, msg)));
        }
        if bytes.len() as u64 > cap {
            if cap == MAX_FILE_BYTES {
                let msg = format!(
                    "unpacks to more than the {} MiB a file may have; split it into smaller files",
                    MAX_FILE_BYTES >> 20
                );
                return Err(Some(CorpusError::new(path, msg)));
            }
            return Err(self.over(path));
        }
        Ok(bytes)
    }

    /// The first line of entry `index` of archive `archive` (at most [`MAX_FILE_BYTES`]), if it
    /// can be unpacked; counted in what was unpacked.
    pub fn first_line(&mut self, archive: usize, index: usize) -> Option<Vec<u8>> {
        let remaining = self.limits.archive_bytes.saturating_sub(self.unpacked);
        let file = self.open.get_mut(archive)?.by_index(index).ok()?;
        let mut line = Vec::new();
        let read = BufReader::new(file.take(MAX_FILE_BYTES.min(remaining))).read_until(b'\n', &mut line);
        self.unpacked += line.len() as u64;
        read.ok().map(|_| line)
    }

    /// Notes an entry left out for the limit on bytes unpacked: the problem for the first.
    fn over(&mut self, path: &Path) -> Option<CorpusError> {
        self.over_budget += 1;
        (self.over_budget == 1).then(|| CorpusError::new(path, self.over_budget_message()))
    }

    /// Why entries are left out once the archives have unpacked their limit.
    pub fn over_budget_message(&self) -> String {
        format!(
            "the archives unpack to more than {} in all, the most one import unpacks; add fewer files at a time",
            size_text(self.limits.archive_bytes)
        )
    }
}

/// What is wrong with an entry the archive cannot give (`method`: its compression).
fn entry_problem(e: &ZipError, method: Option<CompressionMethod>) -> String {
    let unusual = method.filter(|&m| m != CompressionMethod::STORE && m != CompressionMethod::DEFLATE);
    match (e, unusual) {
        (ZipError::UnsupportedArchive(ZipError::PASSWORD_REQUIRED), _) => {
            "encrypted (protected by a password), which is not read; unpack it and add the file itself".into()
        }
        (ZipError::UnsupportedArchive(_), Some(m)) => format!(
            "compressed with {}, which is not unpacked (only Deflate, the usual zip compression, is); \
             make the archive again with the usual compression",
            method_name(m)
        ),
        (ZipError::UnsupportedArchive(why), None) => format!("cannot be unpacked: {why}"),
        (ZipError::InvalidArchive(why), _) => format!("damaged: {why}; make the archive again"),
        (other, _) => format!("cannot be unpacked: {other}"),
    }
}

/// The name of a compression method a person may have met.
fn method_name(m: CompressionMethod) -> String {
    let known = [
        (CompressionMethod::BZIP2, "bzip2"),
        (CompressionMethod::DEFLATE64, "Deflate64"),
        (CompressionMethod::LZMA, "LZMA"),
        (CompressionMethod::ZSTD, "Zstandard"),
        (CompressionMethod::XZ, "XZ"),
        (CompressionMethod::PPMD, "PPMd"),
        (CompressionMethod::IMPLODE, "Implode"),
        (CompressionMethod::SHRINK, "Shrink"),
        (CompressionMethod::AES, "AES encryption"),
    ];
    known.iter().find(|(k, _)| *k == m).map_or_else(|| format!("an unusual method ({m})"), |(_, name)| name.to_string())
}

/// A number of bytes as a person reads it ("2 GiB", "300 MiB", "64 KiB", "12 bytes").
fn size_text(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 30 && b % (1 << 30) == 0 => format!("{} GiB", b >> 30),
        b if b >= 1 << 20 => format!("{} MiB", b >> 20),
        b if b >= 1 << 10 => format!("{} KiB", b >> 10),
        b => format!("{b} bytes"),
    }
}

/// "1 entry", "2 entries".
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", explorer_core::numbers::group_digits(n), if n == 1 { one } else { many })
}

/// The path of an entry: the archive's path, then the entry's.
pub(super) fn entry_path(archive: &Path, name: &str) -> PathBuf {
    super::paths::normalise(&format!("{}/{name}", archive.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_a_person_reads_them() {
        assert_eq!(size_text(2 << 30), "2 GiB");
        assert_eq!(size_text(300 << 20), "300 MiB");
        assert_eq!(size_text(3 << 10), "3 KiB");
        assert_eq!(size_text(12), "12 bytes");
        assert_eq!(entry_path(Path::new("a.zip"), "/x\\y.txt"), Path::new("a.zip/x/y.txt"));
    }
}
