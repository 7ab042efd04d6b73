//! Reading a corpus in JSON Lines form (a [`CorpusHeader`] line, then one document a line)
//! a slice at a time: bytes are fed as they arrive, complete lines are read and indexed while
//! the caller's time budget lasts, and progress can be shown between slices. The page and
//! [`Corpus::from_jsonl`] read through this one reader.

use crate::engine::Engine;
use crate::index::IndexBuilder;
use crate::model::{parse_document_line, Corpus, CorpusHeader, Document};

/// How far reading has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Documents read.
    pub done: usize,
    /// Documents the header announces (once it is read).
    pub total: Option<usize>,
}

/// A corpus being read from JSON Lines.
#[derive(Default)]
pub struct CorpusReader {
    /// Bytes fed and not yet read (from `at`).
    buf: Vec<u8>,
    /// Offset of the first unread byte in `buf`.
    at: usize,
    /// Bytes from `at` known to hold no line end (a long line fed in many pieces is searched
    /// once, not once a piece).
    searched: usize,
    /// Bytes before `buf[0]` (for messages).
    consumed: usize,
    /// Number of the next line, from 1.
    line: usize,
    header: Option<CorpusHeader>,
    documents: Vec<Document>,
    /// The index built as documents are read (none for [`CorpusReader::without_index`]).
    builder: Option<IndexBuilder>,
}

impl CorpusReader {
    /// A reader that indexes each document as it reads it.
    pub fn new() -> CorpusReader {
        CorpusReader { line: 1, builder: Some(IndexBuilder::new()), ..CorpusReader::default() }
    }

    /// A reader that only parses the documents.
    pub fn without_index() -> CorpusReader {
        CorpusReader { line: 1, ..CorpusReader::default() }
    }

    /// Adds bytes that arrived (a line may be cut anywhere, even inside a character).
    pub fn feed(&mut self, bytes: &[u8]) {
        // Drop what was read before growing the buffer.
        if self.at > 0 && self.at * 2 >= self.buf.len() {
            self.buf.drain(..self.at);
            self.consumed += self.at;
            self.at = 0;
        }
        self.buf.extend_from_slice(bytes);
    }

    /// Adds bytes that arrived, taking them as the buffer when nothing is waiting (a whole
    /// file downloaded at once is not copied a second time).
    pub fn feed_owned(&mut self, bytes: Vec<u8>) {
        if self.at == self.buf.len() {
            self.consumed += self.buf.len();
            self.buf = bytes;
            self.at = 0;
        } else {
            self.feed(&bytes);
        }
    }

    /// How far reading has got.
    pub fn progress(&self) -> Progress {
        Progress { done: self.documents.len(), total: self.header.as_ref().map(|h| h.documents) }
    }

    /// Reads complete lines while `more()` says to go on (asked after each document); returns
    /// true when every complete line fed so far is read.
    pub fn read(&mut self, mut more: impl FnMut() -> bool) -> Result<bool, String> {
        while let Some(end) = self.buf[self.at + self.searched..].iter().position(|&b| b == b'\n') {
            let start = self.at;
            let line_end = start + self.searched + end;
            self.at = line_end + 1;
            self.searched = 0;
            self.read_line(start, line_end)?;
            if !more() {
                return Ok(!self.buf[self.at..].contains(&b'\n'));
            }
        }
        self.searched = self.buf.len() - self.at;
        Ok(true)
    }

    /// Reads one line (`buf[start..end]`, without its line end).
    fn read_line(&mut self, start: usize, end: usize) -> Result<(), String> {
        let line = self.line;
        self.line += 1;
        let text = std::str::from_utf8(&self.buf[start..end])
            .map_err(|e| format!("the corpus file is not UTF-8 at byte {}", self.consumed + start + e.valid_up_to()))?;
        if text.trim().is_empty() {
            return Ok(());
        }
        if self.header.is_none() {
            self.header = Some(CorpusHeader::parse(text)?);
            return Ok(());
        }
        let doc = parse_document_line(text, line)?;
        if let Some(b) = &mut self.builder {
            b.add(&doc);
        }
        self.documents.push(doc);
        Ok(())
    }

    /// Reads what is left (a last line without a line end) and gives the corpus and the index
    /// builder (when indexing).
    fn finish_parts(mut self) -> Result<(Corpus, Option<IndexBuilder>), String> {
        self.read(|| true)?;
        if self.at < self.buf.len() {
            let (start, end) = (self.at, self.buf.len());
            self.at = end;
            self.read_line(start, end)?;
        }
        let header = self.header.ok_or("the corpus file is empty")?;
        Ok((header.into_corpus(self.documents), self.builder))
    }

    /// The corpus read.
    pub fn finish_corpus(self) -> Result<Corpus, String> {
        self.finish_parts().map(|(corpus, _)| corpus)
    }

    /// The engine over the corpus read (the index finished, or built now when the reader did
    /// not index).
    pub fn finish(self) -> Result<Engine, String> {
        let (corpus, builder) = self.finish_parts()?;
        Ok(match builder {
            Some(b) => Engine::with_index(corpus, b.finish()),
            None => Engine::new(corpus),
        })
    }
}

impl Corpus {
    /// Reads a whole corpus in JSON Lines form (see [`Corpus::to_jsonl`]).
    pub fn from_jsonl(text: &str) -> Result<Corpus, String> {
        let mut reader = CorpusReader::without_index();
        reader.feed(text.as_bytes());
        reader.finish_corpus()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Corpus {
        let mut c = Corpus::new(
            "v9",
            vec![
                Document::new("a", "Stalin", vec!["один два".into()]),
                Document::new("b", "B", vec!["union state".into()]),
                Document::new("c", "C", vec![]),
            ],
        );
        c.meta.title = Some("T".into());
        c
    }

    #[test]
    fn slices_of_any_size_read_the_same_corpus_and_index() {
        let text = corpus().to_jsonl();
        let whole = Engine::new(corpus());
        for size in [1, 2, 3, 7, 64, text.len()] {
            let mut r = CorpusReader::new();
            let mut reports = Vec::new();
            for chunk in text.as_bytes().chunks(size) {
                r.feed(chunk);
                // One document per slice: the caller gets the page back after each.
                while !r.read(|| false).unwrap() {
                    reports.push(r.progress());
                }
                reports.push(r.progress());
            }
            assert!(reports.windows(2).all(|w| w[0].done <= w[1].done), "{size}");
            assert_eq!(reports.last().unwrap(), &Progress { done: 3, total: Some(3) }, "{size}");
            let engine = r.finish().unwrap();
            assert_eq!(engine.corpus, whole.corpus, "{size}");
            assert_eq!(engine.index.term_count(), whole.index.term_count());
            assert_eq!(engine.index.lookup("stalin"), whole.index.lookup("stalin"));
        }
    }

    #[test]
    fn owned_slices_read_the_same_corpus() {
        let text = corpus().to_jsonl();
        let mut r = CorpusReader::without_index();
        for chunk in text.as_bytes().chunks(5) {
            r.feed_owned(chunk.to_vec());
            r.read(|| true).unwrap();
        }
        assert_eq!(r.finish_corpus().unwrap(), corpus());
    }

    #[test]
    fn a_last_line_without_a_line_end_and_blank_or_crlf_lines_are_read() {
        let text = corpus().to_jsonl().replace('\n', "\r\n\n  \n");
        assert_eq!(Corpus::from_jsonl(text.trim_end()).unwrap(), corpus());
    }

    #[test]
    fn damaged_files_say_where() {
        assert_eq!(Corpus::from_jsonl("").unwrap_err(), "the corpus file is empty");
        assert!(Corpus::from_jsonl("{}").unwrap_err().contains("first line is not a corpus header"));
        let mut lines: Vec<String> = corpus().to_jsonl().lines().map(str::to_owned).collect();
        lines[2] = "{\"id\": 3".into();
        let e = Corpus::from_jsonl(&lines.join("\n")).unwrap_err();
        assert!(e.starts_with("line 3 of the corpus file is not a document"), "{e}");
        let mut bytes = corpus().to_jsonl().into_bytes();
        let at = bytes.len() - 5;
        bytes[at] = 0xff;
        let mut r = CorpusReader::new();
        r.feed(&bytes);
        assert_eq!(r.read(|| true).unwrap_err(), format!("the corpus file is not UTF-8 at byte {at}"));
    }
}
