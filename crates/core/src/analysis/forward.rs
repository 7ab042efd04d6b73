//! A forward index: for some documents, the term at every position.
//!
//! The inverted index answers "where does this word occur"; the concordance and the
//! collocates need the opposite, "which word is at this position". Building it reads
//! every posting once (`O(tokens)`), writing only those of the chosen documents.

use crate::index::Index;

/// Marks a position with no word (the gap after the title and after each paragraph).
pub const GAP: u32 = u32::MAX;

/// The term number at each position of some documents.
pub struct Forward {
    /// Per document: where its positions start in `terms`, or `usize::MAX` when not included.
    start: Vec<usize>,
    terms: Vec<u32>,
}

impl Forward {
    /// Builds the forward index of `docs` (other documents read as empty).
    pub fn build(index: &Index, docs: &[usize]) -> Forward {
        let mut start = vec![usize::MAX; index.doc_count()];
        let mut len = 0usize;
        for d in super::clean_docs(index, docs) {
            start[d] = len;
            len += index.doc_positions(d) as usize;
        }
        let mut terms = vec![GAP; len];
        for t in 0..index.term_count() as u32 {
            for p in index.postings(t) {
                let s = start[p.doc as usize];
                if s != usize::MAX {
                    for &pos in index.positions(p) {
                        terms[s + pos as usize] = t;
                    }
                }
            }
        }
        Forward { start, terms }
    }

    /// The terms of a document by position ([`GAP`] between paragraphs); empty when not included.
    pub fn doc(&self, index: &Index, doc: usize) -> &[u32] {
        match self.start.get(doc) {
            Some(&s) if s != usize::MAX => &self.terms[s..s + index.doc_positions(doc) as usize],
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_by_position() {
        let e = super::super::tests::engine(&[("Red sky", "at night\nred", "X", None), ("x", "y", "X", None)]);
        let ix = &e.index;
        let f = Forward::build(ix, &[0]);
        let words: Vec<&str> = f.doc(ix, 0).iter().map(|&t| if t == GAP { "|" } else { ix.term(t) }).collect();
        assert_eq!(words, ["red", "sky", "|", "at", "night", "|", "red", "|"]);
        assert!(f.doc(ix, 1).is_empty());
    }
}
